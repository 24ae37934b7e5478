#pragma once
// The Summary: what replications of a scenario amount to, computed once after the runs (every metric's mean
// with its 95 % interval, each element's means, the days' means), and a comparison of two scenarios as
// paired differences. Every writer, the CLI's tables, the report and whatever reads results next (the studio,
// the Python module) take these values; none of them computes a statistic again. Plain values: this header
// knows nothing of the engine, scenario files or output formats.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/results.hpp"

namespace corridor {

// A quantity over replications: the mean and the 95 % Student-t half-width of the mean (0 when n < 2).
struct estimate {
  double mean = 0.0;
  double half_width_95 = 0.0;
  double stddev = 0.0;
  std::size_t n = 0;
};

// The scenario's network as a map needs it: where each node is and what each edge joins.
struct network_node {
  std::string id;
  std::string name;
  std::string kind;  // "terminal", "junction", "crossing" or "port"
  std::string country;
  double lat = 0.0;
  double lon = 0.0;
};

struct network_edge {
  std::string id;
  std::string from;
  std::string to;
  std::string mode;       // "rail" or "ferry"
  int slots_per_day = 0;  // rail departures per day each way; 0 = unlimited
};

struct network_view {
  std::vector<network_node> nodes;  // scenario order
  std::vector<network_edge> edges;  // scenario order
};

// One OD flow over the report window, per day: what was delivered and how long its containers took.
struct flow_summary {
  std::string id;
  std::string direction;  // "westbound", "eastbound" or "other"
  double teu_per_day = 0.0;
  double trains_per_day = 0.0;
  estimate transit_days_mean;
  double transit_days_p50 = 0.0;  // means over replications of each run's percentile
  double transit_days_p95 = 0.0;
  double buffer_days = 0.0;    // mean of each run's p95 - p50
  double promised_days = 0.0;  // 0 = no promise, and on_time_share does not apply
  double on_time_share = 0.0;
  estimate train_transit_days_mean;  // of delivered trains, origin to delivery
};

// One calendar year of a multi-year run over the replications: each of the year's metrics
// (run_result::years) with its mean and 95 % interval, as the run's own metrics have them.
struct year_summary {
  int year = 0;
  std::vector<metric_stat> metrics;
};

// Replications of one scenario. Element lists hold means over the replications, elements matched by id (one
// missing from a replication counts as zero there), in the order the model first reports them; their means
// are the same numbers as the flattened metrics' of the same name.
struct run_summary {
  // What ran. wall_seconds and threads are empty in a reproducible summary (nothing of the machine in it).
  std::string scenario_name;
  std::string scenario_file;
  std::uint64_t seed = 0;
  std::size_t replications = 0;
  std::uint64_t events = 0;   // summed over replications
  double horizon_days = 0.0;  // 0 when unknown (read back from files)
  double window_days = 0.0;   // the report window (after warm-up); 0 when unknown
  double warmup_days = 0.0;
  std::optional<double> wall_seconds;
  std::optional<int> threads;
  std::string version = CORRIDOR_VERSION;
  network_view network;
  // What the share metrics are named after (the runs'), and for labels the display names of the headline
  // share's regions: of trains between share_from_name and share_to_name, those via share_region_name (or
  // avoiding it). The names are the scenario's (corridor::summarize); empty when read back from files.
  share_regions regions;
  std::string share_region_name, share_from_name, share_to_name;

  // What the 95 % intervals hold: empty for the simulation's noise alone (a plain run; nothing is written
  // then, so plain runs' files are as before), else e.g. "simulation noise and parameter uncertainty
  // (4 parameters from estimates.yaml)" (run --parameter-uncertainty).
  std::string intervals;

  // Every flattened metric (run_result::flatten()'s names and order) over the replications, and each
  // replication's own values (values[i] is metrics[i]'s), in replication order.
  std::vector<metric_stat> metrics;
  struct replication_values {
    std::uint64_t replication = 0;
    std::uint64_t seed = 0;
    std::vector<double> values;
  };
  std::vector<replication_values> per_replication;

  cost_breakdown cost;
  std::vector<queue_result> queues;  // crossings, then ferry legs
  std::vector<port_result> ports;    // resource ports (berths, yard or dwell); empty when there are none
  // Wagon pools in scenario order; empty when there are none. Read back from files: their ids only.
  std::vector<wagon_pool_result> wagon_pools;
  std::vector<route_result> routes;
  std::vector<flow_summary> flows;
  std::vector<edge_result> edges;
  std::vector<goods_result> goods;
  // Per day of the first replication; every per-queue vector aligned with `queues`.
  std::vector<daily_row> daily;
  // Multi-year runs: per calendar year, first to last; empty for a run of one unnamed year.
  std::vector<year_summary> years;
};

// The statistic of a flattened metric, or null when the summary has none of that name.
const metric_stat* find_metric(const run_summary& s, std::string_view name) noexcept;
// The same, throwing std::out_of_range naming the metric when there is none.
const metric_stat& metric(const run_summary& s, std::string_view name);

// The statistics of replications of one scenario: every field above except the scenario's name, file and
// network and the wall-clock facts, which only the caller knows. Throws std::invalid_argument when `runs` is
// empty or the runs' flattened names differ.
run_summary summarize_results(const std::vector<run_result>& runs);

// One flattened metric, variant against base, paired by replication.
struct metric_difference {
  std::string name;
  double base_mean = 0.0;
  double variant_mean = 0.0;
  double difference = 0.0;            // variant - base, mean of the paired differences
  double paired_half_width_95 = 0.0;  // t interval of the paired differences
  // A discovery: among all the comparison's metrics, Benjamini-Hochberg keeps the false discovery rate at
  // comparison::fdr (q_value <= fdr). With some 2,000 metrics, "the interval excludes 0" alone would flag
  // about a hundred by chance.
  bool significant = false;
  double unpaired_half_width_95 = 0.0;  // Welch, as if the runs were independent (what pairing saves)
  double p_value = 1.0;                 // two-sided paired t test of a zero mean difference
  double q_value = 1.0;                 // the Benjamini-Hochberg adjusted p-value over the comparison
  bool interval_excludes_zero = false;  // the paired 95 % interval excludes 0 (this metric alone)
};

// A paired comparison of two scenarios (common random numbers).
struct comparison {
  std::string base_name;
  std::string variant_name;
  std::uint64_t seed = 0;
  std::size_t replications = 0;
  double fdr = 0.05;                       // the false discovery rate `significant` controls across `metrics`
  std::vector<metric_difference> metrics;  // names present on both sides, in base order
  std::vector<std::string> only_in_base;
  std::vector<std::string> only_in_variant;
};

// Sets every metric's q_value (Benjamini-Hochberg over the p-values of all of c.metrics) and `significant`
// (q_value <= c.fdr): the one place a comparison decides what is real.
void control_false_discoveries(comparison& c);

// Variants compared with one base, ranked by one metric's paired difference. Each row's interval and p-value
// are that variant's comparison's; the q-values control the false discovery rate across the variants (the
// family of the ranking's tests), and `discoveries` counts the variant's significant metrics in its own
// comparison (FDR across its metrics).
struct variant_rank {
  std::size_t rank = 0;   // 1 = best
  std::size_t index = 0;  // in the order the variants were given
  std::string variant;    // its scenario name
  metric_difference metric;
  double q_value = 1.0;  // Benjamini-Hochberg over the variants' p-values of this metric
  bool significant = false;
  std::size_t discoveries = 0;
};
struct ranking {
  std::string base_name;
  std::string metric;  // the flattened name ranked by
  bool higher_is_better = true;
  std::uint64_t seed = 0;
  std::size_t replications = 0;
  double fdr = 0.05;
  std::vector<variant_rank> rows;  // best first; ties keep the given order
};

// Whether a larger value of a metric is better, from its name: lower for costs, times, waits, queues,
// cancellations, containers left in the system and empty trains; higher for everything else.
bool higher_is_better(std::string_view metric);
// The ranking of comparisons that share one base (same seed and replications) by `metric` ("metrics." may be
// left out), best first. Throws std::invalid_argument when a comparison lacks the metric or none is given.
ranking rank_variants(const std::vector<comparison>& comparisons, std::string_view metric,
                      std::optional<bool> higher_better = std::nullopt);

}  // namespace corridor

#pragma once
// Studies over many runs of the model: replications in parallel (oneTBB), precision-driven replication
// counts, MSER-5 warm-up choice, and base-versus-variant comparison with common random numbers.
// Results depend only on (scenario, seed, replication indices), never on thread count or timing.
// This module must never know output formats (tables, JSON, files): it returns plain values.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/model.hpp"
#include "corridor/results.hpp"
#include "corridor/summary.hpp"

namespace corridor {

// The most worker threads a study accepts. More is a typo, not a machine: oneTBB's arena crashes past 65,536,
// and a count above the machine's cores only oversubscribes it (studies use at most the cores there are).
inline constexpr std::size_t max_threads = 1024;

struct replication_options {
  std::size_t threads = 0;            // worker threads, at most max_threads; 0 = all cores
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed (compare: both sides)
  std::optional<double> warmup_days;  // overrides the scenario's warm-up
  // Called once per finished replication with (done, total), from the worker thread that finished it.
  // Calls are serialized (never two at once) and `done` increases by one each call; keep it cheap.
  // In precision mode `total` is the replication count planned so far.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // Cooperative cancellation: once a stop is requested, replications not yet started are skipped and the
  // call throws study_cancelled (a replication already running finishes first). No stop source: never.
  std::stop_token stop;
};

// A study given replication_options::stop gave up because a stop was requested.
class study_cancelled : public std::runtime_error {
 public:
  study_cancelled() : std::runtime_error("study cancelled: a stop was requested") {}
};

// Runs replications first_replication .. first_replication + count - 1, in parallel, each with
// run_options{replication = i}. results[k] is replication first_replication + k, whatever the threads.
std::vector<run_result> run_replications(const prepared_scenario& prepared, std::size_t count,
                                         std::size_t first_replication = 0,
                                         const replication_options& options = {});

struct precision_result {
  std::vector<run_result> runs;      // replications 0 .. n - 1
  std::vector<metric_stat> summary;  // summarize_runs(runs): the headline check's statistics
  bool converged = false;            // every headline metric met the precision
  std::vector<std::string> unmet;    // headline metrics ("metrics.<name>") still too wide at the end
};

// Adds replications in batches until every headline metric ("metrics." + metric_names(key)) has a 95 %
// half-width <= rel_precision * |mean| (a metric with mean 0 passes), or max_reps is reached. Starts with
// min_reps (>= 2). Batch sizes follow from the results so far only, so the outcome is thread-independent.
precision_result run_until_precision(const prepared_scenario& prepared, double rel_precision,
                                     std::size_t min_reps, std::size_t max_reps,
                                     const replication_options& options = {});

// The warm-up suggested by MSER-5 on the run's daily TEU delivered, in days: the simulation day at which the
// retained part of the series starts. Run with warmup_days = 0 for a meaningful answer. Throws
// std::invalid_argument when the run has fewer than 10 daily rows.
double choose_warmup_mser5(const run_result& run);

// The Summary of replications of `s`: summarize_results() with the scenario's name, file and network.
// Throws std::invalid_argument when runs is empty or their flattened names differ.
run_summary summarize(const scenario& s, const std::vector<run_result>& runs, double warmup_days);

struct compare_result {
  comparison summary;  // paired differences, metric by metric
  run_summary base;    // each side on its own
  run_summary variant;
  std::vector<run_result> base_runs;
  std::vector<run_result> variant_runs;
};

// Runs base and variant with the same seed (options.seed, else the base scenario's) and the same replication
// indices 0 .. replications - 1; streams are keyed by entity ids, so the pairs share random numbers wherever
// the scenarios share entities. Needs replications >= 2. Throws std::invalid_argument when a side's runs do
// not all flatten to the same names.
compare_result compare_scenarios(const prepared_scenario& base, const prepared_scenario& variant,
                                 std::size_t replications, const replication_options& options = {});

// What compare_scenarios does once both sides have run, for runs made earlier: base_runs[i] and
// variant_runs[i] must be the same replication index with the same seed (options.seed, else the base
// scenario's), as run_replications gives with that seed, so that each pair shares random numbers. Lets a
// caller keep the base's runs and pair new variants with them. Needs equal, non-zero counts; with a single
// pair every interval is 0 and nothing is significant. Throws std::invalid_argument otherwise, or when a
// side's runs do not all flatten to the same names.
compare_result compare_runs(const scenario& base, std::vector<run_result> base_runs, const scenario& variant,
                            std::vector<run_result> variant_runs, const replication_options& options = {});

// Several variants against one base, every one with the base's seed and replication indices (common random
// numbers), the base run once. comparisons[i] is what compare_scenarios(base, *variants[i]) gives (its
// base_runs left empty: they are `base_runs`). Ranked by `rank_by` when it is not empty.
struct multi_compare_result {
  run_summary base;
  std::vector<run_result> base_runs;
  std::vector<compare_result> comparisons;
  std::optional<ranking> ranked;
};
multi_compare_result compare_variants(const prepared_scenario& base,
                                      const std::vector<const prepared_scenario*>& variants,
                                      std::size_t replications, const replication_options& options = {},
                                      std::string_view rank_by = {},
                                      std::optional<bool> higher_better = std::nullopt);

// What a scenario's map needs: each node's place and each edge's ends, nothing run.
network_view network_of(const scenario& s);

// One difference between two scenarios after overlays and defaults, by parameter path
// (`nodes.khorgos.tracks`, `flows.xian-lodz.seasonality`); a side without the path has no value.
struct scenario_difference {
  std::string path;
  std::optional<std::string> a;
  std::optional<std::string> b;
};
// Every path whose value differs between the fully resolved scenarios (to_yaml of each), in a's order, then
// paths only b has. Lists compare whole; an entry only one side has lists each of its fields.
std::vector<scenario_difference> diff_scenarios(const scenario& a, const scenario& b);

}  // namespace corridor

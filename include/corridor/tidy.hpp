#pragma once
// Tidy views of a Summary, for pandas, R and spreadsheets: every flattened metric name split into its kind,
// element and field with a unit, and tables in long format (one row per metric estimate, per replication x
// metric, per day x element x metric). io writes them as CSV (metrics.csv, replications_long.csv,
// daily_long.csv) and the Python module hands them over as DataFrames, so both show the same rows. Nothing is
// computed again: every number is the Summary's (or the comparison's). Plain values: nothing of formats.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/summary.hpp"

namespace corridor {

// A flattened metric name in its parts: "crossings.khorgos.mean_wait_h" is {"crossings", "khorgos",
// "mean_wait_h"}, "routes.xian-lodz.r0.teu" {"routes", "xian-lodz.r0", "teu"}, "metrics.cost_usd_per_teu"
// {"metrics", "", "cost_usd_per_teu"}: the kind is what comes before the first dot, the field what comes
// after the last, the element what lies between (empty for two-part names). Any new kind of element
// (markets.<id>.<field>, ...) splits the same way.
struct metric_parts {
  std::string kind;
  std::string element;
  std::string field;
};
metric_parts split_metric_name(std::string_view name);

// The unit of a field of a kind, as the tables print it: "TEU/day", "h", "fraction", "trains/window" (a count
// over the report window), ...; "" when unknown. Decided by the field's name (its unit suffix), so fields of
// new kinds get units without a table here.
std::string metric_unit(std::string_view kind, std::string_view field);

// A table by columns; each column holds numbers (NaN stands for a missing value, written empty) or text.
struct tidy_column {
  std::string name;
  bool numeric = true;
  std::vector<double> numbers;
  std::vector<std::string> texts;
};
struct tidy_table {
  std::vector<tidy_column> columns;
  std::size_t rows() const noexcept;
  // The column of that name; throws std::out_of_range naming it when there is none.
  const tidy_column& column(std::string_view name) const;
};

// One row per flattened metric, in flatten() order: metric, mean, ci95_low, ci95_high, ci95 (half-width),
// stddev, n, kind, element, field, unit. Interval columns are empty with fewer than 2 replications.
tidy_table metrics_table(const run_summary& s);
// One row per replication x metric: replication, seed, metric, kind, element, field, unit, value.
tidy_table replications_table(const run_summary& s);
// One row per day x element x measure (means over replications of each day): day, metric, kind, element,
// field, unit, value. The network's deliveries have kind "metrics" and no element; each crossing's and
// ferry's measures of the day follow (queue_trains at the end of the day, mean_queue_trains, ...), then each
// resource port's (ports.<id>.yard_teu, ..., daily_port_fields).
tidy_table daily_table(const run_summary& s);
// One row per element of a kind (crossings, ferries, flows, edges, markets, ...), in first-appearance order:
// element, then per field `<field>` (the mean) and `<field>_ci95` (the half-width). Built from the flattened
// metrics alone, so a new kind of element needs nothing here. No rows when the summary has no such kind.
tidy_table element_table(const run_summary& s, std::string_view kind);
// One row per route: flow, route (node ids joined by '>'), via_<route region> (via_central_asia in the
// bundled scenarios: whether the route passes the report's share_region), element (`<flow>.r<k>`, the
// flattened name's), then trains, teu, share with their `_ci95` half-widths.
tidy_table routes_table(const run_summary& s);
// One row per compared metric, in base order: metric, base, variant, difference, ci95_low, ci95_high, ci95,
// p_value, q_value, significant (1 or 0), interval_excludes_zero (1 or 0), unpaired_ci95, kind, element,
// field, unit.
tidy_table differences_table(const comparison& c);
// One row per variant, best first: rank, variant, metric, base, value, difference, ci95_low, ci95_high,
// ci95, p_value, q_value (over the variants), significant (1 or 0), discoveries.
tidy_table ranking_table(const ranking& r);

}  // namespace corridor

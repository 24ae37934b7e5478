// A sweep's outcomes as tables: every manifest entry with its kept metrics, and per design point the mean
// and 95 % half-width of each over the replications done, all in manifest order, so the tables depend only
// on the runs' results and never on how the work was split.
#include <algorithm>
#include <limits>
#include <map>

#include "corridor/statistics.hpp"
#include "corridor/sweep.hpp"

namespace corridor {
namespace {

using outcome = std::optional<run_record>;

// The first manifest entry of each run: a repeated entry shares its first occurrence's outcome.
std::vector<std::size_t> first_occurrences(const sweep_plan& plan) {
  const auto repeated = repeated_runs(plan);
  std::map<std::tuple<std::vector<double>, std::size_t, std::uint64_t>, std::size_t> first;
  std::vector<std::size_t> out(plan.runs.size());
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const auto& r = plan.runs[i];
    out[i] =
        first.emplace(std::make_tuple(plan.points[r.point].values, r.replication, r.seed), i).first->second;
  }
  return out;
}

const double* value_of(const run_record& r, const std::string& name) {
  const auto it =
      std::find_if(r.metrics.begin(), r.metrics.end(), [&](const auto& m) { return m.first == name; });
  return it == r.metrics.end() ? nullptr : &it->second;
}

// Kept metrics: those the sweep names, or the headline `metrics.*` of the first finished run.
std::vector<std::string> kept_metrics(const sweep_plan& plan, const std::vector<outcome>& res) {
  const auto first = std::find_if(res.begin(), res.end(), [](const outcome& r) { return r.has_value(); });
  std::vector<std::string> out;
  if (first == res.end()) return plan.metrics;
  if (plan.metrics.empty()) {
    for (const auto& [n, v] : (*first)->metrics) {
      if (n.rfind("metrics.", 0) == 0) out.push_back(n);
    }
    return out;
  }
  for (const auto& name : plan.metrics) {
    if (std::any_of(res.begin(), res.end(), [&](const outcome& r) { return r && value_of(*r, name); }))
      continue;
    std::string have;
    for (const auto& [n, v] : (*first)->metrics) {
      if (n.rfind("metrics.", 0) == 0) have += (have.empty() ? "" : ", ") + n;
    }
    throw sweep_error("metric '" + name + "' is in no finished run (headline metrics: " + have + ")");
  }
  return plan.metrics;
}

}  // namespace

sweep_table tabulate_sweep(const sweep_plan& plan, const sweep_store& store) {
  const auto repeated = repeated_runs(plan);
  const auto first = first_occurrences(plan);
  std::vector<outcome> results(plan.runs.size());
  sweep_table t;
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    if (!repeated[i]) {
      const auto state = store.state(i);
      ++t.counts.total;
      ++(state == run_state::done     ? t.counts.done
         : state == run_state::failed ? t.counts.failed
                                      : t.counts.remaining);
      if (state == run_state::done) results[i] = store.result(i);
    } else {
      results[i] = results[first[i]];
    }
  }
  t.metrics = kept_metrics(plan, results);
  const std::size_t m = t.metrics.size();
  std::vector<std::vector<running_stats>> stats(plan.points.size(), std::vector<running_stats>(m));
  t.points.resize(plan.points.size());
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    sweep_table::run_row row{results[i].has_value(),
                             std::vector<double>(m, std::numeric_limits<double>::quiet_NaN())};
    const std::size_t point = plan.runs[i].point;
    if (row.done) ++t.points[point].runs_done;
    for (std::size_t k = 0; row.done && k < m; ++k) {
      if (const double* v = value_of(*results[i], t.metrics[k])) {
        row.values[k] = *v;
        stats[point][k].add(*v);
      }
    }
    t.runs.push_back(std::move(row));
  }
  for (std::size_t p = 0; p < plan.points.size(); ++p) {
    for (const auto& s : stats[p])
      t.points[p].metrics.push_back({s.mean(), s.half_width_95(), s.stddev(), s.count()});
  }
  return t;
}

}  // namespace corridor

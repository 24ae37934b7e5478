// summarize_runs (declared in results.hpp): one metric_stat per flattened metric over a scenario's runs.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "corridor/results.hpp"
#include "corridor/statistics.hpp"

namespace corridor {

std::vector<metric_stat> summarize_runs(const std::vector<run_result>& runs) {
  if (runs.empty()) throw std::invalid_argument("summarize_runs: no runs");
  const auto first = runs.front().flatten();
  std::vector<running_stats> stats(first.size());
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto flat = r == 0 ? first : runs[r].flatten();
    if (flat.size() != first.size()) {
      throw std::invalid_argument("summarize_runs: run " + std::to_string(r) + " has " +
                                  std::to_string(flat.size()) + " metrics, run 0 has " +
                                  std::to_string(first.size()));
    }
    for (std::size_t i = 0; i < flat.size(); ++i) {
      if (flat[i].first != first[i].first) {
        throw std::invalid_argument("summarize_runs: run " + std::to_string(r) + " has metric '" +
                                    flat[i].first + "' where run 0 has '" + first[i].first + "'");
      }
      stats[i].add(flat[i].second);
    }
  }
  std::vector<metric_stat> out;
  out.reserve(first.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    out.push_back(
        {first[i].first, stats[i].mean(), stats[i].half_width_95(), stats[i].stddev(), stats[i].count()});
  }
  return out;
}

}  // namespace corridor

// Variants ranked by one metric's paired difference from a shared base, with the false discovery rate held
// across the variants.
#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

#include "corridor/statistics.hpp"
#include "corridor/summary.hpp"

namespace corridor {

bool higher_is_better(std::string_view metric) {
  static constexpr std::array<std::string_view, 8> lower = {
      "cost", "transit", "wait", "queue", "cancelled", "in_system", "empty_trains", "subsidy"};
  const auto field = metric.substr(metric.rfind('.') == std::string_view::npos ? 0 : metric.rfind('.') + 1);
  const bool cost_kind = metric.substr(0, 5) == "cost.";
  return !cost_kind && std::none_of(lower.begin(), lower.end(), [&](std::string_view w) {
    return field.find(w) != std::string_view::npos;
  });
}

ranking rank_variants(const std::vector<comparison>& comparisons, std::string_view metric,
                      std::optional<bool> higher_better) {
  if (comparisons.empty()) throw std::invalid_argument("rank: no variants to rank");
  ranking out;
  const auto find = [&](const comparison& c, const std::string& name) -> const metric_difference* {
    const auto it = std::find_if(c.metrics.begin(), c.metrics.end(),
                                 [&](const metric_difference& m) { return m.name == name; });
    return it == c.metrics.end() ? nullptr : &*it;
  };
  out.metric = std::string(metric);
  if (find(comparisons.front(), out.metric) == nullptr) out.metric = "metrics." + std::string(metric);
  out.higher_is_better = higher_better.value_or(higher_is_better(out.metric));
  out.base_name = comparisons.front().base_name;
  out.seed = comparisons.front().seed;
  out.replications = comparisons.front().replications;
  out.fdr = comparisons.front().fdr;
  std::vector<double> p;
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    const comparison& c = comparisons[i];
    const metric_difference* m = find(c, out.metric);
    if (m == nullptr) {
      throw std::invalid_argument("rank: " + c.variant_name + " has no metric '" + std::string(metric) +
                                  "' (a flattened name, e.g. metrics.cost_usd_per_teu)");
    }
    variant_rank row;
    row.index = i;
    row.variant = c.variant_name;
    row.metric = *m;
    row.discoveries = static_cast<std::size_t>(std::count_if(
        c.metrics.begin(), c.metrics.end(), [](const metric_difference& d) { return d.significant; }));
    out.rows.push_back(std::move(row));
    p.push_back(m->p_value);
  }
  const std::vector<double> q = benjamini_hochberg(p);
  for (std::size_t i = 0; i < q.size(); ++i) {
    out.rows[i].q_value = q[i];
    out.rows[i].significant = q[i] <= out.fdr;
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), [&](const variant_rank& a, const variant_rank& b) {
    return out.higher_is_better ? a.metric.difference > b.metric.difference
                                : a.metric.difference < b.metric.difference;
  });
  for (std::size_t i = 0; i < out.rows.size(); ++i) out.rows[i].rank = i + 1;
  return out;
}

}  // namespace corridor

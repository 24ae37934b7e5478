// Differences between two scenarios' replications: paired (common random numbers) and Welch (independent).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "corridor/statistics.hpp"

namespace corridor {

paired_stat paired_difference(std::span<const double> base, std::span<const double> variant) {
  if (base.size() != variant.size()) throw std::invalid_argument("paired_difference: sizes differ");
  if (base.empty()) throw std::invalid_argument("paired_difference: no pairs");
  running_stats diff;
  for (std::size_t i = 0; i < base.size(); ++i) diff.add(variant[i] - base[i]);
  paired_stat out;
  out.n = diff.count();
  out.mean_diff = diff.mean();
  out.stddev_diff = diff.stddev();
  out.half_width_95 = diff.half_width_95();
  out.significant = out.n >= 2 && std::fabs(out.mean_diff) > out.half_width_95;
  if (out.n >= 2) {
    if (out.stddev_diff > 0.0) {
      const double t = out.mean_diff / (out.stddev_diff / std::sqrt(static_cast<double>(out.n)));
      out.p_value = std::min(1.0, 2.0 * student_t_cdf(-std::fabs(t), static_cast<double>(out.n - 1)));
    } else {
      out.p_value = out.mean_diff == 0.0 ? 1.0 : 0.0;
    }
  }
  return out;
}

std::vector<double> benjamini_hochberg(std::span<const double> p_values) {
  const std::size_t m = p_values.size();
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto p = [&](std::size_t i) { return std::isnan(p_values[i]) ? 1.0 : p_values[i]; };
  // Ties keep their input order, so equal inputs give equal outputs whatever the sort.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p(a) < p(b); });
  std::vector<double> q(m, 1.0);
  double running = 1.0;
  for (std::size_t k = m; k-- > 0;) {
    const double scaled = p(order[k]) * static_cast<double>(m) / static_cast<double>(k + 1);
    running = std::min(running, scaled);
    q[order[k]] = running;
  }
  return q;
}

double welch_half_width_95(std::span<const double> a, std::span<const double> b) {
  if (a.size() < 2 || b.size() < 2) throw std::invalid_argument("welch_half_width_95: needs 2 values a side");
  running_stats sa;
  running_stats sb;
  for (double x : a) sa.add(x);
  for (double x : b) sb.add(x);
  const double va = sa.variance() / static_cast<double>(a.size());
  const double vb = sb.variance() / static_cast<double>(b.size());
  const double se2 = va + vb;
  if (se2 == 0.0) return 0.0;
  // Welch-Satterthwaite degrees of freedom.
  const double df =
      se2 * se2 / (va * va / static_cast<double>(a.size() - 1) + vb * vb / static_cast<double>(b.size() - 1));
  return t_critical_95(df) * std::sqrt(se2);
}

}  // namespace corridor

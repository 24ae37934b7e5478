// Differences between two scenarios' replications: paired (common random numbers) and Welch (independent).
#include <cmath>
#include <stdexcept>

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
  return out;
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

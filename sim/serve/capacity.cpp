// The capacity of the corridor: the demand factor at which a metric that grows with demand (p95 transit)
// crosses a threshold, bracketed by doubling or halving from today's demand and then bisected.
#include <stdexcept>

#include "corridor/serve.hpp"

namespace corridor {

capacity_search find_capacity(const std::function<capacity_probe(double factor)>& evaluate, double threshold,
                              double min_factor, double max_factor, double tolerance) {
  if (!(min_factor > 0.0) || !(min_factor <= 1.0) || !(max_factor >= 1.0) || !(tolerance > 0.0)) {
    throw std::invalid_argument("capacity: needs 0 < min_factor <= 1 <= max_factor and tolerance > 0");
  }
  capacity_search out;
  out.threshold = threshold;
  const auto exceeds = [&](double factor) {
    out.probes.push_back(evaluate(factor));
    return out.probes.back().value > threshold;
  };
  double lo = 1.0, hi = 1.0;  // lo: within the threshold; hi: beyond it
  if (exceeds(1.0)) {
    do {
      hi = lo;
      if (lo <= min_factor) {
        out.outcome = "below_range";
        out.exceeded_factor = hi;
        return out;
      }
      lo = std::max(min_factor, lo / 2.0);
    } while (exceeds(lo));
  } else {
    do {
      lo = hi;
      if (hi >= max_factor) {
        out.outcome = "beyond_range";
        out.capacity_factor = lo;
        return out;
      }
      hi = std::min(max_factor, hi * 2.0);
    } while (!exceeds(hi));
  }
  while (hi - lo > tolerance * lo) {
    const double mid = (lo + hi) / 2.0;
    (exceeds(mid) ? hi : lo) = mid;
  }
  out.outcome = "found";
  out.capacity_factor = lo;
  out.exceeded_factor = hi;
  return out;
}

}  // namespace corridor

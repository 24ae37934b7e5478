// Generalized cost: money plus time valued at the shipper's value of time.
#include <cmath>
#include <stdexcept>

#include "corridor/choice.hpp"

namespace corridor {

double generalized_cost_usd_per_teu(const cost_terms& c, double value_of_time_usd_per_teu_h) {
  if (std::isnan(c.out_of_pocket_usd_per_teu) || std::isnan(c.hours)) {
    throw std::invalid_argument("generalized cost: NaN cost terms");
  }
  if (!(value_of_time_usd_per_teu_h >= 0.0) || std::isinf(value_of_time_usd_per_teu_h)) {
    throw std::invalid_argument("generalized cost: value of time must be finite and >= 0");
  }
  // Checked first: 0 x infinity is NaN, and a closed route costs infinity whatever time is worth.
  if (c.hours == unavailable_cost) return c.hours;
  return c.out_of_pocket_usd_per_teu + value_of_time_usd_per_teu_h * c.hours;
}

}  // namespace corridor

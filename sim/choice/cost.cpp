// Generalized cost: money plus time valued at the shipper's value of time.
#include <cmath>
#include <stdexcept>

#include "corridor/choice.hpp"

namespace corridor {

namespace detail {

void throw_nan_cost_terms() {
  throw std::invalid_argument("generalized cost: NaN cost terms");
}

void throw_bad_value_of_time() {
  throw std::invalid_argument("generalized cost: value of time must be finite and >= 0");
}

}  // namespace detail

}  // namespace corridor

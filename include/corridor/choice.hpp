#pragma once
// Choice: what an alternative costs a shipper, and which alternative is taken, as pure functions of numbers.
// This is the one definition of generalized cost: path sets before a run, a train's route at departure and a
// detour around a closure all price alternatives with it. Knows nothing of the engine, scenarios, YAML or the
// network: the caller says what each alternative costs and gets an index back.
//
// Further rules of the same kind (nested logit over mode, corridor family and route; path-size corrections
// for overlapping routes) belong here, as functions over the same costs.
#include <cstddef>
#include <span>

namespace corridor {

// One alternative as a shipper weighs it, per TEU. Which hours they are is the caller's to state: nominal
// (travel and mean service from the scenario, known before any run) or expected now (with the queues and
// waits standing at the moment of choice). +infinity hours mean the alternative is unavailable (closed).
struct cost_terms {
  double out_of_pocket_usd_per_teu = 0.0;  // tariffs, fees, handling, fares
  double hours = 0.0;
};

// Generalized cost per TEU = out-of-pocket + value of time x hours; +infinity when hours are.
// Throws std::invalid_argument for NaN terms or a negative or non-finite value of time.
double generalized_cost_usd_per_teu(const cost_terms& c, double value_of_time_usd_per_teu_h);

// The cheapest alternative: the first of equal minima, and 0 when every alternative costs +infinity.
// Throws std::invalid_argument for no alternatives or a NaN or -infinity cost.
std::size_t cheapest(std::span<const double> costs_usd);

// Multinomial logit over generalized costs, with unavailable (+infinity) alternatives at probability 0:
//   P(i) = exp(-scale (c_i - c_min)) / sum_j exp(-scale (c_j - c_min)).
// Subtracting the minimum changes no probability and keeps every exponent <= 0, so nothing overflows.
// logit_probabilities writes P into `out` (same size as `costs_usd`); when every alternative is unavailable,
// the cheapest (index 0) gets 1.
void logit_probabilities(std::span<const double> costs_usd, double scale_per_usd, std::span<double> out);
// Draws an alternative by inversion with one uniform u in [0, 1): the first i whose cumulative probability
// exceeds u, so equal inputs always give equal choices and u near 0 picks the first available alternative.
// When rounding leaves the cumulative sum just below u, or every alternative is unavailable, the cheapest.
// Throws std::invalid_argument as cheapest() does, and for a negative or non-finite scale or u outside [0,
// 1).
std::size_t logit_choice(std::span<const double> costs_usd, double scale_per_usd, double u);

}  // namespace corridor

#pragma once
// Choice: what an alternative costs a shipper, and which alternative is taken, as pure functions of numbers.
// This is the one definition of generalized cost: path sets before a run, a train's route at departure and a
// detour around a closure all price alternatives with it. Knows nothing of the engine, scenarios, YAML or the
// network: the caller says what each alternative costs and gets an index back.
//
// Further rules of the same kind (nested logit over mode, corridor family and route; path-size corrections
// for overlapping routes) belong here, as functions over the same costs.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace corridor {

// What an unavailable (closed) alternative costs, in hours or USD per TEU.
inline constexpr double unavailable_cost = std::numeric_limits<double>::infinity();

// One alternative as a shipper weighs it, per TEU. Which hours they are is the caller's to state: nominal
// (travel and mean service from the scenario, known before any run) or expected now (with the queues and
// waits standing at the moment of choice). +infinity hours mean the alternative is unavailable (closed).
struct cost_terms {
  double out_of_pocket_usd_per_teu = 0.0;  // tariffs, fees, handling, fares
  double hours = 0.0;
};

// Generalized cost per TEU = out-of-pocket + value of time x hours; +infinity when hours are.
// Throws std::invalid_argument for NaN terms or a negative or non-finite value of time.
// Inline: route choice prices every path of a service at every departure and revision.
namespace detail {
[[noreturn]] void throw_nan_cost_terms();
[[noreturn]] void throw_bad_value_of_time();
}  // namespace detail
inline double generalized_cost_usd_per_teu(const cost_terms& c, double value_of_time_usd_per_teu_h) {
  if (std::isnan(c.out_of_pocket_usd_per_teu) || std::isnan(c.hours)) detail::throw_nan_cost_terms();
  if (!(value_of_time_usd_per_teu_h >= 0.0) || std::isinf(value_of_time_usd_per_teu_h))
    detail::throw_bad_value_of_time();
  // Checked first: 0 x infinity is NaN, and a closed route costs infinity whatever time is worth.
  if (c.hours == unavailable_cost) return c.hours;
  return c.out_of_pocket_usd_per_teu + value_of_time_usd_per_teu_h * c.hours;
}

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

namespace corridor {

// --- nested logit: mode, then corridor family, then route --------------------------------------------------
//
// Alternatives are grouped in nests (corridor families) that are contiguous: nest k holds alternatives
// nest_offsets[k] .. nest_offsets[k + 1] - 1, so nest_offsets has one entry more than there are nests, starts
// at 0 and ends at the number of alternatives. Each alternative may carry a weight w_i (a path-size factor,
// 1 when there is none) that scales its odds within its nest. Within a nest, at scale theta_r:
//   P(i | nest) = w_i exp(-theta_r c_i) / sum_j w_j exp(-theta_r c_j)
// and the nest is priced by its inclusive cost, the cost an alternative would need to be worth the whole
// nest:
//   IV = -(1 / theta_r) ln sum_j w_j exp(-theta_r c_j)         (+infinity when nothing in it is available)
// Nests compete at scale theta_n <= theta_r:  P(nest) = exp(-theta_n IV_nest) / sum exp(-theta_n IV).
// A family with many near-identical routes thus weighs about as much as one of them, not their number.

// The inclusive cost of a group of alternatives at `scale_per_usd` (> 0), each weighted by `weights` (empty:
// all 1). +infinity when every alternative is unavailable. Never below the cheapest available cost minus
// ln(sum of weights) / scale. Throws std::invalid_argument for sizes that differ, a weight that is negative
// or not finite, or a scale that is not finite and > 0.
double inclusive_cost(std::span<const double> costs_usd, std::span<const double> weights,
                      double scale_per_usd);

// The inclusive cost of the whole nested structure, at the nest scale over the nests' inclusive costs (each
// at the within-nest scale): what a choice among these alternatives is worth as one alternative of a wider
// choice. The same doubles as inclusive_cost per nest and then over the nests, with the inputs checked once.
// Throws as nested_logit_probabilities does.
double nested_inclusive_cost(std::span<const double> costs_usd, std::span<const double> weights,
                             std::span<const std::uint32_t> nest_offsets, double nest_scale_per_usd,
                             double within_scale_per_usd);

// P(i) = P(nest of i) P(i | nest) into `out`; every nest unavailable puts 1 on alternative 0. Throws
// std::invalid_argument for malformed offsets or sizes, and as inclusive_cost does.
void nested_logit_probabilities(std::span<const double> costs_usd, std::span<const double> weights,
                                std::span<const std::uint32_t> nest_offsets, double nest_scale_per_usd,
                                double within_scale_per_usd, std::span<double> out);
// Draws by inversion over P(i) in alternative order with one uniform u in [0, 1), as logit_choice does, so a
// variant that changes no cost draws the same alternative. Uses `scratch` (resized) for the probabilities.
std::size_t nested_logit_choice(std::span<const double> costs_usd, std::span<const double> weights,
                                std::span<const std::uint32_t> nest_offsets, double nest_scale_per_usd,
                                double within_scale_per_usd, double u, std::vector<double>& scratch);

// Path-size factors (Ben-Akiva and Bierlaire): for alternative i with links L_i (graph edge indices),
//   PS_i = sum_{a in L_i} (length_a / length_i) / n_a,
// where length_i is the sum of its links' lengths and n_a the number of alternatives of the same nest that
// use link a. A route sharing nothing gets 1; two identical routes get 1/2 each. Writes one factor per
// alternative into `out`. Throws std::invalid_argument for a link outside `link_length`, a route of zero
// length, or malformed offsets.
void path_size_factors(std::span<const std::vector<std::uint32_t>> links, std::span<const double> link_length,
                       std::span<const std::uint32_t> nest_offsets, std::span<double> out);

}  // namespace corridor

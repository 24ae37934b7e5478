// Choice among alternatives by generalized cost: the cheapest, or multinomial logit drawn by inversion.
#include <cmath>
#include <stdexcept>
#include <string>

#include "corridor/choice.hpp"

namespace corridor {
namespace {

void check_costs(std::span<const double> costs) {
  if (costs.empty()) throw std::invalid_argument("choice: no alternatives");
  for (double c : costs) {
    if (std::isnan(c) || c == -unavailable_cost) {
      throw std::invalid_argument("choice: a cost is " + std::string(std::isnan(c) ? "NaN" : "-infinity"));
    }
  }
}

void check_scale(double scale_per_usd) {
  if (!(scale_per_usd >= 0.0) || std::isinf(scale_per_usd)) {
    throw std::invalid_argument("logit: the scale must be finite and >= 0");
  }
}

// exp(-scale (c - c_min)), and 0 for an unavailable alternative.
double weight(double cost, double min_cost, double scale_per_usd) {
  return cost == unavailable_cost ? 0.0 : std::exp(-scale_per_usd * (cost - min_cost));
}

double total_weight(std::span<const double> costs, double min_cost, double scale_per_usd) {
  double total = 0.0;
  for (double c : costs) total += weight(c, min_cost, scale_per_usd);
  return total;
}

}  // namespace

std::size_t cheapest(std::span<const double> costs_usd) {
  check_costs(costs_usd);
  std::size_t best = 0;
  for (std::size_t i = 1; i < costs_usd.size(); ++i) {
    if (costs_usd[i] < costs_usd[best]) best = i;
  }
  return best;
}

void logit_probabilities(std::span<const double> costs_usd, double scale_per_usd, std::span<double> out) {
  if (out.size() != costs_usd.size()) throw std::invalid_argument("logit: output size differs from costs");
  check_scale(scale_per_usd);
  const std::size_t best = cheapest(costs_usd);
  const double min_cost = costs_usd[best];
  for (double& p : out) p = 0.0;
  if (min_cost == unavailable_cost) {
    out[best] = 1.0;
    return;
  }
  const double total = total_weight(costs_usd, min_cost, scale_per_usd);
  for (std::size_t i = 0; i < costs_usd.size(); ++i)
    out[i] = weight(costs_usd[i], min_cost, scale_per_usd) / total;
}

std::size_t logit_choice(std::span<const double> costs_usd, double scale_per_usd, double u) {
  check_scale(scale_per_usd);
  if (!(u >= 0.0 && u < 1.0)) throw std::invalid_argument("logit: u must lie in [0, 1)");
  const std::size_t best = cheapest(costs_usd);
  const double min_cost = costs_usd[best];
  if (min_cost == unavailable_cost) return best;
  // Two passes instead of a buffer of weights: no allocation per choice, and exp gives the same value twice.
  const double total = total_weight(costs_usd, min_cost, scale_per_usd);
  double cumulative = 0.0;
  for (std::size_t i = 0; i < costs_usd.size(); ++i) {
    cumulative += weight(costs_usd[i], min_cost, scale_per_usd) / total;
    if (u < cumulative) return i;
  }
  return best;
}

}  // namespace corridor

// Nested logit over corridor families and routes, with path-size weights (see corridor/choice.hpp).
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "corridor/choice.hpp"

namespace corridor {
namespace {

void check_positive_scale(double scale_per_usd, const char* what) {
  if (!(scale_per_usd > 0.0) || std::isinf(scale_per_usd))
    throw std::invalid_argument(std::string("nested logit: the ") + what + " scale must be finite and > 0");
}

double weight_of(std::span<const double> weights, std::size_t i) {
  return weights.empty() ? 1.0 : weights[i];
}

void check_weights(std::span<const double> costs, std::span<const double> weights) {
  if (!weights.empty() && weights.size() != costs.size())
    throw std::invalid_argument("nested logit: one weight per alternative, or none");
  for (double w : weights) {
    if (!(w >= 0.0) || std::isinf(w))
      throw std::invalid_argument("nested logit: a weight is negative or not finite");
  }
  for (double c : costs) {
    if (std::isnan(c) || c == -unavailable_cost)
      throw std::invalid_argument("nested logit: a cost is NaN or -infinity");
  }
}

void check_offsets(std::span<const std::uint32_t> offsets, std::size_t alternatives) {
  if (offsets.size() < 2 || offsets.front() != 0 || offsets.back() != alternatives)
    throw std::invalid_argument("nested logit: nest offsets must run from 0 to the number of alternatives");
  for (std::size_t k = 1; k < offsets.size(); ++k) {
    if (offsets[k] < offsets[k - 1])
      throw std::invalid_argument("nested logit: nest offsets must not decrease");
  }
}

// Inclusive cost of alternatives [begin, end), without checks.
double group_inclusive_cost(std::span<const double> costs, std::span<const double> weights, std::size_t begin,
                            std::size_t end, double scale) {
  double min_cost = unavailable_cost;
  for (std::size_t i = begin; i < end; ++i) {
    if (weight_of(weights, i) > 0.0 && costs[i] < min_cost) min_cost = costs[i];
  }
  if (min_cost == unavailable_cost) return unavailable_cost;
  // Shifted by the minimum so every exponent is <= 0 and nothing overflows.
  double sum = 0.0;
  for (std::size_t i = begin; i < end; ++i) {
    if (costs[i] != unavailable_cost) sum += weight_of(weights, i) * std::exp(-scale * (costs[i] - min_cost));
  }
  return min_cost - std::log(sum) / scale;
}

}  // namespace

double inclusive_cost(std::span<const double> costs_usd, std::span<const double> weights,
                      double scale_per_usd) {
  check_positive_scale(scale_per_usd, "inclusive-cost");
  check_weights(costs_usd, weights);
  return group_inclusive_cost(costs_usd, weights, 0, costs_usd.size(), scale_per_usd);
}

namespace {

// What P(i) needs beyond each alternative's own term: every nest's inclusive cost once (a few nests; a
// departure's choice is on the hot path, and the same call gives the same value every time, so computing it
// once changes no bit of the result), the least of them and the sum of the nests' terms.
class nested_terms {
 public:
  nested_terms(std::span<const double> costs_usd, std::span<const double> weights,
               std::span<const std::uint32_t> nest_offsets, double nest_scale_per_usd,
               double within_scale_per_usd)
      : costs_(costs_usd),
        weights_(weights),
        nest_scale_(nest_scale_per_usd),
        within_scale_(within_scale_per_usd) {
    check_positive_scale(nest_scale_per_usd, "nest");
    check_positive_scale(within_scale_per_usd, "within-nest");
    check_weights(costs_usd, weights);
    check_offsets(nest_offsets, costs_usd.size());
    if (costs_usd.empty()) throw std::invalid_argument("nested logit: no alternatives");
    const std::size_t nests = nest_offsets.size() - 1;
    iv_many_.resize(nests > few ? nests : 0);
    iv_ = nests > few ? std::span<double>(iv_many_) : std::span<double>(iv_few_).first(nests);
    for (std::size_t k = 0; k < nests; ++k) {
      iv_[k] = group_inclusive_cost(costs_usd, weights, nest_offsets[k], nest_offsets[k + 1], within_scale_);
      if (iv_[k] < best_iv_) best_iv_ = iv_[k];
    }
    if (best_iv_ == unavailable_cost) return;
    for (std::size_t k = 0; k < nests; ++k) {
      if (iv_[k] != unavailable_cost) nest_total_ += std::exp(-nest_scale_ * (iv_[k] - best_iv_));
    }
  }

  std::size_t nests() const { return iv_.size(); }
  bool none_available() const { return best_iv_ == unavailable_cost; }
  bool nest_available(std::size_t k) const { return iv_[k] != unavailable_cost; }
  // P(nest k), for an available nest.
  double nest_probability(std::size_t k) const {
    return std::exp(-nest_scale_ * (iv_[k] - best_iv_)) / nest_total_;
  }
  // P(i) = P(nest) P(i | nest), for an available alternative i of available nest k: P(i | nest) =
  // w_i exp(-theta_r c_i) / exp(-theta_r IV), the nest's sum being exp(-theta_r IV).
  double probability(std::size_t k, double p_nest, std::size_t i) const {
    return p_nest * weight_of(weights_, i) * std::exp(-within_scale_ * (costs_[i] - iv_[k]));
  }

 private:
  static constexpr std::size_t few = 16;
  std::span<const double> costs_, weights_;
  double nest_scale_, within_scale_;
  std::array<double, few> iv_few_{};
  std::vector<double> iv_many_;
  std::span<double> iv_;
  double best_iv_ = unavailable_cost;
  double nest_total_ = 0.0;
};

}  // namespace

double nested_inclusive_cost(std::span<const double> costs_usd, std::span<const double> weights,
                             std::span<const std::uint32_t> nest_offsets, double nest_scale_per_usd,
                             double within_scale_per_usd) {
  check_positive_scale(nest_scale_per_usd, "nest");
  check_positive_scale(within_scale_per_usd, "within-nest");
  check_weights(costs_usd, weights);
  check_offsets(nest_offsets, costs_usd.size());
  const std::size_t nests = nest_offsets.size() - 1;
  constexpr std::size_t few = 16;  // on the stack: this runs per revision, service and cargo class
  std::array<double, few> iv_few{};
  std::vector<double> iv_many(nests > few ? nests : 0);
  const std::span<double> iv =
      nests > few ? std::span<double>(iv_many) : std::span<double>(iv_few).first(nests);
  for (std::size_t k = 0; k < nests; ++k)
    iv[k] =
        group_inclusive_cost(costs_usd, weights, nest_offsets[k], nest_offsets[k + 1], within_scale_per_usd);
  return group_inclusive_cost(iv, {}, 0, nests, nest_scale_per_usd);
}

void nested_logit_probabilities(std::span<const double> costs_usd, std::span<const double> weights,
                                std::span<const std::uint32_t> nest_offsets, double nest_scale_per_usd,
                                double within_scale_per_usd, std::span<double> out) {
  if (out.size() != costs_usd.size())
    throw std::invalid_argument("nested logit: output size differs from costs");
  const nested_terms terms(costs_usd, weights, nest_offsets, nest_scale_per_usd, within_scale_per_usd);
  for (double& p : out) p = 0.0;
  if (terms.none_available()) {
    out[0] = 1.0;
    return;
  }
  for (std::size_t k = 0; k < terms.nests(); ++k) {
    if (!terms.nest_available(k)) continue;
    const double p_nest = terms.nest_probability(k);
    for (std::size_t i = nest_offsets[k]; i < nest_offsets[k + 1]; ++i) {
      if (costs_usd[i] != unavailable_cost) out[i] = terms.probability(k, p_nest, i);
    }
  }
}

std::size_t nested_logit_choice(std::span<const double> costs_usd, std::span<const double> weights,
                                std::span<const std::uint32_t> nest_offsets, double nest_scale_per_usd,
                                double within_scale_per_usd, double u, std::vector<double>& scratch) {
  if (!(u >= 0.0 && u < 1.0)) throw std::invalid_argument("nested logit: u must lie in [0, 1)");
  scratch.resize(costs_usd.size());
  const nested_terms terms(costs_usd, weights, nest_offsets, nest_scale_per_usd, within_scale_per_usd);
  if (terms.none_available()) return 0;  // all the probability on alternative 0
  // The probabilities nested_logit_probabilities gives, in alternative order (nests are contiguous and in
  // order), each computed only when the inversion reaches it: the same sums, so the same choice.
  double cumulative = 0.0;
  std::size_t last_available = 0;
  for (std::size_t k = 0; k < terms.nests(); ++k) {
    if (!terms.nest_available(k)) continue;
    const double p_nest = terms.nest_probability(k);
    for (std::size_t i = nest_offsets[k]; i < nest_offsets[k + 1]; ++i) {
      if (costs_usd[i] == unavailable_cost) continue;
      const double p = terms.probability(k, p_nest, i);
      scratch[i] = p;
      if (p <= 0.0) continue;
      last_available = i;
      cumulative += p;
      if (u < cumulative) return i;
    }
  }
  return last_available;  // rounding left the sum just below u
}

void path_size_factors(std::span<const std::vector<std::uint32_t>> links, std::span<const double> link_length,
                       std::span<const std::uint32_t> nest_offsets, std::span<double> out) {
  check_offsets(nest_offsets, links.size());
  if (out.size() != links.size()) throw std::invalid_argument("path size: output size differs from routes");
  std::vector<std::uint32_t> users(link_length.size(), 0);
  for (std::size_t k = 0; k + 1 < nest_offsets.size(); ++k) {
    const std::size_t begin = nest_offsets[k], end = nest_offsets[k + 1];
    for (std::size_t i = begin; i < end; ++i) {
      for (std::uint32_t a : links[i]) {
        if (a >= link_length.size())
          throw std::invalid_argument("path size: a link outside the lengths given");
        ++users[a];
      }
    }
    for (std::size_t i = begin; i < end; ++i) {
      double length = 0.0;
      for (std::uint32_t a : links[i]) length += link_length[a];
      if (!(length > 0.0)) throw std::invalid_argument("path size: a route of zero length");
      double ps = 0.0;
      for (std::uint32_t a : links[i]) ps += link_length[a] / length / users[a];
      out[i] = ps;
    }
    for (std::size_t i = begin; i < end; ++i) {
      for (std::uint32_t a : links[i]) users[a] = 0;
    }
  }
}

}  // namespace corridor

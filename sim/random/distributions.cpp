// The project's own distributions. Each draws from a corridor::rng_stream by a fixed algorithm (inversion
// where it is cheap, the ziggurats of ziggurat.cpp for the exponential and the normal), so a sample depends
// only on the stream, never on the standard library's choices.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <stdexcept>
#include <string>
#include <utility>

#include "corridor/detail/lognormal.hpp"
#include "corridor/random.hpp"

namespace corridor {
namespace {

[[noreturn]] void reject(const char* what, double a, double b, double c) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s (got %g, %g, %g)", what, a, b, c);
  throw std::invalid_argument(buf);
}

double standard_normal_pdf(double x) {
  return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
}
double standard_normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double sample_triangular(double lo, double mode, double hi, double u) {
  const double width = hi - lo;
  if (width <= 0.0) return lo;
  if (u * width < mode - lo) return lo + std::sqrt(u * width * (mode - lo));
  return hi - std::sqrt((1.0 - u) * width * (hi - mode));
}

double sample_empirical(const std::vector<double>& values, const std::vector<double>& cumulative, double u) {
  if (cumulative.empty()) {
    const auto n = values.size();
    return values[std::min(n - 1, static_cast<std::size_t>(u * static_cast<double>(n)))];
  }
  const double x = u * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
  const auto index = std::min(values.size() - 1, static_cast<std::size_t>(it - cumulative.begin()));
  return values[index];
}

void check_empirical(const std::vector<double>& values, const std::vector<double>& cumulative) {
  if (values.empty()) throw std::invalid_argument("empirical needs at least one value");
  for (double v : values) {
    if (!std::isfinite(v) || v < 0.0) reject("empirical values must be finite and >= 0", v, 0, 0);
  }
  if (cumulative.empty()) return;
  if (cumulative.size() != values.size()) {
    reject("empirical needs one weight per value (values, weights)", static_cast<double>(values.size()),
           static_cast<double>(cumulative.size()), 0);
  }
  double previous = 0.0;
  for (double w : cumulative) {
    if (!std::isfinite(w)) throw std::invalid_argument("empirical weights must be finite");
    if (w < previous) throw std::invalid_argument("empirical weights must be >= 0");
    previous = w;
  }
  if (previous <= 0.0) throw std::invalid_argument("empirical weights must not all be zero");
}

// log(k!) without std::lgamma, whose last bits vary between C libraries: exact sums for small k, the
// Stirling series (error < 1e-13 for k >= 10) above.
double log_factorial(double k) {
  if (k < 10.0) {
    double sum = 0.0;
    for (double i = 2.0; i <= k; i += 1.0) sum += std::log(i);
    return sum;
  }
  const double inv = 1.0 / k;
  const double inv2 = inv * inv;
  return (k + 0.5) * std::log(k) - k + 0.5 * std::log(2.0 * std::numbers::pi) +
         inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 / 1260.0));
}

// Sequential-search inversion: expected mean + 1 steps, fine below 30.
std::uint64_t poisson_inversion(rng_stream& rng, double mean) {
  const double u = rng.uniform01();
  double p = std::exp(-mean);
  double cdf = p;
  std::uint64_t k = 0;
  // The bound guards against rounding leaving cdf just below a u that is within 1e-16 of 1.
  while (u > cdf && k < 1000) {
    ++k;
    p *= mean / static_cast<double>(k);
    cdf += p;
  }
  return k;
}

// PTRS, transformed rejection with squeeze (Hoermann 1993, "The transformed rejection method for
// generating Poisson random variables"), valid for mean >= 10; about 1.15 uniform pairs per variate.
std::uint64_t poisson_ptrs(rng_stream& rng, double mean) {
  const double smu = std::sqrt(mean);
  const double b = 0.931 + 2.53 * smu;
  const double a = -0.059 + 0.02483 * b;
  const double log_inv_alpha = std::log(1.1239 + 1.1328 / (b - 3.4));
  const double v_r = 0.9277 - 3.6224 / (b - 2.0);
  const double log_mean = std::log(mean);
  for (;;) {
    const double u = rng.uniform01() - 0.5;
    const double v = rng.uniform01();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2.0 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= v_r) return static_cast<std::uint64_t>(k);
    if (k < 0.0 || (us < 0.013 && v > us)) continue;
    const double lhs = std::log(v) + log_inv_alpha - std::log(a / (us * us) + b);
    if (lhs <= -mean + k * log_mean - log_factorial(k)) return static_cast<std::uint64_t>(k);
  }
}

}  // namespace

distribution distribution::constant(double v) {
  return {dist_kind::constant, v, 0.0, 0.0, {}, {}};
}
distribution distribution::uniform(double lo, double hi) {
  return {dist_kind::uniform, lo, hi, 0.0, {}, {}};
}
distribution distribution::exponential(double mean) {
  return {dist_kind::exponential, mean, 0.0, 0.0, {}, {}};
}
distribution distribution::normal(double mean, double sd) {
  return {dist_kind::normal, mean, sd, 0.0, {}, {}};
}
distribution distribution::lognormal(double mean, double sd) {
  return {dist_kind::lognormal, mean, sd, 0.0, {}, {}};
}
distribution distribution::triangular(double lo, double mode, double hi) {
  return {dist_kind::triangular, lo, mode, hi, {}, {}};
}
distribution distribution::empirical(std::vector<double> values, std::vector<double> weights) {
  // Weights are stored cumulative (a negative weight shows as a decrease, which check() reports).
  for (std::size_t i = 1; i < weights.size(); ++i) weights[i] += weights[i - 1];
  return {dist_kind::empirical, 0.0, 0.0, 0.0, std::move(values), std::move(weights)};
}

double distribution::sample(rng_stream& rng) const {
  switch (kind) {
    case dist_kind::constant:
      return a;
    case dist_kind::uniform:
      return a + (b - a) * rng.uniform01();
    case dist_kind::exponential:
      return a * sample_standard_exponential(rng);
    case dist_kind::normal:
      if (b <= 0.0) return a;
      for (;;) {  // rejection keeps the shape; with mean >= 0 at least half the draws are accepted
        const double x = a + b * sample_standard_normal(rng);
        if (x >= 0.0) return x;
      }
    case dist_kind::lognormal:
      return sample_lognormal(lognormal_log_params(a, b), rng);
    case dist_kind::triangular:
      return sample_triangular(a, b, c, rng.uniform01());
    case dist_kind::empirical:
      return sample_empirical(values, weights, rng.uniform01());
  }
  throw std::invalid_argument("distribution has an unknown kind");
}

double distribution::mean() const {
  switch (kind) {
    case dist_kind::constant:
    case dist_kind::exponential:
    case dist_kind::lognormal:
      return a;
    case dist_kind::uniform:
      return 0.5 * (a + b);
    case dist_kind::normal: {
      if (b <= 0.0) return a;
      const double alpha = -a / b;  // the truncation point in standard units
      return a + b * standard_normal_pdf(alpha) / (1.0 - standard_normal_cdf(alpha));
    }
    case dist_kind::triangular:
      return (a + b + c) / 3.0;
    case dist_kind::empirical: {
      if (weights.empty()) {
        double sum = 0.0;
        for (double v : values) sum += v;
        return sum / static_cast<double>(values.size());
      }
      double sum = 0.0, previous = 0.0;
      for (std::size_t i = 0; i < values.size(); ++i) {
        sum += values[i] * (weights[i] - previous);
        previous = weights[i];
      }
      return sum / weights.back();
    }
  }
  throw std::invalid_argument("distribution has an unknown kind");
}

void distribution::check() const {
  if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(c)) {
    reject("distribution parameters must be finite", a, b, c);
  }
  switch (kind) {
    case dist_kind::constant:
      if (a < 0.0) reject("constant needs value >= 0", a, b, c);
      return;
    case dist_kind::uniform:
      if (a < 0.0 || a > b) reject("uniform needs 0 <= min <= max", a, b, c);
      return;
    case dist_kind::exponential:
      if (a <= 0.0) reject("exponential needs mean > 0", a, b, c);
      return;
    case dist_kind::normal:
      if (a < 0.0 || b < 0.0) reject("normal needs mean >= 0 and sd >= 0", a, b, c);
      return;
    case dist_kind::lognormal:
      if (a <= 0.0 || b < 0.0) reject("lognormal needs mean > 0 and sd >= 0", a, b, c);
      return;
    case dist_kind::triangular:
      if (a < 0.0 || a > b || b > c) reject("triangular needs 0 <= min <= mode <= max", a, b, c);
      return;
    case dist_kind::empirical:
      check_empirical(values, weights);
      return;
  }
  throw std::invalid_argument("distribution has an unknown kind");
}

std::uint64_t sample_poisson(rng_stream& rng, double mean) {
  if (!std::isfinite(mean) || mean < 0.0) {
    reject("poisson needs a finite mean >= 0", mean, 0, 0);
  }
  if (mean == 0.0) return 0;
  return mean < 30.0 ? poisson_inversion(rng, mean) : poisson_ptrs(rng, mean);
}

}  // namespace corridor

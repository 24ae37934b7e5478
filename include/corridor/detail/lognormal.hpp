#pragma once
// The lognormal's log-scale parameters from the variable's own mean and sd, in one place: distribution::
// sample computes them on every draw, and a caller that draws many times with the same mean and sd (a rail
// line's travel time) computes them once with this same function, so its draws keep every bit.
#include <cmath>

#include "corridor/random.hpp"

namespace corridor {

struct lognormal_params {
  double mu = 0.0, sigma = 0.0;  // of log X
};

inline lognormal_params lognormal_log_params(double mean, double sd) {
  const double sigma2 = std::log1p((sd * sd) / (mean * mean));
  return {std::log(mean) - 0.5 * sigma2, std::sqrt(sigma2)};
}

// A draw of X: exp(mu + sigma Z) with Z by sample_standard_normal, as distribution::lognormal(mean, sd).
inline double sample_lognormal(const lognormal_params& p, rng_stream& rng) {
  return std::exp(p.mu + p.sigma * sample_standard_normal(rng));
}

}  // namespace corridor

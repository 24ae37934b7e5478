#pragma once
// Random streams and the project's own distributions. A stream is a pure function of
// (seed, replication, entity id), so adding an entity never shifts another's numbers and results never
// depend on threads, shards or the standard library. No std:: distribution is used anywhere.
// Module sim/random (corridor::random), the leaf below engine and scenario: it knows nothing of either.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corridor {

// A stable 64-bit id for a string (FNV-1a), the same on every machine and run.
std::uint64_t stable_id(std::string_view text) noexcept;

// xoshiro256** seeded through splitmix64 from (seed, replication, entity).
class rng_stream {
 public:
  rng_stream(std::uint64_t seed, std::uint64_t replication, std::uint64_t entity) noexcept;
  rng_stream(std::uint64_t seed, std::uint64_t replication, std::string_view entity) noexcept
      : rng_stream(seed, replication, stable_id(entity)) {}

  // Inline, as are the samplers' fast paths: a draw is a few instructions, less than a call would cost.
  std::uint64_t next_u64() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform on the open interval (0, 1): never exactly 0 or 1, so log() is always safe. 52 random bits
  // centred in their cell: k + 0.5 for k in [0, 2^52) is exact in a double, so the result lies in
  // [2^-53, 1 - 2^-53].
  double uniform01() noexcept { return (static_cast<double>(next_u64() >> 12) + 0.5) * 0x1p-52; }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

enum class dist_kind { constant, uniform, exponential, normal, lognormal, triangular, empirical };

// A distribution of a non-negative duration or quantity. Parameters by kind:
//   constant(value) · uniform(min, max) · exponential(mean) · normal(mean, sd), truncated at 0 ·
//   lognormal(mean, sd) of the variable itself · triangular(min, mode, max) ·
//   empirical(values, weights): a discrete choice among `values` (weights default to equal).
// Factories only store their arguments; call check() once (e.g. when a scenario is loaded) before sampling.
// normal() is truncated at 0 by rejection (resampling), so its shape above 0 is kept and mean() returns the
// mean of the truncated variable. lognormal() takes the variable's own mean and sd, not the log-scale ones.
// exponential, normal and lognormal draw through the ziggurat samplers below.
struct distribution {
  dist_kind kind = dist_kind::constant;
  double a = 0.0, b = 0.0, c = 0.0;
  std::vector<double> values;
  // Cumulative weights (need not end at 1), as empirical() stores them; empty means equal weights.
  std::vector<double> weights;

  static distribution constant(double v);
  static distribution uniform(double lo, double hi);
  static distribution exponential(double mean);
  static distribution normal(double mean, double sd);
  static distribution lognormal(double mean, double sd);
  static distribution triangular(double lo, double mode, double hi);
  static distribution empirical(std::vector<double> values, std::vector<double> weights = {});

  double sample(rng_stream& rng) const;
  double mean() const;
  // Throws std::invalid_argument with a readable reason when the parameters make no sense.
  void check() const;
};

// A Poisson count with the given mean (inversion for small means, PTRS for large), stable across platforms.
std::uint64_t sample_poisson(rng_stream& rng, double mean);

// Exp(1), by a ziggurat: 98 % of draws cost one next_u64, a table lookup and a multiply, a third of the time
// of -std::log(rng.uniform01()), which it replaces: Exp(mean m) is m * sample_standard_exponential(rng), and
// the gaps of a Poisson process of rate r are sample_standard_exponential(rng) / r. Inline.
inline double sample_standard_exponential(rng_stream& rng);
// N(0, 1), by a ziggurat (no cached second value: one call, one draw, so a stream's position never depends
// on hidden state). N(mu, sigma^2) is mu + sigma * sample_standard_normal(rng). Inline.
inline double sample_standard_normal(rng_stream& rng);

}  // namespace corridor

#include "corridor/detail/ziggurat.hpp"

#pragma once
// The ziggurat samplers behind corridor::sample_standard_exponential and sample_standard_normal: their
// tables and the inline fast path. Included by random.hpp only; do not include directly.
#include <array>
#include <cstdint>

namespace corridor {
namespace detail {

// A ziggurat (Marsaglia and Tsang 2000) of 256 layers of equal area v under a decreasing f on [0, inf):
// layer 0 is the base rectangle [0, r] x [0, f(r)] together with the tail beyond r; layer i >= 1 is the
// rectangle [0, x_i] x [f(x_i), f(x_{i+1})], with x_1 = r > x_2 > ... > x_256 = 0. One 64-bit number picks
// a layer (its low 8 bits) and a point z uniform on [0, x_i) (its high 53 bits; for the base, x_0 = v /
// f(r)). When z < x_{i+1} the point is under the curve whatever its height, so z is the variate: that is one
// integer comparison and one multiply for 98-99 % of draws. The rest (a wedge at the right end of a layer,
// or the tail) is decided out of line.
struct ziggurat {
  struct layer {
    std::uint64_t accept;  // for the 53-bit j of a draw: j < accept exactly when z = j * scale < x_{i+1}
    double scale;          // x_i / 2^53
  };
  std::array<layer, 256> layers;
  std::array<double, 257> f;  // f(x_i) for i >= 1, so f[256] = f(0) = 1; f[0] is f(r) too
  double r;                   // where the tail begins
};

extern const ziggurat exponential_ziggurat;  // f(x) = exp(-x)
extern const ziggurat normal_ziggurat;       // f(x) = exp(-x^2 / 2): the half-normal; a bit draws the sign

// The rest of a draw whose 64-bit number `bits` fell outside the sure part of its layer.
double exponential_ziggurat_miss(rng_stream& rng, std::uint64_t bits);
double normal_ziggurat_miss(rng_stream& rng, std::uint64_t bits);

}  // namespace detail

inline double sample_standard_exponential(rng_stream& rng) {
  const std::uint64_t bits = rng.next_u64();
  const detail::ziggurat::layer& layer = detail::exponential_ziggurat.layers[bits & 255U];
  const std::uint64_t j = bits >> 11;
  if (j < layer.accept) [[likely]]
    return static_cast<double>(j) * layer.scale;
  return detail::exponential_ziggurat_miss(rng, bits);
}

inline double sample_standard_normal(rng_stream& rng) {
  const std::uint64_t bits = rng.next_u64();
  const detail::ziggurat::layer& layer = detail::normal_ziggurat.layers[bits & 255U];
  const std::uint64_t j = bits >> 11;
  if (j < layer.accept) [[likely]] {
    const double x = static_cast<double>(j) * layer.scale;
    return (bits & 256U) != 0 ? -x : x;  // bit 8, apart from the layer's bits 0-7 and j's bits 11-63
  }
  return detail::normal_ziggurat_miss(rng, bits);
}

}  // namespace corridor

// The ziggurat tables, built at compile time, and the rare part of a draw (a layer's wedge, the tail).
//
// The tables are computed here by constexpr functions, not by <cmath>: every compiler evaluates them with
// the same IEEE arithmetic, so a variate's fast path is the same on every machine and standard library.
// The two parameters of each ziggurat are the unique (r, v) for which 256 layers of area v exactly fill the
// area under f (the top layer, [0, x_255] x [f(x_255), 1], then has area v as well). Solved once to 25
// digits by bisection in 60-digit arithmetic (mpmath); they agree with Marsaglia and Tsang's published
// values.
#include <cmath>
#include <cstdint>

#include "corridor/random.hpp"

namespace corridor::detail {
namespace {

constexpr double ln2_hi = 6.93147180369123816490e-01;  // ln 2 split so that k * ln2_hi is exact (fdlibm)
constexpr double ln2_lo = 1.90821492927058770002e-10;
constexpr double sqrt2 = 1.41421356237309504880;

// e^x for the moderate x the tables need: x = k ln 2 + t with |t| <= ln 2 / 2, a Taylor series for e^t,
// then k exact doublings or halvings. Within a few ulp, which is all a table needs.
constexpr double ce_exp(double x) {
  const double q = x / (ln2_hi + ln2_lo);
  const auto k = static_cast<long long>(q < 0.0 ? q - 0.5 : q + 0.5);
  const auto kd = static_cast<double>(k);
  const double t = (x - kd * ln2_hi) - kd * ln2_lo;
  double term = 1.0, sum = 1.0;
  for (int n = 1; n < 30; ++n) {
    term *= t / n;
    sum += term;
  }
  for (long long i = 0; i < k; ++i) sum *= 2.0;
  for (long long i = 0; i > k; --i) sum *= 0.5;
  return sum;
}

// ln y for y > 0: y = m 2^e with m in [sqrt(2)/2, sqrt(2)], then ln m = 2 atanh((m - 1) / (m + 1)).
constexpr double ce_log(double y) {
  int e = 0;
  while (y > sqrt2) {
    y *= 0.5;
    ++e;
  }
  while (y < 0.5 * sqrt2) {
    y *= 2.0;
    --e;
  }
  const double s = (y - 1.0) / (y + 1.0);
  double term = s, sum = 0.0;
  for (int k = 1; k < 80; k += 2) {
    sum += term / k;
    term *= s * s;
  }
  return e * ln2_hi + (e * ln2_lo + 2.0 * sum);
}

constexpr double ce_sqrt(double y) {
  if (y <= 0.0) return 0.0;
  double g = y < 1.0 ? 1.0 : y;
  for (int i = 0; i < 200; ++i) {
    const double next = 0.5 * (g + y / g);
    if (next == g) break;
    g = next;
  }
  return g;
}

// Layer edges from the bottom up: x_{i+1} = f^-1(f(x_i) + v / x_i), so each layer has area v.
template <class F, class FInverse>
constexpr ziggurat build(double r, double v, F f, FInverse f_inverse) {
  std::array<double, 257> x{};
  x[0] = v / f(r);
  x[1] = r;
  for (std::size_t i = 1; i < 255; ++i) x[i + 1] = f_inverse(f(x[i]) + v / x[i]);
  x[256] = 0.0;
  ziggurat z{};
  for (std::size_t i = 0; i < 256; ++i) {
    z.layers[i].accept = static_cast<std::uint64_t>(x[i + 1] / x[i] * 0x1p53);
    z.layers[i].scale = x[i] * 0x1p-53;
  }
  z.f[0] = f(r);
  for (std::size_t i = 1; i < 257; ++i) z.f[i] = f(x[i]);
  z.r = r;
  return z;
}

constexpr double exp_minus(double x) {
  return ce_exp(-x);
}
constexpr double exp_minus_inverse(double y) {
  return -ce_log(y);
}
constexpr double half_normal(double x) {
  return ce_exp(-0.5 * x * x);
}
constexpr double half_normal_inverse(double y) {
  return ce_sqrt(-2.0 * ce_log(y));
}

// Where a layer's sure part ends, does the draw's point lie under f? The height is uniform between the
// layer's floor f(x_i) and ceiling f(x_{i+1}).
bool under_curve(const ziggurat& z, std::size_t i, double fx, rng_stream& rng) {
  return z.f[i] + rng.uniform01() * (z.f[i + 1] - z.f[i]) < fx;
}

}  // namespace

constinit const ziggurat exponential_ziggurat =
    build(7.697117470131049714044628, 0.003949659822581557219977572, exp_minus, exp_minus_inverse);
constinit const ziggurat normal_ziggurat =
    build(3.654152885361008771645430, 0.004928673233974655347361775, half_normal, half_normal_inverse);

double exponential_ziggurat_miss(rng_stream& rng, std::uint64_t bits) {
  const ziggurat& z = exponential_ziggurat;
  const std::size_t i = bits & 255U;
  // The tail beyond r is r + Exp(1): the exponential forgets where it starts.
  if (i == 0) return z.r + sample_standard_exponential(rng);
  const double x = static_cast<double>(bits >> 11) * z.layers[i].scale;
  if (under_curve(z, i, std::exp(-x), rng)) return x;
  return sample_standard_exponential(rng);  // rejected: a fresh draw, as if this one never happened
}

double normal_ziggurat_miss(rng_stream& rng, std::uint64_t bits) {
  const ziggurat& z = normal_ziggurat;
  const std::size_t i = bits & 255U;
  double x = 0.0;
  if (i == 0) {
    // The tail beyond r (Marsaglia 1964): a = Exp(1) / r, accepted with probability exp(-a^2 / 2).
    for (;;) {
      const double a = -std::log(rng.uniform01()) / z.r;
      const double b = -std::log(rng.uniform01());
      if (b + b >= a * a) {
        x = z.r + a;
        break;
      }
    }
  } else {
    x = static_cast<double>(bits >> 11) * z.layers[i].scale;
    if (!under_curve(z, i, std::exp(-0.5 * x * x), rng)) return sample_standard_normal(rng);
  }
  return (bits & 256U) != 0 ? -x : x;
}

}  // namespace corridor::detail

// Student-t and normal quantiles from first principles: a log-gamma (Stirling series), the regularized
// incomplete beta by its continued fraction, and a safeguarded inversion of the CDF. Short tables are not
// enough here: Welch's test and precision mode need any (even fractional) number of degrees of freedom.
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "corridor/statistics.hpp"

namespace corridor {
namespace detail {
namespace {

constexpr double pi = 3.141592653589793238462643383279502884;

// ln Gamma(x) for x > 0: shift x up to >= 10, then the Stirling series (error below 1e-14). Our own, because
// glibc's lgamma writes the global `signgam` and replications call this from several threads.
double log_gamma(double x) {
  double shift = 0.0;
  while (x < 10.0) {
    shift += std::log(x);
    x += 1.0;
  }
  const double inv = 1.0 / x;
  const double inv2 = inv * inv;
  // Bernoulli terms B_2k / (2k (2k - 1) x^(2k - 1)) for k = 1..5.
  const double series =
      inv *
      (1.0 / 12.0 + inv2 * (-1.0 / 360.0 + inv2 * (1.0 / 1260.0 + inv2 * (-1.0 / 1680.0 + inv2 / 1188.0))));
  return (x - 0.5) * std::log(x) - x + 0.5 * std::log(2.0 * pi) + series - shift;
}

// The continued fraction for I_x(a, b) (modified Lentz); converges fast for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double tiny = 1e-300;
  constexpr double eps = 1e-16;
  constexpr int max_terms = 200000;
  auto guard = [](double v) { return std::fabs(v) < tiny ? tiny : v; };
  double c = 1.0;
  double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
  double h = d;
  for (int m = 1; m <= max_terms; ++m) {
    const double two_m = 2.0 * m;
    const double even = m * (b - m) * x / ((a + two_m - 1.0) * (a + two_m));
    d = 1.0 / guard(1.0 + even * d);
    c = guard(1.0 + even / c);
    h *= d * c;
    const double odd = -(a + m) * (a + b + m) * x / ((a + two_m) * (a + two_m + 1.0));
    d = 1.0 / guard(1.0 + odd * d);
    c = guard(1.0 + odd / c);
    const double step = d * c;
    h *= step;
    if (std::fabs(step - 1.0) < eps) return h;
  }
  throw std::invalid_argument("incomplete beta: continued fraction did not converge");
}

// I_x(a, b) with y = 1 - x passed in separately so that x near 1 keeps its precision.
double incomplete_beta(double a, double b, double x, double y) {
  if (x <= 0.0) return 0.0;
  if (y <= 0.0) return 1.0;
  const double log_front =
      a * std::log(x) + b * std::log(y) - (log_gamma(a) + log_gamma(b) - log_gamma(a + b));
  const double front = std::exp(log_front);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, y) / b;
}

// P(T > t) for t >= 0.
double t_upper_tail(double t, double df) {
  const double t2 = t * t;
  return 0.5 * incomplete_beta(0.5 * df, 0.5, df / (df + t2), t2 / (df + t2));
}

// Cornish-Fisher expansion of t in powers of 1/df around the normal quantile z (Abramowitz & Stegun
// 26.7.5); with df above 1e5 the first omitted term is below 1e-20.
double t_quantile_large_df(double z, double df) {
  const double z2 = z * z;
  const double g1 = z * (z2 + 1.0) / 4.0;
  const double g2 = z * ((5.0 * z2 + 16.0) * z2 + 3.0) / 96.0;
  const double g3 = z * (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) / 384.0;
  const double g4 = z * ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) / 92160.0;
  const double v = 1.0 / df;
  return z + v * (g1 + v * (g2 + v * (g3 + v * g4)));
}

// The t > 0 with P(T > t) = tail, by bisection on the monotone tail: slow but unconditionally safe.
double t_upper_quantile(double tail, double df) {
  double lo = 0.0;
  double hi = 1.0;
  while (t_upper_tail(hi, df) > tail) {
    lo = hi;
    hi *= 2.0;
    if (!std::isfinite(hi)) return std::numeric_limits<double>::infinity();
  }
  for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (t_upper_tail(mid, df) > tail)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

void check_probability(double p, const char* what) {
  if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument(std::string(what) + ": p must lie in (0, 1)");
}

}  // namespace
}  // namespace detail

double normal_quantile(double p) {
  detail::check_probability(p, "normal_quantile");
  if (p > 0.5) return -normal_quantile(1.0 - p);
  // Start from Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4), then Newton on Phi(x) = p.
  const double t = std::sqrt(-2.0 * std::log(p));
  double x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) /
                       (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
  for (int i = 0; i < 50; ++i) {
    const double cdf = 0.5 * std::erfc(-x / std::sqrt(2.0));
    const double pdf = std::exp(-0.5 * x * x) / std::sqrt(2.0 * detail::pi);
    const double step = (cdf - p) / pdf;
    x -= step;
    if (std::fabs(step) <= 1e-15 * std::fabs(x)) break;
  }
  return x;
}

double student_t_cdf(double t, double df) {
  if (!(df > 0.0)) throw std::invalid_argument("student_t_cdf: df must be > 0");
  if (std::isnan(t)) throw std::invalid_argument("student_t_cdf: t is NaN");
  if (std::isinf(df)) return 0.5 * std::erfc(-t / std::sqrt(2.0));
  const double tail = detail::t_upper_tail(std::fabs(t), df);
  return t >= 0.0 ? 1.0 - tail : tail;
}

double student_t_quantile(double p, double df) {
  detail::check_probability(p, "student_t_quantile");
  if (!(df > 0.0)) throw std::invalid_argument("student_t_quantile: df must be > 0");
  if (p == 0.5) return 0.0;
  if (df > 1e5) return detail::t_quantile_large_df(normal_quantile(p), df);
  const double t = detail::t_upper_quantile(p < 0.5 ? p : 1.0 - p, df);
  return p < 0.5 ? -t : t;
}

double t_critical_95(double df) {
  // Integer df up to 200 are by far the most common (replications - 1): computed once, on first use.
  static const std::array<double, 201> table = [] {
    std::array<double, 201> values{};
    for (std::size_t i = 1; i < values.size(); ++i) {
      values[i] = student_t_quantile(0.975, static_cast<double>(i));
    }
    return values;
  }();
  if (df >= 1.0 && df <= 200.0 && df == std::floor(df)) return table[static_cast<std::size_t>(df)];
  return student_t_quantile(0.975, df);
}

double t_half_width_95(double stddev, std::size_t n) {
  if (n < 2) return 0.0;
  const double nd = static_cast<double>(n);
  return t_critical_95(nd - 1.0) * stddev / std::sqrt(nd);
}

}  // namespace corridor

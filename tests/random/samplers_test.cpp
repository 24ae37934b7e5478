// The ziggurat samplers and the distributions drawn through them, against their analytic CDFs.
//
// Every test uses a fixed seed, so its outcome is fixed; each bound is one that a correct sampler would
// cross with probability about 1e-6 for a random seed:
//   Kolmogorov-Smirnov: sqrt(n) D > 2.6934 (asymptotic P ~= 2 exp(-2 lambda^2));
//   chi-square on 1,000 equiprobable bins: X^2 > 1226 (999 degrees of freedom, Wilson-Hilferty);
//   counts and means: more than 5 standard errors from theory (P ~= 6e-7).
// A wedge that accepts every point it is offered moves the normal's X^2 to ~1,350 over 4 M draws while its
// KS statistic stays ~1.3, which is why both are checked.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "corridor/random.hpp"

namespace corridor {
namespace {

constexpr double ks_lambda = 2.6934;     // sqrt(ln(2 / 1e-6) / 2)
constexpr double chi2_999_bound = 1226;  // 999 (1 - 2 / 8991 + 4.753 sqrt(2 / 8991))^3

template <class Draw>
std::vector<double> draws(std::size_t n, Draw&& draw) {
  std::vector<double> xs(n);
  for (auto& x : xs) x = draw();
  return xs;
}

// sqrt(n) times the largest distance between the empirical CDF of `xs` and `cdf`.
template <class Cdf>
double ks_scaled(std::vector<double> xs, Cdf&& cdf) {
  std::sort(xs.begin(), xs.end());
  const auto n = static_cast<double>(xs.size());
  double d = 0.0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double f = cdf(xs[i]);
    d = std::max({d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
  }
  return std::sqrt(n) * d;
}

// Pearson's X^2 of `xs` over 1,000 bins of equal probability under `cdf`.
template <class Cdf>
double chi2_1000_bins(const std::vector<double>& xs, Cdf&& cdf) {
  std::vector<double> count(1000, 0.0);
  for (double x : xs) count[std::min<std::size_t>(999, static_cast<std::size_t>(cdf(x) * 1000.0))] += 1.0;
  const double expected = static_cast<double>(xs.size()) / 1000.0;
  double x2 = 0.0;
  for (double c : count) x2 += (c - expected) * (c - expected) / expected;
  return x2;
}

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

TEST(standard_exponential, matches_the_exponential_cdf_by_kolmogorov_smirnov_and_chi_square) {
  rng_stream rng(2024, 0, stable_id("ks-exponential"));
  const auto xs = draws(4000000, [&] { return sample_standard_exponential(rng); });
  const auto cdf = [](double x) { return x <= 0.0 ? 0.0 : -std::expm1(-x); };
  EXPECT_LT(ks_scaled(xs, cdf), ks_lambda);
  EXPECT_LT(chi2_1000_bins(xs, cdf), chi2_999_bound);
  EXPECT_GE(*std::min_element(xs.begin(), xs.end()), 0.0);
}

TEST(standard_normal, matches_the_normal_cdf_by_kolmogorov_smirnov_and_chi_square) {
  rng_stream rng(2024, 0, stable_id("ks-normal"));
  const auto xs = draws(4000000, [&] { return sample_standard_normal(rng); });
  EXPECT_LT(ks_scaled(xs, normal_cdf), ks_lambda);
  EXPECT_LT(chi2_1000_bins(xs, normal_cdf), chi2_999_bound);
}

// Draws in the tails take the rare code paths (beyond r = 7.697 for the exponential, 3.654 for the
// normal), which a CDF test of a million draws barely sees. Their frequency and their mean excess must
// match: P(X > r) = exp(-r) with E[X - r | X > r] = 1 for the exponential.
TEST(standard_exponential, reaches_its_tail_as_often_as_theory_says_and_with_the_right_excess) {
  const double r = 7.697117470131050;
  const int n = 4000000;
  rng_stream rng(7, 0, stable_id("exponential-tail"));
  int beyond = 0;
  double excess = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = sample_standard_exponential(rng);
    if (x > r) {
      ++beyond;
      excess += x - r;
    }
  }
  const double p = std::exp(-r);
  EXPECT_NEAR(beyond, n * p, 5.0 * std::sqrt(n * p * (1.0 - p)));
  EXPECT_NEAR(excess / beyond, 1.0, 5.0 / std::sqrt(beyond));  // sd of Exp(1) is 1
}

// P(X > r) = P(X < -r) = Q(r) = erfc(r / sqrt 2) / 2 for the standard normal, and beyond r the excess X - r
// has mean lambda - r and variance 1 + r lambda - lambda^2, lambda = phi(r) / Q(r) (the truncated normal).
TEST(standard_normal, reaches_both_tails_as_often_as_theory_says_and_with_the_right_excess) {
  const double r = 3.654152885361009;
  const int n = 8000000;
  rng_stream rng(7, 0, stable_id("normal-tail"));
  int above = 0, below = 0;
  double excess = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = sample_standard_normal(rng);
    above += x > r;
    below += x < -r;
    if (std::fabs(x) > r) excess += std::fabs(x) - r;
  }
  const double q = 0.5 * std::erfc(r / std::numbers::sqrt2);
  const double tolerance = 5.0 * std::sqrt(n * q * (1.0 - q));
  EXPECT_NEAR(above, n * q, tolerance);
  EXPECT_NEAR(below, n * q, tolerance);
  const double lambda = std::exp(-0.5 * r * r) / std::sqrt(2.0 * std::numbers::pi) / q;
  const double sd = std::sqrt(1.0 + r * lambda - lambda * lambda);
  EXPECT_NEAR(excess / (above + below), lambda - r, 5.0 * sd / std::sqrt(above + below));
}

// The first variates of a stream: a change here changes every result that draws through these samplers.
TEST(standard_exponential, first_values_are_pinned) {
  rng_stream rng(42, 0, "flow:xian-duisburg");
  EXPECT_DOUBLE_EQ(sample_standard_exponential(rng), 0.39381216917936968);
  EXPECT_DOUBLE_EQ(sample_standard_exponential(rng), 0.17899178408029204);
}

TEST(standard_normal, first_values_are_pinned) {
  rng_stream rng(42, 0, "flow:xian-duisburg");
  EXPECT_DOUBLE_EQ(sample_standard_normal(rng), 0.53729700148680226);
  EXPECT_DOUBLE_EQ(sample_standard_normal(rng), -0.13621419099387522);
}

// Every layer of a ziggurat must have the same area v, or draws would favour some layers: the base is
// [0, x_0) x [0, f(r)] by construction, layer i >= 1 is x_i (f(x_{i+1}) - f(x_i)).
void expect_equal_layer_areas(const detail::ziggurat& z, double v, const char* name) {
  EXPECT_NEAR(z.layers[0].scale * 0x1p53 * z.f[1], v, 1e-13 * v) << name << " base";
  for (std::size_t i = 1; i < 256; ++i) {
    EXPECT_NEAR(z.layers[i].scale * 0x1p53 * (z.f[i + 1] - z.f[i]), v, 1e-11 * v) << name << " layer " << i;
  }
  EXPECT_EQ(z.layers[255].accept, 0U) << name << ": the top layer has no sure part";
  EXPECT_EQ(z.f[256], 1.0) << name;
}

TEST(ziggurat, every_layer_has_the_same_area) {
  const double re = detail::exponential_ziggurat.r;
  expect_equal_layer_areas(detail::exponential_ziggurat, (re + 1.0) * std::exp(-re), "exponential");
  const double rn = detail::normal_ziggurat.r;
  const double vn =
      rn * std::exp(-0.5 * rn * rn) + std::sqrt(std::numbers::pi / 2.0) * std::erfc(rn / std::numbers::sqrt2);
  expect_equal_layer_areas(detail::normal_ziggurat, vn, "normal");
}

TEST(distribution, exponential_matches_its_cdf_by_kolmogorov_smirnov) {
  rng_stream rng(5, 0, stable_id("ks-exponential-3"));
  const auto d = distribution::exponential(3.0);
  const auto xs = draws(200000, [&] { return d.sample(rng); });
  EXPECT_LT(ks_scaled(xs, [](double x) { return -std::expm1(-x / 3.0); }), ks_lambda);
}

TEST(distribution, truncated_normal_matches_its_cdf_by_kolmogorov_smirnov) {
  // N(1, 1) kept on [0, inf): F(x) = (Phi(x - 1) - Phi(-1)) / (1 - Phi(-1)).
  rng_stream rng(5, 0, stable_id("ks-normal-truncated"));
  const auto d = distribution::normal(1.0, 1.0);
  const auto xs = draws(200000, [&] { return d.sample(rng); });
  const double cut = normal_cdf(-1.0);
  EXPECT_LT(ks_scaled(xs, [&](double x) { return (normal_cdf(x - 1.0) - cut) / (1.0 - cut); }), ks_lambda);
}

TEST(distribution, lognormal_matches_its_cdf_by_kolmogorov_smirnov) {
  // mean 12, sd 3: sigma^2 = ln(1 + 9 / 144), mu = ln 12 - sigma^2 / 2; F(x) = Phi((ln x - mu) / sigma).
  rng_stream rng(5, 0, stable_id("ks-lognormal"));
  const auto d = distribution::lognormal(12.0, 3.0);
  const auto xs = draws(200000, [&] { return d.sample(rng); });
  const double sigma2 = std::log1p(9.0 / 144.0);
  const double mu = std::log(12.0) - 0.5 * sigma2;
  EXPECT_LT(ks_scaled(xs, [&](double x) { return normal_cdf((std::log(x) - mu) / std::sqrt(sigma2)); }),
            ks_lambda);
}

}  // namespace
}  // namespace corridor

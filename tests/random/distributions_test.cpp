// Distributions: sample moments against theory (n = 200k, tolerance 5 standard errors), Poisson for small
// and large means, and check()'s reasons.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

#include "corridor/random.hpp"

namespace corridor {
namespace {

constexpr int sample_count = 200000;

struct moments {
  double mean, var, se_mean, se_var;
  double min = 1e300;
};

// Sample mean and variance with their standard errors estimated from the same sample.
template <class Draw>
moments sample_moments(Draw&& draw) {
  std::vector<double> xs(sample_count);
  double sum = 0.0, min = 1e300;
  for (auto& x : xs) {
    x = draw();
    sum += x;
    min = std::min(min, x);
  }
  const double n = sample_count;
  const double mean = sum / n;
  double m2 = 0.0, m4 = 0.0;
  for (double x : xs) {
    const double d2 = (x - mean) * (x - mean);
    m2 += d2;
    m4 += d2 * d2;
  }
  m2 /= n;
  m4 /= n;
  return {mean, m2, std::sqrt(m2 / n), std::sqrt(std::max(m4 - m2 * m2, 0.0) / n), min};
}

void expect_moments(const distribution& d, double mean, double var, const char* name) {
  d.check();
  rng_stream rng(2024, 0, stable_id(name));
  const auto m = sample_moments([&] { return d.sample(rng); });
  EXPECT_NEAR(m.mean, mean, 5.0 * m.se_mean) << name;
  EXPECT_NEAR(m.var, var, 5.0 * m.se_var) << name;
  EXPECT_NEAR(d.mean(), mean, 1e-9 * (1.0 + mean)) << name;
  EXPECT_GE(m.min, 0.0) << name;
}

TEST(distribution, constant_always_returns_its_value) {
  rng_stream rng(1, 0, 0);
  const auto d = distribution::constant(4.5);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(d.sample(rng), 4.5);
  EXPECT_EQ(d.mean(), 4.5);
}

TEST(distribution, uniform_matches_its_mean_and_variance) {
  expect_moments(distribution::uniform(2.0, 8.0), 5.0, 36.0 / 12.0, "uniform");
}

TEST(distribution, exponential_matches_its_mean_and_variance) {
  expect_moments(distribution::exponential(3.0), 3.0, 9.0, "exponential");
}

// Mean and variance of N(mu, sd^2) truncated to [0, inf).
std::pair<double, double> truncated_normal_moments(double mu, double sd) {
  const double alpha = -mu / sd;
  const double pdf = std::exp(-0.5 * alpha * alpha) / std::sqrt(2.0 * std::numbers::pi);
  const double kept = 1.0 - 0.5 * std::erfc(-alpha / std::numbers::sqrt2);
  const double lambda = pdf / kept;
  return {mu + sd * lambda, sd * sd * (1.0 + alpha * lambda - lambda * lambda)};
}

TEST(distribution, normal_far_from_zero_matches_its_mean_and_variance) {
  const auto [mean, var] = truncated_normal_moments(10.0, 2.0);
  EXPECT_NEAR(mean, 10.0, 1e-5);  // truncation 5 sd away barely shows
  expect_moments(distribution::normal(10.0, 2.0), mean, var, "normal");
}

TEST(distribution, normal_is_truncated_at_zero_by_resampling) {
  // mean 1, sd 1: the truncation at 0 cuts 16 % of the mass, so the moments are the truncated ones.
  const auto [mean, var] = truncated_normal_moments(1.0, 1.0);
  EXPECT_GT(mean, 1.25);
  expect_moments(distribution::normal(1.0, 1.0), mean, var, "normal-truncated");
}

TEST(distribution, normal_with_zero_sd_is_its_mean) {
  rng_stream rng(1, 0, 0);
  EXPECT_EQ(distribution::normal(2.0, 0.0).sample(rng), 2.0);
}

TEST(distribution, lognormal_takes_the_variables_own_mean_and_sd) {
  expect_moments(distribution::lognormal(12.0, 3.0), 12.0, 9.0, "lognormal");
}

TEST(distribution, triangular_matches_its_mean_and_variance) {
  const double a = 1.0, c = 2.0, b = 6.0;
  expect_moments(distribution::triangular(a, c, b), (a + b + c) / 3.0,
                 (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0, "triangular");
}

TEST(distribution, triangular_with_equal_bounds_is_a_point) {
  rng_stream rng(1, 0, 0);
  EXPECT_EQ(distribution::triangular(3.0, 3.0, 3.0).sample(rng), 3.0);
}

TEST(distribution, empirical_chooses_values_in_proportion_to_weights) {
  const std::vector<double> values{1.0, 2.0, 10.0};
  const std::vector<double> p{0.2, 0.5, 0.3};
  double mean = 0.0, second = 0.0;
  for (std::size_t i = 0; i < 3; ++i) {
    mean += p[i] * values[i];
    second += p[i] * values[i] * values[i];
  }
  expect_moments(distribution::empirical(values, {2.0, 5.0, 3.0}), mean, second - mean * mean, "empirical");
}

TEST(distribution, empirical_without_weights_is_uniform_over_values) {
  expect_moments(distribution::empirical({0.0, 4.0}), 2.0, 4.0, "empirical-equal");
}

TEST(distribution, empirical_never_picks_a_zero_weight_value) {
  const auto d = distribution::empirical({1.0, 2.0, 3.0}, {1.0, 0.0, 1.0});
  d.check();
  rng_stream rng(1, 0, 0);
  for (int i = 0; i < 10000; ++i) ASSERT_NE(d.sample(rng), 2.0);
}

std::string check_reason(const distribution& d) {
  try {
    d.check();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "accepted";
}

TEST(distribution, check_explains_what_is_wrong) {
  EXPECT_NE(check_reason(distribution::triangular(1, 5, 3)).find("triangular needs 0 <= min <= mode <= max"),
            std::string::npos);
  EXPECT_NE(check_reason(distribution::uniform(5, 1)).find("uniform needs 0 <= min <= max"),
            std::string::npos);
  EXPECT_NE(check_reason(distribution::exponential(0)).find("exponential needs mean > 0"), std::string::npos);
  EXPECT_NE(check_reason(distribution::normal(1, -1)).find("normal needs"), std::string::npos);
  EXPECT_NE(check_reason(distribution::lognormal(0, 1)).find("lognormal needs mean > 0"), std::string::npos);
  EXPECT_NE(check_reason(distribution::constant(-1)).find("constant needs value >= 0"), std::string::npos);
  EXPECT_NE(check_reason(distribution::constant(NAN)).find("finite"), std::string::npos);
  EXPECT_NE(check_reason(distribution::empirical({})).find("at least one value"), std::string::npos);
  EXPECT_NE(check_reason(distribution::empirical({1, 2}, {1})).find("one weight per value"),
            std::string::npos);
  EXPECT_NE(check_reason(distribution::empirical({1, 2}, {1, -0.5})).find("weights must be >= 0"),
            std::string::npos);
  EXPECT_NE(check_reason(distribution::empirical({1, 2}, {0, 0})).find("not all be zero"), std::string::npos);
  EXPECT_NE(check_reason(distribution::empirical({-1.0})).find("values must be finite and >= 0"),
            std::string::npos);
  EXPECT_EQ(check_reason(distribution::triangular(1, 1, 3)), "accepted");
}

TEST(distribution, check_quotes_the_offending_parameters) {
  EXPECT_NE(check_reason(distribution::triangular(1, 5, 3)).find("(got 1, 5, 3)"), std::string::npos);
}

class poisson_by_mean : public ::testing::TestWithParam<double> {};

TEST_P(poisson_by_mean, has_mean_and_variance_equal_to_its_parameter) {
  const double lambda = GetParam();
  rng_stream rng(11, 0, static_cast<std::uint64_t>(lambda * 1000));
  const auto m = sample_moments([&] { return static_cast<double>(sample_poisson(rng, lambda)); });
  EXPECT_NEAR(m.mean, lambda, 5.0 * m.se_mean);
  EXPECT_NEAR(m.var, lambda, 5.0 * m.se_var);
}

// Both sides of the switch from inversion to PTRS at 30.
INSTANTIATE_TEST_SUITE_P(small_and_large, poisson_by_mean,
                         ::testing::Values(0.05, 1.0, 7.5, 29.9, 30.0, 45.0, 250.0, 1e5));

TEST(sample_poisson, ptrs_matches_the_probability_mass_function) {
  const double lambda = 50.0;
  rng_stream rng(3, 0, stable_id("poisson-pmf"));
  std::vector<int> counts(200, 0);
  for (int i = 0; i < sample_count; ++i) {
    const auto k = sample_poisson(rng, lambda);
    if (k < counts.size()) ++counts[k];
  }
  double log_p = -lambda;  // log P(0)
  for (int k = 0; k < 100; ++k) {
    if (k > 0) log_p += std::log(lambda) - std::log(k);
    const double expected = sample_count * std::exp(log_p);
    if (expected < 20.0) continue;
    EXPECT_NEAR(counts[static_cast<std::size_t>(k)], expected, 5.0 * std::sqrt(expected)) << "k=" << k;
  }
}

TEST(sample_poisson, zero_mean_gives_zero_and_bad_means_throw) {
  rng_stream rng(1, 0, 0);
  EXPECT_EQ(sample_poisson(rng, 0.0), 0U);
  EXPECT_THROW(sample_poisson(rng, -1.0), std::invalid_argument);
  EXPECT_THROW(sample_poisson(rng, NAN), std::invalid_argument);
}

TEST(sample_standard_normal, has_mean_zero_variance_one_and_normal_tails) {
  rng_stream rng(8, 0, stable_id("standard-normal"));
  int beyond = 0;
  const auto m = sample_moments([&] {
    const double z = sample_standard_normal(rng);
    if (z > 1.959964) ++beyond;
    return z;
  });
  EXPECT_NEAR(m.mean, 0.0, 5.0 * m.se_mean);
  EXPECT_NEAR(m.var, 1.0, 5.0 * m.se_var);
  const double p = 0.025;
  EXPECT_NEAR(beyond, p * sample_count, 5.0 * std::sqrt(p * (1 - p) * sample_count));
}

}  // namespace
}  // namespace corridor

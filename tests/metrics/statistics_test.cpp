// Distributions, moments, percentiles, tallies and time averages from sim/metrics.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "corridor/random.hpp"
#include "corridor/statistics.hpp"

namespace corridor {
namespace {

// Reference values from mpmath at 40 digits (inverting the regularized incomplete beta).
TEST(student_t, quantile_matches_reference_values_for_integer_df) {
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.706204736174705, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 2), 4.3026527297494639, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 5), 2.5705818356363155, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 10), 2.2281388519862747, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 30), 2.0422724563012383, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.975, 1000), 1.9623390808264085, 1e-9);
}

TEST(student_t, quantile_handles_fractional_df_other_levels_and_far_tails) {
  EXPECT_NEAR(student_t_quantile(0.975, 2.5), 3.5746548420036832, 1e-9);
  EXPECT_NEAR(student_t_quantile(0.995, 3), 5.8409093097333573, 1e-9);
  EXPECT_NEAR(student_t_quantile(1e-8, 4), -131.59473694062355, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.025, 10), -2.2281388519862747, 1e-9);
  EXPECT_EQ(student_t_quantile(0.5, 7), 0.0);
}

TEST(student_t, quantile_is_continuous_where_the_large_df_expansion_takes_over) {
  EXPECT_NEAR(student_t_quantile(0.975, 99999), 1.9599877077718448, 1e-10);
  EXPECT_NEAR(student_t_quantile(0.975, 100001), 1.9599877072973792, 1e-10);
  EXPECT_NEAR(student_t_quantile(0.975, 1e6), 1.959966356814107, 1e-10);
  EXPECT_NEAR(student_t_quantile(0.975, std::numeric_limits<double>::infinity()), 1.9599639845400542, 1e-12);
}

TEST(student_t, cdf_inverts_the_quantile) {
  EXPECT_NEAR(student_t_cdf(-2.0, 7), 0.042809664281488038, 1e-12);
  for (double df : {1.0, 3.0, 17.5, 250.0}) {
    for (double p : {0.01, 0.3, 0.9, 0.999})
      EXPECT_NEAR(student_t_cdf(student_t_quantile(p, df), df), p, 1e-12);
  }
}

TEST(student_t, critical_value_table_agrees_with_direct_computation) {
  EXPECT_EQ(t_critical_95(9), student_t_quantile(0.975, 9));
  EXPECT_EQ(t_critical_95(200), student_t_quantile(0.975, 200));
  EXPECT_NEAR(t_critical_95(9.5), 0.5 * (t_critical_95(9) + t_critical_95(10)), 2e-3);
  EXPECT_EQ(t_half_width_95(3.0, 1), 0.0);
  EXPECT_NEAR(t_half_width_95(2.0, 11), 2.2281388519862747 * 2.0 / std::sqrt(11.0), 1e-12);
}

TEST(student_t, rejects_probabilities_outside_the_open_interval_and_bad_df) {
  EXPECT_THROW(student_t_quantile(0.0, 5), std::invalid_argument);
  EXPECT_THROW(student_t_quantile(1.0, 5), std::invalid_argument);
  EXPECT_THROW(student_t_quantile(0.9, 0.0), std::invalid_argument);
  EXPECT_THROW(student_t_quantile(std::nan(""), 5), std::invalid_argument);
  EXPECT_THROW(normal_quantile(-0.1), std::invalid_argument);
}

TEST(normal, quantile_matches_reference_values) {
  EXPECT_NEAR(normal_quantile(0.975), 1.9599639845400542, 1e-12);
  EXPECT_NEAR(normal_quantile(1e-10), -6.3613409024040562, 1e-9);
  EXPECT_NEAR(normal_quantile(0.3), -normal_quantile(0.7), 1e-14);
}

TEST(running_stats, matches_a_two_pass_computation_despite_a_large_offset) {
  std::vector<double> xs;
  running_stats s;
  for (int i = 0; i < 1000; ++i) {
    const double x = 1e9 + std::sin(i * 0.7) * 3.0 + (i % 7);
    xs.push_back(x);
    s.add(x);
  }
  double sum = 0.0;
  for (double x : xs) sum += x - 1e9;
  const double mean = 1e9 + sum / 1000.0;
  double ss = 0.0;
  for (double x : xs) ss += (x - mean) * (x - mean);
  EXPECT_EQ(s.count(), 1000u);
  EXPECT_NEAR(s.mean(), mean, 1e-6);
  EXPECT_NEAR(s.variance(), ss / 999.0, 1e-6);
  EXPECT_NEAR(s.half_width_95(), t_critical_95(999) * std::sqrt(ss / 999.0 / 1000.0), 1e-9);
}

TEST(running_stats, reports_zero_spread_below_two_observations) {
  running_stats s;
  EXPECT_EQ(s.variance(), 0.0);
  s.add(4.0);
  EXPECT_EQ(s.mean(), 4.0);
  EXPECT_EQ(s.variance(), 0.0);
  EXPECT_EQ(s.half_width_95(), 0.0);
  EXPECT_EQ(s.min(), 4.0);
  EXPECT_EQ(s.max(), 4.0);
}

TEST(percentile, interpolates_linearly_between_order_statistics) {
  const std::vector<double> v{40, 10, 30, 20};  // sorted: 10 20 30 40
  EXPECT_EQ(percentile(v, 0.0), 10.0);
  EXPECT_EQ(percentile(v, 1.0), 40.0);
  EXPECT_DOUBLE_EQ(percentile(v, 0.5), 25.0);
  EXPECT_DOUBLE_EQ(percentile(v, 0.95), 38.5);  // position 2.85
  EXPECT_DOUBLE_EQ(percentile(v, 1.0 / 3.0), 20.0);
  EXPECT_EQ(percentile(std::vector<double>{7.0}, 0.95), 7.0);
}

TEST(percentile, rejects_empty_input_and_q_outside_zero_one) {
  EXPECT_THROW(percentile(std::vector<double>{}, 0.5), std::invalid_argument);
  EXPECT_THROW(percentile(std::vector<double>{1, 2}, 1.5), std::invalid_argument);
  EXPECT_THROW(percentile(std::vector<double>{1, 2}, -0.1), std::invalid_argument);
}

TEST(tally, percentiles_agree_with_percentile_of_its_samples) {
  tally t;
  EXPECT_EQ(t.p95(), 0.0);
  for (int i = 0; i < 101; ++i) t.add(static_cast<double>((i * 37) % 101));
  EXPECT_EQ(t.count(), 101u);
  EXPECT_DOUBLE_EQ(t.mean(), 50.0);
  EXPECT_DOUBLE_EQ(t.p50(), 50.0);
  EXPECT_DOUBLE_EQ(t.p95(), 95.0);
  EXPECT_DOUBLE_EQ(t.percentile(0.333), percentile(t.samples(), 0.333));
  t.clear();
  EXPECT_EQ(t.count(), 0u);
}

TEST(time_weighted, averages_a_step_function_by_time_held) {
  time_weighted q(0.0, 0.0);
  q.set(2.0, 3.0);  // 0 over [0, 2)
  q.add(5.0, 1.0);  // 3 over [2, 5), then 4
  q.set(6.0, 0.0);  // 4 over [5, 6)
  EXPECT_DOUBLE_EQ(q.integral(10.0), 9.0 + 4.0);
  EXPECT_DOUBLE_EQ(q.mean(10.0), 1.3);
  EXPECT_EQ(q.max(), 4.0);
  EXPECT_EQ(q.current(), 0.0);
}

TEST(time_weighted, reset_measures_from_the_end_of_the_warm_up_keeping_the_current_value) {
  time_weighted q(0.0, 5.0);
  q.set(10.0, 2.0);
  q.reset(20.0);
  EXPECT_EQ(q.max(), 2.0);
  q.set(25.0, 1.0);
  EXPECT_DOUBLE_EQ(q.mean(30.0), (2.0 * 5.0 + 1.0 * 5.0) / 10.0);
  EXPECT_EQ(q.mean(20.0 + 0.0 * 1.0 + 10.0), q.integral(30.0) / 10.0);
}

TEST(time_weighted, rejects_time_going_backwards) {
  time_weighted q(5.0);
  EXPECT_THROW(q.set(4.0, 1.0), std::invalid_argument);
  q.set(6.0, 1.0);
  EXPECT_THROW(q.integral(5.5), std::invalid_argument);
  EXPECT_THROW(q.set(std::nan(""), 1.0), std::invalid_argument);
}

TEST(mser5, finds_the_end_of_an_exponentially_decaying_transient) {
  // 2000 observations: 10 + noise, plus a transient 90 exp(-i / 30) that is ~0.1 by i = 200.
  rng_stream rng(42, 0, "mser5");
  std::vector<double> series;
  for (int i = 0; i < 2000; ++i) {
    series.push_back(10.0 + 90.0 * std::exp(-i / 30.0) + sample_standard_normal(rng));
  }
  const std::size_t cut = mser5_truncation(series);
  EXPECT_EQ(cut % 5, 0u);
  EXPECT_GE(cut, 100u);
  EXPECT_LE(cut, 300u);
}

TEST(mser5, keeps_everything_of_a_series_without_a_transient) {
  std::vector<double> flat;
  for (int i = 0; i < 500; ++i) flat.push_back(10.0 + ((i * 7919) % 13) * 0.1);
  EXPECT_LE(mser5_truncation(flat), 25u);
  EXPECT_THROW(mser5_truncation(std::vector<double>(9, 1.0)), std::invalid_argument);
}

TEST(t_interval, covers_the_true_mean_about_95_percent_of_the_time) {
  // 200 intervals of n = 10 normal draws (mean 20, sd 4: the truncation at 0 is 5 sd away, so negligible).
  // A z interval would cover ~92 %, a df-off-by-one t interval visibly more or less.
  const distribution d = distribution::normal(20.0, 4.0);
  int covered = 0;
  for (int k = 0; k < 200; ++k) {
    rng_stream rng(7, static_cast<std::uint64_t>(k), "coverage");
    running_stats s;
    for (int i = 0; i < 10; ++i) s.add(d.sample(rng));
    if (std::fabs(s.mean() - 20.0) <= s.half_width_95()) ++covered;
  }
  EXPECT_GE(covered, 180);
  EXPECT_LE(covered, 198);
}

TEST(paired_difference, of_identical_samples_is_exactly_zero) {
  const std::vector<double> a{3.5, 1.25, 9.0, 4.0, 7.75};
  const paired_stat p = paired_difference(a, a);
  EXPECT_EQ(p.n, 5u);
  EXPECT_EQ(p.mean_diff, 0.0);
  EXPECT_EQ(p.half_width_95, 0.0);
  EXPECT_FALSE(p.significant);
}

TEST(paired_difference, is_significant_when_a_shift_exceeds_the_noise_and_beats_welch) {
  // Large common noise, small consistent shift: pairing removes the noise, Welch cannot.
  std::vector<double> base;
  std::vector<double> variant;
  for (int i = 0; i < 20; ++i) {
    const double common = 100.0 * std::sin(i * 1.3);
    base.push_back(common);
    variant.push_back(common + 2.0 + 0.1 * ((i % 3) - 1));
  }
  const paired_stat p = paired_difference(base, variant);
  EXPECT_NEAR(p.mean_diff, 2.0, 0.05);
  EXPECT_TRUE(p.significant);
  EXPECT_LT(p.half_width_95 * 10.0, welch_half_width_95(base, variant));
}

TEST(paired_difference, rejects_mismatched_or_empty_samples) {
  EXPECT_THROW(paired_difference(std::vector<double>{1, 2}, std::vector<double>{1}), std::invalid_argument);
  EXPECT_THROW(paired_difference(std::vector<double>{}, std::vector<double>{}), std::invalid_argument);
  EXPECT_THROW(welch_half_width_95(std::vector<double>{1}, std::vector<double>{1, 2}), std::invalid_argument);
}

TEST(welch, half_width_matches_a_hand_computation) {
  const std::vector<double> a{1, 2, 3, 4};          // var 5/3
  const std::vector<double> b{2, 4, 6, 8, 10, 12};  // var 14
  const double va = (5.0 / 3.0) / 4.0;
  const double vb = 14.0 / 6.0;
  const double df = (va + vb) * (va + vb) / (va * va / 3.0 + vb * vb / 5.0);
  EXPECT_NEAR(welch_half_width_95(a, b), student_t_quantile(0.975, df) * std::sqrt(va + vb), 1e-12);
  EXPECT_EQ(welch_half_width_95(std::vector<double>{2, 2}, std::vector<double>{3, 3}), 0.0);
}

}  // namespace
}  // namespace corridor

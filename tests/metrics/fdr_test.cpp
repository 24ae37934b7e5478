// The false discovery rate control of compare: paired t-test p-values and Benjamini-Hochberg q-values, and
// what they do on synthetic paired data where the truth is known.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <vector>

#include "corridor/random.hpp"
#include "corridor/statistics.hpp"
#include "corridor/summary.hpp"

namespace corridor {
namespace {

TEST(paired_difference, gives_the_two_sided_t_test_p_value) {
  // Differences 1..5: mean 3, sd sqrt(2.5), t = 3 / (sqrt(2.5) / sqrt(5)) = 4.2426 on 4 degrees of freedom;
  // two-sided p = 0.013236 (R: 2 * pt(-4.2426, 4)).
  const std::vector<double> base = {0, 0, 0, 0, 0}, variant = {1, 2, 3, 4, 5};
  EXPECT_NEAR(paired_difference(base, variant).p_value, 0.013236, 1e-5);
}

TEST(paired_difference, calls_no_difference_p_1_and_an_exact_one_p_0) {
  const std::vector<double> a = {1, 2, 3}, same = {1, 2, 3}, shifted = {2, 3, 4};
  EXPECT_EQ(paired_difference(a, same).p_value, 1.0);
  EXPECT_EQ(paired_difference(a, shifted).p_value, 0.0);
  EXPECT_EQ(paired_difference(std::vector<double>{1}, std::vector<double>{5}).p_value, 1.0);  // n < 2
}

TEST(benjamini_hochberg, adjusts_p_values_by_rank_and_keeps_them_monotone) {
  // Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4); m p / rank = 0.02, 0.02, 0.04, 0.04; then the
  // running minimum from the top.
  const std::vector<double> p = {0.01, 0.04, 0.03, 0.005};
  const auto q = benjamini_hochberg(p);
  ASSERT_EQ(q.size(), 4u);
  EXPECT_DOUBLE_EQ(q[0], 0.02);
  EXPECT_DOUBLE_EQ(q[1], 0.04);
  EXPECT_DOUBLE_EQ(q[2], 0.04);
  EXPECT_DOUBLE_EQ(q[3], 0.02);
  EXPECT_EQ(benjamini_hochberg(std::vector<double>{0.9, 0.8}), (std::vector<double>{0.9, 0.9}));
  EXPECT_EQ(benjamini_hochberg(std::vector<double>{0.5, 0.9}), (std::vector<double>{0.9, 0.9}));
  EXPECT_TRUE(benjamini_hochberg(std::vector<double>{}).empty());
}

constexpr int seeds = 100;
constexpr int metrics = 100;
constexpr int pairs = 10;

// A comparison of `metrics` metrics over `pairs` paired replications, as compare builds one: each metric has
// a level near 100 that both sides share (common random numbers), noise of sd 1 on each side, and a true
// relative effect `effect` on metric 0 only.
comparison synthetic(std::uint64_t seed, double effect) {
  comparison c;
  c.replications = pairs;
  for (int k = 0; k < metrics; ++k) {
    rng_stream rng(seed, static_cast<std::uint64_t>(k), "fdr-test");
    std::vector<double> base, variant;
    for (int i = 0; i < pairs; ++i) {
      const double level = 100 + 10 * sample_standard_normal(rng);
      base.push_back(level + sample_standard_normal(rng));
      variant.push_back(level * (1 + (k == 0 ? effect : 0.0)) + sample_standard_normal(rng));
    }
    const paired_stat d = paired_difference(base, variant);
    metric_difference m;
    m.name = "m" + std::to_string(k);
    m.difference = d.mean_diff;
    m.paired_half_width_95 = d.half_width_95;
    m.p_value = d.p_value;
    m.interval_excludes_zero = d.significant;
    c.metrics.push_back(m);
  }
  control_false_discoveries(c);
  return c;
}

int flagged(const comparison& c, bool uncorrected) {
  int n = 0;
  for (const auto& m : c.metrics) n += uncorrected ? m.interval_excludes_zero : m.significant;
  return n;
}

// Under the null everywhere the false discovery rate is the chance of any discovery, and BH holds it at 5 %
// (exactly 5 % for independent metrics, the worst case: compare's real metrics are positively correlated,
// which only lowers it). So "no metric flagged in 95 of 100 seeds" is the expectation, not a bound a finite
// sample meets every time: 100 seeds would pass or fail on the luck of a few seeds. 2,000 seeds (20 blocks of
// 100) measure the rate to +- 0.5 %; at most 6 % of them may flag anything, and one 95 % interval per metric
// flags something in 1 - 0.95^100 = 99.4 % of them.
TEST(false_discovery_rate, flags_nothing_in_95_of_100_null_comparisons_of_100_metrics) {
  constexpr int null_seeds = 20 * seeds;
  int clean = 0, clean_uncorrected = 0;
  for (int s = 0; s < null_seeds; ++s) {
    const comparison c = synthetic(static_cast<std::uint64_t>(1000 + s), 0.0);
    clean += flagged(c, false) == 0;
    clean_uncorrected += flagged(c, true) == 0;
  }
  EXPECT_GE(clean, null_seeds * 94 / 100) << "of " << null_seeds << " comparisons with no false discovery";
  EXPECT_LE(clean_uncorrected, null_seeds * 2 / 100) << "without the correction";
  std::cout << "null comparisons with no discovery: " << clean << " of " << null_seeds << " (uncorrected "
            << clean_uncorrected << ")\n";
}

TEST(false_discovery_rate, still_flags_a_true_5_percent_effect_among_99_null_metrics) {
  int found = 0, false_ones = 0;
  for (int s = 0; s < seeds; ++s) {
    const comparison c = synthetic(static_cast<std::uint64_t>(5000 + s), 0.05);
    found += c.metrics[0].significant;
    false_ones += flagged(c, false) - c.metrics[0].significant;
  }
  // A 5 % effect on a level of 100 is 5 (sd 0.5 from the level's spread) against paired noise of sd sqrt(2):
  // t = 5 / (1.5 / sqrt(10)), about 10.5 on 9 degrees of freedom, p about 2e-6, well under BH's first
  // threshold 0.05 / 100 = 5e-4.
  EXPECT_GE(found, 95) << "of 100 comparisons found the effect";
  EXPECT_LE(false_ones, 10) << "false discoveries over 100 comparisons";
}

}  // namespace
}  // namespace corridor

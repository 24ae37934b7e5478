// Generalized cost and the choice among alternatives, against answers worked out by hand.
#include "corridor/choice.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace corridor {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
// With this scale, 100 USD more halves an alternative's weight: exp(-ln 2 / 100 x 100) = 1/2.
const double halves_per_100_usd = std::log(2.0) / 100.0;

TEST(generalized_cost, is_out_of_pocket_plus_value_of_time_times_hours) {
  // 500 USD and 10 days at 48 USD per TEU-day (2 USD/h): 500 + 2 x 240 = 980.
  EXPECT_DOUBLE_EQ(generalized_cost_usd_per_teu({.out_of_pocket_usd_per_teu = 500.0, .hours = 240.0}, 2.0),
                   980.0);
  EXPECT_DOUBLE_EQ(generalized_cost_usd_per_teu({.out_of_pocket_usd_per_teu = 500.0, .hours = 240.0}, 0.0),
                   500.0);
}

TEST(generalized_cost, of_a_closed_alternative_is_infinite_even_when_time_is_free) {
  EXPECT_EQ(generalized_cost_usd_per_teu({.out_of_pocket_usd_per_teu = 500.0, .hours = inf}, 2.0), inf);
  EXPECT_EQ(generalized_cost_usd_per_teu({.out_of_pocket_usd_per_teu = 500.0, .hours = inf}, 0.0), inf);
}

TEST(generalized_cost, rejects_nan_terms_and_a_negative_or_infinite_value_of_time) {
  const double nan = std::nan("");
  EXPECT_THROW(generalized_cost_usd_per_teu({.out_of_pocket_usd_per_teu = nan, .hours = 1.0}, 1.0),
               std::invalid_argument);
  EXPECT_THROW(generalized_cost_usd_per_teu({.out_of_pocket_usd_per_teu = 1.0, .hours = nan}, 1.0),
               std::invalid_argument);
  EXPECT_THROW(generalized_cost_usd_per_teu({.out_of_pocket_usd_per_teu = 1.0, .hours = 1.0}, -1.0),
               std::invalid_argument);
  EXPECT_THROW(generalized_cost_usd_per_teu({.out_of_pocket_usd_per_teu = 1.0, .hours = 1.0}, inf),
               std::invalid_argument);
}

TEST(cheapest, picks_the_first_of_equal_minima_and_skips_closed_alternatives) {
  EXPECT_EQ(cheapest(std::vector<double>{300.0, 200.0, 200.0, 400.0}), 1u);
  EXPECT_EQ(cheapest(std::vector<double>{inf, 900.0, inf}), 1u);
  EXPECT_EQ(cheapest(std::vector<double>{inf, inf}), 0u);     // nothing open: the first, by convention
  EXPECT_EQ(cheapest(std::vector<double>{-50.0, 10.0}), 0u);  // a subsidy may make a cost negative
}

TEST(cheapest, rejects_no_alternatives_and_nan_or_minus_infinite_costs) {
  EXPECT_THROW(cheapest(std::vector<double>{}), std::invalid_argument);
  EXPECT_THROW(cheapest(std::vector<double>{1.0, std::nan("")}), std::invalid_argument);
  EXPECT_THROW(cheapest(std::vector<double>{1.0, -inf}), std::invalid_argument);
}

TEST(logit, probabilities_halve_per_100_usd_and_closed_alternatives_get_none) {
  // Weights 1, 1/2, 0 (closed), 1/4: P = 4/7, 2/7, 0, 1/7.
  const std::vector<double> costs{1000.0, 1100.0, inf, 1200.0};
  std::vector<double> p(costs.size());
  logit_probabilities(costs, halves_per_100_usd, p);
  EXPECT_NEAR(p[0], 4.0 / 7.0, 1e-15);
  EXPECT_NEAR(p[1], 2.0 / 7.0, 1e-15);
  EXPECT_EQ(p[2], 0.0);
  EXPECT_NEAR(p[3], 1.0 / 7.0, 1e-15);
}

TEST(logit, probabilities_do_not_change_when_every_cost_moves_by_the_same_amount) {
  // exp(-theta x 1e6) underflows to 0; subtracting the minimum first keeps the answer 2/3, 1/3.
  std::array<double, 2> near{}, far{};
  logit_probabilities(std::vector<double>{0.0, 100.0}, halves_per_100_usd, near);
  logit_probabilities(std::vector<double>{1e6, 1e6 + 100.0}, halves_per_100_usd, far);
  EXPECT_NEAR(near[0], 2.0 / 3.0, 1e-15);
  EXPECT_NEAR(far[0], 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(far[1], 1.0 / 3.0, 1e-12);
}

TEST(logit, with_scale_zero_is_uniform_over_open_alternatives) {
  std::array<double, 3> p{};
  logit_probabilities(std::vector<double>{5.0, inf, 7000.0}, 0.0, p);
  EXPECT_EQ(p[0], 0.5);
  EXPECT_EQ(p[1], 0.0);
  EXPECT_EQ(p[2], 0.5);
}

TEST(logit, gives_all_to_the_first_alternative_when_every_one_is_closed) {
  std::array<double, 2> p{};
  logit_probabilities(std::vector<double>{inf, inf}, 0.004, p);
  EXPECT_EQ(p[0], 1.0);
  EXPECT_EQ(p[1], 0.0);
  EXPECT_EQ(logit_choice(std::vector<double>{inf, inf}, 0.004, 0.9), 0u);
}

TEST(logit, choice_inverts_the_cumulative_probabilities) {
  // P = 2/3, 1/3 (closed alternative in between): u below 2/3 picks the first, from 2/3 on the third.
  const std::vector<double> costs{1000.0, inf, 1100.0};
  EXPECT_EQ(logit_choice(costs, halves_per_100_usd, 0.0), 0u);
  EXPECT_EQ(logit_choice(costs, halves_per_100_usd, 0.666), 0u);
  EXPECT_EQ(logit_choice(costs, halves_per_100_usd, 0.667), 2u);
  EXPECT_EQ(logit_choice(costs, halves_per_100_usd, 0.9999999), 2u);
}

TEST(logit, choices_over_evenly_spaced_uniforms_reproduce_the_probabilities) {
  // 7,000 uniforms (k + 1/2) / 7000 against P = 4/7, 2/7, 1/7: exactly 4,000, 2,000 and 1,000 choices.
  const std::vector<double> costs{1000.0, 1100.0, 1200.0};
  std::array<int, 3> count{};
  const int n = 7000;
  for (int k = 0; k < n; ++k) ++count.at(logit_choice(costs, halves_per_100_usd, (k + 0.5) / n));
  EXPECT_EQ(count[0], 4000);
  EXPECT_EQ(count[1], 2000);
  EXPECT_EQ(count[2], 1000);
}

TEST(logit, with_a_huge_scale_is_the_cheapest_choice_for_every_uniform) {
  const std::vector<double> costs{1200.0, 1000.0, 1000.5};
  for (double u : {0.0, 0.5, 0.9999999}) EXPECT_EQ(logit_choice(costs, 1e3, u), 1u);
}

TEST(logit, rejects_a_bad_scale_a_bad_uniform_and_a_wrong_output_size) {
  const std::vector<double> costs{1.0, 2.0};
  EXPECT_THROW(logit_choice(costs, -0.1, 0.5), std::invalid_argument);
  EXPECT_THROW(logit_choice(costs, inf, 0.5), std::invalid_argument);
  EXPECT_THROW(logit_choice(costs, 0.1, 1.0), std::invalid_argument);
  EXPECT_THROW(logit_choice(costs, 0.1, -0.1), std::invalid_argument);
  EXPECT_THROW(logit_choice(std::vector<double>{}, 0.1, 0.5), std::invalid_argument);
  std::array<double, 3> p{};
  EXPECT_THROW(logit_probabilities(costs, 0.1, p), std::invalid_argument);
}

}  // namespace
}  // namespace corridor

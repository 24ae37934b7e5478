// The appraisal's arithmetic against values worked by hand (the arithmetic in each comment).
#include <gtest/gtest.h>

#include <cmath>

#include "corridor/planning.hpp"

namespace corridor {
namespace {

TEST(present_value, discounts_each_year_to_the_discount_year) {
  // -100 + 60 / 1.1 + 60 / 1.1^2 = -100 + 54.545454... + 49.586776... = 4.1322314...
  EXPECT_NEAR(present_value({-100, 60, 60}, 2026, 2026, 0.10), 4.132231404958674, 1e-9);
  // The same flows discounted to the year before: one more factor of 1.1.
  EXPECT_NEAR(present_value({-100, 60, 60}, 2026, 2025, 0.10), 4.132231404958674 / 1.1, 1e-9);
  EXPECT_DOUBLE_EQ(present_value({7, 8, 9}, 2030, 2030, 0.0), 24.0);
}

TEST(internal_rate_of_return, is_the_rate_where_the_present_value_is_zero) {
  // -100 + 110 / (1 + r) = 0 at r = 10 %.
  ASSERT_TRUE(internal_rate_of_return({-100, 110}).has_value());
  EXPECT_NEAR(*internal_rate_of_return({-100, 110}), 0.10, 1e-9);
  // -100 + 60 x + 60 x^2 = 0 with x = 1 / (1 + r): x = (-60 + sqrt(27600)) / 120 = 0.884437..., r = 13.0662
  // %.
  EXPECT_NEAR(*internal_rate_of_return({-100, 60, 60}), 0.1306623862918075, 1e-9);
  // A project that never repays its cost has a negative IRR: 10 x^2 + 10 x - 100 = 0, x = 2.7016, r = -62.98
  // %.
  EXPECT_NEAR(*internal_rate_of_return({-100, 10, 10}), -0.6298437881283576, 1e-9);
}

TEST(internal_rate_of_return, does_not_exist_when_the_flows_never_change_sign) {
  EXPECT_FALSE(internal_rate_of_return({-100, -10, -10}).has_value());  // costs only
  EXPECT_FALSE(internal_rate_of_return({100, 50}).has_value());         // benefits only
  EXPECT_FALSE(internal_rate_of_return({0, 0, 0}).has_value());
}

programme two_year_build() {
  programme p;
  p.first_year = 2026;
  p.last_year = 2030;
  programme_project a;
  a.id = "a";
  a.capex_usd = 100;
  a.opex_usd_per_year = 5;
  a.build_years = 2;
  a.earliest_start = 2026;  // builds 2026-2027, opens 2028
  p.projects = {a};
  return p;
}

TEST(yearly_costs, spread_capex_over_the_build_years_then_charge_opex_once_open) {
  const std::vector<double> expected{50, 50, 5, 5, 5};
  EXPECT_EQ(yearly_costs(two_year_build(), {0}), expected);
}

TEST(evaluate_flows, gives_npv_bcr_and_irr_of_a_deterministic_case) {
  // Costs 50, 50, 5, 5, 5 (two_year_build) and benefits 0, 0, 60, 60, 60 from 2026, at 10 %:
  //   PV costs    = 50 + 50/1.1 + 5/1.21 + 5/1.331 + 5/1.4641 = 106.758418...
  //   PV benefits = 60/1.21 + 60/1.331 + 60/1.4641            = 135.646472...
  //   NPV = 28.888054..., BCR = 1.270593..., IRR of -50, -50, 55, 55, 55 = 22.59969 %.
  const programme p = two_year_build();
  const economics e = evaluate_flows({0, 0, 60, 60, 60}, yearly_costs(p, {0}), 2026, 0.10);
  EXPECT_NEAR(e.pv_costs_usd, 106.75841814083736, 1e-9);
  EXPECT_NEAR(e.pv_benefits_usd, 135.64647223550304, 1e-9);
  EXPECT_NEAR(e.npv_usd, 28.888054094665677, 1e-9);
  EXPECT_NEAR(e.bcr, 1.2705927513515245, 1e-9);
  ASSERT_TRUE(e.irr.has_value());
  EXPECT_NEAR(*e.irr, 0.2259969024448646, 1e-9);
}

TEST(evaluate_flows, has_no_irr_and_a_zero_bcr_when_nothing_is_gained) {
  const economics e = evaluate_flows({0, 0, 0, 0, 0}, yearly_costs(two_year_build(), {0}), 2026, 0.10);
  EXPECT_NEAR(e.npv_usd, -106.75841814083736, 1e-9);
  EXPECT_DOUBLE_EQ(e.bcr, 0.0);
  EXPECT_FALSE(e.irr.has_value());
}

TEST(interpolate_years, is_linear_between_model_years_and_flat_outside) {
  const auto v = interpolate_years({2030, 2040}, {10, 30}, 2026, 2045);
  ASSERT_EQ(v.size(), 20U);
  EXPECT_DOUBLE_EQ(v[0], 10);  // 2026: before the first model year, held at its value
  EXPECT_DOUBLE_EQ(v[2030 - 2026], 10);
  EXPECT_DOUBLE_EQ(v[2035 - 2026], 20);  // halfway
  EXPECT_DOUBLE_EQ(v[2038 - 2026], 26);  // 10 + 0.8 x 20
  EXPECT_DOUBLE_EQ(v[2045 - 2026], 30);  // after the last, held flat
  EXPECT_EQ(interpolate_years({2030}, {7}, 2029, 2031), (std::vector<double>{7, 7, 7}));
}

}  // namespace
}  // namespace corridor

// Nested logit and path size: the arithmetic by hand, and the property the nesting exists for: a corridor
// family does not gain weight by having more near-identical routes.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <span>
#include <vector>

#include "corridor/choice.hpp"

namespace corridor {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

TEST(inclusive_cost, of_one_alternative_is_its_cost) {
  const std::vector<double> c{250.0};
  EXPECT_DOUBLE_EQ(inclusive_cost(c, {}, 0.01), 250.0);
}

TEST(inclusive_cost, of_two_equal_alternatives_is_lower_by_ln2_over_the_scale) {
  // -(1/0.01) ln(2 e^{-0.01 * 100}) = 100 - 100 ln 2 = 30.685...
  const std::vector<double> c{100.0, 100.0};
  EXPECT_NEAR(inclusive_cost(c, {}, 0.01), 100.0 - 100.0 * std::log(2.0), 1e-9);
}

TEST(inclusive_cost, with_path_size_halves_two_identical_routes_back_to_one) {
  const std::vector<double> c{100.0, 100.0}, w{0.5, 0.5};
  EXPECT_NEAR(inclusive_cost(c, w, 0.01), 100.0, 1e-9);
}

TEST(inclusive_cost, is_infinite_when_nothing_is_available_and_ignores_closed_routes) {
  const std::vector<double> closed{inf, inf}, one_open{inf, 80.0};
  EXPECT_EQ(inclusive_cost(closed, {}, 0.01), inf);
  EXPECT_DOUBLE_EQ(inclusive_cost(one_open, {}, 0.01), 80.0);
}

TEST(inclusive_cost, rejects_bad_scales_and_weights) {
  const std::vector<double> c{1.0};
  EXPECT_THROW(inclusive_cost(c, {}, 0.0), std::invalid_argument);
  EXPECT_THROW(inclusive_cost(c, std::vector<double>{-1.0}, 1.0), std::invalid_argument);
  EXPECT_THROW(inclusive_cost(c, std::vector<double>{1.0, 1.0}, 1.0), std::invalid_argument);
}

TEST(nested_logit, with_equal_scales_and_no_weights_is_the_flat_logit) {
  const std::vector<double> c{100.0, 130.0, 90.0, 200.0};
  const std::vector<std::uint32_t> nests{0, 2, 4};
  std::vector<double> nested(4), flat(4);
  nested_logit_probabilities(c, {}, nests, 0.02, 0.02, nested);
  logit_probabilities(c, 0.02, flat);
  for (std::size_t i = 0; i < c.size(); ++i) EXPECT_NEAR(nested[i], flat[i], 1e-12) << i;
}

// Family A has two routes of cost 100, family B one of cost 100. Flat logit gives A 2/3. Nested with a
// family scale far below the route scale prices A at 100 - ln 2 / 0.1 = 93.07, so at family scale 0.001
// P(A) = 1 / (1 + e^{-0.001 * 6.93}) = 0.5017; with path size (each A route 1/2) exactly 1/2.
TEST(nested_logit, keeps_a_family_from_gaining_weight_by_duplicating_routes) {
  const std::vector<double> c{100.0, 100.0, 100.0};
  const std::vector<std::uint32_t> nests{0, 2, 3};
  std::vector<double> p(3);
  nested_logit_probabilities(c, {}, nests, 0.001, 0.1, p);
  EXPECT_NEAR(p[0] + p[1], 1.0 / (1.0 + std::exp(-0.001 * 10.0 * std::log(2.0))), 1e-12);
  EXPECT_NEAR(p[0], p[1], 1e-15);
  const std::vector<double> ps{0.5, 0.5, 1.0};
  nested_logit_probabilities(c, ps, nests, 0.001, 0.1, p);
  EXPECT_NEAR(p[0] + p[1], 0.5, 1e-12);
  EXPECT_NEAR(p[2], 0.5, 1e-12);
}

TEST(nested_logit, gives_a_closed_family_nothing_and_all_closed_falls_back_to_the_first) {
  const std::vector<double> c{inf, inf, 300.0};
  const std::vector<std::uint32_t> nests{0, 2, 3};
  std::vector<double> p(3);
  nested_logit_probabilities(c, {}, nests, 0.001, 0.01, p);
  EXPECT_EQ(p[0], 0.0);
  EXPECT_EQ(p[1], 0.0);
  EXPECT_DOUBLE_EQ(p[2], 1.0);
  const std::vector<double> closed{inf, inf};
  const std::vector<std::uint32_t> one{0, 2};
  std::vector<double> q(2);
  nested_logit_probabilities(closed, {}, one, 0.001, 0.01, q);
  EXPECT_EQ(q[0], 1.0);
}

TEST(nested_logit, draws_by_inversion_in_alternative_order) {
  const std::vector<double> c{100.0, 100.0, 100.0};
  const std::vector<std::uint32_t> nests{0, 2, 3};
  const std::vector<double> ps{0.5, 0.5, 1.0};
  std::vector<double> scratch;
  // P = {1/4, 1/4, 1/2}: u in [0, .25) -> 0, [.25, .5) -> 1, [.5, 1) -> 2.
  EXPECT_EQ(nested_logit_choice(c, ps, nests, 0.001, 0.1, 0.0, scratch), 0u);
  EXPECT_EQ(nested_logit_choice(c, ps, nests, 0.001, 0.1, 0.2499, scratch), 0u);
  EXPECT_EQ(nested_logit_choice(c, ps, nests, 0.001, 0.1, 0.2501, scratch), 1u);
  EXPECT_EQ(nested_logit_choice(c, ps, nests, 0.001, 0.1, 0.75, scratch), 2u);
  EXPECT_THROW(nested_logit_choice(c, ps, nests, 0.001, 0.1, 1.0, scratch), std::invalid_argument);
}

// Family A (routes 0, 1), an empty family, family C (routes 2, 3, one closed). A: 100 - ln(0.5 e^0 +
// 0.5 e^{-1}) / 0.1 = 100 + 10 ln(2 / (1 + e^-1)) = 103.796...; C: 90 (its open route alone); then the two
// at scale 0.001: 90 - 1000 ln(1 + e^{-0.001 * 13.796...}).
TEST(nested_inclusive_cost, is_the_inclusive_cost_of_the_nests_inclusive_costs_to_the_bit) {
  const std::vector<double> c{100.0, 110.0, 90.0, inf};
  const std::vector<double> w{0.5, 0.5, 1.0, 1.0};
  const std::vector<std::uint32_t> nests{0, 2, 2, 4};
  const double a = inclusive_cost(std::span(c).first(2), std::span(w).first(2), 0.1);
  const double cc = inclusive_cost(std::span(c).subspan(2), std::span(w).subspan(2), 0.1);
  EXPECT_NEAR(a, 100.0 + 10.0 * std::log(2.0 / (1.0 + std::exp(-1.0))), 1e-9);
  EXPECT_DOUBLE_EQ(cc, 90.0);
  const std::vector<double> ivs{a, inf, cc};
  EXPECT_EQ(nested_inclusive_cost(c, w, nests, 0.001, 0.1), inclusive_cost(ivs, {}, 0.001));
  EXPECT_NEAR(nested_inclusive_cost(c, w, nests, 0.001, 0.1),
              90.0 - 1000.0 * std::log1p(std::exp(-0.001 * (a - 90.0))), 1e-9);
  const std::vector<double> closed{inf, inf, inf, inf};
  EXPECT_EQ(nested_inclusive_cost(closed, w, nests, 0.001, 0.1), inf);
  EXPECT_THROW(nested_inclusive_cost(c, w, nests, 0.0, 0.1), std::invalid_argument);
  EXPECT_THROW(nested_inclusive_cost(c, w, std::vector<std::uint32_t>{0, 3}, 0.001, 0.1),
               std::invalid_argument);
}

// The choice computes each probability only when the inversion reaches it: it must pick what inversion over
// nested_logit_probabilities picks, for every u, closed routes and an empty nest included.
TEST(nested_logit, choice_agrees_with_inversion_over_the_probabilities) {
  const std::vector<double> c{120.0, 100.0, inf, 95.0, 130.0, 101.0};
  const std::vector<double> w{0.7, 0.4, 1.0, 1.0, 0.5, 0.9};
  const std::vector<std::uint32_t> nests{0, 3, 3, 5, 6};
  std::vector<double> p(c.size()), scratch;
  nested_logit_probabilities(c, w, nests, 0.01, 0.05, p);
  for (int k = 0; k < 1000; ++k) {
    const double u = k / 1000.0;
    double cumulative = 0.0;
    std::size_t expected = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (p[i] <= 0.0) continue;
      expected = i;
      cumulative += p[i];
      if (u < cumulative) break;
    }
    EXPECT_EQ(nested_logit_choice(c, w, nests, 0.01, 0.05, u, scratch), expected) << u;
  }
}

TEST(nested_logit, rejects_malformed_nests) {
  const std::vector<double> c{1.0, 2.0};
  std::vector<double> p(2);
  EXPECT_THROW(nested_logit_probabilities(c, {}, std::vector<std::uint32_t>{0, 1}, 1, 1, p),
               std::invalid_argument);
  EXPECT_THROW(nested_logit_probabilities(c, {}, std::vector<std::uint32_t>{0, 2, 1, 2}, 1, 1, p),
               std::invalid_argument);
}

// Links 0..3 of lengths 10, 10, 30, 50. Route A = {0, 2}, route B = {1, 2} (they share link 2), route C =
// {3} alone in its nest. PS_A = 10/40 / 1 + 30/40 / 2 = 0.625 = PS_B; PS_C = 1.
TEST(path_size, weighs_shared_links_by_length_within_a_nest) {
  const std::vector<std::vector<std::uint32_t>> links{{0, 2}, {1, 2}, {3}};
  const std::vector<double> length{10, 10, 30, 50};
  const std::vector<std::uint32_t> nests{0, 2, 3};
  std::vector<double> ps(3);
  path_size_factors(links, length, nests, ps);
  EXPECT_DOUBLE_EQ(ps[0], 0.625);
  EXPECT_DOUBLE_EQ(ps[1], 0.625);
  EXPECT_DOUBLE_EQ(ps[2], 1.0);
}

TEST(path_size, counts_overlaps_only_within_the_same_nest) {
  const std::vector<std::vector<std::uint32_t>> links{{0}, {0}};
  const std::vector<double> length{5};
  std::vector<double> ps(2);
  path_size_factors(links, length, std::vector<std::uint32_t>{0, 1, 2}, ps);
  EXPECT_DOUBLE_EQ(ps[0], 1.0);
  path_size_factors(links, length, std::vector<std::uint32_t>{0, 2}, ps);
  EXPECT_DOUBLE_EQ(ps[0], 0.5);
  EXPECT_THROW(path_size_factors(links, std::vector<double>{0.0}, std::vector<std::uint32_t>{0, 2}, ps),
               std::invalid_argument);
}

}  // namespace
}  // namespace corridor

#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include "corridor/sensitivity.hpp"

namespace corridor {
namespace {

constexpr double pi = std::numbers::pi;

double ishigami(double x1, double x2, double x3, double a, double b) {
  return std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
}

Eigen::VectorXd evaluate_ishigami(const Eigen::MatrixXd& unit) {
  Eigen::VectorXd y(unit.rows());
  for (Eigen::Index i = 0; i < unit.rows(); ++i) {
    const auto x = [&](Eigen::Index j) { return -pi + 2.0 * pi * unit(i, j); };
    y(i) = ishigami(x(0), x(1), x(2), 7.0, 0.1);
  }
  return y;
}

// The Ishigami function's indices (a = 7, b = 0.1), analytically: S1 0.3139, S2 0.4424, S3 0; ST1 0.5576,
// ST2 0.4424, ST3 0.2437.
constexpr double a = 7.0, b = 0.1;
const double v1 = 0.5 * std::pow(1.0 + b * std::pow(pi, 4) / 5.0, 2);
const double v2 = a * a / 8.0;
const double v13 = b * b * std::pow(pi, 8) * (1.0 / 18.0 - 1.0 / 50.0);
const double v = v1 + v2 + v13;
const double first[] = {v1 / v, v2 / v, 0.0};
const double total[] = {(v1 + v13) / v, v2 / v, v13 / v};

TEST(sobol_indices, recover_the_analytic_ishigami_indices_at_n_4096) {
  const auto idx = sobol_indices(evaluate_ishigami(saltelli_design(4096, 3)), 3);
  ASSERT_EQ(idx.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(idx[i].first, first[i], 0.05) << "S" << i + 1;
    EXPECT_NEAR(idx[i].total, total[i], 0.05) << "ST" << i + 1;
    EXPECT_LE(idx[i].first_lo, idx[i].first);
    EXPECT_GE(idx[i].first_hi, idx[i].first);
    EXPECT_LE(idx[i].total_lo, idx[i].total);
    EXPECT_GE(idx[i].total_hi, idx[i].total);
  }
}

TEST(sobol_indices, bootstrap_intervals_cover_the_analytic_ishigami_indices) {
  for (const std::size_t n : {512u, 1024u, 2048u}) {
    const auto idx = sobol_indices(evaluate_ishigami(saltelli_design(n, 3)), 3);
    for (int i = 0; i < 3; ++i) {
      EXPECT_LE(idx[i].first_lo, first[i]) << "S" << i + 1 << " at N = " << n;
      EXPECT_GE(idx[i].first_hi, first[i]) << "S" << i + 1 << " at N = " << n;
      EXPECT_LE(idx[i].total_lo, total[i]) << "ST" << i + 1 << " at N = " << n;
      EXPECT_GE(idx[i].total_hi, total[i]) << "ST" << i + 1 << " at N = " << n;
      EXPECT_LT(idx[i].total_hi - idx[i].total_lo, 0.3) << "ST" << i + 1 << " at N = " << n;
    }
    EXPECT_TRUE(sobol_warnings(idx, n).empty()) << "at N = " << n;
  }
}

TEST(sobol_warnings, fire_on_a_small_sample_and_name_the_problem) {
  const auto idx = sobol_indices(evaluate_ishigami(saltelli_design(16, 3)), 3);
  const auto w = sobol_warnings(idx, 16);
  ASSERT_FALSE(w.empty());
  EXPECT_NE(w.front().find("16 base samples are too few"), std::string::npos) << w.front();
  // Wide intervals alone warn too, whatever the sample size says.
  std::vector<sobol_index> wide(1);
  wide[0].total_lo = 0.1, wide[0].total_hi = 0.9, wide[0].total = 0.5;
  EXPECT_EQ(sobol_warnings(wide, 1000).size(), 1u);
  std::vector<sobol_index> outside(1);
  outside[0].first = outside[0].first_lo = outside[0].first_hi = 5.4;
  EXPECT_EQ(sobol_warnings(outside, 1000).size(), 1u);
}

TEST(sobol_indices, bootstrap_intervals_are_reproducible) {
  const auto y = evaluate_ishigami(saltelli_design(256, 3));
  const auto x = sobol_indices(y, 3);
  const auto z = sobol_indices(y, 3);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(x[i].first_lo, z[i].first_lo);
    EXPECT_EQ(x[i].total_hi, z[i].total_hi);
  }
  EXPECT_LT(x[0].first_lo, x[0].first_hi);
}

TEST(sobol_indices, reject_outputs_that_do_not_fit_the_layout) {
  EXPECT_THROW(sobol_indices(Eigen::VectorXd::Zero(7), 3), sensitivity_error);
}

TEST(morris_effects, of_a_linear_function_are_its_coefficients_with_no_spread) {
  const double c[] = {3.0, -2.0, 0.5, 0.0};
  rng_stream rng(11, 0, "morris");
  const auto m = morris_design(8, 4, 6, rng);
  Eigen::VectorXd y(m.rows());
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    y(i) = 1.0;
    for (Eigen::Index j = 0; j < 4; ++j) y(i) += c[j] * m(i, j);
  }
  const auto e = morris_effects(m, y, 4);
  for (int j = 0; j < 4; ++j) {
    EXPECT_EQ(e[j].n, 8u);
    EXPECT_NEAR(e[j].mu, c[j], 1e-9);
    EXPECT_NEAR(e[j].mu_star, std::abs(c[j]), 1e-9);
    EXPECT_NEAR(e[j].sigma, 0.0, 1e-9);
  }
}

TEST(morris_effects, bootstrap_intervals_contain_mu_star_and_warn_below_ten_trajectories) {
  rng_stream rng(7, 0, "morris");
  const auto m = morris_design(20, 2, 4, rng);
  Eigen::VectorXd y(m.rows());
  for (Eigen::Index i = 0; i < m.rows(); ++i) y(i) = 3 * m(i, 0) + m(i, 0) * m(i, 1);
  const auto e = morris_effects(m, y, 2);
  for (const auto& x : e) {
    EXPECT_LE(x.mu_star_lo, x.mu_star);
    EXPECT_GE(x.mu_star_hi, x.mu_star);
  }
  EXPECT_LT(e[0].mu_star_lo, e[0].mu_star_hi);  // x0's effect varies with x1
  EXPECT_TRUE(morris_warnings(e, 20).empty());
  ASSERT_EQ(morris_warnings(e, 4).size(), 1u);
  EXPECT_NE(morris_warnings(e, 4)[0].find("4 trajectories are too few"), std::string::npos);
}

TEST(grid_anova, puts_a_linear_factor_in_its_main_effect_and_a_product_in_the_interaction) {
  Eigen::MatrixXd x(4, 2);
  x << -1, -1, -1, 1, 1, -1, 1, 1;
  Eigen::VectorXd linear(4), product(4);
  for (Eigen::Index i = 0; i < 4; ++i) {
    linear(i) = 2 * x(i, 0) + 5;
    product(i) = x(i, 0) * x(i, 1);
  }
  const grid_effects l = grid_anova(x, linear);
  EXPECT_TRUE(l.full_factorial);
  EXPECT_DOUBLE_EQ(l.main[0].eta_squared, 1.0);
  EXPECT_DOUBLE_EQ(l.main[1].eta_squared, 0.0);
  EXPECT_DOUBLE_EQ(l.main[0].range, 4.0);
  EXPECT_EQ(l.main[0].levels, (std::vector<double>{-1, 1}));
  EXPECT_EQ(l.main[0].means, (std::vector<double>{3, 7}));
  ASSERT_EQ(l.interactions.size(), 1u);
  EXPECT_NEAR(l.interactions[0].eta_squared, 0.0, 1e-12);
  const grid_effects p = grid_anova(x, product);
  EXPECT_DOUBLE_EQ(p.main[0].eta_squared, 0.0);
  EXPECT_DOUBLE_EQ(p.main[1].eta_squared, 0.0);
  EXPECT_DOUBLE_EQ(p.interactions[0].eta_squared, 1.0);
}

TEST(grid_anova, says_when_a_grid_is_not_full_factorial) {
  Eigen::MatrixXd x(3, 2);
  x << 0, 0, 0, 1, 1, 0;  // (1, 1) missing
  EXPECT_FALSE(grid_anova(x, Eigen::VectorXd::Ones(3)).full_factorial);
  EXPECT_THROW(grid_anova(x, Eigen::VectorXd::Ones(2)), sensitivity_error);
}

TEST(morris_effects, of_an_interaction_have_spread) {
  rng_stream rng(5, 0, "morris");
  const auto m = morris_design(10, 2, 4, rng);
  Eigen::VectorXd y(m.rows());
  for (Eigen::Index i = 0; i < m.rows(); ++i) y(i) = m(i, 0) * m(i, 1);
  const auto e = morris_effects(m, y, 2);
  EXPECT_GT(e[0].sigma, 0.0);
  EXPECT_GT(e[1].sigma, 0.0);
}

}  // namespace
}  // namespace corridor

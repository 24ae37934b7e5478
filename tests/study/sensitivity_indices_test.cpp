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

TEST(sobol_indices, recover_the_analytic_ishigami_indices_at_n_4096) {
  const double a = 7.0, b = 0.1;
  const double v1 = 0.5 * std::pow(1.0 + b * std::pow(pi, 4) / 5.0, 2);
  const double v2 = a * a / 8.0;
  const double v13 = b * b * std::pow(pi, 8) * (1.0 / 18.0 - 1.0 / 50.0);
  const double v = v1 + v2 + v13;
  const double first[] = {v1 / v, v2 / v, 0.0};
  const double total[] = {(v1 + v13) / v, v2 / v, v13 / v};

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

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "corridor/sensitivity.hpp"

namespace corridor {
namespace {

TEST(sobol_sequence, first_points_match_joe_kuo_in_gray_code_order) {
  // Worked by hand from the direction numbers (dimension 2: s=1, m=1; dimension 3: s=2, a=1, m=1,3);
  // the two-dimensional points also match SciPy's unscrambled qmc.Sobol.
  const double expected[][3] = {{0.0, 0.0, 0.0},       {0.5, 0.5, 0.5},       {0.75, 0.25, 0.25},
                                {0.25, 0.75, 0.75},    {0.375, 0.375, 0.625}, {0.875, 0.875, 0.125},
                                {0.625, 0.125, 0.875}, {0.125, 0.625, 0.375}};
  sobol_sequence seq(3);
  for (const auto& row : expected) {
    const auto p = seq.next();
    ASSERT_EQ(p.size(), 3u);
    for (int j = 0; j < 3; ++j) EXPECT_DOUBLE_EQ(p[j], row[j]);
  }
}

TEST(sobol_sequence, every_dimension_stratifies_the_first_power_of_two_points) {
  // A (0, m, 1) property of each one-dimensional projection: 64 points, one in each interval of 1/64.
  const auto m = sobol_points(64, sobol_sequence::max_dimensions);
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    std::set<int> cells;
    for (Eigen::Index i = 0; i < m.rows(); ++i) cells.insert(static_cast<int>(m(i, j) * 64.0));
    EXPECT_EQ(cells.size(), 64u) << "dimension " << j + 1;
  }
}

TEST(sobol_sequence, rejects_more_dimensions_than_it_has_direction_numbers) {
  EXPECT_THROW(sobol_sequence(0), sensitivity_error);
  EXPECT_THROW(sobol_sequence(sobol_sequence::max_dimensions + 1), sensitivity_error);
}

TEST(latin_hypercube, puts_one_point_in_each_stratum_of_every_column) {
  rng_stream rng(7, 0, "lhs");
  const auto m = latin_hypercube(20, 3, rng);
  for (Eigen::Index j = 0; j < 3; ++j) {
    std::set<int> cells;
    for (Eigen::Index i = 0; i < 20; ++i) cells.insert(static_cast<int>(m(i, j) * 20.0));
    EXPECT_EQ(cells.size(), 20u);
  }
}

TEST(saltelli_design, lays_out_a_b_and_ab_blocks) {
  const auto m = saltelli_design(4, 2);
  ASSERT_EQ(m.rows(), 16);
  const Eigen::MatrixXd ab = sobol_points(5, 4).bottomRows(4);  // the all-zero first point skipped
  for (Eigen::Index j = 0; j < 4; ++j) {
    EXPECT_EQ(m(4 * j, 0), ab(j, 0));
    EXPECT_EQ(m(4 * j + 1, 1), ab(j, 3));
    EXPECT_EQ(m(4 * j + 2, 0), ab(j, 2));  // AB^1: column 1 from B
    EXPECT_EQ(m(4 * j + 2, 1), ab(j, 1));
    EXPECT_EQ(m(4 * j + 3, 0), ab(j, 0));  // AB^2: column 2 from B
    EXPECT_EQ(m(4 * j + 3, 1), ab(j, 3));
  }
}

TEST(morris_design, moves_one_factor_by_delta_per_step_and_stays_in_the_cube) {
  rng_stream rng(3, 0, "morris");
  const auto m = morris_design(5, 4, 4, rng);
  ASSERT_EQ(m.rows(), 25);
  EXPECT_GE(m.minCoeff(), 0.0);
  EXPECT_LE(m.maxCoeff(), 1.0);
  for (Eigen::Index t = 0; t < 5; ++t) {
    std::set<Eigen::Index> moved;
    for (Eigen::Index k = 0; k < 4; ++k) {
      int changed = 0;
      for (Eigen::Index i = 0; i < 4; ++i) {
        const double step = m(t * 5 + k + 1, i) - m(t * 5 + k, i);
        if (step == 0.0) continue;
        ++changed;
        EXPECT_NEAR(std::abs(step), 2.0 / 3.0, 1e-12);
        moved.insert(i);
      }
      EXPECT_EQ(changed, 1);
    }
    EXPECT_EQ(moved.size(), 4u);
  }
}

TEST(morris_design, rejects_odd_levels) {
  rng_stream rng(3, 0, "morris");
  EXPECT_THROW(morris_design(2, 2, 3, rng), sensitivity_error);
}

}  // namespace
}  // namespace corridor

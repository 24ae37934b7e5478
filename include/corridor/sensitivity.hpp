#pragma once
// Designs of experiments on the unit cube and global sensitivity measures computed from their outputs:
// a Sobol low-discrepancy sequence (Joe-Kuo direction numbers), Latin hypercubes, Saltelli designs with
// Sobol first-order and total indices, and Morris trajectories with mu* and sigma. Pure numbers: this module
// knows nothing of scenarios, the model or files. Randomness only through corridor::rng_stream.
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "corridor/random.hpp"

namespace corridor {

// A design or an analysis asked for something impossible (too many dimensions, mismatched sizes).
class sensitivity_error : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// The Sobol sequence in Gray-code order (Antonov-Saleev), unscrambled: the first point is all zeros.
// Dimension 1 is van der Corput; dimensions 2..max_dimensions use Joe & Kuo (2008) new-joe-kuo-6.21201.
class sobol_sequence {
 public:
  static constexpr std::size_t max_dimensions = 32;
  static constexpr int bits = 32;

  explicit sobol_sequence(std::size_t dimensions);
  std::size_t dimensions() const noexcept { return dims_; }
  // The next point, each coordinate in [0, 1).
  std::vector<double> next();

 private:
  std::size_t dims_;
  std::uint64_t index_ = 0;
  std::vector<std::uint32_t> state_;                        // per dimension
  std::vector<std::array<std::uint32_t, bits>> direction_;  // per dimension, scaled by 2^32
};

// n points of the Sobol sequence as rows of an n x d matrix.
Eigen::MatrixXd sobol_points(std::size_t n, std::size_t d);

// A Latin hypercube: each column a random permutation of the n strata with a random offset in each.
Eigen::MatrixXd latin_hypercube(std::size_t n, std::size_t d, rng_stream& rng);

// Saltelli's design for Sobol indices from a 2d-dimensional Sobol sequence without its all-zero first
// point (A = first d columns, B = last d). Rows come in n_base blocks of d + 2: A_j, B_j, then AB_j^(1..d)
// (A_j with column i from B_j).
Eigen::MatrixXd saltelli_design(std::size_t n_base, std::size_t d);

// r Morris trajectories of d + 1 points each on a grid of `levels` levels, step delta = levels/(2(levels-1)).
// Each step moves exactly one factor, in a random order and direction.
Eigen::MatrixXd morris_design(std::size_t r, std::size_t d, int levels, rng_stream& rng);

struct sobol_index {
  double first = 0.0;  // Saltelli et al. (2010)
  double first_lo = 0.0, first_hi = 0.0;
  double total = 0.0;  // Jansen (1999)
  double total_lo = 0.0, total_hi = 0.0;
};

struct sobol_options {
  std::size_t bootstrap_samples = 500;
  std::uint64_t seed = 20100101;  // fixed, so reported intervals are reproducible
  double confidence = 0.95;
};

// Sobol indices from outputs y laid out as saltelli_design() rows (size n_base * (d + 2)); percentile
// bootstrap intervals over the base samples. Throws sensitivity_error on a size mismatch or zero variance.
std::vector<sobol_index> sobol_indices(const Eigen::VectorXd& y, std::size_t d,
                                       const sobol_options& opt = {});

struct morris_effect {
  double mu = 0.0;                            // mean elementary effect
  double mu_star = 0.0;                       // mean absolute elementary effect
  double sigma = 0.0;                         // standard deviation of the elementary effects (n - 1)
  std::size_t n = 0;                          // number of effects seen
  double mu_star_lo = 0.0, mu_star_hi = 0.0;  // percentile bootstrap interval of mu_star over trajectories
};

struct morris_options {
  std::size_t bootstrap_samples = 500;
  std::uint64_t seed = 19910101;  // fixed, so reported intervals are reproducible
  double confidence = 0.95;
};

// Elementary effects from the rows of a Morris design (unit-cube coordinates) and their outputs, computed
// per unit of the unit cube. Consecutive rows within a trajectory must differ in exactly one factor.
std::vector<morris_effect> morris_effects(const Eigen::MatrixXd& points, const Eigen::VectorXd& y,
                                          std::size_t d, const morris_options& opt = {});

// Below these, indices are mostly noise: Saltelli's estimators need on the order of a hundred base samples
// (Saltelli et al. 2010 use 500 and more), and Morris screening about ten trajectories (Campolongo et al.
// 2007 use 10 to 20).
inline constexpr std::size_t sobol_min_base_samples = 100;
inline constexpr std::size_t morris_min_trajectories = 10;
inline constexpr double sobol_max_interval_width = 0.3;

// Why Sobol indices from `n_base` base samples should not be trusted, a sentence each: too few samples, a
// bootstrap interval wider than sobol_max_interval_width, an index outside [-0.1, 1.1] (sampling error, as
// true indices lie in [0, 1]). Empty when none applies.
std::vector<std::string> sobol_warnings(const std::vector<sobol_index>& indices, std::size_t n_base);
// The same for Morris effects from `trajectories` trajectories.
std::vector<std::string> morris_warnings(const std::vector<morris_effect>& effects, std::size_t trajectories);

// Main effects and two-way interactions on a grid, by the ANOVA decomposition of the points' outputs: a
// factor's main effect is the spread of the output's mean over its levels, its share of the total sum of
// squares eta^2; an interaction's eta^2 is what the pair's cell means add beyond both main effects. Exact
// for a full factorial grid (every combination once); approximate when constraints removed points.
struct main_effect {
  std::vector<double> levels;       // ascending
  std::vector<double> means;        // of the output at each level
  std::vector<std::size_t> points;  // at each level
  double range = 0.0;               // max - min of the means
  double eta_squared = 0.0;         // between-level sum of squares / total
};
struct interaction_effect {
  std::size_t a = 0, b = 0;  // factors, a < b
  double eta_squared = 0.0;
};
struct grid_effects {
  std::vector<main_effect> main;                 // per factor
  std::vector<interaction_effect> interactions;  // per pair, (0,1), (0,2), ..., (1,2), ...
  bool full_factorial = true;                    // every combination of the levels present exactly once
  double total_sum_of_squares = 0.0;
};
// `values` holds the factors' values, one row per point; y the output at each point.
grid_effects grid_anova(const Eigen::MatrixXd& values, const Eigen::VectorXd& y);

}  // namespace corridor

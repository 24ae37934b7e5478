// The surrogate of a target's metric over portfolios: intercept, main effects and pairwise interactions,
// fitted by weighted least squares (Eigen).
#include <Eigen/Dense>
#include <cmath>
#include <stdexcept>

#include "corridor/optimize.hpp"

namespace corridor {

std::size_t surrogate::pair_index(std::size_t i, std::size_t j) const {
  // Pairs (0,1) .. (0,n-1), then (1,2) ..: before row i come sum_{a<i} (n - 1 - a) pairs.
  const std::size_t before = i * (2 * projects - i - 1) / 2;
  return 1 + projects + before + (j - i - 1);
}

double surrogate::predict(portfolio_mask open) const {
  double y = coefficients.at(0);
  for (std::size_t i = 0; i < projects; ++i) {
    if (!(open & (portfolio_mask{1} << i))) continue;
    y += coefficients[1 + i];
    for (std::size_t j = i + 1; j < projects; ++j) {
      if (open & (portfolio_mask{1} << j)) y += coefficients[pair_index(i, j)];
    }
  }
  return y;
}

surrogate fit_surrogate(std::size_t projects, const std::vector<portfolio_mask>& sets,
                        const std::vector<double>& values, const std::vector<double>& weights) {
  if (sets.size() != values.size() || (!weights.empty() && weights.size() != sets.size()))
    throw std::invalid_argument("fit_surrogate: sets, values and weights differ in length");
  if (sets.empty()) throw std::invalid_argument("fit_surrogate: no observations");
  surrogate s;
  s.projects = projects;
  const auto p = static_cast<Eigen::Index>(surrogate::terms(projects));
  const auto m = static_cast<Eigen::Index>(sets.size());
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(m, p);
  Eigen::VectorXd y(m);
  for (Eigen::Index k = 0; k < m; ++k) {
    const auto row = static_cast<std::size_t>(k);
    const double w = weights.empty() ? 1.0 : std::sqrt(weights[row]);
    const portfolio_mask open = sets[row];
    x(k, 0) = w;
    for (std::size_t i = 0; i < projects; ++i) {
      if (!(open & (portfolio_mask{1} << i))) continue;
      x(k, static_cast<Eigen::Index>(1 + i)) = w;
      for (std::size_t j = i + 1; j < projects; ++j) {
        if (open & (portfolio_mask{1} << j)) x(k, static_cast<Eigen::Index>(s.pair_index(i, j))) = w;
      }
    }
    y(k) = w * values[row];
  }
  const Eigen::VectorXd beta = x.completeOrthogonalDecomposition().solve(y);
  s.coefficients.assign(beta.data(), beta.data() + beta.size());
  return s;
}

}  // namespace corridor

// Designs on the unit cube built from the Sobol sequence or an rng_stream: Latin hypercubes, Saltelli's
// A/B/AB blocks and Morris trajectories.
#include <numeric>
#include <string>

#include "corridor/sensitivity.hpp"

namespace corridor {
namespace {

// An index uniform in [0, n) from the stream (n is small, so the bias of scaling is negligible and,
// more to the point, the same on every machine).
std::size_t uniform_index(rng_stream& rng, std::size_t n) {
  const auto k = static_cast<std::size_t>(rng.uniform01() * static_cast<double>(n));
  return k < n ? k : n - 1;
}

std::vector<std::size_t> permutation(rng_stream& rng, std::size_t n) {
  std::vector<std::size_t> p(n);
  std::iota(p.begin(), p.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) std::swap(p[i - 1], p[uniform_index(rng, i)]);
  return p;
}

}  // namespace

Eigen::MatrixXd latin_hypercube(std::size_t n, std::size_t d, rng_stream& rng) {
  if (n == 0 || d == 0) throw sensitivity_error("latin_hypercube: n and d must be positive");
  Eigen::MatrixXd m(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
  for (std::size_t j = 0; j < d; ++j) {
    const auto strata = permutation(rng, n);
    for (std::size_t i = 0; i < n; ++i) {
      m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
          (static_cast<double>(strata[i]) + rng.uniform01()) / static_cast<double>(n);
    }
  }
  return m;
}

Eigen::MatrixXd saltelli_design(std::size_t n_base, std::size_t d) {
  if (n_base == 0 || d == 0) throw sensitivity_error("saltelli_design: n_base and d must be positive");
  if (2 * d > sobol_sequence::max_dimensions) {
    throw sensitivity_error("saltelli_design: at most " + std::to_string(sobol_sequence::max_dimensions / 2) +
                            " parameters, got " + std::to_string(d));
  }
  // The sequence's first point is all zeros: A_0 would equal B_0 and every AB_0^i, so it is skipped.
  const Eigen::MatrixXd ab = sobol_points(n_base + 1, 2 * d).bottomRows(static_cast<Eigen::Index>(n_base));
  const auto di = static_cast<Eigen::Index>(d);
  Eigen::MatrixXd m(static_cast<Eigen::Index>(n_base * (d + 2)), di);
  for (Eigen::Index j = 0; j < ab.rows(); ++j) {
    const Eigen::RowVectorXd a = ab.row(j).head(di);
    const Eigen::RowVectorXd b = ab.row(j).tail(di);
    const Eigen::Index block = j * (di + 2);
    m.row(block) = a;
    m.row(block + 1) = b;
    for (Eigen::Index i = 0; i < di; ++i) {
      Eigen::RowVectorXd abi = a;
      abi(i) = b(i);
      m.row(block + 2 + i) = abi;
    }
  }
  return m;
}

Eigen::MatrixXd morris_design(std::size_t r, std::size_t d, int levels, rng_stream& rng) {
  if (r == 0 || d == 0) throw sensitivity_error("morris_design: r and d must be positive");
  if (levels < 2 || levels % 2 != 0) {
    throw sensitivity_error("morris_design: levels must be even and >= 2, got " + std::to_string(levels));
  }
  const double step = 1.0 / (levels - 1);
  const double delta = levels / (2.0 * (levels - 1));
  // Base levels k/(p-1) with k <= p/2 - 1 keep x + delta inside [0, 1].
  const auto base_levels = static_cast<std::size_t>(levels / 2);
  const auto di = static_cast<Eigen::Index>(d);
  Eigen::MatrixXd m(static_cast<Eigen::Index>(r * (d + 1)), di);
  for (std::size_t t = 0; t < r; ++t) {
    Eigen::RowVectorXd x(di);
    std::vector<double> direction(d);
    for (std::size_t i = 0; i < d; ++i) {
      const double base = static_cast<double>(uniform_index(rng, base_levels)) * step;
      direction[i] = rng.uniform01() < 0.5 ? 1.0 : -1.0;
      x(static_cast<Eigen::Index>(i)) = direction[i] > 0 ? base : base + delta;
    }
    const auto order = permutation(rng, d);
    const auto first = static_cast<Eigen::Index>(t * (d + 1));
    m.row(first) = x;
    for (std::size_t k = 0; k < d; ++k) {
      const auto i = static_cast<Eigen::Index>(order[k]);
      x(i) += direction[order[k]] * delta;
      m.row(first + static_cast<Eigen::Index>(k) + 1) = x;
    }
  }
  return m;
}

}  // namespace corridor

// Main effects and two-way interactions of a grid design by the ANOVA decomposition of its outputs.
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "corridor/sensitivity.hpp"

namespace corridor {
namespace {

// Sum over groups of n_g (mean_g - grand)^2, the points grouped by `key`.
template <class Key>
double between_sum_of_squares(const Eigen::VectorXd& y, double grand, Key key) {
  std::map<decltype(key(Eigen::Index{})), std::pair<double, std::size_t>> groups;
  for (Eigen::Index p = 0; p < y.size(); ++p) {
    auto& g = groups[key(p)];
    g.first += y(p);
    ++g.second;
  }
  double ss = 0.0;
  for (const auto& [k, g] : groups) {
    const double mean = g.first / static_cast<double>(g.second);
    ss += static_cast<double>(g.second) * (mean - grand) * (mean - grand);
  }
  return ss;
}

}  // namespace

grid_effects grid_anova(const Eigen::MatrixXd& values, const Eigen::VectorXd& y) {
  if (values.rows() != y.size() || y.size() == 0) {
    throw sensitivity_error("grid_anova: need one output per point and at least one point");
  }
  const auto d = static_cast<std::size_t>(values.cols());
  grid_effects out;
  const double grand = y.mean();
  out.total_sum_of_squares = (y.array() - grand).square().sum();
  const double total = out.total_sum_of_squares;
  const auto share = [&](double ss) { return total > 0.0 ? std::clamp(ss / total, 0.0, 1.0) : 0.0; };

  std::size_t combinations = 1;
  std::vector<double> main_ss(d);
  for (std::size_t i = 0; i < d; ++i) {
    const auto col = static_cast<Eigen::Index>(i);
    std::map<double, std::pair<double, std::size_t>> levels;
    for (Eigen::Index p = 0; p < y.size(); ++p) {
      auto& l = levels[values(p, col)];
      l.first += y(p);
      ++l.second;
    }
    main_effect e;
    for (const auto& [level, l] : levels) {
      e.levels.push_back(level);
      e.means.push_back(l.first / static_cast<double>(l.second));
      e.points.push_back(l.second);
    }
    const auto [lo, hi] = std::minmax_element(e.means.begin(), e.means.end());
    e.range = *hi - *lo;
    main_ss[i] = between_sum_of_squares(y, grand, [&](Eigen::Index p) { return values(p, col); });
    e.eta_squared = share(main_ss[i]);
    combinations *= levels.size();
    out.main.push_back(std::move(e));
  }
  std::set<std::vector<double>> distinct;
  for (Eigen::Index p = 0; p < y.size(); ++p) {
    distinct.insert(std::vector<double>(values.row(p).begin(), values.row(p).end()));
  }
  out.full_factorial =
      distinct.size() == static_cast<std::size_t>(y.size()) && distinct.size() == combinations;

  for (std::size_t a = 0; a < d; ++a) {
    for (std::size_t b = a + 1; b < d; ++b) {
      const auto ca = static_cast<Eigen::Index>(a), cb = static_cast<Eigen::Index>(b);
      const double cells = between_sum_of_squares(
          y, grand, [&](Eigen::Index p) { return std::pair(values(p, ca), values(p, cb)); });
      out.interactions.push_back({a, b, share(cells - main_ss[a] - main_ss[b])});
    }
  }
  return out;
}

}  // namespace corridor

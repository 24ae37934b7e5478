// `sweep analyze`: global sensitivity of every kept metric from the replication means of each design point,
// Sobol indices for a saltelli design, Morris effects for a morris design.
#include <algorithm>
#include <cmath>

#include "corridor/sweep.hpp"

namespace corridor {
namespace {

Eigen::VectorXd point_means(const sweep_table& t, std::size_t k) {
  Eigen::VectorXd y(static_cast<Eigen::Index>(t.points.size()));
  for (std::size_t p = 0; p < t.points.size(); ++p) {
    const estimate& e = t.points[p].metrics.at(k);
    if (e.n == 0) {
      throw sweep_error("analyze: point " + std::to_string(p) + " has no finished run of '" + t.metrics[k] +
                        "'; finish the sweep first (`sweep status`)");
    }
    y(static_cast<Eigen::Index>(p)) = e.mean;
  }
  return y;
}

}  // namespace

sensitivity_table analyze_sweep(const sweep_plan& plan, const sweep_table& table) {
  sensitivity_table out;
  const design_kind kind = plan.design.kind;
  out.sobol = kind == design_kind::saltelli;
  out.grid = kind == design_kind::grid;
  if (!out.sobol && !out.grid && kind != design_kind::morris) {
    throw sweep_error(
        "analyze needs a grid (main effects and interactions), a saltelli design (Sobol indices) or a morris "
        "design (elementary effects); lhs and sobol designs are for exploring, not for indices");
  }
  const auto d = plan.parameters.size();
  for (const auto& p : plan.parameters) out.parameters.push_back(p.name);
  Eigen::MatrixXd points(static_cast<Eigen::Index>(plan.points.size()), static_cast<Eigen::Index>(d));
  for (std::size_t p = 0; p < plan.points.size(); ++p) {
    const auto& coords = out.grid ? plan.points[p].values : plan.points[p].unit;
    for (std::size_t i = 0; !out.sobol && i < d; ++i) {
      points(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(i)) = coords.at(i);
    }
  }
  const auto note = [&](const std::string& w) {
    if (std::find(out.warnings.begin(), out.warnings.end(), w) == out.warnings.end())
      out.warnings.push_back(w);
  };
  for (std::size_t k = 0; k < table.metrics.size(); ++k) {
    const auto y = point_means(table, k);
    sensitivity_table::metric_row row{table.metrics[k], {}, {}, {}, {}};
    if (out.sobol) {
      row.sobol = sobol_indices(y, d);
      row.warnings = sobol_warnings(row.sobol, plan.points.size() / (d + 2));
    } else if (out.grid) {
      row.grid = grid_anova(points, y);
      if (!row.grid.full_factorial) {
        note(
            "the grid is not full factorial (constraints removed points): main effects and interactions are "
            "approximate");
      }
    } else {
      row.morris = morris_effects(points, y, d);
      row.warnings = morris_warnings(row.morris, plan.design.trajectories);
    }
    // A sample too small for every metric is said once, for the design.
    if (!row.warnings.empty() && row.warnings.front().find(" too few ") != std::string::npos) {
      note(row.warnings.front());
      row.warnings.erase(row.warnings.begin());
    }
    out.metrics.push_back(std::move(row));
  }
  return out;
}

}  // namespace corridor

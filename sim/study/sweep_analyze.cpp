// `sweep analyze`: global sensitivity of every kept metric from the replication means of each design point,
// Sobol indices for a saltelli design, Morris effects for a morris design.
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
  out.sobol = plan.design.kind == design_kind::saltelli;
  if (!out.sobol && plan.design.kind != design_kind::morris) {
    throw sweep_error(
        "analyze needs a saltelli design (Sobol indices) or a morris design (elementary effects)");
  }
  const auto d = plan.parameters.size();
  for (const auto& p : plan.parameters) out.parameters.push_back(p.name);
  Eigen::MatrixXd unit;
  if (!out.sobol) {
    unit.resize(static_cast<Eigen::Index>(plan.points.size()), static_cast<Eigen::Index>(d));
    for (std::size_t p = 0; p < plan.points.size(); ++p) {
      for (std::size_t i = 0; i < d; ++i) {
        unit(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(i)) = plan.points[p].unit.at(i);
      }
    }
  }
  for (std::size_t k = 0; k < table.metrics.size(); ++k) {
    const auto y = point_means(table, k);
    sensitivity_table::metric_row row{table.metrics[k], {}, {}};
    if (out.sobol) {
      row.sobol = sobol_indices(y, d);
    } else {
      row.morris = morris_effects(unit, y, d);
    }
    out.metrics.push_back(std::move(row));
  }
  return out;
}

}  // namespace corridor

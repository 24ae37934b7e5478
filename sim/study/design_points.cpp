// A sweep's design points: a full grid over listed levels, or unit-cube designs (Latin hypercube, Sobol,
// Saltelli, Morris) mapped onto each parameter's range or levels. Constraints drop points of a grid, an LHS
// or a Sobol design.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "corridor/sensitivity.hpp"
#include "corridor/sweep.hpp"

namespace corridor {
namespace {

double map_unit(const sweep_parameter& p, double u) {
  if (!p.values.empty()) {
    const auto n = p.values.size();
    const auto k = std::min(static_cast<std::size_t>(u * static_cast<double>(n)), n - 1);
    return p.values[k];
  }
  if (p.integer) {
    const double lo = std::ceil(p.min), hi = std::floor(p.max);
    return std::min(hi, std::floor(lo + u * (hi - lo + 1.0)));
  }
  return p.min + u * (p.max - p.min);
}

double side_value(const std::string& side, const sweep_spec& spec, const std::vector<double>& values) {
  for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
    if (spec.parameters[i].name == side) return values[i];
  }
  std::istringstream in(side);
  double v = 0.0;
  in >> v;
  return v;
}

bool satisfies(const sweep_spec& spec, const std::vector<double>& values) {
  for (const auto& c : spec.constraints) {
    const double a = side_value(c.lhs, spec, values), b = side_value(c.rhs, spec, values);
    const bool ok = c.op == "<"    ? a < b
                    : c.op == "<=" ? a <= b
                    : c.op == ">"  ? a > b
                    : c.op == ">=" ? a >= b
                    : c.op == "==" ? a == b
                                   : a != b;
    if (!ok) return false;
  }
  return true;
}

// The full factorial, first parameter slowest, like nested loops in the order the file lists them.
std::vector<design_point> grid(const sweep_spec& spec) {
  const auto& ps = spec.parameters;
  std::size_t total = 1;
  for (const auto& p : ps) {
    total *= p.values.size();
    if (total > 10'000'000) throw sweep_error(spec.file + ": the grid has more than 10 million points");
  }
  std::vector<design_point> out;
  for (std::size_t flat = 0; flat < total; ++flat) {
    design_point pt;
    pt.values.resize(ps.size());
    std::size_t rest = flat;
    for (std::size_t i = ps.size(); i-- > 0;) {
      pt.values[i] = ps[i].values[rest % ps[i].values.size()];
      rest /= ps[i].values.size();
    }
    out.push_back(std::move(pt));
  }
  return out;
}

Eigen::MatrixXd unit_design(const sweep_spec& spec) {
  const auto d = spec.parameters.size();
  const auto& des = spec.design;
  switch (des.kind) {
    case design_kind::lhs: {
      rng_stream rng(des.seed, 0, "sweep-lhs");
      return latin_hypercube(des.n, d, rng);
    }
    case design_kind::sobol:
      return sobol_points(des.n, d);
    case design_kind::saltelli:
      return saltelli_design(des.n, d);
    case design_kind::morris: {
      rng_stream rng(des.seed, 0, "sweep-morris");
      return morris_design(des.trajectories, d, des.levels, rng);
    }
    case design_kind::grid:
      break;
  }
  throw sweep_error("unit_design: not a sampled design");
}

}  // namespace

std::vector<design_point> make_design(const sweep_spec& spec) {
  std::vector<design_point> all;
  if (spec.design.kind == design_kind::grid) {
    all = grid(spec);
  } else {
    Eigen::MatrixXd u;
    try {
      u = unit_design(spec);
    } catch (const sensitivity_error& e) {
      throw sweep_error(spec.file + ": " + e.what());
    }
    for (Eigen::Index i = 0; i < u.rows(); ++i) {
      design_point pt;
      for (Eigen::Index j = 0; j < u.cols(); ++j) {
        pt.unit.push_back(u(i, j));
        pt.values.push_back(map_unit(spec.parameters[static_cast<std::size_t>(j)], u(i, j)));
      }
      all.push_back(std::move(pt));
    }
  }
  std::vector<design_point> kept;
  for (auto& pt : all) {
    if (satisfies(spec, pt.values)) kept.push_back(std::move(pt));
  }
  if (kept.empty()) throw sweep_error(spec.file + ": no design point satisfies the constraints");
  return kept;
}

}  // namespace corridor

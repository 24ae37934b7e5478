// Levenberg–Marquardt on the calibration parameters. The parameters live in [0, 1] (their bounds mapped
// linearly) so one damping and one finite-difference step suit them all; a step leaving the box is
// clamped back into it (projected LM). Every evaluation runs the same seeds and replication indices, so two
// parameter vectors differ only by what the parameters do (common random numbers).
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "calibrate_internal.hpp"
#include "corridor/statistics.hpp"
#include "corridor/study.hpp"

namespace corridor::calibrate_detail {

namespace {

// A problem with a parameter path, at the parameter's place in the targets file.
[[noreturn]] void parameter_error(const calibration_parameter& p, const scenario_error& e) {
  const auto& d = e.diagnostics().front();
  throw calibrate_error(to_string(p.loc) + ": parameter '" + p.name + "': " + d.message);
}

}  // namespace

problem::problem(const calibration_spec& spec, const scenario_document& base, const calibration_options& opt)
    : spec_(spec), opt_(opt), base_(base) {
  if (opt.seeds < 1) throw calibrate_error("calibrate: needs at least one seed");
  for (const auto& p : spec.parameters) {
    std::vector<std::string> concrete;
    for (const auto& path : p.paths) {
      try {
        for (auto& c : resolve_parameter(base_, path, param_op::set, p.loc)) concrete.push_back(c);
      } catch (const scenario_error& e) {
        parameter_error(p, e);
      }
    }
    targets_.push_back(std::move(concrete));
  }
}

double problem::base_value(std::size_t i) const {
  try {
    return parameter_value(base_, targets_[i].front(), spec_.parameters[i].loc);
  } catch (const scenario_error& e) {
    parameter_error(spec_.parameters[i], e);
  }
}

std::vector<parameter_edit> problem::edits_at(const std::vector<double>& values) const {
  std::vector<parameter_edit> edits;
  for (std::size_t i = 0; i < values.size(); ++i) {
    for (const auto& t : targets_[i]) edits.push_back({t, param_op::set, values[i], spec_.parameters[i].loc});
  }
  return edits;
}

std::size_t problem::metric_index(const std::vector<std::pair<std::string, double>>& flat,
                                  const std::string& name, const calibration_target& t) const {
  for (std::size_t k = 0; k < flat.size(); ++k) {
    if (flat[k].first == name) return k;
  }
  std::string near;
  const auto dot = name.rfind('.');
  for (const auto& [n, v] : flat) {
    if (dot != std::string::npos && n.size() > dot && n.compare(dot, std::string::npos, name, dot) == 0)
      near += (near.empty() ? "" : ", ") + n;
  }
  throw calibrate_error(to_string(t.loc) + ": the model reports no metric '" + name + "'" +
                        (near.empty() ? "" : " (similar: " + near + ")"));
}

calibration_point problem::evaluate(const std::vector<double>& values) {
  if (auto it = cache_.find(values); it != cache_.end()) return it->second;
  const auto edits = edits_at(values);
  scenario s = apply_edits(base_, std::vector<scenario_edit>(edits.begin(), edits.end()));
  if (opt_.horizon_days) s.horizon_days = *opt_.horizon_days;
  if (opt_.warmup_days) s.warmup_days = *opt_.warmup_days;
  if (s.warmup_days >= s.horizon_days)
    throw calibrate_error("calibrate: the warm-up must end before the horizon");
  const prepared_scenario prepared(std::move(s));
  replication_options ro;
  ro.threads = opt_.threads;
  ro.seed = opt_.seed;
  const auto runs = run_replications(prepared, opt_.seeds, 0, ro);

  calibration_point pt;
  pt.values = values;
  for (const auto& t : spec_.targets) {
    running_stats st;
    for (const auto& r : runs) {
      const auto flat = r.flatten();
      double v = 0.0;
      for (const auto& m : t.metrics) v += flat[metric_index(flat, m, t)].second;
      if (t.per_year) v *= r.window_days > 0.0 ? 365.0 / r.window_days : 0.0;
      st.add(v);
    }
    const double diff = st.mean() - t.value;
    const double r = t.sd ? diff / *t.sd : std::sqrt(*t.weight) * diff;
    pt.model.push_back(st.mean());
    pt.half_width_95.push_back(st.half_width_95());
    pt.residuals.push_back(r);
    pt.objective += r * r;
  }
  ++evaluations_;
  if (opt_.progress) opt_.progress(evaluations_, pt.objective);
  cache_.emplace(values, pt);
  return pt;
}

}  // namespace corridor::calibrate_detail

namespace corridor {
namespace {

using calibrate_detail::problem;

struct box {
  std::vector<double> lo, hi;
  std::vector<double> to_values(const Eigen::VectorXd& u) const {
    std::vector<double> v(lo.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      const auto k = static_cast<Eigen::Index>(i);
      v[i] = lo[i] + std::clamp(u[k], 0.0, 1.0) * (hi[i] - lo[i]);
    }
    return v;
  }
};

Eigen::VectorXd residual_vector(const calibration_point& p) {
  return Eigen::Map<const Eigen::VectorXd>(p.residuals.data(), static_cast<Eigen::Index>(p.residuals.size()));
}

// Forward differences, stepping inward at an upper bound. Columns of parameters that move nothing are 0.
Eigen::MatrixXd jacobian(problem& pr, const box& b, const Eigen::VectorXd& u, const Eigen::VectorXd& r,
                         double step) {
  Eigen::MatrixXd J(r.size(), u.size());
  for (Eigen::Index j = 0; j < u.size(); ++j) {
    Eigen::VectorXd v = u;
    const double h = u[j] + step <= 1.0 ? step : -step;
    v[j] += h;
    J.col(j) = (residual_vector(pr.evaluate(b.to_values(v))) - r) / h;
  }
  return J;
}

}  // namespace

calibration_point evaluate_calibration(const calibration_spec& spec, const scenario_document& base,
                                       const std::vector<double>& values,
                                       const calibration_options& options) {
  if (values.size() != spec.parameters.size())
    throw calibrate_error("calibrate: " + std::to_string(values.size()) + " values for " +
                          std::to_string(spec.parameters.size()) + " parameters");
  problem pr(spec, base, options);
  return pr.evaluate(values);
}

calibration_result calibrate(const calibration_spec& spec, const scenario_document& base,
                             const calibration_options& options) {
  problem pr(spec, base, options);
  const std::size_t n = spec.parameters.size();
  box b;
  Eigen::VectorXd u(static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = spec.parameters[i];
    b.lo.push_back(p.min);
    b.hi.push_back(p.max);
    const double x0 = std::clamp(p.start ? *p.start : pr.base_value(i), p.min, p.max);
    u[static_cast<Eigen::Index>(i)] = (x0 - p.min) / (p.max - p.min);
  }
  calibration_result res;
  res.start = pr.evaluate(b.to_values(u));
  calibration_point cur = res.start;
  double lambda = 1e-2;
  res.stop_reason = "iteration limit";
  for (std::size_t it = 1; it <= options.max_iterations; ++it) {
    const Eigen::VectorXd r = residual_vector(cur);
    const Eigen::MatrixXd J = jacobian(pr, b, u, r, options.fd_step);
    const Eigen::MatrixXd A = J.transpose() * J;
    const Eigen::VectorXd g = J.transpose() * r;
    if (g.norm() == 0.0) {
      res.stop_reason = "no parameter moves the targets";
      break;
    }
    bool accepted = false;
    Eigen::VectorXd u_new;
    for (int tries = 0; tries < 8 && !accepted; ++tries) {
      Eigen::MatrixXd M = A;
      M.diagonal() += lambda * A.diagonal() + Eigen::VectorXd::Constant(M.rows(), 1e-9 + lambda * 1e-6);
      u_new = (u + M.ldlt().solve(-g)).cwiseMax(0.0).cwiseMin(1.0);
      const calibration_point trial = pr.evaluate(b.to_values(u_new));
      if (trial.objective < cur.objective) {
        accepted = true;
        const double gain = (cur.objective - trial.objective) / std::max(cur.objective, 1e-300);
        const double moved = (u_new - u).cwiseAbs().maxCoeff();
        u = u_new;
        cur = trial;
        lambda = std::max(lambda / 3.0, 1e-7);
        res.steps.push_back({it, cur.objective, lambda, cur.values});
        if (gain < 1e-3 || moved < 1e-3) {
          res.stop_reason = gain < 1e-3 ? "objective stopped falling" : "parameters stopped moving";
          it = options.max_iterations;  // leave the outer loop
        }
      } else {
        lambda *= 5.0;
      }
    }
    if (!accepted) {
      res.stop_reason = "no damped step lowers the objective (a local minimum at this noise level)";
      break;
    }
  }
  res.fitted = cur;
  res.evaluations = pr.evaluations();
  res.fitted_edits = pr.edits_at(cur.values);
  return res;
}

}  // namespace corridor

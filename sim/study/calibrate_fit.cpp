// Levenberg–Marquardt on the calibration parameters. The parameters live in [0, 1] (their bounds mapped
// linearly) so one damping and one finite-difference step suit them all; a step leaving the box is
// clamped back into it (projected LM). Every evaluation runs the same seeds and replication indices, so two
// parameter vectors differ only by what the parameters do (common random numbers).
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <utility>

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

calibration_model_values problem::simulate(const std::vector<double>& values) const {
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

  calibration_model_values out;
  for (const auto& t : spec_.targets) {
    running_stats st;
    for (const auto& r : runs) {
      const auto flat = r.flatten();
      double v = 0.0;
      for (const auto& m : t.metrics) v += flat[metric_index(flat, m, t)].second;
      if (t.per_year) v *= r.window_days > 0.0 ? 365.0 / r.window_days : 0.0;
      st.add(v);
    }
    out.mean.push_back(st.mean());
    out.standard_error.push_back(st.count() > 1 ? st.stddev() / std::sqrt(static_cast<double>(st.count()))
                                                : 0.0);
    out.half_width_95.push_back(st.half_width_95());
  }
  return out;
}

}  // namespace corridor::calibrate_detail

namespace corridor {
namespace {

using calibrate_detail::problem;

// The model behind a cache (a repeated vector is not evaluated again), scored against the targets.
class scorer {
 public:
  scorer(const calibration_spec& spec, calibration_model model, const calibration_options& opt)
      : spec_(spec), model_(std::move(model)), progress_(opt.progress) {}

  calibration_point evaluate(const std::vector<double>& values) {
    if (auto it = cache_.find(values); it != cache_.end()) return it->second;
    calibration_model_values m = model_(values);
    const std::size_t n = spec_.targets.size();
    if (m.mean.size() != n || m.standard_error.size() != n || m.half_width_95.size() != n)
      throw calibrate_error("calibrate: the model gave values for " + std::to_string(m.mean.size()) +
                            " targets, the targets file has " + std::to_string(n));
    calibration_point pt;
    pt.values = values;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& t = spec_.targets[i];
      const double diff = m.mean[i] - t.value;
      const double r = t.sd ? diff / *t.sd : std::sqrt(*t.weight) * diff;
      pt.residuals.push_back(r);
      pt.objective += r * r;
    }
    pt.model = std::move(m.mean);
    pt.standard_error = std::move(m.standard_error);
    pt.half_width_95 = std::move(m.half_width_95);
    ++evaluations_;
    if (progress_) progress_(evaluations_, pt.objective);
    cache_.emplace(values, pt);
    return pt;
  }
  std::size_t evaluations() const { return evaluations_; }

 private:
  const calibration_spec& spec_;
  calibration_model model_;
  std::function<void(std::size_t, double)> progress_;
  std::map<std::vector<double>, calibration_point> cache_;
  std::size_t evaluations_ = 0;
};

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
Eigen::MatrixXd jacobian(scorer& pr, const box& b, const Eigen::VectorXd& u, const Eigen::VectorXd& r,
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

// Projected Levenberg–Marquardt from u (scaled start values); then, unless options.estimate is false, the
// estimates from one more Jacobian at the optimum.
calibration_result fit(scorer& sc, const calibration_spec& spec, const box& b, Eigen::VectorXd u,
                       const calibration_options& options,
                       const std::vector<std::vector<std::string>>& paths) {
  calibration_result res;
  res.start = sc.evaluate(b.to_values(u));
  calibration_point cur = res.start;
  double lambda = 1e-2;
  res.stop_reason = "iteration limit";
  for (std::size_t it = 1; it <= options.max_iterations; ++it) {
    const Eigen::VectorXd r = residual_vector(cur);
    const Eigen::MatrixXd J = jacobian(sc, b, u, r, options.fd_step);
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
      const calibration_point trial = sc.evaluate(b.to_values(u_new));
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
  if (options.estimate) {
    const Eigen::MatrixXd J = jacobian(sc, b, u, residual_vector(cur), options.fd_step);
    res.estimates = calibrate_detail::estimate_parameters(spec, cur, J, paths);
  }
  res.evaluations = sc.evaluations();
  return res;
}

box box_of(const calibration_spec& spec) {
  box b;
  for (const auto& p : spec.parameters) {
    b.lo.push_back(p.min);
    b.hi.push_back(p.max);
  }
  return b;
}

Eigen::VectorXd scaled(const calibration_spec& spec, const std::vector<double>& start) {
  Eigen::VectorXd u(static_cast<Eigen::Index>(start.size()));
  for (std::size_t i = 0; i < start.size(); ++i) {
    const auto& p = spec.parameters[i];
    u[static_cast<Eigen::Index>(i)] = (std::clamp(start[i], p.min, p.max) - p.min) / (p.max - p.min);
  }
  return u;
}

void check_count(const calibration_spec& spec, const std::vector<double>& values) {
  if (values.size() != spec.parameters.size())
    throw calibrate_error("calibrate: " + std::to_string(values.size()) + " values for " +
                          std::to_string(spec.parameters.size()) + " parameters");
}

}  // namespace

calibration_point evaluate_calibration(const calibration_spec& spec, const scenario_document& base,
                                       const std::vector<double>& values,
                                       const calibration_options& options) {
  check_count(spec, values);
  const problem pr(spec, base, options);
  scorer sc(
      spec, [&pr](const std::vector<double>& v) { return pr.simulate(v); }, options);
  return sc.evaluate(values);
}

calibration_result calibrate_model(const calibration_spec& spec, const std::vector<double>& start,
                                   const calibration_model& model, const calibration_options& options) {
  check_count(spec, start);
  scorer sc(spec, model, options);
  std::vector<std::vector<std::string>> paths;
  for (const auto& p : spec.parameters) paths.push_back(p.paths);
  return fit(sc, spec, box_of(spec), scaled(spec, start), options, paths);
}

calibration_result calibrate(const calibration_spec& spec, const scenario_document& base,
                             const calibration_options& options) {
  const problem pr(spec, base, options);
  std::vector<double> start;
  for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
    const auto& p = spec.parameters[i];
    start.push_back(p.start ? *p.start : pr.base_value(i));
  }
  scorer sc(
      spec, [&pr](const std::vector<double>& v) { return pr.simulate(v); }, options);
  calibration_result res = fit(sc, spec, box_of(spec), scaled(spec, start), options, pr.concrete_paths());
  res.fitted_edits = pr.edits_at(res.fitted.values);
  return res;
}

}  // namespace corridor

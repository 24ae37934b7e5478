// Standard errors, correlations and identification of calibrated parameters, from the Jacobian of the
// residuals at the optimum: the Gauss–Newton approximation Cov = (J'J)^-1 of a least-squares estimate whose
// residuals are in units of their noise. Every step is in parameters scaled to [0, 1], where one threshold
// suits all of them; only the result is mapped to parameter units.
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <limits>

#include "calibrate_internal.hpp"

namespace corridor {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double z_975 = 1.959963984540054;  // the standard normal's 97.5th percentile

// Each row divided by sqrt(1 + se^2 / sd^2): the residual (model - observed) / sd becomes
// (model - observed) / sd_eff with sd_eff^2 = sd^2 + se^2, the model mean's simulation noise added to the
// observation's. A weight w stands for sd = 1 / sqrt(w).
Eigen::MatrixXd weighted(const calibration_spec& spec, const calibration_point& at, Eigen::MatrixXd J) {
  for (Eigen::Index i = 0; i < J.rows(); ++i) {
    const auto& t = spec.targets[static_cast<std::size_t>(i)];
    const double se = at.standard_error.empty() ? 0.0 : at.standard_error[static_cast<std::size_t>(i)];
    const double inv_var = t.sd ? 1.0 / (*t.sd * *t.sd) : *t.weight;
    J.row(i) /= std::sqrt(1.0 + se * se * inv_var);
  }
  return J;
}

Eigen::MatrixXd columns(const Eigen::MatrixXd& J, const std::vector<Eigen::Index>& keep) {
  Eigen::MatrixXd out(J.rows(), static_cast<Eigen::Index>(keep.size()));
  for (std::size_t k = 0; k < keep.size(); ++k) out.col(static_cast<Eigen::Index>(k)) = J.col(keep[k]);
  return out;
}

std::string names_of(const calibration_spec& spec, const std::vector<Eigen::Index>& idx) {
  std::string out;
  for (auto j : idx) out += (out.empty() ? "" : ", ") + spec.parameters[static_cast<std::size_t>(j)].name;
  return out;
}

// The parameters still in play after taking out those the targets do not identify (marked in `est`), and the
// covariance of the rest in scaled units.
struct identified_set {
  std::vector<Eigen::Index> keep;
  Eigen::MatrixXd cov;
  double condition = 0.0;
};

// Drops, one round at a time, the parameters on a near-null direction of J (condition number above the
// limit), then the one whose scaled standard error is largest while any exceeds 1.
identified_set identify(const calibration_spec& spec, const Eigen::MatrixXd& J,
                        std::vector<Eigen::Index> keep, std::vector<parameter_estimate>& est) {
  const auto drop = [&](const std::vector<Eigen::Index>& out, const std::string& note) {
    for (auto j : out) {
      est[static_cast<std::size_t>(j)].status = estimate_status::not_identified;
      est[static_cast<std::size_t>(j)].note = note;
      keep.erase(std::find(keep.begin(), keep.end(), j));
    }
  };
  while (!keep.empty()) {
    const Eigen::MatrixXd Js = columns(J, keep);
    const Eigen::JacobiSVD<Eigen::MatrixXd> svd(Js, Eigen::ComputeThinV);
    const auto& sv = svd.singularValues();
    const Eigen::Index last = static_cast<Eigen::Index>(keep.size()) - 1;
    const double cond =
        sv[0] > 0.0 && last < sv.size() ? sv[0] / sv[last] : std::numeric_limits<double>::infinity();
    if (!(cond <= identification_condition_limit)) {
      const Eigen::VectorXd v = svd.matrixV().col(std::min(last, sv.size() - 1)).cwiseAbs();
      std::vector<Eigen::Index> out;
      for (Eigen::Index k = 0; k <= last; ++k) {
        if (v[k] >= 0.1 * v.maxCoeff()) out.push_back(keep[static_cast<std::size_t>(k)]);
      }
      const double largest = J.colwise().norm().maxCoeff();
      for (auto j : out) {
        std::vector<Eigen::Index> others;
        for (auto o : out) {
          if (o != j) others.push_back(o);
        }
        drop({j}, J.col(j).norm() <= 1e-9 * largest || others.empty()
                      ? "moves no target (a zero or near-zero column of the Jacobian)"
                      : "moves the targets only together with " + names_of(spec, others) +
                            " (J near-singular: condition number above 1e6)");
      }
      continue;
    }
    identified_set s{keep, {}, cond};
    const Eigen::VectorXd inv = sv.cwiseInverse().cwiseAbs2();
    s.cov = svd.matrixV() * inv.asDiagonal() * svd.matrixV().transpose();
    Eigen::Index worst = 0;
    if (s.cov.diagonal().maxCoeff(&worst) > 1.0) {
      drop({keep[static_cast<std::size_t>(worst)]},
           "the targets hardly move it: its standard error would exceed its whole range (max - min)");
      continue;
    }
    return s;
  }
  return {};
}

}  // namespace

std::string_view to_string(estimate_status s) noexcept {
  switch (s) {
    case estimate_status::identified:
      return "identified";
    case estimate_status::not_identified:
      return "not identified";
    case estimate_status::at_lower_bound:
      return "at lower bound";
    case estimate_status::at_upper_bound:
      return "at upper bound";
  }
  return "";
}

double parameter_estimate::lower_95() const noexcept {
  return standard_error ? estimate - z_975 * *standard_error : nan;
}
double parameter_estimate::upper_95() const noexcept {
  return standard_error ? estimate + z_975 * *standard_error : nan;
}

std::size_t calibration_estimates::identified_count() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(parameters.begin(), parameters.end(), [](const auto& p) { return p.identified(); }));
}

std::vector<std::vector<double>> calibration_estimates::covariance() const {
  const std::size_t n = parameters.size();
  std::vector<std::vector<double>> cov(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      const auto& a = parameters[i];
      const auto& b = parameters[j];
      if (a.identified() && b.identified() && a.standard_error && b.standard_error)
        cov[i][j] = *a.standard_error * *b.standard_error * (i == j ? 1.0 : correlation[i][j]);
    }
  }
  return cov;
}

namespace calibrate_detail {

calibration_estimates estimate_parameters(const calibration_spec& spec, const calibration_point& at,
                                          const Eigen::MatrixXd& jacobian,
                                          const std::vector<std::vector<std::string>>& paths) {
  const std::size_t n = spec.parameters.size();
  calibration_estimates e;
  e.weights_scale =
      std::any_of(spec.targets.begin(), spec.targets.end(), [](const auto& t) { return !t.sd; });
  const Eigen::MatrixXd J = weighted(spec, at, jacobian);
  const Eigen::JacobiSVD<Eigen::MatrixXd> all(J);
  for (Eigen::Index k = 0; k < all.singularValues().size(); ++k)
    e.singular_values.push_back(all.singularValues()[k]);
  std::vector<Eigen::Index> keep;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = spec.parameters[i];
    parameter_estimate pe;
    pe.name = p.name;
    pe.paths = paths.at(i);
    pe.estimate = at.values[i];
    pe.min = p.min;
    pe.max = p.max;
    if (pe.estimate <= p.min || pe.estimate >= p.max) {
      pe.status = pe.estimate <= p.min ? estimate_status::at_lower_bound : estimate_status::at_upper_bound;
      pe.note = "the fit stopped at a bound: the targets ask for a value beyond it, so no standard error";
    } else {
      keep.push_back(static_cast<Eigen::Index>(i));
    }
    e.parameters.push_back(std::move(pe));
  }
  const identified_set s = identify(spec, J, keep, e.parameters);
  e.condition_number = s.keep.empty() ? 0.0 : s.condition;
  e.correlation.assign(n, std::vector<double>(n, nan));
  for (std::size_t a = 0; a < s.keep.size(); ++a) {
    const auto i = static_cast<std::size_t>(s.keep[a]);
    const auto ia = static_cast<Eigen::Index>(a);
    auto& p = e.parameters[i];
    p.standard_error = std::sqrt(s.cov(ia, ia)) * (p.max - p.min);
    e.correlation[i][i] = 1.0;
    // One value for both halves: V S^-2 V' is symmetric only up to rounding, and the file is read back
    // with an exact check.
    for (std::size_t b = 0; b < a; ++b) {
      const auto ib = static_cast<Eigen::Index>(b);
      const auto j = static_cast<std::size_t>(s.keep[b]);
      e.correlation[i][j] = e.correlation[j][i] = s.cov(ia, ib) / std::sqrt(s.cov(ia, ia) * s.cov(ib, ib));
    }
  }
  return e;
}

}  // namespace calibrate_detail
}  // namespace corridor

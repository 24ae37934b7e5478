#pragma once
// Internals of calibration: the problem (parameter paths resolved on the base document, the simulator as
// the model of the targets) and the estimates from a Jacobian. Not part of the public API.
#include <Eigen/Dense>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "corridor/calibrate.hpp"
#include "corridor/model.hpp"

namespace corridor::calibrate_detail {

class problem {
 public:
  problem(const calibration_spec& spec, const scenario_document& base, const calibration_options& opt);
  // The base's value at parameter i's first concrete path.
  double base_value(std::size_t i) const;
  // Parameter i set to values[i] at every one of its concrete paths.
  std::vector<parameter_edit> edits_at(const std::vector<double>& values) const;
  // The targets' model values at these values: the means over the seeds.
  calibration_model_values simulate(const std::vector<double>& values) const;
  const std::vector<std::vector<std::string>>& concrete_paths() const { return targets_; }

 private:
  std::size_t metric_index(const std::vector<std::pair<std::string, double>>& flat, const std::string& name,
                           const calibration_target& t) const;
  const calibration_spec& spec_;
  calibration_options opt_;
  scenario_document base_;
  std::vector<std::vector<std::string>> targets_;  // per parameter: concrete dotted paths
};

// The estimates at the optimum `at`, from the Jacobian of its residuals in parameters scaled to [0, 1]
// (calibration_estimates says how). `paths` per parameter (empty when unknown).
calibration_estimates estimate_parameters(const calibration_spec& spec, const calibration_point& at,
                                          const Eigen::MatrixXd& jacobian,
                                          const std::vector<std::vector<std::string>>& paths);

}  // namespace corridor::calibrate_detail

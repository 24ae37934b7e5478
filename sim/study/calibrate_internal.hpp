#pragma once
// Internals of calibration: the problem (parameter paths resolved on the base document, cached
// evaluations). Not part of the public API.
#include <cstddef>
#include <map>
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
  // The model at these values (cached: a repeated vector is not run again).
  calibration_point evaluate(const std::vector<double>& values);
  std::size_t evaluations() const { return evaluations_; }
  const std::vector<std::vector<std::string>>& concrete_paths() const { return targets_; }

 private:
  std::size_t metric_index(const std::vector<std::pair<std::string, double>>& flat, const std::string& name,
                           const calibration_target& t) const;
  const calibration_spec& spec_;
  calibration_options opt_;
  scenario_document base_;
  std::vector<std::vector<std::string>> targets_;  // per parameter: concrete dotted paths
  std::map<std::vector<double>, calibration_point> cache_;
  std::size_t evaluations_ = 0;
};

}  // namespace corridor::calibrate_detail

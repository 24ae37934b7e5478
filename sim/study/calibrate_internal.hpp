#pragma once
// Internals of calibration shared by its source files: the problem (parameter paths resolved on the base
// tree, cached evaluations) and path splitting. Not part of the public API.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "corridor/calibrate.hpp"
#include "corridor/model.hpp"
#include "sweep_internal.hpp"

namespace corridor::calibrate_detail {

std::vector<std::string> split_path(const std::string& path);

class problem {
 public:
  problem(const calibration_spec& spec, const std::string& base_yaml, const calibration_options& opt);
  // The base's value at parameter i's first concrete path.
  double base_value(std::size_t i) const;
  // The base tree with parameter i set to values[i] at every one of its concrete paths.
  YAML::Node tree_at(const std::vector<double>& values) const;
  // The model at these values (cached: a repeated vector is not run again).
  calibration_point evaluate(const std::vector<double>& values);
  std::size_t evaluations() const { return evaluations_; }
  const std::vector<std::vector<std::string>>& concrete_paths() const { return targets_; }

 private:
  std::size_t metric_index(const std::vector<std::pair<std::string, double>>& flat, const std::string& name,
                           const calibration_target& t) const;
  const calibration_spec& spec_;
  calibration_options opt_;
  YAML::Node base_;
  std::vector<std::vector<std::string>> targets_;  // per parameter: concrete dotted paths
  std::map<std::vector<double>, calibration_point> cache_;
  std::size_t evaluations_ = 0;
};

}  // namespace corridor::calibrate_detail

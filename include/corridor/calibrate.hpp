#pragma once
// Calibration: fits numeric scenario parameters (any path into the resolved scenario's YAML tree, as in
// sweeps) to observed figures by weighted least squares. Levenberg–Marquardt on the parameters scaled to
// [0, 1] within their bounds, finite-difference Jacobians, each evaluation the mean over the same seeds and
// replication indices (common random numbers), so the objective moves only with the parameters.
// Like the rest of the study module it never knows output formats: it returns plain values, plus the fitted
// values as a scenario overlay (a scenario file is the one text it may produce).
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/results.hpp"
#include "corridor/scenario.hpp"

namespace corridor {

// A malformed targets file, an unknown parameter path or metric. Starts with `file:line:col:` when it is
// about a place in a targets file.
class calibrate_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct calibration_parameter {
  std::string name;                // defaults to the first path
  std::vector<std::string> paths;  // all set to the same value; `*` and the sweep aliases allowed
  double min = 0.0, max = 0.0;
  std::optional<double> start;  // default: the base's value at the first path, clamped into [min, max]
  source_loc loc;
};

struct calibration_target {
  std::vector<std::string> metrics;  // flattened metric names; the model value is their sum
  double value = 0.0;                // the observed figure
  // Residual = (model - value) / sd, or sqrt(weight) (model - value) when `weight` is given instead.
  std::optional<double> sd;
  std::optional<double> weight;
  bool per_year = false;  // the metrics count over the report window: model value x 365 / window_days
  std::string source;
  source_loc loc;
  std::string label() const;  // the metric names joined by " + "
};

struct calibration_spec {
  std::string file;                // for messages
  std::filesystem::path scenario;  // from `scenario:` (relative to the file), or empty
  std::vector<calibration_parameter> parameters;
  std::vector<calibration_target> targets;
};

calibration_spec load_calibration(const std::filesystem::path& file);
calibration_spec parse_calibration(std::string_view yaml, std::string_view name,
                                   const std::filesystem::path& base_dir);

struct calibration_options {
  std::size_t seeds = 4;               // replications 0 .. seeds - 1 per evaluation
  std::optional<std::uint64_t> seed;   // overrides the scenario's seed
  std::optional<double> horizon_days;  // shortens (or lengthens) every evaluation run
  std::optional<double> warmup_days;
  std::size_t max_iterations = 12;
  double fd_step = 0.04;  // finite-difference step, as a fraction of each parameter's range
  std::size_t threads = 0;
  // Called after each evaluation, serialized: (evaluations so far, objective of this evaluation).
  std::function<void(std::size_t evaluations, double objective)> progress;
};

// The model at one parameter vector: per target, the mean over seeds, its 95 % half-width and residual.
struct calibration_point {
  std::vector<double> values;  // parameter values
  std::vector<double> model;
  std::vector<double> half_width_95;
  std::vector<double> residuals;
  double objective = 0.0;  // sum of squared residuals
};

struct calibration_step {
  std::size_t iteration = 0;
  double objective = 0.0;
  double lambda = 0.0;
  std::vector<double> values;
};

struct calibration_result {
  calibration_point start;
  calibration_point fitted;
  std::vector<calibration_step> steps;  // accepted steps
  std::size_t evaluations = 0;
  std::string stop_reason;
  std::string base_yaml;    // the resolved base scenario (full horizon)
  std::string fitted_yaml;  // the resolved base with the fitted values (full horizon)
};

// The fit on a scenario already resolved to YAML text (to_yaml(load_scenario(file))).
calibration_result calibrate(const calibration_spec& spec, const std::string& base_yaml,
                             const calibration_options& options = {});
// Evaluates the targets at given parameter values without fitting (the validation of a fit).
calibration_point evaluate_calibration(const calibration_spec& spec, const std::string& base_yaml,
                                       const std::vector<double>& values, const calibration_options& options);
// The fitted values as an overlay of the scenario file at `extends` (written as given): each changed
// field of a collection entry (nodes.<id>.<field>, whole when it is a distribution or a list), or of a
// top-level map (route_choice.<field>), with its fitted value. No comments: the caller adds a header.
std::string calibration_overlay(const calibration_spec& spec, const calibration_result& result,
                                const std::string& extends);

}  // namespace corridor

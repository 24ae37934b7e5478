#pragma once
// Calibration: fits numeric scenario parameters (any parameter path, as in sweeps) to observed figures by
// weighted least squares. Levenberg–Marquardt on the parameters scaled to
// [0, 1] within their bounds, finite-difference Jacobians, each evaluation the mean over the same seeds and
// replication indices (common random numbers), so the objective moves only with the parameters.
// Like the rest of the study module it never knows output formats: it returns plain values, the fitted ones
// as parameter edits that the scenario module writes as an overlay (edits_overlay_yaml).
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/parameters.hpp"
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

// Parses a targets file's text (`name` stands for the file in messages; `scenario:` resolves from base_dir).
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
  std::vector<parameter_edit> fitted_edits;  // every path of every parameter set to its fitted value
};

// The fit, starting from the base document's values (or each parameter's `start`).
calibration_result calibrate(const calibration_spec& spec, const scenario_document& base,
                             const calibration_options& options = {});
// Evaluates the targets at given parameter values without fitting (the validation of a fit).
calibration_point evaluate_calibration(const calibration_spec& spec, const scenario_document& base,
                                       const std::vector<double>& values, const calibration_options& options);
}  // namespace corridor

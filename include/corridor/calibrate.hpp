#pragma once
// Calibration: fits numeric scenario parameters (any parameter path, as in sweeps) to observed figures by
// weighted least squares. Levenberg–Marquardt on the parameters scaled to
// [0, 1] within their bounds, finite-difference Jacobians, each evaluation the mean over the same seeds and
// replication indices (common random numbers), so the objective moves only with the parameters.
// After the fit, the estimates' covariance from the Jacobian at the optimum (calibration_estimates), with
// each parameter's standard error and whether the targets identify it at all.
// Like the rest of the study module it never knows output formats: it returns plain values, the fitted ones
// as parameter edits that the scenario module writes as an overlay (edits_overlay_yaml), the estimates as
// values that io writes (estimates_yaml) and parse_estimates reads back.
#include <cstddef>
#include <cstdint>
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
  // Standard errors after the fit: one more Jacobian at the optimum (one evaluation per parameter).
  bool estimate = true;
};

// The model at one parameter vector: per target, the mean over seeds, its 95 % half-width and residual.
struct calibration_point {
  std::vector<double> values;  // parameter values
  std::vector<double> model;
  std::vector<double> half_width_95;
  std::vector<double> standard_error;  // of each model mean: sd over the seeds / sqrt(seeds); 0 with one seed
  std::vector<double> residuals;
  double objective = 0.0;  // sum of squared residuals
};

struct calibration_step {
  std::size_t iteration = 0;
  double objective = 0.0;
  double lambda = 0.0;
  std::vector<double> values;
};

// Whether the targets pin a parameter down. Only an identified parameter has a standard error: at a bound the
// normal approximation does not hold (the estimate would lie beyond it), and a parameter that moves no
// target, or moves them only together with others (a near-singular J'J), has no finite one.
enum class estimate_status { identified, not_identified, at_lower_bound, at_upper_bound };
std::string_view to_string(
    estimate_status s) noexcept;  // "identified", "not identified", "at lower bound", …

struct parameter_estimate {
  std::string name;
  std::vector<std::string> paths;
  double estimate = 0.0;
  double min = 0.0, max = 0.0;
  std::optional<double> standard_error;  // in the parameter's units; only when identified
  estimate_status status = estimate_status::identified;
  std::string note;  // why it is not identified, in words ("" when it is)
  source_loc loc;    // where an estimates file states it (parse_estimates); edits made from it point there
  bool identified() const noexcept { return status == estimate_status::identified; }
  // estimate -/+ 1.959964 standard errors (a normal interval, not clipped to the bounds); NaN without an SE.
  double lower_95() const noexcept;
  double upper_95() const noexcept;
};

// The estimates' uncertainty, from the Jacobian J of the residuals at the optimum (in parameters scaled to
// [0, 1]): Cov = (J'J)^-1 scaled, D Cov D in parameter units (D the bounds' ranges). Each residual row is
// first divided by sqrt(1 + se^2 / sd^2), so a target counts with sd_eff^2 = sd^2 + se^2, se the standard
// error of its model mean over the seeds (a weight w stands for sd = 1 / sqrt(w)). A parameter is not
// identified when its column of J is zero, or when J restricted to the parameters still in play has a
// condition number above identification_condition_limit (those loading on the smallest singular vector are
// dropped, and J's rest checked again), or when its scaled standard error exceeds 1 (its 95 % interval
// would span about four times its whole range).
inline constexpr double identification_condition_limit = 1e6;
struct calibration_estimates {
  std::vector<parameter_estimate> parameters;
  // correlation[i][j] between estimates i and j; NaN in the rows and columns of parameters not identified.
  std::vector<std::vector<double>> correlation;
  std::vector<double>
      singular_values;            // of the weighted Jacobian in scaled units, all parameters, descending
  double condition_number = 0.0;  // of the identified parameters' columns (1 with one, 0 with none)
  // Some target has a weight rather than an sd: the residuals are not in units of the observations' noise,
  // so the standard errors are on the weights' scale, not the data's.
  bool weights_scale = false;
  std::string scenario;  // where the estimates came from, as the caller names them (the file records them)
  std::string targets;
  // The covariance in parameter units, from standard errors and correlations (0 outside identified ones).
  std::vector<std::vector<double>> covariance() const;
  std::size_t identified_count() const noexcept;
};

struct calibration_result {
  calibration_point start;
  calibration_point fitted;
  std::vector<calibration_step> steps;  // accepted steps
  std::size_t evaluations = 0;
  std::string stop_reason;
  std::vector<parameter_edit> fitted_edits;        // every path of every parameter set to its fitted value
  std::optional<calibration_estimates> estimates;  // unless options.estimate is false
};

// A model of the targets other than the simulator (tests, surrogate models): per target, the model value at
// the parameter values, and its standard error (simulation noise, 0 for a deterministic model) and 95 %
// half-width.
struct calibration_model_values {
  std::vector<double> mean;
  std::vector<double> standard_error;
  std::vector<double> half_width_95;
};
using calibration_model = std::function<calibration_model_values(const std::vector<double>& values)>;

// The fit, starting from the base document's values (or each parameter's `start`).
calibration_result calibrate(const calibration_spec& spec, const scenario_document& base,
                             const calibration_options& options = {});
// The same fit and estimates on any model of the targets, from `start` (one value per parameter; paths are
// not resolved and fitted_edits stays empty).
calibration_result calibrate_model(const calibration_spec& spec, const std::vector<double>& start,
                                   const calibration_model& model, const calibration_options& options = {});
// Evaluates the targets at given parameter values without fitting (the validation of a fit).
calibration_point evaluate_calibration(const calibration_spec& spec, const scenario_document& base,
                                       const std::vector<double>& values, const calibration_options& options);

// An estimates file (`corridor calibrate --estimates FILE`, written by io's estimates_yaml) read back
// strictly: an unknown key, a wrong type or a malformed correlation matrix is a calibrate_error at its
// `file:line:col:`. `name` stands for the file in messages.
calibration_estimates parse_estimates(std::string_view yaml, std::string_view name);
}  // namespace corridor

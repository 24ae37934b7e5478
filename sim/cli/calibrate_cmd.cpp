// corridor calibrate SCENARIO --targets FILE: fits scenario parameters to observed figures, prints the fit
// with each estimate's standard error, interval and identification, and writes the fitted values as an
// overlay of the scenario (--out) and the estimates with their uncertainty (--estimates).
#include <fmt/format.h>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "corridor/calibrate.hpp"
#include "corridor/estimates_io.hpp"
#include "corridor/io.hpp"
#include "corridor/text_table.hpp"

namespace corridor::cli {
namespace {

struct calibrate_args {
  std::string scenario;
  std::string targets;
  std::string out;
  std::string estimates;
  std::size_t seeds = 4;
  std::optional<std::uint64_t> seed;
  std::optional<double> horizon_days;
  std::optional<double> warmup_days;
  std::size_t max_iterations = 12;
  double fd_step = 0.04;
  std::size_t threads = 0;
  bool evaluate_only = false;
  bool allow_outside = false;
};

std::string num(double v) {
  const double a = std::abs(v);
  if (a >= 1000) return human_number(v, 0);
  if (a >= 10) return human_number(v, 1);
  if (a >= 0.1 || v == 0.0) return fmt::format("{:.3f}", v);
  return fmt::format("{:.4g}", v);
}

std::string parameter_table(const calibration_spec& spec, const calibration_result& r) {
  if (!r.estimates) {
    text_table t({"parameter", "min", "max", "start", "fitted"});
    for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
      const auto& p = spec.parameters[i];
      t.add_row({p.name, num(p.min), num(p.max), num(r.start.values[i]), num(r.fitted.values[i])});
    }
    return t.render();
  }
  text_table t({"parameter", "min", "max", "start", "fitted", "std. error", "95 % interval", "identified"});
  for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
    const auto& p = spec.parameters[i];
    const auto& e = r.estimates->parameters[i];
    const bool se = e.standard_error.has_value();
    t.add_row({p.name, num(p.min), num(p.max), num(r.start.values[i]), num(r.fitted.values[i]),
               se ? num(*e.standard_error) : "—",
               se ? fmt::format("[{}, {}]", num(e.lower_95()), num(e.upper_95())) : "—",
               e.identified() ? "yes" : "no: " + std::string(to_string(e.status))});
  }
  return t.render();
}

// The correlation matrix of the estimates (numbered columns, so that long names fit), then a line per
// parameter the targets do not identify, saying why, and what the standard errors rest on.
std::string estimates_notes(const calibration_estimates& e) {
  std::vector<std::string> header{"correlation"};
  for (std::size_t j = 0; j < e.parameters.size(); ++j) header.push_back(std::to_string(j + 1));
  text_table t(header);
  for (std::size_t i = 0; i < e.parameters.size(); ++i) {
    std::vector<std::string> row{std::to_string(i + 1) + " " + e.parameters[i].name};
    for (double c : e.correlation[i]) row.push_back(std::isnan(c) ? "—" : fmt::format("{:+.2f}", c));
    t.add_row(std::move(row));
  }
  std::string out = t.render();
  for (const auto& p : e.parameters) {
    if (!p.identified()) out += fmt::format("  {}: {} ({})\n", p.name, to_string(p.status), p.note);
  }
  out += fmt::format(
      "  standard errors from (J'J)^-1 at the fit, each target's sd widened by its model mean's simulation "
      "noise;\n  condition number {:.3g} (a parameter is not identified above {:g}); intervals +/- 1.96 SE\n",
      e.condition_number, identification_condition_limit);
  if (e.weights_scale)
    out += "  some targets have a weight, not an sd: the standard errors are on the weights' scale\n";
  return out;
}

std::string target_table(const calibration_spec& spec, const calibration_point& start,
                         const calibration_point& fit) {
  text_table t({"target", "observed", "start", "fitted", "± 95 %", "residual"});
  for (std::size_t i = 0; i < spec.targets.size(); ++i) {
    t.add_row({spec.targets[i].label(), num(spec.targets[i].value), num(start.model[i]), num(fit.model[i]),
               num(fit.half_width_95[i]), fmt::format("{:+.2f}", fit.residuals[i])});
  }
  return t.render();
}

void write_overlay(const calibrate_args& a, const scenario_document& doc, const calibration_result& r,
                   const std::string& tables) {
  namespace fs = std::filesystem;
  const fs::path out = a.out;
  const fs::path dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  const std::string extends = fs::relative(fs::absolute(a.scenario), fs::absolute(dir)).generic_string();
  std::string header =
      "Fitted by `corridor calibrate " + a.scenario + " --targets " + a.targets + " --seeds " +
      std::to_string(a.seeds) + (a.horizon_days ? fmt::format(" --horizon-days {:g}", *a.horizon_days) : "") +
      "`.\n" +
      fmt::format("Objective (sum of squared residuals) {:.4g} -> {:.4g} after {} evaluations; {}.\n",
                  r.start.objective, r.fitted.objective, r.evaluations, r.stop_reason) +
      "\n" + tables;
  write_file_atomic(out, comment_lines(header) + edits_overlay_yaml(doc, r.fitted_edits, extends));
}

void write_estimates_file(const calibrate_args& a, calibration_estimates e, const calibration_result& r) {
  e.scenario = a.scenario;
  e.targets = a.targets;
  const std::string header =
      "Estimates of `corridor calibrate " + a.scenario + " --targets " + a.targets + " --seeds " +
      std::to_string(a.seeds) + (a.horizon_days ? fmt::format(" --horizon-days {:g}", *a.horizon_days) : "") +
      "`:\neach fitted parameter with its standard error (from (J'J)^-1 at the " +
      "optimum) and whether the targets\nidentify it; the correlation matrix between the estimates.\n" +
      fmt::format("Objective {:.4g} after {} evaluations; {}.\n", r.fitted.objective, r.evaluations,
                  r.stop_reason) +
      "Read by `corridor run SCENARIO --parameter-uncertainty FILE` (docs/outputs.md).";
  write_estimates(a.estimates, e, header);
}

void execute(const calibrate_args& a) {
  const std::filesystem::path targets = a.targets;
  const calibration_spec spec = parse_calibration(read_file(targets), a.targets, targets.parent_path());
  // The resolved scenario with every default written out, so that a parameter may be any field.
  const scenario_document base = parse_document(
      to_yaml(load_scenario(a.scenario, {.allow_outside = a.allow_outside})), a.scenario + " (resolved)");
  calibration_options opt;
  opt.seeds = a.seeds;
  opt.seed = a.seed;
  opt.horizon_days = a.horizon_days;
  opt.warmup_days = a.warmup_days;
  opt.max_iterations = a.max_iterations;
  opt.fd_step = a.fd_step;
  opt.threads = a.threads;
  const bool show = progress_enabled();
  opt.progress = [show](std::size_t n, double objective) {
    if (show) std::fprintf(stderr, "\revaluation %zu: objective %.4g   ", n, objective);
  };
  if (a.evaluate_only) {
    opt.max_iterations = 0;  // the start only: how far the scenario is from the targets
    opt.estimate = false;
  }
  calibration_result r = calibrate(spec, base, opt);
  if (a.evaluate_only) r.stop_reason = "not fitted (--evaluate)";
  if (show) std::fputs("\n", stderr);
  const std::string tables = "parameters\n" + parameter_table(spec, r) + "\ntargets (model: mean over " +
                             std::to_string(a.seeds) + " seeds)\n" + target_table(spec, r.start, r.fitted);
  std::cout << tables;
  if (r.estimates) std::cout << "\n" << estimates_notes(*r.estimates);
  std::cout << fmt::format("\n  objective {:.4g} -> {:.4g}, {} evaluations, {}\n", r.start.objective,
                           r.fitted.objective, r.evaluations, r.stop_reason);
  if (!a.out.empty()) {
    write_overlay(a, base, r, tables);
    std::cout << "  wrote " << a.out << "\n";
  }
  if (!a.estimates.empty() && r.estimates) {
    write_estimates_file(a, *r.estimates, r);
    std::cout << "  wrote " << a.estimates << "\n";
  }
}

}  // namespace

void add_calibrate_command(CLI::App& app) {
  auto a = std::make_shared<calibrate_args>();
  CLI::App* cmd = app.add_subcommand("calibrate", "Fit scenario parameters to observed figures");
  cmd->add_option("scenario", a->scenario, "Scenario YAML file")->required();
  cmd->add_option("--targets", a->targets, "Targets YAML: parameters (path, min, max) and observed figures")
      ->required();
  add_out_option(cmd, a->out, "Write the fitted values as an overlay of SCENARIO here");
  cmd->add_option("--estimates", a->estimates,
                  "Write the estimates (standard errors, identification, correlations) here, as YAML for "
                  "`run --parameter-uncertainty`");
  cmd->add_option("-r,--replications,--seeds", a->seeds,
                  "Replications per evaluation, the same every time (default 4)")
      ->check(whole_in(1, 1000));
  add_seed_option(cmd, a->seed, "Base seed (default: the scenario's)");
  cmd->add_option("--horizon-days", a->horizon_days, "Shorter runs while fitting (default: the scenario's)")
      ->check(finite_in(1.0, 1e5));
  add_warmup_days_option(cmd, a->warmup_days, "Warm-up while fitting (default: the scenario's)",
                         "--warmup,--warmup-days");
  cmd->add_option("--max-iterations", a->max_iterations, "Levenberg–Marquardt iterations (default 12)")
      ->check(whole_in(1, 1000));
  cmd->add_option("--fd-step", a->fd_step,
                  "Finite-difference step as a fraction of each range (default 0.04)")
      ->check(finite_in(1e-4, 0.5));
  add_allow_outside_flag(cmd, a->allow_outside);
  cmd->add_flag("--evaluate", a->evaluate_only, "Only evaluate the targets at the start values, no fit");
  add_threads_option(cmd, a->threads);
  set_example(cmd,
              "corridor calibrate scenarios/baseline-2025.yaml --targets scenarios/targets/targets-2025.yaml "
              "-r 4 -o fitted.yaml --estimates estimates.yaml");
  cmd->callback([a] {
    if (a->evaluate_only && !a->estimates.empty())
      throw CLI::ValidationError("--estimates", "needs a fit, not --evaluate");
    require_file(a->scenario);
    require_file(a->targets);
    execute(*a);
  });
}

}  // namespace corridor::cli

// corridor run SCENARIO: one run, or replications with confidence intervals, printed and written to --out;
// with --parameter-uncertainty, each replication with its own draw of calibrated parameters.
#include <fmt/format.h>
#include <chrono>
#include <cmath>
#include <iostream>

#include "commands.hpp"
#include "corridor/io.hpp"
#include "corridor/study.hpp"
#include "corridor/uncertainty.hpp"
#include "git_commit.hpp"
#include "progress.hpp"
#include "summary_print.hpp"

namespace corridor::cli {
namespace {

struct run_args {
  std::string scenario;
  std::optional<std::uint64_t> seed;
  std::string out;
  std::size_t replications = 1;
  std::size_t threads = 0;
  std::optional<double> precision;
  std::size_t max_replications = 100;
  std::string warmup;
  std::string parameter_uncertainty;  // an estimates file of `corridor calibrate --estimates`
  bool report = false;
  bool reproducible = false;
  bool allow_outside = false;
  std::vector<std::string> argv;
};

double resolve_warmup(const run_args& a, const prepared_scenario& p) {
  if (a.warmup.empty()) return p.spec.warmup_days;
  if (a.warmup == "auto") {
    run_options pilot;
    pilot.seed = a.seed;
    pilot.warmup_days = 0.0;
    const double days = choose_warmup_mser5(run_model(p, pilot));
    std::cerr << fmt::format("warm-up chosen by MSER-5 on daily throughput: {:g} days\n", days);
    return days;
  }
  std::size_t used = 0;
  double days = 0;
  try {
    days = std::stod(a.warmup, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != a.warmup.size())
    throw std::invalid_argument("--warmup expects a number of days or 'auto', got '" + a.warmup + "'");
  return days;
}

// --warmup: "auto" or days from 0 to a century (the longest horizon a scenario may have).
const CLI::Validator warmup_check(
    [](std::string& text) -> std::string {
      std::string copy = text;
      if (text == "auto" || finite_in(0.0, max_warmup_days)(copy).empty()) return {};
      return fmt::format("expected 'auto' or a number of days from 0 to {:g}, got '{}'", max_warmup_days,
                         text);
    },
    "auto|DAYS");

// Replications each with its own draw of the calibrated parameters; `intervals` says what the intervals hold.
std::vector<run_result> run_with_uncertainty(const run_args& a, const replication_options& opt,
                                             std::string& intervals) {
  const calibration_estimates e =
      parse_estimates(read_file(a.parameter_uncertainty), a.parameter_uncertainty);
  // The resolved scenario with every default written out, so that a parameter may be any field.
  const scenario_document doc = parse_document(
      to_yaml(load_scenario(a.scenario, {.allow_outside = a.allow_outside})), a.scenario + " (resolved)");
  const std::size_t n = e.identified_count();
  intervals = fmt::format("simulation noise and parameter uncertainty ({} parameter{} from {})", n,
                          n == 1 ? "" : "s", a.parameter_uncertainty);
  return run_replications_with_uncertainty(doc, e, a.replications, 0, opt);
}

void execute(const run_args& a) {
  const auto started = std::chrono::steady_clock::now();
  const prepared_scenario prepared(load_scenario(a.scenario, {.allow_outside = a.allow_outside}));
  const scenario& s = prepared.spec;
  // The outputs go into a temporary sibling of --out, swapped in whole at the end: checked before the run
  // (an unusable folder fails now, not after it), and a failed or killed run leaves --out as it was.
  std::optional<staged_folder> folder;
  if (!a.out.empty()) folder.emplace(a.out);
  const double warmup_days = resolve_warmup(a, prepared);
  progress_line progress("replications", s.horizon_days, "simulated days");
  replication_options opt;
  opt.threads = a.threads;
  opt.seed = a.seed;
  opt.warmup_days = warmup_days;
  opt.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  std::vector<run_result> runs;
  std::string intervals;
  if (a.precision) {
    precision_result pr = run_until_precision(
        prepared, *a.precision, std::max<std::size_t>(2, a.replications), a.max_replications, opt);
    runs = std::move(pr.runs);
    progress.finish();
    if (!pr.converged) {
      std::cerr << fmt::format("precision {:g} not reached after {} replications for: {}\n", *a.precision,
                               runs.size(), fmt::join(pr.unmet, ", "));
    }
  } else if (!a.parameter_uncertainty.empty()) {
    runs = run_with_uncertainty(a, opt, intervals);
    progress.finish();
  } else {
    runs = run_replications(prepared, a.replications, 0, opt);
    progress.finish();
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  run_summary summary = summarize(s, runs, warmup_days);
  summary.intervals = intervals;
  if (!a.reproducible) summary.wall_seconds = wall, summary.threads = static_cast<int>(a.threads);
  std::cout << format_run_summary(summary, wall);
  if (!folder) return;

  write_run_outputs(folder->path(), summary);
  provenance prov;
  prov.git_commit = CORRIDOR_GIT_COMMIT;
  prov.command_line = a.argv;
  prov.seed = summary.seed;
  prov.replications = summary.replications;
  prov.threads = summary.threads;
  prov.scenario_file = a.scenario;
  prov.wall_seconds = wall;
  prov.include_wall_clock = !a.reproducible;
  write_file_atomic(folder->path() / "run.json", run_json(prov));
  const bool by_year = !summary.years.empty();
  if (a.report) {
    report_input report;
    report.run = std::move(summary);
    write_report_html(folder->path(), report);
  }
  folder->commit();
  std::cout << "\n  wrote " << a.out
            << "/ (summary.json, replications.csv, daily.csv, routes.csv, crossings.csv, "
            << "flows.geojson, metrics.csv, replications_long.csv, daily_long.csv, "
            << (by_year ? "years.csv, " : "") << "run.json)\n";
  if (a.report) std::cout << "  report: " << (std::filesystem::path(a.out) / "report.html").string() << "\n";
}

}  // namespace

void add_run_command(CLI::App& app) {
  auto a = std::make_shared<run_args>();
  CLI::App* cmd = app.add_subcommand("run", "Run a scenario and print its results");
  cmd->add_option("scenario", a->scenario, "Scenario YAML file")->required();
  add_seed_option(cmd, a->seed, "Base seed (default: the scenario's)");
  add_out_option(cmd, a->out, "Write summary.json, CSV tables, flows.geojson and run.json here");
  add_replications_option(cmd, a->replications, 1, "Independent replications (default 1)");
  add_threads_option(cmd, a->threads);
  cmd->add_option("--precision", a->precision,
                  "Add replications until every headline 95 % half-width is within this fraction of its mean")
      ->check(finite_in(1e-6, 1.0));
  cmd->add_option("--max-replications", a->max_replications, "Cap for --precision (default 100)")
      ->check(whole_in(2, max_replications));
  cmd->add_option("--warmup", a->warmup, "Warm-up in days, or 'auto' (MSER-5); default: the scenario's")
      ->check(warmup_check);
  cmd->add_option("--parameter-uncertainty", a->parameter_uncertainty,
                  "Draw each replication's parameters from these estimates (`calibrate --estimates`), so the "
                  "intervals hold their uncertainty too");
  cmd->add_flag("--report", a->report, "Also write report.html into --out");
  add_allow_outside_flag(cmd, a->allow_outside);
  cmd->add_flag("--reproducible", a->reproducible,
                "Leave wall-clock time and thread count out of the files, so equal runs give equal bytes");
  set_example(cmd, "corridor run scenarios/baseline-2025.yaml -r 4 -t 2 -o out/baseline --report");
  cmd->callback([a] {
    if (a->report && a->out.empty()) throw CLI::ValidationError("--report", "needs --out DIR");
    if (a->precision && !a->parameter_uncertainty.empty())
      throw CLI::ValidationError("--parameter-uncertainty", "does not combine with --precision");
    require_file(a->scenario);
    if (!a->parameter_uncertainty.empty()) require_file(a->parameter_uncertainty);
    a->argv = command_line();
    execute(*a);
  });
}

}  // namespace corridor::cli

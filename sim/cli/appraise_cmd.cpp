// corridor appraise PROGRAMME: do-nothing against each project alone and the whole programme, in the
// programme's model years with common random numbers; per case NPV, BCR, IRR and CO2 with 95 % intervals
// over replications, and whether the programme reaches its targets.
#include <fmt/format.h>
#include <chrono>
#include <cmath>
#include <iostream>

#include "commands.hpp"
#include "corridor/calibrate.hpp"
#include "corridor/io.hpp"
#include "corridor/planning_io.hpp"
#include "corridor/text_table.hpp"
#include "progress.hpp"

namespace corridor::cli {
namespace {

struct appraise_args {
  std::string programme, out;
  std::string parameter_uncertainty;  // an estimates file of `corridor calibrate --estimates`
  std::size_t replications = 4;
  std::size_t threads = 0;
  std::optional<std::uint64_t> seed;
};

// Money in millions of USD, one decimal.
std::string musd(double v) {
  return std::isnan(v) ? "—" : human_number(v / 1e6, 1);
}

std::string with_ci(const interval& v, const std::function<std::string(double)>& f) {
  if (std::isnan(v.mean)) return "—";
  return f(v.mean) + " ± " + f(v.ci95);
}

std::string ratio_text(double v) {
  return fmt::format("{:.2f}", v);
}

std::string percent_text(double v) {
  return fmt::format("{:.1f} %", 100.0 * v);
}

std::string tonnes(double v) {
  return human_number(v, 0);
}

void print_cases(const appraisal& a) {
  std::cout << fmt::format(
      "\n{} · seed {} · {} replications per state, {} simulations · {}–{} discounted to {} at {:g} % · "
      "model years {}\n\n",
      a.programme_name, a.seed, a.replications, a.simulations, a.first_year, a.last_year, a.discount_year,
      100.0 * a.discount_rate, fmt::join(a.model_years, ", "));
  if (a.drawn_parameters > 0)
    std::cout << fmt::format(
        "  intervals: simulation noise and parameter uncertainty ({} parameters drawn)\n\n",
        a.drawn_parameters);
  text_table t({"Case", "opens", "PV costs M$", "PV benefits M$", "NPV M$ (95 % CI)", "BCR", "IRR", "CO2 t",
                "time M$", "shipper M$"});
  for (const auto& c : a.cases) {
    const std::string irr = c.irr.n == 0               ? "none"
                            : c.irr.n < a.replications ? with_ci(c.irr, percent_text) +
                                                             fmt::format(" ({}/{})", c.irr.n, a.replications)
                                                       : with_ci(c.irr, percent_text);
    t.add_row({c.id, std::to_string(c.opening_year), musd(c.pv_costs_usd), musd(c.pv_benefits_usd.mean),
               with_ci(c.npv_usd, musd), with_ci(c.bcr, ratio_text), irr, with_ci(c.co2_t, tonnes),
               musd(c.time_savings_usd.mean), musd(c.shipper_cost_savings_usd.mean)});
  }
  std::cout << t.render();
  std::cout
      << "\n  CO2 t: change over the horizon (negative: saved); time, shipper: savings over the horizon,"
         " undiscounted\n";
}

void print_targets(const appraisal& a) {
  if (a.targets.empty()) return;
  text_table t({"Target", "year", "bound", "do-nothing", "programme", "met?"});
  const auto num = [](double v) { return human_number(v, std::fabs(v) >= 100 ? 0 : 2); };
  for (const auto& c : a.targets) {
    std::string bound;
    if (c.target.min) bound += ">= " + num(*c.target.min);
    if (c.target.max) bound += (bound.empty() ? "" : ", ") + std::string("<= ") + num(*c.target.max);
    t.add_row({c.target.metric, std::to_string(c.target.year), bound, with_ci(c.do_nothing, num),
               with_ci(c.programme, num), c.met ? "yes" : "no"});
  }
  std::cout << "\n" << t.render();
}

void execute(const appraise_args& a) {
  const programme p = load_programme(a.programme);
  std::optional<staged_folder> folder;
  if (!a.out.empty()) folder.emplace(a.out);
  progress_line progress("simulations");
  appraisal_options opt;
  opt.replications = a.replications;
  opt.threads = a.threads;
  opt.seed = a.seed;
  if (!a.parameter_uncertainty.empty())
    opt.parameter_uncertainty = parse_estimates(read_file(a.parameter_uncertainty), a.parameter_uncertainty);
  opt.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  const appraisal r = appraise_programme(p, opt);
  progress.finish();
  print_cases(r);
  print_targets(r);
  if (!folder) return;
  write_appraisal_outputs(folder->path(), r);
  folder->commit();
  std::cout << "\n  wrote " << a.out << "/ (appraisal.json, appraisal.csv)\n";
}

}  // namespace

void add_appraise_command(CLI::App& app) {
  auto a = std::make_shared<appraise_args>();
  CLI::App* cmd = app.add_subcommand(
      "appraise",
      "Appraise a programme of projects: NPV, BCR, IRR and CO2 against do-nothing, paired by seed");
  cmd->add_option("programme", a->programme, "Programme YAML (docs/planning.md)")->required();
  add_replications_option(cmd, a->replications, 2, "Paired replications per state (default 4, at least 2)");
  add_threads_option(cmd, a->threads);
  add_seed_option(cmd, a->seed, "Seed for every state (default: the base scenario's)");
  add_out_option(cmd, a->out, "Write appraisal.json and appraisal.csv here");
  cmd->add_option(
      "--parameter-uncertainty", a->parameter_uncertainty,
      "Draw each replication's parameters from these estimates (`calibrate --estimates`), the same "
      "draw in every state, so the intervals hold their uncertainty too");
  set_example(cmd, "corridor appraise scenarios/programmes/middle-corridor-2030.yaml -r 4 -o out/appraisal");
  cmd->callback([a] {
    require_file(a->programme);
    if (!a->parameter_uncertainty.empty()) require_file(a->parameter_uncertainty);
    execute(*a);
  });
}

}  // namespace corridor::cli

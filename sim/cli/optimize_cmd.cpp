// corridor optimize PROGRAMME: the cheapest set and staging of the programme's projects that meets its
// targets, by screening, a surrogate, an integer program and verification with common random numbers; or,
// when none does, the Pareto front of cost against each target. Says how sure it is and what it spent.
#include <fmt/format.h>

#include <cmath>
#include <iostream>

#include "commands.hpp"
#include "corridor/io.hpp"
#include "corridor/optimize.hpp"
#include "corridor/planning_io.hpp"
#include "corridor/text_table.hpp"
#include "progress.hpp"

namespace corridor::cli {
namespace {

struct optimize_args {
  std::string programme, out;
  std::size_t replications = 4;
  std::size_t screen_replications = 2;
  std::size_t threads = 0;
  std::size_t budget = 0;
  bool no_staging = false;
  bool appraise = false;
  std::optional<std::uint64_t> seed;
};

std::string musd(double v) {
  return human_number(v / 1e6, 1);
}

std::string value_text(const interval& v) {
  if (std::isnan(v.mean)) return "—";
  const int d = std::fabs(v.mean) >= 100 ? 0 : 2;
  return human_number(v.mean, d) + " ± " + human_number(v.ci95, d);
}

std::string projects_text(const portfolio_result& r) {
  if (r.projects.empty()) return "(none)";
  std::string s;
  for (std::size_t k = 0; k < r.projects.size(); ++k)
    s += (k ? ", " : "") + r.projects[k] + fmt::format(" ({}→{})", r.start_years[k], r.opening_years[k]);
  return s;
}

// "a 2028 + b 2038": the projects with their start years.
std::string starts_text(const portfolio_result& r) {
  if (r.projects.empty()) return "(none)";
  std::string s;
  for (std::size_t k = 0; k < r.projects.size(); ++k)
    s += (k ? " + " : "") + r.projects[k] + " " + std::to_string(r.start_years[k]);
  return s;
}

void print(const optimization& o) {
  std::cout << fmt::format(
      "\n{} · seed {} · {} simulations ({} replications to verify, {} to screen) against {} to enumerate "
      "(2^{} portfolios × {} target year(s) × {}) · {} integer programs\n\n",
      o.programme_name, o.seed, o.simulations, o.replications, o.screen_replications,
      o.enumeration_simulations, o.evaluated.empty() ? 0 : o.evaluated.front().assignment.size(),
      o.target_years.size(), o.replications, o.integer_programs);
  if (o.budget_exhausted) std::cout << "  the budget ran out before the search finished\n\n";
  if (o.chosen) {
    const auto& c = *o.chosen;
    std::cout << fmt::format(
        "  chosen: {}\n  PV cost {} M$ · probability of correct selection {:.2f} (estimated)"
        " · gap {} M$\n\n",
        projects_text(c), musd(c.pv_cost_usd), o.probability_correct_selection, musd(o.gap_usd));
    text_table t({"Target", "year", "value (95 % CI)", "met?"});
    for (std::size_t k = 0; k < o.targets.size(); ++k)
      t.add_row({o.targets[k].metric, std::to_string(o.targets[k].year), value_text(c.targets[k]),
                 c.met[k] ? "yes" : "no"});
    std::cout << t.render();
    if (o.chosen_appraisal && !o.chosen_appraisal->cases.empty()) {
      const case_appraisal& x = o.chosen_appraisal->cases.back();
      std::cout << fmt::format(
          "\n  appraised ({} more simulations): NPV {} ± {} M$ · BCR {:.2f} ± {:.2f} · PV benefits {} M$\n",
          o.chosen_appraisal->simulations, musd(x.npv_usd.mean), musd(x.npv_usd.ci95), x.bcr.mean, x.bcr.ci95,
          musd(x.pv_benefits_usd.mean));
    }
  } else {
    std::cout
        << "  no portfolio evaluated meets every target; the Pareto front of cost against each target:\n\n";
  }
  std::vector<std::string> header{"Pareto front (start years)", "PV cost M$"};
  for (const auto& t : o.targets) header.push_back(t.metric + " " + std::to_string(t.year));
  header.push_back("all met?");
  text_table front(header);
  for (std::size_t i : o.pareto) {
    const auto& r = o.evaluated[i];
    std::vector<std::string> row{starts_text(r), musd(r.pv_cost_usd)};
    for (const auto& v : r.targets) row.push_back(value_text(v));
    row.push_back(r.feasible ? "yes" : "no");
    front.add_row(row);
  }
  std::cout << "\n" << front.render();
}

void execute(const optimize_args& a) {
  const programme p = load_programme(a.programme);
  optimize_options opt;
  opt.replications = a.replications;
  opt.screen_replications = std::min(a.screen_replications, a.replications);
  opt.threads = a.threads;
  opt.seed = a.seed;
  opt.budget = a.budget;
  opt.staging = !a.no_staging;
  opt.appraise_chosen = a.appraise;
  if (a.budget != 0 && a.budget < minimum_budget(p, opt)) {
    std::cerr << fmt::format(
        "corridor: --budget {}: too small for {}: screening every project alone and in pairs, then verifying "
        "one portfolio, needs at least {} simulations\n",
        a.budget, a.programme, minimum_budget(p, opt));
    throw exit_request{exit_code::usage};
  }
  std::optional<staged_folder> folder;
  if (!a.out.empty()) folder.emplace(a.out);
  progress_line progress("simulations");
  const std::size_t total = a.budget;
  opt.progress = [&](std::size_t done) { progress.update(done, std::max(total, done)); };
  const optimization r = optimize_programme(p, opt);
  progress.finish();
  print(r);
  if (!folder) return;
  write_optimization_outputs(folder->path(), r);
  folder->commit();
  std::cout << "\n  wrote " << a.out << "/ (optimization.json, pareto.csv, optimization.html"
            << (r.chosen_appraisal ? ", appraisal.json, appraisal.csv" : "") << ")\n";
}

}  // namespace

void add_optimize_command(CLI::App& app) {
  auto a = std::make_shared<optimize_args>();
  CLI::App* cmd = app.add_subcommand(
      "optimize",
      "The cheapest set and staging of a programme's projects that meets its targets, by simulation");
  cmd->add_option("programme", a->programme, "Programme YAML with targets (docs/planning.md)")->required();
  add_replications_option(cmd, a->replications, 2,
                          "Replications per state to verify a candidate (default 4, at least 2)");
  cmd->add_option("--screen-replications", a->screen_replications,
                  "Replications per state when screening projects alone and in pairs (default 2)")
      ->check(whole_in(2, max_replications));
  add_threads_option(cmd, a->threads);
  add_seed_option(cmd, a->seed, "Seed for every state (default: the base scenario's)");
  add_out_option(cmd, a->out, "Write optimization.json, pareto.csv and optimization.html here");
  cmd->add_option("--budget", a->budget, "Most simulations (model runs) to make (default: no limit)")
      ->check(whole_in(1, std::size_t{1} << 40));
  cmd->add_flag("--no-staging", a->no_staging,
                "Start every chosen project at its earliest_start (default: the latest start that opens it "
                "by the target year that needs it)");
  cmd->add_flag("--appraise", a->appraise,
                "Then appraise the chosen programme with its start years (its own simulations): NPV, BCR and "
                "benefits by year on the page, appraisal.json and appraisal.csv beside it");
  set_example(cmd, "corridor optimize tests/planning/fixtures/designed-programme.yaml -o out/optimize");
  cmd->callback([a] {
    require_file(a->programme);
    execute(*a);
  });
}

}  // namespace corridor::cli

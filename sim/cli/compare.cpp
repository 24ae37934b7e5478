// corridor compare BASE VARIANT: both scenarios with the same seeds (common random numbers), and per metric
// the paired difference with its 95 % interval and whether it is real.
#include <fmt/format.h>
#include <chrono>
#include <iostream>

#include "commands.hpp"
#include "corridor/io.hpp"
#include "corridor/study.hpp"
#include "corridor/text_table.hpp"
#include "progress.hpp"

namespace corridor::cli {
namespace {

struct compare_args {
  std::string base, variant, out;
  std::size_t replications = 10;
  std::size_t threads = 0;
  std::optional<std::uint64_t> seed;
  std::optional<double> warmup_days;
  bool report = false;
  bool all = false;
  bool allow_outside = false;
};

std::string signed_number(double v) {
  const int decimals = std::fabs(v) >= 100 ? 0 : std::fabs(v) >= 1 ? 2 : 4;
  return (v > 0 ? "+" : "") + human_number(v, decimals);
}

std::string plain_number(double v) {
  return human_number(v, std::fabs(v) >= 100 ? 0 : std::fabs(v) >= 1 ? 2 : 4);
}

void print_table(const comparison& r, bool all) {
  std::cout << fmt::format("\n{} → {} · seed {} · {} paired replications (common random numbers)\n\n",
                           r.base_name, r.variant_name, r.seed, r.replications);
  text_table t({"Metric", "base", "variant", "difference", "95 % CI (paired)", "real?"});
  std::size_t hidden = 0;
  for (const metric_difference& m : r.metrics) {
    const bool headline = m.name.rfind("metrics.", 0) == 0;
    if (!all && !headline && !m.significant) {
      ++hidden;
      continue;
    }
    if (!all && !headline && m.name.rfind("routes.", 0) == 0) {
      ++hidden;
      continue;
    }
    t.add_row({m.name.substr(headline ? 8 : 0), plain_number(m.base_mean), plain_number(m.variant_mean),
               signed_number(m.difference), "± " + plain_number(m.paired_half_width_95),
               m.significant ? "yes" : "no"});
  }
  std::cout << t.render();
  if (hidden > 0)
    std::cout << fmt::format("\n  ({} more metrics without a significant difference, or routes: --all)\n",
                             hidden);
  if (!r.only_in_base.empty() || !r.only_in_variant.empty()) {
    std::cout << fmt::format("  only in base: {} · only in variant: {}\n", r.only_in_base.size(),
                             r.only_in_variant.size());
  }
}

void execute(const compare_args& a) {
  const load_options load{.allow_outside = a.allow_outside};
  const prepared_scenario base(load_scenario(a.base, load));
  const prepared_scenario variant(load_scenario(a.variant, load));
  // Written into a temporary sibling of --out and swapped in whole (see run.cpp).
  std::optional<staged_folder> folder;
  if (!a.out.empty()) folder.emplace(a.out);
  progress_line progress("replications");
  replication_options opt;
  opt.threads = a.threads;
  opt.seed = a.seed;
  opt.warmup_days = a.warmup_days;
  opt.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  compare_result r = compare_scenarios(base, variant, a.replications, opt);
  progress.finish();
  print_table(r.summary, a.all);
  if (!folder) return;
  write_compare_outputs(folder->path(), r.summary);
  write_run_outputs(folder->path() / "base", r.base);
  write_run_outputs(folder->path() / "variant", r.variant);
  if (a.report) {
    report_input report;
    report.compare = std::move(r.summary);
    report.compared = report_input::sides{std::move(r.base), std::move(r.variant)};
    write_report_html(folder->path(), report);
  }
  folder->commit();
  std::cout << "\n  wrote " << a.out << "/ (compare.json, compare.csv, base/, variant/)\n";
  if (a.report) std::cout << "  report: " << (std::filesystem::path(a.out) / "report.html").string() << "\n";
}

}  // namespace

void add_compare_command(CLI::App& app) {
  auto a = std::make_shared<compare_args>();
  CLI::App* cmd = app.add_subcommand("compare", "Compare a variant with a base scenario, paired by seed");
  cmd->add_option("base", a->base, "Base scenario YAML")->required();
  cmd->add_option("variant", a->variant, "Variant scenario YAML")->required();
  add_replications_option(cmd, a->replications, 2, "Paired replications (default 10, at least 2)");
  add_threads_option(cmd, a->threads);
  add_seed_option(cmd, a->seed, "Seed for both sides (default: the base scenario's)");
  add_warmup_days_option(cmd, a->warmup_days, "Warm-up in days for both sides (default: each scenario's)");
  add_out_option(cmd, a->out, "Write compare.json, compare.csv and each side's outputs here");
  cmd->add_flag("--report", a->report, "Also write report.html into --out");
  add_allow_outside_flag(cmd, a->allow_outside);
  cmd->add_flag("--all", a->all, "List every metric, not only headline ones and significant differences");
  set_example(
      cmd,
      "corridor compare scenarios/baseline-2025.yaml scenarios/khorgos-expansion.yaml -r 6 -o out/khorgos");
  cmd->callback([a] {
    if (a->report && a->out.empty()) throw CLI::ValidationError("--report", "needs --out DIR");
    require_file(a->base);
    require_file(a->variant);
    execute(*a);
  });
}

}  // namespace corridor::cli

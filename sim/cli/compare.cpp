// corridor compare BASE VARIANT: both scenarios with the same seeds (common random numbers), and per metric
// the paired difference with its 95 % interval and whether it is real (the false discovery rate held across
// the metrics). corridor compare BASE V1 V2 ...: every variant against one base run, ranked by one metric.
#include <fmt/format.h>
#include <chrono>
#include <cmath>
#include <iostream>

#include "commands.hpp"
#include "corridor/io.hpp"
#include "corridor/study.hpp"
#include "corridor/text_table.hpp"
#include "progress.hpp"

namespace corridor::cli {
namespace {

struct compare_args {
  std::string base, out;
  std::vector<std::string> variants;
  std::string rank_by;
  bool higher_better = false, lower_better = false;
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

// A q-value to two significant digits; "<0.0001" below that.
std::string q_text(double q) {
  if (std::isnan(q)) return "";
  if (q < 1e-4) return "<0.0001";
  return fmt::format("{:.2g}", q);
}

void print_table(const comparison& r, bool all) {
  std::cout << fmt::format("\n{} → {} · seed {} · {} paired replications (common random numbers)\n\n",
                           r.base_name, r.variant_name, r.seed, r.replications);
  text_table t({"Metric", "base", "variant", "difference", "95 % CI (paired)", "q", "real?"});
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
               signed_number(m.difference), "± " + plain_number(m.paired_half_width_95), q_text(m.q_value),
               m.significant ? "yes" : "no"});
  }
  std::cout << t.render();
  std::cout << "\n  real? " << significance_note(r) << "\n";
  if (hidden > 0)
    std::cout << fmt::format("\n  ({} more metrics without a significant difference, or routes: --all)\n",
                             hidden);
  if (!r.only_in_base.empty() || !r.only_in_variant.empty()) {
    std::cout << fmt::format("  only in base: {} · only in variant: {}\n", r.only_in_base.size(),
                             r.only_in_variant.size());
  }
}

void print_ranking(const ranking& r) {
  std::cout << fmt::format(
      "\n{} variants against {} · ranked by {} ({} is better) · seed {} · {} paired "
      "replications (common random numbers)\n\n",
      r.rows.size(), r.base_name, r.metric, r.higher_is_better ? "higher" : "lower", r.seed, r.replications);
  text_table t(
      {"Rank", "Variant", "base", "variant", "difference", "95 % CI (paired)", "q", "real?", "discoveries"});
  for (const auto& v : r.rows) {
    const metric_difference& m = v.metric;
    t.add_row({std::to_string(v.rank), v.variant, plain_number(m.base_mean), plain_number(m.variant_mean),
               signed_number(m.difference), "± " + plain_number(m.paired_half_width_95), q_text(v.q_value),
               v.significant ? "yes" : "no", std::to_string(v.discoveries)});
  }
  std::cout << t.render();
  std::cout << fmt::format(
      "\n  real? the difference from the base is a discovery at a false discovery rate of {:g} % across the "
      "{} "
      "variants (Benjamini-Hochberg on paired t-test p-values); discoveries: metrics significant in each "
      "variant's own comparison (FDR across its metrics)\n",
      r.fdr * 100, r.rows.size());
}

// Several variants: the base runs once, every variant is paired with it, one table ranks them.
void execute_many(const compare_args& a) {
  const load_options load{.allow_outside = a.allow_outside};
  const prepared_scenario base(load_scenario(a.base, load));
  std::vector<prepared_scenario> variants;
  variants.reserve(a.variants.size());
  for (const auto& v : a.variants) variants.emplace_back(load_scenario(v, load));
  std::vector<const prepared_scenario*> pointers;
  for (const auto& v : variants) pointers.push_back(&v);
  // Written into a temporary sibling of --out and swapped in whole (see run.cpp).
  std::optional<staged_folder> folder;
  if (!a.out.empty()) folder.emplace(a.out);
  progress_line progress("replications");
  replication_options opt;
  opt.threads = a.threads;
  opt.seed = a.seed;
  opt.warmup_days = a.warmup_days;
  opt.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  std::optional<bool> higher;
  if (a.higher_better || a.lower_better) higher = a.higher_better;
  multi_compare_result r =
      compare_variants(base, pointers, a.replications, opt,
                       a.rank_by.empty() ? "metrics.throughput_teu_per_day" : a.rank_by, higher);
  progress.finish();
  print_ranking(*r.ranked);
  if (!folder) return;
  const std::filesystem::path& out = folder->path();
  write_ranking_outputs(out, *r.ranked);
  write_run_outputs(out / "base", r.base);
  for (std::size_t k = 0; k < r.comparisons.size(); ++k) {
    const auto dir = out / "variants" / std::to_string(k + 1);
    write_compare_outputs(dir, r.comparisons[k].summary);
    write_run_outputs(dir / "variant", r.comparisons[k].variant);
  }
  if (a.report) {
    const std::size_t best = r.ranked->rows.front().index;
    report_input report;
    report.compare = r.comparisons[best].summary;
    report.compared = report_input::sides{r.base, r.comparisons[best].variant};
    report.ranked = std::move(r.ranked);
    write_report_html(out, report);
  }
  folder->commit();
  std::cout
      << "\n  wrote " << a.out
      << "/ (ranking.json, ranking.csv, base/, variants/N/ with compare.json, compare.csv, variant/ for "
         "the N-th variant given)\n";
  if (a.report) std::cout << "  report: " << (std::filesystem::path(a.out) / "report.html").string() << "\n";
}

void execute(const compare_args& a) {
  if (a.variants.size() > 1 || !a.rank_by.empty()) {
    execute_many(a);
    return;
  }
  const load_options load{.allow_outside = a.allow_outside};
  const prepared_scenario base(load_scenario(a.base, load));
  const prepared_scenario variant(load_scenario(a.variants.front(), load));
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
  CLI::App* cmd =
      app.add_subcommand("compare", "Compare variants with a base scenario, paired by seed; rank several");
  cmd->add_option("base", a->base, "Base scenario YAML")->required();
  cmd->add_option("variant", a->variants, "Variant scenario YAML; several are ranked against the base")
      ->required();
  add_replications_option(cmd, a->replications, 2, "Paired replications (default 10, at least 2)");
  add_threads_option(cmd, a->threads);
  add_seed_option(cmd, a->seed, "Seed for both sides (default: the base scenario's)");
  add_warmup_days_option(cmd, a->warmup_days, "Warm-up in days for both sides (default: each scenario's)");
  add_out_option(cmd, a->out, "Write compare.json, compare.csv and each side's outputs here");
  cmd->add_option("--rank-by", a->rank_by,
                  "Rank the variants by this metric's difference from the base (a flattened name; default "
                  "metrics.throughput_teu_per_day)");
  auto* higher = cmd->add_flag("--higher-is-better", a->higher_better,
                               "For --rank-by: larger is better (default: guessed from the name, lower for "
                               "costs, times, waits and queues)");
  cmd->add_flag("--lower-is-better", a->lower_better, "For --rank-by: smaller is better")->excludes(higher);
  cmd->add_flag("--report", a->report, "Also write report.html into --out");
  add_allow_outside_flag(cmd, a->allow_outside);
  cmd->add_flag("--all", a->all, "List every metric, not only headline ones and significant differences");
  set_example(
      cmd,
      "corridor compare scenarios/baseline-2025.yaml scenarios/khorgos-expansion.yaml -r 6 -o out/khorgos\n"
      "  corridor compare scenarios/baseline-2025.yaml scenarios/khorgos-expansion.yaml "
      "scenarios/dostyk-moyinty-double-track.yaml --rank-by transit_days_mean -r 4 -o out/ranked");
  cmd->callback([a] {
    if (a->report && a->out.empty()) throw CLI::ValidationError("--report", "needs --out DIR");
    require_file(a->base);
    for (const auto& v : a->variants) require_file(v);
    execute(*a);
  });
}

}  // namespace corridor::cli

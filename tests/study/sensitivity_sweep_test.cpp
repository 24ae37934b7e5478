#include <gtest/gtest.h>

#include "corridor/sweep_io.hpp"
#include "sweep_test_support.hpp"

namespace corridor {
namespace {

std::filesystem::path run_toy(const std::string& name, const std::string& design) {
  const auto dir =
      testing::planned(name,
                       "base: b\nparameters:\n"
                       "  dostyk: {path: nodes.dostyk.tracks, range: {from: 1, to: 4}, integer: true}\n"
                       "  demand: {path: flows.*.teu_per_week, op: scale, range: {from: 0.9, to: 1.1}}\n"
                       "  ferry: {path: ferries.aktau-alat.capacity_teu, range: {from: 100, to: 500}}\n"
                       "design: " +
                           design + "\nreplications: 2\n");
  sweep_folder folder(dir);
  sweep_run_options opt;
  opt.threads = 2;
  run_sweep(folder.plan(), folder, opt, testing::toy_evaluator());
  write_sensitivity(dir, analyze_sweep(folder.plan(), tabulate_sweep(folder.plan(), folder)));
  return dir;
}

TEST(sweep_analyze, sobol_indices_rank_the_parameter_the_metric_depends_on) {
  const auto dir = run_toy("saltelli", "{type: saltelli, n: 64}");
  const auto csv = read_file(dir / "sensitivity.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "metric,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi");
  // throughput = 10 dostyk + demand/7 + noise shared by all points: dostyk explains nearly everything, the
  // ferry nothing.
  const auto row = [&](const std::string& prefix) {
    const auto at = csv.find(prefix);
    EXPECT_NE(at, std::string::npos) << prefix;
    return csv.substr(at + prefix.size(), csv.find('\n', at) - at - prefix.size());
  };
  EXPECT_GT(std::stod(row("metrics.throughput_teu_per_day,dostyk,")), 0.9);
  EXPECT_EQ(row("metrics.throughput_teu_per_day,ferry,"), "0,0,0,0,0,0");
}

TEST(sweep_analyze, html_is_self_contained_with_one_chart_per_metric) {
  const auto dir = run_toy("morris", "{type: morris, trajectories: 6, levels: 4}");
  const auto html = read_file(dir / "sensitivity.html");
  std::size_t charts = 0;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++charts;
  EXPECT_EQ(charts, 2u);  // the two headline metrics of the toy
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  const auto csv = read_file(dir / "sensitivity.csv");
  EXPECT_NE(csv.find("metrics.throughput_teu_per_day,ferry,0,0,0,6\n"), std::string::npos) << csv;
}

TEST(sweep_analyze, refuses_a_grid) {
  const auto plan = plan_sweep(
      parse_sweep("base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1, 2]}\n", "t", "."),
      testing::toy_base);
  EXPECT_THROW(analyze_sweep(plan, sweep_table{}), sweep_error);
}

}  // namespace
}  // namespace corridor

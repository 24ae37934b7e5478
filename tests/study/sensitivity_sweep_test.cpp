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
  EXPECT_NE(csv.find("metrics.throughput_teu_per_day,ferry,0,0,0,6,0,0\n"), std::string::npos) << csv;
}

TEST(sweep_analyze, warns_when_the_sample_is_too_small) {
  const auto dir =
      testing::planned("small-saltelli",
                       "base: b\nparameters:\n"
                       "  dostyk: {path: nodes.dostyk.tracks, range: {from: 1, to: 4}, integer: true}\n"
                       "  demand: {path: flows.*.teu_per_week, op: scale, range: {from: 0.9, to: 1.1}}\n"
                       "design: {type: saltelli, n: 8}\n");
  sweep_folder folder(dir);
  run_sweep(folder.plan(), folder, {}, testing::toy_evaluator());
  const auto t = analyze_sweep(folder.plan(), tabulate_sweep(folder.plan(), folder));
  ASSERT_FALSE(t.warnings.empty());
  EXPECT_NE(t.warnings[0].find("8 base samples are too few"), std::string::npos) << t.warnings[0];
  write_sensitivity(dir, t);
  EXPECT_NE(read_file(dir / "sensitivity.html").find("Warning:"), std::string::npos);
}

TEST(sweep_analyze, gives_a_grid_main_effects_and_interactions) {
  const auto dir = testing::planned(
      "grid",
      "base: b\nparameters:\n  dostyk: {path: nodes.dostyk.tracks, values: [1, 2, 3]}\n"
      "  ferry: {path: ferries.aktau-alat.capacity_teu, values: [100, 500]}\nreplications: 2\n");
  sweep_folder folder(dir);
  run_sweep(folder.plan(), folder, {}, testing::toy_evaluator());
  const auto t = analyze_sweep(folder.plan(), tabulate_sweep(folder.plan(), folder));
  ASSERT_TRUE(t.grid);
  const auto& teu = t.metrics.at(0);
  EXPECT_EQ(teu.metric, "metrics.throughput_teu_per_day");
  EXPECT_TRUE(teu.grid.full_factorial);
  // The toy's throughput is 10 dostyk + ...: dostyk explains it, the ferry nothing, and nothing interacts.
  EXPECT_GT(teu.grid.main[0].eta_squared, 0.95);
  EXPECT_LT(teu.grid.main[1].eta_squared, 0.01);
  EXPECT_LT(teu.grid.interactions.at(0).eta_squared, 0.01);
  EXPECT_EQ(teu.grid.main[0].levels, (std::vector<double>{1, 2, 3}));
  write_sensitivity(dir, t);
  const auto csv = read_file(dir / "sensitivity.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "metric,term,parameter,other_parameter,eta_squared,range");
  EXPECT_NE(csv.find("metrics.throughput_teu_per_day,interaction,dostyk,ferry,"), std::string::npos) << csv;
  const auto main = read_file(dir / "main_effects.csv");
  EXPECT_NE(main.find("metrics.throughput_teu_per_day,dostyk,3,"), std::string::npos) << main;
}

TEST(sweep_analyze, refuses_an_lhs_design) {
  const auto plan = plan_sweep(
      parse_sweep(
          "base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, range: {from: 1, to: 3}, integer: true}\n"
          "design: {type: lhs, n: 4}\n",
          "t", "."),
      testing::toy_base);
  EXPECT_THROW(analyze_sweep(plan, sweep_table{}), sweep_error);
}

}  // namespace
}  // namespace corridor

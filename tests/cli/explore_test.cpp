// What a planner asks before and across runs, end to end: `corridor diff` (what a variant changes, by
// parameter path), `corridor map` (the network, nothing run) and `corridor compare BASE V1 V2 ...` (variants
// ranked against one base with common random numbers).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_support.hpp"

namespace corridor::testing {
namespace {

namespace fs = std::filesystem;

// A folder with the toy scenario and two variants of it: one adds tracks at Dostyk, one adds demand.
fs::path toy_variants(const std::string& name) {
  const fs::path d = fs::path(CORRIDOR_BINARY_DIR) / "test-output" / name;
  fs::remove_all(d);
  fs::create_directories(d);
  fs::copy_file(fs::path(CORRIDOR_SOURCE_DIR) / "scenarios" / "two-terminals.yaml", d / "base.yaml");
  std::ofstream(d / "tracks.yaml")
      << "extends: base.yaml\nname: more-tracks\nnodes:\n  dostyk: {tracks: 4}\n";
  std::ofstream(d / "demand.yaml")
      << "extends: base.yaml\nname: more-demand\nflows:\n  xian-lodz: {teu_per_week: 600}\n";
  return d;
}

std::string file(const fs::path& dir, const char* name) {
  return (dir / name).string();
}

TEST(cli_diff, lists_what_a_variant_changes_by_parameter_path_after_overlays) {
  const fs::path d = toy_variants("diff");
  const outcome o = corridor("diff " + file(d, "base.yaml") + " " + file(d, "tracks.yaml"));
  ASSERT_EQ(o.exit_code, 0) << o.output;
  EXPECT_NE(o.output.find("2 differences"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("nodes.dostyk.tracks"), std::string::npos) << o.output;
  // Everything the overlay inherits is the same on both sides, so it is not listed.
  EXPECT_EQ(o.output.find("xian-lodz"), std::string::npos) << o.output;

  const outcome csv = corridor("diff --csv " + file(d, "tracks.yaml") + " " + file(d, "demand.yaml"));
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_NE(csv.output.find("\nnodes.dostyk.tracks,4,2\n"), std::string::npos) << csv.output;
  EXPECT_NE(csv.output.find("\nflows.xian-lodz.teu_per_week,400,600\n"), std::string::npos) << csv.output;
  EXPECT_NE(csv.output.find("\nname,more-tracks,more-demand\n"), std::string::npos) << csv.output;

  const outcome same = corridor("diff " + file(d, "base.yaml") + " " + file(d, "base.yaml"));
  ASSERT_EQ(same.exit_code, 0) << same.output;
  EXPECT_NE(same.output.find("0 differences"), std::string::npos) << same.output;
}

TEST(cli_diff, a_broken_scenario_exits_2_naming_its_file) {
  const fs::path d = toy_variants("diff-broken");
  std::ofstream(d / "broken.yaml") << "extends: base.yaml\nname: broken\nnodes:\n  dostyk: {tracks: -3}\n";
  const outcome o = corridor("diff " + file(d, "base.yaml") + " " + file(d, "broken.yaml"));
  EXPECT_EQ(o.exit_code, 2) << o.output;
  EXPECT_NE(o.output.find("broken.yaml"), std::string::npos) << o.output;
}

TEST(cli_map, draws_every_node_and_edge_of_the_scenario_without_running_it) {
  const fs::path d = toy_variants("map");
  const outcome o = corridor("map " + file(d, "tracks.yaml") + " -o " + file(d, "map.html"));
  ASSERT_EQ(o.exit_code, 0) << o.output;
  EXPECT_NE(o.output.find("3 nodes, 2 edges"), std::string::npos) << o.output;
  const std::string html = slurp(d / "map.html");
  EXPECT_NE(html.find("Corridor map \xe2\x80\x94 more-tracks"), std::string::npos);
  for (const char* id : {"\"xian\"", "\"dostyk\"", "\"lodz\"", "\"xian-dostyk\"", "\"dostyk-lodz\""}) {
    EXPECT_NE(html.find(id), std::string::npos) << id;
  }
  EXPECT_EQ(html.find("src=\"http"), std::string::npos) << "self-contained";
  EXPECT_FALSE(fs::exists(d / "summary.json")) << "nothing is run";
}

TEST(cli_compare_many, ranks_variants_against_one_base_and_writes_each_comparison) {
  const fs::path d = toy_variants("compare-many");
  const fs::path out = d / "out";
  const outcome o = corridor(
      "compare " + file(d, "base.yaml") + " " + file(d, "tracks.yaml") + " " + file(d, "demand.yaml") +
      " -r 3 -q --rank-by metrics.throughput_teu_per_day -o " + out.string() + " --report");
  ASSERT_EQ(o.exit_code, 0) << o.output;
  EXPECT_NE(o.output.find("2 variants against two-terminals"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("false discovery rate"), std::string::npos) << o.output;
  const auto r = nlohmann::json::parse(slurp(out / "ranking.json"));
  EXPECT_EQ(r["metric"], "metrics.throughput_teu_per_day");
  EXPECT_EQ(r["higher_is_better"], true);
  ASSERT_EQ(r["rows"].size(), 2u);
  // 50 % more demand carries more TEU; more tracks on an uncongested crossing change nothing, exactly (the
  // same random numbers on both sides).
  EXPECT_EQ(r["rows"][0]["variant"], "more-demand");
  EXPECT_EQ(r["rows"][0]["significant"], true);
  EXPECT_GT(static_cast<double>(r["rows"][0]["diff"]), 0.0);
  EXPECT_EQ(r["rows"][1]["variant"], "more-tracks");
  EXPECT_EQ(static_cast<double>(r["rows"][1]["diff"]), 0.0);
  EXPECT_EQ(r["rows"][1]["significant"], false);
  // Each variant's own comparison against the same base run.
  const auto tracks = nlohmann::json::parse(slurp(out / "variants" / "1" / "compare.json"));
  const auto demand = nlohmann::json::parse(slurp(out / "variants" / "2" / "compare.json"));
  EXPECT_EQ(tracks["variant"], "more-tracks");
  EXPECT_EQ(demand["variant"], "more-demand");
  EXPECT_EQ(tracks["rows"][0]["base"], demand["rows"][0]["base"]);
  EXPECT_TRUE(fs::exists(out / "base" / "summary.json"));
  EXPECT_TRUE(fs::exists(out / "variants" / "2" / "variant" / "metrics.csv"));
  const std::string csv = slurp(out / "ranking.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "rank,variant,metric,base,value,diff,half_width_95,p_value,q_value,significant,discoveries");
  EXPECT_NE(slurp(out / "report.html").find("\"ranking\":{"), std::string::npos);
}

TEST(cli_compare_many, lower_is_better_for_a_time_and_the_flag_overrides_the_guess) {
  const fs::path d = toy_variants("compare-many-lower");
  const fs::path out = d / "out";
  const std::string both = file(d, "base.yaml") + " " + file(d, "tracks.yaml") + " " + file(d, "demand.yaml");
  ASSERT_EQ(corridor("compare " + both + " -r 3 -q --rank-by transit_days_mean -o " + out.string()).exit_code,
            0);
  auto r = nlohmann::json::parse(slurp(out / "ranking.json"));
  EXPECT_EQ(r["metric"], "metrics.transit_days_mean");  // "metrics." may be left out
  EXPECT_EQ(r["higher_is_better"], false);
  ASSERT_EQ(corridor("compare " + both + " -r 3 -q --rank-by transit_days_mean --higher-is-better -o " +
                     out.string())
                .exit_code,
            0);
  r = nlohmann::json::parse(slurp(out / "ranking.json"));
  EXPECT_EQ(r["higher_is_better"], true);
  EXPECT_GE(static_cast<double>(r["rows"][0]["diff"]), static_cast<double>(r["rows"][1]["diff"]));
}

TEST(cli_compare_many, an_unknown_metric_to_rank_by_is_an_error_naming_it) {
  const fs::path d = toy_variants("compare-many-unknown");
  const outcome o = corridor("compare " + file(d, "base.yaml") + " " + file(d, "tracks.yaml") + " " +
                             file(d, "demand.yaml") + " -r 2 -q --rank-by no_such_metric");
  EXPECT_EQ(o.exit_code, 1) << o.output;
  EXPECT_NE(o.output.find("no metric 'no_such_metric'"), std::string::npos) << o.output;
  EXPECT_EQ(o.output.back(), '\n');
}

}  // namespace
}  // namespace corridor::testing

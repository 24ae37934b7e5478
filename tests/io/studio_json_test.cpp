// The studio's JSON: the scenario in its file's keys, a run as the page draws it, and overlays that survive
// the trip JSON -> YAML -> JSON unchanged (what the page edits is what `corridor run` reads).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "corridor/io.hpp"
#include "corridor/studio_json.hpp"
#include "io_fixtures.hpp"

namespace corridor {
namespace {

using nlohmann::json;

TEST(scenario_json, has_the_file_keys_with_numbers_as_numbers_and_ids_as_keys) {
  const scenario s = load_scenario_text(R"(
name: tiny
seed: 9007199254740993
description: "yes: a description that needs quotes"
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 100000}}
nodes:
  xian: {kind: terminal, country: CN, lat: 34.34, lon: 108.94, subsidy_usd_per_teu: 300}
  dostyk: {kind: crossing, country: KZ, lat: 45.25, lon: 82.48, tracks: 2, daily_cap_trains: 20}
  lodz: {kind: terminal, country: PL, lat: 51.76, lon: 19.46}
edges:
  xian-dostyk: {from: xian, to: dostyk, distance_km: 2900, gauge_mm: 1435}
  dostyk-lodz: {from: dostyk, to: lodz, distance_km: 6000, gauge_mm: 1520, slots_per_day: 30}
flows:
  xian-lodz: {from: xian, to: lodz, cargo_class: general, teu_per_week: 400}
)",
                                        "tiny.yaml");
  const json j = json::parse(scenario_json(s));
  EXPECT_EQ(j["name"], "tiny");
  EXPECT_EQ(j["seed"].get<std::uint64_t>(), 9007199254740993u);  // 2^53 + 1: exact, not a double
  EXPECT_EQ(j["description"], "yes: a description that needs quotes");
  EXPECT_EQ(j["nodes"]["dostyk"]["tracks"], 2);
  EXPECT_EQ(j["nodes"]["dostyk"]["daily_cap_trains"], 20);
  EXPECT_EQ(j["nodes"]["dostyk"]["kind"], "crossing");
  EXPECT_EQ(j["nodes"]["xian"]["subsidy_usd_per_teu"], 300);
  EXPECT_DOUBLE_EQ(j["nodes"]["lodz"]["lat"].get<double>(), 51.76);
  EXPECT_EQ(j["edges"]["dostyk-lodz"]["slots_per_day"], 30);
  EXPECT_EQ(j["edges"]["dostyk-lodz"]["bidirectional"], true);
  EXPECT_EQ(j["cargo_classes"]["general"]["goods_value_usd_per_teu"], 100000);  // "1e+05" in YAML
  EXPECT_EQ(j["regions"]["china"], json::array({"CN"}));
  EXPECT_EQ(j["flows"]["xian-lodz"]["teu_per_week"], 400);
}

TEST(overlay_yaml, round_trips_through_json_and_quotes_what_yaml_would_misread) {
  const nlohmann::ordered_json overlay = {
      {"extends", "baseline-2025.yaml"},
      {"nodes", {{"khorgos", {{"tracks", 6}, {"customs_dwell_h", {{"dist", "lognormal"}, {"mean", 4}}}}}}},
      {"disruptions", {{"studio-close-1", {{"target", "khorgos"}, {"from_day", 254.5}, {"to_day", 268}}}}},
      {"flows", {{"a", {{"seasonality", {1, 1.5, 1e5}}, {"cargo_class", "yes"}, {"name", "two words"}}}}},
      {"scale_demand", 1.25},
      {"description", "1.5"}};
  const std::string yaml = overlay_yaml(overlay.dump(), "made by the studio\nsecond line");
  EXPECT_EQ(yaml.rfind("# made by the studio\n# second line\nextends: baseline-2025.yaml\n", 0), 0u) << yaml;
  EXPECT_NE(yaml.find("nodes:\n  khorgos:\n    tracks: 6\n    customs_dwell_h: {dist: lognormal, mean: 4}\n"),
            std::string::npos)
      << yaml;
  EXPECT_NE(yaml.find("  studio-close-1: {target: khorgos, from_day: 254.5, to_day: 268}\n"),
            std::string::npos)
      << yaml;
  EXPECT_NE(yaml.find("cargo_class: \"yes\""), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("description: \"1.5\""), std::string::npos) << yaml;
  EXPECT_EQ(nlohmann::ordered_json::parse(overlay_json(yaml)), overlay) << yaml;
}

TEST(overlay_yaml, refuses_what_is_not_a_json_object) {
  EXPECT_THROW(overlay_yaml("[1, 2]"), io_error);
  EXPECT_THROW(overlay_yaml("{\"nodes\": "), io_error);
  EXPECT_THROW(overlay_json("- a\n- b\n"), io_error);
  EXPECT_THROW(overlay_json("nodes: {a: [1, 2}\n"), io_error);
}

TEST(studio_run_json, holds_the_summary_the_map_and_each_queue_by_day) {
  const run_summary s = test::summary_of(test::sample_runs(2, 30));
  const json j = json::parse(studio_run_json(s));
  EXPECT_EQ(j["summary"], json::parse(summary_json(s)));
  EXPECT_EQ(j["flows"], json::parse(flows_geojson(s)));
  ASSERT_EQ(j["daily"]["day"].size(), s.daily.size());
  ASSERT_FALSE(s.queues.empty());
  const auto& first = j["daily"]["queues"][s.queues[0].id];
  ASSERT_EQ(first["mean_queue_trains"].size(), s.daily.size());
  EXPECT_DOUBLE_EQ(first["mean_queue_trains"][3].get<double>(), s.daily[3].mean_queue_trains[0]);
  EXPECT_DOUBLE_EQ(first["queue_trains"][5].get<double>(), s.daily[5].queue_trains[0]);
}

TEST(studio_run_json, holds_each_resource_ports_series_by_day) {
  const run_summary plain = test::summary_of(test::sample_runs(1, 5));
  EXPECT_FALSE(json::parse(studio_run_json(plain))["daily"].contains("ports"));
  const run_summary s = test::summary_of(test::with_ports(test::sample_runs(2, 5)));
  const json j = json::parse(studio_run_json(s));
  const auto& aktau = j["daily"]["ports"]["aktau"];
  for (const auto& series : daily_port_fields) ASSERT_EQ(aktau[series.field].size(), s.daily.size());
  EXPECT_DOUBLE_EQ(aktau["yard_teu"][2].get<double>(), 132.5);  // day 32, replications 0 and 1
  EXPECT_DOUBLE_EQ(aktau["utilization"][0].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ(j["daily"]["ports"]["baku"]["ships_at_berth"][0].get<double>(), 1.0);  // day 30: even
}

TEST(studio_comparison_json, is_compare_json_compact) {
  const comparison c = test::sample_compare();
  EXPECT_EQ(json::parse(studio_comparison_json(c)), json::parse(compare_json(c)));
}

}  // namespace
}  // namespace corridor

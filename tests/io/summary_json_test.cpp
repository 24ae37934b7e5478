#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "corridor/io.hpp"
#include "io_fixtures.hpp"

namespace corridor {
namespace {

using nlohmann::json;

TEST(summary_json, has_every_required_section_and_headline_metric) {
  const auto j = json::parse(summary_json(test::summary_of(test::sample_runs(3))));
  for (const char* key : {"scenario", "run", "metrics", "ci95", "cost_breakdown", "throughput_by_direction",
                          "crossings", "ferries", "routes", "edges", "goods", "empty_trains_moved"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  for (const char* name :
       {"throughput_teu_per_day", "throughput_trains_per_day", "cost_usd_per_teu", "transit_days_mean",
        "transit_days_p50", "transit_days_p95", "share_central_asia_trains", "share_central_asia_teu",
        "containers_entered", "containers_delivered", "containers_in_system"}) {
    EXPECT_TRUE(j["metrics"][name].is_number()) << name;
    EXPECT_TRUE(j["ci95"][name].is_number()) << name;
  }
  EXPECT_EQ(j["scenario"]["name"], "io-fixture");
  EXPECT_EQ(j["run"]["seed"], 42);
  EXPECT_EQ(j["run"]["events"], 3 * 100000 + 17 * 3);
  EXPECT_EQ(j["ferries"]["aktau-baku"]["sailings"], 26);
  EXPECT_FALSE(j["crossings"]["dostyk"].contains("sailings"));
  EXPECT_EQ(j["crossings"].size(), 4u);
  EXPECT_EQ(j["routes"].size(), 4u);
  EXPECT_EQ(j["routes"][1]["via_central_asia"], false);
  EXPECT_EQ(j["edges"].size(), test::sample_scenario().edges.size());
}

TEST(summary_json, reports_means_and_student_t_half_widths_over_replications) {
  const auto runs = test::sample_runs(3);
  const auto j = json::parse(summary_json(test::summary_of(runs)));
  const double mean = (420.5 * 1.00 + 420.5 * 1.01 + 420.5 * 1.02) / 3;
  EXPECT_NEAR(j["metrics"]["throughput_teu_per_day"].get<double>(), mean, 1e-9);
  // sd of 420.5 * {1, 1.01, 1.02} is 4.205; t(0.975, 2) = 4.302653
  EXPECT_NEAR(j["ci95"]["throughput_teu_per_day"].get<double>(), 4.302653 * 4.205 / std::sqrt(3.0), 1e-3);
  EXPECT_NEAR(j["cost_breakdown"]["subsidy"].get<double>(), -300 * 1.01, 1e-9);
  EXPECT_NEAR(j["cost_breakdown"]["out_of_pocket"].get<double>(), (3100 + 420 + 380 + 150 - 300) * 1.01,
              1e-9);
  EXPECT_NEAR(j["ferries"]["aktau-baku"]["cancelled_sailings"].get<double>(), (2 + 3 + 2) / 3.0, 1e-12);
}

TEST(summary_json, writes_zero_half_widths_for_a_single_run) {
  const auto j = json::parse(summary_json(test::summary_of(test::sample_runs(1))));
  for (const auto& [name, hw] : j["ci95"].items()) EXPECT_EQ(hw.get<double>(), 0.0) << name;
}

TEST(summary_json, is_byte_identical_for_equal_input) {
  const auto a = summary_json(test::summary_of(test::sample_runs(4)));
  const auto b = summary_json(test::summary_of(test::sample_runs(4)));
  EXPECT_EQ(a, b);
}

TEST(summary_json, zeroes_wall_clock_and_leaves_out_threads_of_a_reproducible_summary_so_reruns_match) {
  auto a = test::summary_of(test::sample_runs(2)), b = a;
  a.wall_seconds.reset(), b.wall_seconds.reset();
  a.threads = 1, b.threads = 8;
  const auto text = summary_json(a);
  EXPECT_EQ(text, summary_json(b));
  const auto j = json::parse(text);
  EXPECT_EQ(j["run"]["wall_seconds"], 0);
  EXPECT_FALSE(j["run"].contains("threads"));
  a.wall_seconds = 1.5;
  EXPECT_EQ(json::parse(summary_json(a))["run"]["wall_seconds"], 1.5);
  EXPECT_EQ(json::parse(summary_json(a))["run"]["threads"], 1);
}

TEST(summary_json, writes_null_for_non_finite_numbers) {
  auto runs = test::sample_runs(1);
  runs[0].transit_days_p95 = std::numeric_limits<double>::quiet_NaN();
  runs[0].cost.ferry = std::numeric_limits<double>::infinity();
  const auto text = summary_json(test::summary_of(runs));
  EXPECT_EQ(text.find("NaN"), std::string::npos);
  EXPECT_EQ(text.find("inf"), std::string::npos);
  const auto j = json::parse(text);
  EXPECT_TRUE(j["metrics"]["transit_days_p95"].is_null());
  EXPECT_TRUE(j["cost_breakdown"]["ferry"].is_null());
}

TEST(summary_json, prints_numbers_shortest_round_trip) {
  auto runs = test::sample_runs(1);
  runs[0].share_via_teu = 0.1;
  const auto text = summary_json(test::summary_of(runs));
  EXPECT_NE(text.find("\"share_central_asia_teu\": 0.1,"), std::string::npos);
}

TEST(summary_json, matches_entities_by_key_when_a_replication_lacks_one) {
  auto runs = test::sample_runs(2);
  runs[1].goods.pop_back();  // machinery missing from the second run counts as zero there
  const auto j = json::parse(summary_json(test::summary_of(runs)));
  ASSERT_EQ(j["goods"].size(), 2u);
  EXPECT_EQ(j["goods"][1]["cargo_class"], "machinery");
  EXPECT_NEAR(j["goods"][1]["teu"].get<double>(), 20000 / 2.0, 1e-9);
}

TEST(summary_json, states_the_warm_up_and_takes_the_direction_split_from_the_headline_metrics) {
  const auto s = test::summary_of(test::sample_runs(3));
  const auto j = json::parse(summary_json(s));
  EXPECT_EQ(j["run"]["warmup_days"], 30);
  // The same number as metrics.throughput_teu_per_day_westbound, to the last digit: one mean per quantity.
  EXPECT_EQ(j["throughput_by_direction"]["westbound"]["teu_per_day"].get<double>(),
            j["metrics"]["throughput_teu_per_day_westbound"].get<double>());
}

TEST(run_json, records_provenance_and_hashes_the_scenario_file) {
  provenance p;
  p.git_commit = "abc123", p.command_line = {"corridor", "run", "x.yaml"}, p.seed = 7,
  p.scenario_file = "x.yaml";
  p.scenario_hash = fnv1a_hex("a"), p.wall_seconds = 3, p.include_wall_clock = false;
  const auto j = json::parse(run_json(p));
  EXPECT_EQ(j["git_commit"], "abc123");
  EXPECT_EQ(j["command_line"][1], "run");
  EXPECT_EQ(j["scenario_hash_fnv1a64"], "af63dc4c8601ec8c");
  EXPECT_EQ(j["wall_seconds"], 0);
  EXPECT_EQ(fnv1a_hex(""), "cbf29ce484222325");
}

TEST(compare_outputs, list_every_row_in_json_and_csv) {
  const auto t = test::sample_compare();
  const auto j = json::parse(compare_json(t));
  EXPECT_EQ(j["variant"], "io-fixture-khorgos-expanded");
  ASSERT_EQ(j["rows"].size(), t.metrics.size());
  EXPECT_EQ(j["rows"][1]["significant"], false);
  EXPECT_EQ(j["rows"][1]["diff"], -40);
  const auto csv = compare_csv(t);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "metric,base,variant,diff,half_width_95,significant,unpaired_half_width_95,p_value,q_value,"
            "interval_excludes_zero");
  EXPECT_NE(csv.find("\nmetrics.cost_usd_per_teu,4100,4060,-40,55,false,130,"), std::string::npos) << csv;
}

}  // namespace
}  // namespace corridor

// A scenario whose report measures the share through another region than the default central_asia
// (tests/scenario/fixtures/share-caucasus.yaml, which has a central_asia region too): every name the outputs
// give the share is the Caucasus's, in the flattened metrics, summary.json, every CSV, the report page and
// the studio's JSON, and a folder read back knows it again.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "corridor/io.hpp"
#include "corridor/studio_json.hpp"
#include "corridor/study.hpp"

namespace corridor {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path fixture =
    fs::path(CORRIDOR_SOURCE_DIR) / "tests" / "scenario" / "fixtures" / "share-caucasus.yaml";

struct caucasus_run {
  scenario spec = load_scenario(fixture);
  std::vector<run_result> runs = run_replications(prepared_scenario(spec), 2);
  run_summary summary = summarize(spec, runs, spec.warmup_days);
};

const caucasus_run& caucasus() {
  static const caucasus_run r;
  return r;
}

TEST(share_region, names_the_headline_share_metrics_after_the_reports_region) {
  const run_result& r = caucasus().runs.front();
  EXPECT_EQ(r.regions, (share_regions{"caucasus", false, "caucasus"}));
  std::vector<std::string> shares;
  for (const auto& [name, value] : r.flatten()) {
    EXPECT_EQ(name.find("central_asia"), std::string::npos) << name;
    if (name.starts_with("metrics.share_")) shares.push_back(name);
  }
  EXPECT_EQ(shares, (std::vector<std::string>{"metrics.share_caucasus_trains", "metrics.share_caucasus_teu",
                                              "metrics.share_caucasus_trains_westbound",
                                              "metrics.share_caucasus_trains_eastbound"}));
  // About half the trains take the corridor through Khorgos and Tbilisi (100 km longer): a share between.
  EXPECT_GT(r.share_via_trains, 0.2);
  EXPECT_LT(r.share_via_trains, 0.8);
}

TEST(share_region, labels_the_share_with_the_regions_display_names) {
  const run_summary& s = caucasus().summary;
  EXPECT_EQ(s.share_region_name, "the Caucasus");  // its `name`
  EXPECT_EQ(s.share_from_name, "China");           // no `name`: the id, capitalized
  EXPECT_EQ(s.share_to_name, "Europe");
  const json studio = json::parse(studio_run_json(s));
  EXPECT_EQ(studio["share"]["key"], "caucasus");
  EXPECT_EQ(studio["share"]["region_name"], "the Caucasus");
  EXPECT_EQ(studio["share"]["route_region"], "caucasus");
}

TEST(share_region, leaves_central_asia_out_of_summary_json_and_every_csv_and_the_report) {
  const fs::path dir = fs::path(CORRIDOR_BINARY_DIR) / "test-output" / "share-caucasus";
  fs::remove_all(dir);
  write_run_outputs(dir, caucasus().summary);
  report_input in;
  in.run = caucasus().summary;
  write_report_html(dir, in);
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    ++files;
    EXPECT_EQ(read_file(entry.path()).find("central_asia"), std::string::npos) << entry.path();
  }
  EXPECT_GE(files, 9);  // summary.json, the CSVs, flows.geojson, report.html

  const json j = json::parse(read_file(dir / "summary.json"));
  for (const char* name : {"share_caucasus_trains", "share_caucasus_teu", "share_caucasus_trains_westbound",
                           "share_caucasus_trains_eastbound"}) {
    EXPECT_TRUE(j["metrics"].contains(name)) << name;
    EXPECT_TRUE(j["ci95"].contains(name)) << name;
  }
  EXPECT_TRUE(j["throughput_by_direction"]["westbound"].contains("share_caucasus_trains"));
  ASSERT_FALSE(j["routes"].empty());
  for (const auto& route : j["routes"]) EXPECT_TRUE(route.contains("via_caucasus")) << route;
  const std::string routes_csv = read_file(dir / "routes.csv");
  EXPECT_EQ(routes_csv.substr(0, routes_csv.find('\n')), "flow,route,trains,teu,share,via_caucasus");
  const std::string metrics_csv = read_file(dir / "metrics.csv");
  EXPECT_NE(metrics_csv.find("metrics.share_caucasus_trains,"), std::string::npos);

  // `corridor report DIR` reads the folder back: the share's names come from the metrics' own names.
  const report_input back = read_report_input(dir);
  ASSERT_TRUE(back.run);
  EXPECT_EQ(back.run->regions, (share_regions{"caucasus", false, "caucasus"}));
}

}  // namespace
}  // namespace corridor

// corridor appraise end to end on the toy programme (tests/planning/fixtures): the table, appraisal.json and
// appraisal.csv, and a programme with a problem refused with its place.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_support.hpp"

namespace corridor::testing {
namespace {

const std::string fixtures = std::string(CORRIDOR_SOURCE_DIR) + "/tests/planning/fixtures/";
const std::string toy_programme = fixtures + "toy-programme.yaml";

TEST(cli_appraise, writes_npv_bcr_irr_and_co2_with_intervals_per_case) {
  const auto dir = fresh_dir("appraise-toy");
  const outcome o = corridor("appraise " + toy_programme + " -r 2 -t 2 --seed 7 -q -o " + dir.string());
  ASSERT_EQ(o.exit_code, 0) << o.output;
  EXPECT_NE(o.output.find("faster-line"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("NPV"), std::string::npos) << o.output;
  const auto j = nlohmann::json::parse(slurp(dir / "appraisal.json"));
  EXPECT_EQ(j["seed"], 7);
  EXPECT_EQ(j["replications"], 2);
  ASSERT_EQ(j["cases"].size(), 3U);
  for (const auto& c : j["cases"]) {
    for (const char* key :
         {"npv_usd", "npv_usd_ci95", "bcr", "bcr_ci95", "irr", "irr_ci95", "co2_t", "co2_t_ci95"})
      EXPECT_TRUE(c.contains(key)) << c["id"] << " has no " << key;
    // NPV is PV(benefits) - PV(costs) and BCR their ratio, in every case.
    EXPECT_NEAR(c["npv_usd"].get<double>(),
                c["pv_benefits_usd"].get<double>() - c["pv_costs_usd"].get<double>(), 1e-3);
    EXPECT_NEAR(c["bcr"].get<double>(), c["pv_benefits_usd"].get<double>() / c["pv_costs_usd"].get<double>(),
                1e-9);
  }
  EXPECT_EQ(j["cases"][2]["id"], "programme");
  // A project without benefits has no IRR: null, with a null half-width.
  EXPECT_TRUE(j["cases"][1]["irr"].is_null());
  EXPECT_TRUE(j["cases"][1]["irr_ci95"].is_null());
  const std::string csv = slurp(dir / "appraisal.csv");
  EXPECT_EQ(csv.rfind("case,name,opening_year,npv_usd,npv_usd_ci95,bcr,bcr_ci95,irr,irr_ci95,co2_t", 0), 0U);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);  // header and three cases
}

TEST(cli_appraise, the_same_seed_gives_the_same_file_whatever_the_threads) {
  const auto a = fresh_dir("appraise-t1"), b = fresh_dir("appraise-t2");
  ASSERT_EQ(corridor("appraise " + toy_programme + " -r 2 -t 1 -q -o " + a.string()).exit_code, 0);
  ASSERT_EQ(corridor("appraise " + toy_programme + " -r 2 -t 2 -q -o " + b.string()).exit_code, 0);
  EXPECT_EQ(slurp(a / "appraisal.json"), slurp(b / "appraisal.json"));
}

TEST(cli_appraise, parameter_uncertainty_widens_intervals_except_where_nothing_changes) {
  const auto plain = fresh_dir("appraise-plain"), drawn = fresh_dir("appraise-drawn");
  ASSERT_EQ(corridor("appraise " + toy_programme + " -r 4 -q -o " + plain.string()).exit_code, 0);
  const outcome o = corridor("appraise " + toy_programme + " -r 4 -q -o " + drawn.string() +
                             " --parameter-uncertainty " + fixtures + "toy-estimates.yaml");
  ASSERT_EQ(o.exit_code, 0) << o.output;
  EXPECT_NE(o.output.find("parameter uncertainty (1 parameters drawn)"), std::string::npos) << o.output;
  const auto a = nlohmann::json::parse(slurp(plain / "appraisal.json"));
  const auto b = nlohmann::json::parse(slurp(drawn / "appraisal.json"));
  EXPECT_EQ(a["drawn_parameters"], 0);
  EXPECT_EQ(b["drawn_parameters"], 1);
  // The toy is deterministic: without draws every replication gains the same; with the demand drawn, the
  // faster line's gain varies with it.
  EXPECT_EQ(a["cases"][0]["npv_usd_ci95"].get<double>(), 0.0);
  EXPECT_GT(b["cases"][0]["npv_usd_ci95"].get<double>(), 0.0);
  // Each pair shares its draw: a project that changes nothing still gains exactly nothing.
  EXPECT_EQ(b["cases"][1]["pv_benefits_usd"].get<double>(), 0.0);
  EXPECT_EQ(b["cases"][1]["pv_benefits_usd_ci95"].get<double>(), 0.0);
}

TEST(cli_appraise, a_programme_with_a_problem_exits_2_with_its_place) {
  const auto dir = fresh_dir("appraise-bad");
  std::filesystem::create_directories(dir);
  const std::string bad = (dir / "bad.yaml").string();
  const std::string text = slurp(toy_programme);
  std::string broken = text;
  broken.replace(broken.find("discount_rate: 0.05"), 19, "discount_rate: lots");
  broken.replace(broken.find("base: toy.yaml"), 14, "base: " + fixtures + "toy.yaml");
  { std::ofstream(bad) << broken; }
  const outcome o = corridor("appraise " + bad);
  EXPECT_EQ(o.exit_code, 2) << o.output;
  EXPECT_NE(o.output.find("bad.yaml:7:16: discount_rate must be a number"), std::string::npos) << o.output;
  EXPECT_EQ(corridor("appraise " + fixtures + "missing.yaml").exit_code, 3);
  EXPECT_EQ(corridor("appraise " + toy_programme + " -r 1").exit_code, 64);
}

}  // namespace
}  // namespace corridor::testing

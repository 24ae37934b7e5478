// corridor optimize end to end on the designed case (tests/planning/fixtures/designed-programme.yaml): what
// it prints and writes, that threads change no byte, and bad input refused with its place and a non-zero
// exit.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_support.hpp"

namespace corridor::testing {
namespace {

const std::string fixtures = std::string(CORRIDOR_SOURCE_DIR) + "/tests/planning/fixtures/";
const std::string designed = fixtures + "designed-programme.yaml";

// The designed programme in a fresh folder with one edit, its base and overlays beside it.
std::filesystem::path edited(const std::string& name, const std::string& from, const std::string& to) {
  const auto dir = fresh_dir(name);
  std::filesystem::create_directories(dir);
  std::string text = slurp(designed);
  text.replace(text.find(from), from.size(), to);
  std::ofstream(dir / "p.yaml") << text;
  for (const char* f : {"designed.yaml", "designed-b1-tracks.yaml", "designed-b2-tracks.yaml",
                        "designed-e1-fast.yaml", "designed-e2-fast.yaml", "designed-e3-fast.yaml",
                        "designed-mainline.yaml", "designed-e4-fast.yaml", "designed-lodz-fee.yaml"})
    std::filesystem::copy_file(fixtures + f, dir / f);
  return dir / "p.yaml";
}

TEST(cli_optimize, chooses_writes_and_reports_what_it_spent) {
  const auto dir = fresh_dir("optimize-designed");
  const outcome o = corridor("optimize " + designed + " -t 2 --seed 3 --appraise -q -o " + dir.string());
  ASSERT_EQ(o.exit_code, 0) << o.output;
  EXPECT_NE(o.output.find("chosen: b1-tracks (2028→2030), b2-tracks (2028→2030), e4-fast (2028→2030)"),
            std::string::npos)
      << o.output;
  EXPECT_NE(o.output.find("probability of correct selection"), std::string::npos) << o.output;
  const auto j = nlohmann::json::parse(slurp(dir / "optimization.json"));
  EXPECT_EQ(j["seed"], 3);
  EXPECT_TRUE(j["feasible"].get<bool>());
  EXPECT_EQ(j["chosen"]["projects"], nlohmann::json({"b1-tracks", "b2-tracks", "e4-fast"}));
  EXPECT_EQ(j["chosen"]["start_years"], nlohmann::json({2028, 2028, 2028}));
  EXPECT_TRUE(j["chosen"]["targets"][0]["met"].get<bool>());
  EXPECT_TRUE(j["chosen"]["targets"][0].contains("value_ci95"));
  EXPECT_LE(4 * j["simulations"].get<std::size_t>(), j["enumeration_simulations"].get<std::size_t>());
  EXPECT_GT(j["probability_correct_selection"].get<double>(), 0.5);
  EXPECT_GE(j["candidates"].size(), 37U);  // do-nothing, 8 alone, 28 pairs, and what was verified
  const std::string csv = slurp(dir / "pareto.csv");
  EXPECT_EQ(csv.rfind("projects,start_years,pv_cost_usd,metrics.transit_days_mean@2030,", 0), 0U) << csv;
  const std::string html = slurp(dir / "optimization.html");
  EXPECT_NE(html.find("b1-tracks+b2-tracks+e4-fast"), std::string::npos);
  EXPECT_NE(html.find("<svg id=\"pareto-0\""), std::string::npos);
  // The map: the two border tracks and the faster line draw traffic onto the lines they improve, so some
  // edge carries more TEU with the chosen set than without, and the page draws it in red.
  ASSERT_TRUE(j["traffic"].is_object());
  EXPECT_EQ(j["traffic"]["portfolio"], "b1-tracks+b2-tracks+e4-fast");
  EXPECT_EQ(j["traffic"]["year"], 2030);
  double most = 0.0;
  for (const auto& e : j["traffic"]["edges"]) {
    EXPECT_NEAR(e["change_teu"].get<double>(),
                e["with_teu"].get<double>() - e["do_nothing_teu"].get<double>(), 1e-6);
    most = std::max(most, e["change_teu"].get<double>());
  }
  EXPECT_GT(most, 0.0);
  EXPECT_NE(html.find("<svg id=\"traffic-map\""), std::string::npos);
  EXPECT_NE(html.find("class=\"more\""), std::string::npos);
  // --appraise: the chosen programme appraised with its start years, its benefits by year on the page.
  EXPECT_NE(o.output.find("appraised ("), std::string::npos) << o.output;
  EXPECT_NE(html.find("<svg id=\"benefits\""), std::string::npos);
  ASSERT_TRUE(j["appraisal"].is_object());
  EXPECT_GT(j["appraisal"]["simulations"].get<std::size_t>(), 0U);
  EXPECT_EQ(j["appraisal"]["by_year"].size(), 10U);  // 2026-2035
  const auto a = nlohmann::json::parse(slurp(dir / "appraisal.json"));
  EXPECT_EQ(a["cases"].back()["projects"], nlohmann::json({"b1-tracks", "b2-tracks", "e4-fast"}));
  EXPECT_TRUE(a["targets"][0]["met"].get<bool>());
}

TEST(cli_optimize, the_same_seed_gives_the_same_files_whatever_the_threads) {
  const auto a = fresh_dir("optimize-t1"), b = fresh_dir("optimize-t2");
  ASSERT_EQ(corridor("optimize " + designed + " -t 1 -q -o " + a.string()).exit_code, 0);
  ASSERT_EQ(corridor("optimize " + designed + " -t 2 -q -o " + b.string()).exit_code, 0);
  for (const char* file : {"optimization.json", "pareto.csv", "optimization.html"})
    EXPECT_EQ(slurp(a / file), slurp(b / file)) << file;
}

TEST(cli_optimize, a_budget_below_the_screening_is_a_usage_error_naming_both) {
  const outcome o = corridor("optimize " + designed + " --budget 20 -q");
  EXPECT_EQ(o.exit_code, 64) << o.output;
  EXPECT_NE(o.output.find("--budget 20"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("needs at least 78 simulations"), std::string::npos) << o.output;
}

TEST(cli_optimize, a_target_on_a_metric_the_model_lacks_is_said_at_its_line) {
  const auto file = edited("optimize-bad-metric", "metrics.transit_days_mean", "metrics.transit_days_meen");
  const outcome o = corridor("optimize " + file.string() + " -q");
  EXPECT_EQ(o.exit_code, 2) << o.output;
  EXPECT_NE(o.output.find("p.yaml:33:"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("no metric 'metrics.transit_days_meen'"), std::string::npos) << o.output;
}

TEST(cli_optimize, an_unknown_key_is_said_at_its_line) {
  const auto file = edited("optimize-bad-key", "discount_rate:", "discount_rat:");
  const outcome o = corridor("optimize " + file.string() + " -q");
  EXPECT_EQ(o.exit_code, 2) << o.output;
  EXPECT_NE(o.output.find("p.yaml:11:1"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("discount_rat"), std::string::npos) << o.output;
}

}  // namespace
}  // namespace corridor::testing

// The programme file is read strictly: each problem is an error at its file:line:column.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "corridor/planning.hpp"
#include "corridor/planning_io.hpp"

namespace corridor {
namespace {

namespace fs = std::filesystem;
const fs::path here = fs::path(CORRIDOR_SOURCE_DIR) / "tests" / "planning" / "fixtures";

// A valid programme on toy.yaml; each test breaks one line of it.
const std::string valid = R"(name: p
base: toy.yaml
base_year: 2025
horizon: {from: 2026, to: 2035}
model_years: [2028, 2032]
discount_rate: 0.05
value_of_time: {source: toy}
demand_growth: {default_per_year: 0.02, by_id: {xian-lodz: 0.04}, source: toy}
co2: {price_usd_per_t: 100, price_source: t, load_t_per_teu: 10, rail_diesel_g_per_tkm: 20,
      rail_electric_g_per_tkm: 8, ferry_g_per_tkm: 30, source: t}
projects:
  - id: faster-line
    overlay: toy-faster-line.yaml
    capex_usd: 10000000
    opex_usd_per_year: 100000
    build_years: 2
    earliest_start: 2026
    source: test
targets:
  - {metric: metrics.transit_days_mean, max: 12, year: 2032}
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

// The message of the error parsing `text` gives, or "" when it parses.
std::string error_of(const std::string& text) {
  try {
    parse_programme(text, "prog.yaml", here);
  } catch (const programme_error& e) {
    return e.what();
  }
  return "";
}

TEST(programme_file, reads_every_setting_of_a_valid_file) {
  const programme p = parse_programme(valid, "prog.yaml", here);
  EXPECT_EQ(p.name, "p");
  EXPECT_EQ(p.base, here / "toy.yaml");
  EXPECT_EQ(p.first_year, 2026);
  EXPECT_EQ(p.last_year, 2035);
  EXPECT_EQ(p.model_years, (std::vector<int>{2028, 2032}));
  EXPECT_DOUBLE_EQ(p.growth.rate_for("xian-lodz"), 0.04);
  EXPECT_DOUBLE_EQ(p.growth.rate_for("other"), 0.02);
  ASSERT_EQ(p.projects.size(), 1U);
  EXPECT_EQ(p.projects[0].opening_year(), 2028);
  EXPECT_EQ(to_string(p.projects[0].loc), "prog.yaml:12:5");
  ASSERT_EQ(p.targets.size(), 1U);
  EXPECT_EQ(*p.targets[0].max, 12.0);
}

TEST(programme_file, an_unknown_key_is_an_error_at_the_key) {
  const std::string e = error_of(replaced(valid, "    source: test", "    sauce: test"));
  EXPECT_NE(e.find("prog.yaml:18:5: unknown key 'sauce' in a project"), std::string::npos) << e;
}

TEST(programme_file, a_key_twice_is_an_error_at_the_second) {
  const std::string e = error_of(replaced(valid, "    source: test", "    source: test\n    capex_usd: 5"));
  EXPECT_NE(e.find("prog.yaml:19:5: key 'capex_usd' appears twice in a project"), std::string::npos) << e;
}

TEST(programme_file, a_wrong_type_is_an_error_at_the_value) {
  const std::string e = error_of(replaced(valid, "capex_usd: 10000000", "capex_usd: ten million"));
  EXPECT_NE(e.find("prog.yaml:14:16: capex_usd must be a number"), std::string::npos) << e;
  const std::string y = error_of(replaced(valid, "build_years: 2", "build_years: 1.5"));
  EXPECT_NE(y.find("prog.yaml:16:18: build_years must be a whole number"), std::string::npos) << y;
}

TEST(programme_file, a_dangling_overlay_or_base_is_an_error_at_its_name) {
  const std::string e = error_of(replaced(valid, "toy-faster-line.yaml", "toy-missing.yaml"));
  EXPECT_NE(e.find("prog.yaml:13:14: project 'faster-line': overlay file"), std::string::npos) << e;
  EXPECT_NE(e.find("does not exist"), std::string::npos) << e;
  const std::string b = error_of(replaced(valid, "base: toy.yaml", "base: nothing.yaml"));
  EXPECT_NE(b.find("prog.yaml:2:7: base scenario"), std::string::npos) << b;
}

TEST(programme_file, a_project_twice_is_an_error_at_the_second) {
  const std::string twice = replaced(valid, "targets:\n", R"(  - id: faster-line
    overlay: toy-faster-line.yaml
    capex_usd: 1
    opex_usd_per_year: 0
    build_years: 1
    earliest_start: 2026
    source: again
targets:
)");
  const std::string e = error_of(twice);
  EXPECT_NE(e.find("prog.yaml:19:5: project 'faster-line' is listed twice"), std::string::npos) << e;
}

TEST(programme_file, years_must_fit_the_horizon_and_the_model_years) {
  const std::string outside =
      error_of(replaced(valid, "model_years: [2028, 2032]", "model_years: [2028, 2036]"));
  EXPECT_NE(outside.find("prog.yaml:5:21: model year 2036 is outside the horizon"), std::string::npos)
      << outside;
  const std::string late = error_of(replaced(valid, "earliest_start: 2026", "earliest_start: 2031"));
  EXPECT_NE(late.find("prog.yaml:17:21: project 'faster-line' opens in 2033, after the last model year 2032"),
            std::string::npos)
      << late;
  const std::string target = error_of(replaced(valid, "year: 2032}", "year: 2030}"));
  EXPECT_NE(target.find("prog.yaml:20:56: a target's year must be one of the model years"), std::string::npos)
      << target;
}

TEST(programme_file, an_id_the_base_does_not_have_is_an_error_where_it_is_named) {
  const scenario toy = load_scenario(here / "toy.yaml");
  const auto error_against_toy = [&](const std::string& text) -> std::string {
    try {
      check_references(parse_programme(text, "prog.yaml", here), toy);
    } catch (const programme_error& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(error_against_toy(valid), "");
  const std::string growth =
      error_against_toy(replaced(valid, "by_id: {xian-lodz: 0.04}", "by_id: {xian-paris: 0.04}"));
  EXPECT_NE(growth.find("prog.yaml:8:49: 'xian-paris' is not a market or flow of the base scenario 'toy'"),
            std::string::npos)
      << growth;
  const std::string edge =
      error_against_toy(replaced(valid, "source: t}", "electric_edges: [xian-dostyk, nowhere], source: t}"));
  EXPECT_NE(edge.find("prog.yaml:10:86: 'nowhere' is not an edge of the base scenario"), std::string::npos)
      << edge;
}

TEST(programme_file, yaml_that_does_not_parse_is_located) {
  const std::string e = error_of(replaced(valid, "horizon: {from: 2026, to: 2035}", "horizon: {from: 2026"));
  EXPECT_EQ(e.rfind("prog.yaml:", 0), 0U) << e;
}

TEST(programme_file, an_overlay_must_extend_the_programmes_base) {
  const programme p = parse_programme(valid, "prog.yaml", here);
  const std::string other = "extends: elsewhere.yaml\nname: x\n";
  try {
    overlay_without_extends(p, p.projects[0], other);
    FAIL() << "no error";
  } catch (const programme_error& e) {
    EXPECT_NE(std::string(e.what()).find("prog.yaml:12:5: project 'faster-line': its overlay extends "
                                         "'elsewhere.yaml', not the programme's base"),
              std::string::npos)
        << e.what();
  }
  // The overlay's own text keeps its line numbers, the `extends` line blanked.
  const std::string text = overlay_without_extends(p, p.projects[0], "# c\nextends: toy.yaml\nname: x\n");
  EXPECT_EQ(text, "# c\n# (extends: the programme's base)\nname: x\n");
}

}  // namespace
}  // namespace corridor

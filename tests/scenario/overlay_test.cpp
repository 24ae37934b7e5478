// Overlays: a variant merges field by field into its base, adds new entries, removes, scales demand;
// chains resolve in order; cycles and errors in a base are reported where they were written.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "corridor/scenario.hpp"

namespace {

using namespace corridor;
namespace fs = std::filesystem;

const fs::path fixtures = fs::path(CORRIDOR_SOURCE_DIR) / "tests" / "scenario" / "fixtures";

TEST(overlay, changes_only_the_fields_the_variant_states) {
  const auto base = load_scenario(fixtures / "small.yaml");
  const auto s = load_scenario(fixtures / "variant.yaml");
  const auto& dostyk = s.find_node("dostyk")->crossing;
  EXPECT_EQ(dostyk.tracks, 3);
  EXPECT_EQ(dostyk.daily_cap_trains, 22);  // kept from the base
  EXPECT_EQ(dostyk.fee_usd_per_teu, 30.0);
  EXPECT_EQ(s.find_node("dostyk")->lat, base.find_node("dostyk")->lat);
  EXPECT_EQ(s.description, "variant");
  EXPECT_EQ(s.seed, 7u);
  EXPECT_EQ(s.name, "variant");  // a variant is named after its own file unless it says otherwise
}

TEST(overlay, replaces_a_distribution_whole) {
  const auto s = load_scenario(fixtures / "variant.yaml");
  const auto& t = s.find_node("dostyk")->crossing.transshipment_h;
  EXPECT_EQ(t.kind, dist_kind::constant);
  EXPECT_EQ(t.a, 2.0);
}

TEST(overlay, adds_new_entries_and_removes_listed_ones) {
  const auto s = load_scenario(fixtures / "variant.yaml");
  ASSERT_EQ(s.flows.size(), 5u);
  EXPECT_EQ(s.flows.back().id, "chongqing-baku");
  ASSERT_EQ(s.disruptions.size(), 1u);
  EXPECT_EQ(s.disruptions.at(0).id, "caspian-storm");
}

TEST(overlay, scales_the_listed_flows_after_merging) {
  const auto s = load_scenario(fixtures / "variant.yaml");
  double xian = 0, chongqing_baku = 0, duisburg_xian = 0;
  for (const auto& f : s.flows) {
    if (f.id == "xian-duisburg") xian = f.teu_per_week;
    if (f.id == "chongqing-baku") chongqing_baku = f.teu_per_week;
    if (f.id == "duisburg-xian") duisburg_xian = f.teu_per_week;
  }
  EXPECT_EQ(xian, 1000.0);  // 500 set by the variant, times 2
  EXPECT_EQ(chongqing_baku, 20.0);
  EXPECT_EQ(duisburg_xian, 200.0);  // not listed
}

TEST(overlay, chains_apply_in_order_and_scale_everything_at_the_end) {
  const auto s = load_scenario(fixtures / "chain.yaml");
  EXPECT_EQ(s.name, "chained");
  EXPECT_EQ(s.find_node("dostyk")->crossing.tracks, 3);
  for (const auto& f : s.flows) {
    if (f.id == "xian-duisburg") {
      EXPECT_EQ(f.teu_per_week, 1500.0);
    }
    if (f.id == "duisburg-xian") {
      EXPECT_EQ(f.teu_per_week, 300.0);
    }
  }
}

TEST(overlay, names_the_chain_of_a_cycle) {
  try {
    load_scenario(fixtures / "cycle-a.yaml");
    FAIL();
  } catch (const scenario_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    const std::string a = (fixtures / "cycle-a.yaml").string(), b = (fixtures / "cycle-b.yaml").string();
    EXPECT_EQ(e.diagnostics()[0].message, "extends cycle: " + a + " -> " + b + " -> " + a);
    EXPECT_EQ(e.diagnostics()[0].loc.file, b);
  }
}

TEST(overlay, locates_an_error_of_the_base_in_the_base) {
  try {
    load_scenario(fixtures / "on-broken-base.yaml");
    FAIL();
  } catch (const scenario_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    const auto& d = e.diagnostics()[0];
    EXPECT_EQ(d.loc.file, (fixtures / "broken-base.yaml").string());
    EXPECT_EQ(d.loc.line, 6);
    EXPECT_EQ(d.loc.column, 54);
    EXPECT_EQ(d.message, "unknown key 'tracs' in node 'b'; did you mean 'tracks'?");
  }
}

TEST(overlay, resolves_extends_of_text_from_the_given_directory) {
  const auto s = load_scenario_text("extends: minimal.yaml\nhorizon_days: 30\n", "inline.yaml", fixtures);
  EXPECT_EQ(s.horizon_days, 30.0);
  EXPECT_EQ(s.name, "inline");
  EXPECT_EQ(s.nodes.size(), 3u);
}

TEST(overlay, replaces_a_node_when_it_is_removed_and_added_back) {
  const auto s = load_scenario_text(
      "extends: minimal.yaml\nremove: [x]\nnodes:\n  x: {kind: port, country: KZ, lat: 43, lon: 51}\n",
      "swap.yaml", fixtures);
  EXPECT_EQ(s.find_node("x")->kind, node_kind::port);
  EXPECT_EQ(s.find_node("x")->crossing.tracks, 1);
}

TEST(overlay, suggests_the_base_id_an_incomplete_new_entry_misspells) {
  const fs::path scenarios = fs::path(CORRIDOR_SOURCE_DIR) / "scenarios";
  try {
    load_scenario_text("extends: baseline-2025.yaml\nnodes:\n  horgos: {tracks: 4}\n", "v.yaml", scenarios);
    FAIL();
  } catch (const scenario_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
    EXPECT_EQ(e.diagnostics()[0].loc.line, 3);
    EXPECT_EQ(
        e.diagnostics()[0].message,
        "node 'horgos' is not in the base, and a new node needs 'kind', 'country', 'lat', 'lon'; did you "
        "mean 'khorgos'?");
  }
}

TEST(overlay, reports_problems_of_variant_and_base_together) {
  try {
    load_scenario_text("extends: broken-base.yaml\nhorizon_days: -1\n", "both.yaml", fixtures);
    FAIL();
  } catch (const scenario_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    std::set<std::pair<std::string, int>> where;
    for (const auto& d : e.diagnostics()) where.emplace(d.loc.file, d.loc.line);
    EXPECT_EQ(where, (std::set<std::pair<std::string, int>>{{"both.yaml", 2},
                                                            {(fixtures / "broken-base.yaml").string(), 6}}));
  }
}

}  // namespace

// Demand as markets (issue #9): the keys of markets, alternatives, corridor families, choice, report shares
// and per-direction caps are read with their values and defaults, merge in overlays and parameter edits, and
// every mistake in them is reported where it was written.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "corridor/parameters.hpp"
#include "corridor/scenario.hpp"

namespace {

using namespace corridor;
namespace fs = std::filesystem;

const fs::path fixtures = fs::path(CORRIDOR_SOURCE_DIR) / "tests" / "scenario" / "fixtures";

using shares = std::vector<std::pair<std::string, double>>;

scenario markets_with(const std::string& overlay) {
  return load_scenario_text("extends: markets.yaml\n" + overlay, "v.yaml", fixtures);
}

// Every message of loading markets.yaml with `overlay` on top, as `file:line:column: message`.
std::vector<std::string> errors_of(const std::string& overlay) {
  try {
    markets_with(overlay);
  } catch (const scenario_error& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) {
      out.push_back(fs::path(d.loc.file).filename().string() + ":" + std::to_string(d.loc.line) + ":" +
                    std::to_string(d.loc.column) + ": " + d.message);
    }
    return out;
  }
  ADD_FAILURE() << "loaded without error:\n" << overlay;
  return {};
}

TEST(markets_loader, reads_every_value_of_the_fixture) {
  const auto s = load_scenario(fixtures / "markets.yaml");
  const auto* caspian = s.find_region("caspian_ports");
  ASSERT_NE(caspian, nullptr);
  EXPECT_TRUE(caspian->countries.empty());
  EXPECT_EQ(caspian->nodes, (std::vector<std::string>{"aktau", "alyat"}));
  EXPECT_EQ(s.find_region("caucasus")->countries, (std::vector<std::string>{"AZ", "GE"}));
  EXPECT_TRUE(s.node_in_region("caspian_ports", *s.find_node("alyat")));
  EXPECT_FALSE(s.node_in_region("caspian_ports", *s.find_node("moyinty")));

  const auto& dostyk = s.find_node("dostyk")->crossing;
  EXPECT_EQ(dostyk.daily_cap_trains, 0);
  EXPECT_EQ(dostyk.daily_cap_trains_entering, 15);
  EXPECT_EQ(dostyk.daily_cap_trains_leaving, 12);
  EXPECT_EQ(s.find_node("brest")->crossing.daily_cap_trains, 30);
  EXPECT_EQ(s.find_node("brest")->crossing.daily_cap_trains_leaving, 0);

  EXPECT_EQ(s.choice.mode_scale_per_usd, 0.0005);
  EXPECT_EQ(s.choice.family_scale_per_usd, 0.002);
  EXPECT_EQ(s.choice.update_days, 7.0);
  EXPECT_FALSE(s.choice.path_size);

  ASSERT_EQ(s.families.size(), 2u);
  EXPECT_EQ(s.families[0].id, "middle");  // file order is priority
  EXPECT_EQ(s.families[0].name, "Middle Corridor");
  EXPECT_EQ(s.families[0].via, (std::vector<std::string>{"aktau", "alyat"}));
  EXPECT_EQ(s.families[1].name, "northern");  // the id when no name is given

  const auto* sea = s.find_alternative("sea_north_europe");
  ASSERT_NE(sea, nullptr);
  EXPECT_EQ(sea->mode, "sea");
  EXPECT_EQ(sea->cost_usd_per_teu[0], 1400.0);
  EXPECT_EQ(sea->cost_usd_per_teu[6], 2900.0);
  EXPECT_EQ(sea->transit_days[11], 38.0);  // one value for every month
  EXPECT_TRUE(sea->classes.empty());
  EXPECT_EQ(sea->description, "Shanghai - Rotterdam, door to door");
  EXPECT_EQ(s.find_alternative("air_europe")->classes, (std::vector<std::string>{"electronics"}));

  const auto* m = s.find_market("cn-eu");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->from_region, "china");
  EXPECT_EQ(m->to_region, "eu");
  EXPECT_EQ(m->teu_per_year, 400000.0);
  EXPECT_EQ(m->cargo_mix, (shares{{"general", 0.6}, {"electronics", 0.4}}));
  EXPECT_EQ(m->origins, (shares{{"xian", 0.3}, {"chongqing", 0.7}}));
  EXPECT_EQ(m->destinations, (shares{{"duisburg", 0.6}, {"lodz", 0.4}}));
  EXPECT_TRUE(m->pairs.empty());
  EXPECT_EQ(m->seasonality[1], 0.7);
  EXPECT_EQ(m->train_capacity_teu, 90.0);
  EXPECT_EQ(m->max_wait_h, 48.0);
  EXPECT_EQ(m->rail_constant_usd_per_teu, 2500.0);
  EXPECT_EQ(m->alternatives, (std::vector<std::string>{"sea_north_europe", "air_europe"}));
  ASSERT_EQ(m->risks.size(), 1u);
  EXPECT_EQ(m->risks[0].region, "caspian_ports");
  EXPECT_EQ(m->risks[0].avoid_share, 0.1);
  EXPECT_EQ(m->risks[0].premium_usd_per_teu, 250.0);

  const auto* back = s.find_market("eu-cn");
  ASSERT_NE(back, nullptr);
  ASSERT_EQ(back->pairs.size(), 2u);
  EXPECT_EQ(back->pairs[1].id, "lodz-chongqing");
  EXPECT_EQ(back->pairs[1].from, "lodz");
  EXPECT_EQ(back->pairs[1].to, "chongqing");
  EXPECT_EQ(back->pairs[1].share, 0.3);
  EXPECT_TRUE(back->origins.empty());

  ASSERT_EQ(s.report.shares.size(), 2u);
  EXPECT_EQ(s.report.shares[0].id, "eu_via_central_asia");
  EXPECT_EQ(s.report.shares[0].via_region, "central_asia");
  EXPECT_EQ(s.report.shares[0].avoiding_region, "");
  EXPECT_EQ(s.report.shares[1].avoiding_region, "caspian_ports");
  EXPECT_EQ(s.report.gateways, (std::vector<std::string>{"dostyk", "brest"}));
}

TEST(markets_loader, fills_documented_defaults) {
  const auto s = load_scenario(fixtures / "minimal.yaml");
  EXPECT_EQ(s.choice.mode_scale_per_usd, 0.0005);
  EXPECT_EQ(s.choice.family_scale_per_usd, 0.003);
  EXPECT_EQ(s.choice.update_days, 7.0);
  EXPECT_TRUE(s.choice.path_size);
  EXPECT_TRUE(s.markets.empty());
  EXPECT_TRUE(s.report.shares.empty());
  EXPECT_EQ(s.find_node("x")->crossing.daily_cap_trains_entering, 0);
  const auto m = load_scenario_text(
      "extends: minimal.yaml\n"
      "markets:\n"
      "  ab: {from: china, to: europe, teu_per_year: 5200, cargo_mix: {general: 1}, origins: {a: 1},\n"
      "       destinations: {b: 1}}\n",
      "v.yaml", fixtures);
  const auto& ab = m.markets.at(0);
  EXPECT_EQ(ab.seasonality[3], 1.0);
  EXPECT_EQ(ab.train_capacity_teu, 0.0);
  EXPECT_EQ(ab.max_wait_h, 72.0);
  EXPECT_EQ(ab.rail_constant_usd_per_teu, 0.0);
  EXPECT_TRUE(ab.alternatives.empty());
  EXPECT_TRUE(ab.risks.empty());
}

TEST(markets_overlay, merges_a_market_by_id_and_replaces_its_share_maps_whole) {
  const auto s = markets_with(
      "markets:\n"
      "  cn-eu: {teu_per_year: 412000, origins: {chongqing: 1}}\n"
      "alternatives:\n"
      "  sea_north_europe: {transit_days: [38, 38, 38, 38, 38, 38, 48, 50, 48, 40, 38, 38]}\n");
  const auto* m = s.find_market("cn-eu");
  EXPECT_EQ(m->teu_per_year, 412000.0);
  EXPECT_EQ(m->origins, (shares{{"chongqing", 1.0}}));
  EXPECT_EQ(m->destinations, (shares{{"duisburg", 0.6}, {"lodz", 0.4}}));  // kept
  EXPECT_EQ(m->rail_constant_usd_per_teu, 2500.0);
  const auto* sea = s.find_alternative("sea_north_europe");
  EXPECT_EQ(sea->transit_days[7], 50.0);
  EXPECT_EQ(sea->cost_usd_per_teu[7], 3100.0);  // kept
}

TEST(markets_overlay, removes_markets_alternatives_families_and_report_shares) {
  const auto s = markets_with(
      "remove: [eu-cn, air_europe, northern, eu_avoiding_caspian]\n"
      "markets: {cn-eu: {alternatives: [sea_north_europe]}}\n");
  EXPECT_EQ(s.markets.size(), 2u);
  EXPECT_EQ(s.find_market("eu-cn"), nullptr);
  EXPECT_EQ(s.find_alternative("air_europe"), nullptr);
  ASSERT_EQ(s.families.size(), 1u);
  ASSERT_EQ(s.report.shares.size(), 1u);
  EXPECT_EQ(s.report.shares[0].id, "eu_via_central_asia");
}

TEST(markets_overlay, merges_report_shares_by_id) {
  const auto s = markets_with(
      "report:\n"
      "  shares:\n"
      "    eu_via_central_asia: {to: caucasus}\n"
      "    eu_avoiding_central_asia: {from: china, to: eu, avoiding: central_asia}\n");
  ASSERT_EQ(s.report.shares.size(), 3u);
  EXPECT_EQ(s.report.shares[0].from_region, "china");  // kept
  EXPECT_EQ(s.report.shares[0].to_region, "caucasus");
  EXPECT_EQ(s.report.shares[0].via_region, "central_asia");
  EXPECT_EQ(s.report.shares[2].avoiding_region, "central_asia");
  EXPECT_EQ(s.report.gateways.size(), 2u);  // kept
}

TEST(markets_overlay, scale_demand_scales_flows_and_markets_as_listed) {
  const std::string flow =
      "flows: {xian-lodz: {from: xian, to: lodz, cargo_class: general, teu_per_week: 100}}\n";
  const auto all = markets_with(flow + "scale_demand: 2\n");
  EXPECT_EQ(all.find_market("cn-eu")->teu_per_year, 800000.0);
  EXPECT_EQ(all.find_market("eu-cn")->teu_per_year, 300000.0);
  EXPECT_EQ(all.flows.at(0).teu_per_week, 200.0);
  const auto listed = markets_with(flow + "scale_demand: {factor: 0.5, markets: [eu-cn]}\n");
  EXPECT_EQ(listed.find_market("cn-eu")->teu_per_year, 400000.0);
  EXPECT_EQ(listed.find_market("eu-cn")->teu_per_year, 75000.0);
  EXPECT_EQ(listed.flows.at(0).teu_per_week, 100.0);  // a list of markets leaves flows alone
  const auto flows_only = markets_with(flow + "scale_demand: {factor: 3, flows: [xian-lodz]}\n");
  EXPECT_EQ(flows_only.find_market("cn-eu")->teu_per_year, 400000.0);
  EXPECT_EQ(flows_only.flows.at(0).teu_per_week, 300.0);
}

TEST(markets_parameters, edit_market_volumes_and_monthly_rates_by_path) {
  const auto doc = parse_document("extends: markets.yaml\n", "v.yaml", fixtures);
  const auto s = apply_edits(
      doc, {parameter_edit{"markets.cn-eu.teu_per_year", param_op::set, 412000, {}},
            parameter_edit{"alternatives.sea_north_europe.cost_usd_per_teu", param_op::scale, 2, {}},
            parameter_edit{"markets.cn-eu.risk.caspian_ports.avoid_share", param_op::set, 0.3, {}},
            parameter_edit{"choice.update_days", param_op::set, 3, {}}});
  EXPECT_EQ(s.find_market("cn-eu")->teu_per_year, 412000.0);
  EXPECT_EQ(s.find_alternative("sea_north_europe")->cost_usd_per_teu[6], 5800.0);
  EXPECT_EQ(s.find_market("cn-eu")->risks.at(0).avoid_share, 0.3);
  EXPECT_EQ(s.choice.update_days, 3.0);
}

TEST(markets_validate, locates_each_bad_reference_and_sum) {
  EXPECT_EQ(
      errors_of("markets: {cn-eu: {destinations: {duisburg: 0.6, lodzz: 0.4}}}\n"),
      (std::vector<std::string>{"v.yaml:2:49: market 'cn-eu' refers to unknown node 'lodzz' in destinations; "
                                "did you mean 'lodz'?"}));
  EXPECT_EQ(
      errors_of("markets: {cn-eu: {destinations: {duisburg: 0.6, lodz: 0.3}}}\n"),
      (std::vector<std::string>{"v.yaml:2:33: the shares in destinations of market 'cn-eu' sum to 0.9; they "
                                "must sum to 1"}));
  EXPECT_EQ(
      errors_of("markets: {cn-eu: {origins: {xian: 0.5, baku: 0.5}}}\n"),
      (std::vector<std::string>{"v.yaml:2:40: market 'cn-eu': origin 'baku' is not in the market's from "
                                "region 'china'"}));
  EXPECT_EQ(
      errors_of("markets: {cn-eu: {origins: {xian: 1, dostyk: 0}}}\n"),
      (std::vector<std::string>{
          "v.yaml:2:38: market 'cn-eu': origin 'dostyk' is a crossing; markets start and end at terminals",
          "v.yaml:2:46: share of 'dostyk' in origins of market 'cn-eu' must be > 0 and <= 1, got 0"}));
  EXPECT_EQ(errors_of("alternatives: {air_europe: {classes: [electronix]}}\n"),
            (std::vector<std::string>{"v.yaml:2:39: alternative 'air_europe' refers to unknown cargo class "
                                      "'electronix'; did you mean 'electronics'?"}));
  EXPECT_EQ(errors_of("report: {gateways: [dostyk, moyinty]}\n"),
            (std::vector<std::string>{
                "v.yaml:2:29: gateway 'moyinty' of report is a junction; gateways are crossings"}));
  EXPECT_EQ(
      errors_of("nodes: {baku: {daily_cap_trains_leaving: 3}}\n"),
      (std::vector<std::string>{"v.yaml:2:16: key 'daily_cap_trains_leaving' applies only to crossings, but "
                                "node 'baku' is a terminal"}));
}

TEST(markets_validate, checks_a_market_changed_in_memory_at_its_entity) {
  auto s = load_scenario(fixtures / "markets.yaml");
  s.markets[0].teu_per_year = -1;
  s.markets[1].pairs[0].share = 0.5;
  try {
    validate(s);
    FAIL() << "validated";
  } catch (const scenario_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u) << e.what();
    EXPECT_EQ(e.diagnostics()[0].message, "teu_per_year of market 'cn-eu' must be > 0 and <= 1e+09, got -1");
    EXPECT_EQ(e.diagnostics()[0].loc.line, s.markets[0].loc.line);
    EXPECT_EQ(e.diagnostics()[1].message,
              "the shares of the pairs of market 'eu-cn' sum to 0.8; they must sum to 1");
  }
}

TEST(markets_validate, a_scenario_of_flows_keeps_any_route_scale) {
  // The nested order only binds when there are markets to choose modes for.
  const auto s = load_scenario_text("extends: minimal.yaml\nroute_choice: {logit_scale_per_usd: 0.0001}\n",
                                    "v.yaml", fixtures);
  EXPECT_EQ(s.route_choice.logit_scale_per_usd, 0.0001);
  EXPECT_EQ(errors_of("route_choice: {logit_scale_per_usd: 0.001}\n"),
            (std::vector<std::string>{
                "v.yaml:2:37: nested logit scales must satisfy choice.mode_scale_per_usd <= "
                "choice.family_scale_per_usd <= route_choice.logit_scale_per_usd, got 5e-04, 0.002 and "
                "0.001"}));
}

}  // namespace

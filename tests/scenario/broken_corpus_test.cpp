// The corpus of broken scenario files: each one holds one mistake, and loading it must fail with exactly
// the message below, at exactly that line and column.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "corridor/scenario.hpp"

namespace {

namespace fs = std::filesystem;

struct broken_case {
  const char* file;
  const char* expected;  // what() with the path printed relative to tests/scenario/
};

const broken_case corpus[] = {
    {"alias-bomb.yaml",
     "broken/alias-bomb.yaml:6:45: error: with alias '*a3' aliases would stand for more than 100000 nodes, "
     "the "
     "loader's limit (see Limits in docs/scenarios.md)"},
    {"alias-cycle.yaml",
     "broken/alias-cycle.yaml:3:40: error: alias '*rc' refers to the map or list that contains it"},
    {"alternative-months-count.yaml",
     "broken/alternative-months-count.yaml:3:47: error: cost_usd_per_teu of alternative 'air_europe': "
     "expected one number or a list of 12 (January first), got 3 numbers"},
    {"alternative-unknown-mode.yaml",
     "broken/alternative-unknown-mode.yaml:3:41: error: mode of alternative 'sea_north_europe' must be "
     "one of sea|air|road|other, got 'ship'"},
    {"alternative-zero-transit.yaml",
     "broken/alternative-zero-transit.yaml:3:43: error: transit_days of alternative 'air_europe' must "
     "be > 0 and <= 3650, got 0"},
    {"bad-country.yaml",
     "broken/bad-country.yaml:8:37: error: country of node 'dostyk' must be an ISO 3166 alpha-2 code (two "
     "capital letters), got 'kz'"},
    {"bad-weekday.yaml",
     "broken/bad-weekday.yaml:14:102: error: weekdays of edge 'caspian': expected a weekday (mon, tue, wed, "
     "thu, fri, sat, sun), got 'thurs'"},
    {"bool-expected.yaml",
     "broken/bool-expected.yaml:12:91: error: bidirectional of edge 'dostyk-lodz': expected true or false, "
     "got 'maybe'"},
    {"cancel-months-count.yaml",
     "broken/cancel-months-count.yaml:14:130: error: cancel_probability_by_month of edge 'caspian': expected "
     "one number or a list of 12 (January first), got 3 numbers"},
    {"cap-leaving-on-terminal.yaml",
     "broken/cap-leaving-on-terminal.yaml:3:16: error: key 'daily_cap_trains_leaving' applies only to "
     "crossings, but node 'baku' is a terminal"},
    {"choice-scales-out-of-order.yaml",
     "broken/choice-scales-out-of-order.yaml:3:30: error: nested logit scales must satisfy "
     "choice.mode_scale_per_usd <= choice.family_scale_per_usd <= route_choice.logit_scale_per_usd, got "
     "0.003, 0.002 and 0.004"},
    {"crane-without-berths.yaml",
     "broken/crane-without-berths.yaml:8:77: error: node 'aktau' has a crane or ramp rate but no berths; "
     "give "
     "berths (>= 1) for the rate to apply"},
    {"crossing-key-on-terminal.yaml",
     "broken/crossing-key-on-terminal.yaml:9:63: error: key 'tracks' applies only to crossings, but node "
     "'lodz' is a terminal"},
    {"dangling-cargo-class.yaml",
     "broken/dangling-cargo-class.yaml:14:50: error: flow 'xian-lodz' refers to unknown cargo class "
     "'generl'; did you mean 'general'?"},
    {"dangling-node.yaml",
     "broken/dangling-node.yaml:11:33: error: edge 'xian-dostyk' refers to unknown node 'dostk'; did you "
     "mean 'dostyk'?"},
    {"dangling-report-region.yaml",
     "broken/dangling-report-region.yaml:4:24: error: share_region of report refers to unknown region "
     "'centralasia'; did you mean 'central_asia'?"},
    {"disruption-after-horizon.yaml",
     "broken/disruption-after-horizon.yaml:16:50: error: to_day of disruption 'strike' must be <= "
     "horizon_days (100), got 200"},
    {"disruption-duration-without-rate.yaml",
     "broken/disruption-duration-without-rate.yaml:19:69: error: disruption 'strike' has duration_days but "
     "no "
     "rate_per_year: a scheduled disruption lasts from from_day to to_day, a random one needs rate_per_year"},
    {"disruption-unknown-target.yaml",
     "broken/disruption-unknown-target.yaml:16:20: error: disruption 'strike' refers to unknown node or edge "
     "'dostik'; did you mean 'dostyk'?"},
    {"duplicate-key.yaml",
     "broken/duplicate-key.yaml:8:76: error: duplicate key 'tracks' (first at line 8, column 65)"},
    {"duplicate-node.yaml",
     "broken/duplicate-node.yaml:9:3: error: duplicate key 'xian' (first at line 7, column 3)"},
    {"empty-file.yaml", "broken/empty-file.yaml:1:1: error: expected a map of scenario keys, got nothing"},
    {"empty-region.yaml",
     "broken/empty-region.yaml:4:52: error: region 'europe' is empty; list at least one country code or "
     "node"},
    {"extra-distribution-parameter.yaml",
     "broken/extra-distribution-parameter.yaml:9:58: error: unknown parameter 'sd' for distribution "
     "'exponential' (expects mean)"},
    {"family-shared-via.yaml",
     "broken/family-shared-via.yaml:3:46: error: corridor families 'middle' and 'northern' both pass "
     "node 'aktau'; a route belongs to one family, so their via nodes must differ"},
    {"family-unknown-node.yaml",
     "broken/family-unknown-node.yaml:3:43: error: corridor family 'middle' refers to unknown node "
     "'alyatt'; did you mean 'alyat'?"},
    {"ferry-key-on-rail.yaml",
     "broken/ferry-key-on-rail.yaml:11:60: error: key 'capacity_teu' applies only to ferry edges, but edge "
     "'xian-dostyk' is a rail edge"},
    {"ferry-without-schedule.yaml",
     "broken/ferry-without-schedule.yaml:14:3: error: ferry edge 'caspian' needs every_days or weekdays"},
    {"flow-not-terminal.yaml",
     "broken/flow-not-terminal.yaml:14:31: error: flow 'xian-lodz': to node 'dostyk' is a crossing; flows "
     "start and end at terminals"},
    {"gateway-not-crossing.yaml",
     "broken/gateway-not-crossing.yaml:3:29: error: gateway 'moyinty' of report is a junction; gateways "
     "are crossings"},
    {"gauge-mismatch.yaml",
     "broken/gauge-mismatch.yaml:12:3: error: gauge mismatch at node 'dostyk' (a junction): edge "
     "'dostyk-lodz' is 1520 mm but edge 'xian-dostyk' is 1435 mm; the gauge may change only at a crossing or "
     "a port"},
    {"gauge-on-ferry.yaml",
     "broken/gauge-on-ferry.yaml:14:101: error: key 'gauge_mm' applies only to rail edges, but edge "
     "'caspian' is a ferry edge"},
    {"integer-expected.yaml",
     "broken/integer-expected.yaml:8:73: error: tracks of node 'dostyk': expected an integer, got '2.5'"},
    {"invalid-distribution.yaml",
     "broken/invalid-distribution.yaml:9:29: error: customs_dwell_h of node 'dostyk': invalid distribution: "
     "uniform needs 0 <= min <= max (got 5, 1, 0)"},
    {"invalid-id.yaml",
     "broken/invalid-id.yaml:9:3: error: invalid node id 'lodz city': ids use letters, digits, '_', '-' and "
     "'.', starting with a letter or digit"},
    {"k-paths-too-many.yaml",
     "broken/k-paths-too-many.yaml:4:38: error: k_paths of route_choice must be >= 1 and <= 16, got 17"},
    {"map-expected.yaml", "broken/map-expected.yaml:9:3: error: node 'lodz': expected a map, got a list"},
    {"market-cargo-mix-sum.yaml",
     "broken/market-cargo-mix-sum.yaml:5:16: error: the shares in cargo_mix of market 'cn-eu' sum to "
     "0.9; they must sum to 1"},
    {"market-price-change-months-count.yaml",
     "broken/market-price-change-months-count.yaml:3:50: error: rail_price_change_usd_per_teu of market "
     "'cn-eu': expected one number or a list of 12 (January first), got 2 numbers"},
    {"market-negative-volume.yaml",
     "broken/market-negative-volume.yaml:3:33: error: teu_per_year of market 'cn-eu' must be > 0 and <= "
     "1e+09, got -4e+05"},
    {"market-origin-not-terminal.yaml",
     "broken/market-origin-not-terminal.yaml:5:26: error: market 'cn-eu': origin 'dostyk' is a "
     "crossing; markets start and end at terminals"},
    {"market-origin-outside-region.yaml",
     "broken/market-origin-outside-region.yaml:5:26: error: market 'cn-eu': origin 'baku' is not in the "
     "market's from region 'china'"},
    {"market-pair-shares-sum.yaml",
     "broken/market-pair-shares-sum.yaml:6:7: error: the shares of the pairs of market 'eu-cn' sum to "
     "0.9; they must sum to 1"},
    {"market-pairs-and-origins.yaml",
     "broken/market-pairs-and-origins.yaml:3:28: error: market 'eu-cn' has both pairs and origins or "
     "destinations; give pairs, or origins and destinations"},
    {"market-risk-own-region.yaml",
     "broken/market-risk-own-region.yaml:5:12: error: market 'cn-eu': risk region 'china' holds its "
     "origin 'xian'; its shippers cannot avoid the region they ship from or to"},
    {"market-unknown-alternative.yaml",
     "broken/market-unknown-alternative.yaml:3:34: error: market 'cn-eu' refers to unknown alternative "
     "'sea_north_europ'; did you mean 'sea_north_europe'?"},
    {"market-unknown-region.yaml",
     "broken/market-unknown-region.yaml:3:23: error: market 'cn-eu' refers to unknown region 'euu'; did "
     "you mean 'eu'?"},
    {"market-unknown-risk-region.yaml",
     "broken/market-unknown-risk-region.yaml:5:12: error: market 'cn-eu' refers to unknown region "
     "'caspian_port' in risk; did you mean 'caspian_ports'?"},
    {"market-unknown-terminal.yaml",
     "broken/market-unknown-terminal.yaml:5:26: error: market 'cn-eu' refers to unknown node 'chongqin' "
     "in origins; did you mean 'chongqing'?"},
    {"market-unreachable-pair.yaml",
     "broken/market-unreachable-pair.yaml:9:37: error: pair 'lodz-urumqi' of market 'eu-cn': "
     "destination 'urumqi' is unreachable from 'lodz' over the scenario's edges"},
    {"missing-distribution-parameter.yaml",
     "broken/missing-distribution-parameter.yaml:9:29: error: transshipment_h of node 'dostyk': distribution "
     "'uniform' is missing parameter 'max'"},
    {"missing-required-key.yaml",
     "broken/missing-required-key.yaml:7:3: error: node 'xian' is missing required key 'country'"},
    {"negative-cap-entering.yaml",
     "broken/negative-cap-entering.yaml:3:45: error: daily_cap_trains_entering of node 'dostyk' must be "
     ">= 0 and <= 10000, got -1"},
    {"tracks-per-direction-over-total.yaml",
     "broken/tracks-per-direction-over-total.yaml:3:26: error: tracks_entering + tracks_leaving of node "
     "'dostyk' (2 + 2) must be <= tracks (3): give tracks as the crossing's total, of which those not kept "
     "serve both directions"},
    {"plan-on-junction.yaml",
     "broken/plan-on-junction.yaml:3:19: error: key 'daily_plan_trains_leaving' applies only to crossings, "
     "but "
     "node 'moyinty' is a junction"},
    {"negative-distance.yaml",
     "broken/negative-distance.yaml:12:54: error: distance_km of edge 'dostyk-lodz' must be >= 0.001 and <= "
     "20000, got -6000"},
    {"service-class-unknown.yaml",
     "broken/service-class-unknown.yaml:5:109: error: flow 'xian-duisburg-express' refers to unknown service "
     "class 'expres'; did you mean 'express'?"},
    {"wagon-pool-unknown-home.yaml",
     "broken/wagon-pool-unknown-home.yaml:4:58: error: wagon pool 'ktz' refers to unknown node 'altynkol'"},
    {"wagon-pool-too-small.yaml",
     "broken/wagon-pool-too-small.yaml:4:38: error: size_wagons of wagon pool 'ktz' gives each of its 1 "
     "homes 30 "
     "wagons, fewer than the largest train needs (45 platforms for 90 TEU); give it at least 45"},
    {"service-class-priority.yaml",
     "broken/service-class-priority.yaml:3:39: error: priority of service class 'express' must be >= 1 and "
     "<= 100, got 0"},
    {"negative-seed.yaml", "broken/negative-seed.yaml:3:7: error: seed must be >= 0, got -3"},
    {"multiyear-opening-outside.yaml",
     "broken/multiyear-opening-outside.yaml:12:83: error: opens of edge 'dostyk-lodz': 2029-07-01 is outside "
     "the run's years 2025-2027"},
    {"multiyear-path-length.yaml",
     "broken/multiyear-path-length.yaml:14:79: error: teu_per_year_by_year of market 'cn-eu': 2 values for 3 "
     "years (2025-2027)"},
    {"multiyear-project-unknown-node.yaml",
     "broken/multiyear-project-unknown-node.yaml:19:7: error: project 'more-tracks' changes unknown node "
     "'dostik'; did you mean 'dostyk'?"},
    {"nesting-too-deep.yaml",
     "broken/nesting-too-deep.yaml:3:45: error: maps and lists nested more than 32 deep, the loader's limit "
     "(a "
     "scenario needs 5)"},
    {"number-expected.yaml",
     "broken/number-expected.yaml:11:54: error: distance_km of edge 'xian-dostyk': expected a number, got "
     "'abc'"},
    {"overlay-id-typo.yaml",
     "broken/overlay-id-typo.yaml:4:3: error: node 'dostk' is not in the base, and a new node needs 'kind', "
     "'country', 'lat', 'lon'; did you mean 'dostyk'?"},
    {"overlay-incomplete-new-node.yaml",
     "broken/overlay-incomplete-new-node.yaml:4:3: error: node 'c' is missing required keys 'lat', 'lon'"},
    {"overlay-missing-base.yaml",
     "broken/overlay-missing-base.yaml:2:10: error: cannot read base scenario '../fixtures/nowhere.yaml' "
     "('fixtures/nowhere.yaml'): no such file"},
    {"overlay-negative-scale.yaml",
     "broken/overlay-negative-scale.yaml:3:15: error: scale_demand must be > 0 and <= 1000, got -2"},
    {"overlay-remove-unknown.yaml",
     "broken/overlay-remove-unknown.yaml:3:10: error: cannot remove 'a-c': the base has no node, edge, flow, "
     "disruption, corridor family, alternative, market or report share with that id; did you mean 'a-x'?"},
    {"overlay-removed-node-in-use.yaml",
     "broken/overlay-removed-node-in-use.yaml:3:10: error: cannot remove node 'b': edge 'x-b' still uses it "
     "(fixtures/minimal.yaml:10); remove the edge too"},
    {"overlay-scale-unknown-flow.yaml",
     "broken/overlay-scale-unknown-flow.yaml:3:37: error: scale_demand refers to unknown flow 'a-c'; did you "
     "mean 'a-b'?"},
    {"overlay-scale-unknown-market.yaml",
     "broken/overlay-scale-unknown-market.yaml:3:37: error: scale_demand refers to unknown market "
     "'cn-euu'; did you mean 'cn-eu'?"},
    {"port-key-on-crossing.yaml",
     "broken/port-key-on-crossing.yaml:8:76: error: key 'berths' applies only to ports, but node 'dostyk' is "
     "a "
     "crossing"},
    {"probability-above-one.yaml",
     "broken/probability-above-one.yaml:14:130: error: cancel_probability_by_month of edge 'caspian' must be "
     ">= 0 and <= 1, got 1.5"},
    {"rail-ferry-capacity-teu.yaml",
     "broken/rail-ferry-capacity-teu.yaml:12:123: error: ferry edge 'caspian' is a rail_ferry; give "
     "'capacity_wagons', not 'capacity_teu'"},
    {"random-disruption-announced-end.yaml",
     "broken/random-disruption-announced-end.yaml:19:82: error: disruption 'storms' is random "
     "(rate_per_year): its trains expect the mean of duration_days, so expected_to_day does not apply"},
    {"random-disruption-unknown-with.yaml",
     "broken/random-disruption-unknown-with.yaml:19:34: error: disruption 'border' refers to unknown node or "
     "edge 'dostik'; did you mean 'dostyk'?"},
    {"reblock-hold-zero.yaml",
     "broken/reblock-hold-zero.yaml:3:52: error: reblock_max_hold_h of node 'brest' must be > 0 and <= 8760, "
     "got 0"},
    {"reblock-one-gauge.yaml",
     "broken/reblock-one-gauge.yaml:8:73: error: node 'khorgos' has reblock: true but its rail lines are "
     "all of one gauge; containers change trains only where the gauge changes"},
    {"region-unknown-node.yaml",
     "broken/region-unknown-node.yaml:3:57: error: region 'caspian_ports' refers to unknown node "
     "'alyatt'; did you mean 'alyat'?"},
    {"remove-without-extends.yaml",
     "broken/remove-without-extends.yaml:4:1: error: 'remove' is allowed only in a file that extends "
     "another"},
    {"seasonality-count.yaml",
     "broken/seasonality-count.yaml:15:28: error: seasonality of flow 'xian-lodz': expected a list of 12 "
     "numbers (January first), got 11 numbers"},
    {"share-unknown-region.yaml",
     "broken/share-unknown-region.yaml:5:32: error: share 'eu_via_central_asia' of report refers to "
     "unknown region 'central_asa'; did you mean 'central_asia'?"},
    {"share-without-via.yaml",
     "broken/share-without-via.yaml:5:5: error: share 'cn_eu_all' of report needs one of via and "
     "avoiding (a region id)"},
    {"tab-indentation.yaml",
     "broken/tab-indentation.yaml:8:1: error: invalid YAML: tabs are not allowed in YAML indentation; indent "
     "with spaces"},
    {"timetable-without-days.yaml",
     "broken/timetable-without-days.yaml:14:90: error: flow 'xian-lodz' has departures: timetable but no "
     "timetable_weekdays"},
    {"top-level-list.yaml",
     "broken/top-level-list.yaml:2:1: error: expected a map of scenario keys, got a list"},
    {"unknown-distribution.yaml",
     "broken/unknown-distribution.yaml:9:36: error: transshipment_h of node 'dostyk': unknown distribution "
     "'expo'; did you mean 'exponential'?"},
    {"unknown-key.yaml",
     "broken/unknown-key.yaml:8:65: error: unknown key 'tracs' in node 'dostyk'; did you mean 'tracks'?"},
    {"unknown-kind.yaml",
     "broken/unknown-kind.yaml:9:16: error: kind of node 'lodz' must be one of "
     "terminal|junction|crossing|port, got 'termnal'; did you mean 'terminal'?"},
    {"unknown-route-choice-mode.yaml",
     "broken/unknown-route-choice-mode.yaml:4:22: error: mode of route_choice must be one of logit|cheapest, "
     "got 'cheapst'; did you mean 'cheapest'?"},
    {"unknown-top-key.yaml",
     "broken/unknown-top-key.yaml:3:1: error: unknown key 'horizon_day' in scenario; did you mean "
     "'horizon_days'?"},
    {"unreachable-flow.yaml",
     "broken/unreachable-flow.yaml:14:31: error: flow 'xian-lodz': destination 'lodz' is unreachable from "
     "'xian' over the scenario's edges"},
    {"warmup-after-horizon.yaml",
     "broken/warmup-after-horizon.yaml:4:14: error: warmup_days must be < horizon_days (100), got 100"},
    {"when-full-on-weekdays.yaml",
     "broken/when-full-on-weekdays.yaml:12:116: error: ferry edge 'caspian' sails when_full; weekdays apply "
     "to "
     "sailing: schedule (every_days is then the least time between sailings)"},
    {"yaml-syntax.yaml", "broken/yaml-syntax.yaml:15:1: error: invalid YAML: end of map flow not found"},
    {"zero-tracks.yaml",
     "broken/zero-tracks.yaml:8:73: error: tracks of node 'dostyk' must be >= 1 and <= 100, got 0"},
};

const fs::path scenario_tests = fs::path(CORRIDOR_SOURCE_DIR) / "tests" / "scenario";

// Messages name files as given; the test gives absolute paths and compares them relative to tests/scenario.
std::string relative_message(std::string message) {
  const std::string prefix = scenario_tests.string() + "/";
  for (auto at = message.find(prefix); at != std::string::npos; at = message.find(prefix)) {
    message.erase(at, prefix.size());
  }
  return message;
}

class broken_file : public testing::TestWithParam<broken_case> {};

TEST_P(broken_file, fails_with_its_exact_message_and_location) {
  const auto& c = GetParam();
  try {
    corridor::load_scenario(scenario_tests / "broken" / c.file);
    FAIL() << c.file << " loaded without error";
  } catch (const corridor::scenario_error& e) {
    EXPECT_EQ(relative_message(e.what()), c.expected);
    EXPECT_EQ(e.diagnostics().size(), 1u) << e.what();
  }
}

std::string case_name(const testing::TestParamInfo<broken_case>& info) {
  std::string name = fs::path(info.param.file).stem().string();
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(corpus, broken_file, testing::ValuesIn(corpus), case_name);

TEST(broken_corpus, lists_every_file_of_the_folder_and_has_at_least_thirty) {
  std::set<std::string> on_disk, listed;
  for (const auto& entry : fs::directory_iterator(scenario_tests / "broken")) {
    if (entry.path().extension() == ".yaml") on_disk.insert(entry.path().filename().string());
  }
  for (const auto& c : corpus) listed.insert(c.file);
  EXPECT_EQ(on_disk, listed);
  EXPECT_GE(listed.size(), 30u);
}

}  // namespace

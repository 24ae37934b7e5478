// Loading valid scenarios: values, defaults, weekdays, every kind of distribution, look-ups, validation of
// scenarios changed in memory, several errors at once, and the to_yaml round trip.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <functional>
#include <string>

#include "corridor/scenario.hpp"

namespace {

using namespace corridor;
namespace fs = std::filesystem;

const fs::path fixtures = fs::path(CORRIDOR_SOURCE_DIR) / "tests" / "scenario" / "fixtures";

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const scenario_error& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string two_terminals = R"(regions: {china: [CN], central_asia: [KZ], europe: [PL]}
cargo_classes: {general: {}}
nodes:
  a: {kind: terminal, country: CN, lat: 34, lon: 109}
  b: {kind: terminal, country: PL, lat: 52, lon: 21}
edges:
  a-b: {from: a, to: b, distance_km: 9000}
flows:
  a-b: {from: a, to: b, cargo_class: general, teu_per_week: 100}
)";

TEST(scenario_loader, reads_every_value_of_the_small_fixture) {
  const auto s = load_scenario(fixtures / "small.yaml");
  EXPECT_EQ(s.name, "small");
  EXPECT_EQ(s.seed, 7u);
  EXPECT_EQ(s.horizon_days, 120.0);
  EXPECT_EQ(s.warmup_days, 10.0);
  ASSERT_EQ(s.nodes.size(), 9u);
  const auto* xian = s.find_node("xian");
  ASSERT_NE(xian, nullptr);
  EXPECT_EQ(xian->name, "Xi'an");
  EXPECT_EQ(xian->subsidy_usd_per_teu, 150.0);
  EXPECT_EQ(xian->loc.line, 16);
  EXPECT_EQ(xian->loc.column, 3);
  const auto* dostyk = s.find_node("dostyk");
  ASSERT_NE(dostyk, nullptr);
  EXPECT_EQ(dostyk->kind, node_kind::crossing);
  EXPECT_EQ(dostyk->crossing.tracks, 2);
  EXPECT_EQ(dostyk->crossing.daily_cap_trains, 22);
  const auto* caspian = s.find_edge("caspian");
  ASSERT_NE(caspian, nullptr);
  EXPECT_EQ(caspian->mode, edge_mode::ferry);
  EXPECT_EQ(caspian->ferry.capacity_teu, 225.0);
  EXPECT_EQ(caspian->ferry.cancel_probability_by_month[10], 0.3);
  EXPECT_FALSE(s.find_edge("alyat-baku")->bidirectional);
  EXPECT_EQ(s.find_edge("dostyk-moyinty")->gauge_mm, 1520);
  EXPECT_EQ(s.flows.size(), 4u);
  EXPECT_EQ(s.disruptions.at(1).capacity_factor, 0.5);
}

TEST(scenario_loader, fills_documented_defaults) {
  const auto s = load_scenario(fixtures / "minimal.yaml");
  EXPECT_EQ(s.name, "minimal");  // the file stem
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.horizon_days, 365.0);
  EXPECT_EQ(s.warmup_days, 0.0);
  EXPECT_EQ(s.train_capacity_teu, 82.0);
  EXPECT_EQ(s.route_choice.mode, route_choice_mode::logit);
  EXPECT_EQ(s.route_choice.k_paths, 4);
  EXPECT_EQ(s.report.share_region, "central_asia");
  const auto& x = *s.find_node("x");
  EXPECT_EQ(x.name, "x");
  EXPECT_EQ(x.crossing.tracks, 1);
  EXPECT_EQ(x.crossing.transshipment_h.kind, dist_kind::constant);
  EXPECT_EQ(x.crossing.transshipment_h.a, 4.0);
  EXPECT_EQ(x.crossing.pass_through_h.a, 1.0);
  const auto& e = *s.find_edge("a-x");
  EXPECT_EQ(e.mode, edge_mode::rail);
  EXPECT_EQ(e.gauge_mm, 1435);
  EXPECT_EQ(e.speed_km_per_day, 1000.0);
  EXPECT_TRUE(e.bidirectional);
  const auto& f = s.flows.at(0);
  EXPECT_EQ(f.arrivals, arrival_process::poisson);
  EXPECT_EQ(f.departures, departure_policy::on_demand);
  EXPECT_EQ(f.max_wait_h, 72.0);
  EXPECT_EQ(f.seasonality[5], 1.0);
  EXPECT_EQ(f.train_capacity_teu, 0.0);
  EXPECT_TRUE(s.disruptions.empty());
}

TEST(scenario_loader, parses_weekdays_in_week_order) {
  const auto s = load_scenario(fixtures / "small.yaml");
  EXPECT_EQ(s.find_edge("caspian")->ferry.weekdays, (std::vector<int>{0, 3}));
  auto text = two_terminals;
  text.replace(
      text.find("teu_per_week: 100}"), 18,
      "teu_per_week: 100,\n      departures: timetable, timetable_weekdays: [sun, wed, mon, sat, tue, "
      "fri, thu]}");
  const auto t = load_scenario_text(text, "weekdays.yaml");
  EXPECT_EQ(t.flows.at(0).timetable_weekdays, (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));
}

TEST(scenario_loader, reads_every_kind_of_distribution) {
  const auto s = load_scenario(fixtures / "small.yaml");
  const auto& dostyk = s.find_node("dostyk")->crossing;
  EXPECT_EQ(dostyk.transshipment_h.kind, dist_kind::exponential);
  EXPECT_EQ(dostyk.transshipment_h.a, 4.0);
  EXPECT_EQ(dostyk.pass_through_h.kind, dist_kind::uniform);
  EXPECT_EQ(dostyk.pass_through_h.b, 1.5);
  EXPECT_EQ(dostyk.customs_dwell_h.kind, dist_kind::triangular);
  EXPECT_EQ(dostyk.customs_dwell_h.c, 6.0);
  const auto& brest = s.find_node("brest")->crossing;
  EXPECT_EQ(brest.transshipment_h.kind, dist_kind::lognormal);
  EXPECT_EQ(brest.transshipment_h.b, 2.0);
  EXPECT_EQ(brest.customs_dwell_h.kind, dist_kind::normal);
  EXPECT_EQ(brest.pass_through_h.kind, dist_kind::empirical);
  EXPECT_EQ(brest.pass_through_h.values, (std::vector<double>{4, 5, 6}));
  EXPECT_DOUBLE_EQ(brest.pass_through_h.mean(), 5.0);
  // A constant in both spellings.
  const auto text = std::string(two_terminals)
                        .replace(two_terminals.find("  b: {"), 0,
                                 "  c: {kind: crossing, country: KZ, lat: 1, lon: 1, transshipment_h: {dist: "
                                 "constant, value: 3}, "
                                 "customs_dwell_h: 2.5}\n");
  const auto t = load_scenario_text(text, "constants.yaml");
  EXPECT_EQ(t.find_node("c")->crossing.transshipment_h.a, 3.0);
  EXPECT_EQ(t.find_node("c")->crossing.customs_dwell_h.kind, dist_kind::constant);
  EXPECT_EQ(t.find_node("c")->crossing.customs_dwell_h.a, 2.5);
}

TEST(scenario_loader, accepts_one_cancel_probability_for_every_month) {
  auto text = std::string(two_terminals);
  text.replace(
      text.find("edges:\n"), 7,
      "edges:\n  sea: {from: a, to: b, mode: ferry, distance_km: 400, every_days: 2, capacity_teu: 100, "
      "cancel_probability_by_month: 0.25}\n");
  const auto s = load_scenario_text(text, "ferry.yaml");
  for (double p : s.find_edge("sea")->ferry.cancel_probability_by_month) EXPECT_EQ(p, 0.25);
}

TEST(scenario_lookups, find_entities_by_id_and_countries_by_region) {
  const auto s = load_scenario(fixtures / "small.yaml");
  EXPECT_EQ(s.find_node("nowhere"), nullptr);
  EXPECT_EQ(s.find_region("europe")->countries.size(), 2u);
  EXPECT_EQ(s.find_cargo_class("electronics")->value_of_time_usd_per_teu_day, 120.0);
  EXPECT_EQ(s.find_cargo_class("nothing"), nullptr);
  EXPECT_TRUE(s.in_region("europe", "DE"));
  EXPECT_FALSE(s.in_region("europe", "KZ"));
  EXPECT_FALSE(s.in_region("atlantis", "DE"));
}

TEST(scenario_errors, reports_every_problem_of_a_file_at_once_in_file_order) {
  auto text = std::string(two_terminals);
  text.replace(text.find("distance_km: 9000"), 17, "distance_km: -1, tarif: 2");
  text.replace(text.find("lat: 52"), 7, "lat: 95");
  text.replace(text.find("teu_per_week: 100"), 17, "teu_per_week: lots");
  const auto message = message_of([&] { load_scenario_text(text, "multi.yaml"); });
  EXPECT_EQ(
      message,
      "multi.yaml:5:41: error: lat of node 'b' must be >= -90 and <= 90, got 95\n"
      "multi.yaml:7:38: error: distance_km of edge 'a-b' must be >= 0.001 and <= 20000, got -1\n"
      "multi.yaml:7:42: error: unknown key 'tarif' in edge 'a-b'; did you mean 'tariff_usd_per_teu_km'?\n"
      "multi.yaml:9:61: error: teu_per_week of flow 'a-b': expected a number, got 'lots'");
}

TEST(scenario_errors, stop_collecting_at_fifty) {
  std::string text = two_terminals + "disruptions:\n";
  for (int i = 0; i < 80; ++i)
    text += "  d" + std::to_string(i) + ": {target: a, from_day: 1, to_day: 2, x: 1}\n";
  try {
    load_scenario_text(text, "many.yaml");
    FAIL();
  } catch (const scenario_error& e) {
    EXPECT_EQ(e.diagnostics().size(), 50u);
    EXPECT_EQ(e.diagnostics().front().loc.line, 11);
  }
}

TEST(scenario_errors, name_a_missing_file) {
  EXPECT_EQ(message_of([] { load_scenario("/nonexistent/x.yaml"); }),
            "/nonexistent/x.yaml: error: cannot read scenario file: no such file");
}

TEST(scenario_validate, checks_a_scenario_changed_in_memory_at_its_entity) {
  auto s = load_scenario(fixtures / "small.yaml");
  EXPECT_NO_THROW(validate(s));
  s.edges.at(0).distance_km = -3;
  s.nodes.at(2).crossing.tracks = 0;
  const auto message = message_of([&] { validate(s); });
  const std::string file = (fixtures / "small.yaml").string();
  EXPECT_EQ(message,
            file + ":18:3: error: tracks of node 'dostyk' must be >= 1 and <= 100, got 0\n" + file +
                ":43:3: error: distance_km of edge 'xian-dostyk' must be >= 0.001 and <= 20000, got -3");
}

TEST(scenario_validate, finds_a_flow_cut_off_when_an_edge_is_dropped_in_memory) {
  auto s = load_scenario(fixtures / "small.yaml");
  std::erase_if(s.edges, [](const edge_spec& e) { return e.id == "alyat-baku"; });
  const auto message = message_of([&] { validate(s); });
  EXPECT_NE(message.find("flow 'xian-baku': destination 'baku' is unreachable from 'xian'"),
            std::string::npos)
      << message;
}

// Every field except locations, compared exactly (empirical weights up to rounding: they are stored
// cumulative and written back as differences).
void expect_same(const scenario& a, const scenario& b) {
  const auto same_dist = [](const distribution& x, const distribution& y) {
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.a, y.a);
    EXPECT_EQ(x.b, y.b);
    EXPECT_EQ(x.c, y.c);
    EXPECT_EQ(x.values, y.values);
    ASSERT_EQ(x.weights.size(), y.weights.size());
    for (std::size_t i = 0; i < x.weights.size(); ++i) EXPECT_NEAR(x.weights[i], y.weights[i], 1e-12);
  };
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.seed, b.seed);
  EXPECT_EQ(a.horizon_days, b.horizon_days);
  EXPECT_EQ(a.warmup_days, b.warmup_days);
  EXPECT_EQ(a.train_capacity_teu, b.train_capacity_teu);
  EXPECT_EQ(a.route_choice.mode, b.route_choice.mode);
  EXPECT_EQ(a.route_choice.k_paths, b.route_choice.k_paths);
  EXPECT_EQ(a.route_choice.logit_scale_per_usd, b.route_choice.logit_scale_per_usd);
  EXPECT_EQ(a.report.share_region, b.report.share_region);
  EXPECT_EQ(a.report.origin_region, b.report.origin_region);
  EXPECT_EQ(a.report.destination_region, b.report.destination_region);
  ASSERT_EQ(a.regions.size(), b.regions.size());
  for (std::size_t i = 0; i < a.regions.size(); ++i) {
    EXPECT_EQ(a.regions[i].id, b.regions[i].id);
    EXPECT_EQ(a.regions[i].countries, b.regions[i].countries);
    EXPECT_EQ(a.regions[i].nodes, b.regions[i].nodes);
    EXPECT_EQ(a.regions[i].name, b.regions[i].name);
  }
  EXPECT_EQ(a.choice.mode_scale_per_usd, b.choice.mode_scale_per_usd);
  EXPECT_EQ(a.choice.family_scale_per_usd, b.choice.family_scale_per_usd);
  EXPECT_EQ(a.choice.update_days, b.choice.update_days);
  EXPECT_EQ(a.choice.path_size, b.choice.path_size);
  ASSERT_EQ(a.report.shares.size(), b.report.shares.size());
  for (std::size_t i = 0; i < a.report.shares.size(); ++i) {
    const auto &x = a.report.shares[i], &y = b.report.shares[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.from_region, y.from_region);
    EXPECT_EQ(x.to_region, y.to_region);
    EXPECT_EQ(x.via_region, y.via_region);
    EXPECT_EQ(x.avoiding_region, y.avoiding_region);
  }
  EXPECT_EQ(a.report.gateways, b.report.gateways);
  ASSERT_EQ(a.cargo_classes.size(), b.cargo_classes.size());
  for (std::size_t i = 0; i < a.cargo_classes.size(); ++i) {
    EXPECT_EQ(a.cargo_classes[i].id, b.cargo_classes[i].id);
    EXPECT_EQ(a.cargo_classes[i].value_of_time_usd_per_teu_day,
              b.cargo_classes[i].value_of_time_usd_per_teu_day);
    EXPECT_EQ(a.cargo_classes[i].goods_value_usd_per_teu, b.cargo_classes[i].goods_value_usd_per_teu);
  }
  ASSERT_EQ(a.nodes.size(), b.nodes.size());
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    const auto &x = a.nodes[i], &y = b.nodes[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.country, y.country);
    EXPECT_EQ(x.lat, y.lat);
    EXPECT_EQ(x.lon, y.lon);
    EXPECT_EQ(x.subsidy_usd_per_teu, y.subsidy_usd_per_teu);
    EXPECT_EQ(x.handling_usd_per_teu, y.handling_usd_per_teu);
    EXPECT_EQ(x.crossing.tracks, y.crossing.tracks);
    EXPECT_EQ(x.crossing.tracks_entering, y.crossing.tracks_entering);
    EXPECT_EQ(x.crossing.tracks_leaving, y.crossing.tracks_leaving);
    same_dist(x.crossing.transshipment_h, y.crossing.transshipment_h);
    same_dist(x.crossing.pass_through_h, y.crossing.pass_through_h);
    same_dist(x.crossing.customs_dwell_h, y.crossing.customs_dwell_h);
    EXPECT_EQ(x.crossing.daily_cap_trains, y.crossing.daily_cap_trains);
    EXPECT_EQ(x.crossing.daily_cap_trains_entering, y.crossing.daily_cap_trains_entering);
    EXPECT_EQ(x.crossing.daily_cap_trains_leaving, y.crossing.daily_cap_trains_leaving);
    EXPECT_EQ(x.crossing.fee_usd_per_teu, y.crossing.fee_usd_per_teu);
  }
  ASSERT_EQ(a.edges.size(), b.edges.size());
  for (std::size_t i = 0; i < a.edges.size(); ++i) {
    const auto &x = a.edges[i], &y = b.edges[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.from, y.from);
    EXPECT_EQ(x.to, y.to);
    EXPECT_EQ(x.mode, y.mode);
    EXPECT_EQ(x.distance_km, y.distance_km);
    EXPECT_EQ(x.speed_km_per_day, y.speed_km_per_day);
    EXPECT_EQ(x.gauge_mm, y.gauge_mm);
    EXPECT_EQ(x.tariff_usd_per_teu_km, y.tariff_usd_per_teu_km);
    EXPECT_EQ(x.slots_per_day, y.slots_per_day);
    EXPECT_EQ(x.travel_time_cv, y.travel_time_cv);
    EXPECT_EQ(x.bidirectional, y.bidirectional);
    EXPECT_EQ(x.ferry.every_days, y.ferry.every_days);
    EXPECT_EQ(x.ferry.weekdays, y.ferry.weekdays);
    EXPECT_EQ(x.ferry.departure_hour, y.ferry.departure_hour);
    EXPECT_EQ(x.ferry.capacity_teu, y.ferry.capacity_teu);
    EXPECT_EQ(x.ferry.fare_usd_per_teu, y.ferry.fare_usd_per_teu);
    EXPECT_EQ(x.ferry.cancel_probability_by_month, y.ferry.cancel_probability_by_month);
  }
  ASSERT_EQ(a.flows.size(), b.flows.size());
  for (std::size_t i = 0; i < a.flows.size(); ++i) {
    const auto &x = a.flows[i], &y = b.flows[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.from, y.from);
    EXPECT_EQ(x.to, y.to);
    EXPECT_EQ(x.cargo_class, y.cargo_class);
    EXPECT_EQ(x.teu_per_week, y.teu_per_week);
    EXPECT_EQ(x.arrivals, y.arrivals);
    EXPECT_EQ(x.seasonality, y.seasonality);
    EXPECT_EQ(x.departures, y.departures);
    EXPECT_EQ(x.max_wait_h, y.max_wait_h);
    EXPECT_EQ(x.timetable_weekdays, y.timetable_weekdays);
    EXPECT_EQ(x.timetable_hour, y.timetable_hour);
    EXPECT_EQ(x.train_capacity_teu, y.train_capacity_teu);
  }
  ASSERT_EQ(a.disruptions.size(), b.disruptions.size());
  for (std::size_t i = 0; i < a.disruptions.size(); ++i) {
    EXPECT_EQ(a.disruptions[i].id, b.disruptions[i].id);
    EXPECT_EQ(a.disruptions[i].target, b.disruptions[i].target);
    EXPECT_EQ(a.disruptions[i].from_day, b.disruptions[i].from_day);
    EXPECT_EQ(a.disruptions[i].to_day, b.disruptions[i].to_day);
    EXPECT_EQ(a.disruptions[i].capacity_factor, b.disruptions[i].capacity_factor);
  }
  ASSERT_EQ(a.families.size(), b.families.size());
  for (std::size_t i = 0; i < a.families.size(); ++i) {
    EXPECT_EQ(a.families[i].id, b.families[i].id);
    EXPECT_EQ(a.families[i].name, b.families[i].name);
    EXPECT_EQ(a.families[i].via, b.families[i].via);
  }
  ASSERT_EQ(a.alternatives.size(), b.alternatives.size());
  for (std::size_t i = 0; i < a.alternatives.size(); ++i) {
    const auto &x = a.alternatives[i], &y = b.alternatives[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.mode, y.mode);
    EXPECT_EQ(x.description, y.description);
    EXPECT_EQ(x.cost_usd_per_teu, y.cost_usd_per_teu);
    EXPECT_EQ(x.transit_days, y.transit_days);
    EXPECT_EQ(x.classes, y.classes);
  }
  ASSERT_EQ(a.markets.size(), b.markets.size());
  for (std::size_t i = 0; i < a.markets.size(); ++i) {
    const auto &x = a.markets[i], &y = b.markets[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.from_region, y.from_region);
    EXPECT_EQ(x.to_region, y.to_region);
    EXPECT_EQ(x.teu_per_year, y.teu_per_year);
    EXPECT_EQ(x.cargo_mix, y.cargo_mix);
    EXPECT_EQ(x.origins, y.origins);
    EXPECT_EQ(x.destinations, y.destinations);
    ASSERT_EQ(x.pairs.size(), y.pairs.size());
    for (std::size_t k = 0; k < x.pairs.size(); ++k) {
      EXPECT_EQ(x.pairs[k].id, y.pairs[k].id);
      EXPECT_EQ(x.pairs[k].from, y.pairs[k].from);
      EXPECT_EQ(x.pairs[k].to, y.pairs[k].to);
      EXPECT_EQ(x.pairs[k].share, y.pairs[k].share);
    }
    EXPECT_EQ(x.seasonality, y.seasonality);
    EXPECT_EQ(x.train_capacity_teu, y.train_capacity_teu);
    EXPECT_EQ(x.max_wait_h, y.max_wait_h);
    EXPECT_EQ(x.rail_constant_usd_per_teu, y.rail_constant_usd_per_teu);
    EXPECT_EQ(x.alternatives, y.alternatives);
    ASSERT_EQ(x.risks.size(), y.risks.size());
    for (std::size_t k = 0; k < x.risks.size(); ++k) {
      EXPECT_EQ(x.risks[k].region, y.risks[k].region);
      EXPECT_EQ(x.risks[k].avoid_share, y.risks[k].avoid_share);
      EXPECT_EQ(x.risks[k].premium_usd_per_teu, y.risks[k].premium_usd_per_teu);
    }
  }
}

void expect_round_trip(const fs::path& file) {
  const auto s = load_scenario(file);
  const auto yaml = to_yaml(s);
  const auto back = load_scenario_text(yaml, "shown.yaml");
  expect_same(s, back);
  const auto body = [](const std::string& text) { return text.substr(text.find('\n')); };  // past the comment
  EXPECT_EQ(body(to_yaml(back)), body(yaml));  // stable after one pass
}

TEST(scenario_to_yaml, loads_back_to_an_equal_scenario) {
  expect_round_trip(fixtures / "small.yaml");
}

// Re-blocking keys are written where a crossing re-blocks, and nowhere else (a scenario without them shows
// as it did before they existed).
TEST(scenario_to_yaml, loads_back_a_crossings_re_blocking_and_writes_none_where_it_is_off) {
  const auto s = load_scenario_text(
      "extends: small.yaml\nnodes: {dostyk: {reblock: true, reblock_train_wagons_entering: 57, "
      "reblock_train_wagons_leaving: 43, reblock_max_hold_h: 36}}\n",
      "reblock.yaml", fixtures);
  const auto back = load_scenario_text(to_yaml(s), "shown.yaml");
  const crossing_spec& c = back.find_node("dostyk")->crossing;
  EXPECT_TRUE(c.reblock);
  EXPECT_EQ(c.reblock_train_wagons_entering, 57);
  EXPECT_EQ(c.reblock_train_wagons_leaving, 43);
  EXPECT_EQ(c.reblock_max_hold_h, 36.0);
  EXPECT_FALSE(back.find_node("brest")->crossing.reblock);
  const std::string plain = to_yaml(load_scenario(fixtures / "small.yaml"));
  EXPECT_EQ(plain.find("reblock", plain.find('\n')), std::string::npos);  // past the comment with the path
}

TEST(scenario_to_yaml, loads_back_a_regions_display_name_and_a_share_region) {
  expect_round_trip(fixtures / "share-caucasus.yaml");
}

TEST(scenario_to_yaml, loads_back_a_multi_year_scenario_with_its_paths_openings_and_projects) {
  const fs::path file = CORRIDOR_SOURCE_DIR "/tests/model/fixtures/multiyear-toy.yaml";
  expect_round_trip(file);
  const auto s = load_scenario(file);
  const auto back = load_scenario_text(to_yaml(s), "shown.yaml");
  EXPECT_EQ(back.first_year, 2025);
  EXPECT_EQ(back.last_year, 2034);
  EXPECT_EQ(back.horizon_days, 3650.0);
  EXPECT_EQ(back.find_node("khorgos")->opens_day, 3 * 365.0);
  EXPECT_EQ(back.find_edge("xian-khorgos")->opens_day, 3 * 365.0);
  EXPECT_EQ(back.markets.front().growth_per_year, 0.05);
  EXPECT_EQ(back.alternatives.front().cost_growth_per_year, 0.02);
  ASSERT_EQ(back.projects.size(), 1U);
  EXPECT_EQ(back.projects.front().opens_day, 5 * 365.0);
  ASSERT_EQ(back.projects.front().nodes.size(), 1U);
  EXPECT_EQ(back.projects.front().nodes.front().crossing.daily_cap_trains, 8);
  EXPECT_EQ(back.projects.front().nodes.front().crossing.tracks, 3);
}

// Labels name regions by their `name`, else by the id in words; the headline share is share_region between
// the report's two regions unless the report defines shares, whose first it then is.
TEST(scenario_regions, have_display_names_and_the_report_one_headline_share) {
  const auto s = load_scenario(fixtures / "share-caucasus.yaml");
  EXPECT_EQ(s.find_region("caucasus")->name, "the Caucasus");
  EXPECT_EQ(s.region_name("caucasus"), "the Caucasus");
  EXPECT_EQ(s.region_name("central_asia"), "Central Asia");
  EXPECT_EQ(s.region_name("china"), "China");
  const share_spec legacy = headline_share(s.report);
  EXPECT_EQ(legacy.via_region, "caucasus");
  EXPECT_EQ(legacy.from_region, "china");
  EXPECT_EQ(legacy.to_region, "europe");
  EXPECT_TRUE(legacy.avoiding_region.empty());
  const auto m = load_scenario(fixtures / "markets.yaml");
  EXPECT_EQ(headline_share(m.report).id, m.report.shares.front().id);
}

TEST(scenario_to_yaml, loads_back_markets_alternatives_families_and_report_shares) {
  expect_round_trip(fixtures / "markets.yaml");
}

TEST(scenario_to_yaml, loads_back_the_resolved_overlay_chain) {
  expect_round_trip(fixtures / "chain.yaml");
}

// scenarios/ also holds other YAML (calibration targets): a scenario has `nodes` or `extends` at top level.
bool is_scenario_file(const fs::path& file) {
  if (file.extension() != ".yaml") return false;
  const YAML::Node top = YAML::LoadFile(file.string());
  return top.IsMap() && (top["nodes"] || top["extends"]);
}

TEST(scenario_to_yaml, loads_back_every_scenario_of_the_project) {
  const fs::path dir = fs::path(CORRIDOR_SOURCE_DIR) / "scenarios";
  if (!fs::exists(dir)) GTEST_SKIP() << "no scenarios/ yet";
  int scenarios = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!is_scenario_file(entry.path())) continue;
    ++scenarios;
    SCOPED_TRACE(entry.path().string());
    expect_round_trip(entry.path());
  }
  EXPECT_GT(scenarios, 0);
}

TEST(scenario_to_yaml, quotes_names_that_plain_yaml_would_misread) {
  auto s = load_scenario(fixtures / "minimal.yaml");
  s.name = "null";
  s.description = "line one\nline \"two\": x";
  s.nodes.at(0).name = "Xi'an: #1";
  const auto back = load_scenario_text(to_yaml(s), "quoted.yaml");
  EXPECT_EQ(back.name, "null");
  EXPECT_EQ(back.description, s.description);
  EXPECT_EQ(back.nodes.at(0).name, "Xi'an: #1");
}

}  // namespace

// Markets: demand for transport between regions, shared between rail and the market's alternatives by
// logit on generalized cost, revisited as conditions change. What is known exactly is checked exactly (the
// mode split on an uncongested network is the logit formula), and what a closure does is checked against
// the behaviour the corridor showed: the queue stays bounded, the demand goes to sea while rail is shut, and
// rail comes back after.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

// One rail route a -> x -> b (2,000 + 5,000 km at 1,000 km/day, US$0.20/TEU-km, a fixed 3 h gauge change at
// x with 50 tracks, so no train ever waits) and one ocean alternative at US$1,500/TEU and 40 days.
constexpr std::string_view one_route_yaml = R"(
name: one-route-market
horizon_days: 200
warmup_days: 20
train_capacity_teu: 50
regions: {china: [CN], europe: [PL], central_asia: [KZ], russia_belarus: [RU]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 48, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: KZ, lat: 45, lon: 80, tracks: 50, transshipment_h: 3}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x: {from: a, to: x, distance_km: 2000, speed_km_per_day: 1000, tariff_usd_per_teu_km: 0.2}
  x-b: {from: x, to: b, distance_km: 5000, speed_km_per_day: 1000, gauge_mm: 1520, tariff_usd_per_teu_km: 0.2}
choice: {mode_scale_per_usd: 0.001, family_scale_per_usd: 0.003, update_days: 7}
route_choice: {logit_scale_per_usd: 0.01}
alternatives:
  sea: {mode: sea, cost_usd_per_teu: 1500, transit_days: 40}
markets:
  ab:
    from: china
    to: europe
    teu_per_year: 100000
    cargo_mix: {general: 1}
    origins: {a: 1}
    destinations: {b: 1}
    rail_constant_usd_per_teu: 500
    alternatives: [sea]
)";

const market_result& market(const run_result& r, std::string_view id) {
  for (const market_result& m : r.markets) {
    if (m.id == id) return m;
  }
  throw std::out_of_range("no market '" + std::string(id) + "'");
}

double mode_teu(const market_result& m, std::string_view mode) {
  for (const auto& [id, teu] : m.teu_per_year_by_mode) {
    if (id == mode) return teu;
  }
  throw std::out_of_range("no mode '" + std::string(mode) + "'");
}

TEST(markets, the_mode_split_on_an_uncongested_network_is_the_logit_formula) {
  const run_result r = run_yaml(one_route_yaml);
  // Rail: US$1,400 of tariffs + 171 h (7 days moving, 3 h at x) x US$2/h + the rail constant of US$500.
  const double rail = 1400.0 + 171.0 * 2.0 + 500.0;
  const double sea = 1500.0 + 40.0 * 48.0;
  const double p_rail = 1.0 / (1.0 + std::exp(-0.001 * (sea - rail)));
  const market_result& m = market(r, "ab");
  EXPECT_NEAR(m.rail_share, p_rail, 1e-9);
  EXPECT_NEAR(mode_teu(m, "rail"), p_rail * 100000.0, 1e-6 * 100000.0);
  EXPECT_NEAR(mode_teu(m, "sea"), (1.0 - p_rail) * 100000.0, 1e-6 * 100000.0);
  EXPECT_NEAR(m.demand_teu_per_year, 100000.0, 1e-6 * 100000.0);
  EXPECT_EQ(m.not_shipped_teu_per_year, 0.0);
  // The containers rail draws are Poisson around its share of the demand: 1.5 % is ~7 standard deviations.
  EXPECT_NEAR(m.rail_entered_teu_per_year, p_rail * 100000.0, 0.015 * 100000.0);
  expect_conserved(r);
}

TEST(markets, a_dearer_sea_draws_more_containers_to_rail_under_common_random_numbers) {
  double previous_share = 0.0, previous_entered = 0.0;
  for (const char* cost : {"cost_usd_per_teu: 1000", "cost_usd_per_teu: 1500", "cost_usd_per_teu: 2500"}) {
    SCOPED_TRACE(cost);
    const run_result r = run_yaml(replaced(one_route_yaml, "cost_usd_per_teu: 1500", cost));
    const market_result& m = market(r, "ab");
    EXPECT_GT(m.rail_share, previous_share);
    // The same draws, a higher rate: every arrival comes earlier, so strictly more arrive in the window.
    EXPECT_GT(m.rail_entered_teu_per_year, previous_entered);
    previous_share = m.rail_share;
    previous_entered = m.rail_entered_teu_per_year;
  }
}

TEST(markets, an_origin_subsidy_lowers_rails_cost_in_mode_choice) {
  const run_result without = run_yaml(one_route_yaml);
  const run_result with_subsidy = run_yaml(
      replaced(one_route_yaml, "lat: 40, lon: 100}", "lat: 40, lon: 100, subsidy_usd_per_teu: 300}"));
  const double rail = 1400.0 + 171.0 * 2.0 + 500.0 - 300.0, sea = 1500.0 + 40.0 * 48.0;
  EXPECT_NEAR(market(with_subsidy, "ab").rail_share, 1.0 / (1.0 + std::exp(-0.001 * (sea - rail))), 1e-9);
  EXPECT_GT(market(with_subsidy, "ab").rail_share, market(without, "ab").rail_share);
}

TEST(markets, a_change_of_rails_price_moves_mode_choice_as_the_logit_formula_says_and_month_by_month) {
  // A cut of US$400 in every month: the logit of a rail cost US$400 lower, and the run the same as one whose
  // constant is US$400 lower (the price change is an input beside the estimate, not a second constant).
  const std::string cut = replaced(one_route_yaml, "rail_constant_usd_per_teu: 500",
                                   "rail_constant_usd_per_teu: 500\n    rail_price_change_usd_per_teu: -400");
  const run_result r = run_yaml(cut);
  const double rail = 1400.0 + 171.0 * 2.0 + 500.0 - 400.0, sea = 1500.0 + 40.0 * 48.0;
  EXPECT_NEAR(market(r, "ab").rail_share, 1.0 / (1.0 + std::exp(-0.001 * (sea - rail))), 1e-9);
  const run_result same =
      run_yaml(replaced(one_route_yaml, "rail_constant_usd_per_teu: 500", "rail_constant_usd_per_teu: 100"));
  EXPECT_EQ(market(r, "ab").rail_entered_teu_per_year, market(same, "ab").rail_entered_teu_per_year);
  // By month: dearer rail in the window's first half only moves rail's volume below the flat run's but above
  // the run dearer all year.
  const auto dearer = [&](const std::string& months) {
    return market(run_yaml(replaced(
                      one_route_yaml, "rail_constant_usd_per_teu: 500",
                      "rail_constant_usd_per_teu: 500\n    rail_price_change_usd_per_teu: " + months)),
                  "ab")
        .rail_entered_teu_per_year;
  };
  const double flat = market(run_yaml(one_route_yaml), "ab").rail_entered_teu_per_year;
  const double half = dearer("[300, 300, 300, 0, 0, 0, 0, 0, 0, 0, 0, 0]");
  const double all = dearer("300");
  EXPECT_LT(half, flat);
  EXPECT_GT(half, all);
  EXPECT_EQ(dearer("0"), flat);
}

TEST(markets, a_corridor_familys_constant_enters_its_inclusive_cost_and_so_mode_choice_exactly) {
  // Two identical routes, one through x (family north), one through y (family south); north carries a
  // constant of US$300. Each family's inclusive cost is its one route's cost, rail's is the family logsum.
  const std::string two = with(
      replaced(
          replaced(one_route_yaml, "  b: {kind: terminal",
                   "  y: {kind: crossing, country: KZ, lat: 44, lon: 81, tracks: 50, transshipment_h: 3}\n"
                   "  b: {kind: terminal"),
          "  x-b:",
          "  a-y: {from: a, to: y, distance_km: 2000, speed_km_per_day: 1000, tariff_usd_per_teu_km: 0.2}\n"
          "  y-b: {from: y, to: b, distance_km: 5000, speed_km_per_day: 1000, gauge_mm: 1520, "
          "tariff_usd_per_teu_km: 0.2}\n  x-b:"),
      "corridor_families:\n  north: {via: [x], constant_usd_per_teu: 300}\n  south: {via: [y]}");
  const double route = 1400.0 + 171.0 * 2.0, theta_family = 0.003;
  const double rail_logsum =
      -std::log(std::exp(-theta_family * (route + 300.0)) + std::exp(-theta_family * route)) / theta_family;
  const double sea = 1500.0 + 40.0 * 48.0, rail = rail_logsum + 500.0;
  const run_result r = run_yaml(two);
  EXPECT_NEAR(market(r, "ab").rail_share, 1.0 / (1.0 + std::exp(-0.001 * (sea - rail))), 1e-9);
  // Trains follow the family shares: north takes 1 / (1 + e^{0.9}) = 0.289 of them.
  double north = 0.0, all = 0.0;
  for (const route_result& rr : r.routes) {
    all += rr.trains;
    if (rr.route.find(">x>") != std::string::npos) north += rr.trains;
  }
  ASSERT_GT(all, 300.0);
  const double p = 1.0 / (1.0 + std::exp(theta_family * 300.0));
  EXPECT_NEAR(north / all, p, 4.0 * std::sqrt(p * (1.0 - p) / all));
  // Without the constant the two families split evenly and rail is cheaper by the difference of logsums.
  const run_result even = run_yaml(replaced(two, ", constant_usd_per_teu: 300", ""));
  EXPECT_GT(market(even, "ab").rail_share, market(r, "ab").rail_share);
}

TEST(markets, a_month_long_closure_sends_the_demand_to_sea_keeps_the_queue_bounded_and_rail_recovers) {
  const run_result open = run_yaml(one_route_yaml);
  const run_result shut = run_yaml(with(
      one_route_yaml, "disruptions: {shut: {target: x, from_day: 100, to_day: 130, capacity_factor: 0}}"));
  const market_result& o = market(open, "ab");
  const market_result& s = market(shut, "ab");
  // Shippers see the closure at the first weekly revision after it starts (day 105) and the reopening at
  // the first after it ends (day 133): 28 days of rail demand go to sea.
  const double rail_per_day = o.rail_share * 100000.0 / 365.0;
  const double to_sea = (mode_teu(s, "sea") - mode_teu(o, "sea")) * open.window_days / 365.0;
  EXPECT_NEAR(to_sea, 28.0 * rail_per_day, 0.02 * 28.0 * rail_per_day);
  EXPECT_NEAR(mode_teu(s, "rail") + mode_teu(s, "sea"), 100000.0, 1e-6 * 100000.0);
  // Only what was booked before day 105 waits at x: five days of trains at most, not a queue that grows.
  const double trains_per_day = rail_per_day / 50.0;
  EXPECT_GT(queue(shut, "x").max_queue_trains, 2.0 * trains_per_day);
  EXPECT_LT(queue(shut, "x").max_queue_trains, 9.0 * trains_per_day);
  // After the reopening the stranded trains clear: at the end as many containers are in the system as in
  // the open run, give or take a few days of demand.
  EXPECT_LT(std::abs(shut.containers_in_system - open.containers_in_system), 3.0 * rail_per_day);
  expect_conserved(shut);
  expect_littles_law(shut);
}

// Two crossings: x1 in Russia is the shorter way, x2 in Kazakhstan 1,000 km longer.
constexpr std::string_view risk_yaml = R"(
name: risk-market
horizon_days: 150
warmup_days: 20
train_capacity_teu: 50
regions: {china: [CN], europe: [PL], central_asia: [KZ], russia_belarus: [RU]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 48, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x1: {kind: crossing, country: RU, lat: 50, lon: 90, tracks: 50, transshipment_h: 3}
  x2: {kind: crossing, country: KZ, lat: 45, lon: 80, tracks: 50, transshipment_h: 3}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x1: {from: a, to: x1, distance_km: 2000, speed_km_per_day: 1000, tariff_usd_per_teu_km: 0.2}
  a-x2: {from: a, to: x2, distance_km: 2500, speed_km_per_day: 1000, tariff_usd_per_teu_km: 0.2}
  x1-b: {from: x1, to: b, distance_km: 5000, speed_km_per_day: 1000, gauge_mm: 1520, tariff_usd_per_teu_km: 0.2}
  x2-b: {from: x2, to: b, distance_km: 5500, speed_km_per_day: 1000, gauge_mm: 1520, tariff_usd_per_teu_km: 0.2}
choice: {mode_scale_per_usd: 0.001, family_scale_per_usd: 0.003, update_days: 7}
route_choice: {logit_scale_per_usd: 0.01}
alternatives:
  sea: {mode: sea, cost_usd_per_teu: 1500, transit_days: 40}
markets:
  ab:
    from: china
    to: europe
    teu_per_year: 100000
    cargo_mix: {general: 1}
    origins: {a: 1}
    destinations: {b: 1}
    alternatives: [sea]
    risk: {russia_belarus: {avoid_share: AVOID, premium_usd_per_teu: PREMIUM}}
)";

run_result run_risk(std::string_view avoid, std::string_view premium) {
  return run_yaml(replaced(replaced(risk_yaml, "AVOID", avoid), "PREMIUM", premium));
}

TEST(markets, shippers_who_avoid_a_region_never_route_through_it_and_a_premium_moves_the_others) {
  const run_result neutral = run_risk("0", "0");
  const run_result avoiding = run_risk("1", "0");
  const run_result priced = run_risk("0", "400");
  // Without risk the shorter route through Russia carries most trains (US$200 + 24 h cheaper).
  EXPECT_GT(queue(neutral, "x1").trains, 3.0 * queue(neutral, "x2").trains);
  EXPECT_EQ(queue(avoiding, "x1").trains, 0.0);
  EXPECT_GT(queue(avoiding, "x2").trains, 0.0);
  // A US$400 premium makes the route through Russia US$152 dearer in generalized cost: most trains go via x2.
  EXPECT_LT(queue(priced, "x1").trains, queue(priced, "x2").trains);
  for (const run_result* r : {&neutral, &avoiding, &priced}) expect_conserved(*r);
}

TEST(markets, half_the_shippers_avoiding_a_region_splits_the_rail_demand_into_two_services) {
  const run_result r = run_risk("0.5", "0");
  // The avoiding half uses x2 only; the other half splits by cost as the neutral market does. The avoiding
  // half's rail is dearer, so fewer of them take rail: x1's part lies above half the neutral one.
  const run_result neutral = run_risk("0", "0");
  const double neutral_x1_share =
      queue(neutral, "x1").trains / (queue(neutral, "x1").trains + queue(neutral, "x2").trains);
  const double x1_share = queue(r, "x1").trains / (queue(r, "x1").trains + queue(r, "x2").trains);
  EXPECT_GT(x1_share, 0.45 * neutral_x1_share);
  EXPECT_LT(x1_share, 0.75 * neutral_x1_share);
  EXPECT_LT(market(r, "ab").rail_share, market(neutral, "ab").rail_share);
  expect_conserved(r);
}

}  // namespace
}  // namespace corridor::test

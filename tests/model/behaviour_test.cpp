// How the corridor responds: closures move traffic to the other crossing, a daily cap below demand builds a
// queue without bound, ferry weather delays the Middle Corridor, logit with a huge scale is cheapest-route
// choice, and runs are reproducible with common random numbers.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

// Two crossings between a and b; the route through x1 is 1,000 km shorter, so it carries most trains.
constexpr std::string_view two_crossings_yaml = R"(
name: two-crossings
horizon_days: 80
warmup_days: 10
train_capacity_teu: 50
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 60, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x1: {kind: crossing, country: KZ, lat: 45, lon: 80, tracks: 2, transshipment_h: {dist: exponential, mean: 3}}
  x2: {kind: crossing, country: KZ, lat: 47, lon: 82, tracks: 2, transshipment_h: {dist: exponential, mean: 3}}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x1: {from: a, to: x1, distance_km: 2000, speed_km_per_day: 1000, tariff_usd_per_teu_km: 0.2}
  a-x2: {from: a, to: x2, distance_km: 2500, speed_km_per_day: 1000, tariff_usd_per_teu_km: 0.2}
  x1-b: {from: x1, to: b, distance_km: 5000, speed_km_per_day: 1000, gauge_mm: 1520, tariff_usd_per_teu_km: 0.2}
  x2-b: {from: x2, to: b, distance_km: 5500, speed_km_per_day: 1000, gauge_mm: 1520, tariff_usd_per_teu_km: 0.2}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 3500}
)";

TEST(closure, closing_a_crossing_for_the_whole_run_moves_all_its_trains_to_the_other) {
  const run_result open = run_yaml(two_crossings_yaml);
  ASSERT_GT(queue(open, "x1").trains, 2.0 * queue(open, "x2").trains);  // x1 is the preferred route
  const run_result shut = run_yaml(with(
      two_crossings_yaml, "disruptions: {shut: {target: x1, from_day: 0, to_day: 80, capacity_factor: 0}}"));
  EXPECT_EQ(queue(shut, "x1").trains, 0.0);
  EXPECT_EQ(queue(shut, "x1").arrivals_per_h, 0.0);
  EXPECT_EQ(flow_trains_via(shut, "ab", "x1"), 0.0);
  EXPECT_EQ(flow_trains_via(shut, "ab", "x2"),
            flow_trains_via(open, "ab", "x1") + flow_trains_via(open, "ab", "x2"));
  expect_conserved(shut);
}

TEST(closure, closing_a_crossing_for_ten_days_shifts_that_traffic_to_the_other_crossing) {
  const run_result open = run_yaml(two_crossings_yaml);
  const run_result shut = run_yaml(with(
      two_crossings_yaml, "disruptions: {shut: {target: x1, from_day: 30, to_day: 40, capacity_factor: 0}}"));
  const double x1_per_day = queue(open, "x1").trains / open.window_days;
  const double lost = queue(open, "x1").trains - queue(shut, "x1").trains;
  const double gained = queue(shut, "x2").trains - queue(open, "x2").trains;
  // Trains already on their way to x1 wait for it to reopen, so somewhat less than ten days' worth moves.
  EXPECT_GT(lost, 8.0 * x1_per_day);
  EXPECT_LT(lost, 10.5 * x1_per_day);
  EXPECT_NEAR(gained, lost, 0.05 * lost);
  expect_conserved(shut);
}

TEST(closure, overlapping_disruptions_of_one_crossing_keep_it_closed_until_the_last_one_ends) {
  // Closed on days 10-30 and 20-40 (listed in that order and the other): closed from day 10 to 40. Trains
  // already on their way when it closed wait at x1 all that time; new trains go to x2.
  for (const char* closures :
       {"disruptions: {early: {target: x1, from_day: 10, to_day: 30, capacity_factor: 0},"
        " late: {target: x1, from_day: 20, to_day: 40, capacity_factor: 0}}",
        "disruptions: {late: {target: x1, from_day: 20, to_day: 40, capacity_factor: 0},"
        " early: {target: x1, from_day: 10, to_day: 30, capacity_factor: 0}}"}) {
    SCOPED_TRACE(closures);
    const run_result r =
        run_yaml(with(replaced(two_crossings_yaml, "warmup_days: 10", "warmup_days: 0"), closures));
    const std::size_t x1 = queue_index(r, "x1");
    const double stranded = r.daily[12].queue_trains[x1];
    EXPECT_GT(stranded, 5.0);  // two days of trains in flight to x1
    // Row d is the queue at the end of day d; x1 reopens at the end of day 39 and starts two trains at once.
    for (std::size_t day = 12; day < 39; ++day) EXPECT_EQ(r.daily[day].queue_trains[x1], stranded) << day;
    EXPECT_EQ(r.daily[39].queue_trains[x1], stranded - 2.0);
    EXPECT_LT(r.daily[44].queue_trains[x1], stranded / 2.0);
    expect_conserved(r);
  }
}

// a train every 2 h into a crossing with 2 tracks and a fixed 3 h gauge change: no train ever waits.
constexpr std::string_view steady_crossing_yaml = R"(
name: steady-crossing
horizon_days: 40
train_capacity_teu: 1
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: KZ, lat: 45, lon: 80, tracks: 2, transshipment_h: 3}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x: {from: a, to: x, distance_km: 500, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 500, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 84, arrivals: scheduled}
disruptions:
  half: {target: x, from_day: 10, to_day: 20, capacity_factor: 0.5}
)";

TEST(disruption, cutting_a_crossing_to_half_its_tracks_builds_a_queue_that_drains_after) {
  const run_result r = run_yaml(steady_crossing_yaml);
  const std::size_t x = queue_index(r, "x");
  EXPECT_EQ(r.daily[8].queue_trains[x], 0.0);
  // One track serves 8 trains a day of the 12 that come: the queue grows by 4 a day for 10 days, then
  // two tracks clear 16 a day against 12 coming, 4 a day, so it is gone 10 days later.
  EXPECT_NEAR(r.daily[19].queue_trains[x], 40.0, 1.0);
  EXPECT_NEAR(r.daily[24].queue_trains[x], 20.0, 1.0);
  EXPECT_EQ(r.daily[31].queue_trains[x], 0.0);
  expect_conserved(r);
}

// Two parallel routes a-j1-b (2,000 km) and a-j2-b (2,400 km).
constexpr std::string_view two_lines_yaml = R"(
name: two-lines
horizon_days: 40
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  j1: {kind: junction, country: KZ, lat: 45, lon: 80}
  j2: {kind: junction, country: KZ, lat: 47, lon: 82}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-j1: {from: a, to: j1, distance_km: 1000, speed_km_per_day: 1000}
  j1-b: {from: j1, to: b, distance_km: 1000, speed_km_per_day: 1000}
  a-j2: {from: a, to: j2, distance_km: 1200, speed_km_per_day: 1000}
  j2-b: {from: j2, to: b, distance_km: 1200, speed_km_per_day: 1000}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 840, arrivals: scheduled}
route_choice: {mode: cheapest}
disruptions:
  cut: {target: j1-b, from_day: 10, to_day: 20, capacity_factor: 0}
)";

TEST(disruption, trains_reroute_around_a_closed_line_and_deliveries_go_on) {
  // Path sets keep one route per sequence of border points, so a>j2>b is not in this flow's path set:
  // trains must re-plan on the open network, also those that leave a while the line is closed.
  const run_result r = run_yaml(two_lines_yaml);
  ASSERT_EQ(r.routes.size(), 1u);
  // 12 trains a day. Those on a-j1 when j1-b closes turn back at j1 (a day's gap in deliveries), later
  // ones go via j2 (2.4 days instead of 2); deliveries never stop for longer.
  for (std::size_t day = 12; day < 40; ++day) EXPECT_GE(r.daily[day].trains_delivered, 7.0) << day;
  double j2b = 0.0;
  for (const edge_result& e : r.edges) j2b += e.id == "j2-b" ? e.trains : 0.0;
  EXPECT_GE(j2b, 12.0 * 10.0);
  EXPECT_LE(j2b, 12.0 * 12.0);
  expect_conserved(r);
}

// One crossing that may start 5 trains a day, with 10 trains a day arriving: the queue grows by ~5 a day.
constexpr std::string_view capped_yaml = R"(
name: capped
horizon_days: 60
warmup_days: 0
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: PL, lat: 52, lon: 23, tracks: 4, transshipment_h: 2, daily_cap_trains: 5}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x: {from: a, to: x, distance_km: 1000, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 500, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 700}
)";

TEST(daily_cap, a_cap_below_demand_makes_the_queue_grow_without_bound) {
  const run_result r = run_yaml(capped_yaml);
  const std::size_t x = queue_index(r, "x");
  ASSERT_EQ(r.daily.size(), 60u);
  const double mid = r.daily[29].queue_trains[x];
  const double end = r.daily[59].queue_trains[x];
  EXPECT_GT(mid, 100.0);
  EXPECT_GT(end, 1.8 * mid);
  double last_week = -1.0;
  for (std::size_t w = 1; w < 8; ++w) {  // weekly means rise every week after the first
    double sum = 0.0;
    for (std::size_t d = 7 * w; d < 7 * w + 7; ++d) sum += r.daily[d].queue_trains[x];
    EXPECT_GT(sum / 7.0, last_week + 20.0) << "week " << w;
    last_week = sum / 7.0;
  }
  EXPECT_LE(queue(r, "x").trains, 5.0 * 60.0);  // never more than the cap starts service
  EXPECT_GE(queue(r, "x").trains, 5.0 * 59.0);  // and the cap is used every day
  expect_conserved(r);
}

// A Middle-Corridor leg: rail to port p, a ferry every 2 days with room for everyone, rail on from q.
constexpr std::string_view caspian_yaml = R"(
name: caspian
horizon_days: 120
warmup_days: 10
train_capacity_teu: 40
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 80}
  p: {kind: port, country: KZ, lat: 43, lon: 51}
  q: {kind: port, country: PL, lat: 40, lon: 49}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-p: {from: a, to: p, distance_km: 3000, speed_km_per_day: 900}
  q-b: {from: q, to: b, distance_km: 3000, speed_km_per_day: 900}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 600}
)";

std::string caspian(double cancel_probability) {
  std::string yaml(caspian_yaml);
  const std::string ferry =
      "  p-q: {from: p, to: q, mode: ferry, distance_km: 450, speed_km_per_day: 450, every_days: 2,"
      " capacity_teu: 1000, cancel_probability_by_month: " +
      std::to_string(cancel_probability) + "}\n";
  return yaml.insert(yaml.find("  q-b:"), ferry);
}

TEST(ferry, weather_cancellations_delay_middle_corridor_containers) {
  const run_result calm = run_yaml(caspian(0.0));
  const run_result stormy = run_yaml(caspian(0.3));
  const queue_result& calm_port = queue(calm, "p-q@p");
  const queue_result& stormy_port = queue(stormy, "p-q@p");
  EXPECT_EQ(calm_port.cancelled_sailings, 0.0);
  EXPECT_EQ(stormy_port.sailings, calm_port.sailings);
  EXPECT_GT(stormy_port.cancelled_sailings, 0.15 * stormy_port.sailings);
  EXPECT_LT(stormy_port.cancelled_sailings, 0.45 * stormy_port.sailings);
  // A cancelled sailing costs its trains 2 days: the mean wait rises by about 2 d x p / (1 - p) = 20 h.
  EXPECT_GT(stormy_port.mean_wait_h, calm_port.mean_wait_h + 10.0);
  EXPECT_GT(stormy.transit_days_mean, calm.transit_days_mean + 10.0 / 24.0);
  EXPECT_EQ(stormy.containers_entered, calm.containers_entered);  // same seed, same demand
  expect_conserved(stormy);
}

TEST(route_choice, logit_with_a_huge_scale_picks_exactly_the_cheapest_route) {
  // The detour via x2 is only 50 km and demand loads x1 to rho ~ 0.9 on its own, so as x1's queue grows
  // the cheapest route flips between the two: both carry trains and the comparison is not trivial.
  std::string busy = replaced(two_crossings_yaml, "distance_km: 2500", "distance_km: 2050");
  busy = replaced(replaced(busy, "distance_km: 5500", "distance_km: 5000"), "teu_per_week: 3500",
                  "teu_per_week: 5000");
  const run_result cheapest = run_yaml(with(busy, "route_choice: {mode: cheapest}\n"));
  const run_result logit =
      run_yaml(with(busy, "route_choice: {mode: logit, logit_scale_per_usd: 1000000}\n"));
  EXPECT_GT(flow_trains_via(cheapest, "ab", "x2"), 10.0);
  EXPECT_GT(flow_trains_via(cheapest, "ab", "x1"), 10.0);
  ASSERT_EQ(logit.routes.size(), cheapest.routes.size());
  for (std::size_t i = 0; i < logit.routes.size(); ++i) {
    EXPECT_EQ(logit.routes[i].trains, cheapest.routes[i].trains) << logit.routes[i].route;
  }
  // With the default scale the split differs: the dearer route gets a share even when x1 has no queue.
  const run_result soft = run_yaml(busy);
  EXPECT_NE(flow_trains_via(soft, "ab", "x2"), flow_trains_via(cheapest, "ab", "x2"));
}

TEST(reproducibility, the_same_seed_gives_identical_numbers_and_replications_differ) {
  const prepared_scenario p = prepare(two_crossings_yaml);
  const auto first = run_model(p, {.replication = 3, .seed = 11, .warmup_days = {}}).flatten();
  const auto again = run_model(p, {.replication = 3, .seed = 11, .warmup_days = {}}).flatten();
  ASSERT_EQ(first.size(), again.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].first, again[i].first);
    EXPECT_EQ(first[i].second, again[i].second) << first[i].first;  // bit for bit, not approximately
  }
  const auto other = run_model(p, {.replication = 4, .seed = 11, .warmup_days = {}}).flatten();
  ASSERT_EQ(other.size(), first.size());
  int differ = 0;
  for (std::size_t i = 0; i < first.size(); ++i) differ += other[i].second != first[i].second ? 1 : 0;
  EXPECT_GT(differ, static_cast<int>(first.size()) / 2);
}

TEST(common_random_numbers, adding_an_unrelated_flow_leaves_another_flows_arrivals_unchanged) {
  // c -> d runs on its own line: it shares no node, edge or queue with a -> b.
  const std::string network_cd = R"(
  c: {kind: terminal, country: CN, lat: 30, lon: 104}
  d: {kind: terminal, country: PL, lat: 52, lon: 17}
)";
  std::string base(two_crossings_yaml);
  base.insert(base.find("edges:"), network_cd.substr(1));
  base.insert(base.find("flows:"), "  c-d: {from: c, to: d, distance_km: 9000, speed_km_per_day: 1000}\n");
  const std::string both = base + "  cd: {from: c, to: d, cargo_class: general, teu_per_week: 800}\n";
  std::string only_cd = both;
  only_cd.erase(only_cd.find("  ab: {"), only_cd.find("  cd: {") - only_cd.find("  ab: {"));

  const run_result ab = run_yaml(base);
  const run_result ab_cd = run_yaml(both);
  const run_result cd = run_yaml(only_cd);
  EXPECT_EQ(ab_cd.containers_entered, ab.containers_entered + cd.containers_entered);
  EXPECT_EQ(flow_teu(ab_cd, "ab"), flow_teu(ab, "ab"));
  EXPECT_EQ(flow_trains_via(ab_cd, "ab", "x1"), flow_trains_via(ab, "ab", "x1"));
  EXPECT_EQ(flow_trains_via(ab_cd, "ab", "x2"), flow_trains_via(ab, "ab", "x2"));
  EXPECT_EQ(queue(ab_cd, "x1").mean_wait_h, queue(ab, "x1").mean_wait_h);
  EXPECT_GT(flow_teu(ab_cd, "cd"), 0.0);
}

}  // namespace
}  // namespace corridor::test

// Rolling stock: wagon pools at their homes, trains waiting for wagons, empty trains going home on the same
// slots and crossings as loaded ones. Closed loops worked by hand, conservation of containers and wagons,
// queueing checks on the new queue, and the 2021 platform shortage.
#include <gtest/gtest.h>

#include <string>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

const wagon_pool_result& pool(const run_result& r, std::string_view id) {
  for (const wagon_pool_result& w : r.wagon_pools) {
    if (w.id == id) return w;
  }
  throw std::out_of_range("no wagon pool '" + std::string(id) + "'");
}

// Every pool's wagons are out or at home at every moment, measured apart: their time-averages add up to 1.
// And the queue of trains waiting for wagons keeps Little's law as every other queue does.
void expect_wagons_conserved(const run_result& r) {
  for (const wagon_pool_result& w : r.wagon_pools) {
    EXPECT_NEAR(w.utilization + w.home_share, 1.0, 1e-9) << w.id;
    EXPECT_NEAR(w.mean_queue_trains, w.arrivals_per_h * w.mean_wait_h,
                1e-9 * std::max(1.0, w.mean_queue_trains))
        << w.id;
  }
}

// A closed loop: 10-TEU trains (5 platforms) from a to b, a day each way on a 1,000 km broad-gauge line, and
// a pool of `wagons` platforms at a with a day's turnaround. Containers come evenly at `teu_per_week`.
std::string loop_yaml(int wagons, double teu_per_week) {
  return R"(
name: wagon-loop
horizon_days: 200
warmup_days: 20
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: KZ, lat: 43, lon: 77}
  b: {kind: terminal, country: KZ, lat: 51, lon: 71}
edges:
  a-b: {from: a, to: b, distance_km: 1000, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: )" +
         std::to_string(teu_per_week) + R"(, arrivals: scheduled}
wagon_pools:
  kz: {gauge_mm: 1520, size_wagons: )" +
         std::to_string(wagons) + R"(, home: [a], turnaround_h: 24}
)";
}

TEST(wagons, a_pool_smaller_than_the_demand_needs_caps_throughput_at_pool_over_cycle_time) {
  // A train's wagons are away 24 h loaded, 24 h empty and 24 h in turnaround: a cycle of C = 72 h. Demand is
  // a train every 4 h (60 TEU a day), far above what N platforms carry: N / 5 trainsets, one cycle each, so
  // N / 5 / 3 trains a day. 15 platforms: 1 train a day; 30: 2.
  for (const int wagons : {15, 30}) {
    const run_result r = run_yaml(loop_yaml(wagons, 420));
    const double expected = wagons / 5.0 / 3.0;
    EXPECT_NEAR(r.throughput_trains_per_day, expected, 0.01 * expected) << wagons;
    const wagon_pool_result& w = pool(r, "kz");
    // Out 48 h of each 72 h cycle; home (turnaround) the other 24.
    EXPECT_NEAR(w.utilization, 2.0 / 3.0, 0.01);
    EXPECT_GT(w.trains_waited, 0.0);
    EXPECT_GT(w.mean_wait_h, 24.0);  // the queue of formed trains only grows
    // Every delivered train sent its wagons back empty: one empty train of 1,000 km each, a day's trip.
    EXPECT_NEAR(w.empty_trains, r.throughput_trains_per_day * r.window_days, 1.0);
    EXPECT_DOUBLE_EQ(w.empty_train_km, 1000.0 * w.empty_trains);
    EXPECT_DOUBLE_EQ(r.empty_train_km, w.empty_train_km);
    EXPECT_NEAR(w.mean_empty_trip_h, 24.0, 1e-9);
    expect_wagons_conserved(r);
    expect_conserved(r);
  }
}

// The daily series (daily.csv) of the 15-platform loop: every day's wagons at home and out make the pool, the
// days' time-averages add up to the window's (each day is a whole day of it), and the queue of trains
// waiting for wagons only grows.
TEST(wagons, the_daily_series_give_each_days_wagons_at_home_and_out_and_the_trains_waiting) {
  const run_result r = run_yaml(loop_yaml(15, 420));
  const wagon_pool_result& w = pool(r, "kz");
  ASSERT_EQ(r.daily.size(), 180u);
  double utilization = 0.0, waiting = 0.0;
  for (const daily_row& d : r.daily) {
    ASSERT_EQ(d.wagons_home.size(), 1u);
    EXPECT_EQ(d.wagons_home[0] + d.wagons_out[0], 15.0) << d.day;
    utilization += d.wagon_utilization[0];
    waiting += d.mean_trains_waiting_wagons[0];
  }
  EXPECT_NEAR(utilization / 180.0, w.utilization, 1e-9);
  EXPECT_NEAR(waiting / 180.0, w.mean_queue_trains, 1e-9 * w.mean_queue_trains);
  // Six trains a day form, one leaves: five more wait at the end of each day.
  EXPECT_NEAR(r.daily.back().trains_waiting_wagons[0] - r.daily.front().trains_waiting_wagons[0], 179.0 * 5.0,
              3.0);
  // Without pools, no series.
  EXPECT_TRUE(run_yaml(part_full_yaml()).daily.front().wagons_home.empty());
}

TEST(wagons, a_pool_large_enough_lets_every_train_leave_at_once) {
  // A train a day needs 3 trainsets (a 72 h cycle); 25 platforms are 5.
  const run_result r = run_yaml(loop_yaml(25, 70));
  EXPECT_NEAR(r.throughput_trains_per_day, 1.0, 0.01);
  const wagon_pool_result& w = pool(r, "kz");
  EXPECT_EQ(w.trains_waited, 0.0);
  EXPECT_EQ(w.mean_wait_h, 0.0);
  EXPECT_NEAR(w.utilization, 2.0 * 5.0 / 25.0 * 1.0, 0.01);  // 5 platforms out 48 h of every 24 h
  EXPECT_NEAR(flow(r, "ab").train_transit_days_mean, 1.0, 1e-9);
  expect_wagons_conserved(r);
  expect_conserved(r);
}

TEST(wagons, a_pool_no_train_uses_changes_no_number_but_its_own) {
  // A pool of standard-gauge wagons at a, where the trains leave on broad gauge: nobody takes them.
  const std::string base = loop_yaml(15, 70);
  const std::string without = base.substr(0, base.find("wagon_pools:"));
  const std::string unused = replaced(base, "gauge_mm: 1520, size_wagons", "gauge_mm: 1435, size_wagons");
  const run_result a = run_yaml(without), b = run_yaml(unused);
  EXPECT_TRUE(a.wagon_pools.empty());
  EXPECT_EQ(a.events, b.events);
  std::vector<std::pair<std::string, double>> fa = a.flatten(), fb = b.flatten();
  std::erase_if(fb, [](const auto& m) { return m.first.starts_with("wagon_pools."); });
  EXPECT_EQ(fa, fb);
  EXPECT_EQ(pool(b, "kz").trains, 0.0);
  EXPECT_EQ(pool(b, "kz").utilization, 0.0);
  EXPECT_EQ(pool(b, "kz").home_share, 1.0);
}

// Broad-gauge wagons taken where the gauge changes: trains from China (standard gauge) change at crossing x
// to the pool kept there, and release its wagons at b; the empties come back to x. A cycle of x->b (a day),
// b->x (a day) and 12 h of turnaround: 60 h.
constexpr std::string_view transshipment_yaml = R"(
name: wagon-transshipment
horizon_days: 300
warmup_days: 30
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: KZ, lat: 45, lon: 82, tracks: 2, transshipment_h: 2}
  b: {kind: terminal, country: KZ, lat: 51, lon: 71}
edges:
  a-x: {from: a, to: x, distance_km: 500, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 1000, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 420, arrivals: scheduled}
wagon_pools:
  ktz: {gauge_mm: 1520, size_wagons: 25, home: [x], turnaround_h: 12}
)";

TEST(wagons, trains_changing_gauge_wait_for_the_far_sides_wagons_and_empties_come_back) {
  // 25 platforms are 5 trainsets; the wagons are out from the end of the wait at x (then 2 h of
  // transshipment, 24 h to b) until the empty train reaches x (24 h): C = 2 + 24 + 24 + 12 = 62 h, so
  // 5 x 24 / 62 = 1.935 trains a day against the 6 that come.
  const run_result r = run_yaml(transshipment_yaml);
  const double expected = 5.0 * 24.0 / 62.0;
  EXPECT_NEAR(r.throughput_trains_per_day, expected, 0.01 * expected);
  const wagon_pool_result& w = pool(r, "ktz");
  EXPECT_NEAR(w.utilization, 50.0 / 62.0, 0.01);
  EXPECT_GT(w.mean_queue_trains, 10.0);
  EXPECT_DOUBLE_EQ(w.empty_train_km, 1000.0 * w.empty_trains);
  // The crossing serves only trains that have their wagons: never more than the pool's trainsets at once.
  EXPECT_LE(queue(r, "x").max_queue_trains, 5.0);
  expect_wagons_conserved(r);
  expect_littles_law(r);
  expect_conserved(r);
}

// Loaded trains both ways on one slotted line: a to b on wagons of the pool at a (their empties come back on
// the b-to-a slots), and b to a on wagons nobody counts. Six of each a day, every 4 h.
constexpr std::string_view slots_yaml = R"(
name: wagon-slots
horizon_days: 60
warmup_days: 10
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: KZ, lat: 43, lon: 77}
  b: {kind: terminal, country: KZ, lat: 51, lon: 71}
edges:
  a-b: {from: a, to: b, distance_km: 1000, speed_km_per_day: 1000, gauge_mm: 1520, slots_per_day: 24}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 420, arrivals: scheduled}
  ba: {from: b, to: a, cargo_class: general, teu_per_week: 420, arrivals: scheduled}
wagon_pools:
  kz: {gauge_mm: 1520, size_wagons: 100, home: [a], turnaround_h: 12}
)";

TEST(wagons, cutting_a_lines_slots_delays_loaded_and_empty_trains_alike) {
  // 24 slots a day each way carry the 12 trains b to a (6 loaded, 6 empty) with at most an hour's wait; 9
  // slots (one every 2 h 40 min) do not, and the queue for them grows over the run for both kinds.
  const run_result open = run_yaml(slots_yaml);
  const run_result cut = run_yaml(replaced(slots_yaml, "slots_per_day: 24", "slots_per_day: 9"));
  EXPECT_LE(pool(open, "kz").mean_empty_trip_h, 25.0);
  EXPECT_LE(flow(open, "ba").train_transit_days_mean, 25.0 / 24.0);
  EXPECT_GT(pool(cut, "kz").mean_empty_trip_h, 24.0 + 24.0);
  EXPECT_GT(flow(cut, "ba").train_transit_days_mean, 2.0);
  // Empty trains are trains on the line: its departures count them.
  double departures = 0.0;
  for (const edge_result& e : open.edges) departures += e.trains;
  EXPECT_NEAR(departures, 3 * 6 * open.window_days, 6.0);  // loaded both ways and the empties
  EXPECT_GT(pool(open, "kz").empty_train_km, 0.0);
  expect_wagons_conserved(open);
  expect_wagons_conserved(cut);
  expect_conserved(cut);
}

// An M/M/3 crossing (the Erlang C check of queueing_test.cpp) whose trains take broad-gauge wagons of a pool
// kept there, large enough never to bind: the crossing's queue is still M/M/3, and the wagons' queue is
// empty. Empty trains come back to the crossing's yard, not through its tracks.
TEST(wagons, an_m_m_3_crossing_keeps_erlang_c_with_a_pool_that_never_binds) {
  const std::string yaml =
      with(replaced(replaced(mmc_yaml, "name: mmc\n", "name: mmc-wagons\n"), "horizon_days: 6000",
                    "horizon_days: 3000"),
           "wagon_pools:\n  pkp: {gauge_mm: 1520, size_wagons: 1000, home: [x], turnaround_h: 6}\n");
  // Erlang C for lambda = 0.6/h, mu = 1/4 h, c = 3: 4.3146 h (queueing_test.cpp). 48 runs of 3,000 days
  // estimate it to ~1 %, as the 24 runs of 6,000 days there.
  const double expected = 4.3146;
  const prepared_scenario p = prepare(yaml, "mmc-wagons.yaml");
  double sum_wait = 0.0;
  const int seeds = 48;
  for (int seed = 1; seed <= seeds; ++seed) {
    const run_result r =
        run_model(p, {.replication = 0, .seed = static_cast<std::uint64_t>(seed), .warmup_days = {}});
    sum_wait += queue(r, "x").mean_wait_h;
    EXPECT_EQ(pool(r, "pkp").trains_waited, 0.0);
    if (seed == 1) {
      EXPECT_GE(expect_littles_law(r), 1);
      expect_wagons_conserved(r);
      expect_conserved(r);
    }
  }
  EXPECT_NEAR(sum_wait / seeds, expected, 0.03 * expected);
}

TEST(wagons, the_2021_platform_shortage_delays_trains_days_to_weeks_and_a_larger_pool_recovers) {
  // The published 2021 delays were 10–14 days on average at the Kazakh borders (src:R2); the scenario's pool
  // is what 2020's traffic needed (its header), not fitted to the delay. One replication of the year, then
  // the pool enlarged. The model's mean falls short of the published average (about 4 days), its tail reaches
  // it: the test holds the mean to days, not hours, and the 95th percentile to the published 10–20 days.
  scenario s = load_scenario(CORRIDOR_SOURCE_DIR "/scenarios/platform-shortage-2021.yaml");
  const run_result short_pool = run_model(prepared_scenario(s));
  const wagon_pool_result& w = pool(short_pool, "transit-platforms");
  EXPECT_GE(w.mean_wait_h, 2 * 24.0);
  EXPECT_LE(w.mean_wait_h, 20 * 24.0);
  EXPECT_GE(w.p95_wait_h, 10 * 24.0);
  EXPECT_LE(w.p95_wait_h, 20 * 24.0);
  EXPECT_GT(w.trains_waited, 0.25 * w.trains);
  EXPECT_GT(short_pool.empty_train_km, 0.0);
  expect_wagons_conserved(short_pool);
  expect_conserved(short_pool);
  s.wagon_pools.at(0).size_wagons = 80000;
  const run_result larger = run_model(prepared_scenario(s));
  const wagon_pool_result& more = pool(larger, "transit-platforms");
  EXPECT_LT(more.mean_wait_h, 0.5 * w.mean_wait_h);
  EXPECT_LT(more.utilization, w.utilization);
  EXPECT_GT(larger.throughput_teu_per_day, short_pool.throughput_teu_per_day);
  expect_wagons_conserved(larger);
  expect_conserved(larger);
}

}  // namespace
}  // namespace corridor::test

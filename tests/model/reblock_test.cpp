// Re-blocking at a gauge change: containers leave their train at the crossing and go on in trains of the
// next network's length. Timelines worked by hand, the hold limit to the hour, conservation of containers,
// Little's law on the buffer, and a run that does not re-block unchanged by the keys' presence.
#include <gtest/gtest.h>

#include <string>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

const reblock_result& reblocking(const run_result& r, std::string_view id) {
  for (const reblock_result& b : r.reblocking) {
    if (b.id == id) return b;
  }
  throw std::out_of_range("no re-blocking crossing '" + std::string(id) + "'");
}

// Little's law on the buffer over the window: its time-averaged containers are the containers unloaded into
// it per hour times their mean hold (an identity of the bookkeeping, as at every queue).
void expect_buffer_littles_law(const run_result& r) {
  for (const reblock_result& b : r.reblocking) {
    const double window_h = r.window_days * 24.0;
    EXPECT_NEAR(b.mean_buffer_teu, b.teu_unloaded / window_h * b.mean_hold_h,
                1e-9 * std::max(1.0, b.mean_buffer_teu))
        << b.id;
  }
}

// Containers every 15 min (4 TEU an hour, evenly) leave a in trains of 80 TEU, one every 20 h (at 20, 40,
// 60 h ...), and reach crossing x a day later (44, 64, 84 h ...), where the gauge changes and x re-blocks
// them into trains of 30 wagons (60 TEU). The run ends at 72 h: two trains arrive at x.
std::string two_trains_yaml(std::string_view max_hold_h) {
  return R"(
name: reblock-two-trains
horizon_days: 3
train_capacity_teu: 80
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: KZ, lat: 45, lon: 82, transshipment_h: 4, reblock: true,
      reblock_train_wagons_entering: 30, reblock_max_hold_h: )" +
         std::string(max_hold_h) + R"(}
  b: {kind: terminal, country: KZ, lat: 51, lon: 71}
edges:
  a-x: {from: a, to: x, distance_km: 1000, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 1000, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 672, arrivals: scheduled, max_wait_h: 100}
)";
}

TEST(reblock, two_80_teu_trains_become_two_60_teu_trains_with_the_rest_held) {
  // 44 h: 80 TEU in, a train of 60 leaves at once (held 0), 20 stay. 64 h: 80 more; a train of 60 takes the
  // 20 (held 20 h) and 40 of the new (0 h); 40 stay to the end of the run at 72 h (8 h so far). Holds:
  // 20 x 20 + 40 x 8 = 720 TEU-h over 160 TEU: 4.5 h. In the buffer: 20 TEU 44-64 h and 40 TEU 64-72 h,
  // 720 TEU-h over 72 h: 10 TEU.
  const run_result r = run_yaml(two_trains_yaml("48"));
  const reblock_result& x = reblocking(r, "x");
  EXPECT_EQ(x.trains_unloaded, 2.0);
  EXPECT_EQ(x.trains_formed, 2.0);
  EXPECT_EQ(x.partial_trains, 0.0);
  EXPECT_EQ(x.mean_in_teu, 80.0);
  EXPECT_EQ(x.mean_out_teu, 60.0);
  EXPECT_DOUBLE_EQ(x.mean_hold_h, 4.5);
  EXPECT_DOUBLE_EQ(x.mean_buffer_teu, 10.0);
  EXPECT_EQ(x.teu_unloaded, 160.0);
  // The first new train (44 h) is through x (4 h) and at b a day later, at 72 h: its 60 containers, which
  // entered 20 h and 15 min to 5 h before the 20-h train left, are delivered at the horizon or not, but all
  // of them are counted somewhere.
  expect_buffer_littles_law(r);
  expect_conserved(r);
}

TEST(reblock, the_hold_limit_sends_a_part_full_train_at_exactly_the_limit) {
  // As above with a 12 h limit: the 20 left at 44 h leave as a train of 20 at 56 h, held 12 h each; at 64 h
  // a train of 60 leaves at once and 20 stay (8 h at the end). Holds: (20 x 12 + 20 x 8) / 160 = 2.5 h; a
  // partial train a minute late would make it 2.5 + 20 / 60 / 160.
  const run_result r = run_yaml(two_trains_yaml("12"));
  const reblock_result& x = reblocking(r, "x");
  EXPECT_EQ(x.trains_unloaded, 2.0);
  EXPECT_EQ(x.trains_formed, 3.0);
  EXPECT_EQ(x.partial_trains, 1.0);
  EXPECT_DOUBLE_EQ(x.mean_out_teu, 140.0 / 3.0);
  EXPECT_DOUBLE_EQ(x.mean_hold_h, 2.5);
  // 20 TEU 44-56 h and 20 TEU 64-72 h: 400 TEU-h over 72 h.
  EXPECT_DOUBLE_EQ(x.mean_buffer_teu, 400.0 / 72.0);
  expect_buffer_littles_law(r);
  expect_conserved(r);
}

TEST(reblock, part_full_trains_at_the_limit_reach_the_far_end_with_their_own_transit) {
  // A longer run with a 12 h limit: per 60 h, three trains of 80 arrive (240 TEU) and four of 60 leave, so
  // the part-full train of the 20 left over leaves each time the next train is more than 12 h away, and
  // every container is delivered: transits (entry to b) are 20 h of formation at most, 24 h to x, its
  // hold, 4 h of gauge change and 24 h to b.
  const std::string yaml = replaced(two_trains_yaml("12"), "horizon_days: 3", "horizon_days: 60");
  const run_result r = run_yaml(yaml);
  const reblock_result& x = reblocking(r, "x");
  EXPECT_GT(x.partial_trains, 0.0);
  EXPECT_GT(x.trains_formed, x.trains_unloaded);
  const flow_result& f = flow(r, "ab");
  // The quickest container: entered as the 80th of its train (no wait at a), no hold: 52 h.
  EXPECT_GE(f.transit_days_mean * 24.0, 52.0);
  EXPECT_LE(f.transit_days_mean * 24.0, 52.0 + 20.0 + 12.0);
  expect_buffer_littles_law(r);
  expect_conserved(r);
}

// Poisson demand both ways through a crossing that re-blocks both ways (the trains of the far side longer
// one way, shorter the other), with a 1520 mm wagon pool kept at the crossing: containers and wagons are all
// somewhere at the end, and the buffer keeps Little's law. `reblock_keys` are the crossing's.
constexpr std::string_view reblock_on =
    ", reblock: true, reblock_train_wagons_entering: 57, reblock_train_wagons_leaving: 25, "
    "reblock_max_hold_h: 36";

std::string both_ways_yaml(std::string_view reblock_keys = reblock_on) {
  return R"(
name: reblock-both-ways
horizon_days: 200
warmup_days: 20
train_capacity_teu: 82
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  a2: {kind: terminal, country: CN, lat: 41, lon: 101}
  x: {kind: crossing, country: KZ, lat: 45, lon: 82, tracks: 2, transshipment_h: {dist: exponential, mean: 3})" +
         std::string(reblock_keys) + R"(}
  b: {kind: terminal, country: KZ, lat: 51, lon: 71}
edges:
  a-x: {from: a, to: x, distance_km: 800, speed_km_per_day: 1000, travel_time_cv: 0.2}
  a2-x: {from: a2, to: x, distance_km: 900, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 1000, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 700}
  a2b: {from: a2, to: b, cargo_class: general, teu_per_week: 300, max_wait_h: 48}
  ba: {from: b, to: a, cargo_class: general, teu_per_week: 400}
wagon_pools:
  ktz: {gauge_mm: 1520, size_wagons: 2000, home: [x, b], turnaround_h: 12}
)";
}

TEST(reblock, containers_are_conserved_and_the_buffer_keeps_littles_law_both_ways) {
  const run_result r = run_yaml(both_ways_yaml());
  const reblock_result& x = reblocking(r, "x");
  EXPECT_GT(x.trains_formed, 0.0);
  EXPECT_GT(x.mean_hold_h, 0.0);
  EXPECT_LE(x.mean_out_teu, 114.0);  // 57 wagons of 2 TEU at most
  EXPECT_GT(x.mean_buffer_teu, 0.0);
  expect_buffer_littles_law(r);
  expect_conserved(r);
  // The wagons too: the inbound trains' 1520 mm wagons come off at x, the new trains to b take the pool's.
  ASSERT_EQ(r.wagon_pools.size(), 1u);
  const wagon_pool_result& w = r.wagon_pools.front();
  EXPECT_GT(w.trains, 0.0);
  EXPECT_NEAR(w.utilization + w.home_share, 1.0, 1e-9);
  // Every flow still delivers about its demand (the buffers never hold more than a train per flow and way
  // for long): within 5 % over the window.
  for (const auto& [id, teu_per_week] : {std::pair{"ab", 700.0}, {"a2b", 300.0}, {"ba", 400.0}}) {
    EXPECT_NEAR(flow(r, id).teu, teu_per_week / 7.0 * r.window_days,
                0.05 * teu_per_week / 7.0 * r.window_days)
        << id;
  }
}

TEST(reblock, route_choice_sees_the_hold_and_turns_to_a_crossing_that_does_not_reblock) {
  // Two ways from a to b, each changing gauge: through x, which re-blocks into trains of 500 wagons that
  // never fill (every container waits the 100 h limit), or through y, a day longer, which does not re-block.
  // The first trains take x, the shorter; once x's trains have formed, route choice adds its recent hold
  // (~100 h) and the cheapest route is through y. A route choice blind to the hold would send every train
  // through x.
  const std::string yaml = R"(
name: reblock-route-choice
horizon_days: 120
train_capacity_teu: 80
route_choice: {mode: cheapest}
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: KZ, lat: 45, lon: 82, transshipment_h: 4, reblock: true,
      reblock_train_wagons_entering: 500, reblock_max_hold_h: 100}
  y: {kind: crossing, country: KZ, lat: 44, lon: 80, transshipment_h: 4}
  b: {kind: terminal, country: KZ, lat: 51, lon: 71}
edges:
  a-x: {from: a, to: x, distance_km: 1000, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 1000, speed_km_per_day: 1000, gauge_mm: 1520}
  a-y: {from: a, to: y, distance_km: 1500, speed_km_per_day: 1000}
  y-b: {from: y, to: b, distance_km: 1500, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 672, arrivals: scheduled, max_wait_h: 100}
)";
  const run_result r = run_yaml(yaml);
  const double via_x = flow_trains_via(r, "ab", "x");
  const double via_y = flow_trains_via(r, "ab", "y");
  EXPECT_GT(via_x, 0.0);  // the first trains, before any hold was seen
  EXPECT_GT(via_y, 4.0 * via_x);
  EXPECT_GT(reblocking(r, "x").mean_hold_h, 50.0);
  expect_conserved(r);
}

TEST(reblock, a_scenario_with_reblock_false_runs_as_one_without_the_keys) {
  const run_result off = run_yaml(both_ways_yaml(
      ", reblock: false, reblock_train_wagons_entering: 57, reblock_train_wagons_leaving: 25"));
  const run_result plain = run_yaml(both_ways_yaml(""));
  EXPECT_TRUE(off.reblocking.empty());
  EXPECT_EQ(off.events, plain.events);
  EXPECT_EQ(off.flatten(), plain.flatten());
}

TEST(reblock, a_run_is_a_function_of_scenario_seed_and_replication) {
  const prepared_scenario p = prepare(both_ways_yaml());
  const run_result a = run_model(p, {.replication = 3, .seed = 7, .warmup_days = {}});
  const run_result b = run_model(p, {.replication = 3, .seed = 7, .warmup_days = {}});
  EXPECT_EQ(a.flatten(), b.flatten());
}

}  // namespace
}  // namespace corridor::test

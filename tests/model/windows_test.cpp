// A line open only some hours of the day (open_from_hour, open_to_hour), as freight passes the Marmaray
// tunnel only from midnight to 5 a.m.: trains enter it only inside the window, route choice counts the wait,
// and nothing is lost.
#include <gtest/gtest.h>

#include <string>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

// One-TEU trains every 4 h (scheduled containers) on a 1,000 km line of one day; `window` is appended to the
// line's map.
std::string windowed(std::string_view window) {
  return R"(
name: window
horizon_days: 40
warmup_days: 5
train_capacity_teu: 1
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-b: {from: a, to: b, distance_km: 1000, speed_km_per_day: 1000)" +
         std::string(window) + R"(}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 42, arrivals: scheduled}
)";
}

TEST(LineWindow, TrainsEnterOnlyInsideTheWindow) {
  const run_result open = run_yaml(windowed(""));
  EXPECT_NEAR(flow(open, "ab").train_transit_days_mean, 1.0, 1e-9);
  // Trains reach the line at the same six hours every day, 4 h apart. Open 00:00-05:00: the two that come
  // inside it go at once, the other four wait for midnight, 4, 8, 12 and 16 h less than a day after the
  // first of those reached the line... whatever the phase, each train waits (24 - h) mod 24 for h outside
  // the window, so the mean wait is the mean over the six hours.
  const run_result night = run_yaml(windowed(", open_from_hour: 0, open_to_hour: 5"));
  const double wait_h = (flow(night, "ab").train_transit_days_mean - 1.0) * 24.0;
  // The six hours are k + 4i for a phase k in [0, 4): inside [0, 5) are k and k + 4 when k + 4 < 5.
  bool matched = false;
  for (int k = 0; k < 4; ++k) {
    double sum = 0.0;
    for (int i = 0; i < 6; ++i) {
      const double h = k + 4.0 * i;
      sum += h < 5.0 ? 0.0 : 24.0 - h;
    }
    if (std::abs(sum / 6.0 - wait_h) < 0.25) matched = true;  // the window's trains: not whole days
  }
  EXPECT_TRUE(matched) << "mean wait " << wait_h << " h matches no phase of the six daily trains";
  EXPECT_GT(wait_h, 4.0);
  expect_conserved(night);
}

TEST(LineWindow, AWindowWrapsPastMidnight) {
  // Open 22:00-03:00 is open 00:00-05:00 two hours earlier: trains two hours earlier on the clock wait the
  // same, so the mean wait is between the bounds a five-hour window of six trains 4 h apart gives.
  const run_result wrap = run_yaml(windowed(", open_from_hour: 22, open_to_hour: 3"));
  const double wait_h = (flow(wrap, "ab").train_transit_days_mean - 1.0) * 24.0;
  EXPECT_GT(wait_h, 0.0);
  EXPECT_LT(wait_h, 24.0 - 5.0);
  expect_conserved(wrap);
}

TEST(LineWindow, RouteChoiceCountsTheWaitForTheWindow) {
  // Two ways through a crossing each that takes no time (path sets differ by their border points): a-d-b,
  // whose first line is open 00:00-05:00, and a-c-b, 10 % longer and always open. Cheapest route choice sends
  // each train the way it expects to arrive first: those that would wait more than the detour's 2.4 h for
  // the window go by c, the others by d.
  const std::string yaml = R"(
name: window-choice
horizon_days: 40
warmup_days: 5
train_capacity_teu: 1
route_choice: {mode: cheapest}
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  c: {kind: crossing, country: KZ, lat: 46, lon: 60, tracks: 10, pass_through_h: 0}
  d: {kind: crossing, country: KZ, lat: 44, lon: 60, tracks: 10, pass_through_h: 0}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-d: {from: a, to: d, distance_km: 500, speed_km_per_day: 1000, open_from_hour: 0, open_to_hour: 5}
  d-b: {from: d, to: b, distance_km: 500, speed_km_per_day: 1000}
  a-c: {from: a, to: c, distance_km: 550, speed_km_per_day: 1000}
  c-b: {from: c, to: b, distance_km: 550, speed_km_per_day: 1000}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 42, arrivals: scheduled}
)";
  const run_result r = run_yaml(yaml);
  EXPECT_GT(flow_trains_via(r, "ab", "c"), 0.5 * flow(r, "ab").trains);
  EXPECT_GT(flow_trains_via(r, "ab", "d"), 0.2 * flow(r, "ab").trains);
  // Nobody waits longer than the detour's 2.4 h: transit at most 1.1 days.
  EXPECT_LE(flow(r, "ab").train_transit_days_mean, 1.1 + 1e-9);
  expect_conserved(r);
}

}  // namespace
}  // namespace corridor::test

// Queue statistics by day: deterministic scenarios whose every day is known in advance, and the identity
// that ties the days to the window (the days' time-integrals add up to the window's).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <string>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

// Two flows whose containers arrive together every 4 h (one per train) meet at crossing x, 1.5 h from both
// origins: every 4 h a pair of trains arrives at 4n + 1.5 h, one starts its 1.5 h service at once, the
// other waits 1.5 h. Each day: one train waiting 6 x 1.5 h of 24 (mean 0.375), the track busy 18 h of 24,
// six waits of 0 and six of 1.5 h.
constexpr std::string_view pair_yaml = R"(
name: pairs
horizon_days: 20
warmup_days: 5
train_capacity_teu: 1
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a1: {kind: terminal, country: CN, lat: 40, lon: 100}
  a2: {kind: terminal, country: CN, lat: 41, lon: 100}
  x: {kind: crossing, country: KZ, lat: 45, lon: 80, transshipment_h: 1.5, pass_through_h: 1.5}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a1-x: {from: a1, to: x, distance_km: 50, speed_km_per_day: 800}
  a2-x: {from: a2, to: x, distance_km: 50, speed_km_per_day: 800}
  x-b: {from: x, to: b, distance_km: 240, speed_km_per_day: 960, gauge_mm: 1520}
flows:
  a1b: {from: a1, to: b, cargo_class: general, teu_per_week: 42, arrivals: scheduled}
  a2b: {from: a2, to: b, cargo_class: general, teu_per_week: 42, arrivals: scheduled}
)";

TEST(daily, crossing_days_report_the_analytic_mean_queue_utilization_and_waits) {
  const run_result r = run_yaml(pair_yaml);
  ASSERT_EQ(r.daily.size(), 15u);
  const std::size_t x = queue_index(r, "x");
  for (const daily_row& d : r.daily) {
    SCOPED_TRACE("day " + std::to_string(d.day));
    ASSERT_EQ(d.mean_queue_trains.size(), r.queues.size());
    EXPECT_NEAR(d.mean_queue_trains[x], 6.0 * 1.5 / 24.0, 1e-12);
    EXPECT_EQ(d.max_queue_trains[x], 1.0);
    EXPECT_NEAR(d.utilization[x], 18.0 / 24.0, 1e-12);
    EXPECT_NEAR(d.mean_wait_h[x], 0.75, 1e-12);
    EXPECT_NEAR(d.p95_wait_h[x], 1.5, 1e-12);
    EXPECT_EQ(d.queue_trains[x], 0.0);  // midnight falls between the pairs
  }
  EXPECT_EQ(r.daily.front().day, 5);
  EXPECT_NEAR(queue(r, "x").mean_queue_trains, 0.375, 1e-12);
}

// Containers reach port p at 4n + 1.5 h; a ferry with room for 100 TEU sails daily at 23:00 and takes all
// six trains of the day. Each day: 1, 2, ..., 5 trains waiting for 4 h each and 6 for 1.5 h (area 69 train
// hours), waits 21.5, 17.5, ..., 1.5 h, and 6 of 100 TEU carried.
constexpr std::string_view daily_ferry_yaml = R"(
name: daily-ferry
horizon_days: 20
warmup_days: 5
train_capacity_teu: 1
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 60}
  p: {kind: port, country: CN, lat: 43, lon: 51}
  q: {kind: port, country: PL, lat: 40, lon: 49}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-p: {from: a, to: p, distance_km: 50, speed_km_per_day: 800}
  p-q: {from: p, to: q, mode: ferry, distance_km: 100, speed_km_per_day: 600, every_days: EVERY,
        departure_hour: 23, capacity_teu: 100}
  q-b: {from: q, to: b, distance_km: 240, speed_km_per_day: 960}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 42, arrivals: scheduled}
)";

std::string ferry_every(int days) {
  std::string yaml(daily_ferry_yaml);
  yaml.replace(yaml.find("EVERY"), 5, std::to_string(days));
  return yaml;
}

TEST(daily, ferry_days_report_the_analytic_mean_queue_utilization_and_waits) {
  const run_result r = run_yaml(ferry_every(1));
  ASSERT_EQ(r.daily.size(), 15u);
  const std::size_t p = queue_index(r, "p-q@p");
  for (const daily_row& d : r.daily) {
    SCOPED_TRACE("day " + std::to_string(d.day));
    EXPECT_NEAR(d.mean_queue_trains[p], 69.0 / 24.0, 1e-12);
    EXPECT_EQ(d.max_queue_trains[p], 6.0);
    EXPECT_NEAR(d.utilization[p], 6.0 / 100.0, 1e-12);
    EXPECT_NEAR(d.mean_wait_h[p], 11.5, 1e-9);
    EXPECT_NEAR(d.p95_wait_h[p], 17.5 + 0.75 * 4.0, 1e-9);  // type 7 between the two longest waits
    EXPECT_EQ(d.queue_trains[p], 0.0);                      // everyone sailed at 23:00
  }
}

// Sailings every other day: the days between them carry nothing, offer nothing and report 0 utilization;
// the days with a sailing carry 12 trains.
TEST(daily, ferry_days_without_a_sailing_report_zero_utilization) {
  const run_result r = run_yaml(ferry_every(2));
  const std::size_t p = queue_index(r, "p-q@p");
  int sailing_days = 0;
  for (std::size_t i = 0; i < r.daily.size(); ++i) {
    SCOPED_TRACE("day " + std::to_string(r.daily[i].day));
    const double u = r.daily[i].utilization[p];
    if (u > 0.0) {
      EXPECT_NEAR(u, 12.0 / 100.0, 1e-12);
      ++sailing_days;
      EXPECT_EQ(r.daily[i].queue_trains[p], 0.0);
    } else {
      EXPECT_EQ(r.daily[i].mean_wait_h[p], 0.0);  // nobody boarded
      EXPECT_EQ(r.daily[i].queue_trains[p], 6.0);
    }
    if (i > 0) {
      EXPECT_NE(u > 0.0, r.daily[i - 1].utilization[p] > 0.0) << "sailing days alternate";
    }
  }
  EXPECT_GE(sailing_days, 7);
}

// The days' means weighted by their length give the window's mean: the same time-integral, cut at midnight.
void expect_days_add_up_to_the_window(const run_result& r) {
  ASSERT_FALSE(r.daily.empty());
  const double window_h = r.window_days * 24.0;
  ASSERT_EQ(static_cast<double>(r.daily.size()), r.window_days) << "whole days only";
  for (std::size_t i = 0; i < r.queues.size(); ++i) {
    const queue_result& q = r.queues[i];
    double queue_area = 0.0, busy_area = 0.0, max_queue = 0.0;
    for (const daily_row& d : r.daily) {
      queue_area += d.mean_queue_trains[i] * 24.0;
      busy_area += d.utilization[i] * 24.0;
      max_queue = std::max(max_queue, d.max_queue_trains[i]);
    }
    EXPECT_NEAR(queue_area / window_h, q.mean_queue_trains, 1e-9 * std::max(1.0, q.mean_queue_trains))
        << q.kind << " " << q.id;
    EXPECT_EQ(max_queue, q.max_queue_trains) << q.kind << " " << q.id;
    if (q.kind == "crossing") {
      EXPECT_NEAR(busy_area / window_h, q.utilization, 1e-9) << q.id;
    }
  }
}

TEST(daily, queue_means_weighted_by_day_length_equal_the_window_means_in_the_baseline) {
  expect_days_add_up_to_the_window(baseline_year());
}

TEST(daily, queue_means_weighted_by_day_length_equal_the_window_means_with_long_queues) {
  // A crossing capped at 5 trains a day with 10 arriving: the queue grows all through the window.
  const run_result r = run_yaml(R"(
name: overloaded
horizon_days: 40
warmup_days: 10
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: PL, lat: 52, lon: 23, tracks: 4, transshipment_h: {dist: exponential, mean: 2},
      daily_cap_trains: 5}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x: {from: a, to: x, distance_km: 1000, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 500, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 700}
)");
  ASSERT_GT(r.daily.back().mean_queue_trains[0], 150.0);
  EXPECT_GT(r.daily.back().mean_wait_h[0], 24.0 * 10.0);  // days of waiting by then
  expect_days_add_up_to_the_window(r);
}

// With a warm-up ending at noon the first day covers only its afternoon, measured as such.
TEST(daily, a_window_opening_at_noon_measures_the_first_day_from_noon) {
  std::string yaml(pair_yaml);
  yaml.replace(yaml.find("warmup_days: 5"), 14, "warmup_days: 5.5");
  const run_result r = run_yaml(yaml);
  ASSERT_EQ(r.daily.size(), 15u);
  EXPECT_EQ(r.daily.front().day, 5);
  const std::size_t x = queue_index(r, "x");
  // Pairs at 13.5, 17.5 and 21.5 h: 3 x 1.5 train hours waiting in 12 h, 9 busy hours.
  EXPECT_NEAR(r.daily.front().mean_queue_trains[x], 4.5 / 12.0, 1e-12);
  EXPECT_NEAR(r.daily.front().utilization[x], 9.0 / 12.0, 1e-12);
}

}  // namespace
}  // namespace corridor::test

// Demand and movement details: seasonality thins Poisson arrivals by month, variable travel times keep their
// mean, a ferry boards FIFO up to its capacity, and flows are tallied by direction.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

// Poisson demand of 1,000 TEU a week doubled in January, single-TEU trains, a fixed 12 h to b.
constexpr std::string_view seasonal_yaml = R"(
name: seasonal
horizon_days: 59
train_capacity_teu: 1
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-b: {from: a, to: b, distance_km: 500, speed_km_per_day: 1000}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 1000,
       seasonality: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}
)";

TEST(demand, seasonality_multiplies_poisson_arrivals_by_month) {
  const run_result r = run_yaml(seasonal_yaml);
  ASSERT_EQ(r.daily.size(), 59u);
  // Deliveries lag arrivals by 12 h: days 1-30 are all January's, days 32-58 all February's.
  double january = 0.0, february = 0.0;
  for (std::size_t d = 1; d <= 30; ++d) january += r.daily[d].teu_delivered;
  for (std::size_t d = 32; d <= 58; ++d) february += r.daily[d].teu_delivered;
  january /= 30.0;
  february /= 27.0;
  // ~8,600 and ~3,900 containers: each mean is within 1.7 % (one sd), so 6 % is 3.5 sd.
  EXPECT_NEAR(january, 2000.0 / 7.0, 0.06 * 2000.0 / 7.0);
  EXPECT_NEAR(february, 1000.0 / 7.0, 0.06 * 1000.0 / 7.0);
  expect_conserved(r);
}

// Single-TEU trains every 30 min over a 1,000 km line at 1,000 km/day with lognormal travel, cv 0.5.
constexpr std::string_view variable_travel_yaml = R"(
name: variable-travel
horizon_days: 60
warmup_days: 5
train_capacity_teu: 1
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-b: {from: a, to: b, distance_km: 1000, speed_km_per_day: 1000, travel_time_cv: 0.5}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 336, arrivals: scheduled}
)";

TEST(movement, variable_travel_times_keep_the_nominal_mean_and_spread) {
  const run_result r = run_yaml(variable_travel_yaml);
  // ~2,640 transits with sd 0.5 day: the mean is within 0.01 day (one sd); 0.035 is 3.5 sd.
  EXPECT_NEAR(r.transit_days_mean, 1.0, 0.035);
  // Lognormal with mean 1 and sd 0.5: median exp(-sigma^2 / 2) = 0.894, p95 = 1.97.
  const double sigma = std::sqrt(std::log1p(0.25));
  EXPECT_NEAR(r.transit_days_p50, std::exp(-0.5 * sigma * sigma), 0.03);
  EXPECT_NEAR(r.transit_days_p95, std::exp(-0.5 * sigma * sigma + 1.6449 * sigma), 0.08);
  expect_conserved(r);
}

// 40-TEU trains every 16 h reach port p; a 100-TEU ferry every 2 days takes two of the three that come
// in each cycle (FIFO: the third does not fit), so one train a cycle is left behind and the queue grows.
constexpr std::string_view full_ferry_yaml = R"(
name: full-ferry
horizon_days: 50
warmup_days: 4
train_capacity_teu: 40
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 60}
  p: {kind: port, country: KZ, lat: 43, lon: 51}
  q: {kind: port, country: PL, lat: 40, lon: 49}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-p: {from: a, to: p, distance_km: 50, speed_km_per_day: 1200}
  p-q: {from: p, to: q, mode: ferry, distance_km: 100, speed_km_per_day: 600, every_days: 2,
        capacity_teu: 100}
  q-b: {from: q, to: b, distance_km: 240, speed_km_per_day: 960}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 420, arrivals: scheduled}
)";

TEST(ferry, boards_fifo_up_to_capacity_and_leaves_the_rest_for_the_next_sailing) {
  const run_result r = run_yaml(full_ferry_yaml);
  const queue_result& port = queue(r, "p-q@p");
  EXPECT_EQ(port.sailings, 23.0);  // at 12:00 on days 4, 6, ..., 48
  EXPECT_EQ(port.trains, 2.0 * port.sailings);
  EXPECT_EQ(port.teu, 80.0 * port.sailings);
  EXPECT_NEAR(port.utilization, 0.8, 1e-12);
  const std::size_t i = queue_index(r, "p-q@p");
  EXPECT_GT(r.daily.back().queue_trains[i], r.daily[10].queue_trains[i] + 15.0);  // ~1 more each cycle
  expect_conserved(r);
}

// Two flows, one each way, between a Chinese and a European terminal through a Kazakh crossing with two
// tracks (so trains that meet there do not wait for each other).
constexpr std::string_view both_ways_yaml = R"(
name: both-ways
horizon_days: 60
warmup_days: 10
train_capacity_teu: 1
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: KZ, lat: 45, lon: 80, tracks: 2, transshipment_h: 1}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x: {from: a, to: x, distance_km: 500, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 500, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 42, arrivals: scheduled}
  ba: {from: b, to: a, cargo_class: general, teu_per_week: 21, arrivals: scheduled}
)";

TEST(directions, westbound_and_eastbound_throughput_add_up_and_both_pass_central_asia) {
  const run_result r = run_yaml(both_ways_yaml);
  EXPECT_NEAR(r.throughput_teu_per_day_westbound, 6.0, 0.05);
  EXPECT_NEAR(r.throughput_teu_per_day_eastbound, 3.0, 0.05);
  EXPECT_NEAR(r.throughput_teu_per_day,
              r.throughput_teu_per_day_westbound + r.throughput_teu_per_day_eastbound, 1e-9);
  EXPECT_EQ(r.share_via_trains_westbound, 1.0);
  EXPECT_EQ(r.share_via_trains_eastbound, 1.0);
  EXPECT_NEAR(r.transit_days_mean, (24.0 + 1.0) / 24.0, minute_days);
  expect_conserved(r);
}

}  // namespace
}  // namespace corridor::test

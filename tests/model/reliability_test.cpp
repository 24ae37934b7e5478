// Reliability and uncertain disruptions: the on-time share against a promised transit and the buffer a
// shipper plans for, random disruptions drawn per replication at their rate, and trains that plan with the
// announced end of a closure rather than the true one (docs/model.md).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "corridor/statistics.hpp"
#include "model_test_support.hpp"

namespace corridor::test {
namespace {

run_options replication(std::uint64_t r) {
  run_options o;
  o.replication = r;
  return o;
}

std::map<std::string, double> flat(const run_result& r) {
  std::map<std::string, double> out;
  for (const auto& [name, value] : r.flatten()) out[name] = value;
  return out;
}

// Containers every 4 h, trains of up to 10 TEU that leave when the oldest has waited 10 h: every train
// carries three containers that waited 10, 6 and 2 h, then travels 24 h, so transits are 34, 30 and 26 h in
// equal numbers.
constexpr std::string_view part_full_yaml = R"(
name: part-full
horizon_days: 40
warmup_days: 5
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-b: {from: a, to: b, distance_km: 1000, speed_km_per_day: 1000}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 42, arrivals: scheduled, max_wait_h: 10PROMISE}
)";

run_result run_part_full(const std::string& promise) {
  std::string yaml(part_full_yaml);
  yaml.replace(yaml.find("PROMISE"), 7, promise);
  return run_yaml(yaml);
}

TEST(reliability, the_on_time_share_counts_the_containers_delivered_within_the_promise) {
  const double hour = 1.0 / 24.0;
  // 31 h: the 30 h and 26 h containers are on time, the 34 h ones late.
  const run_result r = run_part_full(", promised_transit_days: " + std::to_string(31.0 * hour));
  ASSERT_EQ(r.flows.size(), 1u);
  EXPECT_NEAR(r.flows[0].on_time_share, 2.0 / 3.0, 0.02);
  EXPECT_NEAR(r.on_time_share, r.flows[0].on_time_share, 1e-12);
  EXPECT_TRUE(r.has_promises);
  EXPECT_NEAR(flat(r).at("reliability.on_time_share"), r.on_time_share, 1e-12);
  // 35 h: everything; 25 h: nothing.
  EXPECT_EQ(run_part_full(", promised_transit_days: " + std::to_string(35.0 * hour)).flows[0].on_time_share,
            1.0);
  EXPECT_EQ(run_part_full(", promised_transit_days: " + std::to_string(25.0 * hour)).flows[0].on_time_share,
            0.0);
}

TEST(reliability, the_buffer_is_the_95th_percentile_less_the_median) {
  const run_result r = run_part_full("");
  EXPECT_NEAR(r.flows[0].transit_days_p50, 30.0 / 24.0, 1e-9);
  EXPECT_NEAR(r.flows[0].transit_days_p95, 34.0 / 24.0, 1e-9);
  EXPECT_NEAR(r.flows[0].buffer_days, 4.0 / 24.0, 1e-9);
  EXPECT_NEAR(r.transit_buffer_days, r.transit_days_p95 - r.transit_days_p50, 1e-12);
  // Without a promise there is no on-time share to report.
  EXPECT_FALSE(r.has_promises);
  const auto names = flat(r);
  EXPECT_EQ(names.count("reliability.on_time_share"), 0u);
  EXPECT_EQ(names.count("flows.ab.on_time_share"), 0u);
  EXPECT_EQ(names.count("flows.ab.buffer_days"), 1u);
}

// One corridor a-j1-b (2 days) and a detour via j2 (2.4 days, +16 USD a TEU at 40 USD a day). j1-b closes
// from day 10 to day 20. A train that knows the closure lasts until day 20 takes the detour rather than wait;
// one told it ends in 0.2 days (4.8 h: 8 USD of waiting) waits, and when that end passes is told the same
// again, as an operator announcing short extensions would.
constexpr std::string_view detour_yaml = R"(
name: detour
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
  cut: {target: j1-b, from_day: 10, to_day: 20, capacity_factor: 0EXPECTED}
)";

double detour_trains(const std::string& expected) {
  std::string yaml(detour_yaml);
  yaml.replace(yaml.find("EXPECTED"), 8, expected);
  const run_result r = run_yaml(yaml);
  expect_conserved(r);
  for (const edge_result& e : r.edges) {
    if (e.id == "j2-b") return e.trains;  // the detour is no route of the path set: count it on its edge
  }
  throw std::out_of_range("no edge j2-b");
}

TEST(uncertain_disruptions, trains_told_a_closure_ends_soon_wait_where_trains_told_the_truth_detour) {
  const double knowing = detour_trains("");
  const double told_soon = detour_trains(", expected_to_day: 10.2");
  EXPECT_GT(knowing, 100.0);
  EXPECT_LT(told_soon, 0.1 * knowing);
}

// A random closure of the short corridor at 100 onsets a year, each 0.25 days, in a 40-day run without
// warm-up: 40 x 100 / 365 = 10.96 onsets expected per replication.
constexpr std::string_view random_yaml = R"(
name: random-cuts
horizon_days: 40
warmup_days: 0
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  j1: {kind: junction, country: KZ, lat: 45, lon: 80}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-j1: {from: a, to: j1, distance_km: 1000, speed_km_per_day: 1000}
  j1-b: {from: j1, to: b, distance_km: 1000, speed_km_per_day: 1000}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 140, arrivals: scheduled}
disruptions:
  storms: {target: j1-b, rate_per_year: 100, duration_days: 0.25, cause: weather, with: [a-j1]}
)";

TEST(uncertain_disruptions, random_onsets_come_at_their_rate_and_depend_only_on_seed_and_replication) {
  const prepared_scenario p = prepare(random_yaml);
  running_stats onsets;
  for (std::uint64_t rep = 0; rep < 40; ++rep) {
    const run_result r = run_model(p, replication(rep));
    ASSERT_EQ(r.disruptions.size(), 1u);
    const disruption_result& d = r.disruptions[0];
    EXPECT_EQ(d.id, "storms");
    EXPECT_EQ(d.cause, "weather");
    onsets.add(d.onsets);
    // Each onset lasts 0.25 days (one cut short by the horizon at most); `with` copies are not counted twice.
    EXPECT_LE(d.days_in_force, 0.25 * d.onsets + 1e-9);
    EXPECT_GE(d.days_in_force, 0.25 * (d.onsets - 1.0) - 1e-9);
    expect_conserved(r);
  }
  const double expected = 40.0 * 100.0 / 365.0;
  EXPECT_NEAR(onsets.mean(), expected, 4.0 * std::sqrt(expected / 40.0));
  // The same replication draws the same onsets; another one, others.
  const auto once = flat(run_model(p, replication(3)));
  EXPECT_EQ(once, flat(run_model(p, replication(3))));
  EXPECT_NE(once, flat(run_model(p, replication(4))));
}

}  // namespace
}  // namespace corridor::test

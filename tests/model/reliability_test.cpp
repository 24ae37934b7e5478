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

// The part-full fixture (model_test_support.hpp): transits of 34, 30 and 26 h in equal numbers.
run_result run_part_full(const std::string& promise) {
  return run_yaml(part_full_yaml(promise));
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

// The detour fixture (model_test_support.hpp), j2 free: a train that knows the closure of j1-b lasts until
// day 20 takes the detour (2.4 days, +16 USD a TEU at 40 USD a day) rather than wait; one told it ends in 0.2
// days (4.8 h: 8 USD of waiting) waits, and when that end passes is told the same again, as an operator
// announcing short extensions would.
double detour_trains(const std::string& expected) {
  const run_result r = run_yaml(detour_yaml("0", expected));
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

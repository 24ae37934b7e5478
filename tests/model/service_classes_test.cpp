// Service classes (service_classes, flows' service_class): an express with priority paths is served before
// ordinary trains in every queue, takes a line's slot at once, is never held by a daily plan, and runs at its
// class's speed factor. Checked against the exact results a priority queue has (Cobham's formula for a
// non-preemptive M/G/1 with two classes) and against deterministic travel times.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

// Single-TEU trains, so each container is a train and trains arrive as Poisson streams: an express flow at
// 0.05 an hour and an ordinary one at 0.15 an hour into one track with an exponential 4 h gauge change
// (rho = 0.2 + 0.6 = 0.8), on deterministic lines of 12 h each side.
std::string two_classes(std::string_view express_class = "express") {
  return R"(
name: priority
horizon_days: 6000
warmup_days: 50
train_capacity_teu: 1
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
service_classes: {express: {priority: 1}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: PL, lat: 45, lon: 80, tracks: 1, transshipment_h: {dist: exponential, mean: 4}}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x: {from: a, to: x, distance_km: 500, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 500, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ex: {from: a, to: b, cargo_class: general, teu_per_week: 8.4, service_class: )" +
         std::string(express_class) + R"(}
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 25.2}
)";
}

// The mean wait in queue at x of a flow's trains: train transit less 24 h of travel and the 4 h mean service.
double wait_h(const run_result& r, std::string_view id) {
  return flow(r, id).train_transit_days_mean * 24.0 - 28.0;
}

TEST(ServiceClass, PriorityAtACrossingGivesCobhamsWaitsPerClass) {
  // Non-preemptive M/G/1 with two classes (Cobham 1954): W0 = sum(lambda_i E[S^2]) / 2 = 0.2 x 32 / 2 = 3.2
  // h, W_express = W0 / (1 - rho_1) = 4 h, W_ordinary = W0 / ((1 - rho_1)(1 - rho)) = 20 h; both classes
  // together wait as a FIFO M/M/1 does, rho / (mu - lambda) = 16 h (the conservation law).
  const double lambda1 = 0.05, lambda2 = 0.15, mean_s = 4.0;
  const double rho1 = lambda1 * mean_s, rho = (lambda1 + lambda2) * mean_s;
  const double w0 = (lambda1 + lambda2) * 2.0 * mean_s * mean_s / 2.0;
  const double w_express = w0 / (1.0 - rho1), w_ordinary = w0 / ((1.0 - rho1) * (1.0 - rho));
  ASSERT_NEAR(w_express, 4.0, 1e-12);
  ASSERT_NEAR(w_ordinary, 20.0, 1e-12);
  const prepared_scenario p = prepare(two_classes(), "priority.yaml");
  double sum_express = 0.0, sum_ordinary = 0.0, sum_all = 0.0;
  const int seeds = 16;
  for (int seed = 1; seed <= seeds; ++seed) {
    const run_result r = run_model(p, {.replication = 0, .seed = seed, .warmup_days = {}});
    sum_express += wait_h(r, "ex");
    sum_ordinary += wait_h(r, "ab");
    sum_all += queue(r, "x").mean_wait_h;
    expect_conserved(r);
  }
  EXPECT_NEAR(sum_express / seeds, w_express, 0.05 * w_express);
  EXPECT_NEAR(sum_ordinary / seeds, w_ordinary, 0.05 * w_ordinary);
  EXPECT_NEAR(sum_all / seeds, 16.0, 0.05 * 16.0);
}

TEST(ServiceClass, WithoutAClassBothFlowsWaitAsInOneFifoQueue) {
  // The same two flows, both ordinary: each waits the M/M/1 FIFO wait of 16 h, whatever its rate.
  std::string yaml = replaced(two_classes(), ", service_class: express", "");
  const prepared_scenario p = prepare(yaml, "fifo.yaml");
  double sum_ex = 0.0, sum_ab = 0.0;
  const int seeds = 8;
  for (int seed = 1; seed <= seeds; ++seed) {
    const run_result r = run_model(p, {.replication = 0, .seed = seed, .warmup_days = {}});
    sum_ex += wait_h(r, "ex");
    sum_ab += wait_h(r, "ab");
  }
  EXPECT_NEAR(sum_ex / seeds, 16.0, 0.08 * 16.0);
  EXPECT_NEAR(sum_ab / seeds, 16.0, 0.08 * 16.0);
}

TEST(ServiceClass, AnUnusedClassChangesNothing) {
  const std::string yaml = replaced(two_classes(), "horizon_days: 6000", "horizon_days: 200");
  const run_result with_class = run_yaml(yaml);
  const run_result without = run_yaml(replaced(yaml, ", service_class: express", ""));
  const run_result unused = run_yaml(replaced(replaced(yaml, ", service_class: express", ""),
                                              "{express: {priority: 1}}", "{express: {priority: 3}}"));
  // Defining a class no flow uses changes no number; using it changes the waits.
  const auto a = without.flatten();
  const auto b = unused.flatten();
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i], b[i]) << a[i].first;
  EXPECT_LT(wait_h(with_class, "ex"), wait_h(without, "ex"));
}

// Slots: a line a-b with 4 slots a day (a departure every 6 h at the earliest), ordinary trains formed every
// 9.6 h (2.5 a day, so alone they never wait) and an express every day at noon. `speed` is the express
// class's speed factor; `express` its flow's key (rename it to drop the flow's class).
std::string slots(std::string_view speed = "1", std::string_view express = ", service_class: express") {
  return R"(
name: slots
horizon_days: 60
warmup_days: 2
train_capacity_teu: 10
route_choice: {mode: cheapest}
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
service_classes: {express: {priority: 2, speed_factor: )" +
         std::string(speed) + R"(}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-b: {from: a, to: b, distance_km: 2000, speed_km_per_day: 1000, slots_per_day: 4}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 175, arrivals: scheduled}
  ex: {from: a, to: b, cargo_class: general, teu_per_week: 70, arrivals: scheduled)" +
         std::string(express) + R"(,
       departures: timetable, timetable_weekdays: [mon, tue, wed, thu, fri, sat, sun], timetable_hour: 12}
)";
}

TEST(ServiceClass, AnExpressTakesItsSlotAtOnceAndTheOrdinaryTrainsLoseIt) {
  const run_result r = run_yaml(slots());
  // The express never waits for a slot: its train transit is the line's 2 days exactly.
  EXPECT_NEAR(flow(r, "ex").train_transit_days_mean, 2.0, 1e-9);
  EXPECT_GT(flow(r, "ex").trains, 50.0);
  // Alone, the ordinary trains (one every 9.6 h) never wait for a slot; behind an express that took the slot
  // of the 6 h after it, those formed then do.
  std::string none = slots();
  none = none.substr(0, none.find("  ex: {"));
  const run_result alone = run_yaml(none);
  EXPECT_NEAR(flow(alone, "ab").train_transit_days_mean, 2.0, 1e-9);
  EXPECT_GT(flow(r, "ab").train_transit_days_mean, 2.0 + 0.5 / 24.0);
  // The same timetable as an ordinary train waits for its slot like the others.
  const run_result ordinary = run_yaml(slots("1", ""));
  EXPECT_GT(flow(ordinary, "ex").train_transit_days_mean, 2.0 + 0.5 / 24.0);
  // No more than 4 departures a day in all, the express's among them.
  const double departures = flow(r, "ab").trains + flow(r, "ex").trains;
  EXPECT_LE(departures, 4.0 * r.window_days + 1.0);
  expect_conserved(r);
}

TEST(ServiceClass, TheSpeedFactorDividesTravelOnTheLine) {
  const run_result r = run_yaml(slots("1.25"));
  EXPECT_NEAR(flow(r, "ex").train_transit_days_mean, 2.0 / 1.25, 1e-9);
}

// Daily plans: one gateway x with a plan of 2 trains a day against 6 ordinary and 1 express a day.
std::string planned() {
  return R"(
name: plan
horizon_days: 30
warmup_days: 2
train_capacity_teu: 10
route_choice: {mode: cheapest}
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
service_classes: {express: {}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: KZ, lat: 45, lon: 80, tracks: 10, pass_through_h: 1, daily_plan_trains_entering: 2}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x: {from: a, to: x, distance_km: 1000, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 1000, speed_km_per_day: 1000}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 420, arrivals: scheduled}
  ex: {from: a, to: b, cargo_class: general, teu_per_week: 70, arrivals: scheduled, service_class: express,
       departures: timetable, timetable_weekdays: [mon, tue, wed, thu, fri, sat, sun], timetable_hour: 12}
)";
}

TEST(ServiceClass, AnExpressIsNeverHeldByADailyPlanButTakesItsPlace) {
  const run_result r = run_yaml(planned());
  // The express leaves at once and runs 2 days and the 1 h pass: no hold at its origin.
  EXPECT_NEAR(flow(r, "ex").train_transit_days_mean, 2.0 + 1.0 / 24.0, 1e-9);
  // The ordinary trains are held ever longer, since the express takes one of the 2 places a day.
  EXPECT_GT(flow(r, "ab").train_transit_days_mean, flow(r, "ex").train_transit_days_mean);
  ASSERT_EQ(r.plans.size(), 1u);
  EXPECT_GT(r.plans.front().held_trains, 0.5 * r.plans.front().booked_trains);
  expect_conserved(r);
}

TEST(ServiceClass, TrainTransitLeavesOutTheWaitForTheTrain) {
  // part_full_yaml: containers wait 10, 6 and 2 h for a train that then travels exactly 24 h.
  const run_result r = run_yaml(part_full_yaml());
  EXPECT_NEAR(flow(r, "ab").train_transit_days_mean, 1.0, 1e-9);
  EXPECT_NEAR(flow(r, "ab").transit_days_mean, 30.0 / 24.0, 1e-9);
}

}  // namespace
}  // namespace corridor::test

// Deterministic scenarios whose every number is known in advance: evenly spaced containers, constant
// service and travel times, ferries on a fixed schedule, timetables. Each asserts the analytic value to the
// minute, so an off-by-one in the calendar, a lost service time or a wrong queue tally shows at once.
#include <gtest/gtest.h>

#include <set>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

// a -12 h- x (break of gauge: 3 h + 2 h customs) -24 h- j -12 h- y (same gauge: 0.5 h) -6 h- b.
// One container every 4 h, one per train, so no train ever queues: every transit is 59.5 h.
constexpr std::string_view line_yaml = R"(
name: line
horizon_days: 60
warmup_days: 10
train_capacity_teu: 1
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: KZ, lat: 45, lon: 80, transshipment_h: 3, customs_dwell_h: 2, pass_through_h: 9}
  j: {kind: junction, country: KZ, lat: 48, lon: 60}
  y: {kind: crossing, country: PL, lat: 52, lon: 23, pass_through_h: 0.5, transshipment_h: 9}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x: {from: a, to: x, distance_km: 600, speed_km_per_day: 1200, slots_per_day: 12}
  x-j: {from: x, to: j, distance_km: 900, speed_km_per_day: 900, gauge_mm: 1520}
  j-y: {from: j, to: y, distance_km: 300, speed_km_per_day: 600, gauge_mm: 1520}
  y-b: {from: y, to: b, distance_km: 240, speed_km_per_day: 960, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 42, arrivals: scheduled}
)";

TEST(deterministic, every_transit_on_a_line_equals_the_sum_of_travel_service_and_customs) {
  const run_result r = run_yaml(line_yaml);
  const double expected_days = (12.0 + 3.0 + 2.0 + 24.0 + 12.0 + 0.5 + 6.0) / 24.0;
  EXPECT_NEAR(r.transit_days_mean, expected_days, minute_days);
  EXPECT_NEAR(r.transit_days_p50, expected_days, minute_days);
  EXPECT_NEAR(r.transit_days_p95, expected_days, minute_days);
  EXPECT_NEAR(r.throughput_teu_per_day, 6.0, 1.0 / 50.0);  // 300 containers in 50 days, +-1 at the edges
  const queue_result& x = queue(r, "x");
  EXPECT_EQ(x.mean_wait_h, 0.0);
  EXPECT_EQ(x.max_queue_trains, 1.0);  // a train joins the queue and starts service at once
  EXPECT_NEAR(x.utilization, 3.0 / 4.0, 0.005);
  EXPECT_NEAR(queue(r, "y").utilization, 0.5 / 4.0, 0.005);
  expect_conserved(r);
}

TEST(deterministic, on_demand_trains_leave_part_full_when_the_oldest_container_has_waited_max_wait) {
  const run_result r = run_yaml(part_full_yaml());
  EXPECT_NEAR(r.throughput_teu_per_day / r.throughput_trains_per_day, 3.0, 1e-12);
  EXPECT_NEAR(r.transit_days_mean, (24.0 + 6.0) / 24.0, minute_days);
  EXPECT_NEAR(r.transit_days_p50, (24.0 + 6.0) / 24.0, minute_days);
  EXPECT_NEAR(r.transit_days_p95, (24.0 + 10.0) / 24.0, minute_days);
  expect_conserved(r);
}

// Containers every 2 h, trains at 09:00 on Mondays and Thursdays only, 10 h to b: deliveries fall on
// Mondays (4 days of containers, 48 TEU) and Thursdays (3 days, 36 TEU) at 19:00 and on no other day.
constexpr std::string_view timetable_yaml = R"(
name: timetable
horizon_days: 70
warmup_days: 7
train_capacity_teu: 100
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-b: {from: a, to: b, distance_km: 500, speed_km_per_day: 1200}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 84, arrivals: scheduled,
       departures: timetable, timetable_weekdays: [mon, thu], timetable_hour: 9, max_wait_h: 1}
)";

TEST(deterministic, timetabled_trains_leave_only_on_the_named_weekdays_with_all_that_waited) {
  const run_result r = run_yaml(timetable_yaml);
  ASSERT_EQ(r.daily.size(), 63u);
  int mondays = 0, thursdays = 0;
  for (const daily_row& d : r.daily) {
    SCOPED_TRACE("day " + std::to_string(d.day));
    const int weekday = d.day % 7;  // day 0 is a Monday
    if (weekday == 0) {
      EXPECT_EQ(d.trains_delivered, 1.0);
      EXPECT_EQ(d.teu_delivered, 48.0);
      ++mondays;
    } else if (weekday == 3) {
      EXPECT_EQ(d.trains_delivered, 1.0);
      EXPECT_EQ(d.teu_delivered, 36.0);
      ++thursdays;
    } else {
      EXPECT_EQ(d.trains_delivered, 0.0);  // max_wait_h is ignored under a timetable
    }
  }
  EXPECT_EQ(mondays, 9);
  EXPECT_EQ(thursdays, 9);
  expect_conserved(r);
}

// A line with 6 slots a day (one every 4 h) and a train every 2 h: trains queue for slots and leave every
// 4 h, at 2 + 4k h. Only departures that happen in the window count, not trains that joined the slot queue.
constexpr std::string_view slots_yaml = R"(
name: slots
horizon_days: 30
warmup_days: 5
train_capacity_teu: 1
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-b: {from: a, to: b, distance_km: 500, speed_km_per_day: 1000, slots_per_day: 6}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 84, arrivals: scheduled}
)";

TEST(deterministic, an_oversubscribed_line_departs_one_train_per_slot_and_reports_real_departures) {
  const run_result r = run_yaml(slots_yaml);
  ASSERT_EQ(r.edges.size(), 1u);
  EXPECT_EQ(r.edges[0].trains, 150.0);  // departures at 2 + 4k h in [120, 720] h
  EXPECT_EQ(r.edges[0].teu, 150.0);
  EXPECT_NEAR(r.edges[0].utilization, 0.5, 1e-12);  // a-b full, b-a idle: 150 of 2 x 6 x 25 slots
  EXPECT_NEAR(r.throughput_trains_per_day, 6.0, 1e-12);
  expect_conserved(r);
}

// Containers every 4 h reach port p at 4n + 1.5 h; a ferry with ample room sails every 2 days at 23:00.
// Waits cycle through 1.5, 5.5, ..., 45.5 h (mean 23.5 h, not the naive 24 h) and 12 trains wait at most.
// The window [120, 1272] h opens and closes just after a sailing, with nobody waiting, so it holds whole
// 48 h cycles and the time-average queue is exactly L = lambda W = 0.25 x 23.5.
constexpr std::string_view ferry_yaml = R"(
name: ferry
horizon_days: 53
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
  p-q: {from: p, to: q, mode: ferry, distance_km: 100, speed_km_per_day: 600, every_days: 2,
        departure_hour: 23, capacity_teu: 100}
  q-b: {from: q, to: b, distance_km: 240, speed_km_per_day: 960}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 42, arrivals: scheduled}
)";

TEST(deterministic, ferry_waits_equal_the_schedule_gaps_when_capacity_is_ample) {
  const run_result r = run_yaml(ferry_yaml);
  const queue_result& port = queue(r, "p-q@p");
  EXPECT_NEAR(port.mean_wait_h, 23.5, minute_h);
  EXPECT_EQ(port.max_queue_trains, 12.0);
  EXPECT_EQ(port.trains, 24.0 * 12.0);  // 24 sailings in the 48-day window, 12 trains each
  EXPECT_NEAR(port.arrivals_per_h, 0.25, 1e-12);
  EXPECT_NEAR(port.mean_queue_trains, 0.25 * 23.5, 1e-9);
  EXPECT_EQ(port.sailings, 24.0);
  EXPECT_EQ(port.cancelled_sailings, 0.0);
  EXPECT_NEAR(port.utilization, 12.0 / 100.0, 1e-12);
  // 1.5 h to the port, the wait, 4 h at sea, 6 h to b.
  EXPECT_NEAR(r.transit_days_mean, (1.5 + 23.5 + 4.0 + 6.0) / 24.0, minute_days);
  expect_conserved(r);
}

}  // namespace
}  // namespace corridor::test

// Daily plans of admitted trains at a crossing (daily_plan_trains_*): a train books a place on the day it
// expects to arrive when it leaves its origin, or is held there for a day with room; route choice sees the
// hold, so a full gateway sheds trains to another instead of growing a queue at the border.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

// Six trains a day from a to b (scheduled containers, 10-TEU trains). Two gateways, both passing without a
// gauge change in 1 h on ten tracks: x on the short route (2 days on the lines) and y on a route 0.4 days
// longer (legs of `y_leg_km`). `x_extra` is appended to x's map. Cheapest route choice, so each train takes x
// unless the hold there costs more time than y's detour.
std::string two_gateways(std::string_view x_extra, std::string_view y_leg_km = "1200") {
  return R"(
name: plans
horizon_days: 40
warmup_days: 5
train_capacity_teu: 10
route_choice: {mode: cheapest}
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: KZ, lat: 45, lon: 80, tracks: 10, pass_through_h: 1)" +
         std::string(x_extra) + R"(}
  y: {kind: crossing, country: MN, lat: 47, lon: 100, tracks: 10, pass_through_h: 1}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x: {from: a, to: x, distance_km: 1000, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 1000, speed_km_per_day: 1000}
  a-y: {from: a, to: y, distance_km: )" +
         std::string(y_leg_km) + R"(, speed_km_per_day: 1000}
  y-b: {from: y, to: b, distance_km: )" +
         std::string(y_leg_km) + R"(, speed_km_per_day: 1000}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 420, arrivals: scheduled}
)";
}

const plan_result* plan_of(const run_result& r, std::string_view id) {
  for (const plan_result& p : r.plans) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

TEST(DailyPlan, AdmitsNoMoreThanThePlanAndShedsTheRestToTheOtherGateway) {
  const run_result free = run_yaml(two_gateways(""));
  const run_result planned = run_yaml(two_gateways(", daily_plan_trains_entering: 2"));
  // Without a plan every train takes the short route.
  EXPECT_EQ(flow_trains_via(free, "ab", "y"), 0.0);
  EXPECT_GT(flow_trains_via(free, "ab", "x"), 5.0 * free.window_days);
  // With one, x serves at most 2 a day (travel times are exact, so a train arrives on its booked day), the
  // rest go through y, and nothing queues at x: the plan holds trains at their origin, not at the border.
  const queue_result& x = queue(planned, "x");
  EXPECT_LE(x.trains, 2.0 * planned.window_days);
  EXPECT_GE(x.trains, 2.0 * (planned.window_days - 1.0));
  EXPECT_GT(flow_trains_via(planned, "ab", "y"), 3.0 * planned.window_days);
  EXPECT_EQ(x.mean_wait_h, 0.0);
  const plan_result* p = plan_of(planned, "x");
  ASSERT_NE(p, nullptr);
  EXPECT_NEAR(p->booked_trains, flow_trains_via(planned, "ab", "x"), 0.0);
  // A train takes x with a hold only when the hold is shorter than y's extra 0.4 days.
  EXPECT_GT(p->held_trains, 0.0);
  EXPECT_GT(p->mean_hold_h, 0.0);
  EXPECT_LT(p->mean_hold_h, 0.4 * 24.0);
  EXPECT_TRUE(planned.plans.size() == 1 && free.plans.empty());
  expect_conserved(planned);
  expect_littles_law(planned);
}

TEST(DailyPlan, DiffersFromADailyCapThatQueuesAtTheBorder) {
  // The same number as a cap: trains that find x's day full wait there, since route choice reads the queue
  // only when it has formed, so x's queue has waits where the plan's has none.
  const run_result capped = run_yaml(two_gateways(", daily_cap_trains_entering: 2"));
  const run_result planned = run_yaml(two_gateways(", daily_plan_trains_entering: 2"));
  EXPECT_GT(queue(capped, "x").mean_wait_h, 1.0);
  EXPECT_EQ(queue(planned, "x").mean_wait_h, 0.0);
}

TEST(DailyPlan, OnlyItsOwnDirectionIsPlanned) {
  // The flow enters x's country from another: a plan for trains leaving it changes nothing.
  const run_result free = run_yaml(two_gateways(""));
  const run_result other_way = run_yaml(two_gateways(", daily_plan_trains_leaving: 1"));
  EXPECT_EQ(queue(other_way, "x").trains, queue(free, "x").trains);
  EXPECT_EQ(plan_of(other_way, "x")->booked_trains, 0.0);
}

TEST(DailyPlan, AmpleNeverBindsAndChangesNothingElse) {
  const run_result free = run_yaml(two_gateways(""));
  const run_result ample = run_yaml(two_gateways(", daily_plan_trains_entering: 100"));
  const auto a = free.flatten();
  auto b = ample.flatten();
  std::erase_if(b, [](const auto& kv) { return kv.first.starts_with("plans."); });
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].first, b[i].first);
    EXPECT_EQ(a[i].second, b[i].second) << a[i].first;
  }
  EXPECT_EQ(plan_of(ample, "x")->held_trains, 0.0);
}

TEST(DailyPlan, ABookingLimitClosesAFullGatewayInsteadOfHoldingForDays) {
  // y is now 4 days longer than x: without a limit a train holds for x until the hold nears 4 days; booking
  // at most 1 day after the expected one, a train finding x full for longer goes by y.
  const std::string far_y = "3000";
  const run_result open =
      run_yaml(two_gateways(", daily_plan_trains_entering: 2, daily_plan_booking_days: 365", far_y));
  const run_result limited =
      run_yaml(two_gateways(", daily_plan_trains_entering: 2, daily_plan_booking_days: 1", far_y));
  EXPECT_GT(plan_of(open, "x")->mean_hold_h, 2.0 * 24.0);
  // A hold ends at the start of a day at most 1 after the day it expected: under 2 days.
  EXPECT_LT(plan_of(limited, "x")->mean_hold_h, 2.0 * 24.0);
  // Either way x's plan fills and the rest go by y: the limit changes how long the x trains wait, not how
  // many.
  EXPECT_LE(queue(limited, "x").trains, 2.0 * limited.window_days);
  EXPECT_GE(queue(limited, "x").trains, 2.0 * (limited.window_days - 1.0));
  EXPECT_GT(flow_trains_via(limited, "ab", "y"), 3.0 * limited.window_days);
  expect_conserved(limited);
}

TEST(DailyPlan, OneGatewayOnlyBacklogsAtTheOriginAndDeliversAll) {
  // With y gone a plan of 2 a day against 6 arriving holds ever longer: the hold grows by 2/3 of a day per
  // day of departures, and every container is still accounted for.
  // Every route full past the booking limit: the train leaves all the same, on the first day with room.
  std::string one = two_gateways(", daily_plan_trains_entering: 2");
  one = replaced(one, "  a-y: {from: a, to: y, distance_km: 1200, speed_km_per_day: 1000}\n", "");
  one = replaced(one, "  y-b: {from: y, to: b, distance_km: 1200, speed_km_per_day: 1000}\n", "");
  const run_result r = run_yaml(one);
  const plan_result* p = plan_of(r, "x");
  ASSERT_NE(p, nullptr);
  EXPECT_GT(p->held_trains, 0.9 * p->booked_trains);
  // Departures at day d (from the warm-up's end at 5) book day ~3d: the mean hold over the window is about
  // twice the window's middle departure time, days 5..40: roughly 2 x 22.5 days, well past a week.
  EXPECT_GT(p->mean_hold_h, 7.0 * 24.0);
  EXPECT_LE(queue(r, "x").trains, 2.0 * r.window_days);
  expect_conserved(r);
}

}  // namespace
}  // namespace corridor::test

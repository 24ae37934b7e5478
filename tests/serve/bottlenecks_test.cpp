// The studio's own computations: whether a queue grows (queue_trend_of), the capacity search
// (find_capacity) on known functions, and the job board that lets a newer request stop an older one.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "corridor/serve.hpp"
#include "corridor/study.hpp"
#include "jobs.hpp"

namespace corridor {
namespace {

TEST(queue_trend, a_queue_that_grows_through_the_window_is_unstable) {
  std::vector<double> q;
  for (int d = 0; d < 90; ++d) q.push_back(0.2 * d);  // 0 to 17.8 trains
  const queue_trend t = queue_trend_of(q);
  EXPECT_NEAR(t.rise_trains, 0.2 * 89, 1e-9);
  EXPECT_NEAR(t.first_third_mean, 0.2 * 14.5, 1e-9);
  EXPECT_NEAR(t.last_third_mean, 0.2 * 74.5, 1e-9);
  EXPECT_TRUE(t.unstable);
}

TEST(queue_trend, a_closure_that_clears_and_a_steady_queue_are_stable) {
  std::vector<double> peak(90, 2.0);
  for (int d = 40; d < 55; ++d) peak[static_cast<std::size_t>(d)] = 30.0;  // two weeks closed, then cleared
  EXPECT_FALSE(queue_trend_of(peak).unstable);
  std::vector<double> steady;
  for (int d = 0; d < 90; ++d) steady.push_back(8.0 + (d % 2 == 0 ? 3.0 : -3.0));
  const queue_trend t = queue_trend_of(steady);
  EXPECT_NEAR(t.rise_trains, 0.0, 0.5);
  EXPECT_FALSE(t.unstable);
  EXPECT_FALSE(queue_trend_of(std::vector<double>{}).unstable);
}

TEST(find_bottlenecks, names_the_most_used_limit_of_each_element) {
  scenario s;
  node_spec crossing;
  crossing.id = "gate";
  crossing.kind = node_kind::crossing;
  crossing.crossing.tracks = 2;
  crossing.crossing.daily_cap_trains = 10;
  s.nodes = {crossing};
  edge_spec ferry, line, open_line;
  ferry.id = "sea";
  ferry.mode = edge_mode::ferry;
  ferry.ferry.capacity_teu = 300;
  line.id = "busy";
  line.slots_per_day = 20;
  open_line.id = "open";  // no slots: no limit to report
  s.edges = {ferry, line, open_line};

  run_summary r;
  r.window_days = 10;
  queue_result gate{"gate", "crossing", 90.0, 0.0, 0.5};  // 9 trains a day of a cap of 10; tracks half busy
  gate.mean_wait_h = 3.0;
  queue_result west{"sea@a", "ferry", 0.0, 0.0, 0.3}, east{"sea@b", "ferry", 0.0, 0.0, 0.7};
  east.mean_wait_h = 20.0;
  r.queues = {gate, west, east};
  edge_result busy;
  busy.id = "busy";
  busy.utilization = 0.95;
  r.edges = {busy};
  for (int d = 0; d < 30; ++d) {  // the east side's queue grows by a train a day; the others stay empty
    daily_row row;
    row.day = d;
    row.queue_trains = {0.0, 0.0, static_cast<double>(d)};
    r.daily.push_back(row);
  }

  const auto found = find_bottlenecks(s, r);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].id, "gate");
  EXPECT_EQ(found[0].binding, "daily_cap");
  EXPECT_NEAR(found[0].use, 0.9, 1e-12);
  EXPECT_NEAR(found[0].headroom, 0.1, 1e-12);
  ASSERT_EQ(found[0].limits.size(), 2u);
  EXPECT_EQ(found[0].limits[1].kind, "tracks");
  EXPECT_FALSE(found[0].trend.unstable);
  EXPECT_EQ(found[1].id, "sea");
  EXPECT_EQ(found[1].binding, "ferry_capacity");
  EXPECT_NEAR(found[1].use, 0.7, 1e-12);  // the busier end
  EXPECT_EQ(found[1].mean_wait_h, 20.0);
  EXPECT_TRUE(found[1].trend.unstable);
  EXPECT_EQ(found[2].id, "busy");
  EXPECT_EQ(found[2].binding, "slots");
  EXPECT_NEAR(found[2].headroom, 0.05, 1e-12);
}

TEST(find_bottlenecks, reports_a_ports_berths_and_yard_and_the_trains_held_outside_it) {
  scenario s;
  node_spec aktau, dwell_only;
  aktau.id = "aktau";
  aktau.kind = node_kind::port;
  aktau.port.berths = 2;
  aktau.port.yard_capacity_teu = 1000;
  dwell_only.id = "poti";  // a dwell alone limits nothing: not listed
  dwell_only.kind = node_kind::port;
  dwell_only.port.dwell_h = distribution::constant(12.0);
  s.nodes = {aktau, dwell_only};

  run_summary r;
  r.window_days = 30;
  port_result p;
  p.id = "aktau", p.berths = 2, p.utilization = 0.4, p.yard_mean_teu = 850, p.gate_wait_h = 30;
  port_result q;
  q.id = "poti";
  r.ports = {q, p};
  for (int d = 0; d < 30; ++d) {  // trains pile up outside Aktau's full yard: two more each day
    daily_row row;
    row.day = d;
    row.trains_outside = {0.0, 2.0 * d};
    row.mean_trains_outside = {0.0, 2.0 * d - 1.0};
    r.daily.push_back(row);
  }

  const auto found = find_bottlenecks(s, r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "aktau");
  EXPECT_EQ(found[0].kind, "port");
  EXPECT_EQ(found[0].binding, "yard");  // 850 of 1,000 TEU on average, against berths 40 % busy
  EXPECT_NEAR(found[0].use, 0.85, 1e-12);
  ASSERT_EQ(found[0].limits.size(), 2u);
  EXPECT_EQ(found[0].limits[1].kind, "berths");
  EXPECT_NEAR(found[0].limits[1].use, 0.4, 1e-12);
  EXPECT_EQ(found[0].mean_wait_h, 30.0);
  EXPECT_NEAR(found[0].mean_queue_trains, 28.0, 1e-12);  // mean of 2d - 1 over d = 0..29
  EXPECT_TRUE(found[0].trend.unstable);
  EXPECT_NEAR(found[0].trend.rise_trains, 58.0, 1e-9);
}

// A metric that grows linearly with the demand factor: p95 = 10 days at today's demand, +8 per unit.
capacity_probe linear(double factor) {
  return {factor, 10.0 + 8.0 * (factor - 1.0), 0.1};
}

TEST(find_capacity, brackets_by_doubling_then_bisects_to_the_crossing) {
  const capacity_search c = find_capacity(linear, 22.0);  // crossed at factor 2.5
  EXPECT_EQ(c.outcome, "found");
  EXPECT_LE(c.capacity_factor, 2.5);
  EXPECT_GT(c.exceeded_factor, 2.5);
  EXPECT_LE(c.exceeded_factor - c.capacity_factor, 0.02 * c.capacity_factor);
  ASSERT_GE(c.probes.size(), 3u);
  EXPECT_EQ(c.probes[0].factor, 1.0);
  EXPECT_EQ(c.probes[1].factor, 2.0);
  EXPECT_EQ(c.probes[2].factor, 4.0);
}

TEST(find_capacity, halves_when_today_is_over_and_says_when_the_range_has_no_crossing) {
  const capacity_search down = find_capacity(linear, 7.0);  // crossed at factor 0.625
  EXPECT_EQ(down.outcome, "found");
  EXPECT_LE(down.capacity_factor, 0.625);
  EXPECT_GT(down.exceeded_factor, 0.625);
  const capacity_search beyond = find_capacity(linear, 1000.0);
  EXPECT_EQ(beyond.outcome, "beyond_range");
  EXPECT_EQ(beyond.capacity_factor, 4.0);
  EXPECT_EQ(beyond.exceeded_factor, 0.0);
  const capacity_search below = find_capacity(linear, 1.0);
  EXPECT_EQ(below.outcome, "below_range");
  EXPECT_EQ(below.capacity_factor, 0.0);
  EXPECT_EQ(below.exceeded_factor, 0.25);
  EXPECT_THROW(find_capacity(linear, 5.0, 2.0), std::invalid_argument);
}

TEST(job_board, a_newer_job_stops_the_older_and_takes_its_place) {
  detail::job_board board;
  EXPECT_EQ(board.view().state, "idle");
  const auto first = board.open("compare");
  {
    const auto lock = board.compute(first);
    board.progress(first, 1, 4);
    EXPECT_EQ(board.view().state, "running");
    EXPECT_EQ(board.view().done, 1u);
  }
  const auto second = board.open("capacity");
  EXPECT_TRUE(first.stop.stop_requested());
  EXPECT_FALSE(second.stop.stop_requested());
  EXPECT_THROW((void)board.compute(first), study_cancelled);
  board.progress(first, 3, 4);  // the older job's reports no longer show
  board.close(first, "cancelled");
  EXPECT_EQ(board.view().id, second.id);
  EXPECT_EQ(board.view().kind, "capacity");
  EXPECT_EQ(board.view().state, "waiting");
  EXPECT_EQ(board.view().done, 0u);
  { const auto lock = board.compute(second); }
  board.close(second, "done");
  EXPECT_EQ(board.view().state, "done");
}

}  // namespace
}  // namespace corridor

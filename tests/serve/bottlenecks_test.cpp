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

// The queue collector's accounting, by hand: Little's law L = lambda W holds exactly over the window, also
// when trains are waiting as it opens and closes, and the days add up to the window.
#include "corridor/queue_stats.hpp"

#include <gtest/gtest.h>

namespace corridor {
namespace {

// A joins at 0 and B at 1; A starts service at 3, B at 4 (one track, then two); C joins at 6 and is still
// waiting when the window closes at 10.
void run_trace(queue_stats& q, bool warm_up_until_2) {
  q.arrival();
  q.set_waiting(0.0, 1.0);
  q.arrival();
  q.set_waiting(1.0, 2.0);
  if (warm_up_until_2) q.reset(2.0);
  q.leave(3.0, 0.0);
  q.set_waiting(3.0, 1.0);
  q.set_busy(3.0, 1.0);
  q.leave(4.0, 1.0);
  q.set_waiting(4.0, 0.0);
  q.set_busy(4.0, 2.0);
  q.arrival();
  q.set_waiting(6.0, 1.0);
  q.still_waiting(10.0, 6.0);
  q.finish(10.0);
}

TEST(queue_stats, little_law_holds_exactly_with_a_train_still_waiting_at_the_end) {
  queue_stats q;
  run_trace(q, false);
  // Queue area 1x1 + 2x2 + 1x1 + 0x2 + 1x4 = 10 over 10 h; waits 3, 3 and 4 (C's so far).
  EXPECT_DOUBLE_EQ(q.mean_waiting(), 1.0);
  EXPECT_EQ(q.arrivals(), 3u);
  EXPECT_EQ(q.served(), 2u);
  EXPECT_DOUBLE_EQ(q.waits().mean(), 10.0 / 3.0);
  EXPECT_DOUBLE_EQ(q.mean_waiting(), q.arrivals() / q.elapsed() * q.waits().mean());
  EXPECT_DOUBLE_EQ(q.mean_busy(), (1.0 * 1.0 + 2.0 * 6.0) / 10.0);
  EXPECT_EQ(q.max_waiting(), 2.0);
}

TEST(queue_stats, little_law_holds_exactly_when_trains_wait_as_the_window_opens) {
  queue_stats q;
  run_trace(q, true);
  // From 2: area 2x1 + 1x1 + 0x2 + 1x4 = 7 over 8 h. A and B arrive at the opening and count from it:
  // waits 1, 2 and 4, so lambda W = 3/8 x 7/3 = 7/8 = L.
  EXPECT_DOUBLE_EQ(q.elapsed(), 8.0);
  EXPECT_DOUBLE_EQ(q.mean_waiting(), 7.0 / 8.0);
  EXPECT_EQ(q.arrivals(), 3u);
  EXPECT_DOUBLE_EQ(q.waits().mean(), 7.0 / 3.0);
  EXPECT_DOUBLE_EQ(q.mean_waiting(), q.arrivals() / q.elapsed() * q.waits().mean());
}

TEST(queue_stats, days_closed_along_the_way_add_up_to_the_window) {
  queue_stats q;
  q.set_waiting(0.0, 2.0);
  q.set_waiting(5.0, 1.0);
  q.leave(5.0, 0.0);
  const queue_day first = q.close_day(6.0);  // area 2x5 + 1x1 = 11 over 6 h; one wait of 5 h
  q.set_waiting(8.0, 0.0);
  q.leave(8.0, 0.0);
  const queue_day second = q.close_day(12.0);  // area 1x2 = 2 over 6 h; one wait of 8 h
  q.finish(12.0);
  EXPECT_DOUBLE_EQ(first.mean_waiting, 11.0 / 6.0);
  EXPECT_EQ(first.max_waiting, 2.0);
  EXPECT_DOUBLE_EQ(first.mean_wait_h, 5.0);
  EXPECT_DOUBLE_EQ(second.mean_waiting, 2.0 / 6.0);
  EXPECT_EQ(second.max_waiting, 1.0);  // the number waiting when the day opened
  EXPECT_DOUBLE_EQ(second.mean_wait_h, 8.0);
  EXPECT_DOUBLE_EQ(first.mean_waiting * first.hours + second.mean_waiting * second.hours,
                   q.mean_waiting() * q.elapsed());
}

}  // namespace
}  // namespace corridor

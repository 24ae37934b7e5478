// The engine's contract: total order, the clock, stop, cancel and loud misuse.
#include "corridor/engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "corridor/random.hpp"

namespace corridor {
namespace {

struct trace_entry {
  double time;
  std::uint32_t kind;
  bool operator==(const trace_entry&) const = default;
};

// Runs `eng` to completion and returns (time, kind) of every event handled.
template <class Engine>
std::vector<trace_entry> run_trace(Engine& eng) {
  std::vector<trace_entry> trace;
  eng.run([&](const event& e) { trace.push_back({e.time, e.kind}); });
  return trace;
}

template <class Fn>
std::string error_of(Fn&& fn) {
  try {
    fn();
  } catch (const engine_error& e) {
    return e.what();
  }
  return "no engine_error";
}

TEST(engine, runs_events_in_time_order_whatever_the_scheduling_order) {
  engine eng;
  eng.schedule_at(3.0, 3);
  eng.schedule_at(1.0, 1);
  eng.schedule_at(2.0, 2);
  const std::vector<trace_entry> expected{{1.0, 1}, {2.0, 2}, {3.0, 3}};
  EXPECT_EQ(run_trace(eng), expected);
  EXPECT_EQ(eng.now(), 3.0);
  EXPECT_EQ(eng.events_processed(), 3U);
}

TEST(engine, breaks_time_ties_by_lower_priority_first) {
  engine eng;
  eng.schedule_at(1.0, 10, 0, 0, 5);
  eng.schedule_at(1.0, 11, 0, 0, -2);
  eng.schedule_at(1.0, 12, 0, 0, 0);
  const std::vector<trace_entry> expected{{1.0, 11}, {1.0, 12}, {1.0, 10}};
  EXPECT_EQ(run_trace(eng), expected);
}

TEST(engine, breaks_time_and_priority_ties_in_insertion_order) {
  engine eng;
  for (std::uint32_t k = 0; k < 100; ++k) eng.schedule_at(2.0, k);
  const auto trace = run_trace(eng);
  ASSERT_EQ(trace.size(), 100U);
  for (std::uint32_t k = 0; k < 100; ++k) EXPECT_EQ(trace[k].kind, k);
}

TEST(engine, runs_an_event_scheduled_for_now_after_the_already_pending_ties) {
  engine eng;
  eng.schedule_at(1.0, 1);
  eng.schedule_at(1.0, 2);
  std::vector<std::uint32_t> kinds;
  eng.run([&](const event& e) {
    kinds.push_back(e.kind);
    if (e.kind == 1) eng.schedule_in(0.0, 3);
  });
  EXPECT_EQ(kinds, (std::vector<std::uint32_t>{1, 2, 3}));
}

TEST(engine, passes_target_and_data_through_and_ids_are_dense) {
  engine eng;
  EXPECT_EQ(eng.schedule_at(1.0, 7, 42, 99), 0U);
  EXPECT_EQ(eng.schedule_at(1.0, 7, 43, 98), 1U);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> seen;
  eng.run([&](const event& e) { seen.emplace_back(e.target, e.data); });
  EXPECT_EQ(seen, (std::vector<std::pair<std::uint32_t, std::uint32_t>>{{42, 99}, {43, 98}}));
}

TEST(engine, run_until_runs_events_up_to_and_including_end_then_sets_clock_to_end) {
  engine eng;
  eng.schedule_at(1.0, 1);
  eng.schedule_at(5.0, 5);
  eng.schedule_at(5.5, 6);
  std::vector<double> times;
  eng.run_until(5.0, [&](const event& e) {
    EXPECT_EQ(eng.now(), e.time);
    times.push_back(e.time);
  });
  EXPECT_EQ(times, (std::vector<double>{1.0, 5.0}));
  EXPECT_EQ(eng.now(), 5.0);
  EXPECT_EQ(eng.pending(), 1U);
  eng.run_until(7.0, [&](const event& e) { times.push_back(e.time); });
  EXPECT_EQ(times, (std::vector<double>{1.0, 5.0, 5.5}));
  EXPECT_EQ(eng.now(), 7.0);
}

TEST(engine, run_until_advances_the_clock_even_with_no_events) {
  engine eng;
  eng.run_until(24.0, [](const event&) { FAIL() << "no event was scheduled"; });
  EXPECT_EQ(eng.now(), 24.0);
  EXPECT_EQ(eng.schedule_in(1.0, 0), 0U);
  eng.run_until(24.0, [](const event&) { FAIL() << "the event is at 25 h"; });
  EXPECT_EQ(eng.pending(), 1U);
}

TEST(engine, run_until_infinity_leaves_the_clock_at_the_last_event) {
  engine eng;
  eng.schedule_at(3.0, 0);
  eng.run_until(std::numeric_limits<double>::infinity(), [](const event&) {});
  EXPECT_EQ(eng.now(), 3.0);
}

TEST(engine, stop_returns_after_the_current_event_and_keeps_the_rest_pending) {
  engine eng;
  for (int i = 1; i <= 5; ++i) eng.schedule_at(i, static_cast<std::uint32_t>(i));
  std::vector<std::uint32_t> kinds;
  eng.run_until(10.0, [&](const event& e) {
    kinds.push_back(e.kind);
    if (e.kind == 2) eng.stop();
  });
  EXPECT_EQ(kinds, (std::vector<std::uint32_t>{1, 2}));
  EXPECT_EQ(eng.now(), 2.0);  // not 10: the run was stopped
  EXPECT_EQ(eng.pending(), 3U);
  eng.run([&](const event& e) { kinds.push_back(e.kind); });  // the stop request does not linger
  EXPECT_EQ(kinds, (std::vector<std::uint32_t>{1, 2, 3, 4, 5}));
}

TEST(engine, stop_also_ends_run) {
  engine eng;
  for (int i = 0; i < 4; ++i) eng.schedule_at(i, 0);
  int handled = 0;
  eng.run([&](const event&) {
    if (++handled == 2) eng.stop();
  });
  EXPECT_EQ(handled, 2);
  EXPECT_EQ(eng.now(), 1.0);
}

TEST(engine, cancelled_events_do_not_run_and_leave_pending_count) {
  engine eng;
  const auto a = eng.schedule_at(1.0, 1);
  const auto b = eng.schedule_at(2.0, 2);
  const auto c = eng.schedule_at(3.0, 3);
  EXPECT_TRUE(eng.is_pending(b));
  eng.cancel(b);
  EXPECT_FALSE(eng.is_pending(b));
  EXPECT_TRUE(eng.is_pending(a));
  EXPECT_EQ(eng.pending(), 2U);
  const std::vector<trace_entry> expected{{1.0, 1}, {3.0, 3}};
  EXPECT_EQ(run_trace(eng), expected);
  EXPECT_EQ(eng.pending(), 0U);
  EXPECT_EQ(eng.events_processed(), 2U);
  EXPECT_FALSE(eng.is_pending(c));
}

TEST(engine, a_handler_can_cancel_a_later_event) {
  engine eng;
  eng.schedule_at(1.0, 1);
  const auto later = eng.schedule_at(2.0, 2);
  std::vector<std::uint32_t> kinds;
  eng.run([&](const event& e) {
    kinds.push_back(e.kind);
    if (e.kind == 1) eng.cancel(later);
  });
  EXPECT_EQ(kinds, (std::vector<std::uint32_t>{1}));
}

TEST(engine, cancel_of_an_id_never_issued_throws) {
  engine eng;
  eng.schedule_at(1.0, 0);
  EXPECT_NE(error_of([&] { eng.cancel(1); }).find("never scheduled"), std::string::npos);
  EXPECT_FALSE(eng.is_pending(1));
}

TEST(engine, cancel_twice_throws_already_cancelled) {
  engine eng;
  const auto id = eng.schedule_at(1.0, 0);
  eng.cancel(id);
  EXPECT_NE(error_of([&] { eng.cancel(id); }).find("already cancelled"), std::string::npos);
  run_trace(eng);  // the cancelled event is dropped from the queue; cancel must still say why
  EXPECT_NE(error_of([&] { eng.cancel(id); }).find("already cancelled"), std::string::npos);
}

TEST(engine, cancel_of_an_event_already_run_throws_already_run) {
  engine eng;
  const auto id = eng.schedule_at(1.0, 0);
  run_trace(eng);
  EXPECT_NE(error_of([&] { eng.cancel(id); }).find("already run"), std::string::npos);
}

TEST(engine, scheduling_in_the_past_throws) {
  engine eng;
  eng.run_until(10.0, [](const event&) {});
  EXPECT_NE(error_of([&] { eng.schedule_at(9.5, 0); }).find("not before now"), std::string::npos);
  EXPECT_NE(error_of([&] { eng.schedule_in(-1e-30, 0); }).find("delay must be finite and >= 0"),
            std::string::npos);
  EXPECT_NO_THROW(eng.schedule_at(10.0, 0));
}

TEST(engine, scheduling_at_a_non_finite_time_throws) {
  engine eng;
  EXPECT_THROW(eng.schedule_at(std::numeric_limits<double>::quiet_NaN(), 0), engine_error);
  EXPECT_THROW(eng.schedule_at(std::numeric_limits<double>::infinity(), 0), engine_error);
  EXPECT_THROW(eng.schedule_in(std::numeric_limits<double>::infinity(), 0), engine_error);
  EXPECT_EQ(eng.pending(), 0U);
}

TEST(engine, running_backwards_throws) {
  engine eng;
  eng.run_until(5.0, [](const event&) {});
  EXPECT_NE(error_of([&] { eng.run_until(4.0, [](const event&) {}); }).find("already at 5 h"),
            std::string::npos);
  EXPECT_THROW(eng.run_until(std::numeric_limits<double>::quiet_NaN(), [](const event&) {}), engine_error);
  EXPECT_EQ(eng.now(), 5.0);
}

TEST(engine, empty_queue_pop_throws) {
  quaternary_heap_queue q4;
  binary_heap_queue q2;
  radix_heap_queue radix;
  EXPECT_THROW(q4.pop_min(), engine_error);
  EXPECT_THROW(q2.pop_min(), engine_error);
  EXPECT_THROW(radix.pop_min(), engine_error);
}

TEST(engine, an_event_scheduled_after_run_until_runs_before_the_later_pending_ones) {
  engine eng;
  eng.schedule_at(10.0, 10);
  eng.run_until(5.0, [](const event&) { FAIL() << "nothing is due before 10 h"; });
  eng.schedule_at(6.0, 6);
  eng.schedule_at(5.0, 5);
  const std::vector<trace_entry> expected{{5.0, 5}, {6.0, 6}, {10.0, 10}};
  EXPECT_EQ(run_trace(eng), expected);
}

TEST(engine, a_cancelled_last_event_does_not_stop_scheduling_before_its_time) {
  engine eng;
  eng.schedule_at(1.0, 1);
  eng.cancel(eng.schedule_at(50.0, 50));
  run_trace(eng);  // pops the cancelled event at 50 h; the clock stays at 1 h
  EXPECT_EQ(eng.now(), 1.0);
  eng.schedule_at(2.0, 2);
  const std::vector<trace_entry> expected{{2.0, 2}};
  EXPECT_EQ(run_trace(eng), expected);
}

// A random workload with many ties and cancels, replayed on both heaps.
template <class Queue>
std::vector<std::uint64_t> random_workload_trace() {
  basic_engine<Queue> eng;
  rng_stream rng(7, 0, stable_id("engine-test"));
  std::vector<event_id> ids;
  for (std::uint32_t i = 0; i < 500; ++i) {
    ids.push_back(eng.schedule_at(static_cast<double>(rng.next_u64() % 50), i, 0, 0,
                                  static_cast<std::int32_t>(rng.next_u64() % 3)));
  }
  std::vector<std::uint64_t> trace;
  eng.run_until(400.0, [&](const event& e) {
    trace.push_back(e.seq);
    const auto r = rng.next_u64();
    if (r % 4 != 0) {  // coarse delays make ties common
      ids.push_back(
          eng.schedule_in(static_cast<double>(r % 7), e.kind, 0, 0, static_cast<std::int32_t>(r % 3)));
    }
    const event_id victim = ids[r % ids.size()];
    if (r % 5 == 0 && eng.is_pending(victim)) eng.cancel(victim);
  });
  trace.push_back(eng.events_processed());
  return trace;
}

TEST(engine, binary_quaternary_and_radix_heaps_give_identical_traces) {
  const auto binary = random_workload_trace<binary_heap_queue>();
  const auto quaternary = random_workload_trace<quaternary_heap_queue>();
  const auto radix = random_workload_trace<radix_heap_queue>();
  EXPECT_GT(binary.size(), 1000U);
  EXPECT_EQ(binary, quaternary);
  EXPECT_EQ(binary, radix);
}

template <class Queue>
void expect_heap_sorts_like_runs_before() {
  Queue q;
  rng_stream rng(1, 2, 3);
  std::vector<event> all;
  for (std::uint64_t i = 0; i < 2000; ++i) {
    event e;
    e.time = static_cast<double>(rng.next_u64() % 100);
    e.priority = static_cast<std::int32_t>(rng.next_u64() % 4) - 2;
    e.seq = i;
    all.push_back(e);
    q.push(e);
  }
  std::vector<event> popped;
  while (!q.empty()) popped.push_back(q.pop_min());
  ASSERT_EQ(popped.size(), all.size());
  for (std::size_t i = 1; i < popped.size(); ++i) EXPECT_TRUE(runs_before(popped[i - 1], popped[i]));
}

TEST(event_queues, binary_heap_pops_in_total_order) {
  expect_heap_sorts_like_runs_before<binary_heap_queue>();
}
TEST(event_queues, quaternary_heap_pops_in_total_order) {
  expect_heap_sorts_like_runs_before<quaternary_heap_queue>();
}
TEST(event_queues, radix_heap_pops_in_total_order) {
  expect_heap_sorts_like_runs_before<radix_heap_queue>();
}

// HOLD-like use with times of every magnitude (0, -0.0, subnormals, 1e-300 ... 1e300) and many exact ties:
// each pop pushes a few events at or after the popped time. The pops must come out exactly as a sorted
// copy says, which a bucket chosen by the wrong bit or a lost tie would break.
TEST(event_queues, radix_heap_matches_a_sorted_reference_on_times_of_every_magnitude) {
  radix_heap_queue q;
  rng_stream rng(11, 0, stable_id("radix-magnitudes"));
  const double offsets[] = {0.0, 5e-324, 1e-300, 1e-9, 0.5, 1.0, 3.0, 1e6, 1e300};
  std::vector<event> pending;  // the reference: kept sorted latest first, so back() is the least
  std::uint64_t seq = 0;
  auto push = [&](double time) {
    event e;
    e.time = time;
    e.priority = static_cast<std::int32_t>(rng.next_u64() % 3) - 1;
    e.seq = seq++;
    q.push(e);
    pending.push_back(e);
  };
  push(-0.0);
  push(0.0);
  push(2.0);
  for (int step = 0; step < 20000 && !pending.empty(); ++step) {
    std::sort(pending.begin(), pending.end(),
              [](const event& a, const event& b) { return runs_before(b, a); });
    const event expected = pending.back();
    pending.pop_back();
    const event got = q.pop_min();
    ASSERT_EQ(got.seq, expected.seq) << "at step " << step;
    const std::uint64_t r = rng.next_u64();
    const int children = pending.size() < 200 ? 2 : static_cast<int>(r % 2);
    for (int c = 0; c < children; ++c) {
      const double offset = offsets[(r >> (8 * c + 8)) % 9];
      push(offset < 1e200 || step % 500 == 0 ? got.time + offset : got.time);
    }
  }
  EXPECT_EQ(q.size(), pending.size());
}

TEST(event_queues, radix_heap_rejects_a_time_before_the_last_popped_one_while_it_holds_events) {
  radix_heap_queue q;
  q.push(event{2.0, 0, 0, 0, 0, 0});
  q.push(event{9.0, 0, 0, 1, 0, 0});
  EXPECT_EQ(q.pop_min().time, 2.0);
  try {
    q.push(event{1.5, 0, 0, 2, 0, 0});
    FAIL() << "no engine_error";
  } catch (const engine_error& e) {
    EXPECT_NE(std::string(e.what()).find("at 1.5 h: it is before the last popped time"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(q.size(), 1U);
  EXPECT_EQ(q.pop_min().time, 9.0);
  q.push(event{1.5, 0, 0, 3, 0, 0});  // empty again: nothing left to order against
  EXPECT_EQ(q.pop_min().time, 1.5);
}

TEST(event_queues, radix_heap_rejects_negative_and_nan_times) {
  radix_heap_queue q;
  EXPECT_THROW(q.push(event{-1.0, 0, 0, 0, 0, 0}), engine_error);
  EXPECT_THROW(q.push(event{std::numeric_limits<double>::quiet_NaN(), 0, 0, 0, 0, 0}), engine_error);
  EXPECT_TRUE(q.empty());
}

TEST(event_queues, radix_heap_pop_min_until_leaves_later_events_and_the_floor_alone) {
  radix_heap_queue q;
  q.push(event{1.0, 0, 0, 0, 0, 0});
  q.push(event{8.0, 0, 0, 1, 0, 0});
  event e;
  ASSERT_TRUE(q.pop_min_until(4.0, e));
  EXPECT_EQ(e.time, 1.0);
  EXPECT_FALSE(q.pop_min_until(4.0, e));
  EXPECT_EQ(q.min().time, 8.0);
  q.push(event{3.0, 0, 0, 2, 0, 0});  // legal: 3 h is not before the last popped 1 h
  ASSERT_TRUE(q.pop_min_until(4.0, e));
  EXPECT_EQ(e.time, 3.0);
  ASSERT_TRUE(q.pop_min_until(8.0, e));
  EXPECT_EQ(e.time, 8.0);
  EXPECT_TRUE(q.empty());
}

}  // namespace
}  // namespace corridor

#pragma once
// The discrete-event kernel: a simulated clock and a future-event set. It knows nothing of freight, YAML or
// graphs; a model gives meaning to an event's `kind`, `target` and `data`.
//
// Events are ordered totally by (time, priority, insertion sequence), so equal inputs give equal outputs:
//   1. earlier time first;
//   2. at equal time, lower priority first;
//   3. at equal time and priority, the event scheduled first (smaller id) first, so ties are FIFO.
// An event scheduled by a handler for the current time runs in this same pass, after every pending event
// it does not precede. Events are small values; handlers are template parameters, never std::function.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace corridor {

// Misuse of the engine: scheduling in the past, running backwards, cancelling twice.
class engine_error : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

using event_id = std::uint64_t;

struct event {
  double time = 0.0;          // simulated hours
  std::int32_t priority = 0;  // lower runs first at equal time
  std::uint32_t kind = 0;     // what happens (model-defined)
  std::uint64_t seq = 0;      // insertion order; also the event's id
  std::uint32_t target = 0;   // to whom (model-defined index)
  std::uint32_t data = 0;     // a small payload (model-defined)
};

// The engine's total order: true when `a` must run before `b`.
constexpr bool runs_before(const event& a, const event& b) noexcept {
  if (a.time != b.time) return a.time < b.time;
  if (a.priority != b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

// Future-event sets. Each offers push, pop_min, min, empty, size, clear; the engine is a template on them so
// that benchmarks compare implementations with no virtual call in the loop. min() needs a non-empty queue;
// pop_min() on an empty one throws engine_error.
class binary_heap_queue {
 public:
  void push(const event& e);
  event pop_min();
  const event& min() const { return heap_.front(); }
  bool empty() const noexcept { return heap_.empty(); }
  std::size_t size() const noexcept { return heap_.size(); }
  void clear() noexcept { heap_.clear(); }
  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  std::vector<event> heap_;
};

// A 4-ary heap: shallower than a binary heap and kinder to the cache; the default.
class quaternary_heap_queue {
 public:
  void push(const event& e);
  event pop_min();
  const event& min() const { return heap_.front(); }
  bool empty() const noexcept { return heap_.empty(); }
  std::size_t size() const noexcept { return heap_.size(); }
  void clear() noexcept { heap_.clear(); }
  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  std::vector<event> heap_;
};

template <class Queue>
class basic_engine {
 public:
  double now() const noexcept { return now_; }
  std::uint64_t events_processed() const noexcept { return processed_; }
  std::size_t pending() const noexcept { return queue_.size() - cancelled_pending_; }

  // Room for `n` pending events, so a model that knows its size never reallocates mid-run.
  void reserve(std::size_t n) { queue_.reserve(n); }

  // Schedules an event at absolute time `time` (>= now, finite); returns its id. Ids are dense: 0, 1, 2, ...
  event_id schedule_at(double time, std::uint32_t kind, std::uint32_t target = 0, std::uint32_t data = 0,
                       std::int32_t priority = 0);
  // Schedules an event `delay` hours from now (delay >= 0, finite).
  event_id schedule_in(double delay, std::uint32_t kind, std::uint32_t target = 0, std::uint32_t data = 0,
                       std::int32_t priority = 0);
  // Cancels a pending event. Throws engine_error for an id never issued, already run or already cancelled.
  void cancel(event_id id);
  bool is_pending(event_id id) const noexcept;

  // Runs events with time <= end in order, calling handle(const event&) with now() at the event's time;
  // then sets the clock to `end` (unless stop() was called, or end is +infinity). Events at exactly `end`
  // run. Throws engine_error when end < now or end is NaN. An exception from the handler propagates; the
  // event it came from counts as run.
  template <class Handler>
  void run_until(double end, Handler&& handle);
  // Runs until no event is left or stop() is called; the clock stays at the last event's time.
  template <class Handler>
  void run(Handler&& handle);
  // Called from inside a handler: run/run_until return after the current event, leaving the clock at its
  // time and the remaining events pending. The request lasts for the current run only.
  void stop() noexcept { stop_requested_ = true; }

 private:
  bool pop_live(event& out);
  // Marks a popped event as run and says true, or says false when it had been cancelled.
  bool take_if_live(event_id id) noexcept;

  Queue queue_;
  double now_ = 0.0;
  std::uint64_t next_seq_ = 0;
  std::uint64_t processed_ = 0;
  std::size_t cancelled_pending_ = 0;
  bool stop_requested_ = false;
  // One bit per issued id: set while pending. Ids are dense, so this is a flat bit vector (1 bit per event
  // ever scheduled: 125 MB per 10^9 events).
  std::vector<std::uint64_t> live_bits_;
  // One bit per issued id: set once cancelled, so that a second cancel says what happened.
  std::vector<std::uint64_t> cancelled_bits_;
};

using engine = basic_engine<quaternary_heap_queue>;

}  // namespace corridor

#include "corridor/detail/engine_impl.hpp"

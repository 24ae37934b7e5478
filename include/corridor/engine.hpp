#pragma once
// The discrete-event kernel: a simulated clock and a future-event set. It knows nothing of freight, YAML or
// graphs; a model gives meaning to an event's `kind`, `target` and `data`.
//
// Events are ordered totally by (time, priority, insertion sequence), so equal inputs give equal outputs.
// Events are small values; handlers are template parameters, never std::function.
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
  double time = 0.0;           // simulated hours
  std::int32_t priority = 0;   // lower runs first at equal time
  std::uint32_t kind = 0;      // what happens (model-defined)
  std::uint64_t seq = 0;       // insertion order; also the event's id
  std::uint32_t target = 0;    // to whom (model-defined index)
  std::uint32_t data = 0;      // a small payload (model-defined)
};

// The engine's total order: true when `a` must run before `b`.
constexpr bool runs_before(const event& a, const event& b) noexcept {
  if (a.time != b.time) return a.time < b.time;
  if (a.priority != b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

// Future-event sets. Each offers push, pop_min, min, empty, size, clear; the engine is a template on them so
// that benchmarks compare implementations with no virtual call in the loop.
class binary_heap_queue {
 public:
  void push(const event& e);
  event pop_min();
  const event& min() const { return heap_.front(); }
  bool empty() const noexcept { return heap_.empty(); }
  std::size_t size() const noexcept { return heap_.size(); }
  void clear() noexcept { heap_.clear(); }

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

 private:
  std::vector<event> heap_;
};

template <class Queue>
class basic_engine {
 public:
  double now() const noexcept { return now_; }
  std::uint64_t events_processed() const noexcept { return processed_; }
  std::size_t pending() const noexcept { return queue_.size() - cancelled_pending_; }

  // Schedules an event at absolute time `time` (>= now, finite); returns its id.
  event_id schedule_at(double time, std::uint32_t kind, std::uint32_t target = 0, std::uint32_t data = 0,
                       std::int32_t priority = 0);
  // Schedules an event `delay` hours from now (delay >= 0).
  event_id schedule_in(double delay, std::uint32_t kind, std::uint32_t target = 0, std::uint32_t data = 0,
                       std::int32_t priority = 0) {
    return schedule_at(now_ + delay, kind, target, data, priority);
  }
  // Cancels a pending event. Throws engine_error for an id never issued, already run or already cancelled.
  void cancel(event_id id);
  bool is_pending(event_id id) const noexcept;

  // Runs events with time <= end in order, calling handle(const event&); then sets the clock to `end`.
  // Throws engine_error when end < now.
  template <class Handler>
  void run_until(double end, Handler&& handle);
  // Runs until no event is left or stop() is called.
  template <class Handler>
  void run(Handler&& handle);
  // Called from inside a handler: run/run_until return after the current event.
  void stop() noexcept { stop_requested_ = true; }

 private:
  bool pop_live(event& out);

  Queue queue_;
  double now_ = 0.0;
  std::uint64_t next_seq_ = 0;
  std::uint64_t processed_ = 0;
  std::size_t cancelled_pending_ = 0;
  bool stop_requested_ = false;
  // One bit per issued id: set while pending. Ids are dense, so this is a flat bit vector.
  std::vector<std::uint64_t> live_bits_;
};

using engine = basic_engine<quaternary_heap_queue>;

}  // namespace corridor

#include "corridor/detail/engine_impl.hpp"

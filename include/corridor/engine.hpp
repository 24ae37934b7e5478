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

// Future-event sets. Each offers push, pop_min, pop_min_until, min, empty, size, clear and reserve; the
// engine is a template on them so that benchmarks compare implementations with no virtual call in the loop.
// min() needs a non-empty queue; pop_min() on an empty one throws engine_error. pop_min_until(end, out) pops
// the least event into `out` and says true when its time is <= end, and otherwise leaves the queue as it was.
class binary_heap_queue {
 public:
  void push(const event& e);
  event pop_min();
  bool pop_min_until(double end, event& out);
  const event& min() const { return heap_.front(); }
  bool empty() const noexcept { return heap_.empty(); }
  std::size_t size() const noexcept { return heap_.size(); }
  void clear() noexcept { heap_.clear(); }
  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  std::vector<event> heap_;
};

// A 4-ary heap: shallower than a binary heap and kinder to the cache.
class quaternary_heap_queue {
 public:
  void push(const event& e);
  event pop_min();
  bool pop_min_until(double end, event& out);
  const event& min() const { return heap_.front(); }
  bool empty() const noexcept { return heap_.empty(); }
  std::size_t size() const noexcept { return heap_.size(); }
  void clear() noexcept { heap_.clear(); }
  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  std::vector<event> heap_;
};

// A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan 1990) on the bit pattern of the event time, the default.
// Simulated time never goes backwards, and for times >= 0 the IEEE bit pattern read as an unsigned integer
// orders like the time itself. An event waits in the bucket named by the highest 4-bit digit in which its
// time differs from the last popped one, and by its own value of that digit; popping empties the lowest
// bucket into buckets on lower levels. So an event is moved a few times in its life and compared with few
// others: push is O(1), memory is read in sequence, and the cost barely grows with the number pending.
// Events at exactly the last popped time (bucket 0) wait in a small heap on (priority, seq), which keeps the
// total order. It is monotone: while it holds events, a push before the last popped time throws
// engine_error (an empty queue starts afresh); times must be >= 0. min() scans the lowest bucket, so the
// engine pops with pop_min_until.
class radix_heap_queue {
 public:
  void push(const event& e);
  event pop_min();
  bool pop_min_until(double end, event& out);
  const event& min() const;
  bool empty() const noexcept { return size_ == 0; }
  std::size_t size() const noexcept { return size_; }
  void clear() noexcept;
  // Buckets grow to their working size once and keep it; nothing to size in advance.
  void reserve(std::size_t) noexcept {}

 private:
  // Bucket 0 holds the keys equal to last_, as a heap on (priority, seq). Bucket level * 16 + d holds the
  // keys whose highest digit differing from last_ is digit `level` (bits 4 level .. 4 level + 3), with value
  // d there; bucket order is then key order.
  static constexpr unsigned digit_bits = 4;
  static constexpr std::size_t digits = std::size_t{1} << digit_bits;
  static constexpr std::size_t bucket_count = 64 / digit_bits * digits;
  // The order-preserving key of a time >= 0 (or -0.0, which sorts with +0.0).
  static std::uint64_t key_of(double time) noexcept;
  static std::size_t bucket_of(std::uint64_t key, std::uint64_t last) noexcept;
  std::size_t lowest_bucket() const noexcept;
  std::size_t min_index(std::size_t b) const noexcept;
  // Pops buckets_[b][at], the least pending event, making its time last_, and empties bucket b into lower
  // levels.
  event take_least(std::size_t b, std::size_t at);
  void file(const event& e, std::size_t b);
  void push_tie(const event& e);
  event pop_tie();

  std::vector<event> buckets_[bucket_count];
  std::uint64_t occupied_[bucket_count / 64] = {};  // bit b set when bucket b >= 1 holds events
  std::uint64_t last_ = 0;                          // key of the last popped time; pending keys are >= it
  std::size_t size_ = 0;
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

using engine = basic_engine<radix_heap_queue>;

}  // namespace corridor

#include "corridor/detail/engine_impl.hpp"

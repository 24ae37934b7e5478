#pragma once
// The templates of corridor::basic_engine. Included by engine.hpp only; do not include directly.
#include <cmath>
#include <cstdio>
#include <string>

namespace corridor {
namespace detail {

[[noreturn]] inline void engine_fail(const std::string& what) {
  throw engine_error("engine: " + what);
}

inline std::string engine_number(double x) {
  // std::to_string prints 6 decimals, which hides the difference between two close times.
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

}  // namespace detail

template <class Queue>
event_id basic_engine<Queue>::schedule_at(double time, std::uint32_t kind, std::uint32_t target,
                                          std::uint32_t data, std::int32_t priority) {
  if (!(time >= now_) || !std::isfinite(time)) {  // also rejects NaN
    detail::engine_fail("cannot schedule an event at time " + detail::engine_number(time) +
                        " h: it must be finite and not before now (" + detail::engine_number(now_) + " h)");
  }
  const event_id id = next_seq_++;
  if ((id & 63U) == 0) {
    live_bits_.push_back(0);
    cancelled_bits_.push_back(0);
  }
  queue_.push(event{time, priority, kind, id, target, data});
  live_bits_[id >> 6] |= std::uint64_t{1} << (id & 63U);  // only once the push could no longer throw
  return id;
}

template <class Queue>
event_id basic_engine<Queue>::schedule_in(double delay, std::uint32_t kind, std::uint32_t target,
                                          std::uint32_t data, std::int32_t priority) {
  // Checked here too: a tiny negative delay could vanish in now + delay and pass schedule_at's check.
  if (!(delay >= 0.0) || !std::isfinite(delay)) {
    detail::engine_fail("cannot schedule an event " + detail::engine_number(delay) +
                        " h from now: the delay must be finite and >= 0");
  }
  return schedule_at(now_ + delay, kind, target, data, priority);
}

template <class Queue>
void basic_engine<Queue>::cancel(event_id id) {
  if (id >= next_seq_) detail::engine_fail("cannot cancel event " + std::to_string(id) + ": never scheduled");
  const std::uint64_t bit = std::uint64_t{1} << (id & 63U);
  if ((live_bits_[id >> 6] & bit) == 0) {
    const bool cancelled = (cancelled_bits_[id >> 6] & bit) != 0;
    detail::engine_fail("cannot cancel event " + std::to_string(id) + ": " +
                        (cancelled ? "already cancelled" : "already run"));
  }
  live_bits_[id >> 6] &= ~bit;
  cancelled_bits_[id >> 6] |= bit;
  ++cancelled_pending_;
}

template <class Queue>
bool basic_engine<Queue>::is_pending(event_id id) const noexcept {
  return id < next_seq_ && (live_bits_[id >> 6] >> (id & 63U) & 1U) != 0;
}

template <class Queue>
bool basic_engine<Queue>::take_if_live(event_id id) noexcept {
  std::uint64_t& word = live_bits_[id >> 6];
  const std::uint64_t bit = std::uint64_t{1} << (id & 63U);
  if ((word & bit) == 0) {
    --cancelled_pending_;
    return false;
  }
  word &= ~bit;
  return true;
}

template <class Queue>
bool basic_engine<Queue>::pop_live(event& out) {
  while (!queue_.empty()) {
    out = queue_.pop_min();
    if (take_if_live(out.seq)) return true;
  }
  return false;
}

template <class Queue>
template <class Handler>
void basic_engine<Queue>::run_until(double end, Handler&& handle) {
  if (!(end >= now_)) {
    detail::engine_fail("cannot run until " + detail::engine_number(end) + " h: the clock is already at " +
                        detail::engine_number(now_) + " h");
  }
  stop_requested_ = false;
  event e;
  while (queue_.pop_min_until(end, e)) {
    if (!take_if_live(e.seq)) continue;
    now_ = e.time;
    ++processed_;
    handle(static_cast<const event&>(e));
    if (stop_requested_) {
      stop_requested_ = false;
      return;
    }
  }
  if (std::isfinite(end)) now_ = end;
}

template <class Queue>
template <class Handler>
void basic_engine<Queue>::run(Handler&& handle) {
  stop_requested_ = false;
  event e;
  while (pop_live(e)) {
    now_ = e.time;
    ++processed_;
    handle(static_cast<const event&>(e));
    if (stop_requested_) {
      stop_requested_ = false;
      return;
    }
  }
}

}  // namespace corridor

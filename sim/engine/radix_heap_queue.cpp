// The radix heap future-event set (see engine.hpp for why it suits simulated time).
#include <algorithm>
#include <bit>
#include <cstdio>

#include "corridor/engine.hpp"

namespace corridor {
namespace {

// At equal times (bucket 0 holds nothing else), `a` runs after `b`: the order std::push_heap needs for a
// min-heap on (priority, seq).
struct runs_after_tie {
  bool operator()(const event& a, const event& b) const noexcept {
    return a.priority != b.priority ? a.priority > b.priority : a.seq > b.seq;
  }
};

[[noreturn]] void fail_push(double time, const char* why) {
  char buf[200];
  std::snprintf(buf, sizeof buf, "radix heap: cannot push an event at %.17g h: %s", time, why);
  throw engine_error(buf);
}

}  // namespace

std::uint64_t radix_heap_queue::key_of(double time) noexcept {
  // Clearing the sign bit maps -0.0 to +0.0; push has already rejected negative times and NaN.
  return std::bit_cast<std::uint64_t>(time) & ~(std::uint64_t{1} << 63);
}

std::size_t radix_heap_queue::bucket_of(std::uint64_t key, std::uint64_t last) noexcept {
  const std::uint64_t differ = key ^ last;
  if (differ == 0) return 0;
  const auto level = static_cast<unsigned>(std::bit_width(differ) - 1) / digit_bits;
  const auto digit = static_cast<std::size_t>(key >> (level * digit_bits)) & (digits - 1);
  return level * digits + digit;  // digit >= 1: key's digit exceeds last's at the level where they differ
}

void radix_heap_queue::file(const event& e, std::size_t b) {
  if (b == 0) {
    push_tie(e);
    return;
  }
  buckets_[b].push_back(e);
  occupied_[b / 64] |= std::uint64_t{1} << (b % 64);
}

void radix_heap_queue::push(const event& e) {
  if (!(e.time >= 0.0)) fail_push(e.time, "times must be >= 0");
  const std::uint64_t key = key_of(e.time);
  if (key < last_) fail_push(e.time, "it is before the last popped time, and simulated time never goes back");
  file(e, bucket_of(key, last_));
  ++size_;
}

event radix_heap_queue::pop_min() {
  if (size_ == 0) throw engine_error("pop_min on an empty event queue");
  if (!buckets_[0].empty()) return pop_tie();
  const std::size_t b = lowest_bucket();
  return take_least(b, min_index(b));
}

bool radix_heap_queue::pop_min_until(double end, event& out) {
  if (size_ == 0) return false;
  if (!buckets_[0].empty()) {
    if (buckets_[0].front().time > end) return false;
    out = pop_tie();
    return true;
  }
  const std::size_t b = lowest_bucket();
  const std::size_t at = min_index(b);
  if (buckets_[b][at].time > end) return false;  // looked, but moved nothing: last_ stays
  out = take_least(b, at);
  return true;
}

const event& radix_heap_queue::min() const {
  if (!buckets_[0].empty()) return buckets_[0].front();
  const std::size_t b = lowest_bucket();
  return buckets_[b][min_index(b)];
}

void radix_heap_queue::clear() noexcept {
  for (auto& bucket : buckets_) bucket.clear();
  for (auto& word : occupied_) word = 0;
  last_ = 0;
  size_ = 0;
}

std::size_t radix_heap_queue::lowest_bucket() const noexcept {
  std::size_t w = 0;
  while (occupied_[w] == 0) ++w;  // size_ > 0 and bucket 0 empty, so some bit is set
  return w * 64 + static_cast<std::size_t>(std::countr_zero(occupied_[w]));
}

std::size_t radix_heap_queue::min_index(std::size_t b) const noexcept {
  // The least by the whole order, not by time alone: take_least pops it without a detour through bucket 0.
  const std::vector<event>& bucket = buckets_[b];
  std::size_t at = 0;
  std::uint64_t least = key_of(bucket[0].time);
  for (std::size_t i = 1; i < bucket.size(); ++i) {
    const std::uint64_t key = key_of(bucket[i].time);
    if (key < least || (key == least && runs_before(bucket[i], bucket[at]))) {
      least = key;
      at = i;
    }
  }
  return at;
}

event radix_heap_queue::take_least(std::size_t b, std::size_t at) {
  // Every other key in bucket b agrees with the new last_ on all digits from b's level up, so each lands on
  // a lower level (ties with the popped time in bucket 0); keys in other buckets keep their buckets.
  std::vector<event>& from = buckets_[b];
  const event least = from[at];
  last_ = key_of(least.time);
  occupied_[b / 64] &= ~(std::uint64_t{1} << (b % 64));
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (i != at) file(from[i], bucket_of(key_of(from[i].time), last_));
  }
  from.clear();
  if (--size_ == 0) last_ = 0;  // see pop_tie
  return least;
}

void radix_heap_queue::push_tie(const event& e) {
  std::vector<event>& ties = buckets_[0];
  ties.push_back(e);
  if (ties.size() > 1) std::push_heap(ties.begin(), ties.end(), runs_after_tie{});
}

event radix_heap_queue::pop_tie() {
  std::vector<event>& ties = buckets_[0];
  if (ties.size() > 1) std::pop_heap(ties.begin(), ties.end(), runs_after_tie{});
  const event e = ties.back();
  ties.pop_back();
  // An empty queue has no order to keep, so it forgets last_: the engine may pop a cancelled event later
  // than its clock and then, with nothing pending, schedule before it.
  if (--size_ == 0) last_ = 0;
  return e;
}

}  // namespace corridor

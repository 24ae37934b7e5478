// The future-event sets: a binary and a 4-ary min-heap on corridor::runs_before. Both move a "hole" instead
// of swapping, so each level costs one copy rather than three.
#include "corridor/engine.hpp"

namespace corridor {
namespace {

// Sifts `e` up from index `hole` of a D-ary heap and stores it where it belongs.
template <std::size_t D>
void sift_up(std::vector<event>& heap, std::size_t hole, const event& e) {
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / D;
    if (!runs_before(e, heap[parent])) break;
    heap[hole] = heap[parent];
    hole = parent;
  }
  heap[hole] = e;
}

// Refills the free root of a D-ary heap with `e` bottom-up (Floyd): the hole first follows the least child
// all the way to a leaf, then `e` sifts up from there. `e` is the old last leaf, so it usually belongs near
// the bottom, and this saves the comparison against it at every level on the way down.
template <std::size_t D>
void refill_root(std::vector<event>& heap, const event& e) {
  const std::size_t n = heap.size();
  std::size_t hole = 0;
  for (;;) {
    const std::size_t first = D * hole + 1;
    if (first >= n) break;
    const std::size_t last = first + D < n ? first + D : n;
    std::size_t best = first;
    for (std::size_t c = first + 1; c < last; ++c) {
      if (runs_before(heap[c], heap[best])) best = c;
    }
    heap[hole] = heap[best];
    hole = best;
  }
  sift_up<D>(heap, hole, e);
}

template <std::size_t D>
void heap_push(std::vector<event>& heap, const event& e) {
  heap.emplace_back();
  sift_up<D>(heap, heap.size() - 1, e);
}

template <std::size_t D>
event heap_pop(std::vector<event>& heap) {
  if (heap.empty()) throw engine_error("pop_min on an empty event queue");
  const event top = heap.front();
  const event last = heap.back();
  heap.pop_back();
  if (!heap.empty()) refill_root<D>(heap, last);
  return top;
}

template <std::size_t D>
bool heap_pop_until(std::vector<event>& heap, double end, event& out) {
  if (heap.empty() || heap.front().time > end) return false;
  out = heap_pop<D>(heap);
  return true;
}

}  // namespace

void binary_heap_queue::push(const event& e) {
  heap_push<2>(heap_, e);
}
event binary_heap_queue::pop_min() {
  return heap_pop<2>(heap_);
}
bool binary_heap_queue::pop_min_until(double end, event& out) {
  return heap_pop_until<2>(heap_, end, out);
}

void quaternary_heap_queue::push(const event& e) {
  heap_push<4>(heap_, e);
}
event quaternary_heap_queue::pop_min() {
  return heap_pop<4>(heap_);
}
bool quaternary_heap_queue::pop_min_until(double end, event& out) {
  return heap_pop_until<4>(heap_, end, out);
}

}  // namespace corridor

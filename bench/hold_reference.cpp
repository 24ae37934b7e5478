// HOLD on a bare std::priority_queue loop, the yardstick for bench/hold.cpp: the same processes, the same
// order (time, then insertion) and the same draws, with no engine around it.
#include <queue>
#include <vector>

#include "hold_common.hpp"

namespace {

struct hold_item {
  double time;
  std::uint64_t seq;
  std::uint32_t process;
};

struct runs_later {
  bool operator()(const hold_item& a, const hold_item& b) const noexcept {
    return a.time != b.time ? a.time > b.time : a.seq > b.seq;
  }
};

}  // namespace

int main(int argc, char** argv) {
  using namespace corridor;
  const auto args = bench::parse_hold_args(argc, argv);
  auto rng = bench::hold_rng();
  std::vector<hold_item> storage;
  storage.reserve(args.processes);
  std::priority_queue<hold_item, std::vector<hold_item>, runs_later> queue(runs_later{}, std::move(storage));
  std::uint64_t seq = 0;
  for (std::uint32_t p = 0; p < args.processes; ++p) queue.push({bench::hold_delay(rng), seq++, p});

  const auto start = bench::hold_clock::now();
  std::uint64_t events = 0;
  while (!queue.empty() && queue.top().time <= args.end_h) {
    const hold_item item = queue.top();
    queue.pop();
    ++events;
    queue.push({item.time + bench::hold_delay(rng), seq++, item.process});
  }
  bench::print_hold_result(events, start);
}

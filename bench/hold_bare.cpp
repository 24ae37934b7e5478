// The yardstick of issue 15 for HOLD: a bare std::priority_queue of (time, sequence, process) ordered by
// time then sequence, each delay 0.1 - log(u) with u from an inline xorshift64 generator, built at -O2 with
// nothing of corridor in it. bench/ci.sh divides the engine's rate by this loop's, measured in the same run.
// Usage: hold_bare N END   (N processes, run until time END). Prints "events=E seconds=S rate=R".
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <queue>
#include <string>
#include <vector>

namespace {

struct item {
  double time;
  std::uint64_t seq;
  std::uint32_t process;
};

struct runs_later {
  bool operator()(const item& a, const item& b) const noexcept {
    return a.time != b.time ? a.time > b.time : a.seq > b.seq;
  }
};

// Marsaglia's xorshift64 (13, 7, 17); u is centred in its 2^-53 cell, so log(u) is always finite.
struct xorshift64 {
  std::uint64_t x = 88172645463325252ULL;
  double uniform01() noexcept {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return (static_cast<double>(x >> 11) + 0.5) * 0x1.0p-53;
  }
};

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s N END  (N processes, run until time END)\n", argv[0]);
    return 2;
  }
  const auto processes = static_cast<std::uint32_t>(std::stoul(argv[1]));
  const double end = std::stod(argv[2]);
  xorshift64 rng;
  std::vector<item> storage;
  storage.reserve(processes);
  std::priority_queue<item, std::vector<item>, runs_later> queue(runs_later{}, std::move(storage));
  std::uint64_t seq = 0;
  for (std::uint32_t p = 0; p < processes; ++p) queue.push({-std::log(rng.uniform01()), seq++, p});

  const double start = cpu_seconds();
  std::uint64_t events = 0;
  while (!queue.empty() && queue.top().time <= end) {
    const item next = queue.top();
    queue.pop();
    ++events;
    queue.push({next.time + 0.1 - std::log(rng.uniform01()), seq++, next.process});
  }
  const double seconds = cpu_seconds() - start;
  std::printf("events=%llu seconds=%.6f rate=%.0f\n", static_cast<unsigned long long>(events), seconds,
              static_cast<double>(events) / seconds);
}

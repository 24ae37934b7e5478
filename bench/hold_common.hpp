#pragma once
// What hold and hold_reference share, so that they run the same workload on the same draws: the argument
// parsing, the random stream, the delay between a process's events, the clock and the one-line report.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "corridor/random.hpp"

namespace corridor::bench {

struct hold_args {
  std::uint32_t processes = 1024;
  double end_h = 10000.0;
  std::string variant;  // an optional third argument, for programs that take one
};

// N END, and a third argument when `variant_usage` describes one.
inline hold_args parse_hold_args(int argc, char** argv, const char* variant_usage = nullptr) {
  if (argc != 3 && !(variant_usage != nullptr && argc == 4)) {
    std::fprintf(stderr, "usage: %s N END %s (N processes, run until time END)\n", argv[0],
                 variant_usage != nullptr ? variant_usage : "");
    std::exit(2);
  }
  hold_args args;
  args.processes = static_cast<std::uint32_t>(std::stoul(argv[1]));
  args.end_h = std::stod(argv[2]);
  if (argc == 4) args.variant = argv[3];
  if (args.processes == 0 || !(args.end_h > 0.0)) {
    std::fprintf(stderr, "%s: N must be > 0 and END > 0\n", argv[0]);
    std::exit(2);
  }
  return args;
}

inline rng_stream hold_rng() {
  return rng_stream(1, 0, stable_id("bench:hold"));
}

// The classic HOLD increment: a fixed 0.1 plus Exp(1).
inline double hold_delay(rng_stream& rng) {
  return 0.1 + sample_standard_exponential(rng);
}

// CPU time of this process, not wall time: the benchmark machines are shared, and another job taking the
// core would otherwise show up as a slower engine.
struct hold_clock {
  static double now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
  }
};

inline void print_hold_result(std::uint64_t events, double start) {
  const double seconds = hold_clock::now() - start;
  std::printf("events=%llu seconds=%.6f rate=%.0f\n", static_cast<unsigned long long>(events), seconds,
              static_cast<double>(events) / seconds);
}

}  // namespace corridor::bench

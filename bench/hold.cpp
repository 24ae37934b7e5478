// HOLD on corridor::engine: N processes, each event re-schedules its process 0.1 + Exp(1) later, until END,
// drawing from an rng_stream through the ziggurat. The event set is the engine's own (radix) unless named.
// Usage: hold N END [radix|quaternary|binary]. Prints "events=E seconds=S rate=R".
#include <cstdio>
#include <string>

#include "corridor/engine.hpp"
#include "hold_common.hpp"

namespace {

using namespace corridor;

template <class Queue>
void run_hold(const bench::hold_args& args) {
  auto rng = bench::hold_rng();
  basic_engine<Queue> eng;
  eng.reserve(args.processes);
  for (std::uint32_t p = 0; p < args.processes; ++p) eng.schedule_at(bench::hold_delay(rng), 0, p);

  const auto start = bench::hold_clock::now();
  eng.run_until(args.end_h, [&](const event& e) { eng.schedule_in(bench::hold_delay(rng), 0, e.target); });
  bench::print_hold_result(eng.events_processed(), start);
}

}  // namespace

int main(int argc, char** argv) {
  const auto args = bench::parse_hold_args(argc, argv, "[radix|quaternary|binary]");
  if (args.variant.empty() || args.variant == "radix") {
    run_hold<radix_heap_queue>(args);
  } else if (args.variant == "quaternary") {
    run_hold<quaternary_heap_queue>(args);
  } else if (args.variant == "binary") {
    run_hold<binary_heap_queue>(args);
  } else {
    std::fprintf(stderr, "%s: unknown event set '%s' (radix, quaternary or binary)\n", argv[0],
                 args.variant.c_str());
    return 2;
  }
}

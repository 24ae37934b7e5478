// HOLD on corridor::engine: N processes, each event re-schedules its process 0.1 + Exp(1) later, until END.
// Usage: hold N END. Prints "events=E seconds=S rate=R".
#include "corridor/engine.hpp"
#include "hold_common.hpp"

int main(int argc, char** argv) {
  using namespace corridor;
  const auto args = bench::parse_hold_args(argc, argv);
  auto rng = bench::hold_rng();
  engine eng;
  eng.reserve(args.processes);
  for (std::uint32_t p = 0; p < args.processes; ++p) eng.schedule_at(bench::hold_delay(rng), 0, p);

  const auto start = bench::hold_clock::now();
  eng.run_until(args.end_h, [&](const event& e) { eng.schedule_in(bench::hold_delay(rng), 0, e.target); });
  bench::print_hold_result(eng.events_processed(), start);
}

// Engine HOLD throughput: a queue kept at a fixed size while each event re-schedules itself 0.1 + Exp(1)
// later, for every event set the engine offers. Items are events handled.
#include <benchmark/benchmark.h>

#include "corridor/engine.hpp"
#include "corridor/random.hpp"

namespace {

using namespace corridor;

constexpr std::uint64_t events_per_batch = 4096;

template <class Queue>
void bm_engine_hold(benchmark::State& state) {
  const auto size = static_cast<std::uint32_t>(state.range(0));
  rng_stream rng(1, 0, stable_id("bench:engine-hold"));
  basic_engine<Queue> eng;
  eng.reserve(size);
  for (std::uint32_t p = 0; p < size; ++p) eng.schedule_at(sample_standard_exponential(rng), 0, p);
  std::uint64_t handled = 0;
  auto handler = [&](const event& e) {
    eng.schedule_in(0.1 + sample_standard_exponential(rng), 0, e.target);
    if (++handled % events_per_batch == 0) eng.stop();
  };
  for (auto _ : state) eng.run(handler);
  state.SetItemsProcessed(static_cast<std::int64_t>(handled));
}

BENCHMARK_TEMPLATE(bm_engine_hold, binary_heap_queue)->Arg(8)->Arg(1024)->Arg(16384)->Arg(100000);
BENCHMARK_TEMPLATE(bm_engine_hold, quaternary_heap_queue)->Arg(8)->Arg(1024)->Arg(16384)->Arg(100000);
BENCHMARK_TEMPLATE(bm_engine_hold, radix_heap_queue)->Arg(8)->Arg(1024)->Arg(16384)->Arg(100000);

}  // namespace

// Sampling speed of each distribution, the Poisson (both algorithms) and the standard normal.
#include <benchmark/benchmark.h>

#include "corridor/random.hpp"

namespace {

using namespace corridor;

void bm_uniform01(benchmark::State& state) {
  rng_stream rng(1, 0, 0);
  for (auto _ : state) benchmark::DoNotOptimize(rng.uniform01());
}
BENCHMARK(bm_uniform01);

distribution bench_distribution(dist_kind kind) {
  switch (kind) {
    case dist_kind::constant:
      return distribution::constant(1.0);
    case dist_kind::uniform:
      return distribution::uniform(1.0, 3.0);
    case dist_kind::exponential:
      return distribution::exponential(2.0);
    case dist_kind::normal:
      return distribution::normal(5.0, 1.0);
    case dist_kind::lognormal:
      return distribution::lognormal(5.0, 1.0);
    case dist_kind::triangular:
      return distribution::triangular(1.0, 2.0, 5.0);
    case dist_kind::empirical:
      return distribution::empirical({1, 2, 3, 4, 5, 6, 7, 8}, {1, 2, 3, 4, 4, 3, 2, 1});
  }
  return {};
}

void bm_distribution_sample(benchmark::State& state) {
  const auto d = bench_distribution(static_cast<dist_kind>(state.range(0)));
  rng_stream rng(1, 0, 0);
  for (auto _ : state) benchmark::DoNotOptimize(d.sample(rng));
}
// 0 constant, 1 uniform, 2 exponential, 3 normal, 4 lognormal, 5 triangular, 6 empirical
BENCHMARK(bm_distribution_sample)->DenseRange(0, 6);

void bm_poisson(benchmark::State& state) {
  const double mean = static_cast<double>(state.range(0));
  rng_stream rng(1, 0, 0);
  for (auto _ : state) benchmark::DoNotOptimize(sample_poisson(rng, mean));
}
// 5 and 25 by inversion, 30 and above by PTRS.
BENCHMARK(bm_poisson)->Arg(5)->Arg(25)->Arg(30)->Arg(1000);

void bm_standard_normal(benchmark::State& state) {
  rng_stream rng(1, 0, 0);
  for (auto _ : state) benchmark::DoNotOptimize(sample_standard_normal(rng));
}
BENCHMARK(bm_standard_normal);

}  // namespace

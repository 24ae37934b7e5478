// Sampling speed: the generator, the exponential three ways (the ziggurat, -log of a uniform from the same
// stream as sim/model/demand.cpp draws it, and the bare xorshift64 + log of issue 15's reference loop), the
// normal, each distribution kind through distribution::sample, and the Poisson (both algorithms).
#include <benchmark/benchmark.h>

#include <cmath>

#include "corridor/random.hpp"

namespace {

using namespace corridor;

void bm_next_u64(benchmark::State& state) {
  rng_stream rng(1, 0, 0);
  for (auto _ : state) benchmark::DoNotOptimize(rng.next_u64());
}
BENCHMARK(bm_next_u64);

void bm_uniform01(benchmark::State& state) {
  rng_stream rng(1, 0, 0);
  for (auto _ : state) benchmark::DoNotOptimize(rng.uniform01());
}
BENCHMARK(bm_uniform01);

void bm_standard_exponential(benchmark::State& state) {
  rng_stream rng(1, 0, 0);
  for (auto _ : state) benchmark::DoNotOptimize(sample_standard_exponential(rng));
}
BENCHMARK(bm_standard_exponential);

void bm_exponential_by_log_of_uniform01(benchmark::State& state) {
  rng_stream rng(1, 0, 0);
  for (auto _ : state) benchmark::DoNotOptimize(-std::log(rng.uniform01()));
}
BENCHMARK(bm_exponential_by_log_of_uniform01);

void bm_exponential_bare_xorshift_log(benchmark::State& state) {
  std::uint64_t x = 88172645463325252ULL;
  for (auto _ : state) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    benchmark::DoNotOptimize(-std::log((static_cast<double>(x >> 11) + 0.5) * 0x1p-53));
  }
}
BENCHMARK(bm_exponential_bare_xorshift_log);

void bm_standard_normal(benchmark::State& state) {
  rng_stream rng(1, 0, 0);
  for (auto _ : state) benchmark::DoNotOptimize(sample_standard_normal(rng));
}
BENCHMARK(bm_standard_normal);

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

}  // namespace

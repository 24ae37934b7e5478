// libFuzzer target for sweep files: the input is a sweep file's text, read and planned on a small fixed base.
// Either it plans, and every planned point is a scenario, or it raises sweep_error; anything else (a crash,
// another exception, a sanitizer report, a hang) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "corridor/sweep.hpp"

namespace {

// Two crossings, a ferry and two flows: every kind of parameter path a sweep edits.
constexpr const char* base = R"(name: fuzz
seed: 5
horizon_days: 20
regions: {china: [CN], europe: [PL], central_asia: [KZ, AZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 50000}}
nodes:
  dostyk: {kind: crossing, country: KZ, lat: 45.2, lon: 82.5, tracks: 2}
  khorgos: {kind: crossing, country: KZ, lat: 44.2, lon: 80.3, tracks: 1}
  xian: {kind: terminal, country: CN, lat: 34.3, lon: 108.9}
  aktau: {kind: port, country: KZ, lat: 43.6, lon: 51.2}
  alat: {kind: port, country: AZ, lat: 40.0, lon: 49.4}
  lodz: {kind: terminal, country: PL, lat: 51.8, lon: 19.5}
edges:
  aktau-alat: {from: aktau, to: alat, mode: ferry, distance_km: 470, every_days: 2, capacity_teu: 300}
  xian-dostyk: {from: xian, to: dostyk, distance_km: 2900, gauge_mm: 1435}
  xian-khorgos: {from: xian, to: khorgos, distance_km: 3000, gauge_mm: 1435}
  dostyk-lodz: {from: dostyk, to: lodz, distance_km: 6000, gauge_mm: 1520}
  khorgos-aktau: {from: khorgos, to: aktau, distance_km: 2800, gauge_mm: 1520}
  alat-lodz: {from: alat, to: lodz, distance_km: 4000, gauge_mm: 1520}
flows:
  a: {from: xian, to: lodz, cargo_class: general, teu_per_week: 100}
  b: {from: xian, to: lodz, cargo_class: general, teu_per_week: 50}
)";

// Points a spec lays out, saturating: sweep files may ask for up to 1,000,000 runs, which is valid but
// too slow for a fuzzer's iteration. Those are read and checked, not planned.
std::size_t points(const corridor::sweep_spec& s) {
  const std::size_t d = s.parameters.size();
  switch (s.design.kind) {
    case corridor::design_kind::grid: {
      std::size_t n = 1;
      for (const auto& p : s.parameters) n = p.values.size() > 100'000 / n ? 100'001 : n * p.values.size();
      return n;
    }
    case corridor::design_kind::lhs:
    case corridor::design_kind::sobol:
      return s.design.n;
    case corridor::design_kind::saltelli:
      return s.design.n * (d + 2);
    case corridor::design_kind::morris:
      return s.design.trajectories * (d + 1);
  }
  return 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const corridor::sweep_spec spec = corridor::parse_sweep(text, "fuzz.yaml", "/nonexistent-fuzz-dir");
    if (points(spec) * spec.replications > 2'000) return 0;
    const corridor::sweep_plan plan = corridor::plan_sweep(spec, base);
    if (plan.runs.size() != plan.points.size() * plan.replications) {
      std::fprintf(stderr, "%zu runs for %zu points x %zu replications\n", plan.runs.size(),
                   plan.points.size(), plan.replications);
      std::abort();
    }
    corridor::repeated_runs(plan);
  } catch (const corridor::sweep_error&) {
  }
  return 0;
}

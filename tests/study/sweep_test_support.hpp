#pragma once
// A stand-in for the model in sweep tests: a small valid scenario and an evaluator that reads the point's
// scenario back, so plan/run/merge are tested without the corridor model's run time.
#include <atomic>
#include <filesystem>
#include <string>

#include "corridor/random.hpp"
#include "corridor/sweep_io.hpp"

namespace corridor::testing {

inline const char* toy_base = R"(name: toy
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
  aktau-alat: {from: aktau, to: alat, mode: ferry, distance_km: 470, every_days: 2, capacity_teu: 300,
               cancel_probability_by_month: [0.1, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2]}
  xian-dostyk: {from: xian, to: dostyk, distance_km: 2900, gauge_mm: 1435}
  xian-khorgos: {from: xian, to: khorgos, distance_km: 3000, gauge_mm: 1435}
  dostyk-lodz: {from: dostyk, to: lodz, distance_km: 6000, gauge_mm: 1520}
  khorgos-aktau: {from: khorgos, to: aktau, distance_km: 2800, gauge_mm: 1520}
  alat-lodz: {from: alat, to: lodz, distance_km: 4000, gauge_mm: 1520}
flows:
  a: {from: xian, to: lodz, cargo_class: general, teu_per_week: 100}
  b: {from: xian, to: lodz, cargo_class: general, teu_per_week: 50}
)";

// Metrics that depend on every parameter, the seed and the replication, like a model's would.
inline sweep_evaluator toy_evaluator(std::atomic<int>* calls = nullptr) {
  return [calls](const scenario& s, std::uint64_t seed, std::uint64_t rep) {
    if (calls) ++*calls;
    const double d = s.find_node("dostyk")->crossing.tracks;
    const double k = s.find_node("khorgos")->crossing.tracks;
    const double demand = s.flows.at(0).teu_per_week + s.flows.at(1).teu_per_week;
    if (d == 13) throw std::runtime_error("dostyk cannot have 13 tracks");
    rng_stream rng(seed, rep, "toy");
    std::vector<std::pair<std::string, double>> m;
    m.emplace_back("metrics.throughput_teu_per_day", 10 * d + k + demand / 7 + rng.uniform01());
    m.emplace_back("metrics.transit_days_mean", 20.0 - d - k + rng.uniform01());
    m.emplace_back("crossings.dostyk.utilization", 1.0 / d);
    return m;
  };
}

// A fresh folder under the build tree for one test.
inline std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::path(CORRIDOR_BINARY_DIR) / "test-scratch" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Plans `sweep` (a sweep file's text) on the toy base into a fresh folder.
inline std::filesystem::path planned(const std::string& name, const std::string& sweep) {
  const auto dir = scratch(name);
  const auto spec = parse_sweep(sweep, "toy.yaml", ".");
  write_sweep_plan(dir, plan_sweep(spec, toy_base), spec.text);
  return dir;
}

}  // namespace corridor::testing

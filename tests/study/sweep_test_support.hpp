#pragma once
// A stand-in for the model in sweep tests: a small scenario-shaped tree and an evaluator that reads it back,
// so plan/run/merge are tested without the corridor model's run time.
#include <atomic>
#include <filesystem>
#include <string>

#include <yaml-cpp/yaml.h>

#include "corridor/random.hpp"
#include "corridor/sweep.hpp"

namespace corridor::testing {

inline const char* toy_base = R"(seed: 5
nodes:
  dostyk: {kind: crossing, tracks: 2}
  khorgos: {kind: crossing, tracks: 1}
  xian: {kind: terminal}
edges:
  aktau-alat: {mode: ferry, capacity_teu: 300, cancel_probability_by_month: [0.1, 0.2]}
  xian-dostyk: {distance_km: 2900}
flows:
  a: {teu_per_week: 100}
  b: {teu_per_week: 50}
)";

// Metrics that depend on every parameter, the seed and the replication, like a model's would.
inline sweep_evaluator toy_evaluator(std::atomic<int>* calls = nullptr) {
  return [calls](const std::string& yaml, std::uint64_t seed, std::uint64_t rep) {
    if (calls) ++*calls;
    const auto root = YAML::Load(yaml);
    const double d = root["nodes"]["dostyk"]["tracks"].as<double>();
    const double k = root["nodes"]["khorgos"]["tracks"].as<double>();
    const double demand =
        root["flows"]["a"]["teu_per_week"].as<double>() + root["flows"]["b"]["teu_per_week"].as<double>();
    if (d == 99) throw std::runtime_error("dostyk cannot have 99 tracks");
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

}  // namespace corridor::testing

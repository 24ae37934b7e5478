#pragma once
// Helpers shared by the model tests: load an inline YAML scenario, run it, and find queues and routes in the
// result by id. Knows nothing of the model's internals: only the public run_result.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>

#include "corridor/model.hpp"
#include "corridor/scenario.hpp"

namespace corridor::test {

inline prepared_scenario prepare(std::string_view yaml, std::string_view name = "inline.yaml") {
  return prepared_scenario(load_scenario_text(yaml, name));
}

inline run_result run_yaml(std::string_view yaml, const run_options& opt = {}) {
  return run_model(prepare(yaml), opt);
}

// The baseline scenario's full year with its own seed, run once per test binary and shared by the tests
// that read it (a year takes ~1 s in Release, several under ASan).
inline const run_result& baseline_year() {
  static const run_result r =
      run_model(prepared_scenario(load_scenario(CORRIDOR_SOURCE_DIR "/scenarios/baseline-2025.yaml")));
  return r;
}

inline const queue_result& queue(const run_result& r, std::string_view id) {
  for (const queue_result& q : r.queues) {
    if (q.id == id) return q;
  }
  throw std::out_of_range("no queue '" + std::string(id) + "'");
}

inline const flow_result& flow(const run_result& r, std::string_view id) {
  for (const flow_result& f : r.flows) {
    if (f.id == id) return f;
  }
  throw std::out_of_range("no flow '" + std::string(id) + "'");
}

inline std::size_t queue_index(const run_result& r, std::string_view id) {
  for (std::size_t i = 0; i < r.queues.size(); ++i) {
    if (r.queues[i].id == id) return i;
  }
  throw std::out_of_range("no queue '" + std::string(id) + "'");
}

// Trains of `flow` (report window) on routes that pass node `via`.
inline double flow_trains_via(const run_result& r, std::string_view flow, std::string_view via) {
  double n = 0.0;
  const std::string needle = ">" + std::string(via) + ">";
  for (const route_result& rr : r.routes) {
    if (rr.flow == flow && (">" + rr.route + ">").find(needle) != std::string::npos) n += rr.trains;
  }
  return n;
}

inline double flow_teu(const run_result& r, std::string_view flow) {
  double n = 0.0;
  for (const route_result& rr : r.routes) {
    if (rr.flow == flow) n += rr.teu;
  }
  return n;
}

// Containers every 4 h, trains of up to 10 TEU that leave after the oldest has waited 10 h: every train
// leaves part-full with 3 containers that waited 10, 6 and 2 h, then travels 24 h (transits 34, 30, 26 h).
// `flow_extra` is appended to the flow's map (", promised_transit_days: 1.3").
inline std::string part_full_yaml(std::string_view flow_extra = "") {
  return R"(
name: part-full
horizon_days: 40
warmup_days: 5
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-b: {from: a, to: b, distance_km: 1000, speed_km_per_day: 1000}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 42, arrivals: scheduled, max_wait_h: 10)" +
         std::string(flow_extra) + "}\n";
}

// One corridor a-j1-b (2,000 km, 2 days) and a detour via junction j2 (2,400 km) that only a blocked train
// takes: the detour is not in the path set (no border point tells the two apart). j1-b is closed from day 10
// to 20; `closure_extra` is appended to the disruption's map (", expected_to_day: 10.2"), and j2 charges
// `j2_handling_usd` a TEU.
inline std::string detour_yaml(std::string_view j2_handling_usd, std::string_view closure_extra = "") {
  return R"(
name: detour
horizon_days: 40
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  j1: {kind: junction, country: KZ, lat: 45, lon: 80}
  j2: {kind: junction, country: KZ, lat: 47, lon: 82, handling_usd_per_teu: )" +
         std::string(j2_handling_usd) + R"(}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-j1: {from: a, to: j1, distance_km: 1000, speed_km_per_day: 1000}
  j1-b: {from: j1, to: b, distance_km: 1000, speed_km_per_day: 1000}
  a-j2: {from: a, to: j2, distance_km: 1200, speed_km_per_day: 1000}
  j2-b: {from: j2, to: b, distance_km: 1200, speed_km_per_day: 1000}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 840, arrivals: scheduled}
route_choice: {mode: cheapest}
disruptions:
  cut: {target: j1-b, from_day: 10, to_day: 20, capacity_factor: 0)" +
         std::string(closure_extra) + "}\n";
}

// Every container that entered is delivered or still somewhere in the system: counted independently.
inline void expect_conserved(const run_result& r) {
  EXPECT_GT(r.containers_entered, 0.0);
  EXPECT_EQ(r.containers_entered, r.containers_delivered + r.containers_in_system)
      << "entered " << r.containers_entered << ", delivered " << r.containers_delivered << ", in system "
      << r.containers_in_system;
}

// Little's law over the report window, L = lambda W, at every queue that trains joined. The model's window
// accounting makes it an identity of its bookkeeping (waits add up to the time-integral of the queue), so the
// tolerance is rounding only: any slip in the tallies shows. Returns how many of the queues had trains
// waiting: where nobody waited, L = W = 0 and the check could not have failed.
inline int expect_littles_law(const run_result& r) {
  int with_waiting = 0;
  for (const queue_result& q : r.queues) {
    if (q.arrivals_per_h <= 0.0) continue;
    const double little = q.arrivals_per_h * q.mean_wait_h;
    EXPECT_NEAR(q.mean_queue_trains, little, 1e-9 * std::max(1.0, q.mean_queue_trains))
        << q.kind << " " << q.id << ": L " << q.mean_queue_trains << ", lambda " << q.arrivals_per_h << ", W "
        << q.mean_wait_h;
    if (q.mean_queue_trains > 0.0) ++with_waiting;
  }
  return with_waiting;
}

// A scenario with `extra` appended (a top-level key the base lacks).
inline std::string with(std::string_view base, std::string_view extra) {
  return std::string(base) + std::string(extra);
}

// A scenario with the first `from` replaced by `to`; throws when the base has no `from`.
inline std::string replaced(std::string_view base, std::string_view from, std::string_view to) {
  std::string s(base);
  const std::size_t at = s.find(from);
  if (at == std::string::npos) throw std::invalid_argument("no '" + std::string(from) + "' in the scenario");
  return s.replace(at, from.size(), to);
}

constexpr double minute_h = 1.0 / 60.0;
constexpr double minute_days = minute_h / 24.0;

// Single-TEU trains, Poisson at 0.6 per hour (100.8 TEU a week), into a crossing with 3 tracks and an
// exponential 4 h gauge change: M/M/3 at rho = 0.8 (queueing_test.cpp, wagons_test.cpp).
inline constexpr std::string_view mmc_yaml = R"(
name: mmc
horizon_days: 6000
warmup_days: 50
train_capacity_teu: 1
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  x: {kind: crossing, country: PL, lat: 45, lon: 80, tracks: 3, transshipment_h: {dist: exponential, mean: 4}}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-x: {from: a, to: x, distance_km: 500, speed_km_per_day: 1000}
  x-b: {from: x, to: b, distance_km: 500, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 100.8}
)";

}  // namespace corridor::test

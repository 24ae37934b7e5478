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

}  // namespace corridor::test

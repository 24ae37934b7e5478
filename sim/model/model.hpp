#pragma once
// One run of the corridor model as a plain aggregate: the scenario it reads, the engine, the facts derived
// once, the corridor's state and the tallies. Rules are free functions per mechanism that take it by
// reference; run.cpp dispatches events to them. A new mechanism (a market, a wagon pool, a port's berths)
// adds its state to corridor_state, its facts to model_facts, its counts to run_tallies, its event kinds to
// events.hpp, and its rules in a file of its own.
#include <cstdint>
#include <vector>

#include "corridor/engine.hpp"
#include "corridor/model.hpp"
#include "events.hpp"
#include "facts.hpp"
#include "state.hpp"
#include "tallies.hpp"

namespace corridor::detail {

// Where a run sits in time and which random numbers it draws.
struct run_frame {
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  double warmup_h = 0.0;   // the report window opens here ...
  double horizon_h = 0.0;  // ... and closes here, with the run
};

// Per vertex, a crossing's expected hours as one call of expected_route_hours found them (valid where stamp
// equals call).
struct crossing_memo {
  std::uint64_t call = 0;
  std::vector<std::uint64_t> stamp;
  std::vector<double> hours;
};

struct year_book;  // years.hpp

struct model {
  // Keys every random stream, derives the facts and sizes state and tallies (setup.cpp).
  model(const prepared_scenario& p, const run_frame& f);

  const scenario& spec;
  const network& net;
  const std::vector<service>& services;
  const std::vector<std::vector<path>>& path_sets;                // per service, by family
  const std::vector<std::vector<std::uint32_t>>& family_offsets;  // per service
  const std::vector<std::vector<double>>& path_size;              // per service and path
  run_frame frame;
  // The run's disruptions: the scenario's in order, each random one replaced by the onsets drawn for this
  // replication (ids "<id>#1", "#2", ...), with their scenario index alongside (disruptions.cpp): no_index
  // for the copies an onset makes at its `with` targets, so that each onset is counted once.
  std::vector<disruption_spec> disruptions;
  std::vector<std::uint32_t> disruption_origin;
  engine eng;
  model_facts facts;
  corridor_state state;
  run_tallies tallies;
  year_book* years = nullptr;  // a multi-year run's calendar and results by year; null otherwise
  // Scratch for route choice: no allocation per departure.
  std::vector<double> route_hours, route_costs, route_probabilities;
  std::vector<double> route_walk;  // expected_route_hours: the hour before each step of the last path walked
  crossing_memo crossing_hours;
};

// The facts of a prepared scenario (setup.cpp); a multi-year run derives them again when a project opens.
model_facts make_facts(const prepared_scenario& p);

inline bool in_window(const model& m) {
  return m.eng.now() >= m.frame.warmup_h;
}
inline const node_spec& node_spec_of(const model& m, vertex_t v) {
  return m.spec.nodes[m.net.props(v).spec];
}
inline const edge_spec& edge_spec_of(const model& m, edge_id e) {
  return m.spec.edges[m.net.props(e).spec];
}
inline bool is_ferry(const model& m, edge_id e) {
  return m.net.props(e).mode == edge_mode::ferry;
}

}  // namespace corridor::detail

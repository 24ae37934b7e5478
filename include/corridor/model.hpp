#pragma once
// The corridor model: demand, train formation, route choice, crossings, lines, ferries and disruptions,
// run on one engine. A run is a pure function of (scenario, seed, replication).
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

#include "corridor/network.hpp"
#include "corridor/results.hpp"
#include "corridor/scenario.hpp"

namespace corridor {

// Misuse or an impossible state inside the model (a bug, or a scenario the validator let through).
class model_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Everything fixed for a scenario before any run: the network and each flow's path set. Built once, shared
// read-only by all replications and threads.
struct prepared_scenario {
  explicit prepared_scenario(scenario s);
  scenario spec;
  network net;
  // Per flow, cheapest first: the k_paths cheapest routes by generalized cost at nominal hours
  // (docs/model.md) whose sequences of border points (crossings and ports) differ, so each is a distinct
  // corridor.
  std::vector<std::vector<path>> path_sets;
};

struct run_options {
  std::uint64_t replication = 0;
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  std::optional<double> warmup_days;  // overrides the scenario's warm-up
};

run_result run_model(const prepared_scenario& p, const run_options& opt = {});

}  // namespace corridor

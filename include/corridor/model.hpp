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

inline constexpr std::uint32_t no_index = 0xffffffffU;

// One cargo class's demand on a service, in TEU per hour at seasonality 1: for a market's service, demand of
// every mode (rail gets its share by mode choice); for a flow, rail demand.
struct service_demand {
  std::uint32_t cargo_class = 0;  // index into scenario::cargo_classes
  double teu_per_h = 0.0;
};

// Block trains from one terminal to another: the model forms, routes and counts trains per service. A
// scenario flow is one service; a market has one per terminal pair and shipper segment, the shippers who
// avoid a region riding services of their own whose routes never pass it.
struct service {
  std::string id;                   // the flow's id, or "<market>:<from>-<to>" (+ "~avoid-<region>")
  std::uint32_t flow = no_index;    // index into scenario::flows
  std::uint32_t market = no_index;  // index into scenario::markets
  std::string from;
  std::string to;
  std::string avoided_region;  // "" for none
  std::vector<service_demand> demand;
  int capacity_teu = 1;
  double max_wait_h = 0.0;
};

// Everything fixed for a scenario before any run: the network, the services and each service's path set.
// Built once, shared read-only by all replications and threads.
struct prepared_scenario {
  explicit prepared_scenario(scenario s);
  scenario spec;
  network net;
  std::vector<service> services;  // the flows in scenario order, then each market's pairs and segments
  // Per service, grouped by corridor family (the scenario's families in order, then "other"), cheapest
  // first within a family: up to k_paths routes of each family by generalized cost at nominal hours
  // (docs/model.md) whose sequences of border points (crossings and ports) differ.
  std::vector<std::vector<path>> path_sets;
  // Per service: family k holds paths family_offsets[k] .. family_offsets[k + 1] - 1 of its path set.
  std::vector<std::vector<std::uint32_t>> family_offsets;
  // Per service and path: the path-size factor within its family (1 when choice.path_size is off).
  std::vector<std::vector<double>> path_size;
};

struct run_options {
  std::uint64_t replication = 0;
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  std::optional<double> warmup_days;  // overrides the scenario's warm-up
};

run_result run_model(const prepared_scenario& p, const run_options& opt = {});

}  // namespace corridor

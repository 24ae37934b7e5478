#pragma once
// What a run reads but never changes: per-service, per-market and per-node facts derived from the scenario
// once, when the run is set up (setup.cpp), so that rules need not look them up again at every event.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "corridor/network.hpp"
#include "corridor/scenario.hpp"

namespace corridor::detail {

enum class direction : std::uint8_t { westbound, eastbound, other };
constexpr std::size_t direction_count = 3;
constexpr std::array<const char*, direction_count> direction_names{"westbound", "eastbound", "other"};
constexpr std::size_t index(direction d) {
  return static_cast<std::size_t>(d);
}

// One cargo class's demand on a service: a share of the market's volume (or a flow's), with its value of
// time.
struct demand_facts {
  std::uint32_t cargo_class = 0;     // index into scenario::cargo_classes
  double teu_per_h = 0.0;            // at seasonality 1; for a market, of every mode
  double value_of_time_per_h = 0.0;  // USD per TEU-hour
};

// One edge of a candidate route as route choice walks it (expected_route_hours), with what the walk asks of
// the scenario found once per route instead of at every walk: the crossing passed before the edge, the way
// of it whose daily plan may hold the train there, and the wagon home where it would wait for wagons of a
// new gauge.
constexpr std::uint32_t no_crossing = 0xffffffffU;
struct route_step {
  std::uint32_t edge = 0;
  std::uint32_t crossing = no_crossing;    // the crossing entered before this edge; none at the origin
  std::uint32_t wagon_home = 0xffffffffU;  // gauge_change_home there (wagons.hpp); none: no wait
  std::int8_t plan_way = -1;               // the way whose daily plan applies there; -1: none
  std::int8_t reblock_way = -1;            // the way whose recent re-blocking hold applies there; -1: none
  bool ferry = false;
  bool window = false;
  double travel_h = 0.0;  // edge_facts::travel_h
};

struct service_facts {
  int capacity_teu = 0;  // of its trains
  double max_wait_h = 0.0;
  std::uint32_t flow = 0xffffffffU;    // scenario flow, when the service is one
  std::uint32_t market = 0xffffffffU;  // scenario market, when the service is one of its pairs
  bool mode_choice = false;            // a market's: its rail share is revisited as conditions change
  arrival_process arrivals = arrival_process::poisson;
  departure_policy departures = departure_policy::on_demand;
  std::uint8_t priority = 0;  // its service class's (ordinary: 0): served first in queues, never plan-held
  double speed_factor = 1.0;  // its service class's: travel time on rail lines divided by this
  const std::array<double, 12>* seasonality = nullptr;  // the flow's or the market's, January first
  std::vector<demand_facts> demand;                     // per cargo class
  direction dir = direction::other;                     // from the report's origin region, or to it
  bool counts_for_share = false;                        // between the report's two regions (either way)
  std::vector<bool> in_share;                           // per report share: between its two regions
  std::vector<direction> share_dir;                     // per report share: from its first region or to it
  std::vector<double>
      route_usd;  // per path: out of pocket, the market's risk premiums and the family's constant, USD/TEU
  // Every path's steps, path after path: path i's are steps[step_begin[i], step_begin[i + 1]).
  std::vector<route_step> steps;
  std::vector<std::uint32_t> step_begin;
  std::vector<std::uint32_t> shared_steps;  // per path: its first steps that are the previous path's too
};

struct node_facts {
  double nominal_service_h = 0.0;  // crossings: mean service plus customs (costs.hpp)
  bool is_crossing = false;
  bool is_terminal = false;
  bool is_port_resource = false;  // a port with berths, a yard or a dwell (port_spec::is_resource)
  bool in_share_region = false;
  std::vector<bool> in_report_region;   // per report share: in its via (or avoiding) region
  std::uint32_t gateway = 0xffffffffU;  // index into report::gateways
  std::uint32_t country = 0;            // the same number for every node of one country
  // Crossings: the daily cap a route planner reads, the tighter of the both-ways cap and the per-direction
  // ones (it does not know which way the trains ahead go); 0 = none.
  int planning_cap_trains = 0;
  // Crossings: the daily plan of admitted trains per direction (entering, leaving); 0 = none.
  std::array<int, 2> daily_plan{};
  int plan_booking_days = 0;  // days after the expected one a train may book (at least 1)
  bool has_plan = false;
  // Crossings with re-blocking: the TEU of the trains formed there per way (entering, leaving; 0: the flow's
  // train capacity), and the longest a container waits for one.
  bool reblock = false;
  std::array<double, 2> reblock_teu{};
  double reblock_max_hold_h = 0.0;
  // Crossings: what route choice reads at every walk (crossing_expected_wait_h), from the crossing's spec.
  int tracks = 1;
  int customs_servers = 0;
  double customs_dwell_mean_h = 0.0;  // customs_dwell_h.mean()
};

// A graph edge as route estimates walk it, next to each other instead of behind the graph's edge
// descriptors: whether it is a ferry leg, and its nominal hours (travel_days() x 24, as board_line takes
// them).
struct edge_facts {
  bool ferry = false;
  bool window = false;  // a rail line open only some hours of the day (open_from_hour, open_to_hour)
  double travel_h = 0.0;
};

// A home of a wagon pool, numbered densely over all pools (an ev_wagons_ready's target).
struct wagon_home_facts {
  std::uint32_t pool = 0;
  std::uint32_t home = 0;  // index in the pool's `home` list
  vertex_t node = 0;
  int gauge_mm = 0;
  int stock = 0;  // the wagons it starts with: the base stock released wagons restore (wagons.cpp)
};

// A wagon pool: its homes (dense indices into model_facts::wagon_homes) and the weights of the search for an
// empty train's path home (travel hours on rail lines of its gauge, every other edge absent).
struct wagon_pool_facts {
  std::vector<std::uint32_t> homes;
  path_weights empty_weights;
};

struct model_facts {
  std::vector<service_facts> services;
  std::vector<edge_facts> edges;  // per graph edge
  std::vector<node_facts> nodes;  // per vertex
  bool has_plans = false;         // some crossing has a daily plan
  bool has_reblock = false;       // some crossing re-blocks
  // Rolling stock: false without wagon_pools, and then nothing below is used.
  bool has_wagons = false;
  std::vector<wagon_pool_facts> wagon_pools;
  std::vector<wagon_home_facts> wagon_homes;
  std::vector<std::vector<std::uint32_t>> wagon_homes_at;  // per vertex: the homes there (one per gauge)
};

}  // namespace corridor::detail

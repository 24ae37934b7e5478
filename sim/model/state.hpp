#pragma once
// The corridor model's state: plain structs, one per thing that exists in the corridor (flow, train,
// crossing, line direction, ferry leg), and the event kinds that change them. Rules live in the .cpp files.
#include <cstdint>
#include <deque>
#include <limits>
#include <vector>

#include "corridor/engine.hpp"
#include "corridor/model.hpp"
#include "corridor/random.hpp"
#include "corridor/queue_stats.hpp"

namespace corridor::detail {

enum event_kind : std::uint32_t {
  ev_train_forms,          // target: flow (on-demand: full, or its oldest container has waited max_wait_h)
  ev_timetable_departure,  // target: flow
  ev_train_at_node,        // target: train
  ev_service_done,         // target: train (leaves the crossing's track, starts customs)
  ev_customs_done,         // target: train
  ev_crossing_retry,       // target: crossing node (a new day under the daily cap)
  ev_sailing,              // target: ferry edge (graph index)
  ev_disruption,           // target: disruption index; data 1 = starts, 0 = ends
  ev_day_tick,             // end of a simulated day (daily series)
  ev_warmup_end,           // reset the queue statistics
};

constexpr std::uint32_t no_index = std::numeric_limits<std::uint32_t>::max();

enum class direction { westbound, eastbound, other };

struct flow_state {
  rng_stream arrivals_rng;
  rng_stream route_rng;
  std::deque<double> waiting_since_h;       // entry time of each container waiting at the origin
  std::deque<double> ahead_h;               // arrival times drawn ahead, not yet at the origin (look-ahead)
  double drawn_through_h = 0.0;             // the last drawn arrival: where the next draw starts
  bool arrivals_done = false;               // no arrival left before the horizon
  std::uint64_t admitted = 0;               // arrivals moved to the origin so far
  std::uint64_t admitted_at_departure = 0;  // `admitted` just after the last timetabled departure
  std::size_t batch_teu = 0;                // containers the pending on-demand formation takes
  int capacity_teu = 0;
  double rate_max_per_h = 0.0;  // for thinning under seasonality
  double value_of_time_per_h = 0.0;
  bool counts_for_share = false;  // an origin-destination pair between the report's two regions
  direction dir = direction::other;
  std::vector<double> route_usd;     // per path in the path set: out-of-pocket USD per TEU
  std::vector<double> route_trains;  // per path in the path set (window)
  std::vector<double> route_teu;
};

struct train_state {
  std::uint32_t flow = 0;
  std::uint32_t route = 0;  // index in the flow's path set chosen at departure
  std::vector<vertex_t> nodes;
  std::vector<std::uint32_t> edges;
  std::uint32_t pos = 0;  // index into nodes of where the train is (or is heading)
  std::vector<double> container_entry_h;
  double departed_h = 0.0;
  double queued_since_h = 0.0;
  std::uint64_t plan_version = 0;
  bool via_share_region = false;
  bool delivered = false;
  double out_of_pocket_usd_per_teu = 0.0;
  cost_breakdown cost;  // USD per TEU, accumulated along the way
};

struct crossing_state {
  bool is_crossing = false;
  int tracks = 0;
  int busy = 0;
  double capacity_factor = 1.0;
  int day = -1;
  int started_today = 0;
  bool retry_pending = false;
  std::deque<std::uint32_t> waiting;
  rng_stream service_rng;
  rng_stream customs_rng;
  queue_stats stats;
};

struct line_state {          // one direction of a rail edge
  double next_free_h = 0.0;  // the earliest time the next departure may take a slot
  double capacity_factor = 1.0;
  bool closed = false;
  std::deque<std::uint32_t> waiting;  // trains held while the line is closed
  rng_stream travel_rng;
  double departures = 0.0;  // in the window
  double teu = 0.0;
  double slot_wait_h = 0.0;  // summed over those departures: from reaching the line to taking a slot
  double slots_offered = 0.0;
};

struct ferry_state {  // one direction of a ferry edge
  std::deque<std::uint32_t> waiting;
  double waiting_teu = 0.0;
  double capacity_factor = 1.0;
  rng_stream weather_rng;
  queue_stats stats;
  double sailings = 0.0, cancelled = 0.0, teu_carried = 0.0, teu_offered = 0.0;
  double next_sailing_h = 0.0;
};

}  // namespace corridor::detail

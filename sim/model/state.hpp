#pragma once
// The corridor's state: plain structs, one per thing that exists (flow, train, node, crossing, line
// direction, ferry leg, disruption), gathered in corridor_state. Nothing here decides anything: the rules are
// functions per mechanism (demand, journey, crossings, lines, ferries, routing, disruptions, outcomes) that
// read and change these structs. What never changes during a run is in facts.hpp; what is counted, in
// tallies.hpp.
#include <array>
#include <cstdint>
#include <deque>
#include <vector>

#include "calendar.hpp"
#include "corridor/detail/lognormal.hpp"
#include "corridor/network.hpp"
#include "corridor/random.hpp"
#include "corridor/results.hpp"

namespace corridor::detail {

using service_id = std::uint32_t;     // index into scenario::flows
using train_id = std::uint32_t;       // index into corridor_state::trains, in order of departure
using edge_id = std::uint32_t;        // dense graph edge index: one direction of a scenario edge
using disruption_id = std::uint32_t;  // index into model::disruptions (the run's, random onsets drawn)
using ship_id = std::uint32_t;        // index into corridor_state::ships, in order of sailing
// Nodes are the graph's vertices (vertex_t), dense from 0.

// A stream to be keyed when the run is set up (setup.cpp); never drawn from before that.
inline rng_stream unkeyed_stream() {
  return rng_stream(0, 0, 0);
}

// A service: arrivals drawn ahead of time, the containers waiting at the origin, the formation pending.
// Arrivals are the points where the cumulative rail arrival rate (TEU) reaches the running sum of unit
// exponentials: the rate is known piecewise (by month, and until the next revision of the mode shares), so
// the draw stops at the edge of what is known and resumes once the shares are revised.
struct service_state {
  rng_stream arrivals_rng = unkeyed_stream();
  rng_stream route_rng = unkeyed_stream();
  // Every container drawn and not yet gone, in order of arrival: arrival_h[origin_begin, ahead_begin) wait at
  // the origin, arrival_h[ahead_begin, end) are drawn ahead and not yet there (the look-ahead). One array
  // instead of a queue each: admitting moves a boundary, and a train copies its containers in one block.
  std::vector<double> arrival_h;             // arrival (entry) time of each container
  std::vector<std::uint16_t> arrival_class;  // its demand entry (cargo class) on the service
  std::size_t origin_begin = 0;              // the oldest container waiting at the origin
  std::size_t ahead_begin = 0;               // the first container drawn ahead
  std::size_t waiting() const { return ahead_begin - origin_begin; }    // at the origin
  std::size_t ahead() const { return arrival_h.size() - ahead_begin; }  // drawn ahead
  // Cached from rail_share when it changes (update_rail_rates): the rail TEU per hour at seasonality 1 (the
  // sum over demand entries of teu_per_h x rail_share, in order) and its running sums, entry by entry.
  double rail_teu_per_h = 0.0;
  std::vector<double> rail_cumulative;
  month_span month;                 // the month the arrival cursor is in (calendar.hpp)
  double cursor_h = 0.0;            // the cumulative rate has been integrated up to here ...
  double cursor_teu = 0.0;          // ... where it reached this many TEU
  double next_arrival_teu = 0.0;    // the next arrival comes where it reaches this
  bool next_arrival_drawn = false;  // next_arrival_teu holds a draw not yet used
  double known_until_h = 0.0;       // the rail rate is known up to here (the next revision, or the horizon)
  std::vector<double> rail_share;   // per demand entry: the share of its shippers choosing rail now
  bool arrivals_done = false;       // no arrival left before the horizon
  bool awaiting_revision = false;   // the next formation depends on arrivals after known_until_h
  std::uint64_t admitted = 0;       // arrivals moved to the origin so far
  std::uint64_t admitted_at_departure = 0;  // `admitted` just after the last timetabled departure
  std::size_t batch_teu = 0;                // containers the pending on-demand formation takes
};

// A block train from formation to delivery; its containers travel together.
struct train_state {
  service_id service = 0;
  std::uint32_t route = 0;  // index in the service's path set chosen at departure
  std::vector<vertex_t> nodes;
  std::vector<edge_id> edges;
  std::uint32_t pos = 0;  // index into nodes of where the train is (or is heading)
  std::vector<double> container_entry_h;
  std::vector<std::uint16_t> container_class;  // demand entry of each container on its service
  double queued_since_h = 0.0;     // when it joined the queue it is in (crossing, port gate or ferry)
  double yard_since_h = 0.0;       // when its containers entered a port's yard
  double departed_h = 0.0;         // when it left its origin (after any hold for a daily plan)
  std::uint64_t plan_version = 0;  // corridor_state::plan_version when its route was last checked
  std::uint8_t priority = 0;       // its service class's: queues serve higher priorities first
  bool via_share_region = false;
  bool delivered = false;
  // Rolling stock (wagons.cpp): the pool whose wagons it runs on and how many; an empty train carries only
  // them back to a home (no containers, no service: `service` is meaningless for it).
  bool empty = false;
  std::uint32_t wagon_pool = 0;
  std::uint32_t wagons = 0;                                                     // 0: on no pool's wagons
  double teu() const { return static_cast<double>(container_entry_h.size()); }  // containers on board
  cost_breakdown cost;  // USD per TEU, accumulated along the way
};

// Puts a train into a queue of trains behind every train of its priority or higher and ahead of every train
// of lower priority: FIFO within a priority. With only ordinary trains, a push_back.
template <class Trains>
void enqueue_by_priority(std::deque<train_id>& queue, train_id id, const Trains& trains) {
  const std::uint8_t p = trains[id].priority;
  auto at = queue.end();
  while (p > 0 && at != queue.begin() && trains[*(at - 1)].priority < p) --at;
  queue.insert(at, id);
}

// Any node: closed or cut by disruptions, and the trains held while it is closed (junctions, ports).
struct node_state {
  double capacity_factor = 1.0;  // 0 closes the node
  std::deque<train_id> held;
};

// A border crossing: tracks busy, the FIFO queue, and the day's starts under its daily cap.
struct crossing_state {
  int busy = 0;
  // Of busy and waiting, per way: counted at crossings with tracks kept per direction only.
  std::array<int, 2> busy_way{};
  std::array<int, 2> waiting_way{};
  int day = -1;  // the calendar day `started_today` counts
  int started_today = 0;
  std::array<int, 2> started_today_way{};  // entering, leaving (trains from another country, from its own)
  bool retry_pending = false;              // an ev_crossing_retry is scheduled for the next day
  std::deque<train_id> waiting;
  std::array<std::vector<std::uint16_t>, 2> planned;  // trains booked by the daily plan, per way and day
  int customs_busy = 0;                               // trains in customs (counted with customs_servers > 0)
  std::deque<train_id> customs_waiting;               // after their track, for a customs server
  rng_stream service_rng = unkeyed_stream();
  rng_stream customs_rng = unkeyed_stream();
};

// One direction of a rail edge: the slot queue (as the next free departure time) and trains held while
// closed.
struct line_state {
  double next_free_h = 0.0;  // the earliest time the next departure may take a slot
  double capacity_factor = 1.0;
  bool closed = false;
  std::deque<train_id> waiting;
  rng_stream travel_rng = unkeyed_stream();
  // The lognormal of its travel time (mean the nominal hours, sd travel_time_cv times them), when the cv is
  // > 0: computed once at set-up instead of at every departure.
  bool travel_varies = false;
  lognormal_params travel;
};

// One direction of a ferry edge: trains waiting at the port, and the next sailing. A when_full leg has at
// most one sailing planned (sailing_event), and its vessel is back for another at vessel_ready_h.
struct ferry_state {
  std::deque<train_id> waiting;
  double capacity_factor = 1.0;
  double next_sailing_h = 0.0;
  rng_stream weather_rng = unkeyed_stream();
  double vessel_ready_h = 0.0;
  bool sailing_planned = false;
  std::uint64_t sailing_event = 0;
};

// A sailing between boarding and its trains' arrival at the far port: at a berth loading, at sea, at a
// berth unloading (only when a port at either end has berths; otherwise the trains simply cross).
struct ship_state {
  edge_id edge = 0;
  std::vector<train_id> trains;
  double teu = 0.0;
  double wagons = 0.0;
  double berth_h = 0.0;   // berth time at the port it is at or waiting for
  double queued_h = 0.0;  // when it asked for a berth there
  bool unloading = false;
};

// A port as a resource: busy berths and the ships waiting for one (FIFO, loading and unloading alike), the
// yard where a feeder's containers wait for their sailing, and the trains waiting outside when it is full.
struct port_state {
  int busy_berths = 0;
  std::deque<ship_id> ships_waiting;
  double berth_work_h = 0.0;  // berth hours of the ships waiting or at a berth (what route choice sees)
  double yard_teu = 0.0;
  std::deque<train_id> gate;  // trains waiting outside the full yard
  rng_stream dwell_rng = unkeyed_stream();
};

// One home of a wagon pool: the wagons ready there, those in turnaround and those on their way back (on
// empty trains bound for it), and the trains waiting for wagons, FIFO within a priority.
struct wagon_home_state {
  int available = 0;
  int turnaround = 0;
  int inbound = 0;
  int needed = 0;  // wagons the trains waiting here need
  std::deque<train_id> waiting;
  double recent_wait_h = 0.0;  // smoothed wait of the trains served here lately (what route choice sees)
  // Empty trains' paths here, per vertex they leave from, found when first needed.
  std::vector<path> paths;
  std::vector<bool> path_known;
};

struct wagon_pool_state {
  std::vector<wagon_home_state> homes;  // in the pool's `home` order
  int out = 0;                          // on trains, loaded or empty
};

// A container waiting in a re-blocking buffer: what it keeps of the train it came on (its own entry time,
// cargo class and costs so far, and when its first train left the origin) and when it came off it.
struct held_container {
  double entry_h = 0.0;
  double since_h = 0.0;     // unloaded into the buffer
  double departed_h = 0.0;  // its first train left the origin
  std::uint32_t seq = 0;    // the group's count of containers unloaded before it (the hold timer's target)
  std::uint16_t cargo = 0;  // demand entry on its service
  cost_breakdown cost;      // USD per TEU so far
};

// A re-blocking buffer at a crossing for one flow on one route (reblock.cpp): its containers FIFO, and what
// the trains formed from it take over (the route, where on it, the priority). Formed when the first train of
// that flow and route arrives; kept (empty) for the next.
struct reblock_group {
  vertex_t node = 0;
  service_id service = 0;
  std::uint32_t route = 0;
  std::vector<vertex_t> nodes;
  std::vector<edge_id> edges;
  std::uint32_t pos = 0;
  std::uint8_t priority = 0;
  bool via_share_region = false;
  std::uint64_t plan_version = 0;  // the latest train's
  int way = 0;                     // crossing_way of its trains
  std::size_t capacity_teu = 0;    // of the trains formed
  std::deque<held_container> held;
  std::uint32_t unloaded = 0;   // containers ever unloaded into it (the next one's seq)
  std::uint32_t timer_for = 0;  // the seq of the container the pending hold timer is for ...
  bool timer_armed = false;     // ... if one is pending
};

// A re-blocking crossing: its buffers, the containers they hold together, and per way (entering, leaving)
// the smoothed hold of the trains formed lately (what route choice sees).
struct reblock_node_state {
  std::vector<std::uint32_t> groups;  // into corridor_state::reblock_groups
  std::size_t held = 0;
  std::array<double, 2> recent_hold_h{};
};

// A disruption in force, and when the trains choosing routes expect it to end.
struct disruption_state {
  bool active = false;
  double expected_end_h = 0.0;
};

struct corridor_state {
  std::vector<service_state> services;
  std::vector<train_state> trains;
  std::vector<node_state> nodes;          // per vertex
  std::vector<crossing_state> crossings;  // per vertex; used at crossings only
  std::vector<line_state> lines;          // per graph edge; used on rail edges only
  std::vector<ferry_state> ferries;       // per graph edge; used on ferry edges only
  std::vector<port_state> ports;          // per vertex; used at ports that are resources only
  std::vector<ship_state> ships;
  std::vector<disruption_state> disruptions;
  std::vector<wagon_pool_state> wagon_pools;  // scenario order; empty without pools
  // Re-blocking: every buffer (an ev_reblock_due's target), and per vertex what its crossing holds; empty
  // without re-blocking crossings.
  std::vector<reblock_group> reblock_groups;
  std::vector<reblock_node_state> reblock_nodes;
  std::uint64_t plan_version = 0;  // bumped when the network changes; a train re-plans when its plan is older
};

}  // namespace corridor::detail

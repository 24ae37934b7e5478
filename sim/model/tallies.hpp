#pragma once
// What a run counts while it runs: the collectors, apart from the rules that feed them. Rules call the
// record_ functions at the moments that matter; assemble.cpp turns the totals into a run_result. Unless it
// says otherwise, a tally covers the report window.
#include <algorithm>
#include <array>
#include <span>
#include <vector>

#include "corridor/queue_stats.hpp"
#include "corridor/results.hpp"
#include "facts.hpp"
#include "state.hpp"

namespace corridor::detail {

struct line_tally {  // one direction of a rail edge
  double departures = 0.0;
  double teu = 0.0;
  double slot_wait_h = 0.0;  // summed over departures: from reaching the line to taking a slot
};

struct ferry_tally {  // one direction of a ferry edge
  double sailings = 0.0;
  double cancelled = 0.0;
  double teu_carried = 0.0;
  double teu_offered = 0.0;
  double units_carried = 0.0;  // in the leg's capacity unit: TEU (feeders) or wagons (rail ferries)
  double units_offered = 0.0;
};

// A port that is a resource: its berths as a queue of ships (busy berths, waits for a berth), the gate as a
// queue of trains waiting outside the full yard, the yard's TEU over time, and the dwell of the containers
// that left the yard (the part of it inside the window, as queue_stats counts waits).
struct port_tally {
  queue_stats berths;
  queue_stats gate;
  time_weighted yard;
  double dwell_teu_h = 0.0;  // summed over TEU that left the yard
  double dwell_teu = 0.0;
  double calls = 0.0;        // ships that took a berth
  double teu_handled = 0.0;  // loaded or unloaded at a berth
  // The day in progress (daily series): where it opened and the yard's integral then.
  double yard_day_start_h = 0.0, yard_day_mark = 0.0;
};

// A wagon pool: the trains waiting for wagons as a queue (busy: wagons out on trains, loaded or empty), the
// wagons at its homes (ready or in turnaround) counted apart, so that out + home = size can be checked on the
// integrals, and its empty trains.
struct wagon_pool_tally {
  queue_stats trains;
  time_weighted at_home;
  double waited = 0.0;        // trains served in the window that had to wait (wait > 0)
  double empty_trains = 0.0;  // that left in the window
  double empty_train_km = 0.0;
  double empty_arrivals = 0.0;  // empty trains home in the window ...
  double empty_trip_h = 0.0;    // ... and their hours from release to home, summed
};

// A re-blocking crossing: its buffer as a queue of containers (waits: holds from unloading to leaving on a
// new train), the trains unloaded into it and formed from it, and their TEU.
struct reblock_tally {
  queue_stats buffer;
  double trains_in = 0.0, teu_in = 0.0;    // trains unloaded in the window, and their TEU
  double trains_out = 0.0, teu_out = 0.0;  // trains formed in the window, and their TEU
  double partial = 0.0;                    // of which left part-full at the hold limit
};

struct plan_tally {  // one crossing's daily plan, over the window (trains by the day they left their origin)
  double booked = 0.0;  // trains that booked a place
  double held = 0.0;    // of which held at their origin for a later day
  double hold_h = 0.0;  // summed hold over the booked trains
};

// Samples appended in blocks that are never moved: a year's 2.2 M transit times grow without the copies
// (and the fresh pages each copy touches) of a doubling vector. Blocks double from 256 samples to 8,192.
class sample_blocks {
 public:
  void push_back(double x) {
    if (blocks_.empty() || blocks_.back().size() == blocks_.back().capacity()) {
      const std::size_t n = blocks_.empty() ? first_block : std::min(2 * blocks_.back().size(), last_block);
      blocks_.emplace_back().reserve(n);
    }
    blocks_.back().push_back(x);
    ++size_;
  }
  std::size_t size() const { return size_; }
  const std::vector<std::vector<double>>& blocks() const { return blocks_; }  // in order of appending

 private:
  static constexpr std::size_t first_block = 256, last_block = 8192;
  std::vector<std::vector<double>> blocks_;
  std::size_t size_ = 0;
};

struct service_tally {
  std::vector<double> route_trains;  // per path of the flow's set: trains that departed on it
  std::vector<double> route_teu;
  sample_blocks transit_days;  // each delivered container's door-to-door days, in delivery order
  double trains_delivered = 0.0;
  double train_transit_days = 0.0;  // summed over delivered trains: from leaving the origin to delivery
};

// Trains and TEU between two regions, and those among them that passed the share region (or, for a share
// of trains avoiding a region, that passed none of its nodes).
struct share_tally {
  double trains = 0.0, trains_via = 0.0, teu = 0.0, teu_via = 0.0;
  std::array<double, direction_count> trains_by_direction{}, trains_via_by_direction{};
  std::array<double, direction_count> teu_by_direction{}, teu_via_by_direction{};
};

// A market over the report window: its demand and what each mode took (expected TEU, from the shares in
// force and the demand rate), the containers that came to rail and what rail delivered.
struct market_tally {
  double demand_teu = 0.0;
  std::vector<double> mode_teu;  // rail, then the market's alternatives in order
  double not_shipped_teu = 0.0;  // no mode was open
  double rail_entered_teu = 0.0;
  double delivered_teu = 0.0;
  double transit_days_sum = 0.0;  // door-to-door days of each delivered container, added in delivery order;
                                  // the samples themselves are its services' (assemble.cpp)
  cost_breakdown cost_sum;        // USD summed over delivered TEU
};

struct run_tallies {
  double entered = 0.0, delivered = 0.0;  // containers over the whole run, counted independently
  double teu = 0.0, trains = 0.0;         // delivered
  std::array<double, direction_count> teu_by_direction{};
  share_tally share;                // the report's legacy share (share_region between origin and destination)
  std::vector<share_tally> shares;  // per report share
  std::vector<bool> share_avoiding;  // per report share: counts trains avoiding its region, not passing it
  std::vector<double> gateway_trains, gateway_teu;  // per report gateway: the first share's trains through it
  std::vector<market_tally> markets;
  cost_breakdown cost_sum;          // USD summed over delivered TEU
  double transit_days_total = 0.0;  // door-to-door days of every delivered container, in delivery order
  std::vector<service_tally> services;
  std::vector<std::vector<double>> goods_teu;                  // [direction][cargo class]
  std::vector<double> terminal_departures, terminal_arrivals;  // per vertex: trains
  std::vector<queue_stats> crossing_queues;                    // per vertex; used at crossings only
  std::vector<queue_stats> ferry_queues;                       // per graph edge; used on ferry edges only
  std::vector<line_tally> lines;                               // per graph edge
  std::vector<ferry_tally> ferries;                            // per graph edge
  std::vector<plan_tally> plans;                               // per vertex; crossings with a plan
  std::vector<queue_stats> customs_queues;  // per vertex; crossings with customs_servers > 0
  // Per vertex and way (entering, leaving): crossings with tracks kept per direction only.
  std::vector<std::array<queue_stats, 2>> crossing_way_queues;
  std::vector<port_tally> ports;              // per vertex; used at resource ports only
  std::vector<wagon_pool_tally> wagon_pools;  // scenario order
  std::vector<reblock_tally> reblocks;        // per vertex; used at re-blocking crossings only
  double day_teu = 0.0, day_trains = 0.0;     // delivered in the day in progress, warm-up or not
  std::vector<daily_row> daily;               // the days of the window
};

// A train left its origin on route `route` of its service's path set, inside the window.
void record_departure(run_tallies& t, const train_state& train);
// A train reached its destination at `now_h`; `in_window` says whether the window has opened.
void record_delivery(run_tallies& t, const model_facts& facts, const train_state& train, double now_h,
                     bool in_window);
// The containers just admitted at a service's origin, by arrival time; those inside the window count as
// rail's.
void record_arrivals(run_tallies& t, const service_facts& service, std::span<const double> arrival_h,
                     double window_start_h);
// A market's demand of `teu` (expected, inside the window) split by the mode shares in force.
void record_mode_volumes(run_tallies& t, std::uint32_t market, double teu, const std::vector<double>& shares);

}  // namespace corridor::detail

#pragma once
// RunResult: the plain numbers one run produces. Studies reduce many of these; writers print them.
// Nothing here refers back to the engine or the model.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corridor {

struct cost_breakdown {  // USD per delivered TEU
  double haulage = 0.0;
  double crossing_fees = 0.0;
  double handling = 0.0;
  double ferry = 0.0;
  double subsidy = 0.0;  // negative: paid to the shipper
  double time = 0.0;     // value of time x transit days (generalized cost only)
  double out_of_pocket() const { return haulage + crossing_fees + handling + ferry + subsidy; }
  double generalized() const { return out_of_pocket() + time; }
};

// A queue with servers (a crossing's tracks, a ferry's sailings), measured over the report window.
struct queue_result {
  std::string id;       // crossing node id, or ferry edge id
  std::string kind;     // "crossing" or "ferry"
  double trains = 0.0;  // trains served (ferries: trains boarded)
  double teu = 0.0;
  double utilization = 0.0;  // busy servers / servers (ferries: TEU carried / TEU offered)
  double mean_wait_h = 0.0;  // wait before service (ferries: before boarding)
  double p95_wait_h = 0.0;
  double mean_queue_trains = 0.0;  // time-averaged number waiting
  double max_queue_trains = 0.0;
  double arrivals_per_h = 0.0;      // trains joining the queue per hour (for Little's law)
  double sailings = 0.0;            // ferries only
  double cancelled_sailings = 0.0;  // ferries only
};

// A port that is a resource (berths, a yard or a dwell), over the report window.
struct port_result {
  std::string id;  // port node id
  double berths = 0.0;
  double calls = 0.0;        // ships that took a berth (loading or unloading)
  double teu_handled = 0.0;  // loaded or unloaded at its berths
  double utilization = 0.0;  // time-averaged busy berths / berths (0 without berths)
  double mean_wait_h = 0.0;  // per ship call, from asking for a berth to taking one
  double p95_wait_h = 0.0;
  double mean_ships_waiting = 0.0;
  double dwell_h = 0.0;          // per TEU, from entering the yard to leaving it on a feeder
  double yard_mean_teu = 0.0;    // time-averaged
  double yard_peak_teu = 0.0;    // most at any moment
  double gate_wait_h = 0.0;      // per train bound for a feeder: outside the full yard
  double gate_trains = 0.0;      // trains that had to wait outside (or still do)
  double max_gate_trains = 0.0;  // most waiting outside at any moment
};

// A port's measures in output order (flattened names "ports.<id>.<name>", summary.json, ports.csv), each with
// an interval; `berths` is a setting and stands apart.
inline constexpr std::pair<const char*, double port_result::*> port_fields[] = {
    {"calls", &port_result::calls},
    {"teu_handled", &port_result::teu_handled},
    {"utilization", &port_result::utilization},
    {"mean_wait_h", &port_result::mean_wait_h},
    {"p95_wait_h", &port_result::p95_wait_h},
    {"mean_ships_waiting", &port_result::mean_ships_waiting},
    {"dwell_h", &port_result::dwell_h},
    {"yard_mean_teu", &port_result::yard_mean_teu},
    {"yard_peak_teu", &port_result::yard_peak_teu},
    {"gate_wait_h", &port_result::gate_wait_h},
    {"gate_trains", &port_result::gate_trains},
    {"max_gate_trains", &port_result::max_gate_trains}};

// A wagon pool (rolling stock), over the report window: how busy its wagons were, the trains that waited for
// them at its homes (a queue: waits from asking for wagons to taking them), and its empty trains.
struct wagon_pool_result {
  std::string id;
  double size_wagons = 0.0;
  double utilization = 0.0;    // time-averaged wagons out on trains (loaded or empty) / size
  double home_share = 0.0;     // time-averaged wagons at its homes (ready or in turnaround) / size
  double trains = 0.0;         // trains that took wagons
  double trains_waited = 0.0;  // of which had to wait for them
  double mean_wait_h = 0.0;    // per train that asked, from asking to taking (0 when there were enough)
  double p95_wait_h = 0.0;
  double mean_queue_trains = 0.0;  // time-averaged trains waiting for wagons
  double max_queue_trains = 0.0;
  double arrivals_per_h = 0.0;  // trains asking per hour (for Little's law)
  double empty_trains = 0.0;    // that left in the window
  double empty_train_km = 0.0;
  double mean_empty_trip_h = 0.0;  // per empty train home: from the release of its wagons to its arrival
};

// A pool's measures in output order (flattened names "wagon_pools.<id>.<name>", summary.json); the size is a
// setting and arrivals_per_h a check, apart.
inline constexpr std::pair<const char*, double wagon_pool_result::*> wagon_pool_fields[] = {
    {"utilization", &wagon_pool_result::utilization},
    {"home_share", &wagon_pool_result::home_share},
    {"trains", &wagon_pool_result::trains},
    {"trains_waited", &wagon_pool_result::trains_waited},
    {"mean_wait_h", &wagon_pool_result::mean_wait_h},
    {"p95_wait_h", &wagon_pool_result::p95_wait_h},
    {"mean_queue_trains", &wagon_pool_result::mean_queue_trains},
    {"max_queue_trains", &wagon_pool_result::max_queue_trains},
    {"empty_trains", &wagon_pool_result::empty_trains},
    {"empty_train_km", &wagon_pool_result::empty_train_km},
    {"mean_empty_trip_h", &wagon_pool_result::mean_empty_trip_h}};

// A crossing that re-blocks (docs/model.md, Re-blocking), over the report window: the trains that ended
// there and left their containers in its buffers, the trains formed from them, and the containers' holds
// (the buffer as a queue of containers: Little's law holds exactly on mean_buffer_teu, teu_unloaded and
// mean_hold_h).
struct reblock_result {
  std::string id;                // crossing node id
  double trains_unloaded = 0.0;  // trains that arrived and ended there
  double trains_formed = 0.0;    // trains formed for the next leg
  double partial_trains = 0.0;   // of which left part-full at the hold limit
  double mean_in_teu = 0.0;      // containers per train unloaded
  double mean_out_teu = 0.0;     // containers per train formed
  double mean_hold_h = 0.0;      // per container, from unloading to leaving on a new train
  double p95_hold_h = 0.0;
  double mean_buffer_teu = 0.0;  // time-averaged containers in its buffers
  double teu_unloaded = 0.0;     // containers into the buffers (with those there when the window opened)
};

// A re-blocking crossing's measures in output order (flattened names "reblocking.<id>.<name>",
// summary.json).
inline constexpr std::pair<const char*, double reblock_result::*> reblock_fields[] = {
    {"trains_unloaded", &reblock_result::trains_unloaded},
    {"trains_formed", &reblock_result::trains_formed},
    {"partial_trains", &reblock_result::partial_trains},
    {"mean_in_teu", &reblock_result::mean_in_teu},
    {"mean_out_teu", &reblock_result::mean_out_teu},
    {"mean_hold_h", &reblock_result::mean_hold_h},
    {"p95_hold_h", &reblock_result::p95_hold_h},
    {"mean_buffer_teu", &reblock_result::mean_buffer_teu},
    {"teu_unloaded", &reblock_result::teu_unloaded}};

struct route_result {
  std::string flow;   // flow id
  std::string route;  // node ids joined by '>'
  double trains = 0.0;
  double teu = 0.0;
  double share = 0.0;  // of the flow's trains
  bool via_share_region = false;
};

struct edge_result {  // one scenario edge, both directions added
  std::string id;
  double trains = 0.0;
  double teu = 0.0;
  double utilization = 0.0;       // departures / slots offered (0 when unlimited)
  double mean_slot_wait_h = 0.0;  // per departure: from reaching the line to taking a slot (slotted lines)
};

// One OD flow over the report window: what was delivered and how long its containers took door to door.
struct flow_result {
  std::string id;
  std::string direction;  // "westbound", "eastbound" or "other"
  double teu = 0.0;       // delivered
  double trains = 0.0;    // delivered
  double transit_days_mean = 0.0;
  double transit_days_p50 = 0.0;
  double transit_days_p95 = 0.0;
  double buffer_days = 0.0;    // p95 - p50: the slack a shipper must plan for beyond the usual transit
  double promised_days = 0.0;  // the flow's (or its market's) promised transit; 0 = none
  double on_time_share = 0.0;  // of delivered containers, within promised_days (when promised)
  // Of delivered trains, from leaving the origin (after any hold for a daily plan) to delivery: the train's
  // journey, as operators publish it, without the containers' wait for their train.
  double train_transit_days_mean = 0.0;
};

// A market over the report window, per year: its demand, what each mode took (expected from the mode shares
// in force), and what rail carried and delivered (simulated, container by container).
struct market_result {
  std::string id;
  double demand_teu_per_year = 0.0;
  std::vector<std::pair<std::string, double>> teu_per_year_by_mode;  // "rail", then alternative ids
  double not_shipped_teu_per_year = 0.0;   // demand no mode could take (every route and alternative closed)
  double rail_share = 0.0;                 // rail's part of the demand
  double rail_entered_teu_per_year = 0.0;  // containers that arrived at rail origins
  double rail_delivered_teu_per_year = 0.0;
  double transit_days_mean = 0.0;  // of the market's delivered containers
  double transit_days_p95 = 0.0;
  double buffer_days = 0.0;                   // p95 - p50 of the market's delivered containers
  double promised_days = 0.0;                 // the market's promised transit; 0 = none
  double on_time_share = 0.0;                 // of delivered containers, within promised_days (when promised)
  double cost_usd_per_teu = 0.0;              // rail, out of pocket, per delivered TEU
  double generalized_cost_usd_per_teu = 0.0;  // plus each container's value of time x transit
};

// A share the report defines: of trains (and TEU) between two regions, the part that passed a region (or
// avoided it), both ways together and by direction ("westbound": from the share's first region).
struct share_result {
  std::string id;
  double trains = 0.0, teu = 0.0;  // share of trains, of TEU
  double trains_westbound = 0.0, trains_eastbound = 0.0;
  double teu_westbound = 0.0, teu_eastbound = 0.0;
  double population_trains = 0.0;  // trains between the two regions (window)
};

// A gateway's part of the first share's trains (and TEU): how many of them passed it.
struct gateway_result {
  std::string id;
  double trains = 0.0, teu = 0.0;              // window
  double share_trains = 0.0, share_teu = 0.0;  // of the population
};

struct goods_result {
  std::string direction;  // "westbound" or "eastbound" (or "other")
  std::string cargo_class;
  double teu = 0.0;
  double goods_value_usd_per_year = 0.0;
};

// Per simulated day of the window (the part of day `day` inside it): deliveries, and each queue's numbers
// over the day, measured like queue_result's over the window. Every per-queue vector is aligned with
// run_result::queues (crossings, then ferry legs).
struct daily_row {
  int day = 0;
  double teu_delivered = 0.0;
  double trains_delivered = 0.0;
  std::vector<double> queue_trains;       // waiting at the end of the day
  std::vector<double> mean_queue_trains;  // time-averaged number waiting over the day
  std::vector<double> max_queue_trains;   // most waiting at any moment of the day
  std::vector<double> utilization;        // busy tracks / tracks (ferries: TEU carried / offered; 0 if none)
  std::vector<double> mean_wait_h;        // of trains whose service (boarding) started that day; 0 if none
  std::vector<double> p95_wait_h;
  // Per port that is a resource, aligned with run_result::ports (empty when there is none).
  std::vector<double> yard_teu;             // in the yard at the end of the day
  std::vector<double> yard_mean_teu;        // time-averaged over the day
  std::vector<double> trains_outside;       // waiting outside the full yard at the end of the day
  std::vector<double> mean_trains_outside;  // time-averaged over the day
  std::vector<double> ships_at_berth;       // busy berths at the end of the day
  std::vector<double> ships_waiting;        // waiting for a berth at the end of the day
  std::vector<double> berth_utilization;    // time-averaged busy berths / berths over the day (0 without)
  // Per wagon pool, aligned with run_result::wagon_pools (empty when there is none).
  std::vector<double> wagons_home;                 // at its homes (ready or in turnaround), end of the day
  std::vector<double> wagons_out;                  // out on trains (loaded or empty), end of the day
  std::vector<double> wagon_utilization;           // time-averaged wagons out / size over the day
  std::vector<double> trains_waiting_wagons;       // trains waiting for its wagons, end of the day
  std::vector<double> mean_trains_waiting_wagons;  // time-averaged over the day
};

// daily_row's per-port series in output order: the field name each has in the long tables
// (`ports.<id>.<field>`) and its daily.csv column prefix (column = prefix + port id).
struct daily_port_series {
  const char* field;
  const char* prefix;
  std::vector<double> daily_row::*values;
};
inline constexpr daily_port_series daily_port_fields[] = {
    {"yard_teu", "yard_teu_", &daily_row::yard_teu},
    {"yard_mean_teu", "yard_mean_teu_", &daily_row::yard_mean_teu},
    {"trains_outside", "trains_outside_", &daily_row::trains_outside},
    {"mean_trains_outside", "mean_trains_outside_", &daily_row::mean_trains_outside},
    {"ships_at_berth", "ships_at_berth_", &daily_row::ships_at_berth},
    {"ships_waiting", "ships_waiting_", &daily_row::ships_waiting},
    {"utilization", "berth_utilization_", &daily_row::berth_utilization}};

// daily_row's per-pool series in output order, named as the ports' are (`wagon_pools.<id>.<field>` in the
// long tables, prefix + pool id in daily.csv).
inline constexpr daily_port_series daily_wagon_pool_fields[] = {
    {"wagons_home", "wagons_home_", &daily_row::wagons_home},
    {"wagons_out", "wagons_out_", &daily_row::wagons_out},
    {"utilization", "wagon_utilization_", &daily_row::wagon_utilization},
    {"trains_waiting", "trains_waiting_wagons_", &daily_row::trains_waiting_wagons},
    {"mean_trains_waiting", "mean_trains_waiting_wagons_", &daily_row::mean_trains_waiting_wagons}};

struct share_regions {
  std::string region;
  bool avoiding = false;
  std::string route_region;
  std::string key() const { return (avoiding ? "avoiding_" : "") + region; }
  bool operator==(const share_regions&) const = default;
};

struct disruption_result {
  std::string id;
  std::string cause;
  double onsets = 0.0;
  double days_in_force = 0.0;
};

// A crossing's daily plan of admitted trains (daily_plan_trains_*), over the report window: trains that
// booked a place when they left their origin, those held there for a later day, and the mean hold.
struct plan_result {
  std::string id;  // crossing node id
  double booked_trains = 0.0;
  double held_trains = 0.0;
  double mean_hold_h = 0.0;  // over the booked trains
};

// One calendar year of a multi-year run: its main metrics (flattened names, as in run_result::flatten(),
// plus metrics.teu_delivered and metrics.trains_delivered), over the year as its report window.
struct year_result {
  int year = 0;
  std::vector<std::pair<std::string, double>> metrics;
};

struct run_result {
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  std::uint64_t events = 0;
  double wall_seconds = 0.0;
  double window_days = 0.0;

  share_regions regions;  // what the share metrics are named after

  // Headline metrics, in a fixed order (see metric_names()).
  double throughput_teu_per_day = 0.0;
  double throughput_trains_per_day = 0.0;
  double throughput_teu_per_day_westbound = 0.0;
  double throughput_teu_per_day_eastbound = 0.0;
  double cost_usd_per_teu = 0.0;
  double generalized_cost_usd_per_teu = 0.0;
  double transit_days_mean = 0.0;
  double transit_days_p50 = 0.0;
  double transit_days_p95 = 0.0;
  double share_via_trains = 0.0;  // the headline share: flattened as share_<regions.key()>_trains, ...
  double share_via_teu = 0.0;
  double share_via_trains_westbound = 0.0;
  double share_via_trains_eastbound = 0.0;
  double containers_entered = 0.0;
  double containers_delivered = 0.0;
  double containers_in_system = 0.0;
  double empty_trains_moved = 0.0;
  double transit_buffer_days = 0.0;  // p95 - p50 of every delivered container
  cost_breakdown cost;

  // Reliability against promises: delivered containers of flows and markets with a promised transit, and
  // the share of them within it (flattened as "reliability.*" only when some flow or market promises).
  double promised_teu = 0.0;
  double on_time_share = 0.0;
  bool has_promises = false;
  // Random disruptions (rate_per_year), per scenario entry: onsets that began in the report window and the
  // days they were in force within it.
  std::vector<disruption_result> disruptions;
  std::vector<plan_result> plans;  // crossings with a daily plan, in node order
  // Customs as a resource (crossings with customs_servers), in node order: kind "customs", utilization of
  // its servers, waits after the track for a server.
  std::vector<queue_result> customs;
  // Crossings with tracks kept per direction (tracks_entering, tracks_leaving), in node order, entering then
  // leaving for each: kind "crossings_entering" or "crossings_leaving", utilization of the tracks that way
  // may use (kept for it and shared), waits of that way's trains.
  std::vector<queue_result> crossing_ways;

  std::vector<queue_result> queues;
  std::vector<port_result> ports;  // resource ports, in network order
  // Wagon pools in scenario order (none without `wagon_pools`), and their empty trains' km over the window.
  std::vector<wagon_pool_result> wagon_pools;
  double empty_train_km = 0.0;
  double empty_trains = 0.0;
  std::vector<reblock_result> reblocking;  // re-blocking crossings, in node order (none without)
  std::vector<route_result> routes;
  std::vector<flow_result> flows;  // scenario flow order
  std::vector<edge_result> edges;
  std::vector<goods_result> goods;
  std::vector<market_result> markets;  // scenario market order
  std::vector<share_result> shares;    // report share order
  std::vector<gateway_result> gateways;
  std::vector<daily_row> daily;
  // Multi-year runs: every year, first to last (the last is the window of everything above); empty otherwise.
  std::vector<year_result> years;

  // Every number as (name, value) in a stable order: headline metrics as "metrics.<name>", then
  // "cost.<component>", "reliability.<field>" (when promised), "disruptions.<id>.<field>" (random ones),
  // "plans.<crossing>.<field>" (daily plans), "customs.<crossing>.<field>" (customs with servers),
  // "crossings_entering.<crossing>.<field>", "crossings_leaving.<crossing>.<field>" (tracks per direction),
  // "crossings.<id>.<field>", "ferries.<id>.<field>", "ports.<id>.<field>", "wagon_pools.<id>.<field>" and
  // "wagon_pools.empty_train_km", "wagon_pools.empty_trains" (with pools), "reblocking.<id>.<field>" (at
  // re-blocking crossings), "routes.<flow>.<route>.<field>",
  // "edges.<id>.<field>", "flows.<id>.<field>", "markets.<id>.<field>", "shares.<id>.<field>",
  // "gateways.<id>.<field>".
  std::vector<std::pair<std::string, double>> flatten() const;
};

// One flattened metric over replications: mean and 95 % Student-t half-width.
struct metric_stat {
  std::string name;
  double mean = 0.0;
  double half_width_95 = 0.0;  // 0 when n < 2
  double stddev = 0.0;
  std::size_t n = 0;
};

// Summarizes runs of one scenario, metric by metric in flatten() order (all runs share the same names).
std::vector<metric_stat> summarize_runs(const std::vector<run_result>& runs);

// The headline metric names, in order, without prefix, for a headline share keyed `share_key` (see
// share_regions::key): "share_central_asia_trains" and the like for "central_asia". Throws
// std::invalid_argument when the key is empty.
std::vector<std::string> metric_names(std::string_view share_key);
// The name of the per-route column that says whether a route passes `region`: "via_<region>". Throws
// std::invalid_argument when the region is empty.
std::string route_region_column(std::string_view region);

}  // namespace corridor

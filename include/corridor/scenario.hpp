#pragma once
// The scenario: plain, immutable structs describing a corridor study, and the strict YAML loader that fills
// them. Knows nothing of the engine. Units are in the names: _km, _h (hours), _days, _usd, _teu.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/random.hpp"

namespace corridor {

// Where a value came from in a scenario file. Line and column are 1-based; 0 means "not from a file".
struct source_loc {
  std::string file;
  int line = 0;
  int column = 0;
};

// "file:line:col" ("file" without a line, "" for nothing): the one way places are written in messages.
std::string to_string(const source_loc& loc);

// Every problem in a scenario file, each with its location; what() lists them as `file:line:col: message`.
class scenario_error : public std::runtime_error {
 public:
  struct diagnostic {
    source_loc loc;
    std::string message;
  };
  explicit scenario_error(std::vector<diagnostic> diagnostics);
  const std::vector<diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<diagnostic> diagnostics_;
};

enum class node_kind { terminal, junction, crossing, port };
enum class edge_mode { rail, ferry };
enum class arrival_process { poisson, scheduled };
enum class departure_policy { on_demand, timetable };
enum class route_choice_mode { logit, cheapest };
enum class sailing_policy { schedule, when_full };
enum class ferry_service { feeder, rail_ferry };

// A rail ferry carries a train's containers on their wagons: 2 TEU per 40-ft platform (one 40-ft or two
// 20-ft boxes), as the 24-platform, 48-TEU Kazakhstan-Turkmenistan-Iran train of 2022 (docs/sources.md K74).
inline constexpr double teu_per_wagon = 2.0;

// A border crossing: parallel tracks served FIFO, a gauge change or a pass-through per train, then customs.
struct crossing_spec {
  int tracks = 1;
  // Tracks kept for one direction (as the caps below count directions): trains entering from another
  // country, trains leaving from the crossing's own; the rest of `tracks` serve both. 0 and 0 (the default):
  // every track serves both directions. Their sum must not exceed `tracks`.
  int tracks_entering = 0;
  int tracks_leaving = 0;
  bool split_tracks() const { return tracks_entering > 0 || tracks_leaving > 0; }
  distribution transshipment_h = distribution::constant(4.0);  // per train when the gauge changes
  distribution pass_through_h = distribution::constant(1.0);   // per train when it does not
  distribution customs_dwell_h = distribution::constant(0.0);  // after service; holds no track
  // Customs and inspection as a resource: this many trains in customs at once, the rest queue FIFO after
  // leaving their track; 0 = no limit (customs is a delay only).
  int customs_servers = 0;
  int daily_cap_trains = 0;  // trains starting service per day; 0 = none
  // Per direction, as border crossings publish them: trains arriving from another country (entering) and
  // trains arriving from the crossing's own country (leaving); 0 = no cap in that direction.
  int daily_cap_trains_entering = 0;
  int daily_cap_trains_leaving = 0;
  // The daily plan of trains admitted per direction (as China Railway sets one per gateway): a train books
  // a place on the day it expects to arrive when it leaves its origin, or is held there until a day with
  // room; 0 = no plan in that direction.
  int daily_plan_trains_entering = 0;
  int daily_plan_trains_leaving = 0;
  // How many days after its expected arrival a train may still book: a plan full for that long closes the
  // route to new trains (operators send their applications elsewhere, shippers another mode).
  double daily_plan_booking_days = 7.0;
  double fee_usd_per_teu = 0.0;
  // Re-blocking (docs/model.md, Re-blocking): where the gauge changes, containers leave their train for a
  // buffer and go on in new trains of the next network's length, formed per flow and route when full or
  // reblock_max_hold_h after the oldest container came off its train. Train lengths in wagons of
  // teu_per_wagon each, per direction as the caps: trains arriving from another country leave on the
  // crossing's own network (entering), the others on the neighbour's (leaving); 0 = the flow's capacity.
  bool reblock = false;
  int reblock_train_wagons_entering = 0;
  int reblock_train_wagons_leaving = 0;
  double reblock_max_hold_h = 48.0;
};

// A port as a resource (docs/model.md, Ports): berths where ships load and unload, a crane rate per berth,
// a yard where a feeder's containers wait for their sailing, and their dwell before they may be loaded.
// The defaults make a port what it was before ports were resources: no berth, no yard, no time.
struct port_spec {
  int berths = 0;                  // 0 = not a resource: ships load and unload at once
  double crane_teu_per_h = 0.0;    // per berth: feeders load and unload at this rate; 0 = at once
  double ramp_wagons_per_h = 0.0;  // per berth: rail ferries roll wagons on or off at this rate; 0 = at once
  double yard_capacity_teu = 0.0;  // containers waiting for a feeder; 0 = unlimited
  distribution dwell_h = distribution::constant(0.0);  // per train's containers, before they may be loaded
  bool is_resource() const {
    return berths > 0 || yard_capacity_teu > 0.0 || dwell_h.kind != dist_kind::constant || dwell_h.a != 0.0;
  }
};

struct node_spec {
  std::string id;
  std::string name;
  node_kind kind = node_kind::junction;
  std::string country;  // ISO 3166 alpha-2
  double lat = 0.0;
  double lon = 0.0;
  crossing_spec crossing;             // used when kind == crossing
  port_spec port;                     // used when kind == port
  double subsidy_usd_per_teu = 0.0;   // paid to trains originating here (terminals)
  double handling_usd_per_teu = 0.0;  // terminal or port handling, charged per TEU passing
  double opens_day = 0.0;             // multi-year runs: closed until this day of the run (0: open)
  source_loc loc;
};

// A ferry leg: sailings every `every_days` (or on named weekdays), each with a capacity; a sailing is
// cancelled by weather with a probability that depends on the month. when_full: a sailing leaves once the
// trains waiting fill the ship, or max_wait_h after the first of them began to wait, and every_days (if
// given) is the least time between two sailings (the vessel's round trip). A feeder carries TEU, a rail
// ferry whole wagons.
struct ferry_spec {
  sailing_policy sailing = sailing_policy::schedule;
  ferry_service service = ferry_service::feeder;
  double max_wait_h = 72.0;      // when_full
  double capacity_wagons = 0.0;  // rail_ferry, instead of capacity_teu
  double every_days = 0.0;
  std::vector<int> weekdays;     // 0 = Monday ... 6 = Sunday; used when every_days == 0
  double departure_hour = 12.0;  // hour of day of each sailing
  double capacity_teu = 0.0;
  double fare_usd_per_teu = 0.0;
  std::array<double, 12> cancel_probability_by_month{};  // January first
};

struct edge_spec {
  std::string id;
  std::string from;
  std::string to;
  edge_mode mode = edge_mode::rail;
  double distance_km = 0.0;
  double speed_km_per_day = 1000.0;
  int gauge_mm = 1435;                 // rail only
  double tariff_usd_per_teu_km = 0.0;  // rail haulage
  int slots_per_day = 0;               // train departures per day per direction; 0 = unlimited
  // Rail only: trains may enter the line only between these hours of the day (a window that wraps past
  // midnight when from > to), as freight passes the Marmaray tunnel only 00:00–05:00; equal: always open.
  double open_from_hour = 0.0;
  double open_to_hour = 0.0;
  bool has_window() const { return open_from_hour != open_to_hour; }
  double travel_time_cv = 0.0;  // coefficient of variation of travel time (lognormal); 0 = fixed
  bool bidirectional = true;
  ferry_spec ferry;        // used when mode == ferry
  double opens_day = 0.0;  // multi-year runs: closed until this day of the run (0: open)
  source_loc loc;
};

// A region: whole countries, and nodes named one by one (a part of a country, such as European Russia).
struct region_spec {
  std::string id;
  std::vector<std::string> countries;
  std::vector<std::string> nodes;
  std::string name;  // display name for labels; empty: see scenario::region_name
  source_loc loc;
};

struct cargo_class_spec {
  std::string id;
  double value_of_time_usd_per_teu_day = 0.0;
  double goods_value_usd_per_teu = 0.0;
  source_loc loc;
};

// A class of train service above the ordinary block train (docs/model.md, Service classes): an express with
// priority paths is served before ordinary trains in every queue it meets (crossing tracks, customs, line
// slots, ferries) and is not held by a daily plan, whose place its timetable path holds; it runs
// speed_factor times as fast as an ordinary train on every rail line (a ferry sails at the ship's pace).
// Trains of no class are ordinary (priority 0).
struct service_class_spec {
  std::string id;
  std::string description;
  int priority = 1;           // higher is served first; equal priorities keep their order of arrival
  double speed_factor = 1.0;  // divides the travel time on every rail line
  source_loc loc;
};

// A pool of wagons (40-ft platforms) of one gauge, kept at its home nodes (docs/model.md, Rolling stock): a
// train forming at a home whose first line has the pool's gauge, or changing to that gauge at a home that is
// a crossing, takes ceil(TEU / 2) of them and waits for them when too few are there; it releases them where
// it next changes gauge or at its destination, and they go back as an empty train to a home, where they are
// ready again after the turnaround. A scenario without pools runs as if wagons were never short.
struct wagon_pool_spec {
  std::string id;
  std::string description;
  std::string operator_name;  // `operator`: who runs it (free text)
  int gauge_mm = 1520;
  int size_wagons = 0;            // platforms, split evenly among the homes at the start
  std::vector<std::string> home;  // node ids (terminals or crossings)
  double turnaround_h = 0.0;      // at home, from an empty train's arrival until its wagons can load again
  source_loc loc;
};

// Demand from one terminal to another, in TEU per week.
struct flow_spec {
  std::string id;
  std::string from;
  std::string to;
  std::string cargo_class;
  double teu_per_week = 0.0;
  arrival_process arrivals = arrival_process::poisson;
  std::array<double, 12> seasonality{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};  // multipliers by month
  departure_policy departures = departure_policy::on_demand;
  double max_wait_h = 72.0;             // on_demand: a train leaves part-full after this wait
  std::vector<int> timetable_weekdays;  // timetable: departure days (0 = Monday)
  double timetable_hour = 8.0;          // timetable: hour of day
  double train_capacity_teu = 0.0;      // 0 = the scenario's train_capacity_teu
  double promised_transit_days = 0.0;   // door to door, for the on-time share; 0 = no promise
  std::string service_class;            // a service_classes id; empty = ordinary
  // Multi-year runs: compound growth a year from the first year, or teu_per_week year by year (one per year).
  double growth_per_year = 0.0;
  std::vector<double> teu_per_week_by_year;
  source_loc loc;
};

// A node or edge closed (capacity_factor 0) or cut to a fraction of its capacity. Scheduled: between
// from_day and to_day, with the end the trains plan with (expected_to_day, the announced end) apart from the
// true one. Random (rate_per_year > 0): onsets at that rate (Poisson) between from_day and to_day (0: the
// horizon), each lasting a draw of duration_days, of which the trains know only the mean.
struct disruption_spec {
  std::string id;
  std::string target;  // a node id or an edge id
  double from_day = 0.0;
  double to_day = 0.0;
  double capacity_factor = 0.0;
  std::optional<double> expected_to_day;                     // scheduled: the announced end; default to_day
  double rate_per_year = 0.0;                                // random: onsets per year
  distribution duration_days = distribution::constant(0.0);  // random: length of each onset
  std::vector<std::string> with;  // random: other nodes or edges each onset closes too (a border as a whole)
  std::string cause;              // weather, strike, political, ... (free text)
  source_loc loc;
  bool random() const { return rate_per_year > 0.0; }
};

// A corridor family: the routes that pass at least one of its `via` nodes. Families are tried in the
// scenario's order; a route belongs to the first it passes, and to the implicit family "other" if none.
struct family_spec {
  std::string id;
  std::string name;
  std::vector<std::string> via;
  // Added to every route of the family in route and family choice: what the cost terms leave out of a
  // corridor (estimated, like a market's rail constant).
  double constant_usd_per_teu = 0.0;
  source_loc loc;
};

// A way other than rail that a market's shippers have (ocean, air, road): door-to-door cost and time by
// month, January first, for the cargo classes listed (all when empty).
struct alternative_spec {
  std::string id;
  std::string mode;  // sea, air, road or other
  std::string description;
  std::array<double, 12> cost_usd_per_teu{};
  std::array<double, 12> transit_days{};
  std::vector<std::string> classes;
  // Multi-year runs: compound growth a year of cost_usd_per_teu from the first year, or a multiplier of it
  // year by year (one per year).
  double cost_growth_per_year = 0.0;
  std::vector<double> cost_scale_by_year;
  source_loc loc;
};

// Shippers of a market who avoid routes through a region (a share of them never use such routes), and the
// premium the others price such routes at.
struct market_risk_spec {
  std::string region;
  double avoid_share = 0.0;
  double premium_usd_per_teu = 0.0;
};

// One origin-destination pair of a market and its share of the market's volume.
struct market_pair_spec {
  std::string id;
  std::string from;
  std::string to;
  double share = 0.0;
  source_loc loc;
};

// Demand for transport between two regions in one direction, across all modes: a yearly volume split by
// cargo class and by terminal pairs (listed pairs, or every origin with every destination), shared between
// rail and the market's alternatives by choice on generalized cost.
struct market_spec {
  std::string id;
  std::string from_region;
  std::string to_region;
  double teu_per_year = 0.0;
  std::vector<std::pair<std::string, double>> cargo_mix;     // class id -> share of TEU
  std::vector<std::pair<std::string, double>> origins;       // terminal id -> share (without pairs)
  std::vector<std::pair<std::string, double>> destinations;  // terminal id -> share (without pairs)
  std::vector<market_pair_spec> pairs;                       // explicit pairs; overrides the product
  std::array<double, 12> seasonality{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  double train_capacity_teu = 0.0;  // 0 = the scenario's
  double max_wait_h = 72.0;
  double promised_transit_days = 0.0;      // rail door to door, for the on-time share; 0 = no promise
  double rail_constant_usd_per_teu = 0.0;  // rail's alternative-specific constant in mode choice
  // Rail's through price against the year the constant was estimated in, by month (an input: what changed in
  // the world), added to rail's generalized cost in mode choice with the constant.
  std::array<double, 12> rail_price_change_usd_per_teu{};
  std::vector<std::string> alternatives;  // alternative ids
  std::vector<market_risk_spec> risks;
  // Multi-year runs: compound growth a year from the first year, or teu_per_year year by year (one per year).
  double growth_per_year = 0.0;
  std::vector<double> teu_per_year_by_year;
  source_loc loc;
};

// A project of a multi-year run: from its opening day on, the nodes and edges it names take the values
// written here (each a whole spec: the scenario's element with the project's keys over it, and over any
// project opened before it that changed the same element).
struct project_spec {
  std::string id;
  std::string name;
  std::string source;
  std::string opens;       // as written: YYYY-MM-DD or a year (its 1 January)
  double opens_day = 0.0;  // day of the run
  std::vector<node_spec> nodes;
  std::vector<edge_spec> edges;
  source_loc loc;
};

// How shippers choose a mode (nested over corridor families and routes) and how often they revisit it.
struct choice_spec {
  double mode_scale_per_usd = 0.0005;
  double family_scale_per_usd = 0.003;
  double update_days = 7.0;
  bool path_size = true;
};

// A share the report measures: of trains between two regions (either way), those passing a region (via) or
// passing none of its nodes (avoiding).
struct share_spec {
  std::string id;
  std::string from_region;
  std::string to_region;
  std::string via_region;
  std::string avoiding_region;
  source_loc loc;
};

struct route_choice_spec {
  route_choice_mode mode = route_choice_mode::logit;
  int k_paths = 4;
  double logit_scale_per_usd = 0.004;  // theta: P(route) ~ exp(-theta * generalized cost per TEU)
};

// What the report measures: the share of traffic between two region groups that passes through a region.
struct report_spec {
  std::string share_region = "central_asia";
  std::string origin_region = "china";
  std::string destination_region = "europe";
  std::vector<share_spec> shares;     // in the scenario's order
  std::vector<std::string> gateways;  // crossings whose share of the first share's trains is reported
};

struct scenario {
  std::string name;
  std::string description;
  std::string source_file;
  std::uint64_t seed = 1;
  double horizon_days = 365.0;
  double warmup_days = 0.0;
  double train_capacity_teu = 82.0;
  route_choice_spec route_choice;
  choice_spec choice;
  report_spec report;
  std::vector<region_spec> regions;
  std::vector<node_spec> nodes;
  std::vector<edge_spec> edges;
  std::vector<cargo_class_spec> cargo_classes;
  std::vector<service_class_spec> service_classes;
  std::vector<wagon_pool_spec> wagon_pools;
  std::vector<flow_spec> flows;
  std::vector<disruption_spec> disruptions;
  std::vector<family_spec> families;
  std::vector<alternative_spec> alternatives;
  std::vector<market_spec> markets;
  // A multi-year run (`years`): calendar years first_year .. last_year of 365 days each, horizon_days their
  // sum; 0 for a scenario of one unnamed year. Projects in order of opening.
  int first_year = 0;
  int last_year = 0;
  std::vector<project_spec> projects;
  bool multi_year() const noexcept { return first_year != 0; }
  int year_count() const noexcept { return multi_year() ? last_year - first_year + 1 : 1; }

  const node_spec* find_node(std::string_view id) const noexcept;
  const edge_spec* find_edge(std::string_view id) const noexcept;
  const region_spec* find_region(std::string_view id) const noexcept;
  const cargo_class_spec* find_cargo_class(std::string_view id) const noexcept;
  const service_class_spec* find_service_class(std::string_view id) const noexcept;
  const alternative_spec* find_alternative(std::string_view id) const noexcept;
  const market_spec* find_market(std::string_view id) const noexcept;
  // True when the country belongs to the region.
  bool in_region(std::string_view region, std::string_view country) const noexcept;
  // True when the node belongs to the region: its country is listed, or the node itself.
  bool node_in_region(std::string_view region, const node_spec& node) const noexcept;
  // A region's display name for labels: its `name`, else its id with each '_' a space and each word
  // capitalized ("central_asia": "Central Asia").
  std::string region_name(std::string_view region) const;
};

// The report's headline share, whose metrics are share_<region>_*: the first report share when the report
// defines shares, else share_region between origin_region and destination_region (id "headline").
share_spec headline_share(const report_spec& r);

// The name a scenario file uses for a node kind ("terminal", "junction", "crossing", "port").
std::string_view to_string(node_kind k) noexcept;

// How a scenario may be loaded.
struct load_options {
  // `extends` may name a file outside the scenario's folder tree: its own folder, or the nearest folder above
  // it that holds a file named `.corridor-root` (docs/scenarios.md, Overlays). The CLI's --allow-outside.
  bool allow_outside = false;
};

// Loads, resolves `extends` overlays and validates. Throws scenario_error listing every problem found.
scenario load_scenario(const std::filesystem::path& file, const load_options& options = {});
// The same from text; `name` stands for the file in messages and relative `extends` resolve from `base_dir`
// (the current folder when empty), whose folder tree also confines them.
scenario load_scenario_text(std::string_view yaml, std::string_view name,
                            const std::filesystem::path& base_dir = {}, const load_options& options = {});
// Checks a resolved scenario (also run by the loaders). Throws scenario_error.
void validate(const scenario& s);
// The fully resolved scenario as YAML that loads back to the same scenario (`corridor show`).
std::string to_yaml(const scenario& s);
// A JSON Schema (draft 2020-12) of the scenario format, with descriptions and units (`corridor schema`).
std::string scenario_json_schema();

}  // namespace corridor

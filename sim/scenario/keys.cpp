// The tables of the scenario format: every key of every map, with type, range, unit and meaning.
#include "keys.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace corridor::detail {
namespace {

// Builds one key_spec fluently, so each table row reads as a sentence.
struct key {
  key_spec s;
  key(std::string_view name, vtype type, std::string_view description, std::string_view unit = {}) {
    s.name = name;
    s.type = type;
    s.description = description;
    s.unit = unit;
  }
  key& req() {
    s.required = true;
    return *this;
  }
  key& only(applies a) {
    s.only = a;
    return *this;
  }
  key& ge(double v) {
    s.min = v;
    return *this;
  }
  key& gt(double v) {
    s.min = v;
    s.min_exclusive = true;
    return *this;
  }
  key& le(double v) {
    s.max = v;
    return *this;
  }
  key& lt(double v) {
    s.max = v;
    s.max_exclusive = true;
    return *this;
  }
  key& zero_or_ge(double v) {
    s.nonzero_min = v;
    return *this;
  }
  key& choices(std::vector<std::string_view> c) {
    s.choices = std::move(c);
    return *this;
  }
  key& ints(std::vector<int> c) {
    s.int_choices = std::move(c);
    return *this;
  }
  key& of(std::string_view section_name) {
    s.section = section_name;
    return *this;
  }
  operator key_spec() const { return s; }  // NOLINT: the builder is meant to convert
};

using vt = vtype;

// Upper bounds (and lower bounds above 0) keep every derived time, count and cost finite: a value that passes
// them cannot make a run fail deep inside with a NaN time, a bad_alloc or a false "no route". Each is far
// beyond any real corridor; docs/scenarios.md gives the reasons.
constexpr double max_usd_per_teu = 1e5;  // fees, fares, handling, subsidies: 20 times a whole transit's cost
// A door-to-door cost, a mode's constant or a risk premium, per TEU: air freight of a TEU's load is ~1e5 at
// the most. Times any value of time and day count allowed, a generalized cost stays below 1e12.
constexpr double max_cost_usd_per_teu = 1e7;
// A market's yearly TEU of all modes: the world's container trade is ~9e8 TEU a year. Spread over a year's
// days and a train's TEU, still far inside the range where counts are exact in a double.
constexpr double max_teu_per_year = 1e9;
// A door-to-door transit: ten years, where an ocean voyage takes 30 to 50 days.
constexpr double max_transit_days = 3650;
// The scales of mode and family choice, per USD: below this, a million USD per TEU moves the odds by less
// than e (no choice is left), and an inclusive cost, which divides a logarithm by the scale, could overflow.
constexpr double min_choice_scale_per_usd = 1e-6;

// Flows and markets promise a transit the same way.
key promised_transit_key() {
  return key("promised_transit_days", vt::number,
             "Door-to-door transit promised to shippers; the on-time share counts containers within it "
             "(default: none)",
             "days")
      .gt(0)
      .le(365);
}

std::vector<section_spec> make_sections() {
  std::vector<section_spec> all;
  all.push_back(
      {"top",
       "A corridor scenario",
       {
           key("extends", vt::string, "A base scenario this file overlays, relative to this file"),
           key("name", vt::string, "Name of the scenario (default: the file name without extension)"),
           key("description", vt::string, "Free text"),
           key("seed", vt::integer, "Base seed of all random streams").ge(0),
           key("horizon_days", vt::number, "Simulated time", "days").gt(0).le(36525),
           key("warmup_days", vt::number, "Initial time excluded from reported metrics; < horizon_days",
               "days")
               .ge(0),
           key("train_capacity_teu", vt::number, "Capacity of a block train", "TEU").ge(1).le(1000),
           key("route_choice", vt::map, "How trains choose among routes").of("route_choice"),
           key("report", vt::map,
               "What the report measures: the legacy share's regions, report shares and gateways")
               .of("report"),
           key("choice", vt::map, "How shippers choose a mode and a corridor family (markets)").of("choice"),
           key("regions", vt::id_map,
               "Region id -> list of ISO 3166 alpha-2 country codes, or {countries, nodes}")
               .of("region"),
           key("cargo_classes", vt::id_map, "Cargo class id -> cargo class").of("cargo_class"),
           key("service_classes", vt::id_map,
               "Service class id -> a class of train above ordinary (an express with priority paths)")
               .of("service_class"),
           key("wagon_pools", vt::id_map,
               "Wagon pool id -> platforms of one gauge at home nodes; without pools wagons are never short")
               .of("wagon_pool"),
           key("nodes", vt::id_map, "Node id -> node").of("node"),
           key("edges", vt::id_map, "Edge id -> rail line or ferry leg").of("edge"),
           key("flows", vt::id_map, "Flow id -> origin-destination demand").of("flow"),
           key("disruptions", vt::id_map, "Disruption id -> disruption").of("disruption"),
           key("corridor_families", vt::id_map,
               "Family id -> corridor family, in priority order: a route belongs to the first it passes")
               .of("family"),
           key("alternatives", vt::id_map, "Alternative id -> a mode other than rail (sea, air, road)")
               .of("alternative"),
           key("markets", vt::id_map, "Market id -> demand of all modes between two regions").of("market"),
           key("remove", vt::string_list,
               "Overlays only: ids of base nodes, edges, flows, disruptions, markets, corridor families, "
               "alternatives, wagon pools or report shares to drop"),
           key("years", vt::map,
               "A multi-year run: calendar years {from, to} of 365 days each; sets horizon_days")
               .of("years"),
           key("projects", vt::id_map,
               "Multi-year runs: project id -> nodes and edges that change on an opening date")
               .of("project"),
           key("scale_demand", vt::scale,
               "Overlays only: multiplies the demand of all (or the listed) flows and markets")
               .gt(0)
               .le(1000)
               .of("scale_demand"),
       }});
  all.push_back(
      {"route_choice",
       "Route choice among the k cheapest paths",
       {
           key("mode", vt::choice, "logit: by generalized cost with a logit; cheapest: always the cheapest")
               .choices({"logit", "cheapest"}),
           key("k_paths", vt::integer, "Number of candidate paths per origin-destination").ge(1).le(16),
           key("logit_scale_per_usd", vt::number, "Logit scale theta: P(route) ~ exp(-theta * cost per TEU)",
               "1/USD")
               .gt(0),
       }});
  all.push_back(
      {"report",
       "Regions of the reported transit share",
       {
           key("share_region", vt::string, "Region whose transit share is reported (region id)"),
           key("origin_region", vt::string, "Origin side of the measured traffic (region id)"),
           key("destination_region", vt::string, "Destination side of the measured traffic (region id)"),
           key("shares", vt::id_map, "Share id -> a share of trains between two regions to report")
               .of("share"),
           key("gateways", vt::string_list,
               "Crossing ids whose share of the first share's trains is reported (needs a share)"),
       }});
  all.push_back({"share",
                 "The share of trains between two regions (either way) passing a region (via) or none of it "
                 "(avoiding); give one of via and avoiding",
                 {
                     key("from", vt::string, "Region id at one end").req(),
                     key("to", vt::string, "Region id at the other end").req(),
                     key("via", vt::string, "Region id the counted trains pass"),
                     key("avoiding", vt::string, "Region id the counted trains do not pass"),
                 }});
  all.push_back(
      {"choice",
       "Nested logit of shippers: mode, then corridor family, then route (route_choice); "
       "mode_scale_per_usd <= family_scale_per_usd <= route_choice.logit_scale_per_usd",
       {
           key("mode_scale_per_usd", vt::number,
               "Scale of mode choice: P(mode) ~ exp(-theta_mode * generalized cost per TEU)", "1/USD")
               .ge(min_choice_scale_per_usd),
           key("family_scale_per_usd", vt::number, "Scale of the choice among corridor families", "1/USD")
               .ge(min_choice_scale_per_usd),
           key("update_days", vt::number, "How often mode and family shares are revisited", "days")
               .gt(0)
               .le(365),
           key("path_size", vt::boolean, "Path-size correction of near-duplicate routes within a family"),
       }});
  all.push_back({"region",
                 "A list of ISO 3166 alpha-2 country codes, or a map naming countries and nodes (and the "
                 "region's display name); a node is in the region when its country or its id is listed",
                 {
                     key("countries", vt::string_list, "ISO 3166 alpha-2 country codes"),
                     key("nodes", vt::string_list, "Node ids in the region whatever their country"),
                     key("name", vt::string,
                         "Display name in labels (default: the id, '_' as spaces, words capitalized)"),
                 }});
  all.push_back(
      {"cargo_class",
       "A class of cargo with its value of time",
       {
           key("value_of_time_usd_per_teu_day", vt::number, "Cost of a day in transit", "USD/TEU/day")
               .ge(0)
               .le(max_usd_per_teu),
           key("goods_value_usd_per_teu", vt::number, "Value of the goods in a TEU", "USD/TEU").ge(0).le(1e8),
       }});
  all.push_back(
      {"node",
       "A terminal, junction, border crossing or port",
       {
           key("name", vt::string, "Display name (default: the id)"),
           key("kind", vt::choice, "What the node is")
               .req()
               .choices({"terminal", "junction", "crossing", "port"}),
           key("country", vt::string, "ISO 3166 alpha-2 country code").req(),
           key("lat", vt::number, "Latitude", "degrees").req().ge(-90).le(90),
           key("lon", vt::number, "Longitude", "degrees").req().ge(-180).le(180),
           key("subsidy_usd_per_teu", vt::number, "Subsidy per TEU paid to trains leaving this terminal",
               "USD/TEU")
               .ge(-max_usd_per_teu)
               .le(max_usd_per_teu),
           key("opens", vt::string,
               "Multi-year runs: closed until this date (YYYY-MM-DD, or a year for its 1 January)"),
           key("handling_usd_per_teu", vt::number, "Terminal or port handling per TEU passing", "USD/TEU")
               .ge(0)
               .le(max_usd_per_teu),
           key("tracks", vt::integer, "Parallel servers (crossings)").ge(1).le(100).only(applies::crossing),
           key("tracks_entering", vt::integer,
               "Of tracks, those kept for trains arriving from another country; 0 = none kept", "tracks")
               .ge(0)
               .le(100)
               .only(applies::crossing),
           key("tracks_leaving", vt::integer,
               "Of tracks, those kept for trains arriving from the crossing's own country; 0 = none kept",
               "tracks")
               .ge(0)
               .le(100)
               .only(applies::crossing),
           key("transshipment_h", vt::distribution, "Service time per train when the gauge changes", "h")
               .only(applies::crossing),
           key("pass_through_h", vt::distribution, "Service time per train when the gauge does not change",
               "h")
               .only(applies::crossing),
           key("customs_dwell_h", vt::distribution, "Customs dwell after service; holds no track", "h")
               .only(applies::crossing),
           key("customs_servers", vt::integer,
               "Trains in customs at once, the rest queue after their track; 0 = no limit (a delay only)",
               "trains")
               .ge(0)
               .le(1000)
               .only(applies::crossing),
           key("daily_cap_trains", vt::integer, "Trains starting service per day; 0 = no cap", "trains/day")
               .ge(0)
               .le(10000)
               .only(applies::crossing),
           key("daily_cap_trains_entering", vt::integer,
               "Trains arriving from another country starting service per day; 0 = no cap", "trains/day")
               .ge(0)
               .le(10000)
               .only(applies::crossing),
           key("daily_cap_trains_leaving", vt::integer,
               "Trains arriving from the crossing's own country starting service per day; 0 = no cap",
               "trains/day")
               .ge(0)
               .le(10000)
               .only(applies::crossing),
           key("daily_plan_trains_entering", vt::integer,
               "Trains from another country admitted per day by the plan, booked at their origin; 0 = no "
               "plan",
               "trains/day")
               .ge(0)
               .le(10000)
               .only(applies::crossing),
           key("daily_plan_trains_leaving", vt::integer,
               "Trains from the crossing's own country admitted per day by the plan, booked at their origin; "
               "0 = no plan",
               "trains/day")
               .ge(0)
               .le(10000)
               .only(applies::crossing),
           key("daily_plan_booking_days", vt::number,
               "Days after its expected arrival a train may still book a daily plan; a plan full that long "
               "closes the route to new trains",
               "days")
               .gt(0)
               .le(365)
               .only(applies::crossing),
           key("fee_usd_per_teu", vt::number, "Crossing fee", "USD/TEU")
               .ge(0)
               .le(max_usd_per_teu)
               .only(applies::crossing),
           key("reblock", vt::boolean,
               "Re-blocking: where the gauge changes, containers leave their train and go on in new trains "
               "of the next network's length, per flow and route")
               .only(applies::crossing),
           key("reblock_train_wagons_entering", vt::integer,
               "Re-blocking: wagons (2 TEU each) of the trains formed for those arriving from another "
               "country; 0 = the flow's train capacity",
               "wagons")
               .ge(0)
               .le(500)
               .only(applies::crossing),
           key("reblock_train_wagons_leaving", vt::integer,
               "Re-blocking: wagons (2 TEU each) of the trains formed for those arriving from the "
               "crossing's own country; 0 = the flow's train capacity",
               "wagons")
               .ge(0)
               .le(500)
               .only(applies::crossing),
           key("reblock_max_hold_h", vt::number,
               "Re-blocking: a part-full train leaves once its oldest container has waited this long", "h")
               .gt(0)
               .le(8760)
               .only(applies::crossing),
           key("berths", vt::integer,
               "Berths where ships load and unload, one ship each; 0 = not modelled (at once)")
               .ge(0)
               .le(100)
               .only(applies::port),
           key("crane_teu_per_h", vt::number, "Feeders load and unload at this rate per berth; 0 = at once",
               "TEU/h")
               .ge(0)
               .le(1e4)
               .only(applies::port),
           key("ramp_wagons_per_h", vt::number,
               "Rail ferries roll wagons on or off at this rate per berth; 0 = at once", "wagons/h")
               .ge(0)
               .le(1e4)
               .only(applies::port),
           key("yard_capacity_teu", vt::number,
               "Containers waiting for a feeder; when full, arriving trains wait outside; 0 = unlimited",
               "TEU")
               .ge(0)
               .le(1e7)
               .only(applies::port),
           key("dwell_h", vt::distribution,
               "A train's containers stay in the yard at least this long before they may be loaded", "h")
               .only(applies::port),
       }});
  all.push_back(
      {"edge",
       "A rail line or ferry leg",
       {
           key("from", vt::string, "Node id at one end").req(),
           key("to", vt::string, "Node id at the other end").req(),
           key("mode", vt::choice, "rail or ferry").choices({"rail", "ferry"}),
           key("opens", vt::string,
               "Multi-year runs: closed until this date (YYYY-MM-DD, or a year for its 1 January)"),
           key("distance_km", vt::number, "Length", "km").req().ge(0.001).le(20000),
           key("speed_km_per_day", vt::number, "Mean speed", "km/day").ge(1).le(1e5),
           key("gauge_mm", vt::integer, "Track gauge (rail)", "mm")
               .ints({1000, 1435, 1520, 1668})
               .only(applies::rail),
           key("tariff_usd_per_teu_km", vt::number, "Rail haulage tariff", "USD/TEU/km")
               .ge(0)
               .le(100)
               .only(applies::rail),
           key("slots_per_day", vt::integer, "Train departures per day per direction; 0 = unlimited",
               "trains/day")
               .ge(0)
               .le(10000),
           key("open_from_hour", vt::number,
               "Trains enter the line only from this hour of the day (with open_to_hour; equal: always)", "h")
               .ge(0)
               .lt(24)
               .only(applies::rail),
           key("open_to_hour", vt::number,
               "... until this hour of the day; before open_from_hour: the window wraps past midnight", "h")
               .ge(0)
               .le(24)
               .only(applies::rail),
           key("travel_time_cv", vt::number, "Coefficient of variation of travel time (lognormal); 0 = fixed")
               .ge(0)
               .le(10),
           key("bidirectional", vt::boolean, "Also runs from 'to' to 'from'"),
           key("every_days", vt::number, "A sailing every N days (or use weekdays)", "days")
               .ge(0.01)
               .le(365)
               .only(applies::ferry),
           key("weekdays", vt::weekdays, "Sailing days").only(applies::ferry),
           key("departure_hour", vt::number, "Hour of day of each sailing", "h")
               .ge(0)
               .lt(24)
               .only(applies::ferry),
           key("sailing", vt::choice,
               "schedule: every_days or weekdays; when_full: when the waiting trains fill the ship or "
               "max_wait_h after the first began to wait")
               .choices({"schedule", "when_full"})
               .only(applies::ferry),
           key("max_wait_h", vt::number, "when_full: the longest the first waiting train waits", "h")
               .gt(0)
               .le(8760)
               .only(applies::ferry),
           key("service", vt::choice,
               "feeder: carries TEU (capacity_teu); rail_ferry: whole wagons "
               "(capacity_wagons, 2 TEU per wagon)")
               .choices({"feeder", "rail_ferry"})
               .only(applies::ferry),
           key("capacity_wagons", vt::number, "Rail ferries: wagons per sailing (required for them)",
               "wagons")
               .ge(1)
               .le(1e4)
               .only(applies::ferry),
           key("capacity_teu", vt::number, "Capacity per sailing (required for feeders)", "TEU")
               .ge(1)
               .le(1e5)
               .only(applies::ferry),
           key("fare_usd_per_teu", vt::number, "Ferry fare", "USD/TEU")
               .ge(0)
               .le(max_usd_per_teu)
               .only(applies::ferry),
           key("cancel_probability_by_month", vt::months1or12,
               "Weather cancellation probability, one or 12 values")
               .ge(0)
               .le(1)
               .only(applies::ferry),
       }});
  all.push_back(
      {"service_class",
       "A class of train service with priority paths: served first in queues, not held by daily plans",
       {
           key("description", vt::string, "Free text"),
           key("priority", vt::integer,
               "Served before trains of lower priority in every queue (ordinary trains: 0; default 1)")
               .ge(1)
               .le(100),
           key("speed_factor", vt::number,
               "Travel time on every rail line divided by this (default 1: an ordinary train's)")
               .gt(0)
               .le(3),
       }});
  all.push_back(
      {"wagon_pool",
       "Platforms of one gauge kept at home nodes: trains forming or changing to that gauge there take "
       "ceil(TEU / 2) of them, and empties go back as trains",
       {
           key("description", vt::string, "Free text"),
           key("operator", vt::string, "Who runs the pool (free text)"),
           key("gauge_mm", vt::integer, "The gauge of its wagons", "mm").req().ints({1000, 1435, 1520, 1668}),
           key("size_wagons", vt::integer, "Platforms in the pool, split evenly among its homes", "wagons")
               .req()
               .ge(1)
               .le(1000000),
           key("home", vt::string_list,
               "Node ids where its wagons are kept: terminals where trains form, crossings where the gauge "
               "changes to the pool's")
               .req(),
           key("turnaround_h", vt::number,
               "At home, from an empty train's arrival until its wagons can be loaded again (loading, "
               "inspection)",
               "h")
               .ge(0)
               .le(8760),
       }});
  all.push_back(
      {"flow",
       "Demand from one terminal to another",
       {
           key("from", vt::string, "Origin terminal id").req(),
           key("to", vt::string, "Destination terminal id").req(),
           key("cargo_class", vt::string, "Cargo class id").req(),
           key("teu_per_week", vt::number, "Mean demand", "TEU/week").req().gt(0).le(1e5),
           key("arrivals", vt::choice, "poisson or scheduled (evenly spaced)")
               .choices({"poisson", "scheduled"}),
           key("seasonality", vt::months12, "Demand multipliers by month, January first").gt(0).le(100),
           key("departures", vt::choice, "on_demand (when full or after max_wait_h) or timetable")
               .choices({"on_demand", "timetable"}),
           key("max_wait_h", vt::number, "on_demand: a part-full train leaves after this wait", "h")
               .gt(0)
               .le(8760),
           key("timetable_weekdays", vt::weekdays, "timetable: departure days"),
           key("growth_per_year", vt::number,
               "Multi-year runs: compound growth of teu_per_week a year from the first year")
               .ge(-0.5)
               .le(1),
           key("teu_per_week_by_year", vt::number_list,
               "Multi-year runs: teu_per_week year by year, one per year (instead of growth_per_year)",
               "TEU/week")
               .gt(0)
               .le(1e5),
           promised_transit_key(),
           key("service_class", vt::string, "Service class id (default: an ordinary block train)"),
           key("timetable_hour", vt::number, "timetable: hour of day of departures", "h").ge(0).lt(24),
           key("train_capacity_teu", vt::number, "Train capacity for this flow (default: the scenario's)",
               "TEU")
               .ge(1)
               .le(1000),
       }});
  all.push_back(
      {"disruption",
       "A node or edge closed or cut in capacity for a time",
       {
           key("target", vt::string, "Node id or edge id").req(),
           key("from_day", vt::number, "Start (random: start of the window, default 0)", "days").ge(0),
           key("to_day", vt::number,
               "End; from_day < to_day <= horizon_days (random: end of the window, default the horizon)",
               "days")
               .gt(0),
           key("capacity_factor", vt::number, "Remaining fraction of capacity; 0 closes")
               .ge(0)
               .lt(1)
               .zero_or_ge(0.001),
           key("expected_to_day", vt::number,
               "Scheduled: the end announced to the trains choosing routes (default to_day); when it "
               "passes and the disruption is still in force, they expect it to last as long again",
               "days")
               .gt(0),
           key("rate_per_year", vt::number,
               "Random: onsets per year (a Poisson process in the window); each lasts a draw of "
               "duration_days",
               "1/yr")
               .gt(0)
               .le(365),
           key("duration_days", vt::distribution, "Random: length of each onset; the trains expect its mean",
               "days"),
           key("with", vt::string_list,
               "Random: other node or edge ids each onset disrupts at the same time (a border closed "
               "as a whole)"),
           key("cause", vt::string, "What it stands for: weather, strike, political, ... (reported)"),
       }});
  all.push_back(
      {"family",
       "A corridor family: the routes passing one of its via nodes",
       {
           key("name", vt::string, "Display name (default: the id)"),
           key("via", vt::string_list, "Node ids; a route passing one of them belongs to the family").req(),
           key("constant_usd_per_teu", vt::number,
               "Added to the cost of every route of the family in route and family choice (estimated)",
               "USD/TEU")
               .ge(-max_cost_usd_per_teu)
               .le(max_cost_usd_per_teu),
       }});
  all.push_back(
      {"alternative",
       "A way other than rail that a market's shippers have: door-to-door cost and transit by month",
       {
           key("mode", vt::choice, "What it is").req().choices({"sea", "air", "road", "other"}),
           key("cost_usd_per_teu", vt::months1or12, "Door-to-door cost, one or 12 values (January first)",
               "USD/TEU")
               .req()
               .ge(0)
               .le(max_cost_usd_per_teu),
           key("transit_days", vt::months1or12, "Door-to-door transit, one or 12 values (January first)",
               "days")
               .req()
               .gt(0)
               .le(max_transit_days),
           key("classes", vt::string_list, "Cargo class ids that may use it (default: all)"),
           key("cost_growth_per_year", vt::number,
               "Multi-year runs: compound growth of cost_usd_per_teu (every month) a year from the first "
               "year")
               .ge(-0.5)
               .le(1),
           key("cost_scale_by_year", vt::number_list,
               "Multi-year runs: multiplier of cost_usd_per_teu year by year, one per year (instead of "
               "cost_growth_per_year)")
               .gt(0)
               .le(100),
           key("description", vt::string, "Free text"),
       }});
  all.push_back(
      {"market",
       "Demand of all modes from one region to another, split by cargo class and terminals; give origins "
       "and destinations, or pairs",
       {
           key("from", vt::string, "Region id of the origins").req(),
           key("to", vt::string, "Region id of the destinations").req(),
           key("teu_per_year", vt::number, "Demand of all modes", "TEU/year")
               .req()
               .gt(0)
               .le(max_teu_per_year),
           key("cargo_mix", vt::number_map, "Cargo class id -> share of the TEU; the shares sum to 1")
               .req()
               .gt(0)
               .le(1),
           key("origins", vt::number_map, "Terminal id (in the from region) -> share; the shares sum to 1")
               .gt(0)
               .le(1),
           key("destinations", vt::number_map, "Terminal id (in the to region) -> share; the shares sum to 1")
               .gt(0)
               .le(1),
           key("pairs", vt::id_map, "Pair id -> origin-destination pair; instead of origins and destinations")
               .of("market_pair"),
           key("seasonality", vt::months12, "Demand multipliers by month, January first").gt(0).le(100),
           key("train_capacity_teu", vt::number, "Train capacity (default: the scenario's)", "TEU")
               .ge(1)
               .le(1000),
           key("max_wait_h", vt::number, "A part-full train leaves after this wait", "h").gt(0).le(8760),
           promised_transit_key(),
           key("rail_constant_usd_per_teu", vt::number, "Added to rail's generalized cost in mode choice",
               "USD/TEU")
               .ge(-max_cost_usd_per_teu)
               .le(max_cost_usd_per_teu),
           key("rail_price_change_usd_per_teu", vt::months1or12,
               "Change of rail's through price against the year rail_constant_usd_per_teu was estimated in, "
               "one or 12 values (January first); added to rail's generalized cost in mode choice",
               "USD/TEU")
               .ge(-max_cost_usd_per_teu)
               .le(max_cost_usd_per_teu),
           key("alternatives", vt::string_list, "Alternative ids open to its shippers (default: none)"),
           key("risk", vt::id_map, "Region id -> shippers' aversion to routes through it").of("market_risk"),
           key("growth_per_year", vt::number,
               "Multi-year runs: compound growth of teu_per_year a year from the first year")
               .ge(-0.5)
               .le(1),
           key("teu_per_year_by_year", vt::number_list,
               "Multi-year runs: teu_per_year year by year, one per year (instead of growth_per_year)",
               "TEU/year")
               .gt(0)
               .le(max_teu_per_year),
       }});
  all.push_back(
      {"market_pair",
       "One origin-destination pair of a market and its share of the market's TEU",
       {
           key("from", vt::string, "Origin terminal id, in the market's from region").req(),
           key("to", vt::string, "Destination terminal id, in the market's to region").req(),
           key("share", vt::number, "Share of the market's TEU; a market's pairs sum to 1").req().gt(0).le(1),
       }});
  all.push_back(
      {"market_risk",
       "Shippers' aversion to routes through a region",
       {
           key("avoid_share", vt::number, "Share of shippers who never use such routes").ge(0).le(1),
           key("premium_usd_per_teu", vt::number, "What the others add to such routes' cost", "USD/TEU")
               .ge(0)
               .le(max_cost_usd_per_teu),
       }});
  all.push_back(
      {"years",
       "The calendar years of a multi-year run, both counted; each is 365 days",
       {
           key("from", vt::integer, "First year").req().ge(1900).le(2200),
           key("to", vt::integer, "Last year (at most 100 years after from)").req().ge(1900).le(2200),
       }});
  all.push_back(
      {"project",
       "A change on a date: from `opens` on, the nodes and edges listed take the values given (the other "
       "keys stay)",
       {
           key("opens", vt::string, "Opening date: YYYY-MM-DD, or a year for its 1 January").req(),
           key("name", vt::string, "Display name (default: the id)"),
           key("source", vt::string, "Where its numbers come from"),
           key("nodes", vt::id_map, "Node id -> the node's keys that change (not kind or country)")
               .of("node"),
           key("edges", vt::id_map, "Edge id -> the edge's keys that change (not from, to, mode or gauge)")
               .of("edge"),
       }});
  all.push_back(
      {"scale_demand",
       "Demand scaling of an overlay: with neither flows nor markets, every flow and market",
       {
           key("factor", vt::number, "Multiplier of teu_per_week (flows) and teu_per_year (markets)")
               .req()
               .gt(0)
               .le(1000),
           key("flows", vt::string_list, "Flow ids to scale"),
           key("markets", vt::string_list, "Market ids to scale"),
       }});
  return all;
}

}  // namespace

bool key_spec::in_range(double v) const noexcept {
  if (min && (min_exclusive ? v <= *min : v < *min)) return false;
  if (max && (max_exclusive ? v >= *max : v > *max)) return false;
  if (nonzero_min && v != 0.0 && v < *nonzero_min) return false;
  return true;
}

std::string key_spec::range_text() const {
  std::string lo, hi;
  if (min) lo = (min_exclusive ? "> " : ">= ") + format_number(*min);
  if (nonzero_min) lo = "0 or >= " + format_number(*nonzero_min);
  if (max) hi = (max_exclusive ? "< " : "<= ") + format_number(*max);
  if (!lo.empty() && max) return lo + " and " + hi;
  return lo + hi;
}

const key_spec* section_spec::find(std::string_view k) const noexcept {
  for (const auto& spec : keys) {
    if (spec.name == k) return &spec;
  }
  return nullptr;
}

const key_spec& section_spec::at(std::string_view k) const {
  if (const auto* spec = find(k)) return *spec;
  throw std::logic_error("scenario keys: section '" + std::string(name) + "' has no key '" + std::string(k) +
                         "'");
}

std::vector<std::string> section_spec::names() const {
  std::vector<std::string> out;
  for (const auto& spec : keys) out.emplace_back(spec.name);
  return out;
}

const section_spec& section(std::string_view name) {
  static const std::vector<section_spec> all = make_sections();
  for (const auto& s : all) {
    if (s.name == name) return s;
  }
  throw std::logic_error("scenario keys: no section '" + std::string(name) + "'");
}

const std::vector<dist_spec>& dist_specs() {
  static const std::vector<dist_spec> all = {
      {"constant", {"value"}, "always the same value"},
      {"uniform", {"min", "max"}, "uniform between min and max"},
      {"exponential", {"mean"}, "exponential with the given mean"},
      {"normal", {"mean", "sd"}, "normal, truncated at 0"},
      {"lognormal", {"mean", "sd"}, "lognormal with the mean and sd of the variable itself"},
      {"triangular", {"min", "mode", "max"}, "triangular"},
      {"empirical", {"values", "weights"}, "a choice among values, with optional weights"},
  };
  return all;
}

const dist_spec* find_dist(std::string_view name) noexcept {
  for (const auto& d : dist_specs()) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

bool is_valid_id(std::string_view id) noexcept {
  const auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (id.empty() || !alnum(id[0])) return false;
  for (char c : id) {
    if (!alnum(c) && c != '_' && c != '-' && c != '.') return false;
  }
  return true;
}

bool is_country_code(std::string_view code) noexcept {
  return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

bool parse_number(std::string_view text, double& out) noexcept {
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  double v = 0.0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), v);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() || !std::isfinite(v)) return false;
  out = v;
  return true;
}

bool parse_integer(std::string_view text, long long& out) noexcept {
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  long long v = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), v);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) return false;
  out = v;
  return true;
}

std::string format_number(double v) {
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, result.ptr);
}

}  // namespace corridor::detail

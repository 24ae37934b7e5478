// The semantic checks of a resolved scenario: ranges, references, gauges and reachability. Runs on the
// structs, so it also checks scenarios changed in memory (sweeps); a locator, when the scenario came from a
// file, points each message at the value as written rather than at its entity.
#include "checker.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace corridor::detail {
namespace {

std::string_view dist_name(dist_kind k) {
  switch (k) {
    case dist_kind::constant:
      return "constant";
    case dist_kind::uniform:
      return "uniform";
    case dist_kind::exponential:
      return "exponential";
    case dist_kind::normal:
      return "normal";
    case dist_kind::lognormal:
      return "lognormal";
    case dist_kind::triangular:
      return "triangular";
    case dist_kind::empirical:
      break;
  }
  return "empirical";
}

}  // namespace

void checker::dist(const node_spec& n, std::string_view key, const distribution& d) {
  const auto loc = at("nodes", n.id, key, n.loc);
  const std::string label = std::string(key) + " of node " + q(n.id);
  try {
    d.check();
  } catch (const std::invalid_argument& e) {
    return diags_.error(loc, label + ": invalid distribution: " + e.what());
  }
  const dist_spec& spec = *find_dist(dist_name(d.kind));
  const double params[] = {d.a, d.b, d.c};
  for (std::size_t i = 0; i < spec.params.size() && d.kind != dist_kind::empirical; ++i) {
    if (params[i] > dist_max_h) return too_long(loc, label, spec, spec.params[i], params[i]);
  }
  for (const double v : d.values) {
    if (v > dist_max_h) return too_long(loc, label, spec, "values", v);
  }
  if (d.kind == dist_kind::lognormal && d.a < lognormal_min_mean_h) {
    diags_.error(loc, label + ": mean of lognormal must be >= " + format_number(lognormal_min_mean_h) +
                          " h, got " + format_number(d.a));
  }
}

void checker::top() {
  const auto loc = top_loc();
  range("top", "", "", "", "horizon_days", s_.horizon_days, loc);
  range("top", "", "", "", "warmup_days", s_.warmup_days, loc);
  if (s_.warmup_days >= s_.horizon_days && s_.horizon_days > 0) {
    diags_.error(at("", "", "warmup_days", loc), "warmup_days must be < horizon_days (" +
                                                     format_number(s_.horizon_days) + "), got " +
                                                     format_number(s_.warmup_days));
  }
  range("top", "", "", "", "train_capacity_teu", s_.train_capacity_teu, loc);
  range("route_choice", "route_choice", "", "route_choice", "k_paths", s_.route_choice.k_paths, loc);
  range("route_choice", "route_choice", "", "route_choice", "logit_scale_per_usd",
        s_.route_choice.logit_scale_per_usd, loc);
  const auto& r = s_.report;
  reference("report", "", "share_region", "share_region of report", r.share_region, "region", regions_, loc);
  reference("report", "", "origin_region", "origin_region of report", r.origin_region, "region", regions_,
            loc);
  reference("report", "", "destination_region", "destination_region of report", r.destination_region,
            "region", regions_, loc);
}

void checker::regions() {
  for (const auto& r : s_.regions) {
    if (r.countries.empty() && r.nodes.empty()) {
      diags_.error(at("regions", r.id, "", r.loc),
                   "region " + q(r.id) + " is empty; list at least one country code or node");
    }
    // Written as a list, the region is its countries; written as a map, they are its `countries`.
    const std::string_view countries = written("regions", r.id, "countries") ? "countries" : "";
    for (std::size_t i = 0; i < r.countries.size(); ++i) {
      if (is_country_code(r.countries[i])) continue;
      diags_.error(item_at("regions", r.id, countries, i, r.loc),
                   "region " + q(r.id) + ": " + q(r.countries[i]) +
                       " is not an ISO 3166 alpha-2 country code (two "
                       "capital letters)");
    }
    for (std::size_t i = 0; i < r.nodes.size(); ++i) {
      reference_at(item_at("regions", r.id, "nodes", i, r.loc), "region " + q(r.id), r.nodes[i], "node",
                   nodes_);
    }
  }
  for (const auto& c : s_.cargo_classes) {
    const auto ctx = "cargo class " + q(c.id);
    range("cargo_class", "cargo_classes", c.id, ctx, "value_of_time_usd_per_teu_day",
          c.value_of_time_usd_per_teu_day, c.loc);
    range("cargo_class", "cargo_classes", c.id, ctx, "goods_value_usd_per_teu", c.goods_value_usd_per_teu,
          c.loc);
  }
  for (const auto& c : s_.service_classes) {
    const auto ctx = "service class " + q(c.id);
    range("service_class", "service_classes", c.id, ctx, "priority", c.priority, c.loc);
    range("service_class", "service_classes", c.id, ctx, "speed_factor", c.speed_factor, c.loc);
  }
}

void checker::node(const node_spec& n) {
  const auto ctx = "node " + q(n.id);
  if (!is_country_code(n.country)) {
    diags_.error(at("nodes", n.id, "country", n.loc), "country of " + ctx +
                                                          " must be an ISO 3166 alpha-2 code " +
                                                          "(two capital letters), got " + q(n.country));
  }
  range("node", "nodes", n.id, ctx, "lat", n.lat, n.loc);
  range("node", "nodes", n.id, ctx, "lon", n.lon, n.loc);
  range("node", "nodes", n.id, ctx, "handling_usd_per_teu", n.handling_usd_per_teu, n.loc);
  range("node", "nodes", n.id, ctx, "subsidy_usd_per_teu", n.subsidy_usd_per_teu, n.loc);
  if (edges_.contains(n.id)) {
    diags_.error(n.loc,
                 ctx + " has the id of an edge; node and edge ids must differ (disruptions name either)");
  }
  if (n.kind == node_kind::port) return port(n);
  if (n.kind != node_kind::crossing) return;
  const auto& c = n.crossing;
  range("node", "nodes", n.id, ctx, "tracks", c.tracks, n.loc);
  range("node", "nodes", n.id, ctx, "tracks_entering", c.tracks_entering, n.loc);
  range("node", "nodes", n.id, ctx, "tracks_leaving", c.tracks_leaving, n.loc);
  // Only with tracks kept and a total in range: a bad total is reported once, by its own range check.
  if (c.split_tracks() && c.tracks >= 1 && c.tracks_entering + c.tracks_leaving > c.tracks) {
    // At the total when it is written, else at the per-direction count that overdraws the default.
    const bool total = written("nodes", n.id, "tracks") != nullptr;
    const std::string_view key = total                   ? "tracks"
                                 : c.tracks_entering > 0 ? "tracks_entering"
                                                         : "tracks_leaving";
    diags_.error(at("nodes", n.id, key, n.loc),
                 "tracks_entering + tracks_leaving of " + ctx + " (" + std::to_string(c.tracks_entering) +
                     " + " + std::to_string(c.tracks_leaving) + ") must be <= tracks (" +
                     std::to_string(c.tracks) + (total ? "" : ", the default") +
                     "): give tracks as the crossing's total, of which those not kept serve both directions");
  }
  range("node", "nodes", n.id, ctx, "daily_cap_trains", c.daily_cap_trains, n.loc);
  range("node", "nodes", n.id, ctx, "customs_servers", c.customs_servers, n.loc);
  range("node", "nodes", n.id, ctx, "daily_cap_trains_entering", c.daily_cap_trains_entering, n.loc);
  range("node", "nodes", n.id, ctx, "daily_cap_trains_leaving", c.daily_cap_trains_leaving, n.loc);
  range("node", "nodes", n.id, ctx, "daily_plan_trains_entering", c.daily_plan_trains_entering, n.loc);
  range("node", "nodes", n.id, ctx, "daily_plan_trains_leaving", c.daily_plan_trains_leaving, n.loc);
  range("node", "nodes", n.id, ctx, "daily_plan_booking_days", c.daily_plan_booking_days, n.loc);
  range("node", "nodes", n.id, ctx, "fee_usd_per_teu", c.fee_usd_per_teu, n.loc);
  range("node", "nodes", n.id, ctx, "reblock_train_wagons_entering", c.reblock_train_wagons_entering, n.loc);
  range("node", "nodes", n.id, ctx, "reblock_train_wagons_leaving", c.reblock_train_wagons_leaving, n.loc);
  range("node", "nodes", n.id, ctx, "reblock_max_hold_h", c.reblock_max_hold_h, n.loc);
  dist(n, "transshipment_h", c.transshipment_h);
  dist(n, "pass_through_h", c.pass_through_h);
  dist(n, "customs_dwell_h", c.customs_dwell_h);
}

void checker::port(const node_spec& n) {
  const auto ctx = "node " + q(n.id);
  const auto& p = n.port;
  range("node", "nodes", n.id, ctx, "berths", p.berths, n.loc);
  range("node", "nodes", n.id, ctx, "crane_teu_per_h", p.crane_teu_per_h, n.loc);
  range("node", "nodes", n.id, ctx, "ramp_wagons_per_h", p.ramp_wagons_per_h, n.loc);
  range("node", "nodes", n.id, ctx, "yard_capacity_teu", p.yard_capacity_teu, n.loc);
  dist(n, "dwell_h", p.dwell_h);
  const bool rates = p.crane_teu_per_h > 0.0 || p.ramp_wagons_per_h > 0.0;
  if (p.berths == 0 && rates) {
    diags_.error(at("nodes", n.id, p.crane_teu_per_h > 0.0 ? "crane_teu_per_h" : "ramp_wagons_per_h", n.loc),
                 ctx + " has a crane or ramp rate but no berths; give berths (>= 1) for the rate to apply");
  }
}

void checker::edge(const edge_spec& e) {
  const auto ctx = "edge " + q(e.id);
  reference("edges", e.id, "from", ctx, e.from, "node", nodes_, e.loc);
  reference("edges", e.id, "to", ctx, e.to, "node", nodes_, e.loc);
  if (e.from == e.to)
    diags_.error(at("edges", e.id, "to", e.loc), ctx + " connects node " + q(e.from) + " to itself");
  range("edge", "edges", e.id, ctx, "distance_km", e.distance_km, e.loc);
  range("edge", "edges", e.id, ctx, "speed_km_per_day", e.speed_km_per_day, e.loc);
  range("edge", "edges", e.id, ctx, "slots_per_day", e.slots_per_day, e.loc);
  range("edge", "edges", e.id, ctx, "travel_time_cv", e.travel_time_cv, e.loc);
  if (e.mode == edge_mode::ferry) return ferry(e);
  range("edge", "edges", e.id, ctx, "tariff_usd_per_teu_km", e.tariff_usd_per_teu_km, e.loc);
  range("edge", "edges", e.id, ctx, "open_from_hour", e.open_from_hour, e.loc);
  range("edge", "edges", e.id, ctx, "open_to_hour", e.open_to_hour, e.loc);
  if (e.has_window() && std::fmod(e.open_to_hour - e.open_from_hour + 24.0, 24.0) == 0.0) {
    diags_.error(at("edges", e.id, "open_to_hour", e.loc),
                 "open_to_hour of " + ctx +
                     " is 24 h after open_from_hour: a window of the whole day is no "
                     "window (leave both out)");
  }
  const auto& gauges = section("edge").at("gauge_mm").int_choices;
  if (std::find(gauges.begin(), gauges.end(), e.gauge_mm) == gauges.end()) {
    diags_.error(
        at("edges", e.id, "gauge_mm", e.loc),
        "gauge_mm of " + ctx + " must be one of 1000, 1435, 1520, 1668, got " + std::to_string(e.gauge_mm));
  }
}

// A feeder's capacity is in TEU, a rail ferry's in wagons: each needs its own key and refuses the other.
void checker::ferry_capacity(const edge_spec& e) {
  const auto ctx = "edge " + q(e.id);
  const auto& f = e.ferry;
  const bool wagons = f.service == ferry_service::rail_ferry;
  const std::string need = wagons ? "capacity_wagons" : "capacity_teu";
  const std::string other = wagons ? "capacity_teu" : "capacity_wagons";
  const double value = wagons ? f.capacity_wagons : f.capacity_teu;
  if ((wagons ? f.capacity_teu : f.capacity_wagons) > 0.0 || written("edges", e.id, other)) {
    diags_.error(at("edges", e.id, other, e.loc), "ferry " + ctx + " is a " +
                                                      (wagons ? "rail_ferry" : "feeder") + "; give '" + need +
                                                      "', not '" + other + "'");
  }
  if (value <= 0.0 && where_ && !written("edges", e.id, need)) {
    diags_.error(e.loc, "ferry " + ctx + " is missing required key '" + need + "'");
  } else {
    range("edge", "edges", e.id, ctx, need, value, e.loc);
  }
}

void checker::ferry(const edge_spec& e) {
  const auto ctx = "edge " + q(e.id);
  const auto& f = e.ferry;
  ferry_capacity(e);
  if (f.sailing == sailing_policy::when_full) {
    range("edge", "edges", e.id, ctx, "max_wait_h", f.max_wait_h, e.loc);
    if (!f.weekdays.empty()) {
      diags_.error(at("edges", e.id, "weekdays", e.loc),
                   "ferry " + ctx +
                       " sails when_full; weekdays apply to sailing: schedule (every_days is "
                       "then the least time between sailings)");
    } else if (f.every_days != 0.0) {
      range("edge", "edges", e.id, ctx, "every_days", f.every_days, e.loc);
    }
  } else if (f.every_days > 0.0 && !f.weekdays.empty()) {
    diags_.error(at("edges", e.id, "weekdays", e.loc),
                 "ferry " + ctx + " has both every_days and weekdays; give one");
  } else if (f.every_days == 0.0 && f.weekdays.empty()) {
    diags_.error(e.loc, "ferry " + ctx + " needs every_days or weekdays");
  } else if (f.every_days != 0.0) {
    range("edge", "edges", e.id, ctx, "every_days", f.every_days, e.loc);
  }
  for (int day : f.weekdays) {
    if (day < 0 || day > 6)
      diags_.error(e.loc, "weekdays of " + ctx + ": " + std::to_string(day) + " is not 0..6");
  }
  range("edge", "edges", e.id, ctx, "departure_hour", f.departure_hour, e.loc);
  range("edge", "edges", e.id, ctx, "fare_usd_per_teu", f.fare_usd_per_teu, e.loc);
  const auto& spec = section("edge").at("cancel_probability_by_month");
  for (std::size_t i = 0; i < 12; ++i) {
    const double p = f.cancel_probability_by_month[i];
    if (spec.in_range(p)) continue;
    diags_.error(item_at("edges", e.id, "cancel_probability_by_month", i, e.loc),
                 "cancel_probability_by_month of " + ctx + " must be >= 0 and <= 1, got " + format_number(p));
  }
}

void checker::flow(const flow_spec& f) {
  const auto ctx = "flow " + q(f.id);
  reference("flows", f.id, "from", ctx, f.from, "node", nodes_, f.loc);
  reference("flows", f.id, "to", ctx, f.to, "node", nodes_, f.loc);
  reference("flows", f.id, "cargo_class", ctx, f.cargo_class, "cargo class", cargo_classes_, f.loc);
  if (!f.service_class.empty())
    reference("flows", f.id, "service_class", ctx, f.service_class, "service class", service_classes_, f.loc);
  if (f.from == f.to)
    diags_.error(at("flows", f.id, "to", f.loc), ctx + " goes from " + q(f.from) + " to itself");
  range("flow", "flows", f.id, ctx, "teu_per_week", f.teu_per_week, f.loc);
  const auto& seasonality = section("flow").at("seasonality");
  for (std::size_t i = 0; i < 12; ++i) {
    if (seasonality.in_range(f.seasonality[i])) continue;
    diags_.error(item_at("flows", f.id, "seasonality", i, f.loc), "seasonality of " + ctx + " must be " +
                                                                      seasonality.range_text() + ", got " +
                                                                      format_number(f.seasonality[i]));
  }
  range("flow", "flows", f.id, ctx, "max_wait_h", f.max_wait_h, f.loc);
  if (f.promised_transit_days != 0.0)
    range("flow", "flows", f.id, ctx, "promised_transit_days", f.promised_transit_days, f.loc);
  range("flow", "flows", f.id, ctx, "timetable_hour", f.timetable_hour, f.loc);
  if (f.train_capacity_teu != 0.0 || written("flows", f.id, "train_capacity_teu")) {
    range("flow", "flows", f.id, ctx, "train_capacity_teu", f.train_capacity_teu, f.loc);
  }
  if (f.departures == departure_policy::timetable && f.timetable_weekdays.empty()) {
    diags_.error(at("flows", f.id, "departures", f.loc),
                 ctx + " has departures: timetable but no timetable_weekdays");
  }
}

void checker::disruption(const disruption_spec& d) {
  const auto ctx = "disruption " + q(d.id);
  reference("disruptions", d.id, "target", ctx, d.target, "node or edge", targets_, d.loc);
  range("disruption", "disruptions", d.id, ctx, "from_day", d.from_day, d.loc);
  range("disruption", "disruptions", d.id, ctx, "capacity_factor", d.capacity_factor, d.loc);
  if (d.rate_per_year != 0.0)
    range("disruption", "disruptions", d.id, ctx, "rate_per_year", d.rate_per_year, d.loc);
  const double to_day = d.random() && d.to_day == 0.0 ? s_.horizon_days : d.to_day;
  if (to_day <= d.from_day) {
    diags_.error(at("disruptions", d.id, "to_day", d.loc), "to_day of " + ctx + " must be > from_day (" +
                                                               format_number(d.from_day) + "), got " +
                                                               format_number(d.to_day));
  } else if (to_day > s_.horizon_days) {
    diags_.error(at("disruptions", d.id, "to_day", d.loc), "to_day of " + ctx + " must be <= horizon_days (" +
                                                               format_number(s_.horizon_days) + "), got " +
                                                               format_number(d.to_day));
  }
  if (d.random()) {
    random_disruption(d, ctx);
  } else {
    scheduled_disruption(d, ctx);
  }
}

void checker::scheduled_disruption(const disruption_spec& d, const std::string& ctx) {
  if (d.expected_to_day && *d.expected_to_day <= d.from_day) {
    diags_.error(at("disruptions", d.id, "expected_to_day", d.loc),
                 "expected_to_day of " + ctx + " must be > from_day (" + format_number(d.from_day) +
                     "), got " + format_number(*d.expected_to_day));
  }
  if (!d.with.empty()) {
    diags_.error(at("disruptions", d.id, "with", d.loc),
                 ctx + " has `with` but no rate_per_year: list a scheduled disruption per target instead");
  }
  if (d.duration_days.mean() != 0.0) {
    diags_.error(at("disruptions", d.id, "duration_days", d.loc),
                 ctx +
                     " has duration_days but no rate_per_year: a scheduled disruption lasts from from_day "
                     "to to_day, a random one needs rate_per_year");
  }
}

void checker::random_disruption(const disruption_spec& d, const std::string& ctx) {
  const auto loc = at("disruptions", d.id, "duration_days", d.loc);
  for (const std::string& t : d.with)
    reference("disruptions", d.id, "with", ctx, t, "node or edge", targets_, d.loc);
  if (d.expected_to_day) {
    diags_.error(at("disruptions", d.id, "expected_to_day", d.loc),
                 ctx +
                     " is random (rate_per_year): its trains expect the mean of duration_days, so "
                     "expected_to_day does not apply");
  }
  try {
    d.duration_days.check();
  } catch (const std::invalid_argument& e) {
    return diags_.error(loc, "duration_days of " + ctx + ": invalid distribution: " + e.what());
  }
  const double mean = d.duration_days.mean();
  if (!(mean > 0.0) || mean > s_.horizon_days) {
    diags_.error(loc, "duration_days of " + ctx + " needs a mean > 0 and <= horizon_days (" +
                          format_number(s_.horizon_days) + "), got " + format_number(mean));
  }
}

// Pools: homes that exist and are terminals or crossings, one pool per gauge at a node, and enough wagons at
// each home from the start for the largest train (ceil(TEU / 2) platforms), or its trains could never leave.
void checker::wagon_pools() {
  unique(s_.wagon_pools, "wagon pool");
  double largest_teu = s_.train_capacity_teu;
  for (const auto& f : s_.flows) largest_teu = std::max(largest_teu, f.train_capacity_teu);
  for (const auto& mk : s_.markets) largest_teu = std::max(largest_teu, mk.train_capacity_teu);
  const int train_wagons = static_cast<int>(std::ceil(largest_teu / 2.0));
  std::unordered_map<std::string, const wagon_pool_spec*> owner;  // "<node>/<gauge>" -> pool
  for (const auto& w : s_.wagon_pools) {
    const auto ctx = "wagon pool " + q(w.id);
    const auto& gauges = section("wagon_pool").at("gauge_mm").int_choices;
    if (std::find(gauges.begin(), gauges.end(), w.gauge_mm) == gauges.end()) {
      diags_.error(
          at("wagon_pools", w.id, "gauge_mm", w.loc),
          "gauge_mm of " + ctx + " must be one of 1000, 1435, 1520, 1668, got " + std::to_string(w.gauge_mm));
    }
    range("wagon_pool", "wagon_pools", w.id, ctx, "size_wagons", w.size_wagons, w.loc);
    range("wagon_pool", "wagon_pools", w.id, ctx, "turnaround_h", w.turnaround_h, w.loc);
    if (w.home.empty()) {
      diags_.error(at("wagon_pools", w.id, "home", w.loc),
                   "home of " + ctx + " is empty; list at least one node");
      continue;
    }
    for (std::size_t i = 0; i < w.home.size(); ++i) {
      const auto loc = item_at("wagon_pools", w.id, "home", i, w.loc);
      if (!reference_at(loc, ctx, w.home[i], "node", nodes_)) continue;
      const node_spec* n = find_node(w.home[i]);
      if (n->kind != node_kind::terminal && n->kind != node_kind::crossing) {
        diags_.error(loc,
                     ctx + ": home " + q(w.home[i]) +
                         " must be a terminal (trains form there) or a crossing (the gauge changes there)");
      }
      const auto [it, first] = owner.emplace(w.home[i] + "/" + std::to_string(w.gauge_mm), &w);
      if (!first) {
        diags_.error(loc, "wagon pools " + q(it->second->id) + " and " + q(w.id) + " both keep " +
                              std::to_string(w.gauge_mm) + " mm wagons at " + q(w.home[i]) +
                              "; a node has at most one pool per gauge");
      }
    }
    const int per_home = w.size_wagons / static_cast<int>(w.home.size());
    if (w.size_wagons >= 1 && per_home < train_wagons) {
      diags_.error(at("wagon_pools", w.id, "size_wagons", w.loc),
                   "size_wagons of " + ctx + " gives each of its " + std::to_string(w.home.size()) +
                       " homes " + std::to_string(per_home) +
                       " wagons, fewer than the largest train needs (" + std::to_string(train_wagons) +
                       " platforms for " + format_number(largest_teu) + " TEU); give it at least " +
                       std::to_string(train_wagons * static_cast<int>(w.home.size())));
    }
  }
}

void checker::run() {
  top();
  regions();
  unique(s_.regions, "region");
  unique(s_.cargo_classes, "cargo class");
  unique(s_.service_classes, "service class");
  unique(s_.nodes, "node");
  unique(s_.edges, "edge");
  unique(s_.flows, "flow");
  unique(s_.disruptions, "disruption");
  for (const auto& n : s_.nodes) node(n);
  for (const auto& e : s_.edges) edge(e);
  for (const auto& f : s_.flows) flow(f);
  for (const auto& d : s_.disruptions) disruption(d);
  wagon_pools();
  choice();
  report();
  families();
  unique(s_.alternatives, "alternative");
  for (const auto& a : s_.alternatives) alternative(a);
  unique(s_.markets, "market");
  for (const auto& m : s_.markets) market(m);
  for (const auto& p : s_.projects) {  // each element as the project leaves it
    for (const auto& n : p.nodes) {
      node(n);
      // A port's berths, yard and dwell are set up with the run: a project may change them, not add them.
      const auto it = node_by_id_.find(n.id);
      if (it != node_by_id_.end() && n.port.is_resource() != it->second->port.is_resource()) {
        diags_.error(
            at("projects", p.id, "nodes", p.loc),
            "project " + q(p.id) + ": port " + q(n.id) +
                (n.port.is_resource() ? " becomes" : " stops being") +
                " a resource (berths, yard or dwell); give it berths, a yard or a dwell from the start");
      }
    }
    for (const auto& e : p.edges) edge(e);
  }
}

void validate_into(const scenario& s, const field_locator& where, diagnostics& diags) {
  checker(s, where, diags).run();
  // The network's shape is judged only on a scenario whose parts are sound, or one mistake would echo.
  if (!diags.empty()) return;
  check_network(s, where, diags);
}

}  // namespace corridor::detail

// The fully resolved scenario as YAML: every key with its value, defaults included, keys of other kinds of
// node or edge left out, so that the text loads back to an equal scenario.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>

#include "corridor/scenario.hpp"
#include "keys.hpp"

namespace corridor {
namespace {

using detail::format_number;

// JSON's escapes are valid in a YAML double-quoted scalar; bad UTF-8 is replaced rather than thrown on.
std::string json_quoted(std::string_view s) {
  return nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Plain when a plain scalar reads back as the same text; double-quoted (JSON escapes) otherwise.
std::string str(std::string_view s) {
  const bool plain = detail::is_valid_id(s) && s != "null" && s != "Null" && s != "NULL";
  return plain ? std::string(s) : json_quoted(s);
}

std::string num(double v) {
  return format_number(v);
}

std::string list(const std::vector<double>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + num(values[i]);
  return out + "]";
}

std::string months(const std::array<double, 12>& m) {
  return list({m.begin(), m.end()});
}

// A month table that holds one value for every month is written as that value, as planners write it.
std::string months1or12(const std::array<double, 12>& m) {
  const bool one = std::all_of(m.begin(), m.end(), [&](double v) { return v == m[0]; });
  return one ? num(m[0]) : months(m);
}

std::string ids(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + str(values[i]);
  return out + "]";
}

std::string shares(const std::vector<std::pair<std::string, double>>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += (i ? ", " : "") + str(values[i].first) + ": " + num(values[i].second);
  }
  return out + "}";
}

std::string weekdays(const std::vector<int>& days) {
  std::string out = "[";
  for (std::size_t i = 0; i < days.size(); ++i) {
    const bool known = days[i] >= 0 && days[i] < 7;
    out += (i ? ", " : "") + (known ? std::string(detail::weekday_names[static_cast<std::size_t>(days[i])])
                                    : std::to_string(days[i]));
  }
  return out + "]";
}

std::string dist(const distribution& d) {
  switch (d.kind) {
    case dist_kind::constant:
      return num(d.a);
    case dist_kind::uniform:
      return "{dist: uniform, min: " + num(d.a) + ", max: " + num(d.b) + "}";
    case dist_kind::exponential:
      return "{dist: exponential, mean: " + num(d.a) + "}";
    case dist_kind::normal:
      return "{dist: normal, mean: " + num(d.a) + ", sd: " + num(d.b) + "}";
    case dist_kind::lognormal:
      return "{dist: lognormal, mean: " + num(d.a) + ", sd: " + num(d.b) + "}";
    case dist_kind::triangular:
      return "{dist: triangular, min: " + num(d.a) + ", mode: " + num(d.b) + ", max: " + num(d.c) + "}";
    case dist_kind::empirical: {
      std::string out = "{dist: empirical, values: " + list(d.values);
      if (!d.weights.empty()) {
        // Stored cumulative; written as the weights a planner gives.
        std::vector<double> w(d.weights.size());
        for (std::size_t i = 0; i < w.size(); ++i) w[i] = d.weights[i] - (i ? d.weights[i - 1] : 0.0);
        out += ", weights: " + list(w);
      }
      return out + "}";
    }
  }
  return "0";
}

template <class E>
std::string choice(std::string_view sec, std::string_view key, E value) {
  return std::string(detail::section(sec).at(key).choices.at(static_cast<std::size_t>(value)));
}

// A day of a multi-year run as the date it is (365-day years from 1 January of the first).
std::string date_of(int first_year, double day) {
  static constexpr std::array<int, 12> days_in_month{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int whole = static_cast<int>(day);
  int rest = whole % 365, month = 0;
  while (rest >= days_in_month[static_cast<std::size_t>(month)])
    rest -= days_in_month[static_cast<std::size_t>(month++)];
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", first_year + whole / 365, month + 1, rest + 1);
  return text;
}

// A year-by-year path, as given: its growth, or its values.
template <class Writer>
void write_path(Writer& w, std::string_view growth_key, double growth, std::string_view list_key,
                const std::vector<double>& values) {
  if (growth != 0.0) w.line(4, growth_key, num(growth));
  if (!values.empty()) w.line(4, list_key, list(values));
}

struct writer {
  std::ostringstream out;
  void line(int indent, std::string_view key, const std::string& value) {
    out << std::string(static_cast<std::size_t>(indent), ' ') << key << ": " << value << '\n';
  }
  void open(int indent, const std::string& key) {
    out << std::string(static_cast<std::size_t>(indent), ' ') << key << ":\n";
  }
};

void write_node(writer& w, const node_spec& n, int first_year) {
  w.open(2, str(n.id));
  if (n.opens_day > 0.0) w.line(4, "opens", date_of(first_year, n.opens_day));
  w.line(4, "name", str(n.name));
  w.line(4, "kind", choice("node", "kind", n.kind));
  w.line(4, "country", str(n.country));
  w.line(4, "lat", num(n.lat));
  w.line(4, "lon", num(n.lon));
  w.line(4, "subsidy_usd_per_teu", num(n.subsidy_usd_per_teu));
  w.line(4, "handling_usd_per_teu", num(n.handling_usd_per_teu));
  if (n.kind == node_kind::port && n.port.is_resource()) {
    const auto& p = n.port;
    w.line(4, "berths", std::to_string(p.berths));
    w.line(4, "crane_teu_per_h", num(p.crane_teu_per_h));
    w.line(4, "ramp_wagons_per_h", num(p.ramp_wagons_per_h));
    w.line(4, "yard_capacity_teu", num(p.yard_capacity_teu));
    w.line(4, "dwell_h", dist(p.dwell_h));
  }
  if (n.kind != node_kind::crossing) return;
  const auto& c = n.crossing;
  w.line(4, "tracks", std::to_string(c.tracks));
  w.line(4, "tracks_entering", std::to_string(c.tracks_entering));
  w.line(4, "tracks_leaving", std::to_string(c.tracks_leaving));
  w.line(4, "transshipment_h", dist(c.transshipment_h));
  w.line(4, "pass_through_h", dist(c.pass_through_h));
  w.line(4, "customs_dwell_h", dist(c.customs_dwell_h));
  w.line(4, "customs_servers", std::to_string(c.customs_servers));
  w.line(4, "daily_cap_trains", std::to_string(c.daily_cap_trains));
  w.line(4, "daily_cap_trains_entering", std::to_string(c.daily_cap_trains_entering));
  w.line(4, "daily_cap_trains_leaving", std::to_string(c.daily_cap_trains_leaving));
  w.line(4, "daily_plan_trains_entering", std::to_string(c.daily_plan_trains_entering));
  w.line(4, "daily_plan_trains_leaving", std::to_string(c.daily_plan_trains_leaving));
  w.line(4, "daily_plan_booking_days", num(c.daily_plan_booking_days));
  w.line(4, "fee_usd_per_teu", num(c.fee_usd_per_teu));
  if (!c.reblock) return;  // written only where it is on, as the scenarios that predate it read
  w.line(4, "reblock", "true");
  w.line(4, "reblock_train_wagons_entering", std::to_string(c.reblock_train_wagons_entering));
  w.line(4, "reblock_train_wagons_leaving", std::to_string(c.reblock_train_wagons_leaving));
  w.line(4, "reblock_max_hold_h", num(c.reblock_max_hold_h));
}

void write_edge(writer& w, const edge_spec& e, int first_year) {
  w.open(2, str(e.id));
  if (e.opens_day > 0.0) w.line(4, "opens", date_of(first_year, e.opens_day));
  w.line(4, "from", str(e.from));
  w.line(4, "to", str(e.to));
  w.line(4, "mode", choice("edge", "mode", e.mode));
  w.line(4, "distance_km", num(e.distance_km));
  w.line(4, "speed_km_per_day", num(e.speed_km_per_day));
  w.line(4, "slots_per_day", std::to_string(e.slots_per_day));
  w.line(4, "travel_time_cv", num(e.travel_time_cv));
  w.line(4, "bidirectional", e.bidirectional ? "true" : "false");
  if (e.mode == edge_mode::rail) {
    w.line(4, "gauge_mm", std::to_string(e.gauge_mm));
    w.line(4, "tariff_usd_per_teu_km", num(e.tariff_usd_per_teu_km));
    if (e.has_window()) {
      w.line(4, "open_from_hour", num(e.open_from_hour));
      w.line(4, "open_to_hour", num(e.open_to_hour));
    }
    return;
  }
  const auto& f = e.ferry;
  if (f.sailing != sailing_policy::schedule) {
    w.line(4, "sailing", choice("edge", "sailing", f.sailing));
    w.line(4, "max_wait_h", num(f.max_wait_h));
  }
  if (f.service != ferry_service::feeder) w.line(4, "service", choice("edge", "service", f.service));
  if (f.every_days != 0.0) w.line(4, "every_days", num(f.every_days));
  if (!f.weekdays.empty()) w.line(4, "weekdays", weekdays(f.weekdays));
  w.line(4, "departure_hour", num(f.departure_hour));
  if (f.service == ferry_service::rail_ferry) {
    w.line(4, "capacity_wagons", num(f.capacity_wagons));
  } else {
    w.line(4, "capacity_teu", num(f.capacity_teu));
  }
  w.line(4, "fare_usd_per_teu", num(f.fare_usd_per_teu));
  w.line(4, "cancel_probability_by_month", months(f.cancel_probability_by_month));
}

void write_flow(writer& w, const flow_spec& f) {
  w.open(2, str(f.id));
  w.line(4, "from", str(f.from));
  w.line(4, "to", str(f.to));
  w.line(4, "cargo_class", str(f.cargo_class));
  w.line(4, "teu_per_week", num(f.teu_per_week));
  w.line(4, "arrivals", choice("flow", "arrivals", f.arrivals));
  w.line(4, "seasonality", months(f.seasonality));
  w.line(4, "departures", choice("flow", "departures", f.departures));
  w.line(4, "max_wait_h", num(f.max_wait_h));
  if (f.promised_transit_days > 0.0) w.line(4, "promised_transit_days", num(f.promised_transit_days));
  if (!f.service_class.empty()) w.line(4, "service_class", str(f.service_class));
  if (!f.timetable_weekdays.empty()) w.line(4, "timetable_weekdays", weekdays(f.timetable_weekdays));
  w.line(4, "timetable_hour", num(f.timetable_hour));
  if (f.train_capacity_teu != 0.0) w.line(4, "train_capacity_teu", num(f.train_capacity_teu));
  write_path(w, "growth_per_year", f.growth_per_year, "teu_per_week_by_year", f.teu_per_week_by_year);
}

void write_family(writer& w, const family_spec& f) {
  w.open(2, str(f.id));
  w.line(4, "name", str(f.name));
  w.line(4, "via", ids(f.via));
  w.line(4, "constant_usd_per_teu", num(f.constant_usd_per_teu));
}

void write_alternative(writer& w, const alternative_spec& a) {
  w.open(2, str(a.id));
  w.line(4, "mode", str(a.mode));
  w.line(4, "cost_usd_per_teu", months1or12(a.cost_usd_per_teu));
  w.line(4, "transit_days", months1or12(a.transit_days));
  if (!a.classes.empty()) w.line(4, "classes", ids(a.classes));
  w.line(4, "description", json_quoted(a.description));
  write_path(w, "cost_growth_per_year", a.cost_growth_per_year, "cost_scale_by_year", a.cost_scale_by_year);
}

void write_market(writer& w, const market_spec& m) {
  w.open(2, str(m.id));
  w.line(4, "from", str(m.from_region));
  w.line(4, "to", str(m.to_region));
  w.line(4, "teu_per_year", num(m.teu_per_year));
  w.line(4, "cargo_mix", shares(m.cargo_mix));
  if (m.pairs.empty()) {
    w.line(4, "origins", shares(m.origins));
    w.line(4, "destinations", shares(m.destinations));
  } else {
    w.open(4, "pairs");
    for (const auto& p : m.pairs) {
      w.line(6, str(p.id), "{from: " + str(p.from) + ", to: " + str(p.to) + ", share: " + num(p.share) + "}");
    }
  }
  w.line(4, "seasonality", months(m.seasonality));
  if (m.train_capacity_teu != 0.0) w.line(4, "train_capacity_teu", num(m.train_capacity_teu));
  w.line(4, "max_wait_h", num(m.max_wait_h));
  if (m.promised_transit_days > 0.0) w.line(4, "promised_transit_days", num(m.promised_transit_days));
  w.line(4, "rail_constant_usd_per_teu", num(m.rail_constant_usd_per_teu));
  w.line(4, "rail_price_change_usd_per_teu", months1or12(m.rail_price_change_usd_per_teu));
  w.line(4, "alternatives", ids(m.alternatives));
  write_path(w, "growth_per_year", m.growth_per_year, "teu_per_year_by_year", m.teu_per_year_by_year);
  if (m.risks.empty()) return;
  w.open(4, "risk");
  for (const auto& r : m.risks) {
    w.line(
        6, str(r.region),
        "{avoid_share: " + num(r.avoid_share) + ", premium_usd_per_teu: " + num(r.premium_usd_per_teu) + "}");
  }
}

void write_report(writer& w, const report_spec& r) {
  w.open(0, "report");
  w.line(2, "share_region", str(r.share_region));
  w.line(2, "origin_region", str(r.origin_region));
  w.line(2, "destination_region", str(r.destination_region));
  w.out << (r.shares.empty() ? "  shares: {}\n" : "  shares:\n");
  for (const auto& sh : r.shares) {
    std::string text = "{from: " + str(sh.from_region) + ", to: " + str(sh.to_region);
    if (!sh.via_region.empty()) text += ", via: " + str(sh.via_region);
    if (!sh.avoiding_region.empty()) text += ", avoiding: " + str(sh.avoiding_region);
    w.line(4, str(sh.id), text + "}");
  }
  w.line(2, "gateways", ids(r.gateways));
}

void write_top(writer& w, const scenario& s) {
  w.line(0, "name", str(s.name));
  w.line(0, "description", json_quoted(s.description));
  w.line(0, "seed", std::to_string(s.seed));
  if (s.multi_year()) {
    w.line(0, "years",
           "{from: " + std::to_string(s.first_year) + ", to: " + std::to_string(s.last_year) + "}");
  } else {
    w.line(0, "horizon_days", num(s.horizon_days));
  }
  w.line(0, "warmup_days", num(s.warmup_days));
  w.line(0, "train_capacity_teu", num(s.train_capacity_teu));
  w.open(0, "route_choice");
  w.line(2, "mode", choice("route_choice", "mode", s.route_choice.mode));
  w.line(2, "k_paths", std::to_string(s.route_choice.k_paths));
  w.line(2, "logit_scale_per_usd", num(s.route_choice.logit_scale_per_usd));
  w.open(0, "choice");
  w.line(2, "mode_scale_per_usd", num(s.choice.mode_scale_per_usd));
  w.line(2, "family_scale_per_usd", num(s.choice.family_scale_per_usd));
  w.line(2, "update_days", num(s.choice.update_days));
  w.line(2, "path_size", s.choice.path_size ? "true" : "false");
  write_report(w, s.report);
}

// A project's elements, each with the keys a project may change: the element written whole, less the keys
// that are fixed for the run, two levels deeper.
template <class Spec, class Write>
void write_changes(writer& w, std::string_view key, const std::vector<Spec>& specs, Write write,
                   const std::vector<std::string_view>& fixed) {
  if (specs.empty()) return;
  w.open(4, std::string(key));
  for (const Spec& spec : specs) {
    writer one;
    write(one, spec);
    std::istringstream lines(one.out.str());
    for (std::string line; std::getline(lines, line);) {
      const auto start = line.find_first_not_of(' ');
      const auto colon = line.find(':');
      if (start == 4 && std::find(fixed.begin(), fixed.end(), line.substr(4, colon - 4)) != fixed.end())
        continue;
      w.out << "    " << line << '\n';
    }
  }
}

void write_projects(writer& w, const scenario& s) {
  if (s.projects.empty()) return;
  w.open(0, "projects");
  for (const project_spec& p : s.projects) {
    w.open(2, str(p.id));
    w.line(4, "opens", date_of(s.first_year, p.opens_day));
    w.line(4, "name", json_quoted(p.name));
    if (!p.source.empty()) w.line(4, "source", json_quoted(p.source));
    write_changes(w, "nodes", p.nodes, [&](writer& o, const node_spec& n) { write_node(o, n, s.first_year); },
                  {"name", "kind", "country", "lat", "lon", "opens"});
    write_changes(
        w, "edges", p.edges, [&](writer& o, const edge_spec& e) { write_edge(o, e, s.first_year); },
        {"from", "to", "mode", "gauge_mm", "distance_km", "bidirectional", "opens", "sailing", "service"});
  }
}

}  // namespace

std::string to_yaml(const scenario& s) {
  writer w;
  w.out << "# " << (s.source_file.empty() ? std::string("scenario") : s.source_file)
        << ", fully resolved (overlays applied, defaults written out)\n";
  write_top(w, s);
  w.out << (s.regions.empty() ? "regions: {}\n" : "regions:\n");
  for (const auto& r : s.regions) {
    if (r.nodes.empty() && r.name.empty()) {
      w.line(2, str(r.id), ids(r.countries));
      continue;
    }
    std::string map = "{countries: " + ids(r.countries);
    if (!r.nodes.empty()) map += ", nodes: " + ids(r.nodes);
    if (!r.name.empty()) map += ", name: " + str(r.name);
    w.line(2, str(r.id), map + "}");
  }
  w.out << (s.cargo_classes.empty() ? "cargo_classes: {}\n" : "cargo_classes:\n");
  for (const auto& c : s.cargo_classes) {
    w.open(2, str(c.id));
    w.line(4, "value_of_time_usd_per_teu_day", num(c.value_of_time_usd_per_teu_day));
    w.line(4, "goods_value_usd_per_teu", num(c.goods_value_usd_per_teu));
  }
  if (!s.service_classes.empty()) w.out << "service_classes:\n";
  for (const auto& c : s.service_classes) {
    w.open(2, str(c.id));
    if (!c.description.empty()) w.line(4, "description", str(c.description));
    w.line(4, "priority", num(c.priority));
    w.line(4, "speed_factor", num(c.speed_factor));
  }
  if (!s.wagon_pools.empty()) w.out << "wagon_pools:\n";
  for (const auto& p : s.wagon_pools) {
    w.open(2, str(p.id));
    if (!p.description.empty()) w.line(4, "description", str(p.description));
    if (!p.operator_name.empty()) w.line(4, "operator", str(p.operator_name));
    w.line(4, "gauge_mm", num(p.gauge_mm));
    w.line(4, "size_wagons", num(p.size_wagons));
    w.line(4, "home", ids(p.home));
    w.line(4, "turnaround_h", num(p.turnaround_h));
  }
  w.out << (s.nodes.empty() ? "nodes: {}\n" : "nodes:\n");
  for (const auto& n : s.nodes) write_node(w, n, s.first_year);
  w.out << (s.edges.empty() ? "edges: {}\n" : "edges:\n");
  for (const auto& e : s.edges) write_edge(w, e, s.first_year);
  w.out << (s.flows.empty() ? "flows: {}\n" : "flows:\n");
  for (const auto& f : s.flows) write_flow(w, f);
  w.out << (s.disruptions.empty() ? "disruptions: {}\n" : "disruptions:\n");
  for (const auto& d : s.disruptions) {
    w.open(2, str(d.id));
    w.line(4, "target", str(d.target));
    w.line(4, "from_day", num(d.from_day));
    if (d.to_day != 0.0) w.line(4, "to_day", num(d.to_day));  // a random one's window may end at the horizon
    w.line(4, "capacity_factor", num(d.capacity_factor));
    if (d.expected_to_day) w.line(4, "expected_to_day", num(*d.expected_to_day));
    if (d.random()) {
      w.line(4, "rate_per_year", num(d.rate_per_year));
      w.line(4, "duration_days", dist(d.duration_days));
      if (!d.with.empty()) w.line(4, "with", ids(d.with));
    }
    if (!d.cause.empty()) w.line(4, "cause", str(d.cause));
  }
  w.out << (s.families.empty() ? "corridor_families: {}\n" : "corridor_families:\n");
  for (const auto& f : s.families) write_family(w, f);
  w.out << (s.alternatives.empty() ? "alternatives: {}\n" : "alternatives:\n");
  for (const auto& a : s.alternatives) write_alternative(w, a);
  w.out << (s.markets.empty() ? "markets: {}\n" : "markets:\n");
  for (const auto& m : s.markets) write_market(w, m);
  write_projects(w, s);
  return w.out.str();
}

}  // namespace corridor

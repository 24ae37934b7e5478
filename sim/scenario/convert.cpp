// From a resolved tree to the scenario structs: every key is known, present when required and of the right
// type. Ranges, references and the network's shape are validate()'s business, on the structs.
#include <filesystem>

#include "converter.hpp"

namespace corridor::detail {
namespace {

// What an entity is, from its raw `kind`/`mode` text, for the kind-specific keys; applies::any when the
// text is missing or wrong (that error is reported on its own).
applies node_applies(const tnode& m, std::string& kind_text) {
  const auto* k = m.find("kind");
  if (!k || k->kind != tkind::scalar) return applies::any;
  const auto& choices = section("node").at("kind").choices;
  if (std::find(choices.begin(), choices.end(), k->text) == choices.end()) return applies::any;
  kind_text = "a " + k->text;
  // Neither a crossing nor a port: a key of either is then misplaced. applies::rail stands for "neither".
  if (k->text == "crossing") return applies::crossing;
  return k->text == "port" ? applies::port : applies::rail;
}

applies edge_applies(const tnode& m, std::string& kind_text) {
  const auto* k = m.find("mode");
  const std::string mode = k ? (k->kind == tkind::scalar ? k->text : std::string()) : "rail";
  if (mode != "rail" && mode != "ferry") return applies::any;
  kind_text = "a " + mode + " edge";
  return mode == "rail" ? applies::rail : applies::ferry;
}

}  // namespace

void converter::read_region(const tentry& e, region_spec& r) {
  const std::string ctx = "region " + in_quotes(e.key);
  if (e.value.kind == tkind::map) {
    check_keys(e.value, e.key_loc, section("region"), ctx, applies::any, "");
    read_strings(e.value, "countries", ctx, r.countries, "a list of country codes", "a country code");
    read_strings(e.value, "nodes", ctx, r.nodes, "a list of node ids", "a node id");
    read_string(e.value, "name", ctx, r.name);
    return;
  }
  strings(e.value, "countries", ctx, r.countries, "a list of country codes or a map {countries, nodes}",
          "a country code");
}

void converter::read_cargo_class(const tentry& e, cargo_class_spec& c) {
  const std::string ctx = "cargo class " + in_quotes(e.key);
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  check_keys(e.value, e.key_loc, section("cargo_class"), ctx, applies::any, "");
  read_number(e.value, "value_of_time_usd_per_teu_day", ctx, c.value_of_time_usd_per_teu_day);
  read_number(e.value, "goods_value_usd_per_teu", ctx, c.goods_value_usd_per_teu);
}

void converter::read_service_class(const tentry& e, service_class_spec& c) {
  const std::string ctx = "service class " + in_quotes(e.key);
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  check_keys(e.value, e.key_loc, section("service_class"), ctx, applies::any, "");
  read_string(e.value, "description", ctx, c.description);
  read_int(e.value, "priority", ctx, c.priority);
  read_number(e.value, "speed_factor", ctx, c.speed_factor);
}

void converter::read_wagon_pool(const tentry& e, wagon_pool_spec& w) {
  const std::string ctx = "wagon pool " + in_quotes(e.key);
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  check_keys(e.value, e.key_loc, section("wagon_pool"), ctx, applies::any, "");
  read_string(e.value, "description", ctx, w.description);
  read_string(e.value, "operator", ctx, w.operator_name);
  read_int(e.value, "gauge_mm", ctx, w.gauge_mm);
  read_int(e.value, "size_wagons", ctx, w.size_wagons);
  read_strings(e.value, "home", ctx, w.home, "a list of node ids", "a node id");
  read_number(e.value, "turnaround_h", ctx, w.turnaround_h);
}

void converter::read_node(const tentry& e, node_spec& n) {
  const std::string ctx = "node " + in_quotes(e.key);
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  const auto& m = e.value;
  const auto& sec = section("node");
  std::string kind_text;
  const applies kind = node_applies(m, kind_text);
  check_keys(m, e.key_loc, sec, ctx, kind, kind_text);
  n.name = e.key;
  read_string(m, "name", ctx, n.name);
  read_choice(m, sec, "kind", ctx, n.kind);
  read_string(m, "country", ctx, n.country);
  read_number(m, "lat", ctx, n.lat);
  read_number(m, "lon", ctx, n.lon);
  read_number(m, "subsidy_usd_per_teu", ctx, n.subsidy_usd_per_teu);
  read_number(m, "handling_usd_per_teu", ctx, n.handling_usd_per_teu);
  auto& c = n.crossing;
  read_int(m, "tracks", ctx, c.tracks);
  read_int(m, "tracks_entering", ctx, c.tracks_entering);
  read_int(m, "tracks_leaving", ctx, c.tracks_leaving);
  read_dist(m, "transshipment_h", ctx, c.transshipment_h);
  read_dist(m, "pass_through_h", ctx, c.pass_through_h);
  read_dist(m, "customs_dwell_h", ctx, c.customs_dwell_h);
  read_int(m, "customs_servers", ctx, c.customs_servers);
  read_int(m, "daily_cap_trains", ctx, c.daily_cap_trains);
  read_int(m, "daily_cap_trains_entering", ctx, c.daily_cap_trains_entering);
  read_int(m, "daily_cap_trains_leaving", ctx, c.daily_cap_trains_leaving);
  read_int(m, "daily_plan_trains_entering", ctx, c.daily_plan_trains_entering);
  read_int(m, "daily_plan_trains_leaving", ctx, c.daily_plan_trains_leaving);
  read_number(m, "daily_plan_booking_days", ctx, c.daily_plan_booking_days);
  read_number(m, "fee_usd_per_teu", ctx, c.fee_usd_per_teu);
  read_bool(m, "reblock", ctx, c.reblock);
  read_int(m, "reblock_train_wagons_entering", ctx, c.reblock_train_wagons_entering);
  read_int(m, "reblock_train_wagons_leaving", ctx, c.reblock_train_wagons_leaving);
  read_number(m, "reblock_max_hold_h", ctx, c.reblock_max_hold_h);
  auto& p = n.port;
  read_int(m, "berths", ctx, p.berths);
  read_number(m, "crane_teu_per_h", ctx, p.crane_teu_per_h);
  read_number(m, "ramp_wagons_per_h", ctx, p.ramp_wagons_per_h);
  read_number(m, "yard_capacity_teu", ctx, p.yard_capacity_teu);
  read_dist(m, "dwell_h", ctx, p.dwell_h);
}

void converter::read_edge(const tentry& e, edge_spec& d) {
  const std::string ctx = "edge " + in_quotes(e.key);
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  const auto& m = e.value;
  const auto& sec = section("edge");
  std::string kind_text;
  const applies mode = edge_applies(m, kind_text);
  check_keys(m, e.key_loc, sec, ctx, mode, kind_text);
  read_string(m, "from", ctx, d.from);
  read_string(m, "to", ctx, d.to);
  read_choice(m, sec, "mode", ctx, d.mode);
  read_number(m, "distance_km", ctx, d.distance_km);
  read_number(m, "speed_km_per_day", ctx, d.speed_km_per_day);
  read_int(m, "gauge_mm", ctx, d.gauge_mm);
  read_number(m, "tariff_usd_per_teu_km", ctx, d.tariff_usd_per_teu_km);
  read_int(m, "slots_per_day", ctx, d.slots_per_day);
  read_number(m, "open_from_hour", ctx, d.open_from_hour);
  read_number(m, "open_to_hour", ctx, d.open_to_hour);
  read_number(m, "travel_time_cv", ctx, d.travel_time_cv);
  read_bool(m, "bidirectional", ctx, d.bidirectional);
  auto& f = d.ferry;
  read_choice(m, sec, "sailing", ctx, f.sailing);
  read_number(m, "max_wait_h", ctx, f.max_wait_h);
  read_choice(m, sec, "service", ctx, f.service);
  read_number(m, "capacity_wagons", ctx, f.capacity_wagons);
  read_number(m, "every_days", ctx, f.every_days);
  read_weekdays(m, "weekdays", ctx, f.weekdays);
  read_number(m, "departure_hour", ctx, f.departure_hour);
  read_number(m, "capacity_teu", ctx, f.capacity_teu);
  read_number(m, "fare_usd_per_teu", ctx, f.fare_usd_per_teu);
  read_months(m, "cancel_probability_by_month", ctx, f.cancel_probability_by_month, true);
}

void converter::read_flow(const tentry& e, flow_spec& f) {
  const std::string ctx = "flow " + in_quotes(e.key);
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  const auto& m = e.value;
  const auto& sec = section("flow");
  check_keys(m, e.key_loc, sec, ctx, applies::any, "");
  read_string(m, "from", ctx, f.from);
  read_string(m, "to", ctx, f.to);
  read_string(m, "cargo_class", ctx, f.cargo_class);
  read_number(m, "teu_per_week", ctx, f.teu_per_week);
  read_choice(m, sec, "arrivals", ctx, f.arrivals);
  read_months(m, "seasonality", ctx, f.seasonality, false);
  read_choice(m, sec, "departures", ctx, f.departures);
  read_number(m, "max_wait_h", ctx, f.max_wait_h);
  read_number(m, "promised_transit_days", ctx, f.promised_transit_days);
  read_string(m, "service_class", ctx, f.service_class);
  read_weekdays(m, "timetable_weekdays", ctx, f.timetable_weekdays);
  read_number(m, "timetable_hour", ctx, f.timetable_hour);
  read_number(m, "train_capacity_teu", ctx, f.train_capacity_teu);
}

void converter::read_disruption(const tentry& e, disruption_spec& d) {
  const std::string ctx = "disruption " + in_quotes(e.key);
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  check_keys(e.value, e.key_loc, section("disruption"), ctx, applies::any, "");
  read_string(e.value, "target", ctx, d.target);
  read_number(e.value, "from_day", ctx, d.from_day);
  read_number(e.value, "to_day", ctx, d.to_day);
  read_number(e.value, "capacity_factor", ctx, d.capacity_factor);
  if (e.value.find("expected_to_day") != nullptr) {
    double expected = 0.0;
    read_number(e.value, "expected_to_day", ctx, expected);
    d.expected_to_day = expected;
  }
  read_number(e.value, "rate_per_year", ctx, d.rate_per_year);
  read_dist(e.value, "duration_days", ctx, d.duration_days);
  read_strings(e.value, "with", ctx, d.with, "a list of node or edge ids", "a node or edge id");
  read_string(e.value, "cause", ctx, d.cause);
}

void converter::read_top(const tnode& root, scenario& s) {
  check_keys(root, root.loc, section("top"), "scenario", applies::any, "");
  read_string(root, "name", "", s.name);
  read_string(root, "description", "", s.description);
  if (const auto* v = root.find("seed")) {
    long long seed = 0;
    if (v->kind != tkind::scalar || !parse_integer(v->text, seed)) {
      wrong_type(*v, "seed", "", "an integer");
    } else if (seed < 0) {
      diags_.error(v->loc, "seed must be >= 0, got " + v->text);
    } else {
      s.seed = static_cast<std::uint64_t>(seed);
    }
  }
  read_number(root, "horizon_days", "", s.horizon_days);
  read_number(root, "warmup_days", "", s.warmup_days);
  read_number(root, "train_capacity_teu", "", s.train_capacity_teu);
  if (const auto* rc = root.find("route_choice"); rc && expect_map(*rc, rc->loc, "route_choice")) {
    const auto& sec = section("route_choice");
    check_keys(*rc, rc->loc, sec, "route_choice", applies::any, "");
    read_choice(*rc, sec, "mode", "route_choice", s.route_choice.mode);
    read_int(*rc, "k_paths", "route_choice", s.route_choice.k_paths);
    read_number(*rc, "logit_scale_per_usd", "route_choice", s.route_choice.logit_scale_per_usd);
  }
  read_choice_settings(root, s.choice);
  read_report(root, s.report);
}

scenario converter::run(const tnode& root, const std::string& file, const std::string& stem) {
  scenario s;
  s.source_file = file;
  s.name = stem;
  if (root.kind != tkind::map) {
    diags_.error(root.loc, "expected a map of scenario keys, got " + root.describe());
    return s;
  }
  read_top(root, s);
  read_collection(root, "regions", "", "region", s.regions, &converter::read_region);
  read_collection(root, "cargo_classes", "", "cargo class", s.cargo_classes, &converter::read_cargo_class);
  read_collection(root, "service_classes", "", "service class", s.service_classes,
                  &converter::read_service_class);
  read_collection(root, "wagon_pools", "", "wagon pool", s.wagon_pools, &converter::read_wagon_pool);
  read_collection(root, "nodes", "", "node", s.nodes, &converter::read_node);
  read_collection(root, "edges", "", "edge", s.edges, &converter::read_edge);
  read_collection(root, "flows", "", "flow", s.flows, &converter::read_flow);
  read_collection(root, "disruptions", "", "disruption", s.disruptions, &converter::read_disruption);
  read_collection(root, "corridor_families", "", "corridor family", s.families, &converter::read_family);
  read_collection(root, "alternatives", "", "alternative", s.alternatives, &converter::read_alternative);
  read_collection(root, "markets", "", "market", s.markets, &converter::read_market);
  read_years(root, s);
  return s;
}

scenario convert_tree(const tnode& root, const std::string& file, const std::string& stem,
                      diagnostics& diags) {
  return converter(diags).run(root, file, stem);
}

}  // namespace corridor::detail

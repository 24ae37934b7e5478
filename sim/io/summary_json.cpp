// summary.json: the headline numbers of a set of replications with their 95 % intervals, and the means of
// everything per crossing, ferry, route, edge and cargo class. Key order is fixed (ordered_json), so equal
// summaries print byte-identical files.
#include <algorithm>
#include <initializer_list>
#include <map>

#include "corridor/tidy.hpp"
#include "formats.hpp"

namespace corridor {
namespace {

using detail::json_number;
using detail::ojson;

ojson run_section(const run_summary& s) {
  ojson run;
  run["seed"] = s.seed;
  run["replications"] = s.replications;
  run["events"] = s.events;
  run["wall_seconds"] = json_number(s.wall_seconds.value_or(0.0));
  if (s.wall_seconds && s.threads) run["threads"] = *s.threads;
  run["version"] = s.version;
  run["warmup_days"] = json_number(s.warmup_days);
  if (!s.intervals.empty()) run["intervals"] = s.intervals;
  return run;
}

// "metrics" (means) and "ci95" (half-widths) of every headline metric, and "flows" (each OD's deliveries and
// transit days, with the half-width of its mean transit).
void add_metrics(ojson& out, const run_summary& s) {
  ojson metrics = ojson::object(), ci = ojson::object();
  for (const auto& name : metric_names(s.regions.key())) {
    const metric_stat* m = find_metric(s, "metrics." + name);
    if (m == nullptr) throw io_error({}, "summary.json: the summary has no metrics." + name);
    metrics[name] = json_number(m->mean);
    ci[name] = json_number(m->half_width_95);
  }
  out["metrics"] = std::move(metrics);
  out["ci95"] = std::move(ci);
  ojson flows = ojson::object();
  for (const flow_summary& f : s.flows) {
    flows[f.id] = {{"direction", f.direction},
                   {"teu_per_day", json_number(f.teu_per_day)},
                   {"trains_per_day", json_number(f.trains_per_day)},
                   {"transit_days_mean", json_number(f.transit_days_mean.mean)},
                   {"transit_days_mean_ci95", json_number(f.transit_days_mean.half_width_95)},
                   {"transit_days_p50", json_number(f.transit_days_p50)},
                   {"transit_days_p95", json_number(f.transit_days_p95)},
                   {"buffer_days", json_number(f.buffer_days)},
                   {"train_transit_days_mean", json_number(f.train_transit_days_mean.mean)},
                   {"train_transit_days_mean_ci95", json_number(f.train_transit_days_mean.half_width_95)}};
    if (f.promised_days > 0.0) {
      flows[f.id]["promised_days"] = json_number(f.promised_days);
      flows[f.id]["on_time_share"] = json_number(f.on_time_share);
    }
  }
  out["flows"] = std::move(flows);
}

ojson cost_section(const cost_breakdown& c) {
  ojson j;
  j["haulage"] = json_number(c.haulage);
  j["crossing_fees"] = json_number(c.crossing_fees);
  j["handling"] = json_number(c.handling);
  j["ferry"] = json_number(c.ferry);
  j["subsidy"] = json_number(c.subsidy);
  j["time"] = json_number(c.time);
  j["out_of_pocket"] = json_number(c.out_of_pocket());
  j["generalized"] = json_number(c.generalized());
  return j;
}

ojson direction_section(const run_summary& s) {
  const auto mean = [&](const std::string& name) { return json_number(metric(s, "metrics." + name).mean); };
  const std::string share = "share_" + s.regions.key() + "_trains";
  ojson j;
  j["westbound"] = {{"teu_per_day", mean("throughput_teu_per_day_westbound")},
                    {share, mean(share + "_westbound")}};
  j["eastbound"] = {{"teu_per_day", mean("throughput_teu_per_day_eastbound")},
                    {share, mean(share + "_eastbound")}};
  return j;
}

// The 95 % half-widths of an element's flattened metrics (`<prefix><field>`), for the fields that have one;
// null with fewer than two replications.
void add_interval(ojson& ci, const run_summary& s, const std::string& prefix, const char* field) {
  const metric_stat* m = find_metric(s, prefix + field);
  if (m != nullptr) ci[field] = m->n >= 2 ? json_number(m->half_width_95) : ojson();
}

ojson intervals(const run_summary& s, const std::string& prefix, std::initializer_list<const char*> fields) {
  ojson ci = ojson::object();
  for (const char* field : fields) add_interval(ci, s, prefix, field);
  return ci;
}

// A crossing's TEU and sailings are not measured: left out, as null would be read as "unknown" and 0 as a
// real zero.
ojson queue_entry(const run_summary& s, const queue_result& q) {
  const bool ferry = q.kind == "ferry";
  ojson j;
  j["trains"] = json_number(q.trains);
  if (ferry) j["teu"] = json_number(q.teu);
  j["utilization"] = json_number(q.utilization);
  j["mean_wait_h"] = json_number(q.mean_wait_h);
  j["p95_wait_h"] = json_number(q.p95_wait_h);
  j["mean_queue_trains"] = json_number(q.mean_queue_trains);
  j["max_queue_trains"] = json_number(q.max_queue_trains);
  if (ferry) {
    j["sailings"] = json_number(q.sailings);
    j["cancelled_sailings"] = json_number(q.cancelled_sailings);
  }
  j["ci95"] = intervals(s, (ferry ? "ferries." : "crossings.") + q.id + ".",
                        {"trains", "teu", "utilization", "mean_wait_h", "p95_wait_h", "mean_queue_trains",
                         "max_queue_trains", "sailings", "cancelled_sailings"});
  return j;
}

// A resource port's berths, yard and gate; present only when the scenario has such ports.
ojson port_entry(const run_summary& s, const port_result& p) {
  ojson j;
  j["berths"] = json_number(p.berths);
  ojson ci = ojson::object();
  for (const auto& [name, field] : port_fields) {
    j[name] = json_number(p.*field);
    add_interval(ci, s, "ports." + p.id + ".", name);
  }
  j["ci95"] = std::move(ci);
  return j;
}

void add_elements(ojson& out, const run_summary& s) {
  ojson crossings = ojson::object(), ferries = ojson::object();
  for (const auto& q : s.queues) (q.kind == "ferry" ? ferries : crossings)[q.id] = queue_entry(s, q);
  out["crossings"] = std::move(crossings);
  out["ferries"] = std::move(ferries);
  if (!s.ports.empty()) {
    ojson ports = ojson::object();
    for (const auto& p : s.ports) ports[p.id] = port_entry(s, p);
    out["ports"] = std::move(ports);
  }
  ojson routes = ojson::array();
  std::map<std::string, int> index;  // the k of each route's flattened name routes.<flow>.r<k>
  const std::string via = s.routes.empty() ? "" : route_region_column(s.regions.route_region);
  for (const auto& r : s.routes) {
    const std::string prefix = "routes." + r.flow + ".r" + std::to_string(index[r.flow]++) + ".";
    routes.push_back({{"flow", r.flow},
                      {"route", r.route},
                      {"trains", json_number(r.trains)},
                      {"teu", json_number(r.teu)},
                      {"share", json_number(r.share)},
                      {via, r.via_share_region},
                      {"ci95", intervals(s, prefix, {"trains", "teu", "share"})}});
  }
  out["routes"] = std::move(routes);
  ojson edges = ojson::object();
  for (const auto& e : s.edges) {
    edges[e.id] = {{"trains", json_number(e.trains)},
                   {"teu", json_number(e.teu)},
                   {"utilization", json_number(e.utilization)},
                   {"mean_slot_wait_h", json_number(e.mean_slot_wait_h)},
                   {"ci95", intervals(s, "edges." + e.id + ".", {"teu", "utilization", "mean_slot_wait_h"})}};
  }
  out["edges"] = std::move(edges);
  ojson goods = ojson::array();
  for (const auto& g : s.goods) {
    goods.push_back({{"direction", g.direction},
                     {"cargo_class", g.cargo_class},
                     {"teu", json_number(g.teu)},
                     {"goods_value_usd_per_year", json_number(g.goods_value_usd_per_year)}});
  }
  out["goods"] = std::move(goods);
}

// Markets, report shares and gateways as objects by id: every flattened metric "<kind>.<id>.<field>" as its
// mean over the replications, with "<field>_ci95" its 95 % half-width.
void add_grouped(ojson& out, const run_summary& s, const std::string& kind) {
  ojson group = ojson::object();
  for (const metric_stat& m : s.metrics) {
    const metric_parts p = split_metric_name(m.name);
    if (p.kind != kind || p.element.empty()) continue;
    group[p.element][p.field] = json_number(m.mean);
    group[p.element][p.field + "_ci95"] = json_number(m.half_width_95);
  }
  out[kind] = std::move(group);
}

// "reliability" (the on-time share against promised transits) when a flow or market promises one,
// "disruptions" by id when the scenario has random ones, "plans" by crossing when some crossing has a daily
// plan, "customs" by crossing where customs has servers, "crossings_entering" and "crossings_leaving" by
// crossing where tracks are kept per direction, "reblocking" by crossing where containers change trains,
// and "wagon_pools" by pool with "empty_trains" when the scenario has wagon pools: each field with its
// "_ci95".
void add_optional(ojson& out, const run_summary& s) {
  ojson reliability = ojson::object();
  for (const metric_stat& m : s.metrics) {
    const metric_parts p = split_metric_name(m.name);
    if (p.kind != "reliability") continue;
    reliability[p.field] = json_number(m.mean);
    reliability[p.field + "_ci95"] = json_number(m.half_width_95);
  }
  if (!reliability.empty()) out["reliability"] = std::move(reliability);
  const bool random_disruptions = std::any_of(s.metrics.begin(), s.metrics.end(), [](const metric_stat& m) {
    return split_metric_name(m.name).kind == "disruptions";
  });
  if (random_disruptions) add_grouped(out, s, "disruptions");
  const bool plans = std::any_of(s.metrics.begin(), s.metrics.end(), [](const metric_stat& m) {
    return split_metric_name(m.name).kind == "plans";
  });
  if (plans) add_grouped(out, s, "plans");
  const bool customs = std::any_of(s.metrics.begin(), s.metrics.end(), [](const metric_stat& m) {
    return split_metric_name(m.name).kind == "customs";
  });
  if (customs) add_grouped(out, s, "customs");
  const bool reblocking = std::any_of(s.metrics.begin(), s.metrics.end(), [](const metric_stat& m) {
    return split_metric_name(m.name).kind == "reblocking";
  });
  if (reblocking) add_grouped(out, s, "reblocking");
  for (const char* way : {"crossings_entering", "crossings_leaving"}) {
    const bool split = std::any_of(s.metrics.begin(), s.metrics.end(), [way](const metric_stat& m) {
      return split_metric_name(m.name).kind == way;
    });
    if (split) add_grouped(out, s, way);
  }
  // Rolling stock: each pool's fields, and the empty trains' km and count over every pool.
  if (const metric_stat* km = find_metric(s, "wagon_pools.empty_train_km")) {
    add_grouped(out, s, "wagon_pools");
    const metric_stat& trains = metric(s, "wagon_pools.empty_trains");
    out["empty_trains"] = {{"trains", json_number(trains.mean)},
                           {"trains_ci95", json_number(trains.half_width_95)},
                           {"train_km", json_number(km->mean)},
                           {"train_km_ci95", json_number(km->half_width_95)}};
  }
}

}  // namespace

namespace detail {

// Multi-year runs: per calendar year, "metrics" (means) and "ci95" (half-widths) by flattened name.
ojson years_section(const run_summary& s) {
  ojson years = ojson::array();
  for (const year_summary& y : s.years) {
    ojson metrics = ojson::object(), ci = ojson::object();
    for (const metric_stat& m : y.metrics) {
      metrics[m.name] = json_number(m.mean);
      ci[m.name] = json_number(m.half_width_95);
    }
    years.push_back({{"year", y.year}, {"metrics", std::move(metrics)}, {"ci95", std::move(ci)}});
  }
  return years;
}

ojson summary_object(const run_summary& s) {
  ojson out;
  out["scenario"] = {{"name", s.scenario_name}, {"file", s.scenario_file}};
  out["run"] = run_section(s);
  add_metrics(out, s);
  out["cost_breakdown"] = cost_section(s.cost);
  out["throughput_by_direction"] = direction_section(s);
  add_elements(out, s);
  for (const char* section : {"markets", "shares", "gateways"}) add_grouped(out, s, section);
  add_optional(out, s);
  out["empty_trains_moved"] = json_number(metric(s, "metrics.empty_trains_moved").mean);
  if (!s.years.empty()) out["years"] = years_section(s);
  return out;
}

ojson share_object(const run_summary& s) {
  return {{"key", s.regions.key()},
          {"region", s.regions.region},
          {"avoiding", s.regions.avoiding},
          {"route_region", s.regions.route_region}};
}

}  // namespace detail

std::string summary_json(const run_summary& s) {
  return detail::dump_json(detail::summary_object(s));
}

}  // namespace corridor

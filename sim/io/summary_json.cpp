// summary.json: the headline numbers of a set of replications with their 95 % intervals, and the means of
// everything per crossing, ferry, route, edge and cargo class. Key order is fixed (ordered_json), so equal
// inputs print byte-identical files.
#include <map>

#include "aggregate.hpp"
#include "corridor/io.hpp"
#include "json_util.hpp"

namespace corridor {
namespace {

using detail::json_number;
using detail::ojson;

ojson run_section(const run_info& info, std::uint64_t events) {
  ojson run;
  run["seed"] = info.seed;
  run["replications"] = info.replications;
  run["events"] = events;
  run["wall_seconds"] = json_number(info.include_wall_clock ? info.wall_seconds : 0.0);
  if (info.include_wall_clock && info.threads) run["threads"] = *info.threads;
  run["version"] = info.version;
  run["warmup_days"] = json_number(info.warmup_days);
  return run;
}

// "metrics" (means) and "ci95" (half-widths) for every headline metric, and "flows" (each OD's deliveries and
// transit days, with the half-width of its mean transit), from summarize_runs().
void add_metrics(ojson& out, const std::vector<run_result>& runs) {
  std::map<std::string, const metric_stat*> by_name;
  const auto stats = summarize_runs(runs);
  for (const auto& st : stats) by_name.emplace(st.name, &st);
  const auto stat = [&](const std::string& name) {
    auto it = by_name.find(name);
    if (it == by_name.end()) throw io_error({}, "summary: summarize_runs() has no " + name);
    return it->second;
  };
  ojson metrics = ojson::object(), ci = ojson::object();
  for (const auto& name : metric_names()) {
    auto it = by_name.find("metrics." + name);
    if (it == by_name.end()) throw io_error({}, "summary: summarize_runs() has no metrics." + name);
    metrics[name] = json_number(it->second->mean);
    ci[name] = json_number(runs.size() < 2 ? 0.0 : it->second->half_width_95);
  }
  out["metrics"] = std::move(metrics);
  out["ci95"] = std::move(ci);
  ojson flows = ojson::object();
  const double days = runs.front().window_days;
  for (const flow_result& f : runs.front().flows) {
    const std::string p = "flows." + f.id + ".";
    flows[f.id] = {{"direction", f.direction},
                   {"teu_per_day", json_number(days > 0 ? stat(p + "teu")->mean / days : 0.0)},
                   {"trains_per_day", json_number(days > 0 ? stat(p + "trains")->mean / days : 0.0)},
                   {"transit_days_mean", json_number(stat(p + "transit_days_mean")->mean)},
                   {"transit_days_mean_ci95",
                    json_number(runs.size() < 2 ? 0.0 : stat(p + "transit_days_mean")->half_width_95)},
                   {"transit_days_p50", json_number(stat(p + "transit_days_p50")->mean)},
                   {"transit_days_p95", json_number(stat(p + "transit_days_p95")->mean)}};
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

ojson direction_section(const std::vector<run_result>& runs) {
  using detail::mean_of;
  ojson j;
  j["westbound"] = {
      {"teu_per_day", json_number(mean_of(runs, &run_result::throughput_teu_per_day_westbound))},
      {"share_central_asia_trains",
       json_number(mean_of(runs, &run_result::share_central_asia_trains_westbound))}};
  j["eastbound"] = {
      {"teu_per_day", json_number(mean_of(runs, &run_result::throughput_teu_per_day_eastbound))},
      {"share_central_asia_trains",
       json_number(mean_of(runs, &run_result::share_central_asia_trains_eastbound))}};
  return j;
}

ojson queue_entry(const queue_result& q) {
  ojson j;
  j["trains"] = json_number(q.trains);
  j["teu"] = json_number(q.teu);
  j["utilization"] = json_number(q.utilization);
  j["mean_wait_h"] = json_number(q.mean_wait_h);
  j["p95_wait_h"] = json_number(q.p95_wait_h);
  j["mean_queue_trains"] = json_number(q.mean_queue_trains);
  j["max_queue_trains"] = json_number(q.max_queue_trains);
  if (q.kind == "ferry") {
    j["sailings"] = json_number(q.sailings);
    j["cancelled_sailings"] = json_number(q.cancelled_sailings);
  }
  return j;
}

void add_entities(ojson& out, const std::vector<run_result>& runs) {
  ojson crossings = ojson::object(), ferries = ojson::object();
  for (const auto& q : detail::mean_queues(runs))
    (q.kind == "ferry" ? ferries : crossings)[q.id] = queue_entry(q);
  out["crossings"] = std::move(crossings);
  out["ferries"] = std::move(ferries);
  ojson routes = ojson::array();
  for (const auto& r : detail::mean_routes(runs)) {
    routes.push_back({{"flow", r.flow},
                      {"route", r.route},
                      {"trains", json_number(r.trains)},
                      {"teu", json_number(r.teu)},
                      {"share", json_number(r.share)},
                      {"via_central_asia", r.via_share_region}});
  }
  out["routes"] = std::move(routes);
  ojson edges = ojson::object();
  for (const auto& e : detail::mean_edges(runs)) {
    edges[e.id] = {{"trains", json_number(e.trains)},
                   {"teu", json_number(e.teu)},
                   {"utilization", json_number(e.utilization)},
                   {"mean_slot_wait_h", json_number(e.mean_slot_wait_h)}};
  }
  out["edges"] = std::move(edges);
  ojson goods = ojson::array();
  for (const auto& g : detail::mean_goods(runs)) {
    goods.push_back({{"direction", g.direction},
                     {"cargo_class", g.cargo_class},
                     {"teu", json_number(g.teu)},
                     {"goods_value_usd_per_year", json_number(g.goods_value_usd_per_year)}});
  }
  out["goods"] = std::move(goods);
}

}  // namespace

std::string summary_json(const scenario& s, const std::vector<run_result>& runs, const run_info& info) {
  detail::require_runs(runs, "summary.json");
  std::uint64_t events = 0;
  for (const auto& r : runs) events += r.events;
  ojson out;
  out["scenario"] = {{"name", s.name}, {"file", s.source_file}};
  out["run"] = run_section(info, info.events != 0 ? info.events : events);
  add_metrics(out, runs);
  out["cost_breakdown"] = cost_section(detail::mean_cost(runs));
  out["throughput_by_direction"] = direction_section(runs);
  add_entities(out, runs);
  out["empty_trains_moved"] = json_number(detail::mean_of(runs, &run_result::empty_trains_moved));
  return detail::dump_json(out);
}

}  // namespace corridor

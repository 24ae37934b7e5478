// The flat view of a run_result: every number with a stable name, in an order fixed by the scenario (all
// crossings, ferry legs and routes of the path sets are always listed), so replications line up by index.
#include "corridor/results.hpp"

#include <stdexcept>

namespace corridor {

namespace {

// A headline metric: `name`, or for the share metrics (share_) "share_<key>_<name>".
struct headline {
  const char* name;
  double run_result::*field;
  bool share = false;
};

constexpr headline headlines[] = {
    {"throughput_teu_per_day", &run_result::throughput_teu_per_day},
    {"throughput_trains_per_day", &run_result::throughput_trains_per_day},
    {"throughput_teu_per_day_westbound", &run_result::throughput_teu_per_day_westbound},
    {"throughput_teu_per_day_eastbound", &run_result::throughput_teu_per_day_eastbound},
    {"cost_usd_per_teu", &run_result::cost_usd_per_teu},
    {"generalized_cost_usd_per_teu", &run_result::generalized_cost_usd_per_teu},
    {"transit_days_mean", &run_result::transit_days_mean},
    {"transit_days_p50", &run_result::transit_days_p50},
    {"transit_days_p95", &run_result::transit_days_p95},
    {"trains", &run_result::share_via_trains, true},
    {"teu", &run_result::share_via_teu, true},
    {"trains_westbound", &run_result::share_via_trains_westbound, true},
    {"trains_eastbound", &run_result::share_via_trains_eastbound, true},
    {"containers_entered", &run_result::containers_entered},
    {"containers_delivered", &run_result::containers_delivered},
    {"containers_in_system", &run_result::containers_in_system},
    {"empty_trains_moved", &run_result::empty_trains_moved},
    {"transit_buffer_days", &run_result::transit_buffer_days},
};

void flatten_markets(const std::vector<market_result>& markets,
                     std::vector<std::pair<std::string, double>>& out) {
  for (const market_result& m : markets) {
    const std::string prefix = "markets." + m.id + ".";
    out.emplace_back(prefix + "demand_teu_per_year", m.demand_teu_per_year);
    for (const auto& [mode, teu] : m.teu_per_year_by_mode)
      out.emplace_back(prefix + mode + "_teu_per_year", teu);
    out.emplace_back(prefix + "not_shipped_teu_per_year", m.not_shipped_teu_per_year);
    out.emplace_back(prefix + "rail_share", m.rail_share);
    out.emplace_back(prefix + "rail_entered_teu_per_year", m.rail_entered_teu_per_year);
    out.emplace_back(prefix + "rail_delivered_teu_per_year", m.rail_delivered_teu_per_year);
    out.emplace_back(prefix + "transit_days_mean", m.transit_days_mean);
    out.emplace_back(prefix + "transit_days_p95", m.transit_days_p95);
    out.emplace_back(prefix + "buffer_days", m.buffer_days);
    if (m.promised_days > 0.0) out.emplace_back(prefix + "on_time_share", m.on_time_share);
    out.emplace_back(prefix + "cost_usd_per_teu", m.cost_usd_per_teu);
    out.emplace_back(prefix + "generalized_cost_usd_per_teu", m.generalized_cost_usd_per_teu);
  }
}

}  // namespace

std::vector<std::string> metric_names(std::string_view share_key) {
  if (share_key.empty()) throw std::invalid_argument("metric_names: no share region to name the shares by");
  std::vector<std::string> names;
  for (const headline& h : headlines) {
    names.push_back(h.share ? "share_" + std::string(share_key) + "_" + h.name : std::string(h.name));
  }
  return names;
}

std::string route_region_column(std::string_view region) {
  if (region.empty()) throw std::invalid_argument("route_region_column: no region to name the column by");
  return "via_" + std::string(region);
}

std::vector<std::pair<std::string, double>> run_result::flatten() const {
  std::vector<std::pair<std::string, double>> out;
  const std::vector<std::string> names = metric_names(regions.key());
  for (std::size_t i = 0; i < names.size(); ++i)
    out.emplace_back("metrics." + names[i], this->*headlines[i].field);
  const std::pair<const char*, double> costs[] = {
      {"haulage", cost.haulage},   {"crossing_fees", cost.crossing_fees},
      {"handling", cost.handling}, {"ferry", cost.ferry},
      {"subsidy", cost.subsidy},   {"time", cost.time}};
  for (const auto& [name, value] : costs) out.emplace_back(std::string("cost.") + name, value);
  if (has_promises) {
    out.emplace_back("reliability.promised_teu", promised_teu);
    out.emplace_back("reliability.on_time_share", on_time_share);
  }
  for (const disruption_result& d : disruptions) {
    out.emplace_back("disruptions." + d.id + ".onsets", d.onsets);
    out.emplace_back("disruptions." + d.id + ".days_in_force", d.days_in_force);
  }
  for (const plan_result& p : plans) {
    out.emplace_back("plans." + p.id + ".booked_trains", p.booked_trains);
    out.emplace_back("plans." + p.id + ".held_trains", p.held_trains);
    out.emplace_back("plans." + p.id + ".mean_hold_h", p.mean_hold_h);
  }
  // A queue's measures: a ferry's TEU after its trains, the rest as every queue has them.
  const auto queue_fields = [&out](const std::string& prefix, const queue_result& q) {
    out.emplace_back(prefix + "trains", q.trains);
    if (q.kind == "ferry") out.emplace_back(prefix + "teu", q.teu);
    out.emplace_back(prefix + "utilization", q.utilization);
    out.emplace_back(prefix + "mean_wait_h", q.mean_wait_h);
    out.emplace_back(prefix + "p95_wait_h", q.p95_wait_h);
    out.emplace_back(prefix + "mean_queue_trains", q.mean_queue_trains);
    out.emplace_back(prefix + "max_queue_trains", q.max_queue_trains);
  };
  for (const queue_result& q : customs) queue_fields("customs." + q.id + ".", q);
  for (const queue_result& q : crossing_ways) queue_fields(q.kind + "." + q.id + ".", q);
  for (const queue_result& q : queues) {
    const std::string prefix = (q.kind == "ferry" ? "ferries." : "crossings.") + q.id + ".";
    queue_fields(prefix, q);
    if (q.kind == "ferry") {
      out.emplace_back(prefix + "sailings", q.sailings);
      out.emplace_back(prefix + "cancelled_sailings", q.cancelled_sailings);
    }
  }
  for (const port_result& p : ports) {
    for (const auto& [name, field] : port_fields) out.emplace_back("ports." + p.id + "." + name, p.*field);
  }
  for (const wagon_pool_result& w : wagon_pools) {
    for (const auto& [name, field] : wagon_pool_fields)
      out.emplace_back("wagon_pools." + w.id + "." + name, w.*field);
  }
  if (!wagon_pools.empty()) {
    out.emplace_back("wagon_pools.empty_trains", empty_trains);
    out.emplace_back("wagon_pools.empty_train_km", empty_train_km);
  }
  for (const reblock_result& b : reblocking) {
    for (const auto& [name, field] : reblock_fields)
      out.emplace_back("reblocking." + b.id + "." + name, b.*field);
  }
  std::string last_flow;
  int index = 0;
  for (const route_result& r : routes) {
    index = r.flow == last_flow ? index + 1 : 0;
    last_flow = r.flow;
    const std::string prefix = "routes." + r.flow + ".r" + std::to_string(index) + ".";
    out.emplace_back(prefix + "trains", r.trains);
    out.emplace_back(prefix + "teu", r.teu);
    out.emplace_back(prefix + "share", r.share);
  }
  for (const flow_result& f : flows) {
    const std::string prefix = "flows." + f.id + ".";
    out.emplace_back(prefix + "teu", f.teu);
    out.emplace_back(prefix + "trains", f.trains);
    out.emplace_back(prefix + "transit_days_mean", f.transit_days_mean);
    out.emplace_back(prefix + "transit_days_p50", f.transit_days_p50);
    out.emplace_back(prefix + "transit_days_p95", f.transit_days_p95);
    out.emplace_back(prefix + "buffer_days", f.buffer_days);
    out.emplace_back(prefix + "train_transit_days_mean", f.train_transit_days_mean);
    if (f.promised_days > 0.0) out.emplace_back(prefix + "on_time_share", f.on_time_share);
  }
  for (const edge_result& e : edges) {
    out.emplace_back("edges." + e.id + ".teu", e.teu);
    out.emplace_back("edges." + e.id + ".utilization", e.utilization);
    out.emplace_back("edges." + e.id + ".mean_slot_wait_h", e.mean_slot_wait_h);
  }
  flatten_markets(markets, out);
  for (const share_result& sh : shares) {
    const std::string prefix = "shares." + sh.id + ".";
    out.emplace_back(prefix + "trains", sh.trains);
    out.emplace_back(prefix + "teu", sh.teu);
    out.emplace_back(prefix + "trains_westbound", sh.trains_westbound);
    out.emplace_back(prefix + "trains_eastbound", sh.trains_eastbound);
    out.emplace_back(prefix + "teu_westbound", sh.teu_westbound);
    out.emplace_back(prefix + "teu_eastbound", sh.teu_eastbound);
    out.emplace_back(prefix + "population_trains", sh.population_trains);
  }
  for (const gateway_result& g : gateways) {
    const std::string prefix = "gateways." + g.id + ".";
    out.emplace_back(prefix + "trains", g.trains);
    out.emplace_back(prefix + "share_trains", g.share_trains);
    out.emplace_back(prefix + "share_teu", g.share_teu);
  }
  return out;
}

}  // namespace corridor

// Everything fixed before a run: the network, and per flow the k cheapest routes by static generalized cost
// (tariffs, fees, handling, ferry fares and the flow's value of time over nominal travel and service times).
#include <fmt/format.h>
#include <cmath>

#include "corridor/model.hpp"

namespace corridor {
namespace {

double mean_crossing_hours(const crossing_spec& c) {
  // Nominal: assume the gauge changes when the crossing joins two gauges (the common case).
  return c.transshipment_h.mean() + c.customs_dwell_h.mean();
}

double mean_ferry_wait_days(const ferry_spec& f) {
  if (f.every_days > 0) return f.every_days / 2.0;
  if (!f.weekdays.empty()) return 3.5 / static_cast<double>(f.weekdays.size());
  return 0.0;
}

path_weights static_weights(const scenario& s, const network& net, double vot_usd_per_teu_day) {
  path_weights w;
  w.edge_cost.resize(net.num_edges());
  for (std::uint32_t i = 0; i < net.num_edges(); ++i) {
    const edge_props& e = net.props(i);
    const edge_spec& spec = s.edges[e.spec];
    double usd = 0.0;
    double days = e.travel_days();
    if (e.mode == edge_mode::rail) {
      usd = e.tariff_usd_per_teu_km * e.distance_km;
    } else {
      usd = spec.ferry.fare_usd_per_teu;
      days += mean_ferry_wait_days(spec.ferry);
    }
    w.edge_cost[i] = usd + vot_usd_per_teu_day * days;
  }
  w.node_cost.resize(net.num_nodes());
  for (vertex_t v = 0; v < net.num_nodes(); ++v) {
    const node_spec& n = s.nodes[net.props(v).spec];
    double usd = n.handling_usd_per_teu;
    double hours = 0.0;
    if (n.kind == node_kind::crossing) {
      usd += n.crossing.fee_usd_per_teu;
      hours = mean_crossing_hours(n.crossing);
    }
    w.node_cost[v] = usd + vot_usd_per_teu_day * hours / 24.0;
  }
  return w;
}

}  // namespace

prepared_scenario::prepared_scenario(scenario s) : spec(std::move(s)), net(spec) {
  // Border points: two routes through the same crossings and ports are one corridor to a planner.
  std::vector<bool> border(net.num_nodes(), false);
  for (vertex_t v = 0; v < net.num_nodes(); ++v) {
    border[v] = net.props(v).kind == node_kind::crossing || net.props(v).kind == node_kind::port;
  }
  path_sets.reserve(spec.flows.size());
  for (const flow_spec& f : spec.flows) {
    const cargo_class_spec* cc = spec.find_cargo_class(f.cargo_class);
    if (cc == nullptr)
      throw model_error(fmt::format("flow '{}': unknown cargo class '{}'", f.id, f.cargo_class));
    const path_weights w = static_weights(spec, net, cc->value_of_time_usd_per_teu_day);
    auto paths =
        k_distinct_corridors(net, net.node(f.from), net.node(f.to), spec.route_choice.k_paths, w, border);
    if (paths.empty())
      throw model_error(fmt::format("flow '{}': no route from '{}' to '{}'", f.id, f.from, f.to));
    path_sets.push_back(std::move(paths));
  }
}

}  // namespace corridor

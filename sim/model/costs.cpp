// The cost terms of network elements, from the scenario alone (see costs.hpp for what each holds).
#include "costs.hpp"

#include <algorithm>

#include "calendar.hpp"

namespace corridor::detail {

double sailing_interval_h(const ferry_spec& f) {
  // when_full: sailings at most max_wait_h apart while trains come, and no closer than the vessel's cycle.
  if (f.sailing == sailing_policy::when_full) return std::max(f.every_days * hours_per_day, f.max_wait_h);
  return f.every_days > 0 ? f.every_days * hours_per_day
                          : hours_per_week / static_cast<double>(f.weekdays.size());
}

bool joins_two_gauges(const network& net, vertex_t v) {
  int gauge = 0;
  const auto differs = [&](edge_t e) {
    const edge_props& ep = net.graph()[e];
    if (ep.mode != edge_mode::rail) return false;
    if (gauge == 0) gauge = ep.gauge_mm;
    return ep.gauge_mm != gauge;
  };
  for (auto [it, end] = boost::out_edges(v, net.graph()); it != end; ++it) {
    if (differs(*it)) return true;
  }
  for (auto [it, end] = boost::in_edges(v, net.graph()); it != end; ++it) {
    if (differs(*it)) return true;
  }
  return false;
}

double nominal_crossing_hours(const scenario& s, const network& net, vertex_t v) {
  const crossing_spec& c = s.nodes[net.props(v).spec].crossing;
  const distribution& service = joins_two_gauges(net, v) ? c.transshipment_h : c.pass_through_h;
  return service.mean() + c.customs_dwell_h.mean();
}

cost_terms nominal_edge_terms(const scenario& s, const network& net, std::uint32_t edge) {
  const edge_props& ep = net.props(edge);
  const double travel_h = ep.travel_days() * hours_per_day;
  if (ep.mode == edge_mode::rail) {
    return {.out_of_pocket_usd_per_teu = ep.tariff_usd_per_teu_km * ep.distance_km, .hours = travel_h};
  }
  const ferry_spec& f = s.edges[ep.spec].ferry;
  return {.out_of_pocket_usd_per_teu = f.fare_usd_per_teu, .hours = travel_h + sailing_interval_h(f) / 2.0};
}

cost_terms nominal_node_terms(const scenario& s, const network& net, vertex_t v) {
  const node_spec& n = s.nodes[net.props(v).spec];
  if (n.kind != node_kind::crossing)
    return {.out_of_pocket_usd_per_teu = n.handling_usd_per_teu, .hours = 0.0};
  return {.out_of_pocket_usd_per_teu = n.handling_usd_per_teu + n.crossing.fee_usd_per_teu,
          .hours = nominal_crossing_hours(s, net, v)};
}

path_weights nominal_weights(const scenario& s, const network& net, double value_of_time_usd_per_teu_h) {
  path_weights w;
  w.edge_cost.resize(net.num_edges());
  for (std::uint32_t e = 0; e < net.num_edges(); ++e) {
    w.edge_cost[e] = generalized_cost_usd_per_teu(nominal_edge_terms(s, net, e), value_of_time_usd_per_teu_h);
  }
  w.node_cost.resize(net.num_nodes());
  for (vertex_t v = 0; v < net.num_nodes(); ++v) {
    w.node_cost[v] = generalized_cost_usd_per_teu(nominal_node_terms(s, net, v), value_of_time_usd_per_teu_h);
  }
  return w;
}

double route_usd_per_teu(const scenario& s, const network& net, const path& p) {
  double usd = 0.0;
  for (std::size_t i = 0; i < p.edges.size(); ++i) {
    usd += nominal_edge_terms(s, net, p.edges[i]).out_of_pocket_usd_per_teu;
    usd += nominal_node_terms(s, net, p.nodes[i + 1]).out_of_pocket_usd_per_teu;
  }
  return usd;
}

}  // namespace corridor::detail

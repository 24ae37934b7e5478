// Setting up a run: the facts derived once from the scenario, every random stream keyed by
// (seed, replication, entity id), and state and tallies sized for the network.
#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "calendar.hpp"
#include "costs.hpp"
#include "model.hpp"

namespace corridor::detail {
namespace {

// A scenario edge's second direction draws from its own streams.
constexpr std::string_view reverse_suffix = "~rev";

rng_stream stream(const run_frame& f, std::string_view what, std::string_view id) {
  return rng_stream(f.seed, f.replication, fmt::format("{}:{}", what, id));
}

direction direction_of(const scenario& s, const node_spec& from, const node_spec& to) {
  if (s.in_region(s.report.origin_region, from.country)) return direction::westbound;
  if (s.in_region(s.report.origin_region, to.country)) return direction::eastbound;
  return direction::other;
}

bool counts_for_share(const scenario& s, const node_spec& from, const node_spec& to) {
  const auto in = [&](const std::string& region, const node_spec& n) {
    return s.in_region(region, n.country);
  };
  const report_spec& r = s.report;
  return (in(r.origin_region, from) && in(r.destination_region, to)) ||
         (in(r.destination_region, from) && in(r.origin_region, to));
}

service_facts make_flow_facts(const prepared_scenario& p, service_id f) {
  const scenario& s = p.spec;
  const flow_spec& fs = s.flows[f];
  service_facts ff;
  const double cap = fs.train_capacity_teu > 0 ? fs.train_capacity_teu : s.train_capacity_teu;
  ff.capacity_teu = std::max(1, static_cast<int>(std::lround(cap)));
  double peak = 0.0;
  for (double m : fs.seasonality) peak = std::max(peak, m);
  ff.rate_max_per_h = fs.teu_per_week * peak / hours_per_week;
  const cargo_class_spec* cc = s.find_cargo_class(fs.cargo_class);
  ff.value_of_time_per_h = cc->value_of_time_usd_per_teu_day / hours_per_day;
  ff.cargo_class = static_cast<std::uint32_t>(cc - s.cargo_classes.data());
  const node_spec& from = *s.find_node(fs.from);
  const node_spec& to = *s.find_node(fs.to);
  ff.dir = direction_of(s, from, to);
  ff.counts_for_share = counts_for_share(s, from, to);
  for (const path& route : p.path_sets[f]) ff.route_usd.push_back(route_usd_per_teu(s, p.net, route));
  return ff;
}

model_facts make_facts(const prepared_scenario& p) {
  model_facts facts;
  for (service_id f = 0; f < p.spec.flows.size(); ++f) facts.services.push_back(make_flow_facts(p, f));
  facts.nodes.resize(p.net.num_nodes());
  for (vertex_t v = 0; v < p.net.num_nodes(); ++v) {
    const node_props& n = p.net.props(v);
    facts.nodes[v].is_crossing = n.kind == node_kind::crossing;
    facts.nodes[v].is_terminal = n.kind == node_kind::terminal;
    facts.nodes[v].in_share_region = p.spec.in_region(p.spec.report.share_region, n.country);
    if (n.kind == node_kind::crossing)
      facts.nodes[v].nominal_service_h = nominal_crossing_hours(p.spec, p.net, v);
  }
  return facts;
}

corridor_state make_state(const prepared_scenario& p, const run_frame& frame) {
  const scenario& s = p.spec;
  const network& net = p.net;
  corridor_state st;
  st.services.resize(s.flows.size());
  for (service_id f = 0; f < s.flows.size(); ++f) {
    st.services[f].arrivals_rng = stream(frame, "arrivals", s.flows[f].id);
    st.services[f].route_rng = stream(frame, "route", s.flows[f].id);
  }
  st.nodes.resize(net.num_nodes());
  st.crossings.resize(net.num_nodes());
  for (vertex_t v = 0; v < net.num_nodes(); ++v) {
    if (net.props(v).kind != node_kind::crossing) continue;
    st.crossings[v].service_rng = stream(frame, "crossing", net.props(v).id);
    st.crossings[v].customs_rng = stream(frame, "customs", net.props(v).id);
  }
  st.lines.resize(net.num_edges());
  st.ferries.resize(net.num_edges());
  for (edge_id e = 0; e < net.num_edges(); ++e) {
    const edge_props& ep = net.props(e);
    const std::string id = s.edges[ep.spec].id + std::string(ep.reverse ? reverse_suffix : "");
    st.lines[e].travel_rng = stream(frame, "travel", id);
    st.ferries[e].weather_rng = stream(frame, "weather", id);
  }
  st.disruptions.resize(s.disruptions.size());
  return st;
}

run_tallies make_tallies(const prepared_scenario& p) {
  const std::size_t nodes = p.net.num_nodes(), edges = p.net.num_edges();
  run_tallies t;
  t.services.resize(p.spec.flows.size());
  for (service_id f = 0; f < p.spec.flows.size(); ++f) {
    t.services[f].route_trains.assign(p.path_sets[f].size(), 0.0);
    t.services[f].route_teu.assign(p.path_sets[f].size(), 0.0);
  }
  t.goods_teu.assign(direction_count, std::vector<double>(p.spec.cargo_classes.size(), 0.0));
  t.terminal_departures.assign(nodes, 0.0);
  t.terminal_arrivals.assign(nodes, 0.0);
  t.crossing_queues.resize(nodes);
  t.ferry_queues.resize(edges);
  t.lines.resize(edges);
  t.ferries.resize(edges);
  return t;
}

}  // namespace

model::model(const prepared_scenario& p, const run_frame& f)
    : spec(p.spec),
      net(p.net),
      path_sets(p.path_sets),
      frame(f),
      facts(make_facts(p)),
      state(make_state(p, f)),
      tallies(make_tallies(p)) {}

}  // namespace corridor::detail

// Setting up a run: the facts derived once from the scenario, every random stream keyed by
// (seed, replication, entity id), and state and tallies sized for the network.
#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <map>

#include "calendar.hpp"
#include "costs.hpp"
#include "disruptions.hpp"
#include "model.hpp"
#include "routing.hpp"
#include "wagons.hpp"

namespace corridor::detail {
namespace {

// A scenario edge's second direction draws from its own streams.
constexpr std::string_view reverse_suffix = "~rev";

rng_stream stream(const run_frame& f, std::string_view what, std::string_view id) {
  return rng_stream(f.seed, f.replication, fmt::format("{}:{}", what, id));
}

direction direction_of(const scenario& s, const std::string& origin_region, const node_spec& from,
                       const node_spec& to) {
  if (s.node_in_region(origin_region, from)) return direction::westbound;
  if (s.node_in_region(origin_region, to)) return direction::eastbound;
  return direction::other;
}

bool between(const scenario& s, const std::string& a, const std::string& b, const node_spec& from,
             const node_spec& to) {
  return (s.node_in_region(a, from) && s.node_in_region(b, to)) ||
         (s.node_in_region(b, from) && s.node_in_region(a, to));
}

// Out of pocket per path, plus the premium the market's shippers put on each risk region the path passes and
// the constant of the path's corridor family.
std::vector<double> route_usd(const prepared_scenario& p, service_id sv) {
  const scenario& s = p.spec;
  const service& svc = p.services[sv];
  std::vector<double> out;
  const std::vector<std::uint32_t>& offsets = p.family_offsets[sv];
  std::size_t family = 0;
  for (const path& route : p.path_sets[sv]) {
    // What the shipper pays from the origin on: the origin's handling less its subsidy (the same on every
    // route of a service, so it moves mode choice, not route choice), then the route's own terms.
    const node_spec& origin = s.nodes[p.net.props(route.nodes.front()).spec];
    double usd =
        origin.handling_usd_per_teu - origin.subsidy_usd_per_teu + route_usd_per_teu(s, p.net, route);
    if (svc.market != no_index) {
      for (const market_risk_spec& r : s.markets[svc.market].risks) {
        const bool passes = std::any_of(route.nodes.begin(), route.nodes.end(), [&](vertex_t v) {
          return s.node_in_region(r.region, s.nodes[p.net.props(v).spec]);
        });
        if (passes) usd += r.premium_usd_per_teu;
      }
    }
    // The family's constant (the last nest, "other", has none).
    while (offsets[family + 1] <= out.size()) ++family;
    if (family < s.families.size()) usd += s.families[family].constant_usd_per_teu;
    out.push_back(usd);
  }
  return out;
}

void add_share_facts(const scenario& s, const node_spec& from, const node_spec& to, service_facts& sf) {
  const report_spec& r = s.report;
  sf.dir = direction_of(s, r.origin_region, from, to);
  sf.counts_for_share = between(s, r.origin_region, r.destination_region, from, to);
  for (const share_spec& share : r.shares) {
    sf.in_share.push_back(between(s, share.from_region, share.to_region, from, to));
    sf.share_dir.push_back(direction_of(s, share.from_region, from, to));
  }
}

service_facts make_service_facts(const prepared_scenario& p, service_id sv) {
  const scenario& s = p.spec;
  const service& svc = p.services[sv];
  service_facts sf;
  sf.capacity_teu = svc.capacity_teu;
  sf.max_wait_h = svc.max_wait_h;
  sf.flow = svc.flow;
  sf.market = svc.market;
  sf.mode_choice = svc.market != no_index;
  if (svc.flow != no_index) {
    const flow_spec& fs = s.flows[svc.flow];
    sf.arrivals = fs.arrivals;
    sf.departures = fs.departures;
    sf.seasonality = &fs.seasonality;
    if (const service_class_spec* c = s.find_service_class(fs.service_class)) {
      sf.priority = static_cast<std::uint8_t>(c->priority);
      sf.speed_factor = c->speed_factor;
    }
  } else {
    sf.seasonality = &s.markets[svc.market].seasonality;
  }
  for (const service_demand& d : svc.demand) {
    const double vot_per_h = s.cargo_classes[d.cargo_class].value_of_time_usd_per_teu_day / hours_per_day;
    sf.demand.push_back(
        {.cargo_class = d.cargo_class, .teu_per_h = d.teu_per_h, .value_of_time_per_h = vot_per_h});
  }
  add_share_facts(s, *s.find_node(svc.from), *s.find_node(svc.to), sf);
  sf.route_usd = route_usd(p, sv);
  return sf;
}

node_facts make_node_facts(const prepared_scenario& p, vertex_t v,
                           std::map<std::string, std::uint32_t>& countries) {
  const scenario& s = p.spec;
  const node_props& n = p.net.props(v);
  const node_spec& spec = s.nodes[n.spec];
  node_facts nf;
  nf.is_crossing = n.kind == node_kind::crossing;
  nf.is_terminal = n.kind == node_kind::terminal;
  nf.is_port_resource = n.kind == node_kind::port && spec.port.is_resource();
  nf.country =
      countries.try_emplace(spec.country, static_cast<std::uint32_t>(countries.size())).first->second;
  const crossing_spec& c = spec.crossing;
  nf.planning_cap_trains = c.daily_cap_trains;
  for (int way_cap : {c.daily_cap_trains_entering, c.daily_cap_trains_leaving}) {
    if (way_cap > 0)
      nf.planning_cap_trains =
          nf.planning_cap_trains > 0 ? std::min(nf.planning_cap_trains, way_cap) : way_cap;
  }
  nf.daily_plan = {c.daily_plan_trains_entering, c.daily_plan_trains_leaving};
  nf.plan_booking_days = std::max(1, static_cast<int>(std::ceil(c.daily_plan_booking_days)));
  nf.has_plan = nf.is_crossing && (nf.daily_plan[0] > 0 || nf.daily_plan[1] > 0);
  nf.reblock = nf.is_crossing && c.reblock;
  nf.reblock_teu = {c.reblock_train_wagons_entering * teu_per_wagon,
                    c.reblock_train_wagons_leaving * teu_per_wagon};
  nf.reblock_max_hold_h = c.reblock_max_hold_h;
  nf.in_share_region = s.node_in_region(s.report.share_region, spec);
  if (nf.is_crossing) nf.nominal_service_h = nominal_crossing_hours(s, p.net, v);
  nf.tracks = c.tracks;
  nf.customs_servers = c.customs_servers;
  nf.customs_dwell_mean_h = c.customs_servers > 0 ? c.customs_dwell_h.mean() : 0.0;
  for (const share_spec& share : s.report.shares) {
    const std::string& region = share.via_region.empty() ? share.avoiding_region : share.via_region;
    nf.in_report_region.push_back(s.node_in_region(region, spec));
  }
  const auto& gw = s.report.gateways;
  const auto it = std::find(gw.begin(), gw.end(), n.id);
  if (it != gw.end()) nf.gateway = static_cast<std::uint32_t>(it - gw.begin());
  return nf;
}

}  // namespace

model_facts make_facts(const prepared_scenario& p) {
  model_facts facts;
  for (service_id sv = 0; sv < p.services.size(); ++sv) facts.services.push_back(make_service_facts(p, sv));
  for (edge_id e = 0; e < p.net.num_edges(); ++e) {
    const edge_props& ep = p.net.props(e);
    facts.edges.push_back({.ferry = ep.mode == edge_mode::ferry,
                           .window = p.spec.edges[ep.spec].has_window(),
                           .travel_h = ep.travel_days() * hours_per_day});
  }
  std::map<std::string, std::uint32_t> countries;
  for (vertex_t v = 0; v < p.net.num_nodes(); ++v) {
    facts.nodes.push_back(make_node_facts(p, v, countries));
    facts.has_plans = facts.has_plans || facts.nodes.back().has_plan;
    facts.has_reblock = facts.has_reblock || facts.nodes.back().reblock;
  }
  add_wagon_facts(p, facts);
  add_route_steps(p, facts);
  return facts;
}

namespace {

corridor_state make_state(const prepared_scenario& p, const run_frame& frame) {
  const scenario& s = p.spec;
  const network& net = p.net;
  corridor_state st;
  st.services.resize(p.services.size());
  for (service_id sv = 0; sv < p.services.size(); ++sv) {
    const service& svc = p.services[sv];
    service_state& ss = st.services[sv];
    ss.arrivals_rng = stream(frame, "arrivals", svc.id);
    ss.route_rng = stream(frame, "route", svc.id);
    // A flow's rate is fixed for the whole run; a market service draws nothing until its first revision.
    const bool market = svc.market != no_index;
    ss.rail_share.assign(svc.demand.size(), market ? 0.0 : 1.0);
    ss.known_until_h = market ? 0.0 : frame.horizon_h;
  }
  st.nodes.resize(net.num_nodes());
  st.crossings.resize(net.num_nodes());
  for (vertex_t v = 0; v < net.num_nodes(); ++v) {
    if (net.props(v).kind != node_kind::crossing) continue;
    st.crossings[v].service_rng = stream(frame, "crossing", net.props(v).id);
    st.crossings[v].customs_rng = stream(frame, "customs", net.props(v).id);
  }
  st.reblock_nodes.resize(net.num_nodes());
  st.ports.resize(net.num_nodes());
  for (vertex_t v = 0; v < net.num_nodes(); ++v) {
    if (net.props(v).kind != node_kind::port || !s.nodes[net.props(v).spec].port.is_resource()) continue;
    st.ports[v].dwell_rng = stream(frame, "dwell", net.props(v).id);
  }
  st.lines.resize(net.num_edges());
  st.ferries.resize(net.num_edges());
  for (edge_id e = 0; e < net.num_edges(); ++e) {
    const edge_props& ep = net.props(e);
    const std::string id = s.edges[ep.spec].id + std::string(ep.reverse ? reverse_suffix : "");
    st.lines[e].travel_rng = stream(frame, "travel", id);
    const double cv = s.edges[ep.spec].travel_time_cv, travel_h = ep.travel_days() * hours_per_day;
    st.lines[e].travel_varies = cv > 0.0;
    if (cv > 0.0) st.lines[e].travel = lognormal_log_params(travel_h, cv * travel_h);
    st.ferries[e].weather_rng = stream(frame, "weather", id);
  }
  return st;  // disruption states are sized once the run's disruptions are drawn (model's constructor)
}

run_tallies make_tallies(const prepared_scenario& p) {
  const std::size_t nodes = p.net.num_nodes(), edges = p.net.num_edges();
  run_tallies t;
  t.services.resize(p.services.size());
  for (service_id f = 0; f < p.services.size(); ++f) {
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
  t.plans.resize(nodes);
  t.customs_queues.resize(nodes);
  t.crossing_way_queues.resize(nodes);
  t.ports.resize(nodes);
  const report_spec& r = p.spec.report;
  t.shares.resize(r.shares.size());
  for (const share_spec& share : r.shares) t.share_avoiding.push_back(share.via_region.empty());
  t.gateway_trains.assign(r.gateways.size(), 0.0);
  t.gateway_teu.assign(r.gateways.size(), 0.0);
  t.wagon_pools.resize(p.spec.wagon_pools.size());
  t.reblocks.resize(nodes);
  t.markets.resize(p.spec.markets.size());
  for (std::size_t m = 0; m < p.spec.markets.size(); ++m)
    t.markets[m].mode_teu.assign(1 + p.spec.markets[m].alternatives.size(), 0.0);
  return t;
}

}  // namespace

model::model(const prepared_scenario& p, const run_frame& f)
    : spec(p.spec),
      net(p.net),
      services(p.services),
      path_sets(p.path_sets),
      family_offsets(p.family_offsets),
      path_size(p.path_size),
      frame(f),
      facts(make_facts(p)),
      state(make_state(p, f)),
      tallies(make_tallies(p)) {
  draw_disruptions(p.spec, f, disruptions, disruption_origin);
  state.disruptions.resize(disruptions.size());
}

}  // namespace corridor::detail

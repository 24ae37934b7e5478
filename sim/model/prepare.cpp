// Everything fixed before a run: the network; the services (each scenario flow, and each market's terminal
// pairs and shipper segments); and per service its path set, grouped by corridor family, with path-size
// factors. Routes are ranked by generalized cost at nominal hours (costs.hpp), the same terms a train weighs
// at departure before the queues it sees then.
#include <fmt/format.h>
#include <cmath>
#include <limits>

#include "calendar.hpp"
#include "corridor/choice.hpp"
#include "corridor/model.hpp"
#include "costs.hpp"

namespace corridor {
namespace {

constexpr double closed = std::numeric_limits<double>::infinity();

std::uint32_t class_index(const scenario& s, const std::string& id) {
  const cargo_class_spec* cc = s.find_cargo_class(id);
  if (cc == nullptr) throw model_error(fmt::format("unknown cargo class '{}'", id));
  return static_cast<std::uint32_t>(cc - s.cargo_classes.data());
}

int capacity_of(const scenario& s, double own_teu) {
  return std::max(1, static_cast<int>(std::lround(own_teu > 0 ? own_teu : s.train_capacity_teu)));
}

service flow_service(const scenario& s, std::uint32_t f) {
  const flow_spec& fs = s.flows[f];
  return service{.id = fs.id,
                 .flow = f,
                 .market = no_index,
                 .from = fs.from,
                 .to = fs.to,
                 .avoided_region = {},
                 .demand = {{class_index(s, fs.cargo_class), fs.teu_per_week / detail::hours_per_week}},
                 .capacity_teu = capacity_of(s, fs.train_capacity_teu),
                 .max_wait_h = fs.max_wait_h};
}

struct pair_share {
  std::string from, to;
  double share = 0.0;
};

// A market's listed pairs, or every origin with every destination.
std::vector<pair_share> pairs_of(const market_spec& m) {
  std::vector<pair_share> out;
  for (const auto& p : m.pairs) out.push_back({p.from, p.to, p.share});
  if (!out.empty()) return out;
  for (const auto& [o, os] : m.origins) {
    for (const auto& [d, ds] : m.destinations) out.push_back({o, d, os * ds});
  }
  return out;
}

struct segment {
  std::string avoided_region;
  double share = 0.0;
};

// The shippers who avoid a region ride services of their own; the rest share one.
std::vector<segment> segments_of(const market_spec& m) {
  std::vector<segment> out{{"", 1.0}};
  for (const auto& r : m.risks) {
    if (r.avoid_share <= 0.0) continue;
    out.front().share -= r.avoid_share;
    out.push_back({r.region, r.avoid_share});
  }
  return out;
}

void add_market_services(const scenario& s, std::uint32_t mi, std::vector<service>& out) {
  const market_spec& m = s.markets[mi];
  const double teu_per_h = m.teu_per_year / (detail::days_per_year * detail::hours_per_day);
  for (const pair_share& p : pairs_of(m)) {
    for (const segment& seg : segments_of(m)) {
      if (seg.share <= 0.0) continue;
      service sv{.id = fmt::format("{}:{}-{}", m.id, p.from, p.to),
                 .flow = no_index,
                 .market = mi,
                 .from = p.from,
                 .to = p.to,
                 .avoided_region = seg.avoided_region,
                 .demand = {},
                 .capacity_teu = capacity_of(s, m.train_capacity_teu),
                 .max_wait_h = m.max_wait_h};
      if (!seg.avoided_region.empty()) sv.id += "~avoid-" + seg.avoided_region;
      for (const auto& [cls, share] : m.cargo_mix)
        sv.demand.push_back({class_index(s, cls), teu_per_h * p.share * seg.share * share});
      out.push_back(std::move(sv));
    }
  }
}

// The demand-weighted value of time of a service's cargo, USD per TEU-hour.
double mean_value_of_time_per_h(const scenario& s, const service& sv) {
  double teu = 0.0, usd = 0.0;
  for (const service_demand& d : sv.demand) {
    teu += d.teu_per_h;
    usd += d.teu_per_h * s.cargo_classes[d.cargo_class].value_of_time_usd_per_teu_day;
  }
  return teu > 0.0 ? usd / teu / detail::hours_per_day : 0.0;
}

struct path_set {
  std::vector<path> paths;
  std::vector<std::uint32_t> offsets{0};
};

// Per family in the scenario's order, the distinct corridors through its via nodes that pass no via node of
// an earlier family (so a route belongs to the first family it passes); then "other", through none.
path_set family_paths(const prepared_scenario& p, const service& sv, const std::vector<bool>& border) {
  const scenario& s = p.spec;
  const network& net = p.net;
  path_weights w = detail::nominal_weights(s, net, mean_value_of_time_per_h(s, sv));
  const vertex_t from = net.node(sv.from), to = net.node(sv.to);
  if (!sv.avoided_region.empty()) {
    for (vertex_t v = 0; v < net.num_nodes(); ++v) {
      if (v != from && v != to && s.node_in_region(sv.avoided_region, s.nodes[net.props(v).spec]))
        w.node_cost[v] = closed;
    }
  }
  path_set out;
  for (const family_spec& f : s.families) {
    std::vector<bool> via(net.num_nodes(), false);
    for (const std::string& id : f.via) via[net.node(id)] = true;
    auto found = k_distinct_corridors(net, from, to, s.route_choice.k_paths, w, border, via);
    out.paths.insert(out.paths.end(), found.begin(), found.end());
    out.offsets.push_back(static_cast<std::uint32_t>(out.paths.size()));
    for (vertex_t v = 0; v < net.num_nodes(); ++v) {
      if (via[v] && v != from && v != to) w.node_cost[v] = closed;
    }
  }
  auto other = k_distinct_corridors(net, from, to, s.route_choice.k_paths, w, border);
  out.paths.insert(out.paths.end(), other.begin(), other.end());
  out.offsets.push_back(static_cast<std::uint32_t>(out.paths.size()));
  return out;
}

std::vector<double> path_size_of(const network& net, const path_set& ps, bool enabled) {
  std::vector<double> out(ps.paths.size(), 1.0);
  if (!enabled || ps.paths.empty()) return out;
  std::vector<std::vector<std::uint32_t>> links;
  for (const path& route : ps.paths) links.push_back(route.edges);
  std::vector<double> length(net.num_edges());
  for (std::uint32_t e = 0; e < net.num_edges(); ++e) length[e] = net.props(e).distance_km;
  path_size_factors(links, length, ps.offsets, out);
  return out;
}

}  // namespace

prepared_scenario::prepared_scenario(scenario s) : spec(std::move(s)), net(spec) {
  for (std::uint32_t f = 0; f < spec.flows.size(); ++f) services.push_back(flow_service(spec, f));
  for (std::uint32_t m = 0; m < spec.markets.size(); ++m) add_market_services(spec, m, services);
  // Border points: two routes through the same crossings and ports are one corridor to a planner.
  std::vector<bool> border(net.num_nodes(), false);
  for (vertex_t v = 0; v < net.num_nodes(); ++v) {
    border[v] = net.props(v).kind == node_kind::crossing || net.props(v).kind == node_kind::port;
  }
  for (const service& sv : services) {
    path_set ps = family_paths(*this, sv, border);
    // A flow must have a route; a market's service without one leaves its shippers to the other modes.
    if (ps.paths.empty() && sv.flow != no_index)
      throw model_error(fmt::format("flow '{}': no route from '{}' to '{}'", sv.id, sv.from, sv.to));
    path_size.push_back(path_size_of(net, ps, spec.choice.path_size));
    family_offsets.push_back(std::move(ps.offsets));
    path_sets.push_back(std::move(ps.paths));
  }
}

}  // namespace corridor

// Building the Boost.Graph view of a scenario: nodes in scenario order, then each scenario edge as one or two
// directed graph edges with a dense, stable index.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "corridor/network.hpp"

namespace corridor {
namespace {

std::vector<std::uint32_t> regions_of(const scenario& s, const node_spec& n) {
  std::vector<std::uint32_t> out;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    if (s.node_in_region(s.regions[r].id, n)) out.push_back(static_cast<std::uint32_t>(r));
  }
  return out;
}

node_props make_node(const scenario& s, std::size_t i) {
  const node_spec& n = s.nodes[i];
  node_props p;
  p.id = n.id;
  p.name = n.name;
  p.kind = n.kind;
  p.country = n.country;
  p.regions = regions_of(s, n);
  p.lat = n.lat;
  p.lon = n.lon;
  p.spec = static_cast<std::uint32_t>(i);
  return p;
}

edge_props make_edge(const edge_spec& e, std::uint32_t index, std::uint32_t spec, bool reverse) {
  edge_props p;
  p.index = index;
  p.spec = spec;
  p.reverse = reverse;
  p.mode = e.mode;
  p.distance_km = e.distance_km;
  p.speed_km_per_day = e.speed_km_per_day;
  // A ferry has no track gauge; 0 keeps a ferry leg from looking like a 1435 mm line.
  p.gauge_mm = e.mode == edge_mode::rail ? e.gauge_mm : 0;
  p.tariff_usd_per_teu_km = e.tariff_usd_per_teu_km;
  return p;
}

// The one gauge of a node's rail lines. Only a crossing or a port may join two gauges (they report 0);
// anywhere else a second gauge means a train could not pass, which the validator should have rejected.
int node_gauge_mm(const graph_t& g, vertex_t v) {
  const node_props& n = g[v];
  if (n.kind == node_kind::crossing || n.kind == node_kind::port) return 0;
  int gauge = 0;
  auto check = [&](const edge_props& e) {
    if (e.mode != edge_mode::rail) return;
    if (gauge != 0 && gauge != e.gauge_mm) {
      throw std::invalid_argument("network: " + std::string(to_string(n.kind)) + " '" + n.id +
                                  "' joins rail gauges " + std::to_string(gauge) + " and " +
                                  std::to_string(e.gauge_mm) +
                                  " mm; gauge may change only at a crossing or a port");
    }
    gauge = e.gauge_mm;
  };
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) check(g[*it]);
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) check(g[*it]);
  return gauge;
}

}  // namespace

network::network(const scenario& s) {
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    const vertex_t v = boost::add_vertex(make_node(s, i), g_);
    if (!by_id_.emplace(s.nodes[i].id, v).second) {
      throw std::invalid_argument("network: duplicate node id '" + s.nodes[i].id + "'");
    }
  }
  by_spec_.resize(s.edges.size());
  for (std::size_t i = 0; i < s.edges.size(); ++i) {
    const edge_spec& e = s.edges[i];
    const auto spec = static_cast<std::uint32_t>(i);
    auto endpoint = [&](const std::string& id, const char* role) {
      const auto it = by_id_.find(id);
      if (it == by_id_.end()) {
        throw std::invalid_argument("network: edge '" + e.id + "' " + role + " unknown node '" + id + "'");
      }
      return it->second;
    };
    const vertex_t from = endpoint(e.from, "starts at");
    const vertex_t to = endpoint(e.to, "ends at");
    auto add = [&](vertex_t a, vertex_t b, bool reverse) {
      const auto index = static_cast<std::uint32_t>(edges_.size());
      edges_.push_back(boost::add_edge(a, b, make_edge(e, index, spec, reverse), g_).first);
      by_spec_[i].push_back(index);
    };
    add(from, to, false);
    if (e.bidirectional) add(to, from, true);
  }
  for (auto [it, end] = boost::vertices(g_); it != end; ++it) g_[*it].gauge_mm = node_gauge_mm(g_, *it);
}

vertex_t network::node(std::string_view id) const {
  if (auto v = find_node(id)) return *v;
  throw std::out_of_range("network: no node '" + std::string(id) + "'");
}

std::optional<vertex_t> network::find_node(std::string_view id) const noexcept {
  const auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double earth_radius_km = 6371.0;
  constexpr double rad_per_deg = 3.14159265358979323846 / 180.0;
  const double phi1 = lat1 * rad_per_deg;
  const double phi2 = lat2 * rad_per_deg;
  const double half_dphi = (phi2 - phi1) / 2.0;
  const double half_dlambda = (lon2 - lon1) * rad_per_deg / 2.0;
  const double h = std::sin(half_dphi) * std::sin(half_dphi) +
                   std::cos(phi1) * std::cos(phi2) * std::sin(half_dlambda) * std::sin(half_dlambda);
  // min() guards asin against h creeping past 1 by rounding for antipodal points.
  return 2.0 * earth_radius_km * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace corridor

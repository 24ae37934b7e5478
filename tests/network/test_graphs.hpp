#pragma once
// Small hand-made scenarios for the network tests, built as plain structs (no YAML, no scenario methods).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "corridor/network.hpp"
#include "corridor/scenario.hpp"

namespace corridor::test {

inline node_spec make_node(std::string id, node_kind kind = node_kind::junction, std::string country = "KZ") {
  node_spec n;
  n.id = id;
  n.name = "Node " + id;
  n.kind = kind;
  n.country = std::move(country);
  return n;
}

inline region_spec make_region(std::string id, std::vector<std::string> countries) {
  region_spec r;
  r.id = std::move(id);
  r.countries = std::move(countries);
  return r;
}

inline edge_spec make_edge(std::string from, std::string to, bool bidirectional = false,
                           int gauge_mm = 1435) {
  edge_spec e;
  e.id = from + "-" + to;
  e.from = std::move(from);
  e.to = std::move(to);
  e.bidirectional = bidirectional;
  e.gauge_mm = gauge_mm;
  e.distance_km = 100.0;
  e.speed_km_per_day = 50.0;
  return e;
}

// A directed graph of junctions named by `ids`, with one one-way edge per (from, to) pair, in order.
inline scenario directed(const std::vector<std::string>& ids,
                         const std::vector<std::pair<std::string, std::string>>& arcs) {
  scenario s;
  for (const auto& id : ids) s.nodes.push_back(make_node(id));
  for (const auto& [from, to] : arcs) s.edges.push_back(make_edge(from, to));
  return s;
}

// Weights with the given edge costs (by graph edge index) and zero node costs.
inline path_weights edge_weights(const network& net, std::vector<double> edge_cost) {
  return path_weights{std::move(edge_cost), std::vector<double>(net.num_nodes(), 0.0)};
}

// The node ids of a path, for readable assertions.
inline std::vector<std::string> ids(const network& net, const path& p) {
  std::vector<std::string> out;
  for (vertex_t v : p.nodes) out.push_back(net.props(v).id);
  return out;
}

// Wikipedia's example for Yen's algorithm: C to H, whose cheapest paths are C-E-F-H (5), C-E-G-H (7) and
// C-D-F-H (8). Edge indices follow the list: C-D 0, C-E 1, D-F 2, E-D 3, E-F 4, E-G 5, F-G 6, F-H 7, G-H 8.
inline scenario yen_example() {
  return directed({"C", "D", "E", "F", "G", "H"}, {{"C", "D"},
                                                   {"C", "E"},
                                                   {"D", "F"},
                                                   {"E", "D"},
                                                   {"E", "F"},
                                                   {"E", "G"},
                                                   {"F", "G"},
                                                   {"F", "H"},
                                                   {"G", "H"}});
}
inline std::vector<double> yen_example_costs() {
  return {3, 2, 4, 1, 2, 3, 2, 1, 2};
}

}  // namespace corridor::test

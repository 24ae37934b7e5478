#pragma once
// The corridor network on Boost.Graph: nodes and directed edges with their properties, generalized-cost
// shortest paths and Yen's k shortest loopless paths. Knows nothing of YAML or the engine.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "corridor/scenario.hpp"

namespace corridor {

struct node_props {
  std::string id;
  std::string name;
  node_kind kind = node_kind::junction;
  std::string country;
  std::vector<std::uint32_t> regions;  // indices into scenario::regions
  double lat = 0.0;
  double lon = 0.0;
  int gauge_mm = 0;        // the gauge of its rail edges; 0 for a crossing or port that joins two gauges
  std::uint32_t spec = 0;  // index into scenario::nodes
};

// One direction of a scenario edge. A bidirectional scenario edge becomes two graph edges sharing `spec`.
struct edge_props {
  std::uint32_t index = 0;  // dense 0..num_edges-1, stable: graph edges in scenario order, forward first
  std::uint32_t spec = 0;   // index into scenario::edges
  bool reverse = false;     // true when this runs `to` -> `from` of the scenario edge
  edge_mode mode = edge_mode::rail;
  double distance_km = 0.0;
  double speed_km_per_day = 0.0;
  int gauge_mm = 0;  // 0 for a ferry leg
  double tariff_usd_per_teu_km = 0.0;
  double travel_days() const { return distance_km / speed_km_per_day; }
};

using graph_t =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, node_props, edge_props>;
using vertex_t = boost::graph_traits<graph_t>::vertex_descriptor;
using edge_t = boost::graph_traits<graph_t>::edge_descriptor;

class network {
 public:
  explicit network(const scenario& s);

  const graph_t& graph() const noexcept { return g_; }
  std::size_t num_nodes() const noexcept { return boost::num_vertices(g_); }
  std::size_t num_edges() const noexcept { return edges_.size(); }
  // Vertex of a node id; throws std::out_of_range naming the id when absent.
  vertex_t node(std::string_view id) const;
  std::optional<vertex_t> find_node(std::string_view id) const noexcept;
  const node_props& props(vertex_t v) const { return g_[v]; }
  // Graph edge by its dense index.
  edge_t edge(std::uint32_t index) const { return edges_.at(index); }
  const edge_props& props(std::uint32_t index) const { return g_[edges_.at(index)]; }
  vertex_t source(std::uint32_t index) const { return boost::source(edges_.at(index), g_); }
  vertex_t target(std::uint32_t index) const { return boost::target(edges_.at(index), g_); }
  // Graph edge indices of a scenario edge (one, or two when bidirectional).
  const std::vector<std::uint32_t>& edges_of_spec(std::uint32_t spec) const { return by_spec_.at(spec); }

 private:
  graph_t g_;
  std::vector<edge_t> edges_;
  std::vector<std::vector<std::uint32_t>> by_spec_;
  std::unordered_map<std::string, vertex_t> by_id_;  // lookup only; never iterated
};

// A path: the nodes visited and the graph edges taken (edges.size() == nodes.size() - 1), with its cost.
struct path {
  std::vector<vertex_t> nodes;
  std::vector<std::uint32_t> edges;
  double cost = 0.0;
  bool operator==(const path& o) const { return edges == o.edges && nodes == o.nodes; }
};

// Weights for a search: the cost of taking each graph edge (by index) plus the cost of passing each node
// (by vertex, charged on entering it, the origin excluded). Negative costs are rejected. An edge whose cost
// is +infinity is treated as absent (closed).
struct path_weights {
  std::vector<double> edge_cost;
  std::vector<double> node_cost;
};

// The cheapest path from `from` to `to` (Dijkstra), or nullopt when `to` is unreachable.
std::optional<path> shortest_path(const network& net, vertex_t from, vertex_t to, const path_weights& w);

// The cheapest loopless path from `from` to `to` that passes at least one vertex marked in `via` (one flag
// per vertex), or nullopt when there is none. A corridor family ("through a Caspian port") is such a
// constraint.
std::optional<path> shortest_path_via(const network& net, vertex_t from, vertex_t to,
                                      const std::vector<bool>& via, const path_weights& w);

// Up to k cheapest loopless paths from `from` to `to`, cheapest first, ties broken by edge sequence
// (Yen's algorithm over boost::filtered_graph). Throws std::invalid_argument when k < 1. When several paths
// tie at the k-th cost, which of them make the cut is deterministic but not necessarily by edge sequence.
std::vector<path> k_shortest_paths(const network& net, vertex_t from, vertex_t to, int k,
                                   const path_weights& w);

// The cost of a path under other weights (e.g. after queues grew): its edge costs plus the cost of each node
// it enters, summed from the origin on, exactly as the searches sum them. +infinity when it uses a closed
// edge or node. Throws std::invalid_argument for weights of the wrong size or negative/NaN costs.
double path_cost(const network& net, const path& p, const path_weights& w);

// Up to k cheapest paths whose sequences of marked nodes differ (marked: one flag per vertex, e.g. border
// crossings and ports), cheapest first. Each is the cheapest path avoiding some set of marked nodes; the sets
// grow from the paths found, best first. A corridor that visits every marked node of a cheaper one and more
// is not reached; on corridor networks that does not occur.
std::vector<path> k_distinct_corridors(const network& net, vertex_t from, vertex_t to, int k,
                                       const path_weights& w, const std::vector<bool>& marked);
// The same among paths that pass at least one vertex marked in `via` (see shortest_path_via); an empty `via`
// is no constraint.
std::vector<path> k_distinct_corridors(const network& net, vertex_t from, vertex_t to, int k,
                                       const path_weights& w, const std::vector<bool>& marked,
                                       const std::vector<bool>& via);

// Great-circle distance between two nodes, in km (for sanity checks of rail distances).
double great_circle_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace corridor

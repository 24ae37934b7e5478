#pragma once
// The state one routing call works in, shared by the searches in paths.cpp and corridors.cpp: combined
// weights and block lists over the network's graph, reused by every search of a call. Internal to
// sim/network.
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>

#include "corridor/network.hpp"

namespace corridor::detail {

// Which edges (by dense index) and vertices a search may not use. Pointers, not references, because
// filtered_graph needs default-constructible predicates.
struct edge_open {
  const graph_t* g = nullptr;
  const std::vector<char>* blocked = nullptr;
  bool operator()(edge_t e) const { return (*blocked)[(*g)[e].index] == 0; }
};

struct vertex_open {
  const std::vector<char>* blocked = nullptr;
  bool operator()(vertex_t v) const { return (*blocked)[v] == 0; }
};

using search_graph = boost::filtered_graph<graph_t, edge_open, vertex_open>;
constexpr std::uint32_t no_edge = std::numeric_limits<std::uint32_t>::max();

// Records the edge by which Dijkstra last reached each vertex: parallel edges join the same two vertices,
// so a vertex predecessor map could not say which line was taken.
struct edge_recorder : boost::default_dijkstra_visitor {
  std::vector<std::uint32_t>* pred_edge;
  explicit edge_recorder(std::vector<std::uint32_t>* out) : pred_edge(out) {}
  void edge_relaxed(edge_t e, const search_graph& g) const { (*pred_edge)[boost::target(e, g)] = g[e].index; }
};

// The state one routing call works in: combined weights and the block lists, reused by every search.
struct router {
  const network& net;
  std::vector<double> weight;  // by edge index: edge cost plus the cost of entering its target
  std::vector<char> closed;    // by edge index: edges of infinite weight, never usable
  std::vector<char> blocked_edge;
  std::vector<char> blocked_vertex;

  router(const network& n, const path_weights& w);
  std::optional<path> search(vertex_t from, vertex_t to) const;
  // Shortest-path trees over open edges and vertices: from `root` forwards (dist[v] = cost root -> v, pred[v]
  // the edge entering v) or towards `root` backwards (dist[v] = cost v -> root, pred[v] the edge leaving v).
  // Unreached vertices keep +infinity and no_edge.
  void tree_from(vertex_t root, std::vector<double>& dist, std::vector<std::uint32_t>& pred) const;
  void tree_to(vertex_t root, std::vector<double>& dist, std::vector<std::uint32_t>& pred) const;
  std::optional<path> search_via(vertex_t from, vertex_t to, const std::vector<bool>& via) const;
  double cost_of(const std::vector<std::uint32_t>& edges) const;
};

}  // namespace corridor::detail

#pragma once
// The state one routing call works in, shared by the searches in paths.cpp and corridors.cpp: combined
// weights and block lists over the network's graph, reused by every search of a call. Internal to
// sim/network.
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "corridor/network.hpp"

namespace corridor::detail {

constexpr std::uint32_t no_edge = std::numeric_limits<std::uint32_t>::max();
constexpr vertex_t no_vertex = std::numeric_limits<vertex_t>::max();

// The state one routing call works in: combined weights and the block lists, reused by every search.
// The graph is read once into flat arrays (each vertex's out- and in-edges in Boost's order), and every
// search reuses the router's scratch, so a search allocates nothing but the path it returns.
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
  // Unreached vertices keep no_edge; their distance is not to be read. With `until`, the search stops once
  // every open vertex marked there is settled: their distances and tree paths are then final, the rest's
  // are not to be read.
  void tree_from(vertex_t root, std::vector<double>& dist, std::vector<std::uint32_t>& pred,
                 const std::vector<bool>* until = nullptr) const;
  void tree_to(vertex_t root, std::vector<double>& dist, std::vector<std::uint32_t>& pred,
               const std::vector<bool>* until = nullptr) const;
  std::optional<path> search_via(vertex_t from, vertex_t to, const std::vector<bool>& via) const;
  double cost_of(const std::vector<std::uint32_t>& edges) const;

 private:
  // One entry of a vertex's adjacency: the edge's dense index and the vertex at its other end.
  struct arc {
    std::uint32_t edge;
    std::uint32_t other;
  };
  std::vector<std::uint32_t> out_begin, in_begin;  // by vertex, num_nodes + 1 offsets into out / in
  std::vector<arc> out, in;
  std::vector<std::uint32_t> source_of, target_of;  // by edge index
  // Scratch of the searches (a router serves one thread).
  mutable std::vector<char> color;
  mutable std::vector<std::uint32_t> heap;
  mutable std::vector<std::uint32_t> heap_index;
  mutable std::vector<std::pair<double, std::uint32_t>> open;
  mutable std::vector<double> dist_scratch;
  mutable std::vector<std::uint32_t> pred_scratch;
  mutable std::vector<double> dist_back;
  mutable std::vector<std::uint32_t> pred_back;

  void dijkstra(vertex_t root, std::vector<double>& dist, std::vector<std::uint32_t>& pred,
                const std::vector<bool>* until, vertex_t target) const;
  std::size_t to_settle(vertex_t root, const std::vector<bool>* until, vertex_t target) const;
  void sift_up(std::size_t index, const std::vector<double>& dist) const;
  void sift_down(const std::vector<double>& dist) const;
  path path_to(vertex_t from, vertex_t to, const std::vector<std::uint32_t>& pred) const;
};

}  // namespace corridor::detail

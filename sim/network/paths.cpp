// Generalized-cost routing: Dijkstra for one path, Yen's algorithm for the k cheapest loopless ones.
// Both search the graph through block lists that hide closed edges (and, for Yen, the root path and spur
// edges), so the graph itself is never copied or modified.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>

#include "router.hpp"

namespace corridor {
namespace detail {

[[noreturn]] void bad_cost(double c, const std::string& what) {
  throw std::invalid_argument("network: " + what + " has cost " + std::to_string(c) +
                              "; costs must be >= 0 (+inf closes it)");
}

router::router(const network& n, const path_weights& w) : net(n) {
  if (w.edge_cost.size() != n.num_edges() || w.node_cost.size() != n.num_nodes()) {
    throw std::invalid_argument("network: path_weights sized for " + std::to_string(w.edge_cost.size()) +
                                " edges and " + std::to_string(w.node_cost.size()) +
                                " nodes, the network has " + std::to_string(n.num_edges()) + " and " +
                                std::to_string(n.num_nodes()));
  }
  for (vertex_t v = 0; v < w.node_cost.size(); ++v) {
    if (!(w.node_cost[v] >= 0.0)) bad_cost(w.node_cost[v], "node '" + n.props(v).id + "'");  // NaN fails too
  }
  const graph_t& g = n.graph();
  const std::size_t edges = n.num_edges(), nodes = n.num_nodes();
  weight.resize(edges);
  closed.resize(edges);
  source_of.resize(edges);
  target_of.resize(edges);
  for (std::uint32_t e = 0; e < edges; ++e) {
    if (!(w.edge_cost[e] >= 0.0)) bad_cost(w.edge_cost[e], "edge " + std::to_string(e));
    source_of[e] = static_cast<std::uint32_t>(n.source(e));
    target_of[e] = static_cast<std::uint32_t>(n.target(e));
    weight[e] = w.edge_cost[e] + w.node_cost[target_of[e]];
    closed[e] = std::isinf(weight[e]) ? 1 : 0;
  }
  blocked_edge = closed;
  blocked_vertex.assign(nodes, 0);
  // Each vertex's edges in the order Boost's adjacency lists hold them: the order the searches examine
  // them in, which settles ties.
  out_begin.assign(1, 0);
  in_begin.assign(1, 0);
  out.reserve(edges);
  in.reserve(edges);
  for (vertex_t v = 0; v < nodes; ++v) {
    for (auto [it, stop] = boost::out_edges(v, g); it != stop; ++it)
      out.push_back({g[*it].index, static_cast<std::uint32_t>(boost::target(*it, g))});
    for (auto [it, stop] = boost::in_edges(v, g); it != stop; ++it)
      in.push_back({g[*it].index, static_cast<std::uint32_t>(boost::source(*it, g))});
    out_begin.push_back(static_cast<std::uint32_t>(out.size()));
    in_begin.push_back(static_cast<std::uint32_t>(in.size()));
  }
}

double router::cost_of(const std::vector<std::uint32_t>& edges) const {
  // Summed front to back, as Dijkstra does, so a path's cost never depends on how it was found.
  double c = 0.0;
  for (std::uint32_t e : edges) c += weight[e];
  return c;
}

// The heap of boost::dijkstra_shortest_paths (d_ary_heap_indirect, arity 4, keyed by distance alone),
// move for move: among vertices at equal distance, which one Dijkstra settles first, and so which of two
// equal-cost paths it returns, depends on the heap's layout, and every route and golden output with it.
constexpr std::size_t arity = 4;

void router::sift_up(std::size_t index, const std::vector<double>& dist) const {
  const std::uint32_t moving = heap[index];
  const double d = dist[moving];
  while (index > 0) {
    const std::size_t parent = (index - 1) / arity;
    if (!(d < dist[heap[parent]])) break;
    heap[index] = heap[parent];
    heap_index[heap[index]] = static_cast<std::uint32_t>(index);
    index = parent;
  }
  heap[index] = moving;
  heap_index[moving] = static_cast<std::uint32_t>(index);
}

void router::sift_down(const std::vector<double>& dist) const {
  const std::size_t size = heap.size();
  std::size_t index = 0;
  const std::uint32_t moving = heap[0];
  const double d = dist[moving];
  for (;;) {
    const std::size_t first = index * arity + 1;
    if (first >= size) break;
    const std::size_t children = std::min(arity, size - first);
    std::size_t least = first;
    double least_d = dist[heap[first]];
    for (std::size_t i = first + 1; i < first + children; ++i) {
      if (dist[heap[i]] < least_d) {
        least = i;
        least_d = dist[heap[i]];
      }
    }
    if (!(least_d < d)) break;
    heap[index] = heap[least];
    heap_index[heap[index]] = static_cast<std::uint32_t>(index);
    heap[least] = moving;
    heap_index[moving] = static_cast<std::uint32_t>(least);
    index = least;
  }
}

// How many vertices a search must settle before it may stop: the open ones marked in `until` and `target`
// (a blocked vertex is never settled, the root always is); 0 for the whole tree.
std::size_t router::to_settle(vertex_t root, const std::vector<bool>* until, vertex_t target) const {
  const auto open_vertex = [&](vertex_t v) { return v == root || blocked_vertex[v] == 0; };
  if (until == nullptr) return target < blocked_vertex.size() && open_vertex(target) ? 1 : 0;
  std::size_t n = 0;
  for (vertex_t v = 0; v < until->size(); ++v) n += (*until)[v] && open_vertex(v) ? 1 : 0;
  return n;
}

// boost::dijkstra_shortest_paths over the graph filtered by the block lists, step for step: a vertex is
// discovered (given its first distance and pushed) by the first open edge that reaches it, an edge to a
// vertex still in the heap relaxes it only when strictly cheaper, and the visited edges come in adjacency
// order. Unreached vertices keep the largest double, as Boost leaves them. A search that stops once the
// vertices it was asked for are settled leaves their distances and predecessors exactly as the whole
// search would: a settled vertex is never relaxed again, and its tree path runs through vertices settled
// before it.
void router::dijkstra(vertex_t root, std::vector<double>& dist, std::vector<std::uint32_t>& pred,
                      const std::vector<bool>* until, vertex_t target) const {
  enum : char { white, gray, black };
  const std::size_t n = out_begin.size() - 1;
  dist.assign(n, std::numeric_limits<double>::max());
  pred.assign(n, no_edge);
  color.assign(n, white);
  heap_index.resize(n);
  heap.clear();
  dist[root] = 0.0;
  color[root] = gray;
  heap.push_back(static_cast<std::uint32_t>(root));
  heap_index[root] = 0;
  std::size_t left = to_settle(root, until, target);
  const bool stops = left > 0;
  while (!heap.empty()) {
    const std::uint32_t u = heap[0];
    if (stops && (u == target || (until != nullptr && (*until)[u])) && --left == 0) break;
    if (heap.size() == 1) {
      heap.pop_back();
    } else {
      heap[0] = heap.back();
      heap_index[heap[0]] = 0;
      heap.pop_back();
      sift_down(dist);
    }
    const double du = dist[u];
    for (std::uint32_t k = out_begin[u]; k < out_begin[u + 1]; ++k) {
      const arc a = out[k];
      if (blocked_edge[a.edge] != 0 || blocked_vertex[a.other] != 0) continue;
      const char c = color[a.other];
      if (c == black) continue;
      const double nd = du + weight[a.edge];
      const bool relaxed = nd < dist[a.other];
      if (relaxed) {
        dist[a.other] = nd;
        pred[a.other] = a.edge;
      }
      if (c == white) {
        color[a.other] = gray;
        heap.push_back(a.other);
        sift_up(heap.size() - 1, dist);
      } else if (relaxed) {
        sift_up(heap_index[a.other], dist);
      }
    }
    color[u] = black;
  }
}

path router::path_to(vertex_t from, vertex_t to, const std::vector<std::uint32_t>& pred) const {
  path p;
  for (vertex_t v = to; v != from; v = source_of[pred[v]]) p.edges.push_back(pred[v]);
  std::reverse(p.edges.begin(), p.edges.end());
  p.nodes.reserve(p.edges.size() + 1);
  p.nodes.push_back(from);
  for (std::uint32_t e : p.edges) p.nodes.push_back(target_of[e]);
  p.cost = cost_of(p.edges);
  return p;
}

std::optional<path> router::search(vertex_t from, vertex_t to) const {
  dijkstra(from, dist_scratch, pred_scratch, nullptr, to);
  if (to != from && pred_scratch[to] == no_edge) return std::nullopt;
  return path_to(from, to, pred_scratch);
}

void router::tree_from(vertex_t root, std::vector<double>& dist, std::vector<std::uint32_t>& pred,
                       const std::vector<bool>* until) const {
  if (blocked_vertex[root] != 0) {
    dist.assign(out_begin.size() - 1, std::numeric_limits<double>::infinity());
    pred.assign(out_begin.size() - 1, no_edge);
    return;
  }
  dijkstra(root, dist, pred, until, no_vertex);
}

// Dijkstra on the reversed graph: vertices settle in order of (distance, vertex index), so ties are
// deterministic and any heap that pops in that order gives the same tree.
void router::tree_to(vertex_t root, std::vector<double>& dist, std::vector<std::uint32_t>& pred,
                     const std::vector<bool>* until) const {
  const std::size_t n = in_begin.size() - 1;
  dist.assign(n, std::numeric_limits<double>::infinity());
  pred.assign(n, no_edge);
  if (blocked_vertex[root] != 0) return;
  open.clear();
  const std::greater<> later;
  dist[root] = 0.0;
  open.emplace_back(0.0, static_cast<std::uint32_t>(root));
  std::size_t left = to_settle(root, until, no_vertex);
  const bool stops = left > 0;
  while (!open.empty()) {
    std::pop_heap(open.begin(), open.end(), later);
    const auto [d, v] = open.back();
    open.pop_back();
    if (d > dist[v]) continue;
    if (stops && (*until)[v] && --left == 0) break;
    for (std::uint32_t k = in_begin[v]; k < in_begin[v + 1]; ++k) {
      const arc a = in[k];
      if (blocked_edge[a.edge] != 0 || blocked_vertex[a.other] != 0) continue;
      const double nd = d + weight[a.edge];
      if (nd < dist[a.other]) {
        dist[a.other] = nd;
        pred[a.other] = a.edge;
        open.emplace_back(nd, a.other);
        std::push_heap(open.begin(), open.end(), later);
      }
    }
  }
}

// The cheapest loopless path through at least one `via` vertex: the two trees meet at the via vertex of least
// total cost (ties by vertex index); a meeting that would revisit a vertex is skipped for the next best.
std::optional<path> router::search_via(vertex_t from, vertex_t to, const std::vector<bool>& via) const {
  std::vector<double>& d_from = dist_scratch;
  std::vector<double>& d_to = dist_back;
  std::vector<std::uint32_t>& p_from = pred_scratch;
  std::vector<std::uint32_t>& p_to = pred_back;
  tree_from(from, d_from, p_from, &via);
  tree_to(to, d_to, p_to, &via);
  std::vector<std::pair<double, vertex_t>> meetings;
  // Reached means a tree edge leads there (unreached distances are not infinity but the largest double).
  const auto reached = [&](vertex_t v) {
    return (v == from || p_from[v] != no_edge) && (v == to || p_to[v] != no_edge);
  };
  for (vertex_t v = 0; v < via.size(); ++v) {
    if (via[v] && reached(v)) meetings.emplace_back(d_from[v] + d_to[v], v);
  }
  std::sort(meetings.begin(), meetings.end());
  for (const auto& [cost, v] : meetings) {
    path p;
    for (vertex_t u = v; u != from; u = source_of[p_from[u]]) p.edges.push_back(p_from[u]);
    std::reverse(p.edges.begin(), p.edges.end());
    for (vertex_t u = v; u != to; u = target_of[p_to[u]]) p.edges.push_back(p_to[u]);
    p.nodes.push_back(from);
    for (std::uint32_t e : p.edges) p.nodes.push_back(target_of[e]);
    std::vector<vertex_t> sorted = p.nodes;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) continue;  // not loopless
    p.cost = cost_of(p.edges);
    return p;
  }
  return std::nullopt;
}

void check_vertex(const network& net, vertex_t v, const char* role) {
  if (v >= net.num_nodes()) {
    throw std::invalid_argument("network: " + std::string(role) + " vertex " + std::to_string(v) +
                                " is not in a network of " + std::to_string(net.num_nodes()) + " nodes");
  }
}

// Candidates ordered by cost, then edge sequence: a std::set gives the cheapest first, breaks ties the same
// way on every run and drops a path found twice from different spur nodes.
struct cheaper {
  bool operator()(const path& a, const path& b) const {
    return std::tie(a.cost, a.edges) < std::tie(b.cost, b.edges);
  }
};
using candidate_set = std::set<path, cheaper>;

// One round of Yen: every deviation from the last path found, at each of its nodes in turn. At spur node i
// the root (the last path's first i edges) is kept, its nodes before the spur are hidden so the result
// stays loopless, and the next edge of every found path sharing that root is hidden so the deviation is new.
void add_deviations(router& r, const std::vector<path>& found, vertex_t to, candidate_set& out) {
  const path& last = found.back();
  for (std::size_t i = 0; i + 1 < last.nodes.size(); ++i) {
    const auto root_end = last.edges.begin() + static_cast<std::ptrdiff_t>(i);
    std::vector<std::uint32_t> hidden;
    for (const path& p : found) {
      if (p.edges.size() > i && std::equal(last.edges.begin(), root_end, p.edges.begin())) {
        r.blocked_edge[p.edges[i]] = 1;
        hidden.push_back(p.edges[i]);
      }
    }
    for (std::size_t j = 0; j < i; ++j) r.blocked_vertex[last.nodes[j]] = 1;
    if (auto spur = r.search(last.nodes[i], to)) {
      path c;
      c.nodes.assign(last.nodes.begin(), last.nodes.begin() + static_cast<std::ptrdiff_t>(i));
      c.nodes.insert(c.nodes.end(), spur->nodes.begin(), spur->nodes.end());
      c.edges.assign(last.edges.begin(), root_end);
      c.edges.insert(c.edges.end(), spur->edges.begin(), spur->edges.end());
      c.cost = r.cost_of(c.edges);
      out.insert(std::move(c));
    }
    for (std::uint32_t e : hidden) r.blocked_edge[e] = r.closed[e];
    for (std::size_t j = 0; j < i; ++j) r.blocked_vertex[last.nodes[j]] = 0;
  }
}

}  // namespace detail

std::optional<path> shortest_path(const network& net, vertex_t from, vertex_t to, const path_weights& w) {
  detail::check_vertex(net, from, "origin");
  detail::check_vertex(net, to, "destination");
  return detail::router(net, w).search(from, to);
}

std::vector<path> k_shortest_paths(const network& net, vertex_t from, vertex_t to, int k,
                                   const path_weights& w) {
  detail::check_vertex(net, from, "origin");
  detail::check_vertex(net, to, "destination");
  if (k < 1) throw std::invalid_argument("network: k_shortest_paths needs k >= 1, got " + std::to_string(k));
  detail::router r(net, w);
  std::vector<path> found;
  auto first = r.search(from, to);
  if (!first) return found;
  found.push_back(std::move(*first));
  detail::candidate_set candidates;
  while (found.size() < static_cast<std::size_t>(k)) {
    detail::add_deviations(r, found, to, candidates);
    if (candidates.empty()) break;
    found.push_back(std::move(candidates.extract(candidates.begin()).value()));
  }
  // Yen yields costs in order; equal costs are put in edge order, whichever Dijkstra happened to meet first.
  std::stable_sort(found.begin(), found.end(), detail::cheaper{});
  return found;
}

std::optional<path> shortest_path_via(const network& net, vertex_t from, vertex_t to,
                                      const std::vector<bool>& via, const path_weights& w) {
  detail::check_vertex(net, from, "origin");
  detail::check_vertex(net, to, "destination");
  if (via.size() != net.num_nodes())
    throw std::invalid_argument("network: shortest_path_via needs one mark per node, got " +
                                std::to_string(via.size()) + " for " + std::to_string(net.num_nodes()));
  return detail::router(net, w).search_via(from, to, via);
}

double path_cost(const network& net, const path& p, const path_weights& w) {
  for (std::uint32_t e : p.edges) {
    if (e >= net.num_edges()) {
      throw std::invalid_argument("network: path uses edge " + std::to_string(e) + " of a network with " +
                                  std::to_string(net.num_edges()) + " edges");
    }
  }
  return detail::router(net, w).cost_of(p.edges);
}

}  // namespace corridor

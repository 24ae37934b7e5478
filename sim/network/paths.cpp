// Generalized-cost routing: Dijkstra for one path, Yen's algorithm for the k cheapest loopless ones.
// Both search a boost::filtered_graph that hides closed edges (and, for Yen, the root path and spur edges),
// so the graph itself is never copied or modified.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>

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
  weight.resize(n.num_edges());
  closed.resize(n.num_edges());
  for (std::uint32_t e = 0; e < n.num_edges(); ++e) {
    if (!(w.edge_cost[e] >= 0.0)) bad_cost(w.edge_cost[e], "edge " + std::to_string(e));
    weight[e] = w.edge_cost[e] + w.node_cost[n.target(e)];
    closed[e] = std::isinf(weight[e]) ? 1 : 0;
  }
  blocked_edge = closed;
  blocked_vertex.assign(n.num_nodes(), 0);
}

double router::cost_of(const std::vector<std::uint32_t>& edges) const {
  // Summed front to back, as Dijkstra does, so a path's cost never depends on how it was found.
  double c = 0.0;
  for (std::uint32_t e : edges) c += weight[e];
  return c;
}

std::optional<path> router::search(vertex_t from, vertex_t to) const {
  const graph_t& g = net.graph();
  const search_graph fg(g, edge_open{&g, &blocked_edge}, vertex_open{&blocked_vertex});
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> dist(n);
  std::vector<std::uint32_t> pred_edge(n, no_edge);
  const auto vindex = boost::get(boost::vertex_index, g);
  boost::dijkstra_shortest_paths(
      fg, from,
      boost::weight_map(boost::make_iterator_property_map(weight.begin(), boost::get(&edge_props::index, g)))
          .distance_map(boost::make_iterator_property_map(dist.begin(), vindex))
          .visitor(edge_recorder(&pred_edge)));
  if (to != from && pred_edge[to] == no_edge) return std::nullopt;
  path p;
  for (vertex_t v = to; v != from; v = net.source(pred_edge[v])) p.edges.push_back(pred_edge[v]);
  std::reverse(p.edges.begin(), p.edges.end());
  p.nodes.push_back(from);
  for (std::uint32_t e : p.edges) p.nodes.push_back(net.target(e));
  p.cost = cost_of(p.edges);
  return p;
}

void router::tree_from(vertex_t root, std::vector<double>& dist, std::vector<std::uint32_t>& pred) const {
  const graph_t& g = net.graph();
  const search_graph fg(g, edge_open{&g, &blocked_edge}, vertex_open{&blocked_vertex});
  dist.assign(boost::num_vertices(g), std::numeric_limits<double>::infinity());
  pred.assign(boost::num_vertices(g), no_edge);
  if (blocked_vertex[root] != 0) return;
  const auto vindex = boost::get(boost::vertex_index, g);
  boost::dijkstra_shortest_paths(
      fg, root,
      boost::weight_map(boost::make_iterator_property_map(weight.begin(), boost::get(&edge_props::index, g)))
          .distance_map(boost::make_iterator_property_map(dist.begin(), vindex))
          .visitor(edge_recorder(&pred)));
}

// Dijkstra on the reversed graph, by hand: Boost's reverse_graph wraps edge descriptors, which the
// index-based weight and block maps above cannot read. Equal distances settle in vertex order, so ties are
// deterministic.
void router::tree_to(vertex_t root, std::vector<double>& dist, std::vector<std::uint32_t>& pred) const {
  const graph_t& g = net.graph();
  dist.assign(boost::num_vertices(g), std::numeric_limits<double>::infinity());
  pred.assign(boost::num_vertices(g), no_edge);
  if (blocked_vertex[root] != 0) return;
  using item = std::pair<double, vertex_t>;
  std::priority_queue<item, std::vector<item>, std::greater<>> open;
  dist[root] = 0.0;
  open.emplace(0.0, root);
  while (!open.empty()) {
    const auto [d, v] = open.top();
    open.pop();
    if (d > dist[v]) continue;
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      const std::uint32_t e = g[*it].index;
      const vertex_t u = boost::source(*it, g);
      if (blocked_edge[e] != 0 || blocked_vertex[u] != 0) continue;
      const double nd = d + weight[e];
      if (nd < dist[u]) {
        dist[u] = nd;
        pred[u] = e;
        open.emplace(nd, u);
      }
    }
  }
}

// The cheapest loopless path through at least one `via` vertex: the two trees meet at the via vertex of least
// total cost (ties by vertex index); a meeting that would revisit a vertex is skipped for the next best.
std::optional<path> router::search_via(vertex_t from, vertex_t to, const std::vector<bool>& via) const {
  std::vector<double> d_from, d_to;
  std::vector<std::uint32_t> p_from, p_to;
  tree_from(from, d_from, p_from);
  tree_to(to, d_to, p_to);
  std::vector<std::pair<double, vertex_t>> meetings;
  // Reached means a tree edge leads there (Boost leaves unreached distances at the largest double, not inf).
  const auto reached = [&](vertex_t v) {
    return (v == from || p_from[v] != no_edge) && (v == to || p_to[v] != no_edge);
  };
  for (vertex_t v = 0; v < via.size(); ++v) {
    if (via[v] && reached(v)) meetings.emplace_back(d_from[v] + d_to[v], v);
  }
  std::sort(meetings.begin(), meetings.end());
  for (const auto& [cost, v] : meetings) {
    path p;
    for (vertex_t u = v; u != from; u = net.source(p_from[u])) p.edges.push_back(p_from[u]);
    std::reverse(p.edges.begin(), p.edges.end());
    for (vertex_t u = v; u != to; u = net.target(p_to[u])) p.edges.push_back(p_to[u]);
    p.nodes.push_back(from);
    for (std::uint32_t e : p.edges) p.nodes.push_back(net.target(e));
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

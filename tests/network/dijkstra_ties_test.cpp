// The router's Dijkstra against boost::dijkstra_shortest_paths on the same graph, filtered the same way, on
// random graphs where many paths tie: among equal-cost paths the one returned depends on the order in which
// the search settles vertices of equal distance, and every route of a scenario (so every golden output)
// depends on that choice. The router must settle them exactly as Boost's 4-ary heap does.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/property_map.hpp>

#include "corridor/network.hpp"
#include "test_graphs.hpp"

namespace corridor {
namespace {

constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

struct lcg {
  std::uint64_t state;
  std::uint32_t below(std::uint32_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33) % n);
  }
};

std::string node_name(std::uint32_t i) {
  std::string s = "n";
  s += std::to_string(i);
  return s;
}

// Edges of infinite combined weight are hidden, as the router hides closed edges.
struct open_edge {
  const graph_t* g = nullptr;
  const std::vector<double>* weight = nullptr;
  bool operator()(edge_t e) const {
    return (*weight)[(*g)[e].index] != std::numeric_limits<double>::infinity();
  }
};

struct recorder : boost::default_dijkstra_visitor {
  std::vector<std::uint32_t>* pred;
  explicit recorder(std::vector<std::uint32_t>* p) : pred(p) {}
  template <class G>
  void edge_relaxed(edge_t e, const G& g) const {
    (*pred)[boost::target(e, g)] = g[e].index;
  }
};

// The path Boost's Dijkstra finds, edge by edge; empty when `to` is unreachable or is `from`.
std::vector<std::uint32_t> boost_path(const network& net, const path_weights& w, vertex_t from, vertex_t to) {
  const graph_t& g = net.graph();
  std::vector<double> weight(net.num_edges());
  for (std::uint32_t e = 0; e < net.num_edges(); ++e) weight[e] = w.edge_cost[e] + w.node_cost[net.target(e)];
  const boost::filtered_graph<graph_t, open_edge> fg(g, open_edge{&g, &weight});
  std::vector<double> dist(net.num_nodes());
  std::vector<std::uint32_t> pred(net.num_nodes(), none);
  boost::dijkstra_shortest_paths(
      fg, from,
      boost::weight_map(boost::make_iterator_property_map(weight.begin(), boost::get(&edge_props::index, g)))
          .distance_map(boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, g)))
          .visitor(recorder(&pred)));
  std::vector<std::uint32_t> edges;
  if (pred[to] == none) return edges;
  for (vertex_t v = to; v != from; v = net.source(pred[v])) edges.push_back(pred[v]);
  std::reverse(edges.begin(), edges.end());
  return edges;
}

TEST(shortest_path, settles_ties_exactly_as_boost_dijkstra_does) {
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    lcg rng{seed};
    scenario s;
    const std::uint32_t n = 10 + rng.below(50);
    for (std::uint32_t i = 0; i < n; ++i) s.nodes.push_back(test::make_node(node_name(i)));
    const std::uint32_t m = 2 * n + rng.below(3 * n);
    for (std::uint32_t i = 0; i < m; ++i) {
      const std::uint32_t a = rng.below(n);
      const std::uint32_t b = (a + 1 + rng.below(n - 1)) % n;
      auto e = test::make_edge(node_name(a), node_name(b), rng.below(2) == 0);
      e.id += '#';
      e.id += std::to_string(i);
      s.edges.push_back(e);
    }
    const network net(s);
    path_weights w;
    // Costs of 0, 1 or 2 (a few closed edges and nodes): equal distances everywhere.
    for (std::size_t e = 0; e < net.num_edges(); ++e)
      w.edge_cost.push_back(rng.below(15) == 0 ? std::numeric_limits<double>::infinity() : rng.below(3));
    for (std::uint32_t v = 0; v < n; ++v)
      w.node_cost.push_back(rng.below(20) == 0 ? std::numeric_limits<double>::infinity() : rng.below(2));
    for (vertex_t from = 0; from < n; ++from) {
      for (vertex_t to = 0; to < n; ++to) {
        if (to == from) continue;
        const auto expected = boost_path(net, w, from, to);
        const auto found = shortest_path(net, from, to, w);
        ASSERT_EQ(found.has_value(), !expected.empty()) << "seed " << seed << ", " << from << " -> " << to;
        if (!found) continue;
        ASSERT_EQ(found->edges, expected) << "seed " << seed << ", " << from << " -> " << to;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 10000);
}

}  // namespace
}  // namespace corridor

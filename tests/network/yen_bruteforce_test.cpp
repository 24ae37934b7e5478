// Yen's algorithm against a brute-force enumeration of every loopless path, on small random graphs with
// parallel lines, two-way lines, closed edges and node costs.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

#include "corridor/network.hpp"
#include "test_graphs.hpp"

namespace corridor {
namespace {

// A tiny fixed generator (64-bit LCG) so the graphs are the same everywhere; quality barely matters here.
struct lcg {
  std::uint64_t state;
  std::uint32_t below(std::uint32_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33) % n);
  }
};

struct random_case {
  scenario s;
  std::vector<double> edge_cost;  // by graph edge index
  std::vector<double> node_cost;
};

// `integer_costs` makes many ties; otherwise costs are distinct fractions so the order is unique.
// Appended rather than concatenated: GCC 12 warns falsely (-Wrestrict) on "n" + std::to_string(i) at -O3.
std::string node_name(std::uint32_t i) {
  std::string s = "n";
  s += std::to_string(i);
  return s;
}

random_case make_case(std::uint64_t seed, bool integer_costs) {
  lcg rng{seed};
  random_case c;
  const std::uint32_t n = 5 + rng.below(4);
  for (std::uint32_t i = 0; i < n; ++i) c.s.nodes.push_back(test::make_node(node_name(i)));
  const std::uint32_t m = 2 * n + rng.below(2 * n);
  for (std::uint32_t i = 0; i < m; ++i) {
    const std::uint32_t a = rng.below(n);
    const std::uint32_t b = (a + 1 + rng.below(n - 1)) % n;
    auto e = test::make_edge(node_name(a), node_name(b), rng.below(3) == 0);
    e.id += '#';
    e.id += std::to_string(i);
    c.s.edges.push_back(e);
  }
  auto cost = [&] {
    return integer_costs ? static_cast<double>(1 + rng.below(3)) : 1.0 + rng.below(1000000) / 999983.0;
  };
  const network net(c.s);
  for (std::size_t i = 0; i < net.num_edges(); ++i) {
    c.edge_cost.push_back(rng.below(12) == 0 ? std::numeric_limits<double>::infinity() : cost());
  }
  for (std::uint32_t i = 0; i < n; ++i) c.node_cost.push_back(rng.below(2) == 0 ? 0.0 : cost());
  return c;
}

// Every loopless path from -> to by depth-first search, with its cost summed from the origin on.
void enumerate(const network& net, const path_weights& w, vertex_t to, path& cur, std::vector<char>& on_path,
               std::vector<path>& out) {
  const vertex_t at = cur.nodes.back();
  if (at == to) {
    out.push_back(cur);
    return;
  }
  for (auto [it, end] = boost::out_edges(at, net.graph()); it != end; ++it) {
    const std::uint32_t e = net.graph()[*it].index;
    const vertex_t next = net.target(e);
    const double step = w.edge_cost[e] + w.node_cost[next];
    if (on_path[next] || step == std::numeric_limits<double>::infinity()) continue;
    on_path[next] = 1;
    path longer = cur;
    longer.nodes.push_back(next);
    longer.edges.push_back(e);
    longer.cost += step;
    enumerate(net, w, to, longer, on_path, out);
    on_path[next] = 0;
  }
}

std::vector<path> all_paths(const network& net, const path_weights& w, vertex_t from, vertex_t to) {
  std::vector<path> out;
  path start;
  start.nodes.push_back(from);
  std::vector<char> on_path(net.num_nodes(), 0);
  on_path[from] = 1;
  enumerate(net, w, to, start, on_path, out);
  std::sort(out.begin(), out.end(), [](const path& a, const path& b) {
    return std::tie(a.cost, a.edges) < std::tie(b.cost, b.edges);
  });
  return out;
}

// What every returned path must be: a real walk from `from` to `to`, loopless, costed exactly.
void expect_valid(const network& net, const path_weights& w, const std::vector<path>& paths, vertex_t from,
                  vertex_t to) {
  std::set<std::vector<std::uint32_t>> seen;
  for (const path& p : paths) {
    ASSERT_EQ(p.nodes.size(), p.edges.size() + 1);
    EXPECT_EQ(p.nodes.front(), from);
    EXPECT_EQ(p.nodes.back(), to);
    for (std::size_t i = 0; i < p.edges.size(); ++i) {
      EXPECT_EQ(net.source(p.edges[i]), p.nodes[i]);
      EXPECT_EQ(net.target(p.edges[i]), p.nodes[i + 1]);
    }
    EXPECT_EQ(std::set<vertex_t>(p.nodes.begin(), p.nodes.end()).size(), p.nodes.size()) << "loop";
    double sum = 0.0;  // front to back, so rounding matches any other front-to-back sum
    for (std::uint32_t e : p.edges) sum += w.edge_cost[e] + w.node_cost[net.target(e)];
    EXPECT_EQ(p.cost, sum);
    EXPECT_EQ(p.cost, path_cost(net, p, w));
    EXPECT_TRUE(seen.insert(p.edges).second) << "duplicate path";
  }
}

TEST(k_shortest_paths, returns_exactly_the_k_cheapest_loopless_paths_of_random_graphs) {
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const random_case c = make_case(seed, false);
    const network net(c.s);
    const path_weights w{c.edge_cost, c.node_cost};
    const vertex_t to = net.num_nodes() - 1;
    const auto all = all_paths(net, w, 0, to);
    for (int k : {1, 4, 9}) {
      const auto got = k_shortest_paths(net, 0, to, k, w);
      const std::size_t want = std::min<std::size_t>(static_cast<std::size_t>(k), all.size());
      ASSERT_EQ(got.size(), want) << "seed " << seed << " k " << k;
      expect_valid(net, w, got, 0, to);
      for (std::size_t i = 0; i < want; ++i) {
        EXPECT_EQ(got[i], all[i]) << "seed " << seed << " k " << k;
        EXPECT_EQ(got[i].cost, all[i].cost) << "seed " << seed << " k " << k;
      }
      compared += static_cast<int>(want);
    }
  }
  EXPECT_GT(compared, 300);  // the random graphs really do have many paths
}

TEST(k_shortest_paths, matches_brute_force_costs_when_many_paths_tie) {
  for (std::uint64_t seed = 100; seed < 160; ++seed) {
    const random_case c = make_case(seed, true);
    const network net(c.s);
    const path_weights w{c.edge_cost, c.node_cost};
    const vertex_t to = net.num_nodes() - 1;
    const auto all = all_paths(net, w, 0, to);
    const auto got = k_shortest_paths(net, 0, to, 6, w);
    ASSERT_EQ(got.size(), std::min<std::size_t>(6, all.size())) << "seed " << seed;
    expect_valid(net, w, got, 0, to);
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].cost, all[i].cost) << "seed " << seed;
    EXPECT_TRUE(std::is_sorted(
        got.begin(), got.end(),
        [](const path& a, const path& b) { return std::tie(a.cost, a.edges) < std::tie(b.cost, b.edges); }))
        << "seed " << seed;
    const auto first = shortest_path(net, 0, to, w);
    ASSERT_EQ(first.has_value(), !all.empty());
    if (first) {
      EXPECT_EQ(first->cost, all.front().cost);
    }
  }
}

}  // namespace
}  // namespace corridor

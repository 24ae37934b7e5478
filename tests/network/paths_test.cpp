// Dijkstra and Yen over generalized costs, checked on hand-made graphs with known answers and against a
// brute-force enumeration of every loopless path on small random graphs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>
#include <tuple>

#include "corridor/network.hpp"
#include "test_graphs.hpp"

namespace corridor {
namespace {

using test::directed;
using test::edge_weights;
using test::ids;
using test::make_edge;
using test::make_node;
using strings = std::vector<std::string>;
using indices = std::vector<std::uint32_t>;

constexpr double inf = std::numeric_limits<double>::infinity();

TEST(shortest_path, finds_the_cheapest_route_on_the_textbook_graph) {
  const network net(test::yen_example());
  const auto p =
      shortest_path(net, net.node("C"), net.node("H"), edge_weights(net, test::yen_example_costs()));
  ASSERT_TRUE(p);
  EXPECT_EQ(ids(net, *p), (strings{"C", "E", "F", "H"}));
  EXPECT_EQ(p->edges, (indices{1, 4, 7}));
  EXPECT_DOUBLE_EQ(p->cost, 5.0);
}

TEST(shortest_path, charges_node_costs_on_entry_and_so_changes_the_route) {
  const network net(test::yen_example());
  path_weights w = edge_weights(net, test::yen_example_costs());
  w.node_cost[net.node("F")] = 10.0;    // a queue at F: C-E-G-H (7) now beats C-E-F-H (5 + 10)
  w.node_cost[net.node("H")] = 100.0;   // the destination is charged on every route alike
  w.node_cost[net.node("C")] = 1000.0;  // the origin is never entered
  const auto p = shortest_path(net, net.node("C"), net.node("H"), w);
  ASSERT_TRUE(p);
  EXPECT_EQ(ids(net, *p), (strings{"C", "E", "G", "H"}));
  EXPECT_DOUBLE_EQ(p->cost, 107.0);
}

TEST(shortest_path, treats_an_edge_of_infinite_cost_as_closed) {
  const network net(test::yen_example());
  auto costs = test::yen_example_costs();
  costs[7] = inf;  // F-H closed
  costs[5] = inf;  // E-G closed
  const auto p = shortest_path(net, net.node("C"), net.node("H"), edge_weights(net, costs));
  ASSERT_TRUE(p);
  EXPECT_EQ(ids(net, *p), (strings{"C", "E", "F", "G", "H"}));
  EXPECT_DOUBLE_EQ(p->cost, 8.0);
}

TEST(shortest_path, treats_a_node_of_infinite_cost_as_closed) {
  const network net(test::yen_example());
  path_weights w = edge_weights(net, test::yen_example_costs());
  w.node_cost[net.node("E")] = inf;
  const auto p = shortest_path(net, net.node("C"), net.node("H"), w);
  ASSERT_TRUE(p);
  EXPECT_EQ(ids(net, *p), (strings{"C", "D", "F", "H"}));
  EXPECT_DOUBLE_EQ(p->cost, 8.0);
}

TEST(shortest_path, returns_nullopt_when_the_destination_is_unreachable) {
  const network net(test::yen_example());
  const auto w = edge_weights(net, test::yen_example_costs());
  EXPECT_EQ(shortest_path(net, net.node("H"), net.node("C"), w), std::nullopt);  // all edges one-way
  auto costs = test::yen_example_costs();
  costs[7] = costs[8] = inf;  // both ways into H closed
  EXPECT_EQ(shortest_path(net, net.node("C"), net.node("H"), edge_weights(net, costs)), std::nullopt);
}

TEST(shortest_path, returns_the_empty_path_from_a_node_to_itself) {
  const network net(test::yen_example());
  const auto p =
      shortest_path(net, net.node("E"), net.node("E"), edge_weights(net, test::yen_example_costs()));
  ASSERT_TRUE(p);
  EXPECT_EQ(ids(net, *p), (strings{"E"}));
  EXPECT_TRUE(p->edges.empty());
  EXPECT_EQ(p->cost, 0.0);
}

TEST(shortest_path, takes_the_cheaper_of_two_parallel_lines) {
  scenario s = directed({"a", "b"}, {{"a", "b"}, {"a", "b"}});
  const network net(s);
  const auto p = shortest_path(net, 0, 1, edge_weights(net, {5.0, 3.0}));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->edges, (indices{1}));
  EXPECT_EQ(shortest_path(net, 0, 1, edge_weights(net, {2.0, 3.0}))->edges, (indices{0}));
}

TEST(shortest_path, uses_both_directions_of_a_bidirectional_line) {
  scenario s;
  s.nodes = {make_node("a"), make_node("b"), make_node("c")};
  s.edges = {make_edge("a", "b", true), make_edge("b", "c", true)};
  const network net(s);
  const auto p = shortest_path(net, net.node("c"), net.node("a"), edge_weights(net, {1, 1, 1, 1}));
  ASSERT_TRUE(p);
  EXPECT_EQ(ids(net, *p), (strings{"c", "b", "a"}));
  EXPECT_EQ(p->edges, (indices{3, 1}));
}

TEST(shortest_path, rejects_negative_nan_or_missized_costs_and_unknown_vertices) {
  const network net(test::yen_example());
  auto costs = test::yen_example_costs();
  costs[3] = -1.0;
  EXPECT_THROW(shortest_path(net, 0, 5, edge_weights(net, costs)), std::invalid_argument);
  costs[3] = std::nan("");
  EXPECT_THROW(shortest_path(net, 0, 5, edge_weights(net, costs)), std::invalid_argument);
  path_weights w = edge_weights(net, test::yen_example_costs());
  w.node_cost[2] = -0.5;
  EXPECT_THROW(shortest_path(net, 0, 5, w), std::invalid_argument);
  EXPECT_THROW(shortest_path(net, 0, 5, edge_weights(net, {1.0, 2.0})), std::invalid_argument);
  EXPECT_THROW(shortest_path(net, 0, 6, edge_weights(net, test::yen_example_costs())), std::invalid_argument);
}

TEST(k_shortest_paths, finds_the_three_paths_of_the_textbook_yen_example) {
  const network net(test::yen_example());
  const auto paths =
      k_shortest_paths(net, net.node("C"), net.node("H"), 3, edge_weights(net, test::yen_example_costs()));
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_EQ(ids(net, paths[0]), (strings{"C", "E", "F", "H"}));
  EXPECT_EQ(ids(net, paths[1]), (strings{"C", "E", "G", "H"}));
  EXPECT_EQ(ids(net, paths[2]), (strings{"C", "D", "F", "H"}));
  EXPECT_DOUBLE_EQ(paths[0].cost, 5.0);
  EXPECT_DOUBLE_EQ(paths[1].cost, 7.0);
  EXPECT_DOUBLE_EQ(paths[2].cost, 8.0);
}

TEST(k_shortest_paths, returns_every_loopless_path_when_k_exceeds_their_number) {
  const network net(test::yen_example());
  const auto paths =
      k_shortest_paths(net, net.node("C"), net.node("H"), 50, edge_weights(net, test::yen_example_costs()));
  // The seven loopless C-H paths, three of them tied at 8 and put in edge order.
  const std::vector<indices> expected = {{1, 4, 7},    {1, 5, 8},    {0, 2, 7},      {1, 3, 2, 7},
                                         {1, 4, 6, 8}, {0, 2, 6, 8}, {1, 3, 2, 6, 8}};
  const std::vector<double> costs = {5, 7, 8, 8, 8, 11, 11};
  ASSERT_EQ(paths.size(), expected.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    EXPECT_EQ(paths[i].edges, expected[i]) << "path " << i;
    EXPECT_DOUBLE_EQ(paths[i].cost, costs[i]) << "path " << i;
  }
}

TEST(k_shortest_paths, skips_closed_edges_and_returns_nothing_when_unreachable) {
  const network net(test::yen_example());
  auto costs = test::yen_example_costs();
  costs[1] = inf;  // C-E closed: only C-D-F-H and C-D-F-G-H remain
  const auto paths = k_shortest_paths(net, net.node("C"), net.node("H"), 4, edge_weights(net, costs));
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(paths[0].edges, (indices{0, 2, 7}));
  EXPECT_EQ(paths[1].edges, (indices{0, 2, 6, 8}));
  EXPECT_TRUE(k_shortest_paths(net, net.node("H"), net.node("C"), 4, edge_weights(net, costs)).empty());
}

TEST(k_shortest_paths, breaks_cost_ties_by_edge_sequence_on_every_call) {
  // Four equal routes a -> d: two middle nodes, each reached by two parallel lines.
  const network net(
      directed({"a", "b", "c", "d"}, {{"a", "c"}, {"a", "b"}, {"c", "d"}, {"b", "d"}, {"a", "c"}}));
  const auto w = edge_weights(net, {1, 1, 1, 1, 1});
  const auto paths = k_shortest_paths(net, 0, 3, 10, w);
  const std::vector<indices> expected = {{0, 2}, {1, 3}, {4, 2}};
  ASSERT_EQ(paths.size(), expected.size());
  for (std::size_t i = 0; i < paths.size(); ++i) EXPECT_EQ(paths[i].edges, expected[i]) << "path " << i;
  for (int run = 0; run < 3; ++run) EXPECT_EQ(k_shortest_paths(net, 0, 3, 10, w), paths);
}

TEST(k_shortest_paths, rejects_k_below_one) {
  const network net(test::yen_example());
  EXPECT_THROW(k_shortest_paths(net, 0, 5, 0, edge_weights(net, test::yen_example_costs())),
               std::invalid_argument);
}

TEST(path_cost, sums_edge_costs_and_entered_node_costs_and_is_infinite_on_a_closed_edge) {
  const network net(test::yen_example());
  path_weights w = edge_weights(net, test::yen_example_costs());
  w.node_cost = {100, 1, 2, 3, 4, 5};  // C D E F G H
  const path p =
      *shortest_path(net, net.node("C"), net.node("H"), edge_weights(net, test::yen_example_costs()));
  EXPECT_DOUBLE_EQ(path_cost(net, p, w), 5.0 + 2 + 3 + 5);
  w.edge_cost[4] = inf;
  EXPECT_EQ(path_cost(net, p, w), inf);
  path bad = p;
  bad.edges.push_back(99);
  EXPECT_THROW(path_cost(net, bad, w), std::invalid_argument);
}

}  // namespace
}  // namespace corridor

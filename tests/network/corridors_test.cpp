// k_distinct_corridors: the cheapest routes through different border points, however many junction variants
// the cheapest corridor has.
#include <gtest/gtest.h>

#include <limits>

#include "test_graphs.hpp"

namespace corridor::test {
namespace {

// From o to d through border A (cheap) or border B (dear). Between o and A there are four parallel junction
// variants j1..j4 of rising cost, so the four cheapest paths of all are the A corridor four times.
struct two_borders {
  scenario s = directed({"o", "j1", "j2", "j3", "j4", "A", "B", "d"}, {{"o", "j1"},
                                                                       {"o", "j2"},
                                                                       {"o", "j3"},
                                                                       {"o", "j4"},  // edges 0-3
                                                                       {"j1", "A"},
                                                                       {"j2", "A"},
                                                                       {"j3", "A"},
                                                                       {"j4", "A"},  // edges 4-7
                                                                       {"A", "d"},
                                                                       {"o", "B"},
                                                                       {"B", "d"}});  // edges 8-10
  network net{s};
  path_weights w = edge_weights(net, {1, 2, 3, 4, 1, 1, 1, 1, 1, 10, 10});
  std::vector<bool> borders = [this] {
    std::vector<bool> b(net.num_nodes(), false);
    b[net.node("A")] = b[net.node("B")] = true;
    return b;
  }();
};

TEST(k_distinct_corridors, finds_the_dear_corridor_that_yen_ranks_behind_junction_variants) {
  two_borders g;
  const auto yen = k_shortest_paths(g.net, g.net.node("o"), g.net.node("d"), 4, g.w);
  ASSERT_EQ(yen.size(), 4u);
  for (const path& p : yen) EXPECT_EQ(ids(g.net, p)[2], "A");  // Yen: four variants of one corridor

  const auto corridors = k_distinct_corridors(g.net, g.net.node("o"), g.net.node("d"), 4, g.w, g.borders);
  ASSERT_EQ(corridors.size(), 2u);
  EXPECT_EQ(ids(g.net, corridors[0]), (std::vector<std::string>{"o", "j1", "A", "d"}));
  EXPECT_DOUBLE_EQ(corridors[0].cost, 3.0);
  EXPECT_EQ(ids(g.net, corridors[1]), (std::vector<std::string>{"o", "B", "d"}));
  EXPECT_DOUBLE_EQ(corridors[1].cost, 20.0);
}

TEST(k_distinct_corridors, returns_corridors_cheapest_first_and_stops_at_k) {
  two_borders g;
  const auto one = k_distinct_corridors(g.net, g.net.node("o"), g.net.node("d"), 1, g.w, g.borders);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(ids(g.net, one[0])[2], "A");
}

TEST(k_distinct_corridors, skips_closed_border_points) {
  two_borders g;
  g.w.node_cost[g.net.node("A")] = std::numeric_limits<double>::infinity();
  const auto corridors = k_distinct_corridors(g.net, g.net.node("o"), g.net.node("d"), 4, g.w, g.borders);
  ASSERT_EQ(corridors.size(), 1u);
  EXPECT_EQ(ids(g.net, corridors[0]), (std::vector<std::string>{"o", "B", "d"}));
}

TEST(k_distinct_corridors, gives_one_corridor_when_nothing_is_marked) {
  two_borders g;
  const std::vector<bool> none(g.net.num_nodes(), false);
  EXPECT_EQ(k_distinct_corridors(g.net, g.net.node("o"), g.net.node("d"), 4, g.w, none).size(), 1u);
}

TEST(k_distinct_corridors, rejects_bad_arguments) {
  two_borders g;
  EXPECT_THROW(k_distinct_corridors(g.net, g.net.node("o"), g.net.node("d"), 0, g.w, g.borders),
               std::invalid_argument);
  EXPECT_THROW(k_distinct_corridors(g.net, g.net.node("o"), g.net.node("d"), 2, g.w, {true}),
               std::invalid_argument);
}

std::vector<bool> mark(const network& net, std::initializer_list<const char*> ids) {
  std::vector<bool> m(net.num_nodes(), false);
  for (const char* id : ids) m[net.node(id)] = true;
  return m;
}

TEST(shortest_path_via, takes_the_cheapest_path_through_a_marked_vertex_even_when_dearer_overall) {
  two_borders g;
  // Only B is allowed as the meeting point: o-B-d costs 10 + 10, against 3 through A.
  const auto p = shortest_path_via(g.net, g.net.node("o"), g.net.node("d"), mark(g.net, {"B"}), g.w);
  ASSERT_TRUE(p);
  EXPECT_EQ(ids(g.net, *p), (std::vector<std::string>{"o", "B", "d"}));
  EXPECT_DOUBLE_EQ(p->cost, 20.0);
}

TEST(shortest_path_via, picks_the_cheapest_of_several_marked_vertices) {
  two_borders g;
  const auto p = shortest_path_via(g.net, g.net.node("o"), g.net.node("d"), mark(g.net, {"A", "B"}), g.w);
  ASSERT_TRUE(p);
  EXPECT_EQ(ids(g.net, *p), (std::vector<std::string>{"o", "j1", "A", "d"}));
}

TEST(shortest_path_via, finds_nothing_when_no_marked_vertex_is_on_a_way_through) {
  two_borders g;
  g.w.node_cost[g.net.node("B")] = std::numeric_limits<double>::infinity();  // closed
  EXPECT_FALSE(shortest_path_via(g.net, g.net.node("o"), g.net.node("d"), mark(g.net, {"B"}), g.w));
}

// o -> x -> d is the only way out of o; the via vertex v hangs off x (x -> v -> x is an out-and-back spur),
// so every path through v would visit x twice and is not loopless.
TEST(shortest_path_via, refuses_a_meeting_point_that_would_make_a_loop) {
  const scenario s = directed({"o", "x", "v", "d"}, {{"o", "x"}, {"x", "v"}, {"v", "x"}, {"x", "d"}});
  const network net{s};
  const auto w = edge_weights(net, {1, 1, 1, 1});
  EXPECT_FALSE(shortest_path_via(net, net.node("o"), net.node("d"), mark(net, {"v"}), w));
}

TEST(k_distinct_corridors, keeps_to_paths_through_the_via_vertices) {
  two_borders g;
  const auto corridors =
      k_distinct_corridors(g.net, g.net.node("o"), g.net.node("d"), 4, g.w, g.borders, mark(g.net, {"B"}));
  ASSERT_EQ(corridors.size(), 1u);
  EXPECT_EQ(ids(g.net, corridors[0]), (std::vector<std::string>{"o", "B", "d"}));
  const auto either = k_distinct_corridors(g.net, g.net.node("o"), g.net.node("d"), 4, g.w, g.borders,
                                           mark(g.net, {"A", "B"}));
  ASSERT_EQ(either.size(), 2u);
  EXPECT_EQ(ids(g.net, either[0])[2], "A");
  EXPECT_EQ(ids(g.net, either[1])[1], "B");
}

}  // namespace
}  // namespace corridor::test

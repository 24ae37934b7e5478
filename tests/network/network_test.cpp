// The graph built from a scenario, and great-circle distances.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "corridor/network.hpp"
#include "test_graphs.hpp"

namespace corridor {
namespace {

using test::make_edge;
using test::make_node;
using test::make_region;

// xian (CN, 1435) - dostyk (crossing) - astana (KZ, 1520) - brest (crossing) - lodz (PL, 1435),
// plus a one-way ferry leg aktau -> baku.
scenario small_corridor() {
  scenario s;
  s.regions = {make_region("china", {"CN"}), make_region("central_asia", {"KZ", "KG"}),
               make_region("europe", {"PL", "DE"}), make_region("eurasia", {"KZ", "PL"})};
  s.nodes = {make_node("xian", node_kind::terminal, "CN"),   make_node("dostyk", node_kind::crossing, "KZ"),
             make_node("astana", node_kind::junction, "KZ"), make_node("brest", node_kind::crossing, "BY"),
             make_node("lodz", node_kind::terminal, "PL"),   make_node("aktau", node_kind::port, "KZ"),
             make_node("baku", node_kind::port, "AZ")};
  s.nodes[0].lat = 34.34;
  s.nodes[0].lon = 108.94;
  s.edges = {make_edge("xian", "dostyk", true, 1435),  make_edge("dostyk", "astana", true, 1520),
             make_edge("astana", "brest", true, 1520), make_edge("brest", "lodz", true, 1435),
             make_edge("aktau", "baku", false, 1435),  make_edge("astana", "aktau", true, 1520)};
  s.edges[4].mode = edge_mode::ferry;
  return s;
}

TEST(network, has_one_vertex_per_node_in_scenario_order) {
  const scenario s = small_corridor();
  const network net(s);
  ASSERT_EQ(net.num_nodes(), 7u);
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    EXPECT_EQ(net.props(static_cast<vertex_t>(i)).id, s.nodes[i].id);
    EXPECT_EQ(net.props(static_cast<vertex_t>(i)).spec, i);
    EXPECT_EQ(net.node(s.nodes[i].id), i);
  }
  EXPECT_EQ(net.props(net.node("xian")).kind, node_kind::terminal);
  EXPECT_EQ(net.props(net.node("xian")).country, "CN");
  EXPECT_DOUBLE_EQ(net.props(net.node("xian")).lat, 34.34);
  EXPECT_DOUBLE_EQ(net.props(net.node("xian")).lon, 108.94);
}

TEST(network, turns_a_bidirectional_edge_into_forward_then_reverse_graph_edges) {
  const network net(small_corridor());
  // 5 bidirectional edges and one one-way ferry leg.
  ASSERT_EQ(net.num_edges(), 11u);
  ASSERT_EQ(boost::num_edges(net.graph()), 11u);
  ASSERT_EQ(net.edges_of_spec(0), (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(net.source(0), net.node("xian"));
  EXPECT_EQ(net.target(0), net.node("dostyk"));
  EXPECT_FALSE(net.props(std::uint32_t{0}).reverse);
  EXPECT_EQ(net.source(1), net.node("dostyk"));
  EXPECT_EQ(net.target(1), net.node("xian"));
  EXPECT_TRUE(net.props(std::uint32_t{1}).reverse);
  EXPECT_EQ(net.edges_of_spec(4), (std::vector<std::uint32_t>{8}));
  EXPECT_EQ(net.edges_of_spec(5), (std::vector<std::uint32_t>{9, 10}));
}

TEST(network, indexes_graph_edges_densely_and_copies_their_scenario_properties) {
  const scenario s = small_corridor();
  const network net(s);
  for (std::uint32_t i = 0; i < net.num_edges(); ++i) {
    const edge_props& e = net.props(i);
    EXPECT_EQ(e.index, i);
    EXPECT_EQ(net.graph()[net.edge(i)].index, i);
    const edge_spec& spec = s.edges[e.spec];
    EXPECT_EQ(net.props(net.source(i)).id, e.reverse ? spec.to : spec.from);
    EXPECT_EQ(net.props(net.target(i)).id, e.reverse ? spec.from : spec.to);
    EXPECT_EQ(e.mode, spec.mode);
    EXPECT_DOUBLE_EQ(e.travel_days(), 2.0);
  }
  EXPECT_EQ(net.props(std::uint32_t{2}).gauge_mm, 1520);
  EXPECT_EQ(net.props(std::uint32_t{8}).mode, edge_mode::ferry);
  EXPECT_EQ(net.props(std::uint32_t{8}).gauge_mm, 0);
}

TEST(network, tags_each_node_with_every_region_listing_its_country) {
  const network net(small_corridor());
  EXPECT_EQ(net.props(net.node("xian")).regions, (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(net.props(net.node("astana")).regions, (std::vector<std::uint32_t>{1, 3}));
  EXPECT_EQ(net.props(net.node("lodz")).regions, (std::vector<std::uint32_t>{2, 3}));
  EXPECT_TRUE(net.props(net.node("brest")).regions.empty());
}

TEST(network, gives_nodes_their_rail_gauge_and_zero_where_gauges_may_meet) {
  const network net(small_corridor());
  EXPECT_EQ(net.props(net.node("xian")).gauge_mm, 1435);
  EXPECT_EQ(net.props(net.node("astana")).gauge_mm, 1520);
  EXPECT_EQ(net.props(net.node("lodz")).gauge_mm, 1435);
  EXPECT_EQ(net.props(net.node("dostyk")).gauge_mm, 0);
  EXPECT_EQ(net.props(net.node("brest")).gauge_mm, 0);
  EXPECT_EQ(net.props(net.node("aktau")).gauge_mm, 0);
}

TEST(network, gives_a_node_with_no_rail_line_gauge_zero) {
  scenario s;
  s.nodes = {make_node("a"), make_node("b")};
  s.edges = {make_edge("a", "b")};
  s.edges[0].mode = edge_mode::ferry;
  const network net(s);
  EXPECT_EQ(net.props(net.node("a")).gauge_mm, 0);
  EXPECT_EQ(net.props(net.node("b")).gauge_mm, 0);
}

TEST(network, rejects_a_junction_joining_two_gauges) {
  scenario s;
  s.nodes = {make_node("a"), make_node("mid"), make_node("b")};
  s.edges = {make_edge("a", "mid", false, 1435), make_edge("mid", "b", false, 1520)};
  try {
    network net(s);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'mid'"), std::string::npos) << e.what();
  }
}

TEST(network, rejects_an_edge_naming_an_unknown_node) {
  scenario s;
  s.nodes = {make_node("a")};
  s.edges = {make_edge("a", "nowhere")};
  try {
    network net(s);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'nowhere'"), std::string::npos) << e.what();
  }
}

TEST(network, rejects_duplicate_node_ids) {
  scenario s;
  s.nodes = {make_node("a"), make_node("b"), make_node("a")};
  EXPECT_THROW(network{s}, std::invalid_argument);
}

TEST(network, finds_nodes_by_id_and_throws_naming_a_missing_one) {
  const network net(small_corridor());
  EXPECT_EQ(net.find_node("brest"), std::optional<vertex_t>(3));
  EXPECT_EQ(net.find_node("paris"), std::nullopt);
  try {
    (void)net.node("paris");
    FAIL() << "expected std::out_of_range";
  } catch (const std::out_of_range& e) {
    EXPECT_NE(std::string(e.what()).find("paris"), std::string::npos) << e.what();
  }
}

TEST(network, builds_an_empty_network_from_an_empty_scenario) {
  const network net(scenario{});
  EXPECT_EQ(net.num_nodes(), 0u);
  EXPECT_EQ(net.num_edges(), 0u);
}

TEST(great_circle_km, puts_dostyk_about_4274_km_from_malaszewicze) {
  // Spherical law of cosines (an independent formula), R = 6371 km, by hand: 4274.45 km.
  EXPECT_NEAR(great_circle_km(45.252, 82.484, 52.024, 23.531), 4274.45, 0.5);
  EXPECT_NEAR(great_circle_km(52.024, 23.531, 45.252, 82.484), 4274.45, 0.5);
}

TEST(great_circle_km, is_zero_for_one_point_and_half_the_circumference_for_antipodes) {
  EXPECT_DOUBLE_EQ(great_circle_km(51.435, 6.76, 51.435, 6.76), 0.0);
  const double half_circumference_km = 3.14159265358979323846 * 6371.0;
  EXPECT_NEAR(great_circle_km(0.0, 0.0, 0.0, 180.0), half_circumference_km, 1e-6);
  EXPECT_NEAR(great_circle_km(90.0, 0.0, -90.0, 0.0), half_circumference_km, 1e-6);
  // One degree of latitude is 111.19 km on this sphere.
  EXPECT_NEAR(great_circle_km(10.0, 30.0, 11.0, 30.0), 111.195, 0.001);
}

}  // namespace
}  // namespace corridor

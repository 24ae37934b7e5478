#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "corridor/io.hpp"
#include "io_fixtures.hpp"

namespace corridor {
namespace {

using nlohmann::json;

TEST(flows_geojson, is_a_feature_collection_of_edge_lines_and_node_points) {
  const auto s = test::sample_scenario();
  const auto j = json::parse(flows_geojson(test::summary_of(test::sample_runs(2))));
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), s.edges.size() + s.nodes.size());
  std::size_t lines = 0, points = 0;
  for (const auto& f : j["features"]) {
    EXPECT_EQ(f["type"], "Feature");
    const auto& g = f["geometry"];
    if (g["type"] == "LineString") {
      ++lines;
      ASSERT_EQ(g["coordinates"].size(), 2u);
      for (const char* key : {"id", "mode", "trains", "teu", "utilization"})
        EXPECT_TRUE(f["properties"].contains(key));
    } else {
      EXPECT_EQ(g["type"], "Point");
      ++points;
      for (const char* key : {"id", "name", "kind", "country"}) EXPECT_TRUE(f["properties"].contains(key));
    }
  }
  EXPECT_EQ(lines, s.edges.size());
  EXPECT_EQ(points, s.nodes.size());
}

TEST(flows_geojson, writes_coordinates_as_longitude_then_latitude) {
  const auto j = json::parse(flows_geojson(test::summary_of(test::sample_runs(1))));
  const auto& first_edge = j["features"][0];  // xian -> dostyk
  EXPECT_EQ(first_edge["geometry"]["coordinates"][0], json::array({108.95, 34.27}));
  EXPECT_EQ(first_edge["geometry"]["coordinates"][1], json::array({82.48, 45.25}));
  const auto& duisburg = j["features"].back();
  EXPECT_EQ(duisburg["properties"]["id"], "duisburg");
  EXPECT_EQ(duisburg["geometry"]["coordinates"], json::array({6.76, 51.43}));
}

TEST(flows_geojson, carries_mean_edge_traffic_and_marks_ferries) {
  const auto j = json::parse(flows_geojson(test::summary_of(test::sample_runs(3))));
  const auto& ferry = j["features"][8];
  EXPECT_EQ(ferry["properties"]["id"], "aktau-baku");
  EXPECT_EQ(ferry["properties"]["mode"], "ferry");
  EXPECT_NEAR(ferry["properties"]["teu"].get<double>(), 3200.0 * 4 * 1.01, 1e-9);
}

TEST(flows_geojson, gives_a_resource_ports_node_its_berths_and_yard) {
  const auto j = json::parse(flows_geojson(test::summary_of(test::with_ports(test::sample_runs(1)))));
  std::size_t ports = 0;
  for (const auto& f : j["features"]) {
    const auto& p = f["properties"];
    if (p["id"] == "aktau") {
      ++ports;
      EXPECT_EQ(p["kind"], "port");
      EXPECT_EQ(p["berths"], 2);
      EXPECT_EQ(p["utilization"], 0.25);
      EXPECT_EQ(p["mean_wait_h"], 1.5);
      EXPECT_EQ(p["yard_mean_teu"], 430);
      EXPECT_EQ(p["gate_trains"], 8);
    }
    if (p["id"] == "lodz") {
      EXPECT_FALSE(p.contains("utilization"));  // a terminal carries no queue
    }
  }
  EXPECT_EQ(ports, 1u);
  // Without resource ports the ports' nodes are as before.
  const auto plain = json::parse(flows_geojson(test::summary_of(test::sample_runs(1))));
  for (const auto& f : plain["features"]) {
    if (f["properties"]["id"] == "aktau") {
      EXPECT_FALSE(f["properties"].contains("berths"));
    }
  }
}

}  // namespace
}  // namespace corridor

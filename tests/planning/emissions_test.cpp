// CO2 by traction and mode against the factors the example programme cites (docs/sources.md G5, G12-G14).
#include <gtest/gtest.h>

#include <filesystem>

#include "corridor/planning.hpp"
#include "corridor/planning_io.hpp"

namespace corridor {
namespace {

namespace fs = std::filesystem;
const fs::path here = fs::path(CORRIDOR_SOURCE_DIR) / "tests" / "planning" / "fixtures";
const fs::path example =
    fs::path(CORRIDOR_SOURCE_DIR) / "scenarios" / "programmes" / "middle-corridor-2030.yaml";

emission_factors toy_factors() {
  emission_factors f;
  f.load_t_per_teu = 10;
  f.rail_diesel_g_per_tkm = 20;
  f.rail_electric_g_per_tkm = 8;
  f.ferry_g_per_tkm = 30;
  f.electric_countries = {"CN"};
  return f;
}

TEST(co2, per_teu_km_follows_the_cited_factors_of_the_example_programme) {
  const programme p = load_programme(example);
  const scenario base = load_scenario(p.base);
  // src:G12 with the 2.5x assumption: 8.7 g/t-km electric, 21.7 diesel; src:G13 31.6 g/t-km on a feeder
  // ship; src:G14 10 t in a TEU.
  EXPECT_DOUBLE_EQ(p.co2.load_t_per_teu, 10.0);
  EXPECT_NEAR(edge_g_per_teu_km(base, "dostyk-aktogay", p.co2), 217.0, 1e-9);  // Kazakhstan: diesel
  EXPECT_NEAR(edge_g_per_teu_km(base, "aktau-alat", p.co2), 316.0, 1e-9);      // Caspian ferry
  // 0.8 electric + 0.2 diesel is the cited 11.3 g/t-km mix (src:G12).
  EXPECT_NEAR(0.8 * p.co2.rail_electric_g_per_tkm + 0.2 * p.co2.rail_diesel_g_per_tkm, 11.3, 0.01);
  // src:G5: 2,580 kg a TEU by sea China–Hamburg.
  ASSERT_FALSE(p.co2.alternative_kg_per_teu.empty());
  EXPECT_DOUBLE_EQ(p.co2.alternative_kg_per_teu.front().second, 2580.0);
}

TEST(co2, traction_is_by_the_edge_first_then_by_the_country_of_its_first_node) {
  const scenario s = load_scenario(here / "toy.yaml");
  emission_factors f = toy_factors();
  EXPECT_DOUBLE_EQ(edge_g_per_teu_km(s, "xian-dostyk", f), 80.0);   // CN: electric, 8 g/t-km x 10 t
  EXPECT_DOUBLE_EQ(edge_g_per_teu_km(s, "dostyk-lodz", f), 200.0);  // KZ: diesel, 20 x 10
  f.electric_edges = {"dostyk-lodz"};
  f.diesel_edges = {"xian-dostyk"};
  EXPECT_DOUBLE_EQ(edge_g_per_teu_km(s, "xian-dostyk", f), 200.0);
  EXPECT_DOUBLE_EQ(edge_g_per_teu_km(s, "dostyk-lodz", f), 80.0);
  EXPECT_THROW(edge_g_per_teu_km(s, "nowhere", f), std::invalid_argument);
}

TEST(co2, per_year_is_teu_km_times_the_factor_scaled_from_the_window) {
  const scenario s = load_scenario(here / "toy.yaml");
  run_result r;
  r.window_days = 73;  // a fifth of a year: window totals x 5
  r.edges.push_back({.id = "xian-dostyk", .trains = 3, .teu = 200});
  r.edges.push_back({.id = "dostyk-lodz", .trains = 3, .teu = 200});
  market_result m;
  m.id = "m";
  m.teu_per_year_by_mode = {{"rail", 999}, {"sea", 1000}, {"air", 10}};
  r.markets.push_back(m);
  emission_factors f = toy_factors();
  f.alternative_kg_per_teu = {{"sea", 2580}};
  const co2_breakdown c = co2_per_year(s, r, f);
  // 1,000 TEU a year: 1,000 x 2,900 km x 80 g = 232 t electric; 1,000 x 6,000 x 200 g = 1,200 t diesel;
  // 1,000 TEU by sea x 2.58 t = 2,580 t; air has no factor here and counts nothing, rail is on the edges.
  EXPECT_NEAR(c.rail_electric_t, 232.0, 1e-9);
  EXPECT_NEAR(c.rail_diesel_t, 1200.0, 1e-9);
  EXPECT_DOUBLE_EQ(c.ferry_t, 0.0);
  EXPECT_NEAR(c.alternatives_t, 2580.0, 1e-9);
  EXPECT_NEAR(c.total(), 4012.0, 1e-9);
}

}  // namespace
}  // namespace corridor

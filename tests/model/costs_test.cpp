// One generalized cost for every choice of route: path sets, departure and re-planning price an element with
// the same terms (out of pocket + value of time x hours; docs/model.md). Each test below failed when the
// three disagreed: path sets assumed a gauge change at every crossing, re-planning left out handling.
#include <gtest/gtest.h>

#include <string>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

const edge_result& edge(const run_result& r, std::string_view id) {
  for (const edge_result& e : r.edges) {
    if (e.id == id) return e;
  }
  throw std::out_of_range("no edge '" + std::string(id) + "'");
}

// Via xa the gauge never changes (a 1 h pass-through; a gauge change there would take 200 h). Via xb and y it
// changes twice, 4 h each, and the lines are 100 km longer. At 240 USD a day (10 USD/h): via xa 48 h + 1 h =
// 490 USD, via xb and y 50.4 h + 8 h = 584 USD. A path set of one keeps the cheaper, priced with the
// crossing's own service; priced as a gauge change, xa would cost 2,480 USD.
constexpr std::string_view same_gauge_yaml = R"(
name: same-gauge
horizon_days: 20
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 240, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: CN, lat: 40, lon: 100}
  xa: {kind: crossing, country: KZ, lat: 45, lon: 80, pass_through_h: 1, transshipment_h: 200}
  xb: {kind: crossing, country: KZ, lat: 47, lon: 82, transshipment_h: 4}
  y: {kind: crossing, country: PL, lat: 52, lon: 23, transshipment_h: 4}
  b: {kind: terminal, country: PL, lat: 52, lon: 20}
edges:
  a-xa: {from: a, to: xa, distance_km: 1000, speed_km_per_day: 1000}
  xa-b: {from: xa, to: b, distance_km: 1000, speed_km_per_day: 1000}
  a-xb: {from: a, to: xb, distance_km: 1000, speed_km_per_day: 1000}
  xb-y: {from: xb, to: y, distance_km: 1000, speed_km_per_day: 1000, gauge_mm: 1520}
  y-b: {from: y, to: b, distance_km: 100, speed_km_per_day: 1000}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 140, arrivals: scheduled}
route_choice: {mode: cheapest, k_paths: 1}
)";

TEST(path_sets, price_a_crossing_without_a_gauge_change_at_its_pass_through_time) {
  const run_result r = run_yaml(same_gauge_yaml);
  ASSERT_EQ(r.routes.size(), 1u);
  EXPECT_EQ(r.routes[0].route, "a>xa>b");
  EXPECT_GT(r.routes[0].trains, 0.0);
  EXPECT_EQ(queue(r, "xb").trains, 0.0);
}

// The detour fixture (model_test_support.hpp). At 40 USD a day, a train blocked at departure weighs the
// detour, 2.4 days = 96 USD plus j2's handling, against its own route, 2 days = 80 USD plus 40 USD a day
// until day 20 (at most 400 USD).
run_result run_detour(std::string_view handling_usd) {
  return run_yaml(detour_yaml(handling_usd));
}

TEST(replanning, prices_a_detour_with_the_handling_at_the_nodes_it_passes) {
  // Without handling at j2, the detour is cheaper as soon as the wait exceeds 16 USD (9.6 h): trains take it.
  const run_result free = run_detour("0");
  EXPECT_GT(edge(free, "j2-b").trains, 100.0);
  // With 1,000 USD at j2, waiting (at most 480 USD) is always cheaper: every train waits for day 20.
  const run_result dear = run_detour("1000");
  EXPECT_EQ(edge(dear, "j2-b").trains, 0.0);
  EXPECT_EQ(edge(dear, "a-j2").trains, 0.0);
  EXPECT_EQ(dear.daily[15].trains_delivered, 0.0);
  expect_conserved(dear);
}

}  // namespace
}  // namespace corridor::test

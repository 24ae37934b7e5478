// The baseline's newer network elements: the Iran branch (Kazakhstan–Turkmenistan–Iran–Türkiye, with the
// gauge changed at Etrek), Turkmenbashi (a feeder and rail ferries to Alat) and Batumi (a rail ferry to
// Constanța). What could be wrong: the gauge changing at the wrong border, and route choice not sending
// traffic to the Iran branch when the Caspian closes.
#include <gtest/gtest.h>

#include "model_test_support.hpp"

namespace corridor::test {
namespace {

node_spec& node(scenario& s, std::string_view id) {
  for (node_spec& n : s.nodes) {
    if (n.id == id) return n;
  }
  throw std::out_of_range("no node '" + std::string(id) + "'");
}

// The baseline's first `days` days (a fifth of them warm-up), with the Caspian's sailings (every ferry leg
// from a Kazakh or Turkmen port) closed throughout when `caspian_closed`.
scenario baseline(double days, bool caspian_closed) {
  scenario s = load_scenario(CORRIDOR_SOURCE_DIR "/scenarios/baseline-2025.yaml");
  s.horizon_days = days;
  s.warmup_days = days / 5;
  if (caspian_closed) {
    for (const char* leg : {"aktau-alat", "kuryk-alat", "turkmenbashi-alat", "turkmenbashi_ferry-alat"}) {
      disruption_spec d;
      d.id = std::string("close-") + leg;
      d.target = leg;
      d.from_day = 0.0;
      d.to_day = days;
      d.capacity_factor = 0.0;
      s.disruptions.push_back(d);
    }
  }
  return s;
}

// Track-hours per train served: the crossing's time-averaged busy tracks over the window, per train.
double service_h_per_train(const queue_result& q, double tracks, double window_days) {
  return q.utilization * tracks * window_days * 24.0 / q.trains;
}

// With the Caspian closed, trains from China to Türkiye take the Iran branch. A track at Etrek is held for
// the gauge change (1520 mm in, 1435 out: 20 h here), at Kapıköy (1435 both sides) for the pass-through (3
// h): had the model swapped them, the hours per train would read 3 and 20.
TEST(iran_branch, changes_gauge_at_etrek_and_passes_kapikoy_on_one_gauge) {
  scenario s = baseline(120, true);
  for (const char* id : {"etrek", "kapikoy"}) {
    crossing_spec& c = node(s, id).crossing;
    c.tracks = 40;  // no train waits: the hours per train are the service alone
    c.transshipment_h = distribution::constant(id == std::string_view("etrek") ? 20.0 : 30.0);
    c.pass_through_h = distribution::constant(id == std::string_view("etrek") ? 1.0 : 3.0);
  }
  const run_result r = run_model(prepared_scenario(std::move(s)));
  const queue_result& etrek = queue(r, "etrek");
  const queue_result& kapikoy = queue(r, "kapikoy");
  ASSERT_GT(etrek.trains, 50.0);
  ASSERT_GT(kapikoy.trains, 50.0);
  // Trains in service when the window opens or closes make the ratio inexact by a train or two's hours.
  EXPECT_NEAR(service_h_per_train(etrek, 40, r.window_days), 20.0, 1.0);
  EXPECT_NEAR(service_h_per_train(kapikoy, 40, r.window_days), 3.0, 0.3);
  EXPECT_EQ(etrek.mean_wait_h, 0.0);
  expect_conserved(r);
}

// Trains of the Türkiye and Caucasus markets (China and Central Asia to and from them) that pass `via`.
double turkiye_trains_via(const run_result& r, std::string_view via) {
  double n = 0.0;
  const std::string needle = ">" + std::string(via) + ">";
  for (const route_result& rr : r.routes) {
    const bool turkiye =
        rr.flow.starts_with("cn-tc:") || rr.flow.starts_with("tc-cn:") || rr.flow.starts_with("ca-tc:");
    if (turkiye && (">" + rr.route + ">").find(needle) != std::string::npos) n += rr.trains;
  }
  return n;
}

// The Iran branch is no detour the choice ignores: with the sea open some China–Türkiye and Central Asia–
// Türkiye trains take it already (and the Russia-avoiding EU trains: it avoids Russia without a ferry), and
// when the Caspian closes its trains to Türkiye more than double (seed 20250101, 150 days: 41 -> 103 in the
// window; Etrek 3.9 -> 6.6 trains a day, its two tracks then 82 % busy), while no train sails.
TEST(iran_branch, takes_the_caspians_traffic_to_turkiye_when_the_sea_closes) {
  const run_result open = run_model(prepared_scenario(baseline(150, false)));
  const run_result closed = run_model(prepared_scenario(baseline(150, true)));
  EXPECT_GT(turkiye_trains_via(open, "etrek"), 0.0);
  EXPECT_GT(turkiye_trains_via(closed, "etrek"), 2.0 * turkiye_trains_via(open, "etrek"));
  EXPECT_GT(queue(closed, "etrek").trains, 1.4 * queue(open, "etrek").trains);
  for (const char* leg : {"aktau-alat@aktau", "kuryk-alat@kuryk", "turkmenbashi-alat@turkmenbashi",
                          "turkmenbashi_ferry-alat@turkmenbashi_ferry"}) {
    EXPECT_EQ(queue(closed, leg).trains, 0.0) << leg;  // no train crosses a closed sea
  }
  expect_conserved(open);
  expect_conserved(closed);
}

}  // namespace
}  // namespace corridor::test

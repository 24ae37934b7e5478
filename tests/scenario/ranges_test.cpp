// Value ranges (docs/scenarios.md): a value that would make some derived time, count or cost infinite or NaN
// is refused where it is written, not found deep inside a run ("cannot schedule an event at time -nan h",
// bad_alloc, a false "no route"); and a scenario at every bound at once still runs.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <string>

#include "corridor/model.hpp"
#include "corridor/scenario.hpp"

namespace {

using namespace corridor;
namespace fs = std::filesystem;

const fs::path fixtures = fs::path(CORRIDOR_SOURCE_DIR) / "tests" / "scenario" / "fixtures";

// The only diagnostic of loading minimal.yaml with `overlay` on top.
scenario_error::diagnostic only_error(const std::string& overlay) {
  try {
    load_scenario_text("extends: minimal.yaml\n" + overlay, "v.yaml", fixtures);
  } catch (const scenario_error& e) {
    EXPECT_EQ(e.diagnostics().size(), 1u) << e.what();
    return e.diagnostics().front();
  }
  ADD_FAILURE() << "loaded without error:\n" << overlay;
  return {};
}

TEST(value_ranges, refuse_what_used_to_fail_inside_the_run_where_it_is_written) {
  const std::pair<std::string, std::string> cases[] = {
      // "cannot schedule an event at time -nan h"
      {"edges: {a-x: {travel_time_cv: 1e308}}\n",
       "travel_time_cv of edge 'a-x' must be >= 0 and <= 10, got 1e+308"},
      {"nodes: {x: {transshipment_h: {dist: lognormal, mean: 4, sd: 1e300}}}\n",
       "transshipment_h of node 'x': sd of lognormal must be <= 1e+05 h, got 1e+300"},
      {"nodes: {x: {customs_dwell_h: {dist: lognormal, mean: 1e-300, sd: 1e-300}}}\n",
       "customs_dwell_h of node 'x': mean of lognormal must be >= 0.001 h, got 1e-300"},
      {"edges: {a-x: {distance_km: 1e-300, travel_time_cv: 0.5}}\n",
       "distance_km of edge 'a-x' must be >= 0.001 and <= 20000, got 1e-300"},
      // a false "no route from 'a' to 'b'" (an infinite expected cost)
      {"nodes: {x: {pass_through_h: {dist: uniform, min: 0, max: 1e308}}}\n",
       "pass_through_h of node 'x': max of uniform must be <= 1e+05 h, got 1e+308"},
      {"edges: {a-x: {speed_km_per_day: 1e-300}}\n",
       "speed_km_per_day of edge 'a-x' must be >= 1 and <= 1e+05, got 1e-300"},
      {"cargo_classes: {general: {value_of_time_usd_per_teu_day: 1e308}}\n",
       "value_of_time_usd_per_teu_day of cargo class 'general' must be >= 0 and <= 1e+05, got 1e+308"},
      // bad_alloc after minutes
      {"flows: {a-b: {teu_per_week: 1e308}}\n",
       "teu_per_week of flow 'a-b' must be > 0 and <= 1e+05, got 1e+308"},
      {"horizon_days: 1e9\n", "horizon_days must be > 0 and <= 36525, got 1e+09"},
      {"nodes: {x: {tracks: 1000000000}}\n", "tracks of node 'x' must be >= 1 and <= 100, got 1e+09"},
      {"train_capacity_teu: 0.5\n", "train_capacity_teu must be >= 1 and <= 1000, got 0.5"},
      {"flows: {a-b: {seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1e308]}}\n",
       "seasonality of flow 'a-b' must be > 0 and <= 100, got 1e+308"},
      // a departure 24 / (slots x 5e-324) hours ahead: infinite
      {"edges: {a-x: {slots_per_day: 1}}\ndisruptions: {slow: {target: a-x, from_day: 1, to_day: 9, "
       "capacity_factor: 5e-324}}\n",
       "capacity_factor of disruption 'slow' must be 0 or >= 0.001 and < 1, got 5e-324"},
      {"scale_demand: 1e308\n", "scale_demand must be > 0 and <= 1000, got 1e308"},
      {"nodes: {x: {reblock: true, reblock_train_wagons_leaving: 1000000}}\n",
       "reblock_train_wagons_leaving of node 'x' must be >= 0 and <= 500, got 1e+06"},
  };
  for (const auto& [overlay, message] : cases) EXPECT_EQ(only_error(overlay).message, message) << overlay;
}

TEST(value_ranges, locate_the_value_as_written) {
  const auto d = only_error("edges:\n  a-x: {travel_time_cv: 1e308}\n");
  EXPECT_EQ(d.loc.line, 3);
  EXPECT_EQ(d.loc.column, 25);
}

TEST(value_ranges, a_scenario_at_every_bound_at_once_runs_to_its_end) {
  // Each value at the edge of its range, on a short horizon; any NaN or infinite time would throw.
  auto s = load_scenario_text(R"(extends: minimal.yaml
horizon_days: 20
train_capacity_teu: 1000
route_choice: {logit_scale_per_usd: 10}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 100000, goods_value_usd_per_teu: 100000000}}
nodes:
  a: {subsidy_usd_per_teu: -100000, handling_usd_per_teu: 100000}
  x: {tracks: 100, fee_usd_per_teu: 100000, reblock: true, reblock_train_wagons_entering: 500,
      reblock_train_wagons_leaving: 500, reblock_max_hold_h: 8760,
      transshipment_h: {dist: lognormal, mean: 0.001, sd: 100000},
      pass_through_h: {dist: uniform, min: 0, max: 100000},
      customs_dwell_h: {dist: empirical, values: [0, 100000], weights: [1, 1]}}
  p: {kind: port, country: KZ, lat: 44, lon: 50}
edges:
  a-x: {distance_km: 0.001, speed_km_per_day: 100000, travel_time_cv: 10, tariff_usd_per_teu_km: 100,
        slots_per_day: 1}
  x-b: {distance_km: 20000, speed_km_per_day: 1, travel_time_cv: 10}
  x-p: {mode: ferry, from: x, to: p, distance_km: 300, every_days: 0.01, capacity_teu: 1,
        fare_usd_per_teu: 100000}
flows:
  a-b: {teu_per_week: 100000, max_wait_h: 8760, seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100]}
disruptions:
  cut: {target: a-x, from_day: 1, to_day: 20, capacity_factor: 0.001}
)",
                              "bounds.yaml", fixtures);
  const prepared_scenario p(std::move(s));
  const run_result r = run_model(p);
  EXPECT_GT(r.containers_entered, 0.0);
  EXPECT_TRUE(std::isfinite(r.cost_usd_per_teu));
}

}  // namespace

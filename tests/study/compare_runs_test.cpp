// Pairing runs made earlier (compare_runs) and stopping a study part-way (replication_options::stop): what
// the studio builds on to keep a base's runs and to drop a request a newer one replaced.
#include <gtest/gtest.h>

#include <stop_token>
#include <vector>

#include "corridor/model.hpp"
#include "corridor/scenario.hpp"
#include "corridor/study.hpp"

namespace corridor {
namespace {

constexpr const char* small_yaml = R"(
name: small
horizon_days: 40
warmup_days: 5
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 50000}}
nodes:
  xian: {kind: terminal, country: CN, lat: 34.34, lon: 108.94}
  dostyk: {kind: crossing, country: KZ, lat: 45.25, lon: 82.48, tracks: 2,
           transshipment_h: {dist: exponential, mean: 4}}
  lodz: {kind: terminal, country: PL, lat: 51.76, lon: 19.46}
edges:
  xian-dostyk: {from: xian, to: dostyk, distance_km: 2900, speed_km_per_day: 900, gauge_mm: 1435}
  dostyk-lodz: {from: dostyk, to: lodz, distance_km: 6000, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  xian-lodz: {from: xian, to: lodz, cargo_class: general, teu_per_week: 400}
)";

prepared_scenario base() {
  return prepared_scenario(load_scenario_text(small_yaml, "small.yaml"));
}

prepared_scenario one_track() {
  scenario s = load_scenario_text(small_yaml, "small.yaml");
  s.name = "one-track";
  s.nodes[1].crossing.tracks = 1;
  s.nodes[1].crossing.transshipment_h = distribution::exponential(48.0);  // longer than between trains
  return prepared_scenario(std::move(s));
}

TEST(compare_runs, of_runs_made_apart_equals_compare_scenarios_number_for_number) {
  const prepared_scenario b = base(), v = one_track();
  const compare_result direct = compare_scenarios(b, v, 3);
  replication_options same_seed;
  same_seed.seed = b.spec.seed;
  const compare_result apart = compare_runs(b.spec, run_replications(b, 3, 0, same_seed), v.spec,
                                            run_replications(v, 3, 0, same_seed));
  ASSERT_EQ(apart.summary.metrics.size(), direct.summary.metrics.size());
  for (std::size_t i = 0; i < direct.summary.metrics.size(); ++i) {
    const metric_difference &x = direct.summary.metrics[i], &y = apart.summary.metrics[i];
    EXPECT_EQ(y.name, x.name);
    EXPECT_EQ(y.difference, x.difference) << x.name;
    EXPECT_EQ(y.paired_half_width_95, x.paired_half_width_95) << x.name;
    EXPECT_EQ(y.unpaired_half_width_95, x.unpaired_half_width_95) << x.name;
  }
  EXPECT_EQ(apart.summary.seed, b.spec.seed);
  EXPECT_EQ(apart.variant.scenario_name, "one-track");
  EXPECT_EQ(apart.base.replications, 3u);
  // One track slower than trains arrive instead of two makes trains wait: the pairing must see it.
  EXPECT_GT(metric(apart.variant, "crossings.dostyk.mean_wait_h").mean,
            metric(apart.base, "crossings.dostyk.mean_wait_h").mean);
}

TEST(compare_runs, with_one_pair_gives_the_difference_without_intervals) {
  const prepared_scenario b = base(), v = one_track();
  const compare_result r = compare_runs(b.spec, run_replications(b, 1), v.spec, run_replications(v, 1));
  ASSERT_FALSE(r.summary.metrics.empty());
  for (const auto& m : r.summary.metrics) {
    EXPECT_EQ(m.difference, m.variant_mean - m.base_mean) << m.name;
    EXPECT_EQ(m.paired_half_width_95, 0.0) << m.name;
    EXPECT_EQ(m.unpaired_half_width_95, 0.0) << m.name;
    EXPECT_FALSE(m.significant) << m.name;
  }
}

TEST(compare_runs, refuses_sides_of_different_sizes_or_none) {
  const prepared_scenario b = base();
  EXPECT_THROW(compare_runs(b.spec, run_replications(b, 2), b.spec, run_replications(b, 1)),
               std::invalid_argument);
  EXPECT_THROW(compare_runs(b.spec, {}, b.spec, {}), std::invalid_argument);
}

TEST(stop, requested_before_the_start_runs_nothing) {
  const prepared_scenario b = base();
  std::stop_source stop;
  stop.request_stop();
  replication_options opt;
  opt.stop = stop.get_token();
  std::size_t runs = 0;
  opt.progress = [&](std::size_t, std::size_t) { ++runs; };
  EXPECT_THROW(run_replications(b, 4, 0, opt), study_cancelled);
  EXPECT_EQ(runs, 0u);
}

TEST(stop, requested_after_the_first_replication_skips_the_rest_on_one_thread) {
  const prepared_scenario b = base();
  std::stop_source stop;
  replication_options opt;
  opt.threads = 1;
  opt.stop = stop.get_token();
  std::size_t runs = 0;
  opt.progress = [&](std::size_t, std::size_t) {
    ++runs;
    stop.request_stop();
  };
  EXPECT_THROW(compare_scenarios(b, one_track(), 5, opt), study_cancelled);
  EXPECT_EQ(runs, 1u);
}

TEST(stop, never_requested_changes_nothing) {
  const prepared_scenario b = base();
  std::stop_source stop;
  replication_options opt;
  opt.stop = stop.get_token();
  const auto with = run_replications(b, 2, 0, opt);
  const auto without = run_replications(b, 2);
  EXPECT_EQ(with[1].flatten(), without[1].flatten());
}

// The same network reporting its share through Kazakhstan instead of central_asia (the same country, so the
// numbers are equal): share_central_asia_* and share_kazakhstan_* are different quantities by name, so each
// is listed on its own side and none is paired with the other, however alike their values.
TEST(compare_runs, lists_the_share_metrics_of_two_share_regions_as_one_sided_not_paired) {
  scenario renamed = load_scenario_text(small_yaml, "small.yaml");
  renamed.name = "kazakhstan-share";
  region_spec kazakhstan;
  kazakhstan.id = "kazakhstan", kazakhstan.countries = {"KZ"};
  renamed.regions.push_back(kazakhstan);
  renamed.report.share_region = "kazakhstan";
  const compare_result c = compare_scenarios(base(), prepared_scenario(std::move(renamed)), 2);
  const auto shares = [](const std::string& region) {
    const std::string p = "metrics.share_" + region + "_";
    return std::vector<std::string>{p + "trains", p + "teu", p + "trains_westbound", p + "trains_eastbound"};
  };
  EXPECT_EQ(c.summary.only_in_base, shares("central_asia"));
  EXPECT_EQ(c.summary.only_in_variant, shares("kazakhstan"));
  for (const metric_difference& d : c.summary.metrics)
    EXPECT_FALSE(d.name.starts_with("metrics.share_")) << d.name;
  EXPECT_EQ(metric(c.variant, "metrics.share_kazakhstan_trains").mean,
            metric(c.base, "metrics.share_central_asia_trains").mean);
  EXPECT_EQ(c.variant.regions.route_region, "kazakhstan");
}

}  // namespace
}  // namespace corridor

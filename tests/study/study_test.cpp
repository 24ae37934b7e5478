// Replications, precision mode, warm-up choice and compare over the real model on a small scenario.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "corridor/model.hpp"
#include "corridor/scenario.hpp"
#include "corridor/study.hpp"

namespace corridor {
namespace {

// The two-terminal example from docs/scenarios.md, shortened to keep the suite fast.
constexpr const char* two_terminals_yaml = R"(
name: two-terminals
horizon_days: 90
warmup_days: 10
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
  lodz-xian: {from: lodz, to: xian, cargo_class: general, teu_per_week: 150}
)";

scenario two_terminals() {
  return load_scenario_text(two_terminals_yaml, "two-terminals.yaml");
}

// The same corridor with one track at Dostyk and slower transshipment: a congested crossing.
scenario slower_crossing() {
  scenario s = two_terminals();
  for (auto& n : s.nodes) {
    if (n.id != "dostyk") continue;
    n.crossing.tracks = 1;
    n.crossing.transshipment_h = distribution::exponential(10.0);
  }
  return s;
}

// Bitwise equality of every flattened value, names included.
void expect_identical(const run_result& a, const run_result& b) {
  const auto fa = a.flatten();
  const auto fb = b.flatten();
  ASSERT_EQ(fa.size(), fb.size());
  for (std::size_t i = 0; i < fa.size(); ++i) {
    EXPECT_EQ(fa[i].first, fb[i].first);
    EXPECT_EQ(std::memcmp(&fa[i].second, &fb[i].second, sizeof(double)), 0) << fa[i].first;
  }
}

const metric_difference& find_metric(const compare_result& c, const std::string& name) {
  for (const auto& m : c.summary.metrics) {
    if (m.name == name) return m;
  }
  throw std::invalid_argument("no metric " + name);
}

TEST(replications, are_identical_for_one_and_two_threads) {
  const prepared_scenario p(two_terminals());
  replication_options one;
  one.threads = 1;
  replication_options two;
  two.threads = 2;
  const auto a = run_replications(p, 4, 0, one);
  const auto b = run_replications(p, 4, 0, two);
  ASSERT_EQ(a.size(), 4u);
  ASSERT_EQ(b.size(), 4u);
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(a[k].replication, k);
    expect_identical(a[k], b[k]);
  }
  EXPECT_NE(a[0].throughput_teu_per_day, a[1].throughput_teu_per_day);
}

// Re-blocking at Dostyk into 30-wagon (60 TEU) trains: the variant's runs are the same whatever the thread
// count, and compare pairs them with the base's (its re-blocking metrics one-sided).
TEST(replications, with_re_blocking_are_identical_for_one_and_two_threads) {
  scenario s = two_terminals();
  for (auto& n : s.nodes) {
    if (n.id != "dostyk") continue;
    n.crossing.reblock = true;
    n.crossing.reblock_train_wagons_entering = 30;
  }
  const prepared_scenario base(two_terminals()), variant(s);
  replication_options one;
  one.threads = 1;
  replication_options two;
  two.threads = 2;
  const compare_result a = compare_scenarios(base, variant, 3, one);
  const compare_result b = compare_scenarios(base, variant, 3, two);
  for (std::size_t k = 0; k < 3; ++k) {
    ASSERT_EQ(a.variant_runs[k].reblocking.size(), 1u);
    EXPECT_GT(a.variant_runs[k].reblocking[0].trains_formed, 0.0);
    expect_identical(a.variant_runs[k], b.variant_runs[k]);
  }
  EXPECT_EQ(a.summary.metrics.size(), b.summary.metrics.size());
}

// oneTBB's arena crashed (SIGSEGV) for 65,537 threads; a count that is no machine is refused by name.
TEST(replications, refuse_more_threads_than_max_threads_before_running) {
  const prepared_scenario p(two_terminals());
  for (const std::size_t threads : {max_threads + 1, std::size_t{65537}}) {
    replication_options opt;
    opt.threads = threads;
    try {
      run_replications(p, 1, 0, opt);
      ADD_FAILURE() << threads << " threads accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()),
                "threads: " + std::to_string(threads) + " is more than 1024, the most a study takes");
    }
  }
  replication_options most;
  most.threads = max_threads;  // more than the cores: the arena takes what there is
  EXPECT_EQ(run_replications(p, 2, 0, most).size(), 2u);
}

TEST(replications, offset_by_first_replication_reproduce_the_same_runs) {
  const prepared_scenario p(two_terminals());
  const auto all = run_replications(p, 3, 0);
  const auto tail = run_replications(p, 2, 1);
  ASSERT_EQ(tail.size(), 2u);
  EXPECT_EQ(tail[0].replication, 1u);
  expect_identical(all[1], tail[0]);
  expect_identical(all[2], tail[1]);
}

TEST(replications, report_progress_once_per_run_in_order) {
  const prepared_scenario p(two_terminals());
  replication_options opt;
  opt.threads = 2;
  std::vector<std::size_t> seen;
  opt.progress = [&](std::size_t done, std::size_t total) {
    EXPECT_EQ(total, 3u);
    seen.push_back(done);
  };
  run_replications(p, 3, 0, opt);
  EXPECT_EQ(seen, (std::vector<std::size_t>{1, 2, 3}));
}

TEST(precision, stops_when_every_headline_metric_is_precise_enough_independently_of_threads) {
  const prepared_scenario p(two_terminals());
  replication_options one;
  one.threads = 1;
  replication_options two;
  two.threads = 2;
  // 3 % needs several batches after the first 3 runs on this scenario (about 20 runs).
  const auto a = run_until_precision(p, 0.03, 3, 60, one);
  const auto b = run_until_precision(p, 0.03, 3, 60, two);
  EXPECT_TRUE(a.converged);
  EXPECT_TRUE(a.unmet.empty());
  EXPECT_GT(a.runs.size(), 5u);
  EXPECT_LT(a.runs.size(), 60u);
  ASSERT_EQ(a.runs.size(), b.runs.size());
  for (std::size_t k = 0; k < a.runs.size(); ++k) EXPECT_EQ(a.runs[k].replication, k);
  for (const auto& s : a.summary) {
    if (s.name.rfind("metrics.", 0) != 0 || s.mean == 0.0) continue;
    EXPECT_LE(s.half_width_95, 0.03 * std::abs(s.mean)) << s.name;
  }
}

TEST(precision, stops_at_the_cap_and_names_the_metrics_still_too_wide) {
  const prepared_scenario p(two_terminals());
  const auto r = run_until_precision(p, 1e-9, 2, 5);
  EXPECT_FALSE(r.converged);
  EXPECT_NE(std::find(r.unmet.begin(), r.unmet.end(), "metrics.throughput_teu_per_day"), r.unmet.end());
  EXPECT_EQ(r.runs.size(), 5u);
  EXPECT_EQ(r.summary.front().n, 5u);
}

TEST(precision, rejects_nonsense_arguments) {
  const prepared_scenario p(two_terminals());
  EXPECT_THROW(run_until_precision(p, 0.0, 3, 10), std::invalid_argument);
  EXPECT_THROW(run_until_precision(p, std::nan(""), 3, 10), std::invalid_argument);
  EXPECT_THROW(run_until_precision(p, 0.1, 1, 10), std::invalid_argument);
  EXPECT_THROW(run_until_precision(p, 0.1, 5, 4), std::invalid_argument);
}

TEST(warmup, mser5_cuts_a_synthetic_start_up_transient_in_days) {
  run_result r;
  for (int d = 0; d < 200; ++d) {
    daily_row row;
    row.day = d;
    row.teu_delivered = (d < 30 ? 3.0 * d : 90.0) + ((d * 37) % 11) - 5.0;  // ramps up over 30 days
    r.daily.push_back(row);
  }
  const double warmup = choose_warmup_mser5(r);
  EXPECT_GE(warmup, 20.0);
  EXPECT_LE(warmup, 40.0);
  r.daily.resize(9);
  EXPECT_THROW(choose_warmup_mser5(r), std::invalid_argument);
}

TEST(warmup, mser5_on_a_model_run_lies_in_the_first_half_of_the_window) {
  const prepared_scenario p(two_terminals());
  run_options opt;
  opt.warmup_days = 0.0;
  const run_result r = run_model(p, opt);
  ASSERT_GE(r.daily.size(), 10u);
  const double warmup = choose_warmup_mser5(r);
  EXPECT_GE(warmup, static_cast<double>(r.daily.front().day));
  EXPECT_LE(warmup, static_cast<double>(r.daily[r.daily.size() / 2].day));
}

TEST(compare, of_a_scenario_with_itself_gives_exactly_zero_differences) {
  const prepared_scenario p(two_terminals());
  const compare_result c = compare_scenarios(p, p, 4);
  EXPECT_EQ(c.summary.replications, 4u);
  EXPECT_TRUE(c.summary.only_in_base.empty());
  EXPECT_TRUE(c.summary.only_in_variant.empty());
  ASSERT_FALSE(c.summary.metrics.empty());
  for (const auto& m : c.summary.metrics) {
    EXPECT_EQ(m.difference, 0.0) << m.name;
    EXPECT_EQ(m.paired_half_width_95, 0.0) << m.name;
    EXPECT_FALSE(m.significant) << m.name;
    EXPECT_EQ(m.base_mean, m.variant_mean) << m.name;
  }
}

TEST(compare, pairs_common_random_numbers_so_a_slower_crossing_beats_welch) {
  const prepared_scenario base(two_terminals());
  const prepared_scenario variant(slower_crossing());
  const compare_result c = compare_scenarios(base, variant, 8);
  const metric_difference& transit = find_metric(c, "metrics.transit_days_mean");
  EXPECT_GT(transit.difference, 0.0);
  EXPECT_TRUE(transit.significant);
  EXPECT_LT(transit.paired_half_width_95, transit.unpaired_half_width_95);
  const metric_difference& teu = find_metric(c, "metrics.throughput_teu_per_day");
  EXPECT_LT(teu.paired_half_width_95, teu.unpaired_half_width_95);
  EXPECT_EQ(c.base_runs.size(), 8u);
  EXPECT_EQ(c.variant_runs.size(), 8u);
}

// Each side's Summary is the one its runs give on their own, named and with the warm-up it ran with.
TEST(compare, summarizes_each_side_as_a_run_of_its_own) {
  scenario warm = two_terminals();
  warm.warmup_days = 5;
  const prepared_scenario base(two_terminals()), variant(warm);
  const compare_result c = compare_scenarios(base, variant, 3);
  EXPECT_EQ(c.summary.base_name, base.spec.name);
  EXPECT_EQ(c.variant.warmup_days, 5.0);
  EXPECT_EQ(c.base.warmup_days, base.spec.warmup_days);
  const run_summary alone = summarize(variant.spec, c.variant_runs, 5);
  EXPECT_EQ(metric(c.variant, "metrics.transit_days_mean").mean,
            metric(alone, "metrics.transit_days_mean").mean);
  EXPECT_EQ(find_metric(c, "metrics.transit_days_mean").variant_mean,
            metric(c.variant, "metrics.transit_days_mean").mean);
}

TEST(compare, lists_metrics_found_on_one_side_only_and_reports_progress_over_both) {
  const prepared_scenario base(two_terminals());
  scenario extra = two_terminals();
  flow_spec express = extra.flows.front();
  express.id = "xian-lodz-express";
  express.teu_per_week = 50;
  extra.flows.push_back(express);
  const prepared_scenario variant(std::move(extra));
  replication_options opt;
  std::vector<std::size_t> seen;
  opt.progress = [&](std::size_t done, std::size_t total) {
    EXPECT_EQ(total, 6u);
    seen.push_back(done);
  };
  const compare_result c = compare_scenarios(base, variant, 3, opt);
  EXPECT_EQ(seen, (std::vector<std::size_t>{1, 2, 3, 4, 5, 6}));
  EXPECT_TRUE(c.summary.only_in_base.empty());
  ASSERT_FALSE(c.summary.only_in_variant.empty());
  for (const auto& name : c.summary.only_in_variant)
    EXPECT_NE(name.find("xian-lodz-express"), std::string::npos) << name;
  EXPECT_GT(find_metric(c, "metrics.containers_entered").difference, 0.0);
}

TEST(compare, rejects_fewer_than_two_replications) {
  const prepared_scenario p(two_terminals());
  EXPECT_THROW(compare_scenarios(p, p, 1), std::invalid_argument);
}

}  // namespace
}  // namespace corridor

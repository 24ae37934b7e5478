// Tidy tables from a Summary: names split generically, units by field, one row per observation, missing
// values as NaN (written empty), and the same numbers as the Summary's.
#include "corridor/tidy.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace corridor {
namespace {

run_result run(double scale) {
  run_result r;
  r.seed = 9, r.replication = static_cast<std::uint64_t>(scale * 10), r.events = 10, r.window_days = 20;
  r.regions = {"central_asia", false, "central_asia"};
  r.throughput_teu_per_day = 100 * scale;
  r.queues.push_back({"dostyk", "crossing", 40 * scale, 0, 0.5 * scale, 2 * scale});
  r.queues.push_back({"aktau-baku", "ferry", 10 * scale, 800, 0.7, 9});
  r.routes.push_back({"xian-lodz", "xian>dostyk>lodz", 30 * scale, 2400 * scale, 0.75, true});
  r.routes.push_back({"xian-lodz", "xian>zabaikalsk>lodz", 10 * scale, 800 * scale, 0.25, false});
  daily_row row;
  row.day = 5;
  row.teu_delivered = 100 * scale;
  for (auto* series : {&row.queue_trains, &row.mean_queue_trains, &row.max_queue_trains, &row.utilization,
                       &row.mean_wait_h, &row.p95_wait_h}) {
    *series = {1 * scale, 2 * scale};
  }
  r.daily.push_back(std::move(row));
  return r;
}

std::size_t row_of(const tidy_table& t, const std::string& column, const std::string& value) {
  const auto& texts = t.column(column).texts;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (texts[i] == value) return i;
  }
  ADD_FAILURE() << "no row with " << column << " = " << value;
  return 0;
}

TEST(split_metric_name, takes_kind_before_the_first_dot_and_field_after_the_last) {
  const auto c = split_metric_name("crossings.khorgos.mean_wait_h");
  EXPECT_EQ(c.kind, "crossings");
  EXPECT_EQ(c.element, "khorgos");
  EXPECT_EQ(c.field, "mean_wait_h");
  const auto r = split_metric_name("routes.xian-lodz.r2.share");
  EXPECT_EQ(r.element, "xian-lodz.r2");
  EXPECT_EQ(r.field, "share");
  const auto h = split_metric_name("metrics.throughput_teu_per_day");
  EXPECT_EQ(h.kind, "metrics");
  EXPECT_EQ(h.element, "");
  EXPECT_EQ(h.field, "throughput_teu_per_day");
  const auto m = split_metric_name("markets.china-eu.general.westbound.rail_share");
  EXPECT_EQ(m.kind, "markets");
  EXPECT_EQ(m.element, "china-eu.general.westbound");
  EXPECT_EQ(m.field, "rail_share");
}

TEST(metric_unit, names_window_totals_rates_and_fractions) {
  EXPECT_EQ(metric_unit("crossings", "trains"), "trains/window");
  EXPECT_EQ(metric_unit("ferries", "teu"), "TEU/window");
  EXPECT_EQ(metric_unit("crossings", "mean_wait_h"), "h");
  EXPECT_EQ(metric_unit("crossings", "utilization"), "fraction");
  EXPECT_EQ(metric_unit("crossings", "max_queue_trains"), "trains");
  EXPECT_EQ(metric_unit("metrics", "throughput_teu_per_day_westbound"), "TEU/day");
  EXPECT_EQ(metric_unit("metrics", "share_central_asia_trains"), "fraction");
  EXPECT_EQ(metric_unit("metrics", "transit_days_p95"), "days");
  EXPECT_EQ(metric_unit("cost", "subsidy"), "USD/TEU");
  EXPECT_EQ(metric_unit("markets", "rail_share"), "fraction");  // a kind this code has never seen
  EXPECT_EQ(metric_unit("markets", "volume_teu_per_day"), "TEU/day");
  EXPECT_EQ(metric_unit("markets", "elasticity"), "");
}

TEST(metrics_table, holds_the_summary_statistics_with_interval_bounds) {
  const auto s = summarize_results({run(1.0), run(1.2), run(1.1)});
  const tidy_table t = metrics_table(s);
  ASSERT_EQ(t.rows(), s.metrics.size());
  EXPECT_EQ(t.columns[0].name, "metric");
  EXPECT_EQ(t.columns[1].name, "mean");
  EXPECT_EQ(t.columns[2].name, "ci95_low");
  EXPECT_EQ(t.columns[3].name, "ci95_high");
  const std::size_t i = row_of(t, "metric", "crossings.dostyk.mean_wait_h");
  const metric_stat& m = metric(s, "crossings.dostyk.mean_wait_h");
  EXPECT_EQ(t.column("mean").numbers[i], m.mean);
  EXPECT_GT(m.half_width_95, 0.0);
  EXPECT_EQ(t.column("ci95_low").numbers[i], m.mean - m.half_width_95);
  EXPECT_EQ(t.column("ci95_high").numbers[i], m.mean + m.half_width_95);
  EXPECT_EQ(t.column("n").numbers[i], 3.0);
  EXPECT_EQ(t.column("unit").texts[i], "h");
  EXPECT_EQ(t.column("element").texts[i], "dostyk");
}

TEST(metrics_table, leaves_intervals_missing_with_one_replication_rather_than_zero) {
  const tidy_table t = metrics_table(summarize_results({run(1.0)}));
  for (const char* c : {"ci95_low", "ci95_high", "ci95", "stddev"}) {
    for (double v : t.column(c).numbers) EXPECT_TRUE(std::isnan(v)) << c;
  }
}

TEST(replications_table, has_one_row_per_replication_and_metric_with_each_value) {
  const auto s = summarize_results({run(1.0), run(2.0)});
  const tidy_table t = replications_table(s);
  ASSERT_EQ(t.rows(), 2 * s.metrics.size());
  const std::size_t i = row_of(t, "metric", "crossings.dostyk.trains");
  EXPECT_EQ(t.column("value").numbers[i], 40.0);
  EXPECT_EQ(t.column("value").numbers[i + s.metrics.size()], 80.0);  // replication 1's block
  EXPECT_EQ(t.column("replication").numbers[i + s.metrics.size()], 20.0);
  EXPECT_EQ(t.column("unit").texts[i], "trains/window");
}

TEST(replications_table, never_lists_a_measure_a_crossing_does_not_have) {
  const tidy_table t = replications_table(summarize_results({run(1.0)}));
  for (const auto& name : t.column("metric").texts) {
    EXPECT_NE(name, "crossings.dostyk.teu");
    EXPECT_NE(name, "crossings.dostyk.sailings");
  }
}

TEST(daily_table, has_a_row_per_day_element_and_measure) {
  const auto s = summarize_results({run(1.0), run(3.0)});
  const tidy_table t = daily_table(s);
  ASSERT_EQ(t.rows(), 2u + 2u * 6u);  // deliveries (TEU, trains), then 6 measures of each of 2 queues
  EXPECT_EQ(t.column("metric").texts[0], "metrics.teu_delivered");
  EXPECT_EQ(t.column("value").numbers[0], 200.0);
  const std::size_t i = row_of(t, "metric", "ferries.aktau-baku.mean_wait_h");
  EXPECT_EQ(t.column("kind").texts[i], "ferries");
  EXPECT_EQ(t.column("value").numbers[i], 4.0);  // the ferry is queue 1: 2 x scale, mean of 2 and 6
  EXPECT_EQ(t.column("day").numbers[i], 5.0);
}

TEST(element_table, is_a_row_per_element_with_each_field_and_its_interval_for_any_kind) {
  run_summary s;
  s.metrics = {{"markets.cn-de.teu", 10, 1, 2, 4},
               {"markets.cn-de.rail_share", 0.4, 0.05, 0.1, 4},
               {"markets.cn-pl.teu", 20, 2, 3, 4},
               {"metrics.throughput_teu_per_day", 5, 0, 0, 4}};
  const tidy_table t = element_table(s, "markets");
  ASSERT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.column("element").texts, (std::vector<std::string>{"cn-de", "cn-pl"}));
  EXPECT_EQ(t.column("teu").numbers, (std::vector<double>{10, 20}));
  EXPECT_EQ(t.column("teu_ci95").numbers, (std::vector<double>{1, 2}));
  EXPECT_EQ(t.column("rail_share").numbers[0], 0.4);
  EXPECT_TRUE(std::isnan(t.column("rail_share").numbers[1]));  // cn-pl has none: missing, not 0
  EXPECT_EQ(element_table(s, "gateways").rows(), 0u);
}

TEST(routes_table, joins_each_route_to_its_flattened_intervals) {
  const auto s = summarize_results({run(1.0), run(2.0), run(4.0)});
  const tidy_table t = routes_table(s);
  ASSERT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.column("element").texts[1], "xian-lodz.r1");
  EXPECT_EQ(t.column("route").texts[1], "xian>zabaikalsk>lodz");
  EXPECT_EQ(t.column("via_central_asia").texts[0], "true");
  EXPECT_EQ(t.column("teu").numbers[1], metric(s, "routes.xian-lodz.r1.teu").mean);
  EXPECT_EQ(t.column("teu_ci95").numbers[1], metric(s, "routes.xian-lodz.r1.teu").half_width_95);
}

TEST(differences_table, carries_p_and_q_values_and_the_discovery) {
  comparison c;
  c.replications = 5;
  c.metrics.push_back({"metrics.transit_days_mean", 10, 11, 1, 0.5, true, 0.9, 0.001, 0.002, true});
  c.metrics.push_back({"crossings.dostyk.trains", 40, 40, 0, 0, false, 0, 1, 1, false});
  const tidy_table t = differences_table(c);
  ASSERT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.column("ci95_low").numbers[0], 0.5);
  EXPECT_EQ(t.column("ci95_high").numbers[0], 1.5);
  EXPECT_EQ(t.column("q_value").numbers[0], 0.002);
  EXPECT_EQ(t.column("significant").numbers, (std::vector<double>{1, 0}));
  EXPECT_EQ(t.column("unit").texts[1], "trains/window");
}

}  // namespace
}  // namespace corridor

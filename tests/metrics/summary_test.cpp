// summarize_results over synthetic run results: one mean per quantity, elements matched by id, the days.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "corridor/summary.hpp"

namespace corridor {
namespace {

run_result run(double scale, int days = 2) {
  run_result r;
  r.seed = 9, r.replication = static_cast<std::uint64_t>(scale), r.events = 10, r.window_days = 20;
  r.regions = {"caspian", false, "caspian"};
  r.throughput_teu_per_day = 100 * scale;
  r.cost.haulage = 3 * scale;
  r.queues.push_back({"dostyk", "crossing", 40 * scale, 0, 0.5 * scale, 2 * scale});
  r.queues.push_back({"aktau-baku", "ferry", 10 * scale, 800, 0.7, 9});
  r.flows.push_back({"xian-lodz", "westbound", 200 * scale, 4 * scale, 12 * scale, 11, 15});
  r.edges.push_back({"xian-dostyk", 40 * scale, 3000 * scale, 0.1, 0});
  for (int d = 0; d < days; ++d) {
    daily_row row;
    row.day = 5 + d;
    row.teu_delivered = 100 * scale + d;
    for (auto* series : {&row.queue_trains, &row.mean_queue_trains, &row.max_queue_trains, &row.utilization,
                         &row.mean_wait_h, &row.p95_wait_h}) {
      *series = {1 * scale, 2 * scale};
    }
    r.daily.push_back(std::move(row));
  }
  return r;
}

TEST(summarize_results, gives_each_element_the_mean_of_its_flattened_metric_to_the_last_digit) {
  const auto s = summarize_results({run(1.0), run(1.1), run(1.3)});
  EXPECT_EQ(s.replications, 3u);
  EXPECT_EQ(s.events, 30u);
  ASSERT_EQ(s.queues.size(), 2u);
  EXPECT_EQ(s.queues[0].mean_wait_h, metric(s, "crossings.dostyk.mean_wait_h").mean);
  EXPECT_EQ(s.queues[1].trains, metric(s, "ferries.aktau-baku.trains").mean);
  EXPECT_EQ(s.edges[0].teu, metric(s, "edges.xian-dostyk.teu").mean);
  EXPECT_EQ(s.cost.haulage, metric(s, "cost.haulage").mean);
  EXPECT_NEAR(s.queues[0].trains, 40 * 3.4 / 3, 1e-12);
}

TEST(summarize_results, states_flows_per_day_with_the_interval_of_their_mean_transit) {
  const auto s = summarize_results({run(1.0), run(2.0)});
  ASSERT_EQ(s.flows.size(), 1u);
  EXPECT_DOUBLE_EQ(s.flows[0].teu_per_day, 300.0 / 20);  // mean 300 TEU over a 20-day window
  EXPECT_EQ(s.flows[0].transit_days_mean.mean, 18.0);
  EXPECT_EQ(s.flows[0].transit_days_mean.half_width_95,
            metric(s, "flows.xian-lodz.transit_days_mean").half_width_95);
  EXPECT_GT(s.flows[0].transit_days_mean.half_width_95, 0.0);
}

TEST(summarize_results, counts_an_element_a_replication_lacks_as_zero_there) {
  auto a = run(1.0), b = run(1.0);
  a.goods.push_back({"westbound", "electronics", 600, 1e9});
  const auto s = summarize_results({a, b});
  ASSERT_EQ(s.goods.size(), 1u);
  EXPECT_EQ(s.goods[0].teu, 300.0);
}

TEST(summarize_results, averages_each_day_and_queue_series_over_replications) {
  auto a = run(1.0), b = run(3.0, 1);  // b lacks the second day: zero there
  const auto s = summarize_results({a, b});
  ASSERT_EQ(s.daily.size(), 2u);
  EXPECT_EQ(s.daily[0].day, 5);
  EXPECT_EQ(s.daily[0].teu_delivered, 200.0);
  EXPECT_EQ(s.daily[0].mean_wait_h, (std::vector<double>{2.0, 4.0}));
  EXPECT_EQ(s.daily[1].teu_delivered, 101.0 / 2);
  EXPECT_EQ(s.daily[1].utilization, (std::vector<double>{0.5, 1.0}));
}

TEST(summarize_results, keeps_each_replications_values_in_flattened_order) {
  const auto s = summarize_results({run(1.0), run(2.0)});
  ASSERT_EQ(s.per_replication.size(), 2u);
  EXPECT_EQ(s.per_replication[1].replication, 2u);
  ASSERT_EQ(s.per_replication[1].values.size(), s.metrics.size());
  EXPECT_EQ(s.metrics[0].name, "metrics.throughput_teu_per_day");
  EXPECT_EQ(s.per_replication[1].values[0], 200.0);
}

TEST(summarize_results, rejects_no_runs_and_runs_whose_metrics_differ) {
  EXPECT_THROW(summarize_results({}), std::invalid_argument);
  auto b = run(1.0);
  b.queues.pop_back();
  EXPECT_THROW(summarize_results({run(1.0), b}), std::invalid_argument);
  EXPECT_THROW(metric(summarize_results({run(1.0)}), "metrics.nope"), std::out_of_range);
}

}  // namespace
}  // namespace corridor

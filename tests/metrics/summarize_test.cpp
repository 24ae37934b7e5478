// summarize_runs over synthetic run results (no model needed).
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "corridor/results.hpp"
#include "corridor/statistics.hpp"

namespace corridor {
namespace {

run_result run_with(double teu_per_day, bool with_crossing) {
  run_result r;
  r.regions = {"caspian", false, "caspian"};
  r.throughput_teu_per_day = teu_per_day;
  r.cost.haulage = 2.0 * teu_per_day;
  if (with_crossing) {
    queue_result q;
    q.id = "dostyk";
    q.kind = "crossing";
    q.mean_wait_h = teu_per_day / 10.0;
    r.queues.push_back(q);
  }
  return r;
}

const metric_stat& find_stat(const std::vector<metric_stat>& stats, const std::string& name) {
  for (const auto& s : stats) {
    if (s.name == name) return s;
  }
  throw std::invalid_argument("no metric " + name);
}

TEST(summarize_runs, gives_mean_sd_and_t_half_width_for_every_flattened_metric) {
  const std::vector<run_result> runs{run_with(10, true), run_with(12, true), run_with(14, true)};
  const auto stats = summarize_runs(runs);
  ASSERT_EQ(stats.size(), runs.front().flatten().size());
  const metric_stat& teu = find_stat(stats, "metrics.throughput_teu_per_day");
  EXPECT_EQ(teu.n, 3u);
  EXPECT_DOUBLE_EQ(teu.mean, 12.0);
  EXPECT_DOUBLE_EQ(teu.stddev, 2.0);
  EXPECT_NEAR(teu.half_width_95, 4.3026527297494639 * 2.0 / std::sqrt(3.0), 1e-9);
  for (std::size_t i = 0; i < stats.size(); ++i) EXPECT_EQ(stats[i].name, runs.front().flatten()[i].first);
}

TEST(summarize_runs, of_one_run_has_zero_half_width) {
  const auto stats = summarize_runs({run_with(7, false)});
  const metric_stat& teu = find_stat(stats, "metrics.throughput_teu_per_day");
  EXPECT_EQ(teu.mean, 7.0);
  EXPECT_EQ(teu.half_width_95, 0.0);
  EXPECT_EQ(teu.n, 1u);
}

TEST(summarize_runs, rejects_runs_whose_metrics_differ_and_an_empty_list) {
  EXPECT_THROW(summarize_runs({run_with(10, true), run_with(12, false)}), std::invalid_argument);
  EXPECT_THROW(summarize_runs({}), std::invalid_argument);
}

}  // namespace
}  // namespace corridor

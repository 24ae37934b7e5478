#include <fstream>

#include <gtest/gtest.h>

#include "../../sim/study/sweep_internal.hpp"
#include "corridor/sweep.hpp"
#include "sweep_test_support.hpp"

namespace corridor {
namespace {

const char* toy_sweep = R"(base: base.yaml
parameters:
  dostyk: {path: crossings.dostyk.tracks, values: [1, 2, 3]}
  khorgos: {path: nodes.khorgos.tracks, range: {from: 1, to: 4, step: 1}}
  demand: {path: flows.*.teu_per_week, op: scale, values: [0.5, 1.5]}
replications: 2
constraints: ["khorgos >= dostyk"]
)";

std::filesystem::path planned(const std::string& name, const std::string& sweep = toy_sweep) {
  const auto dir = testing::scratch(name);
  const auto spec = parse_sweep(sweep, "toy.yaml", ".");
  write_plan(plan_sweep(spec, testing::toy_base), spec, dir);
  return dir;
}

std::string merged(const std::filesystem::path& dir) {
  merge_sweep(dir);
  return sweep_detail::read_text(dir / "results.csv") + "---\n" +
         sweep_detail::read_text(dir / "summary.csv");
}

sweep_run_options threads(std::size_t n) {
  sweep_run_options o;
  o.threads = n;
  return o;
}

TEST(sweep_run, merged_bytes_are_the_same_for_one_thread_two_threads_and_three_shards) {
  const auto one = planned("one");
  run_sweep(one, threads(1), testing::toy_evaluator());
  const auto two = planned("two");
  run_sweep(two, threads(2), testing::toy_evaluator());
  const auto shards = planned("shards");
  for (std::size_t s : {2u, 0u, 1u}) {
    sweep_run_options o = threads(1);
    o.shard_index = s;
    o.shard_count = 3;
    run_sweep(shards, o, testing::toy_evaluator());
  }
  const auto reference = merged(one);
  EXPECT_EQ(merged(two), reference);
  EXPECT_EQ(merged(shards), reference);
  // 3 + 3 + 2 + 1 points with khorgos >= dostyk, times 2 demand levels, times 2 replications.
  EXPECT_EQ(sweep_status(one).done, 36u);
  EXPECT_EQ(reference.substr(0, reference.find('\n')),
            "run_id,point,replication,dostyk,khorgos,demand,metrics.throughput_teu_per_day,metrics.transit_"
            "days_mean");
}

TEST(sweep_run, a_shard_runs_every_third_manifest_entry) {
  const auto dir = planned("shard");
  const auto plan = read_plan(dir);
  sweep_run_options o;
  o.shard_index = 1;
  o.shard_count = 3;
  const auto pending = pending_runs(dir, plan, o);
  ASSERT_EQ(pending.size(), 12u);
  for (auto i : pending) EXPECT_EQ(i % 3, 1u);
  o.shard_index = 3;
  EXPECT_THROW(pending_runs(dir, plan, o), sweep_error);
}

TEST(sweep_run, skips_runs_already_done) {
  const auto dir = planned("resume");
  std::atomic<int> calls = 0;
  sweep_run_options first = threads(2);
  first.shard_count = 2;  // half of it, as if interrupted
  run_sweep(dir, first, testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 18);
  EXPECT_EQ(sweep_status(dir).remaining, 18u);
  run_sweep(dir, threads(2), testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 36);
  run_sweep(dir, threads(2), testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 36);
  const auto reference = planned("resume-ref");
  run_sweep(reference, threads(1), testing::toy_evaluator());
  EXPECT_EQ(merged(dir), merged(reference));
}

TEST(sweep_run, records_a_failing_run_and_carries_on) {
  const auto dir =
      planned("fail", "base: b\nparameters:\n  dostyk: {path: nodes.dostyk.tracks, values: [1, 99, 2]}\n");
  const auto counts = run_sweep(dir, threads(2), testing::toy_evaluator());
  EXPECT_EQ(counts.done, 2u);
  EXPECT_EQ(counts.failed, 1u);
  const auto plan = read_plan(dir);
  const auto failed = sweep_detail::read_text(sweep_detail::failed_file(dir, plan.runs[1].id));
  EXPECT_NE(failed.find("dostyk cannot have 99 tracks"), std::string::npos);
  const auto csv = merged(dir);
  EXPECT_NE(csv.find(plan.runs[1].id + ",1,0,99,,\n"), std::string::npos) << csv;
  // A second run leaves it failed unless asked to retry.
  std::atomic<int> calls = 0;
  run_sweep(dir, threads(1), testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 0);
  sweep_run_options retry = threads(1);
  retry.retry_failed = true;
  run_sweep(dir, retry, testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 1);
}

TEST(sweep_run, replanning_with_more_replications_keeps_results_made) {
  const auto dir =
      planned("replan", "base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1, 2]}\n");
  run_sweep(dir, threads(1), testing::toy_evaluator());
  const auto spec = parse_sweep(
      "base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1, 2, 3]}\nreplications: 2\n",
      "toy.yaml", ".");
  write_plan(plan_sweep(spec, testing::toy_base), spec, dir);
  const auto status = sweep_status(dir);
  EXPECT_EQ(status.total, 6u);
  EXPECT_EQ(status.done, 2u);
  std::atomic<int> calls = 0;
  run_sweep(dir, threads(2), testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 4);
}

TEST(sweep_run, progress_reports_every_run_of_the_share) {
  const auto dir = planned("progress");
  std::vector<std::size_t> done;
  sweep_run_options o = threads(2);
  o.progress = [&](const sweep_progress& p) { done.push_back(p.share.done); };
  run_sweep(dir, o, testing::toy_evaluator());
  ASSERT_EQ(done.size(), 36u);
  EXPECT_EQ(done.back(), 36u);
}

TEST(sweep_merge, keeps_the_metrics_the_sweep_names) {
  const auto dir = planned("keep",
                           "base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1, 2]}\n"
                           "metrics: [crossings.dostyk.utilization]\nreplications: 2\n");
  run_sweep(dir, threads(1), testing::toy_evaluator());
  merge_sweep(dir);
  const auto summary = sweep_detail::read_text(dir / "summary.csv");
  EXPECT_EQ(summary,
            "point,d,runs,crossings.dostyk.utilization.mean,crossings.dostyk.utilization.hw95\n"
            "0,1,2,1,0\n"
            "1,2,2,0.5,0\n");
}

TEST(sweep_merge, unknown_kept_metric_is_an_error) {
  const auto dir = planned("badmetric",
                           "base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1]}\n"
                           "metrics: [metrics.nope]\n");
  run_sweep(dir, threads(1), testing::toy_evaluator());
  EXPECT_THROW(merge_sweep(dir), sweep_error);
}

}  // namespace
}  // namespace corridor

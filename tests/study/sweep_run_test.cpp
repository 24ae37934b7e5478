#include <fstream>

#include <gtest/gtest.h>

#include "corridor/sweep_io.hpp"
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
  return testing::planned(name, sweep);
}

std::string merged(const std::filesystem::path& dir) {
  const sweep_folder folder(dir);
  write_sweep_tables(folder, tabulate_sweep(folder.plan(), folder));
  return read_file(dir / "results.csv") + "---\n" + read_file(dir / "summary.csv");
}

// The sweep in `dir`, run with `opt` on the toy evaluator.
sweep_counts run(const std::filesystem::path& dir, const sweep_run_options& opt,
                 const sweep_evaluator& eval = testing::toy_evaluator()) {
  sweep_folder folder(dir);
  return run_sweep(folder.plan(), folder, opt, eval);
}

sweep_counts counts_of(const std::filesystem::path& dir) {
  const sweep_folder folder(dir);
  return sweep_status(folder.plan(), folder);
}

sweep_run_options threads(std::size_t n) {
  sweep_run_options o;
  o.threads = n;
  return o;
}

TEST(sweep_run, merged_bytes_are_the_same_for_one_thread_two_threads_and_three_shards) {
  const auto one = planned("one");
  run(one, threads(1), testing::toy_evaluator());
  const auto two = planned("two");
  run(two, threads(2), testing::toy_evaluator());
  const auto shards = planned("shards");
  for (std::size_t s : {2u, 0u, 1u}) {
    sweep_run_options o = threads(1);
    o.shard_index = s;
    o.shard_count = 3;
    run(shards, o, testing::toy_evaluator());
  }
  const auto reference = merged(one);
  EXPECT_EQ(merged(two), reference);
  EXPECT_EQ(merged(shards), reference);
  // 3 + 3 + 2 + 1 points with khorgos >= dostyk, times 2 demand levels, times 2 replications.
  EXPECT_EQ(counts_of(one).done, 36u);
  EXPECT_EQ(reference.substr(0, reference.find('\n')),
            "run_id,point,replication,dostyk,khorgos,demand,metrics.throughput_teu_per_day,metrics.transit_"
            "days_mean");
}

TEST(sweep_run, a_shard_runs_every_third_manifest_entry) {
  const auto dir = planned("shard");
  const sweep_folder folder(dir);
  sweep_run_options o;
  o.shard_index = 1;
  o.shard_count = 3;
  const auto pending = pending_runs(folder.plan(), folder, o);
  ASSERT_EQ(pending.size(), 12u);
  for (auto i : pending) EXPECT_EQ(i % 3, 1u);
  o.shard_index = 3;
  EXPECT_THROW(pending_runs(folder.plan(), folder, o), sweep_error);
}

TEST(sweep_run, skips_runs_already_done) {
  const auto dir = planned("resume");
  std::atomic<int> calls = 0;
  sweep_run_options first = threads(2);
  first.shard_count = 2;  // half of it, as if interrupted
  run(dir, first, testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 18);
  EXPECT_EQ(counts_of(dir).remaining, 18u);
  run(dir, threads(2), testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 36);
  run(dir, threads(2), testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 36);
  const auto reference = planned("resume-ref");
  run(reference, threads(1), testing::toy_evaluator());
  EXPECT_EQ(merged(dir), merged(reference));
}

// A zero-length result (a disk that filled, a file made by hand) is no result: the run is remaining and
// runs again, and the merge holds its metrics.
TEST(sweep_run, an_empty_result_file_is_not_a_finished_run) {
  const auto dir = planned("empty-result");
  run(dir, threads(1));
  const std::string id = sweep_folder(dir).run_id(0);
  std::ofstream(dir / "runs" / (id + ".json"), std::ios::trunc).close();
  EXPECT_EQ(counts_of(dir).remaining, 1u);
  std::atomic<int> calls = 0;
  run(dir, threads(1), testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(counts_of(dir).remaining, 0u);
  EXPECT_NE(read_file(dir / "runs" / (id + ".json")).find("metrics"), std::string::npos);
}

TEST(sweep_run, records_a_failing_run_and_carries_on) {
  const auto dir =
      planned("fail", "base: b\nparameters:\n  dostyk: {path: nodes.dostyk.tracks, values: [1, 13, 2]}\n");
  const auto counts = run(dir, threads(2), testing::toy_evaluator());
  EXPECT_EQ(counts.done, 2u);
  EXPECT_EQ(counts.failed, 1u);
  const sweep_folder folder(dir);
  const auto failed = read_file(dir / "runs" / (folder.run_id(1) + ".failed.json"));
  EXPECT_NE(failed.find("dostyk cannot have 13 tracks"), std::string::npos);
  const auto csv = merged(dir);
  EXPECT_NE(csv.find(folder.run_id(1) + ",1,0,13,,\n"), std::string::npos) << csv;
  // A second run leaves it failed unless asked to retry.
  std::atomic<int> calls = 0;
  run(dir, threads(1), testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 0);
  sweep_run_options retry = threads(1);
  retry.retry_failed = true;
  run(dir, retry, testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 1);
}

TEST(sweep_run, replanning_with_more_replications_keeps_results_made) {
  const auto dir =
      planned("replan", "base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1, 2]}\n");
  run(dir, threads(1), testing::toy_evaluator());
  const auto spec = parse_sweep(
      "base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1, 2, 3]}\nreplications: 2\n",
      "toy.yaml", ".");
  write_sweep_plan(dir, plan_sweep(spec, testing::toy_base), spec.text);
  const auto status = counts_of(dir);
  EXPECT_EQ(status.total, 6u);
  EXPECT_EQ(status.done, 2u);
  std::atomic<int> calls = 0;
  run(dir, threads(2), testing::toy_evaluator(&calls));
  EXPECT_EQ(calls, 4);
}

TEST(sweep_run, progress_reports_every_run_of_the_share) {
  const auto dir = planned("progress");
  std::vector<std::size_t> done;
  sweep_run_options o = threads(2);
  o.progress = [&](const sweep_progress& p) { done.push_back(p.share.done); };
  run(dir, o, testing::toy_evaluator());
  ASSERT_EQ(done.size(), 36u);
  EXPECT_EQ(done.back(), 36u);
}

TEST(sweep_merge, keeps_the_metrics_the_sweep_names) {
  const auto dir = planned("keep",
                           "base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1, 2]}\n"
                           "metrics: [crossings.dostyk.utilization]\nreplications: 2\n");
  run(dir, threads(1), testing::toy_evaluator());
  merged(dir);
  const auto summary = read_file(dir / "summary.csv");
  EXPECT_EQ(summary,
            "point,d,runs,crossings.dostyk.utilization.mean,crossings.dostyk.utilization.hw95\n"
            "0,1,2,1,0\n"
            "1,2,2,0.5,0\n");
}

TEST(sweep_merge, unknown_kept_metric_is_an_error) {
  const auto dir = planned("badmetric",
                           "base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1]}\n"
                           "metrics: [metrics.nope]\n");
  run(dir, threads(1), testing::toy_evaluator());
  EXPECT_THROW(merged(dir), sweep_error);
}

// A point the validator rejects and planning did not check (a large design's points are checked at their
// extremes only) is a failed run whose error names the parameter path that set the bad value, not a line
// of the base scenario (which holds a valid one).
TEST(sweep_run, records_an_invalid_point_as_a_failed_run_named_by_its_parameter_path) {
  const auto dir = testing::scratch("invalid");
  const auto spec = parse_sweep(
      "base: b\nparameters:\n  dostyk: {path: nodes.dostyk.tracks, values: [1, 2]}\n", "toy.yaml", ".");
  auto plan = plan_sweep(spec, testing::toy_base);
  plan.points[0].values[0] = 0;  // as if planning had not checked this point
  write_sweep_plan(dir, plan, spec.text);
  const auto counts = run(dir, threads(1));
  EXPECT_EQ(counts.failed, 1u);
  const sweep_folder folder(dir);
  const auto failed = read_file(dir / "runs" / (folder.run_id(0) + ".failed.json"));
  EXPECT_NE(
      failed.find("\"nodes.dostyk.tracks: error: tracks of node 'dostyk' must be >= 1 and <= 100, got 0\""),
      std::string::npos)
      << failed;
}

// The store's own errors are not run failures: a folder that cannot be written stops the sweep with
// io_error (the CLI's exit 3), and no run is recorded as failed.
TEST(sweep_run, stops_with_io_error_when_a_result_cannot_be_written) {
  const auto dir =
      planned("unwritable", "base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1, 2]}\n");
  std::filesystem::remove_all(dir / "runs");
  write_file_atomic(dir / "runs", "a file where the runs folder should be\n");
  EXPECT_THROW(run(dir, threads(1)), io_error);
}

TEST(sweep_ids, are_those_of_the_manifest_and_survive_replanning_with_more_points) {
  const auto small = plan_sweep(
      parse_sweep("base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1, 3]}\nreplications: 2\n",
                  "s", "."),
      testing::toy_base);
  const auto big = plan_sweep(
      parse_sweep(
          "base: b\nparameters:\n  d: {path: nodes.dostyk.tracks, values: [1, 2, 3]}\nreplications: 3\n", "s",
          "."),
      testing::toy_base);
  ASSERT_EQ(small.runs.size(), 4u);
  ASSERT_EQ(big.runs.size(), 9u);
  EXPECT_EQ(sweep_run_id(small, 0), sweep_run_id(big, 0));
  EXPECT_EQ(sweep_run_id(small, 1), sweep_run_id(big, 1));
  EXPECT_EQ(sweep_run_id(small, 2), sweep_run_id(big, 6));  // d = 3, replication 0
  EXPECT_EQ(sweep_run_id(small, 3), sweep_run_id(big, 7));
  EXPECT_EQ(sweep_run_id(big, 7).substr(sweep_run_id(big, 7).size() - 4), "-r01");
  EXPECT_EQ(small.runs[0].seed, 5u);
}

// A small platform shortage: 10-TEU trains (5 platforms) a day from a to b, a day each way, and a pool of
// platforms at a with a day's turnaround: a trainset's cycle is 72 h, so a train a day needs 15 platforms.
const char* wagon_loop_base = R"(name: wagon-loop
seed: 3
horizon_days: 120
warmup_days: 20
train_capacity_teu: 10
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 40000}}
nodes:
  a: {kind: terminal, country: KZ, lat: 43, lon: 77}
  b: {kind: terminal, country: KZ, lat: 51, lon: 71}
edges:
  a-b: {from: a, to: b, distance_km: 1000, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  ab: {from: a, to: b, cargo_class: general, teu_per_week: 70, arrivals: scheduled}
wagon_pools:
  kz: {gauge_mm: 1520, size_wagons: 15, home: [a], turnaround_h: 24}
)";

// Wagon pools' size and turnaround are parameter paths like crossings' keys: a sweep over the pool's size
// (one trainset, two, three, four) on the real model lowers its trains' wait for wagons at every step, to
// none once the pool covers the cycle.
TEST(sweep_paths, a_sweep_over_a_wagon_pools_size_lowers_its_wait_step_by_step) {
  const auto spec = parse_sweep(
      "base: base.yaml\nparameters:\n"
      "  size: {path: wagon_pools.kz.size_wagons, values: [5, 10, 15, 20]}\n"
      "  turnaround: {path: wagon_pools.*.turnaround_h, values: [24]}\n",
      "pools.yaml", ".");
  const sweep_plan plan = plan_sweep(spec, wagon_loop_base);
  ASSERT_EQ(plan.points.size(), 4u);
  EXPECT_EQ(plan.targets.at(0), std::vector<std::string>{"wagon_pools.kz.size_wagons"});
  EXPECT_EQ(plan.targets.at(1), std::vector<std::string>{"wagon_pools.kz.turnaround_h"});
  const scenario_document base = base_document(plan);
  const sweep_evaluator eval = model_evaluator();
  std::vector<double> waits;
  for (std::size_t i = 0; i < plan.points.size(); ++i) {
    const scenario s = point_scenario(base, plan, i);
    EXPECT_EQ(s.wagon_pools.at(0).size_wagons, plan.points[i].values[0]);
    for (const auto& [name, value] : eval(s, 3, 0)) {
      if (name == "wagon_pools.kz.mean_wait_h") waits.push_back(value);
    }
  }
  ASSERT_EQ(waits.size(), 4u);
  EXPECT_GT(waits[0], waits[1]);
  EXPECT_GT(waits[1], waits[2]);
  EXPECT_GE(waits[2], waits[3]);
  EXPECT_EQ(waits[3], 0.0);
  EXPECT_GT(waits[0], 24.0 * 10);  // one trainset for three days' trains: the queue grows all run
}

}  // namespace
}  // namespace corridor

// Running a share of a sweep with TBB. Each run writes its own file atomically, so a killed sweep leaves
// only whole results behind and a second `run` picks up exactly the runs that are missing.
#include <atomic>
#include <chrono>
#include <mutex>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>
#include <nlohmann/json.hpp>

#include "sweep_internal.hpp"

namespace corridor {
namespace {

using ojson = nlohmann::ordered_json;

void check_shard(const sweep_run_options& opt) {
  if (opt.shard_count == 0 || opt.shard_index >= opt.shard_count) {
    throw sweep_error("shard index " + std::to_string(opt.shard_index) + " is not below shard count " +
                      std::to_string(opt.shard_count));
  }
}

enum class run_state { done, failed, remaining };

run_state state_of(const std::filesystem::path& dir, const std::string& id) {
  if (std::filesystem::exists(sweep_detail::result_file(dir, id))) return run_state::done;
  if (std::filesystem::exists(sweep_detail::failed_file(dir, id))) return run_state::failed;
  return run_state::remaining;
}

sweep_counts count_share(const std::filesystem::path& dir, const sweep_plan& plan,
                         const sweep_run_options& opt) {
  const auto repeated = sweep_detail::repeated_runs(plan);
  sweep_counts c;
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    if (repeated[i] || i % opt.shard_count != opt.shard_index) continue;
    ++c.total;
    switch (state_of(dir, plan.runs[i].id)) {
      case run_state::done:
        ++c.done;
        break;
      case run_state::failed:
        ++c.failed;
        break;
      case run_state::remaining:
        ++c.remaining;
        break;
    }
  }
  return c;
}

}  // namespace

std::vector<std::size_t> pending_runs(const std::filesystem::path& dir, const sweep_plan& plan,
                                      const sweep_run_options& opt) {
  check_shard(opt);
  const auto repeated = sweep_detail::repeated_runs(plan);
  std::vector<std::size_t> out;
  for (std::size_t i = opt.shard_index; i < plan.runs.size(); i += opt.shard_count) {
    if (repeated[i]) continue;
    const auto s = state_of(dir, plan.runs[i].id);
    if (s == run_state::remaining || (s == run_state::failed && opt.retry_failed)) out.push_back(i);
  }
  return out;
}

bool run_one(const std::filesystem::path& dir, const sweep_plan& plan, std::size_t index,
             const sweep_evaluator& eval) {
  const auto& run = plan.runs.at(index);
  ojson j = {{"id", run.id}, {"point", run.point}, {"replication", run.replication}, {"seed", run.seed}};
  const auto start = std::chrono::steady_clock::now();
  try {
    const auto metrics = eval(point_scenario_yaml(plan, run.point), run.seed, run.replication);
    ojson m = ojson::object();
    for (const auto& [name, value] : metrics) m[name] = value;
    j["wall_seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    j["metrics"] = std::move(m);
    write_file_atomically(sweep_detail::result_file(dir, run.id), j.dump(1) + "\n");
    std::error_code ec;
    std::filesystem::remove(sweep_detail::failed_file(dir, run.id), ec);
    return true;
  } catch (const std::exception& e) {
    j["error"] = e.what();
    write_file_atomically(sweep_detail::failed_file(dir, run.id), j.dump(1) + "\n");
    return false;
  }
}

sweep_counts run_sweep(const std::filesystem::path& dir, const sweep_run_options& opt,
                       const sweep_evaluator& eval) {
  const sweep_plan plan = read_plan(dir);
  const auto pending = pending_runs(dir, plan, opt);
  sweep_progress progress{count_share(dir, plan, opt), 0, 0.0};
  if (opt.retry_failed) {
    progress.share.remaining += progress.share.failed;
    progress.share.failed = 0;
  }
  std::mutex mutex;
  const auto start = std::chrono::steady_clock::now();
  const auto one = [&](std::size_t index) {
    const bool ok = run_one(dir, plan, index, eval);
    const std::lock_guard lock(mutex);
    --progress.share.remaining;
    ++(ok ? progress.share.done : progress.share.failed);
    ++progress.ran_now;
    progress.elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (opt.progress) opt.progress(progress);
  };
  tbb::task_arena arena(opt.threads == 0 ? tbb::task_arena::automatic : static_cast<int>(opt.threads));
  arena.execute([&] {
    // One run per task: runs are long and uneven, so finer stealing beats batching.
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, pending.size(), 1),
        [&](const tbb::blocked_range<std::size_t>& r) {
          for (std::size_t k = r.begin(); k != r.end(); ++k) one(pending[k]);
        },
        tbb::simple_partitioner());
  });
  return count_share(dir, plan, opt);
}

sweep_counts sweep_status(const std::filesystem::path& dir) {
  return count_share(dir, read_plan(dir), {});
}

}  // namespace corridor

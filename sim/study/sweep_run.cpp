// Running a share of a sweep on threads. Each run's outcome goes to the store as soon as it finishes (io's
// sweep_folder writes it atomically), so a killed sweep leaves only whole outcomes behind and a second run
// picks up exactly the runs that are missing.
#include <chrono>
#include <mutex>

#include "corridor/sweep.hpp"
#include "detail_study.hpp"

namespace corridor {
namespace {

void check_shard(const sweep_run_options& opt) {
  if (opt.shard_count == 0 || opt.shard_index >= opt.shard_count) {
    throw sweep_error("shard index " + std::to_string(opt.shard_index) + " is not below shard count " +
                      std::to_string(opt.shard_count));
  }
}

sweep_counts count_share(const sweep_plan& plan, const sweep_store& store, const sweep_run_options& opt) {
  const auto repeated = repeated_runs(plan);
  sweep_counts c;
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    if (repeated[i] || i % opt.shard_count != opt.shard_index) continue;
    ++c.total;
    switch (store.state(i)) {
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

std::vector<std::size_t> pending_runs(const sweep_plan& plan, const sweep_store& store,
                                      const sweep_run_options& opt) {
  check_shard(opt);
  const auto repeated = repeated_runs(plan);
  std::vector<std::size_t> out;
  for (std::size_t i = opt.shard_index; i < plan.runs.size(); i += opt.shard_count) {
    if (repeated[i]) continue;
    const auto s = store.state(i);
    if (s == run_state::remaining || (s == run_state::failed && opt.retry_failed)) out.push_back(i);
  }
  return out;
}

bool run_one(const sweep_plan& plan, const scenario_document& base, std::size_t index,
             const sweep_evaluator& eval, sweep_store& store) {
  const auto& run = plan.runs.at(index);
  run_record rec;
  rec.index = index;
  const auto start = std::chrono::steady_clock::now();
  try {
    rec.metrics = eval(point_scenario(base, plan, run.point), run.seed, run.replication);
  } catch (const std::exception& e) {
    // The run failed, not the sweep: an invalid point or a model error is its outcome, kept like a result.
    rec.metrics.clear();
    rec.error = *e.what() != '\0' ? e.what() : "failed without a message";
  }
  rec.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  store.record(rec);  // a store that cannot keep it (a full disk) stops the sweep
  return !rec.failed();
}

sweep_counts run_sweep(const sweep_plan& plan, sweep_store& store, const sweep_run_options& opt,
                       const sweep_evaluator& eval) {
  const scenario_document base = base_document(plan);
  const auto pending = pending_runs(plan, store, opt);
  sweep_progress progress{count_share(plan, store, opt), 0, 0.0};
  if (opt.retry_failed) {
    progress.share.remaining += progress.share.failed;
    progress.share.failed = 0;
  }
  std::mutex mutex;
  const auto start = std::chrono::steady_clock::now();
  const auto one = [&](std::size_t index) {
    const bool ok = run_one(plan, base, index, eval, store);
    const std::lock_guard lock(mutex);
    --progress.share.remaining;
    ++(ok ? progress.share.done : progress.share.failed);
    ++progress.ran_now;
    progress.elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (opt.progress) opt.progress(progress);
  };
  detail::for_each_index(pending.size(), opt.threads, [&](std::size_t k) { one(pending[k]); });
  return count_share(plan, store, opt);
}

sweep_counts sweep_status(const sweep_plan& plan, const sweep_store& store) {
  return count_share(plan, store, {});
}

}  // namespace corridor

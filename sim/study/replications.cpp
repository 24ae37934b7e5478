// Replications in parallel, precision-driven replication counts and the MSER-5 warm-up choice.
#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "corridor/statistics.hpp"
#include "corridor/study.hpp"
#include "detail_study.hpp"

namespace corridor {
namespace detail {

int arena_threads(std::size_t threads) {
  if (threads > max_threads) {
    throw std::invalid_argument("threads: " + std::to_string(threads) + " is more than " +
                                std::to_string(max_threads) + ", the most a study takes");
  }
  if (threads == 0) return tbb::task_arena::automatic;
  return std::min(static_cast<int>(threads), tbb::info::default_concurrency());
}

void for_each_index(std::size_t count, std::size_t threads, const std::function<void(std::size_t)>& fn) {
  const int concurrency = arena_threads(threads);
#ifdef CORRIDOR_THREAD_SANITIZER
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t workers = std::min(
      count, concurrency == tbb::task_arena::automatic ? cores : static_cast<std::size_t>(concurrency));
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  std::vector<std::thread> pool;
  for (std::size_t w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      for (std::size_t k = next++; k < count; k = next++) {
        try {
          fn(k);
        } catch (...) {
          const std::lock_guard lock(failure_mutex);
          if (!failure) failure = std::current_exception();
          next = count;
        }
      }
    });
  }
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
#else
  tbb::task_arena arena(concurrency);
  arena.execute([&] {
    // One index per task: runs are long and uneven, so finer stealing beats batching.
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, count, 1),
        [&](const tbb::blocked_range<std::size_t>& r) {
          for (std::size_t k = r.begin(); k != r.end(); ++k) fn(k);
        },
        tbb::simple_partitioner());
  });
#endif
}

void run_into(const prepared_scenario& prepared, std::span<run_result> out, std::size_t first_replication,
              const replication_options& options, const progress_span& progress) {
  std::mutex progress_mutex;
  std::size_t done = progress.done_before;
  // Each replication writes only its own slot: the results cannot depend on scheduling.
  for_each_index(out.size(), options.threads, [&](std::size_t k) {
    // Thrown inside the loop, the exception cancels the replications not started yet and leaves the loop
    // in this thread; the runs already going finish first.
    if (options.stop.stop_requested()) throw study_cancelled();
    run_options run;
    run.replication = first_replication + k;
    run.seed = options.seed;
    run.warmup_days = options.warmup_days;
    out[k] = run_model(prepared, run);
    if (options.progress) {
      std::lock_guard lock(progress_mutex);
      options.progress(++done, progress.total);
    }
  });
}

}  // namespace detail

std::vector<run_result> run_replications(const prepared_scenario& prepared, std::size_t count,
                                         std::size_t first_replication, const replication_options& options) {
  std::vector<run_result> results(count);
  detail::run_into(prepared, results, first_replication, options, {0, count});
  return results;
}

namespace {

// The largest half-width / (rel_precision |mean|) over the headline metrics, and the ones above 1.
struct precision_check {
  double worst_ratio = 0.0;
  std::vector<std::string> unmet;
};

precision_check check_precision(const std::vector<metric_stat>& summary, const share_regions& regions,
                                double rel_precision) {
  std::unordered_map<std::string, const metric_stat*> by_name;
  for (const auto& s : summary) by_name.emplace(s.name, &s);
  precision_check out;
  for (const auto& name : metric_names(regions.key())) {
    const auto it = by_name.find("metrics." + name);
    if (it == by_name.end()) throw std::logic_error("run_until_precision: no metric 'metrics." + name + "'");
    const metric_stat& s = *it->second;
    if (s.mean == 0.0 || s.half_width_95 == 0.0) continue;
    const double ratio = s.half_width_95 / (rel_precision * std::fabs(s.mean));
    out.worst_ratio = std::max(out.worst_ratio, ratio);
    if (ratio > 1.0) out.unmet.push_back(s.name);
  }
  return out;
}

// The next replication count: what the worst metric's ratio asks for (half-width ~ 1/sqrt(n)), at least one
// more, at most double, never above the cap. Depends on results only, so not on threads.
std::size_t next_count(std::size_t n, double worst_ratio, std::size_t max_reps) {
  const double wanted = std::ceil(static_cast<double>(n) * worst_ratio * worst_ratio);
  std::size_t target = wanted >= static_cast<double>(2 * n) ? 2 * n : static_cast<std::size_t>(wanted);
  target = std::max(target, n + 1);
  return std::min(target, max_reps);
}

}  // namespace

precision_result run_until_precision(const prepared_scenario& prepared, double rel_precision,
                                     std::size_t min_reps, std::size_t max_reps,
                                     const replication_options& options) {
  if (!(rel_precision > 0.0)) throw std::invalid_argument("run_until_precision: rel_precision must be > 0");
  if (min_reps < 2) throw std::invalid_argument("run_until_precision: min_reps must be >= 2");
  if (max_reps < min_reps) throw std::invalid_argument("run_until_precision: max_reps < min_reps");
  precision_result out;
  out.runs.resize(min_reps);
  detail::run_into(prepared, out.runs, 0, options, {0, min_reps});
  while (true) {
    out.summary = summarize_runs(out.runs);
    precision_check check = check_precision(out.summary, out.runs.front().regions, rel_precision);
    out.unmet = std::move(check.unmet);
    out.converged = out.unmet.empty();
    const std::size_t n = out.runs.size();
    if (out.converged || n >= max_reps) return out;
    const std::size_t target = next_count(n, check.worst_ratio, max_reps);
    out.runs.resize(target);
    detail::run_into(prepared, std::span<run_result>(out.runs).subspan(n), n, options, {n, target});
  }
}

double choose_warmup_mser5(const run_result& run) {
  if (run.daily.size() < 10) {
    throw std::invalid_argument("choose_warmup_mser5: needs at least 10 daily rows, the run has " +
                                std::to_string(run.daily.size()));
  }
  std::vector<double> teu;
  teu.reserve(run.daily.size());
  for (const auto& row : run.daily) teu.push_back(row.teu_delivered);
  const std::size_t cut = mser5_truncation(teu);
  return static_cast<double>(run.daily[cut].day);
}

}  // namespace corridor

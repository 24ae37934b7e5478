#pragma once
// Internals shared by the study sources: running a slice of replications into pre-sized storage.
#include <cstddef>
#include <functional>
#include <span>

#include "corridor/study.hpp"

#if defined(__SANITIZE_THREAD__)
#define CORRIDOR_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CORRIDOR_THREAD_SANITIZER 1
#endif
#endif

namespace corridor::detail {

// Progress numbering for one slice of a larger job: calls report done_before + k of total.
struct progress_span {
  std::size_t done_before = 0;
  std::size_t total = 0;
};

// The concurrency of a task arena for `threads` worker threads (0: all cores): never more than the machine
// has, so oneTBB does not warn. Throws std::invalid_argument above max_threads.
int arena_threads(std::size_t threads);

// Calls fn(k) for every k in [0, count) on up to `threads` worker threads (0: all cores), one index per task,
// in no particular order; an exception of fn ends the loop and is rethrown. oneTBB's task arena; in a
// ThreadSanitizer build (scripts/test --tsan), std::threads taking indices from a shared counter instead:
// Debian's libtbb is not instrumented, so TSan cannot see its scheduler's synchronization and would report
// every hand-off of a task between threads. What TSan checks there is corridor's own code on many threads.
void for_each_index(std::size_t count, std::size_t threads, const std::function<void(std::size_t)>& fn);

// Runs replications first_replication .. + out.size() - 1 into out, in parallel.
void run_into(const prepared_scenario& prepared, std::span<run_result> out, std::size_t first_replication,
              const replication_options& options, const progress_span& progress);

}  // namespace corridor::detail

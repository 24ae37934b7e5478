#pragma once
// Internals shared by the study sources: running a slice of replications into pre-sized storage.
#include <cstddef>
#include <span>

#include "corridor/study.hpp"

namespace corridor::detail {

// Progress numbering for one slice of a larger job: calls report done_before + k of total.
struct progress_span {
  std::size_t done_before = 0;
  std::size_t total = 0;
};

// The concurrency of a task arena for `threads` worker threads (0: all cores): never more than the machine
// has, so oneTBB does not warn. Throws std::invalid_argument above max_threads.
int arena_threads(std::size_t threads);

// Runs replications first_replication .. + out.size() - 1 into out, in parallel.
void run_into(const prepared_scenario& prepared, std::span<run_result> out, std::size_t first_replication,
              const replication_options& options, const progress_span& progress);

}  // namespace corridor::detail

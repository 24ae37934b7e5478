#pragma once
// The terminal summary of a run or of replications: headline metrics with 95 % intervals, crossings,
// ferries, the Central Asia share and the run's speed.
#include <string>
#include <vector>

#include "corridor/results.hpp"
#include "corridor/scenario.hpp"

namespace corridor::cli {

std::string format_run_summary(const scenario& s, const std::vector<run_result>& runs, double warmup_days,
                               double wall_seconds);

}  // namespace corridor::cli

#pragma once
// The terminal summary of a run or of replications: headline metrics with 95 % intervals, crossings,
// ferries, the headline share (of trains via the report's region) and the run's speed.
#include <string>
#include <vector>

#include "corridor/summary.hpp"

namespace corridor::cli {

// `wall_seconds`: how long the command took, for the speed line (the summary holds it only when
// the run is not reproducible).
std::string format_run_summary(const run_summary& s, double wall_seconds);

}  // namespace corridor::cli

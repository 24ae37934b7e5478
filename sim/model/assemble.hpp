#pragma once
// Turning a finished run into a run_result: plain numbers over the report window, and the container count
// over the whole run.
#include <span>
#include <vector>

#include "corridor/results.hpp"
#include "model.hpp"

namespace corridor::detail {

run_result assemble_result(const model& m);

// Samples in parts (a service's, or every service's of a market, or of the run), read where they are.
using sample_parts = std::vector<std::span<const double>>;
std::size_t count_of(const sample_parts& parts);

// The median and the 95th percentile of all the parts' samples by linear interpolation between order
// statistics (type 7), equal to corridor::percentile of them in one vector; both 0 when there are none.
struct median_p95 {
  double p50 = 0.0, p95 = 0.0;
};
median_p95 median_and_p95(const sample_parts& parts);

}  // namespace corridor::detail

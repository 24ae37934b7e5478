#pragma once
// Turning a finished run into a run_result: plain numbers over the report window, and the container count
// over the whole run.
#include "corridor/results.hpp"
#include "model.hpp"

namespace corridor::detail {

run_result assemble_result(const model& m);

}  // namespace corridor::detail

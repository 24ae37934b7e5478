#pragma once
// What the appraisal and the optimization share (internal to sim/planning): the scenario of a model year
// with some projects open, and a target's metric read from a run.
#include <cstdint>
#include <vector>

#include "corridor/planning.hpp"

namespace corridor::detail {

// Demand of model year `year`: every market's and flow's volume grown from the base year at its rate; and
// each alternative's cost by month, where the programme grows them.
std::vector<scenario_edit> growth_edits(const programme& p, const scenario& base, int year);
// The base in model year `year` with the projects in `open` (bit k: p.projects[k]) merged on it in the
// programme's order.
scenario year_scenario(const programme& p, const scenario_document& doc, const scenario& base, int year,
                       std::uint32_t open);
// A target's metric in a run; throws programme_error at the target's place when the model reports none.
double metric_of(const run_result& r, const programme_target& t);

}  // namespace corridor::detail

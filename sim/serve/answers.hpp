#pragma once
// The parts of the studio's answers that are its own (what binds, the capacity search, progress, errors), as
// JSON; the summaries, maps and comparisons in them are io's documents, put in as they are.
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "corridor/scenario.hpp"
#include "corridor/serve.hpp"
#include "jobs.hpp"

namespace corridor::detail {

std::string bottlenecks_json(const std::vector<element_bottleneck>& elements);
std::string capacity_json(const capacity_search& c, const std::string& metric);
std::string progress_json(const job_view& v);
// {"error": message}, with each diagnostic as {"where", "message"} when there are any.
std::string error_json(const std::string& message, const std::vector<scenario_error::diagnostic>& diags = {});

// {"a": <json a>, ...}: members whose values are JSON text already.
std::string json_members(std::initializer_list<std::pair<const char*, std::string>> members);

}  // namespace corridor::detail

// Planning a sweep: every parameter path checked against the resolved base (through the scenario module's
// parameter paths, so a miss is reported at its line in the sweep file with the closest name), the design's
// points laid out, and each point replicated with the sweep's seed.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "corridor/sweep.hpp"

namespace corridor {
namespace {

// A design this small has every point checked at plan time.
constexpr std::size_t check_every_point_up_to = 32;

// Points whose scenarios are checked when planning: every point of a small design; of a larger one, for each
// parameter the points where it is smallest and largest and the first where it is not a whole number (where
// value ranges and integer keys fail). Real points, so a check never fails a combination the design does not
// run.
std::vector<std::size_t> points_to_check(const sweep_plan& plan) {
  std::vector<std::size_t> all(plan.points.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  if (plan.points.size() <= check_every_point_up_to) return all;
  std::set<std::size_t> chosen;
  for (std::size_t i = 0; i < plan.parameters.size(); ++i) {
    const auto at = [&](std::size_t pt) { return plan.points[pt].values[i]; };
    const auto [lo, hi] = std::minmax_element(all.begin(), all.end(),
                                              [&](std::size_t a, std::size_t b) { return at(a) < at(b); });
    chosen.insert({*lo, *hi});
    const auto fraction =
        std::find_if(all.begin(), all.end(), [&](std::size_t pt) { return at(pt) != std::floor(at(pt)); });
    if (fraction != all.end()) chosen.insert(*fraction);
  }
  return {chosen.begin(), chosen.end()};
}

std::string point_text(const sweep_plan& plan, std::size_t point) {
  std::string text;
  for (std::size_t i = 0; i < plan.parameters.size(); ++i) {
    std::ostringstream v;
    v << plan.points[point].values[i];
    text += (i == 0 ? "" : ", ") + plan.parameters[i].name + " = " + v.str();
  }
  return text;
}

// A point whose scenario the validator rejects (a whole number key given 2.5, a value out of its range) is
// an error of the sweep file, located at the parameter that set it, before anything runs.
void check_points(const scenario_document& base, const sweep_plan& plan, const sweep_spec& spec) {
  for (const std::size_t pt : points_to_check(plan)) {
    try {
      point_scenario(base, plan, pt);
    } catch (const scenario_error& e) {
      const auto& first = e.diagnostics().front();
      const source_loc at = first.loc.file == spec.file ? first.loc : plan.parameters.front().loc;
      throw sweep_error(to_string(at) + ": design point " + std::to_string(pt) + " (" + point_text(plan, pt) +
                        ") is not a valid scenario: " + first.message);
    }
  }
}

}  // namespace

sweep_plan plan_sweep(const sweep_spec& spec, const std::string& base_yaml) {
  sweep_plan plan;
  plan.parameters = spec.parameters;
  plan.design = spec.design;
  plan.replications = spec.replications;
  plan.metrics = spec.metrics;
  plan.base_yaml = base_yaml;
  const scenario_document base = base_document(plan, spec.base.filename().string());
  std::unordered_map<std::string, std::string> set_by;  // concrete path -> the parameter that edits it
  for (const auto& p : spec.parameters) {
    try {
      plan.targets.push_back(resolve_parameter(base, p.path, p.op, p.loc));
    } catch (const scenario_error& e) {
      throw sweep_error(to_string(p.loc) + ": parameter '" + p.name +
                        "': " + e.diagnostics().front().message);
    }
    for (const auto& target : plan.targets.back()) {
      const auto [at, fresh] = set_by.emplace(target, p.name);
      if (!fresh) {
        throw sweep_error(to_string(p.loc) + ": parameter '" + p.name + "' edits " + target +
                          ", which parameter '" + at->second +
                          "' edits too (a value may have one parameter)");
      }
    }
  }
  plan.points = make_design(spec);
  check_points(base, plan, spec);
  const std::uint64_t seed = spec.seed.value_or(apply_edits(base, {}).seed);
  for (std::size_t pt = 0; pt < plan.points.size(); ++pt) {
    for (std::size_t r = 0; r < plan.replications; ++r) plan.runs.push_back({pt, r, seed});
  }
  return plan;
}

scenario_document base_document(const sweep_plan& plan, std::string_view name) {
  return parse_document(plan.base_yaml, name);
}

scenario point_scenario(const scenario_document& base, const sweep_plan& plan, std::size_t point) {
  const auto& values = plan.points.at(point).values;
  std::vector<scenario_edit> edits;
  for (std::size_t i = 0; i < plan.parameters.size(); ++i) {
    const auto& p = plan.parameters[i];
    for (const auto& target : plan.targets[i])
      edits.emplace_back(parameter_edit{target, p.op, values[i], p.loc});
  }
  return apply_edits(base, edits);
}

std::vector<bool> repeated_runs(const sweep_plan& plan) {
  // A run is its point's values, its replication and its seed: the same three give the same result.
  std::set<std::tuple<std::vector<double>, std::size_t, std::uint64_t>> seen;
  std::vector<bool> repeated(plan.runs.size(), false);
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const auto& r = plan.runs[i];
    repeated[i] = !seen.emplace(plan.points[r.point].values, r.replication, r.seed).second;
  }
  return repeated;
}

}  // namespace corridor

// Planning a sweep: every parameter path checked against the resolved base (through the scenario module's
// parameter paths, so a miss is reported at its line in the sweep file with the closest name), the design's
// points laid out, and each point replicated with the sweep's seed.
#include <set>
#include <tuple>
#include <utility>

#include "corridor/sweep.hpp"

namespace corridor {

sweep_plan plan_sweep(const sweep_spec& spec, const std::string& base_yaml) {
  sweep_plan plan;
  plan.parameters = spec.parameters;
  plan.design = spec.design;
  plan.replications = spec.replications;
  plan.metrics = spec.metrics;
  plan.base_yaml = base_yaml;
  const scenario_document base = base_document(plan, spec.base.filename().string());
  for (const auto& p : spec.parameters) {
    try {
      plan.targets.push_back(resolve_parameter(base, p.path, p.op, p.loc));
    } catch (const scenario_error& e) {
      throw sweep_error(to_string(p.loc) + ": parameter '" + p.name +
                        "': " + e.diagnostics().front().message);
    }
  }
  plan.points = make_design(spec);
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

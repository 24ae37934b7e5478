// Disruptions opening and closing parts of the network, and what trains know of them.
#include "disruptions.hpp"

#include <algorithm>

#include "calendar.hpp"
#include "crossings.hpp"
#include "journey.hpp"
#include "lines.hpp"

namespace corridor::detail {
namespace {

// The capacity factor of `target` under every disruption of it in force: the most severe one.
double factor_in_force(const model& m, std::string_view target) {
  double factor = 1.0;
  for (disruption_id o = 0; o < m.spec.disruptions.size(); ++o) {
    const disruption_spec& ds = m.spec.disruptions[o];
    if (m.state.disruptions[o].active && ds.target == target) factor = std::min(factor, ds.capacity_factor);
  }
  return factor;
}

void apply_to_node(model& m, vertex_t v, double factor) {
  m.state.nodes[v].capacity_factor = factor;
  if (factor <= 0.0) return;
  if (m.facts.nodes[v].is_crossing) try_start_service(m, v);
  release_held(m, v);
}

void apply_to_edges(model& m, const disruption_spec& ds, double factor) {
  const edge_spec* es = m.spec.find_edge(ds.target);
  if (es == nullptr) throw model_error("disruption '" + ds.id + "' names unknown target '" + ds.target + "'");
  const auto spec = static_cast<std::uint32_t>(es - m.spec.edges.data());
  for (edge_id e : m.net.edges_of_spec(spec)) {
    if (is_ferry(m, e)) {
      m.state.ferries[e].capacity_factor = factor;
      continue;
    }
    line_state& line = m.state.lines[e];
    line.capacity_factor = factor;
    line.closed = factor <= 0.0;
    if (!line.closed) release_line(m, e);
  }
}

}  // namespace

void schedule_disruptions(model& m) {
  for (disruption_id d = 0; d < m.spec.disruptions.size(); ++d) {
    const disruption_spec& ds = m.spec.disruptions[d];
    m.eng.schedule_at(ds.from_day * hours_per_day, ev_disruption, d, disruption_starts, priority_disruption);
    m.eng.schedule_at(ds.to_day * hours_per_day, ev_disruption, d, disruption_ends, priority_disruption);
  }
}

void on_disruption(model& m, disruption_id d, bool starts) {
  const disruption_spec& ds = m.spec.disruptions[d];
  disruption_state& st = m.state.disruptions[d];
  st.active = starts;
  // Scheduled disruptions announce their end, and trains plan with it. A disruption whose end is uncertain
  // would set here what the trains expect, apart from when it really ends.
  st.expected_end_h = ds.to_day * hours_per_day;
  const double factor = factor_in_force(m, ds.target);
  ++m.state.plan_version;
  if (auto v = m.net.find_node(ds.target)) {
    apply_to_node(m, *v, factor);
    return;
  }
  apply_to_edges(m, ds, factor);
}

double reopens_at_h(const model& m, std::string_view target) {
  double at = m.eng.now();
  for (disruption_id d = 0; d < m.spec.disruptions.size(); ++d) {
    const disruption_spec& ds = m.spec.disruptions[d];
    if (m.state.disruptions[d].active && ds.target == target && ds.capacity_factor <= 0.0) {
      at = std::max(at, m.state.disruptions[d].expected_end_h);
    }
  }
  return at;
}

}  // namespace corridor::detail

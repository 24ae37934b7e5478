#pragma once
// Disruptions: a node or edge closed (capacity factor 0) or cut between two days. Where several of one
// target overlap, the most severe in force applies. Every change bumps the plan version, so trains re-plan.
#include <string_view>

#include "model.hpp"

namespace corridor::detail {

// The run's disruptions: each scheduled one as written, each random one as the onsets drawn for this
// replication from its own stream (Poisson onsets in its window, lengths from duration_days, an announced end
// at the mean length). `origin` holds each one's index in the scenario, no_index for a `with` copy.
void draw_disruptions(const scenario& s, const run_frame& frame, std::vector<disruption_spec>& out,
                      std::vector<std::uint32_t>& origin);
// Schedules every disruption's start and end.
void schedule_disruptions(model& m);
// `what`: disruption_starts, disruption_ends or disruption_revised (events.hpp).
void on_disruption(model& m, disruption_id d, std::uint32_t what);

// Closed now: a node at capacity factor 0, a line closed, a ferry leg at capacity factor 0. Inline: route
// choice asks at every element of every candidate route.
inline bool node_closed(const model& m, vertex_t v) {
  return m.state.nodes[v].capacity_factor <= 0.0;
}
inline bool edge_closed(const model& m, edge_id e) {
  return is_ferry(m, e) ? m.state.ferries[e].capacity_factor <= 0.0 : m.state.lines[e].closed;
}
// When the trains expect the closures of `target` (a node or edge id) in force now to lift; now if none.
double reopens_at_h(const model& m, std::string_view target);

}  // namespace corridor::detail

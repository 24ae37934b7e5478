#pragma once
// Re-blocking at a gauge change (docs/model.md, Re-blocking): a train arriving at a crossing that re-blocks
// leaves its containers in a buffer, one per flow and route, and ends there; new trains of the next
// network's length form from each buffer when it holds a full train, or with what it holds once its oldest
// container has waited the crossing's reblock_max_hold_h, and go on into the crossing's queue. Without
// re-blocking crossings nothing here runs.
#include "model.hpp"

namespace corridor::detail {

// Whether the train, at crossing v, changes trains there (v re-blocks and the gauge changes).
bool reblocks_at(const model& m, vertex_t v, const train_state& t);
// The train's containers go into the buffer of its flow and route at v; the train ends (its wagons, if any,
// are released), and the trains the buffer now fills leave.
void unload_for_reblock(model& m, vertex_t v, train_id id);
// A hold timer: the buffer's oldest container (seq) has waited the limit; what the buffer holds leaves.
void on_reblock_due(model& m, std::uint32_t group, std::uint32_t seq);

// Route choice: the hold a container expects at v, entering by `in` and leaving by `out` (0 where v does not
// re-block or the gauge stays): the smoothed hold of the trains formed there lately in that way.
double expected_reblock_hold_h(const model& m, vertex_t v, vertex_t from, edge_id in, edge_id out);
// Containers in the buffers now (the census of the containers in the system).
double reblock_held_teu(const model& m);

void reset_reblock_tallies(model& m);  // the window opens
void close_reblock_tallies(model& m);  // the window closes at the horizon

}  // namespace corridor::detail

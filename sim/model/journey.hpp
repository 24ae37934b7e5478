#pragma once
// A train's journey through nodes: what happens when it reaches one (handling, a crossing's queue, a hold
// at a closed node, delivery at the last) and when it leaves for the next edge (a ferry's port or a line).
#include "model.hpp"

namespace corridor::detail {

void on_train_at_node(model& m, train_id t);
// Onto the train's next edge, re-planning first if the network changed since its plan was made.
void leave_node(model& m, train_id t);
// A reopened junction or port lets the trains it held go on.
void release_held(model& m, vertex_t v);

}  // namespace corridor::detail

#pragma once
// Rail lines, one direction each: departures spaced by the line's slots (a headway, cut by disruptions),
// travel times fixed or lognormal, and trains held at the line's start while it is closed.
#include "model.hpp"

namespace corridor::detail {

// The train takes the line's next free slot (or waits for it to reopen) and travels to its far end.
void board_line(model& m, train_id t, edge_id e);
// A reopened line lets the trains it held go, each re-planning if the network changed meanwhile.
void release_line(model& m, edge_id e);

}  // namespace corridor::detail

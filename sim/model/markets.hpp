#pragma once
// Markets: the shippers of every market revisit how they ship (rail, in its corridor families and routes,
// or the market's alternatives) on generalized cost as conditions then stand, every choice.update_days.
// Rail's share sets the arrival rate of each market service until the next revision.
#include "model.hpp"

namespace corridor::detail {

// Schedules the first revision, at hour 0: until it, market services draw no arrival.
void start_markets(model& m);
void on_revision(model& m);

}  // namespace corridor::detail

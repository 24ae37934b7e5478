#pragma once
// Routing: the route a departing train takes from its flow's path set, and the detour (or the wait) of a
// train whose remaining route a closure has blocked.
#include <cstdint>

#include "model.hpp"

namespace corridor::detail {

// Index into the flow's path set, chosen on generalized cost with the hours expected now; draws one number
// from the flow's route stream whatever the choice rule.
std::uint32_t choose_route(model& m, service_id f);
// True when a closed edge or node lies on the rest of the train's route.
bool route_blocked(const model& m, const train_state& t);
// Re-plans a blocked train: the cheapest detour on the open network, or its own route and the wait for the
// closures on it to lift, whichever costs less. Marks the plan current either way.
void replan(model& m, train_state& t);

}  // namespace corridor::detail

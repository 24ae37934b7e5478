#pragma once
// What taking an element of the network costs a TEU out of pocket, from the scenario alone.
#include "corridor/network.hpp"
#include "corridor/scenario.hpp"

namespace corridor::detail {

// Haulage (tariff x km) on a rail edge, the fare on a ferry leg.
double edge_usd_per_teu(const scenario& s, const network& net, std::uint32_t edge);
// Out-of-pocket USD per TEU of a route: each edge, plus handling and crossing fees at every node it enters
// (the origin excluded: its handling and subsidy are the same on every route).
double route_usd_per_teu(const scenario& s, const network& net, const path& p);

}  // namespace corridor::detail

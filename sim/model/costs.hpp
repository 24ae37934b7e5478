#pragma once
// What each element of the network costs a TEU, as the terms of the one generalized-cost function
// (corridor/choice.hpp): out of pocket, and nominal hours known from the scenario alone. Path sets before a
// run, a departing train's route choice and a blocked train's detour all price elements with these; route
// choice at departure adds to the nominal hours the waits standing at that moment (routing.cpp).
//
//   edge  out of pocket: rail haulage (tariff x km), or the ferry fare
//         nominal hours: travel (km / speed); on a ferry leg plus half the interval between sailings, the
//                        mean wait of a train that reaches the port at a random time
//   node  out of pocket: handling; at a crossing also its fee. Charged on entering, the origin excluded
//                        (its handling and subsidy are the same on every route)
//         nominal hours: at a crossing, mean gauge change where its rail lines are of two gauges, else mean
//                        pass-through; plus mean customs dwell. Elsewhere none
#include "corridor/choice.hpp"
#include "corridor/network.hpp"
#include "corridor/scenario.hpp"

namespace corridor::detail {

cost_terms nominal_edge_terms(const scenario& s, const network& net, std::uint32_t edge);
cost_terms nominal_node_terms(const scenario& s, const network& net, vertex_t v);

// True when the node's rail lines are of more than one gauge (the network reports 0 for every crossing and
// port, whether or not its lines differ).
bool joins_two_gauges(const network& net, vertex_t v);
// Mean service plus customs at a crossing: a gauge change where it joins two gauges, else a pass-through.
double nominal_crossing_hours(const scenario& s, const network& net, vertex_t v);
// Hours between a ferry's sailings: every_days, or a week over its sailing weekdays; when_full, the longer
// of the vessel's cycle (every_days) and max_wait_h.
double sailing_interval_h(const ferry_spec& f);

// Generalized cost per TEU of every edge and node at nominal hours, for path searches.
path_weights nominal_weights(const scenario& s, const network& net, double value_of_time_usd_per_teu_h);

// Out of pocket per TEU of a route: its edges and the nodes it enters.
double route_usd_per_teu(const scenario& s, const network& net, const path& p);

}  // namespace corridor::detail

#pragma once
// Routing: the route a departing train takes from its service's path set, the rail alternative's cost as
// shippers see it when they choose a mode, and the detour (or the wait) of a train whose remaining route a
// closure has blocked.
#include <cstdint>
#include <span>
#include <vector>

#include "model.hpp"

namespace corridor::detail {

// Each service's route_steps (facts.hpp), once the nodes' facts and the wagon homes are known.
void add_route_steps(const prepared_scenario& p, model_facts& facts);
// Hours from now to the end of each path of the service's set for a train of the service's size leaving
// now, with the queues as they stand now (+infinity through a closed element), into `hours`.
void expected_route_hours(model& m, service_id s, std::vector<double>& hours);
// Generalized cost per TEU of each path for cargo of the given value of time, into `costs`.
void route_costs(const model& m, service_id s, std::span<const double> hours, double value_of_time_per_h,
                 std::vector<double>& costs);
// Rail as one alternative: the inclusive cost of the service's routes, nested in corridor families
// (corridor/choice.hpp); +infinity when no route is open.
double rail_inclusive_cost(const model& m, service_id s, std::span<const double> costs);

// Index into the service's path set for a train about to leave, chosen on generalized cost at its cargo's
// mean value of time with the hours expected now (nested logit over families and routes, or the cheapest);
// draws one number from the service's route stream whatever the choice rule.
std::uint32_t choose_route(model& m, service_id s, const train_state& t);
// The mean value of time of a train's containers, USD per TEU-hour.
double train_value_of_time_per_h(const model& m, const train_state& t);
// Books the train a place in the daily plan of every planned crossing on its route, on the day it expects to
// arrive there, and returns the hours it must be held at its origin for every one to have room (0 without
// plans; 0 for a train with priority, whose timetable path holds its place even in a full plan). Inside the
// window the plans' tallies count the bookings and the holds each caused.
double book_route_plans(model& m, const train_state& t);
// True when a closed edge or node lies on the rest of the train's route.
bool route_blocked(const model& m, const train_state& t);
// Re-plans a blocked train: the cheapest detour on the open network, or its own route and the wait for the
// closures on it to lift, whichever costs less. Marks the plan current either way.
void replan(model& m, train_state& t);

}  // namespace corridor::detail

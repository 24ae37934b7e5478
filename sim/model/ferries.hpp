#pragma once
// Ferry legs, one direction each: sailings every few days or on weekdays (or when full, or after a maximum
// wait), each cancelled by the month's weather with some probability, otherwise boarding whole trains FIFO
// while their TEU (a rail ferry: their wagons) fit.
#include "model.hpp"

namespace corridor::detail {

// Schedules every ferry leg's first sailing.
void start_ferries(model& m);
// A train reaches the port and waits for a sailing with room (through the yard at a resource port).
void join_ferry(model& m, edge_id e, train_id t);
// The train is ready to board: it joins the leg's queue (when_full: which may plan a sailing).
void join_ferry_queue(model& m, edge_id e, train_id t);
void on_sailing(model& m, edge_id e);
// The wait for a sailing that takes a train of `teu` behind those already at the port, now.
double ferry_expected_wait_h(const model& m, edge_id e, double teu);

}  // namespace corridor::detail

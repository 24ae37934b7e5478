#pragma once
// Ports as resources (a port node with berths, a yard or a dwell): a feeder's trains leave their containers
// in the yard (or wait outside it when it is full) and they may be loaded once their dwell is over; a
// sailing takes a berth at each end for loading and unloading (TEU / crane rate, or wagons / ramp rate for a
// rail ferry), ships waiting FIFO for one. A port without these keys costs no time, as before.
#include <vector>

#include "model.hpp"

namespace corridor::detail {

// Whether trains boarding ferry leg `e` leave their containers in its port's yard first.
bool uses_yard(const model& m, edge_id e);
// A train bound for a feeder reaches a resource port: into the yard, or outside it until there is room.
void arrive_at_port(model& m, vertex_t port, train_id id);
void on_dwell_done(model& m, train_id id);
// The trains just boarded on leg `e` sail: loading, the crossing and unloading, at berths where the ports
// have them; each train then arrives at the far port.
void sail(model& m, edge_id e, std::vector<train_id> trains, double teu, double wagons);
void on_berth_done(model& m, ship_id s);
void on_ship_arrives(model& m, ship_id s);
// Hours a ship calling at `port` now would wait for a berth and spend at it (0 at a port without berths).
double port_expected_h(const model& m, vertex_t port, double teu, double wagons, bool rail_ferry);
// Every resource port's day, appended to the row in run_result::ports order: the yard, the trains outside it
// and the ships at or waiting for a berth at the end of the day, and their time-averages over it.
void add_port_days(model& m, daily_row& row);
// The report window opens (statistics restart) and closes (trains and ships still waiting are counted).
void reset_port_tallies(model& m);
void close_port_tallies(model& m);

}  // namespace corridor::detail

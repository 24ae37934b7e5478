#pragma once
// Rolling stock: wagon pools per gauge at their home nodes. A train forming at a home, or changing gauge at a
// home that is a crossing, takes ceil(TEU / 2) platforms of the pool of its new gauge and waits for them,
// FIFO, when too few are there; it releases them where it next changes gauge or at its destination, and they
// go back as an empty train (a train of its own, on slots and crossing tracks like any other) to a home,
// where they are ready again after the pool's turnaround. Without pools nothing here runs.
#include <cstdint>

#include "model.hpp"

namespace corridor::detail {

// The facts of the scenario's pools (setup): homes per vertex, and each pool's search weights.
void add_wagon_facts(const prepared_scenario& p, model_facts& facts);
// Every home's starting wagons (the pool split evenly, the first homes taking the remainder), and tallies.
void start_wagons(model& m);

// A train just formed at its origin: true when it may go on now (no pool there, or wagons enough, taken);
// false when it waits for wagons (it then goes on by itself once it has them: continue_from_origin).
bool take_wagons_at_origin(model& m, train_id id);
// A train arrived at crossing v: releases its wagons where the gauge changes, takes the far side's pool's
// wagons if v is a home of it (waiting for them if needed), then joins the crossing's queue.
void wagons_at_crossing(model& m, vertex_t v, train_id id);
// A train at crossing v whose gauge changes there and that has no wagons (its own were released): takes the
// far side's pool's wagons if v is a home of it (waiting for them if needed), then joins the crossing's
// queue.
void take_wagons_at_crossing(model& m, vertex_t v, train_id id);
// A loaded train at its destination gives its wagons back (an empty train, or turnaround at a home).
void release_wagons(model& m, train_id id, vertex_t v);
// An empty train reached node v on its way home.
void on_empty_at_node(model& m, train_id id);
void on_wagons_ready(model& m, std::uint32_t home, std::uint32_t wagons);  // a turnaround is over

// Route choice: the hours a train expects to wait for wagons at crossing v when it enters it by edge `in`
// and leaves by `out` (0 where the gauge stays or v keeps no pool of the new gauge).
double expected_wagon_wait_h(const model& m, vertex_t v, edge_id in, edge_id out);
// Its two parts: the home (dense index into model_facts::wagon_homes) where such a train waits, from the
// scenario alone (no_wagon_home where the gauge stays, v keeps no pool of the new gauge, or there are no
// pools), and the wait route choice expects there now.
constexpr std::uint32_t no_wagon_home = 0xffffffffU;
// Whether a train from line `in` onto line `out` changes gauge (neither a ferry leg, whose gauge is 0).
bool gauge_changes(const network& net, edge_id in, edge_id out);
std::uint32_t gauge_change_home(const model_facts& facts, const network& net, vertex_t v, edge_id in,
                                edge_id out);
double home_wagon_wait_h(const model& m, std::uint32_t h);

void reset_wagon_tallies(model& m);  // the window opens
// Each pool's day that ends now (daily_row's per-pool series); every day, warm-up days too.
void add_wagon_days(model& m, daily_row& row);
void close_wagon_tallies(model& m);  // the window closes at the horizon

}  // namespace corridor::detail

#pragma once
// Border crossings: parallel tracks served FIFO, a gauge change or a pass-through per train, then customs
// (which holds no track), under a daily cap on service starts. Disruptions scale the tracks and the cap.
#include <cstddef>

#include "model.hpp"

namespace corridor::detail {

// A train joins the crossing's queue and starts service if a track and the day's cap allow.
void join_crossing(model& m, vertex_t v, train_id t);
// Starts service for waiting trains while tracks and the daily cap allow (also after a reopening).
void try_start_service(model& m, vertex_t v);
void on_service_done(model& m, train_id t);  // frees the track; customs follow
void on_customs_done(model& m, train_id t);  // the train leaves the crossing (frees a customs server)
// Customs with servers (customs_servers > 0): starts the dwell of queued trains while servers are free.
void try_start_customs(model& m, vertex_t v);
void on_crossing_retry(model& m, vertex_t v);  // a new day under the daily cap

// Tracks open under the disruptions in force: 0 when closed, else at least one.
std::size_t effective_tracks(const model& m, vertex_t v);
// Mean service plus customs at nominal hours (costs.hpp), as every choice of route counts it.
inline double mean_service_h(const model& m, vertex_t v) {
  return m.facts.nodes[v].nominal_service_h;
}
// 0 when a train coming from `from` enters the crossing's country (from another), 1 when it leaves it.
int crossing_way(const model& m, vertex_t from, vertex_t v);
// Daily plans: hours from `arrival_h` to the first day, from the day of `arrival_h` on, whose plan for that
// way still has room (0 when that day has, or when the way has no plan). With `within_booking`, +infinity
// when no day up to the crossing's booking days after the first has room (the route is closed to new trains).
double plan_hold_h(const model& m, vertex_t v, int way, double arrival_h, bool within_booking);
// Books a place in the plan on the day of `arrival_h` (which plan_hold_h said has room).
void book_plan(model& m, vertex_t v, int way, double arrival_h);

// The wait in queue a train joining now expects: those ahead over open tracks, or over the daily cap.
double crossing_expected_wait_h(const model& m, vertex_t v);

}  // namespace corridor::detail

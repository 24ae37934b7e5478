// Ferry legs: scheduled sailings with capacity and weather, trains boarding whole and FIFO.
#include "ferries.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "calendar.hpp"
#include "costs.hpp"

namespace corridor::detail {
namespace {

// Sailing k of an every-n-days ferry is at departure_hour + k x interval; the count of intervals to `t`
// may come out a rounding error above a whole number when `t` is a sailing time, which must count as that
// sailing, not the next one. 1e-9 of an interval (a millisecond or less) absorbs it.
constexpr double interval_rounding = 1e-9;

const ferry_spec& ferry_of(const model& m, edge_id e) {
  return edge_spec_of(m, e).ferry;
}

// The first sailing at or after t.
double next_sailing_after(const model& m, edge_id e, double t) {
  const ferry_spec& f = ferry_of(m, e);
  if (f.every_days > 0) {
    const double interval = f.every_days * hours_per_day;
    const double k = std::max(0.0, std::ceil((t - f.departure_hour) / interval - interval_rounding));
    return f.departure_hour + k * interval;
  }
  return next_weekly_time(t, f.weekdays, f.departure_hour);
}

double cancel_probability_now(const model& m, const ferry_spec& spec) {
  return spec.cancel_probability_by_month[static_cast<std::size_t>(month_of(m.eng.now()))];
}

// Trains board FIFO while their TEU fit; no overtaking, and an empty ship always takes one train.
void board_waiting_trains(model& m, edge_id e, double capacity_teu, bool window) {
  ferry_state& f = m.state.ferries[e];
  const double now = m.eng.now();
  const double fare = ferry_of(m, e).fare_usd_per_teu;
  const double crossing_h = m.net.props(e).travel_days() * hours_per_day;
  double room = capacity_teu;
  bool first = true;
  while (!f.waiting.empty()) {
    train_state& t = m.state.trains[f.waiting.front()];
    const auto teu = static_cast<double>(t.container_entry_h.size());
    if (teu > room && !first) break;
    first = false;
    room -= teu;
    const train_id id = f.waiting.front();
    f.waiting.pop_front();
    m.tallies.ferry_queues[e].leave(now, t.queued_since_h);
    t.cost.ferry += fare;
    if (window) m.tallies.ferries[e].teu_carried += teu;
    ++t.pos;
    m.eng.schedule_in(crossing_h, ev_train_at_node, id);
  }
}

}  // namespace

void start_ferries(model& m) {
  for (edge_id e = 0; e < m.net.num_edges(); ++e) {
    if (!is_ferry(m, e)) continue;
    m.state.ferries[e].next_sailing_h = next_sailing_after(m, e, 0.0);
    m.eng.schedule_at(m.state.ferries[e].next_sailing_h, ev_sailing, e);
  }
}

void join_ferry(model& m, edge_id e, train_id id) {
  ferry_state& f = m.state.ferries[e];
  queue_stats& q = m.tallies.ferry_queues[e];
  f.waiting.push_back(id);
  m.state.trains[id].queued_since_h = m.eng.now();
  q.arrival();
  q.set_waiting(m.eng.now(), static_cast<double>(f.waiting.size()));
}

void on_sailing(model& m, edge_id e) {
  ferry_state& f = m.state.ferries[e];
  const ferry_spec& spec = ferry_of(m, e);
  const double now = m.eng.now();
  f.next_sailing_h = next_sailing_after(m, e, now + after_now_h);
  if (f.next_sailing_h <= m.frame.horizon_h) m.eng.schedule_at(f.next_sailing_h, ev_sailing, e);
  const double u = f.weather_rng.uniform01();  // drawn every sailing, so streams stay aligned
  const double capacity = spec.capacity_teu * f.capacity_factor;
  if (capacity <= 0.0) return;  // the leg is closed: no sailing
  const bool window = in_window(m);
  ferry_tally& tally = m.tallies.ferries[e];
  if (window) tally.sailings += 1.0;
  if (u < cancel_probability_now(m, spec)) {
    if (window) tally.cancelled += 1.0;
    return;
  }
  board_waiting_trains(m, e, capacity, window);
  if (window) tally.teu_offered += capacity;
  m.tallies.ferry_queues[e].set_waiting(now, static_cast<double>(f.waiting.size()));
}

// Boarding is replayed as on_sailing does it (whole trains, FIFO, while they fit; an empty ship takes one
// train), and each sailing slot is stretched by this month's chance of a weather cancellation.
double ferry_expected_wait_h(const model& m, edge_id e, double teu) {
  const ferry_state& f = m.state.ferries[e];
  const ferry_spec& spec = ferry_of(m, e);
  const double capacity = spec.capacity_teu * f.capacity_factor;
  if (capacity <= 0.0) return std::numeric_limits<double>::infinity();
  const double interval = sailing_interval_h(spec);
  const double sails = 1.0 - cancel_probability_now(m, spec);
  if (sails <= 0.0) return std::numeric_limits<double>::infinity();
  double sailings = 0.0;  // sailings that leave before ours
  double room = capacity;
  bool empty = true;
  const auto board = [&](double train_teu) {
    if (train_teu > room && !empty) {
      sailings += 1.0;
      room = capacity;
      empty = true;
    }
    room -= train_teu;
    empty = false;
  };
  for (train_id id : f.waiting) board(static_cast<double>(m.state.trains[id].container_entry_h.size()));
  board(teu);
  return std::max(0.0, f.next_sailing_h - m.eng.now()) + sailings * interval / sails;
}

}  // namespace corridor::detail

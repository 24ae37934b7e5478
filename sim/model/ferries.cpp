// Ferry legs: sailings on schedule or when full, with capacity and weather, trains boarding whole and FIFO.
#include "ferries.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "calendar.hpp"
#include "costs.hpp"
#include "ports.hpp"

namespace corridor::detail {
namespace {

// Sailing k of an every-n-days ferry is at departure_hour + k x interval; the count of intervals to `t`
// may come out a rounding error above a whole number when `t` is a sailing time, which must count as that
// sailing, not the next one. 1e-9 of an interval (a millisecond or less) absorbs it.
constexpr double interval_rounding = 1e-9;

const ferry_spec& ferry_of(const model& m, edge_id e) {
  return edge_spec_of(m, e).ferry;
}

// A cancelled or closed when_full sailing is tried again a day later (assumption: the next day's weather).
constexpr double when_full_retry_h = hours_per_day;

bool is_rail_ferry(const ferry_spec& f) {
  return f.service == ferry_service::rail_ferry;
}

// Capacity per sailing in the leg's unit: TEU on a feeder, wagons on a rail ferry.
double capacity_units(const ferry_spec& f) {
  return is_rail_ferry(f) ? f.capacity_wagons : f.capacity_teu;
}

// A train's load in that unit: its TEU, or its wagons at teu_per_wagon (a part-loaded platform is a wagon).
double units_of(const ferry_spec& f, double teu) {
  return is_rail_ferry(f) ? std::ceil(teu / teu_per_wagon) : teu;
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

// Trains board FIFO while their load fits; no overtaking, and an empty ship always takes one train. The
// boarded trains then sail (ports.cpp: loading, crossing, unloading).
void board_waiting_trains(model& m, edge_id e, double capacity, bool window) {
  ferry_state& f = m.state.ferries[e];
  const ferry_spec& spec = ferry_of(m, e);
  ferry_tally& tally = m.tallies.ferries[e];
  const double now = m.eng.now();
  double room = capacity, teu_on_board = 0.0, units_on_board = 0.0;
  std::vector<train_id> boarded;
  while (!f.waiting.empty()) {
    train_state& t = m.state.trains[f.waiting.front()];
    const double teu = t.teu();
    const double units = units_of(spec, teu);
    if (units > room && !boarded.empty()) break;
    room -= units;
    boarded.push_back(f.waiting.front());
    f.waiting.pop_front();
    m.tallies.ferry_queues[e].leave(now, t.queued_since_h);
    t.cost.ferry += spec.fare_usd_per_teu;
    if (window) {
      tally.teu_carried += teu;
      tally.units_carried += units;
    }
    ++t.pos;
    teu_on_board += teu;
    units_on_board += units;
  }
  if (window) {
    tally.units_offered += capacity;
    tally.teu_offered += is_rail_ferry(spec) ? capacity * teu_per_wagon : capacity;
  }
  if (!boarded.empty())
    sail(m, e, std::move(boarded), teu_on_board, is_rail_ferry(spec) ? units_on_board : 0.0);
}

// when_full: one sailing planned at most, at `at` or earlier.
void plan_sailing_at(model& m, edge_id e, double at) {
  ferry_state& f = m.state.ferries[e];
  if (at > m.frame.horizon_h) return;
  if (f.sailing_planned) {
    if (f.next_sailing_h <= at) return;
    m.eng.cancel(f.sailing_event);
  }
  f.sailing_planned = true;
  f.next_sailing_h = at;
  f.sailing_event = m.eng.schedule_at(at, ev_sailing, e);
}

// when_full: the ship sails once the trains waiting fill it (the next in line would not fit), or when the
// first of them has waited max_wait_h, and not before the vessel is back from its last sailing.
void plan_sailing(model& m, edge_id e) {
  const ferry_state& f = m.state.ferries[e];
  const ferry_spec& spec = ferry_of(m, e);
  if (f.waiting.empty()) return;
  double load = 0.0;
  double first_h = m.state.trains[f.waiting.front()].queued_since_h;  // the longest wait (priority reorders)
  for (train_id id : f.waiting) {
    load += units_of(spec, m.state.trains[id].teu());
    first_h = std::min(first_h, m.state.trains[id].queued_since_h);
  }
  const double capacity = capacity_units(spec) * f.capacity_factor;
  const double now = m.eng.now();
  const double at = capacity > 0.0 && load >= capacity ? now : first_h + spec.max_wait_h;
  plan_sailing_at(m, e, std::max({at, f.vessel_ready_h, now}));
}

void on_sailing_when_full(model& m, edge_id e) {
  ferry_state& f = m.state.ferries[e];
  const ferry_spec& spec = ferry_of(m, e);
  const double now = m.eng.now();
  f.sailing_planned = false;
  const double u = f.weather_rng.uniform01();
  const double capacity = capacity_units(spec) * f.capacity_factor;
  if (f.waiting.empty()) return;
  if (capacity <= 0.0) return plan_sailing_at(m, e, now + when_full_retry_h);  // closed: try again
  const bool window = in_window(m);
  ferry_tally& tally = m.tallies.ferries[e];
  if (window) tally.sailings += 1.0;
  if (u < cancel_probability_now(m, spec)) {
    if (window) tally.cancelled += 1.0;
    return plan_sailing_at(m, e, now + when_full_retry_h);
  }
  board_waiting_trains(m, e, capacity, window);
  m.tallies.ferry_queues[e].set_waiting(now, static_cast<double>(f.waiting.size()));
  f.vessel_ready_h = now + spec.every_days * hours_per_day;
  plan_sailing(m, e);
}

// Boarding replayed for the trains waiting and one of `units` more: how many sailings leave before it.
double sailings_before(const model& m, edge_id e, double capacity, double units) {
  const ferry_spec& spec = ferry_of(m, e);
  double sailings = 0.0;
  double room = capacity;
  bool empty = true;
  const auto board = [&](double load) {
    if (load > room && !empty) {
      sailings += 1.0;
      room = capacity;
      empty = true;
    }
    room -= load;
    empty = false;
  };
  for (train_id id : m.state.ferries[e].waiting) board(units_of(spec, m.state.trains[id].teu()));
  board(units);
  return sailings;
}

// when_full: the planned sailing (or the one this train's arrival would plan), then one per vessel cycle.
double when_full_expected_wait_h(const model& m, edge_id e, double capacity, double units) {
  const ferry_state& f = m.state.ferries[e];
  const ferry_spec& spec = ferry_of(m, e);
  const double now = m.eng.now();
  double load = units;
  double first_h = now;
  for (train_id id : f.waiting) {
    load += units_of(spec, m.state.trains[id].teu());
    first_h = std::min(first_h, m.state.trains[id].queued_since_h);
  }
  double first = load >= capacity ? now : first_h + spec.max_wait_h;
  if (f.sailing_planned) first = std::min(first, f.next_sailing_h);
  first = std::max(first, f.vessel_ready_h);
  const double sails = 1.0 - cancel_probability_now(m, spec);
  if (sails <= 0.0) return std::numeric_limits<double>::infinity();
  return std::max(0.0, first - now) +
         sailings_before(m, e, capacity, units) * spec.every_days * hours_per_day / sails;
}

}  // namespace

void start_ferries(model& m) {
  for (edge_id e = 0; e < m.net.num_edges(); ++e) {
    if (!is_ferry(m, e) || ferry_of(m, e).sailing == sailing_policy::when_full) continue;
    m.state.ferries[e].next_sailing_h = next_sailing_after(m, e, 0.0);
    m.eng.schedule_at(m.state.ferries[e].next_sailing_h, ev_sailing, e);
  }
}

void join_ferry(model& m, edge_id e, train_id id) {
  if (uses_yard(m, e)) return arrive_at_port(m, m.net.source(e), id);
  join_ferry_queue(m, e, id);
}

void join_ferry_queue(model& m, edge_id e, train_id id) {
  ferry_state& f = m.state.ferries[e];
  queue_stats& q = m.tallies.ferry_queues[e];
  enqueue_by_priority(f.waiting, id, m.state.trains);
  m.state.trains[id].queued_since_h = m.eng.now();
  q.arrival();
  q.set_waiting(m.eng.now(), static_cast<double>(f.waiting.size()));
  if (ferry_of(m, e).sailing == sailing_policy::when_full) plan_sailing(m, e);
}

void on_sailing(model& m, edge_id e) {
  ferry_state& f = m.state.ferries[e];
  const ferry_spec& spec = ferry_of(m, e);
  if (spec.sailing == sailing_policy::when_full) return on_sailing_when_full(m, e);
  const double now = m.eng.now();
  f.next_sailing_h = next_sailing_after(m, e, now + after_now_h);
  if (f.next_sailing_h <= m.frame.horizon_h) m.eng.schedule_at(f.next_sailing_h, ev_sailing, e);
  const double u = f.weather_rng.uniform01();  // drawn every sailing, so streams stay aligned
  const double capacity = capacity_units(spec) * f.capacity_factor;
  if (capacity <= 0.0) return;  // the leg is closed: no sailing
  const bool window = in_window(m);
  ferry_tally& tally = m.tallies.ferries[e];
  if (window) tally.sailings += 1.0;
  if (u < cancel_probability_now(m, spec)) {
    if (window) tally.cancelled += 1.0;
    return;
  }
  board_waiting_trains(m, e, capacity, window);
  m.tallies.ferry_queues[e].set_waiting(now, static_cast<double>(f.waiting.size()));
}

// Boarding is replayed as on_sailing does it (whole trains, FIFO, while they fit; an empty ship takes one
// train), and each sailing slot is stretched by this month's chance of a weather cancellation. Ports with
// berths add the berth queue and the loading at each end.
double ferry_expected_wait_h(const model& m, edge_id e, double teu) {
  const ferry_state& f = m.state.ferries[e];
  const ferry_spec& spec = ferry_of(m, e);
  const double capacity = capacity_units(spec) * f.capacity_factor;
  if (capacity <= 0.0) return std::numeric_limits<double>::infinity();
  const double units = units_of(spec, teu);
  const double wagons = is_rail_ferry(spec) ? units : 0.0;
  const double at_ports = port_expected_h(m, m.net.source(e), teu, wagons, is_rail_ferry(spec)) +
                          port_expected_h(m, m.net.target(e), teu, wagons, is_rail_ferry(spec));
  if (spec.sailing == sailing_policy::when_full)
    return when_full_expected_wait_h(m, e, capacity, units) + at_ports;
  const double interval = sailing_interval_h(spec);
  const double sails = 1.0 - cancel_probability_now(m, spec);
  if (sails <= 0.0) return std::numeric_limits<double>::infinity();
  const double sailings = sailings_before(m, e, capacity, units);
  return std::max(0.0, f.next_sailing_h - m.eng.now()) + sailings * interval / sails + at_ports;
}

}  // namespace corridor::detail

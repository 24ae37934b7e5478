// Ports as resources: the yard and its gate, the dwell before loading, berths for loading and unloading.
#include "ports.hpp"

#include <algorithm>

#include "calendar.hpp"
#include "ferries.hpp"

namespace corridor::detail {
namespace {

const port_spec& port_of(const model& m, vertex_t v) {
  return node_spec_of(m, v).port;
}

bool has_berths(const model& m, vertex_t v) {
  return m.facts.nodes[v].is_port_resource && port_of(m, v).berths > 0;
}

// Berth hours of a ship at port v: a feeder's TEU at the crane rate, a rail ferry's wagons at the ramp rate
// (0 when the port gives no rate: it loads at once).
double berth_hours(const model& m, vertex_t v, double teu, double wagons, bool rail_ferry) {
  const port_spec& p = port_of(m, v);
  const double rate = rail_ferry ? p.ramp_wagons_per_h : p.crane_teu_per_h;
  return rate > 0.0 ? (rail_ferry ? wagons : teu) / rate : 0.0;
}

// An empty yard always takes a train, as an empty ship does, so a train larger than the yard still passes.
bool yard_has_room(const model& m, vertex_t v, double teu) {
  const double capacity = port_of(m, v).yard_capacity_teu;
  const double used = m.state.ports[v].yard_teu;
  return capacity <= 0.0 || used <= 0.0 || used + teu <= capacity;
}

void set_yard(model& m, vertex_t v, double teu) {
  m.state.ports[v].yard_teu = teu;
  m.tallies.ports[v].yard.set(m.eng.now(), teu);
}

void queue_after_dwell(model& m, vertex_t v, train_id id) {
  train_state& t = m.state.trains[id];
  port_state& p = m.state.ports[v];
  const double dwell = std::max(0.0, port_of(m, v).dwell_h.sample(p.dwell_rng));  // drawn per train
  if (dwell > 0.0) {
    m.eng.schedule_in(dwell, ev_dwell_done, id);
    return;
  }
  join_ferry_queue(m, t.edges[t.pos], id);
}

void enter_yard(model& m, vertex_t v, train_id id) {
  m.state.trains[id].yard_since_h = m.eng.now();
  set_yard(m, v, m.state.ports[v].yard_teu + m.state.trains[id].teu());
  queue_after_dwell(m, v, id);
}

// Trains outside the gate come in, FIFO, while the yard has room for the first of them.
void admit_from_gate(model& m, vertex_t v) {
  port_state& p = m.state.ports[v];
  port_tally& tally = m.tallies.ports[v];
  const double now = m.eng.now();
  while (!p.gate.empty() && yard_has_room(m, v, m.state.trains[p.gate.front()].teu())) {
    const train_id id = p.gate.front();
    p.gate.pop_front();
    tally.gate.leave(now, m.state.trains[id].queued_since_h);
    tally.gate.set_waiting(now, static_cast<double>(p.gate.size()));
    enter_yard(m, v, id);
  }
}

// A train's containers are on the ship: they leave the yard, with their dwell (the part inside the window).
void leave_yard(model& m, vertex_t v, train_id id) {
  const double now = m.eng.now(), teu = m.state.trains[id].teu();
  port_tally& tally = m.tallies.ports[v];
  if (in_window(m)) {
    tally.dwell_teu += teu;
    tally.dwell_teu_h += teu * (now - std::max(m.state.trains[id].yard_since_h, m.frame.warmup_h));
  }
  set_yard(m, v, std::max(0.0, m.state.ports[v].yard_teu - teu));
}

vertex_t port_of_ship(const model& m, const ship_state& s) {
  return s.unloading ? m.net.target(s.edge) : m.net.source(s.edge);
}

void start_berth(model& m, vertex_t v, ship_id id) {
  port_state& p = m.state.ports[v];
  port_tally& tally = m.tallies.ports[v];
  const ship_state& s = m.state.ships[id];
  ++p.busy_berths;
  tally.berths.set_busy(m.eng.now(), p.busy_berths);
  if (in_window(m)) {
    tally.calls += 1.0;
    tally.teu_handled += s.teu;
  }
  m.eng.schedule_in(s.berth_h, ev_berth_done, id);
}

void request_berth(model& m, vertex_t v, ship_id id) {
  port_state& p = m.state.ports[v];
  port_tally& tally = m.tallies.ports[v];
  ship_state& s = m.state.ships[id];
  const bool rail_ferry = edge_spec_of(m, s.edge).ferry.service == ferry_service::rail_ferry;
  s.berth_h = berth_hours(m, v, s.teu, s.wagons, rail_ferry);
  s.queued_h = m.eng.now();
  p.berth_work_h += s.berth_h;
  tally.berths.arrival();
  if (p.busy_berths < port_of(m, v).berths) {
    tally.berths.leave(m.eng.now(), m.eng.now());
    start_berth(m, v, id);
    return;
  }
  p.ships_waiting.push_back(id);
  tally.berths.set_waiting(m.eng.now(), static_cast<double>(p.ships_waiting.size()));
}

// Loaded: the containers leave the yard and the ship crosses.
void ship_loaded(model& m, ship_id id) {
  const ship_state& s = m.state.ships[id];
  const vertex_t v = m.net.source(s.edge);
  if (uses_yard(m, s.edge)) {
    for (train_id t : s.trains) leave_yard(m, v, t);
    admit_from_gate(m, v);
  }
  m.eng.schedule_in(m.net.props(s.edge).travel_days() * hours_per_day, ev_ship_arrives, id);
}

void ship_unloaded(model& m, ship_id id) {
  for (train_id t : m.state.ships[id].trains) m.eng.schedule_in(0.0, ev_train_at_node, t);
}

}  // namespace

bool uses_yard(const model& m, edge_id e) {
  return m.facts.nodes[m.net.source(e)].is_port_resource &&
         edge_spec_of(m, e).ferry.service == ferry_service::feeder;
}

void arrive_at_port(model& m, vertex_t v, train_id id) {
  port_state& p = m.state.ports[v];
  if (p.gate.empty() && yard_has_room(m, v, m.state.trains[id].teu())) {
    enter_yard(m, v, id);
    return;
  }
  port_tally& tally = m.tallies.ports[v];
  p.gate.push_back(id);
  m.state.trains[id].queued_since_h = m.eng.now();
  tally.gate.arrival();
  tally.gate.set_waiting(m.eng.now(), static_cast<double>(p.gate.size()));
}

void on_dwell_done(model& m, train_id id) {
  const train_state& t = m.state.trains[id];
  join_ferry_queue(m, t.edges[t.pos], id);
}

void sail(model& m, edge_id e, std::vector<train_id> trains, double teu, double wagons) {
  const vertex_t from = m.net.source(e), to = m.net.target(e);
  if (!has_berths(m, from) && !has_berths(m, to)) {
    // As before ports were resources: each train crosses on its own clock (and leaves the yard now).
    const double crossing_h = m.net.props(e).travel_days() * hours_per_day;
    const bool yard = uses_yard(m, e);
    for (train_id t : trains) {
      if (yard) leave_yard(m, from, t);
      m.eng.schedule_in(crossing_h, ev_train_at_node, t);
    }
    if (yard) admit_from_gate(m, from);
    return;
  }
  const auto id = static_cast<ship_id>(m.state.ships.size());
  m.state.ships.push_back({.edge = e, .trains = std::move(trains), .teu = teu, .wagons = wagons});
  if (has_berths(m, from)) {
    request_berth(m, from, id);
  } else {
    ship_loaded(m, id);
  }
}

void on_berth_done(model& m, ship_id id) {
  const vertex_t v = port_of_ship(m, m.state.ships[id]);
  port_state& p = m.state.ports[v];
  port_tally& tally = m.tallies.ports[v];
  const double now = m.eng.now();
  --p.busy_berths;
  p.berth_work_h = std::max(0.0, p.berth_work_h - m.state.ships[id].berth_h);
  tally.berths.set_busy(now, p.busy_berths);
  if (!p.ships_waiting.empty()) {
    const ship_id next = p.ships_waiting.front();
    p.ships_waiting.pop_front();
    tally.berths.leave(now, m.state.ships[next].queued_h);
    tally.berths.set_waiting(now, static_cast<double>(p.ships_waiting.size()));
    start_berth(m, v, next);
  }
  if (m.state.ships[id].unloading) {
    ship_unloaded(m, id);
  } else {
    ship_loaded(m, id);
  }
}

void on_ship_arrives(model& m, ship_id id) {
  ship_state& s = m.state.ships[id];
  s.unloading = true;
  const vertex_t to = m.net.target(s.edge);
  if (has_berths(m, to)) {
    request_berth(m, to, id);
  } else {
    ship_unloaded(m, id);
  }
}

double port_expected_h(const model& m, vertex_t v, double teu, double wagons, bool rail_ferry) {
  if (!has_berths(m, v)) return 0.0;
  const port_state& p = m.state.ports[v];
  const int berths = port_of(m, v).berths;
  const double backlog_h = p.busy_berths < berths && p.ships_waiting.empty() ? 0.0 : p.berth_work_h / berths;
  return backlog_h + berth_hours(m, v, teu, wagons, rail_ferry);
}

void add_port_days(model& m, daily_row& row) {
  const double now = m.eng.now();
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    if (!m.facts.nodes[v].is_port_resource) continue;
    port_tally& t = m.tallies.ports[v];
    const port_state& p = m.state.ports[v];
    const queue_day berths = t.berths.close_day(now), gate = t.gate.close_day(now);
    const double yard_area = t.yard.integral(now), hours = now - t.yard_day_start_h;
    const int berth_count = port_of(m, v).berths;
    row.yard_teu.push_back(p.yard_teu);
    row.yard_mean_teu.push_back(hours > 0.0 ? (yard_area - t.yard_day_mark) / hours : p.yard_teu);
    row.trains_outside.push_back(static_cast<double>(p.gate.size()));
    row.mean_trains_outside.push_back(gate.mean_waiting);
    row.ships_at_berth.push_back(static_cast<double>(p.busy_berths));
    row.ships_waiting.push_back(static_cast<double>(p.ships_waiting.size()));
    row.berth_utilization.push_back(berth_count > 0 ? berths.mean_busy / berth_count : 0.0);
    t.yard_day_start_h = now;
    t.yard_day_mark = yard_area;
  }
}

void reset_port_tallies(model& m) {
  const double now = m.eng.now();
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    if (!m.facts.nodes[v].is_port_resource) continue;
    port_tally& t = m.tallies.ports[v];
    t.berths.reset(now);
    t.gate.reset(now);
    t.yard.reset(now);
    t.yard_day_start_h = now;  // the yard's integral restarts at 0 with the window
    t.yard_day_mark = 0.0;
  }
}

void close_port_tallies(model& m) {
  const double end = m.frame.horizon_h;
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    if (!m.facts.nodes[v].is_port_resource) continue;
    port_tally& t = m.tallies.ports[v];
    const port_state& p = m.state.ports[v];
    for (ship_id s : p.ships_waiting) t.berths.still_waiting(end, m.state.ships[s].queued_h);
    for (train_id id : p.gate) t.gate.still_waiting(end, m.state.trains[id].queued_since_h);
    t.berths.finish(end);
    t.gate.finish(end);
    t.yard.set(end, t.yard.current());
  }
}

}  // namespace corridor::detail

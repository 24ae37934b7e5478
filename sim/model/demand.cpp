// Demand and train formation: containers arrive per OD flow (Poisson, thinned for seasonality, or evenly
// spaced) and wait at the origin; a block train leaves when full, when the oldest container has waited
// max_wait_h (on-demand), or at the flow's timetabled departures.
//
// Every container is simulated on its own (own arrival time, own transit), but arrivals do not go through
// the event set: each flow draws its arrival times ahead from its own stream into a small look-ahead, and
// the engine only sees the moments a train forms. The results are those of one event per arrival: the same
// draws in the same order, the same departure instants, and ties at equal times settled as the arrival
// events would have been (see admits_at_timetable and plan_formation).
#include "demand.hpp"

#include <cmath>

#include "calendar.hpp"
#include "journey.hpp"
#include "routing.hpp"

namespace corridor::detail {
namespace {

double arrival_rate_per_h(const flow_spec& fs, double t) {
  return fs.teu_per_week * fs.seasonality[static_cast<std::size_t>(month_of(t))] / hours_per_week;
}

// The next arrival after the last one drawn, into the look-ahead; false when none is left before the horizon.
bool draw_next_arrival(model& m, service_id f) {
  service_state& st = m.state.services[f];
  if (st.arrivals_done) return false;
  const flow_spec& fs = m.spec.flows[f];
  const double peak_rate = m.facts.services[f].rate_max_per_h;
  double t = st.drawn_through_h;
  st.arrivals_done = true;  // until a draw lands inside the horizon
  if (peak_rate <= 0.0) return false;
  if (fs.arrivals == arrival_process::scheduled) {
    const double rate = arrival_rate_per_h(fs, t);
    if (rate <= 0.0) return false;
    t += 1.0 / rate;
  } else {
    // Thinning: candidates at the peak rate, each kept with probability rate(t) / peak.
    for (;;) {
      t += -std::log(st.arrivals_rng.uniform01()) / peak_rate;
      if (t > m.frame.horizon_h) return false;
      if (st.arrivals_rng.uniform01() * peak_rate <= arrival_rate_per_h(fs, t)) break;
    }
  }
  if (t > m.frame.horizon_h) return false;
  st.arrivals_done = false;
  st.drawn_through_h = t;
  st.ahead_h.push_back(t);
  return true;
}

bool ensure_ahead(model& m, service_id f, std::size_t n) {
  while (m.state.services[f].ahead_h.size() < n) {
    if (!draw_next_arrival(m, f)) return false;
  }
  return true;
}

// The next n drawn arrivals reach the origin.
void admit_arrivals(model& m, service_id f, std::size_t n) {
  service_state& st = m.state.services[f];
  for (std::size_t i = 0; i < n; ++i) {
    st.waiting_since_h.push_back(st.ahead_h.front());
    st.ahead_h.pop_front();
  }
  st.admitted += n;
  m.tallies.entered += static_cast<double>(n);
}

// On-demand: the next train takes the oldest waiting container j and those after it, and forms when the
// capacity-th arrives or when j has waited max_wait_h, whichever comes first. With one event per arrival,
// j's arrival armed the timeout right after scheduling arrival j+1, so at a tie with the timeout arrival
// j+1 ran first and every later one ran after it; the look-ahead replays that order.
void plan_formation(model& m, service_id f) {
  service_state& st = m.state.services[f];
  if (!ensure_ahead(m, f, 1)) return;
  const auto capacity = static_cast<std::size_t>(m.facts.services[f].capacity_teu);
  const double first = st.ahead_h.front();
  const double due = std::max(first, first + m.spec.flows[f].max_wait_h);
  std::size_t n = 1;
  double at = first;
  if (capacity > 1) {
    at = due;
    for (; n < capacity && ensure_ahead(m, f, n + 1); ++n) {
      const double a = st.ahead_h[n];
      if (!(a < due || (a == due && n == 1))) break;
      if (n + 1 == capacity) at = a;  // full: leaves as the capacity-th container arrives
    }
  }
  st.batch_teu = n;
  if (at <= m.frame.horizon_h) m.eng.schedule_at(at, ev_train_forms, f);
}

// Timetable: arrival k at the departure's instant ran before it when arrival k was scheduled first, that is
// when arrival k-1 had run before the previous departure (or k is the first arrival, scheduled at the start
// before any departure).
bool admits_at_timetable(const model& m, const service_state& st, double arrival_h) {
  if (arrival_h < m.eng.now()) return true;
  if (arrival_h > m.eng.now()) return false;
  return st.admitted == 0 || st.admitted - 1 < st.admitted_at_departure;
}

// The oldest `teu` waiting containers leave as one train on a route chosen now.
void depart_train(model& m, service_id f, std::size_t teu) {
  service_state& st = m.state.services[f];
  const auto id = static_cast<train_id>(m.state.trains.size());
  train_state t;
  t.service = f;
  const auto taken = st.waiting_since_h.begin() + static_cast<long>(teu);
  t.container_entry_h.assign(st.waiting_since_h.begin(), taken);
  st.waiting_since_h.erase(st.waiting_since_h.begin(), taken);
  t.route = choose_route(m, f);
  const path& p = m.path_sets[f][t.route];
  t.nodes = p.nodes;
  t.edges = p.edges;
  t.plan_version = m.state.plan_version;
  // When every route of the path set is closed, choose_route returns a closed one; re-plan on the open
  // network now, since leave_node only re-plans trains whose plan predates a change of the network.
  if (route_blocked(m, t)) replan(m, t);
  const node_spec& origin = node_spec_of(m, t.nodes.front());
  t.cost.subsidy = -origin.subsidy_usd_per_teu;
  t.cost.handling = origin.handling_usd_per_teu;
  if (in_window(m)) record_departure(m.tallies, t);
  m.state.trains.push_back(std::move(t));
  leave_node(m, id);
}

}  // namespace

void start_demand(model& m) {
  for (service_id f = 0; f < m.spec.flows.size(); ++f) {
    const flow_spec& fs = m.spec.flows[f];
    if (fs.departures == departure_policy::on_demand) plan_formation(m, f);
    if (fs.departures == departure_policy::timetable) {
      m.eng.schedule_at(next_weekly_time(0.0, fs.timetable_weekdays, fs.timetable_hour),
                        ev_timetable_departure, f);
    }
  }
}

void on_train_forms(model& m, service_id f) {
  const std::size_t n = m.state.services[f].batch_teu;
  admit_arrivals(m, f, n);
  depart_train(m, f, n);
  plan_formation(m, f);
}

void on_timetable_departure(model& m, service_id f) {
  const flow_spec& fs = m.spec.flows[f];
  service_state& st = m.state.services[f];
  while (ensure_ahead(m, f, 1) && admits_at_timetable(m, st, st.ahead_h.front())) admit_arrivals(m, f, 1);
  st.admitted_at_departure = st.admitted;
  const auto capacity = static_cast<std::size_t>(m.facts.services[f].capacity_teu);
  const std::size_t n = std::min(st.waiting_since_h.size(), capacity);
  if (n > 0) depart_train(m, f, n);
  const double next = next_weekly_time(m.eng.now() + after_now_h, fs.timetable_weekdays, fs.timetable_hour);
  if (next <= m.frame.horizon_h) m.eng.schedule_at(next, ev_timetable_departure, f);
}

void admit_through_horizon(model& m) {
  for (service_id f = 0; f < m.state.services.size(); ++f) {
    while (draw_next_arrival(m, f)) {
    }
    admit_arrivals(m, f, m.state.services[f].ahead_h.size());
  }
}

}  // namespace corridor::detail

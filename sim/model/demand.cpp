// Demand and train formation: containers arrive per OD flow (Poisson, thinned for seasonality, or evenly
// spaced) and wait at the origin; a block train leaves when full, when the oldest container has waited
// max_wait_h (on-demand), or at the flow's timetabled departures.
//
// Every container is simulated on its own (own arrival time, own transit), but arrivals do not go through
// the event set: each flow draws its arrival times ahead from its own stream into a small look-ahead, and
// the engine only sees the moments a train forms. The results are those of one event per arrival: the same
// draws in the same order, the same departure instants, and ties at equal times settled as the arrival
// events would have been (see admits_at_timetable and plan_formation).
#include <cmath>

#include "calendar.hpp"
#include "corridor_model.hpp"

namespace corridor::detail {

bool corridor_model::draw_next_arrival(std::uint32_t f) {
  flow_state& st = flows_[f];
  if (st.arrivals_done) return false;
  const flow_spec& fs = s_.flows[f];
  double t = st.drawn_through_h;
  st.arrivals_done = true;  // until a draw lands inside the horizon
  if (st.rate_max_per_h <= 0.0) return false;
  if (fs.arrivals == arrival_process::scheduled) {
    const double rate =
        fs.teu_per_week * fs.seasonality[static_cast<std::size_t>(month_of(t))] / hours_per_week;
    if (rate <= 0.0) return false;
    t += 1.0 / rate;
  } else {
    // Thinning: candidates at the peak rate, each kept with probability rate(t) / peak.
    for (;;) {
      t += -std::log(st.arrivals_rng.uniform01()) / st.rate_max_per_h;
      if (t > horizon_h_) return false;
      const double rate =
          fs.teu_per_week * fs.seasonality[static_cast<std::size_t>(month_of(t))] / hours_per_week;
      if (st.arrivals_rng.uniform01() * st.rate_max_per_h <= rate) break;
    }
  }
  if (t > horizon_h_) return false;
  st.arrivals_done = false;
  st.drawn_through_h = t;
  st.ahead_h.push_back(t);
  return true;
}

bool corridor_model::ensure_ahead(std::uint32_t f, std::size_t n) {
  while (flows_[f].ahead_h.size() < n) {
    if (!draw_next_arrival(f)) return false;
  }
  return true;
}

void corridor_model::admit_arrivals(std::uint32_t f, std::size_t n) {
  flow_state& st = flows_[f];
  for (std::size_t i = 0; i < n; ++i) {
    st.waiting_since_h.push_back(st.ahead_h.front());
    st.ahead_h.pop_front();
  }
  st.admitted += n;
  entered_ += static_cast<double>(n);
}

void corridor_model::admit_through_horizon() {
  for (std::uint32_t f = 0; f < flows_.size(); ++f) {
    while (draw_next_arrival(f)) {
    }
    admit_arrivals(f, flows_[f].ahead_h.size());
  }
}

// On-demand: the next train takes the oldest waiting container j and those after it, and forms when the
// capacity-th arrives or when j has waited max_wait_h, whichever comes first. With one event per arrival,
// j's arrival armed the timeout right after scheduling arrival j+1, so at a tie with the timeout arrival
// j+1 ran first and every later one ran after it; the look-ahead replays that order.
void corridor_model::plan_formation(std::uint32_t f) {
  flow_state& st = flows_[f];
  if (!ensure_ahead(f, 1)) return;
  const auto capacity = static_cast<std::size_t>(st.capacity_teu);
  const double first = st.ahead_h.front();
  const double due = std::max(first, first + s_.flows[f].max_wait_h);
  std::size_t n = 1;
  double at = first;
  if (capacity > 1) {
    at = due;
    for (; n < capacity && ensure_ahead(f, n + 1); ++n) {
      const double a = st.ahead_h[n];
      if (!(a < due || (a == due && n == 1))) break;
      if (n + 1 == capacity) at = a;  // full: leaves as the capacity-th container arrives
    }
  }
  st.batch_teu = n;
  if (at <= horizon_h_) eng_.schedule_at(at, ev_train_forms, f);
}

void corridor_model::on_train_forms(std::uint32_t f) {
  flow_state& st = flows_[f];
  const std::size_t n = st.batch_teu;
  admit_arrivals(f, n);
  depart_train(f, n);
  plan_formation(f);
}

// Timetable: arrival k at the departure's instant ran before it when arrival k was scheduled first, that is
// when arrival k-1 had run before the previous departure (or k is the first arrival, scheduled at the start
// before any departure).
bool corridor_model::admits_at_timetable(const flow_state& st, double arrival_h) const {
  if (arrival_h < eng_.now()) return true;
  if (arrival_h > eng_.now()) return false;
  return st.admitted == 0 || st.admitted - 1 < st.admitted_at_departure;
}

void corridor_model::on_timetable_departure(std::uint32_t f) {
  const flow_spec& fs = s_.flows[f];
  flow_state& st = flows_[f];
  while (ensure_ahead(f, 1) && admits_at_timetable(st, st.ahead_h.front())) admit_arrivals(f, 1);
  st.admitted_at_departure = st.admitted;
  const std::size_t n = std::min(st.waiting_since_h.size(), static_cast<std::size_t>(st.capacity_teu));
  if (n > 0) depart_train(f, n);
  const double next = next_weekly_time(eng_.now() + 1e-6, fs.timetable_weekdays, fs.timetable_hour);
  if (next <= horizon_h_) eng_.schedule_at(next, ev_timetable_departure, f);
}

void corridor_model::depart_train(std::uint32_t f, std::size_t teu) {
  flow_state& st = flows_[f];
  const auto id = static_cast<std::uint32_t>(trains_.size());
  train_state t;
  t.flow = f;
  t.container_entry_h.assign(st.waiting_since_h.begin(), st.waiting_since_h.begin() + static_cast<long>(teu));
  st.waiting_since_h.erase(st.waiting_since_h.begin(), st.waiting_since_h.begin() + static_cast<long>(teu));
  t.route = choose_route(f);
  const path& p = p_.path_sets[f][t.route];
  t.nodes = p.nodes;
  t.edges = p.edges;
  t.departed_h = eng_.now();
  t.plan_version = plan_version_;
  // When every route of the path set is closed, choose_route returns a closed one; re-plan on the open
  // network now, since leave_node only re-plans trains whose plan predates a change of the network.
  if (route_blocked(t)) replan(t);
  const node_spec& origin = s_.nodes[net_.props(t.nodes.front()).spec];
  t.cost.subsidy = -origin.subsidy_usd_per_teu;
  t.cost.handling = origin.handling_usd_per_teu;
  if (in_window()) {
    st.route_trains[t.route] += 1.0;
    st.route_teu[t.route] += static_cast<double>(teu);
    terminal_departures_[t.nodes.front()] += 1.0;
  }
  trains_.push_back(std::move(t));
  leave_node(id);
}

}  // namespace corridor::detail

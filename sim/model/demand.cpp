// Demand and train formation: containers arrive per OD flow (Poisson, thinned for seasonality, or evenly
// spaced) and wait at the origin; a block train leaves when full, when the oldest container has waited
// max_wait_h (on-demand), or at the flow's timetabled departures.
#include <cmath>

#include "calendar.hpp"
#include "corridor_model.hpp"

namespace corridor::detail {

void corridor_model::schedule_next_arrival(std::uint32_t f) {
  flow_state& st = flows_[f];
  const flow_spec& fs = s_.flows[f];
  if (st.rate_max_per_h <= 0.0) return;
  double t = eng_.now();
  if (fs.arrivals == arrival_process::scheduled) {
    const double rate =
        fs.teu_per_week * fs.seasonality[static_cast<std::size_t>(month_of(t))] / hours_per_week;
    if (rate <= 0.0) return;
    t += 1.0 / rate;
  } else {
    // Thinning: candidates at the peak rate, each kept with probability rate(t) / peak.
    for (;;) {
      t += -std::log(st.arrivals_rng.uniform01()) / st.rate_max_per_h;
      if (t > horizon_h_) return;
      const double rate =
          fs.teu_per_week * fs.seasonality[static_cast<std::size_t>(month_of(t))] / hours_per_week;
      if (st.arrivals_rng.uniform01() * st.rate_max_per_h <= rate) break;
    }
  }
  if (t <= horizon_h_) eng_.schedule_at(t, ev_container_arrives, f);
}

void corridor_model::on_container_arrives(std::uint32_t f) {
  flow_state& st = flows_[f];
  st.waiting_since_h.push_back(eng_.now());
  entered_ += 1.0;
  schedule_next_arrival(f);
  if (s_.flows[f].departures == departure_policy::timetable) return;
  if (st.waiting_since_h.size() >= static_cast<std::size_t>(st.capacity_teu)) {
    depart_train(f, static_cast<std::size_t>(st.capacity_teu));
  } else if (!st.timeout_pending) {
    arm_formation_timeout(f);
  }
}

void corridor_model::arm_formation_timeout(std::uint32_t f) {
  flow_state& st = flows_[f];
  if (st.timeout_pending) {
    eng_.cancel(st.timeout);
    st.timeout_pending = false;
  }
  if (st.waiting_since_h.empty()) return;
  const double due = std::max(eng_.now(), st.waiting_since_h.front() + s_.flows[f].max_wait_h);
  st.timeout = eng_.schedule_at(due, ev_formation_timeout, f);
  st.timeout_pending = true;
}

void corridor_model::on_formation_timeout(std::uint32_t f) {
  flow_state& st = flows_[f];
  st.timeout_pending = false;
  const std::size_t n = std::min(st.waiting_since_h.size(), static_cast<std::size_t>(st.capacity_teu));
  if (n > 0) depart_train(f, n);
}

void corridor_model::on_timetable_departure(std::uint32_t f) {
  const flow_spec& fs = s_.flows[f];
  flow_state& st = flows_[f];
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
  if (s_.flows[f].departures == departure_policy::on_demand) arm_formation_timeout(f);
  leave_node(id);
}

}  // namespace corridor::detail

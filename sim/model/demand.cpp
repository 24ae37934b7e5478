// Demand and train formation: containers arrive per service and wait at the origin; a block train leaves
// when full, when the oldest container has waited max_wait_h (on demand), or at the flow's timetable.
//
// Arrivals are Poisson with a rate that is known piecewise: a market service's rail rate is its demand times
// the share of shippers choosing rail, revised every few days (markets.cpp), times the month's seasonality.
// Each arrival is the point where the cumulative rate reaches the running sum of unit exponentials drawn from
// the service's own stream, so a variant with more rail demand draws the same numbers and gets its arrivals
// earlier, not different ones (common random numbers). A scheduled flow spaces arrivals evenly instead.
//
// Every container is simulated on its own (own arrival time, own transit), but arrivals do not go through
// the event set: each service draws its arrival times ahead into a small look-ahead, as far as the rate is
// known, and the engine only sees the moments a train forms. When a formation depends on arrivals beyond
// what is known, it waits for the next revision of the shares (plan_formation, revise_demand).
#include "demand.hpp"

#include <cmath>
#include <span>

#include "calendar.hpp"
#include "corridor/random.hpp"
#include "journey.hpp"
#include "routing.hpp"
#include "wagons.hpp"
#include "years.hpp"

namespace corridor::detail {
namespace {

enum class draw { drawn, pending, done };

// TEU per hour of rail arrivals in month `month` under the shares in force.
double rail_rate_per_h(const model& m, const service_state& st, service_id s, int month) {
  return st.rail_teu_per_h * (*m.facts.services[s].seasonality)[static_cast<std::size_t>(month)];
}

// Which cargo class the arrival is: demand entries in proportion to their rail rates (`cumulative`, their
// running sums, ending at `rate`).
std::uint16_t draw_class(rng_stream& rng, double rate, std::span<const double> cumulative) {
  if (cumulative.size() == 1) return 0;
  const double u = rng.uniform01() * rate;
  for (std::size_t j = 0; j < cumulative.size(); ++j) {
    if (u < cumulative[j]) return static_cast<std::uint16_t>(j);
  }
  return static_cast<std::uint16_t>(cumulative.size() - 1);
}

// A Poisson service's arrivals: each the point where the cumulative rate, integrated month by month up to
// what is known, reaches the running sum of unit exponentials, then its class. The cursor and the stream are
// copied into locals, so that a formation drawing arrival after arrival (plan_formation, up to a train's
// capacity) does not store and load them for every container; store() writes them back, before anything
// else may read them.
class poisson_cursor {
 public:
  poisson_cursor(const model& m, service_id s, service_state& st)
      : st_(st),
        rng_(st.arrivals_rng),
        month_(st.month),
        cursor_h_(st.cursor_h),
        cursor_teu_(st.cursor_teu),
        next_teu_(st.next_arrival_teu),
        next_drawn_(st.next_arrival_drawn),
        done_(st.arrivals_done),
        known_(std::min(st.known_until_h, m.frame.horizon_h)),
        horizon_(m.frame.horizon_h),
        base_rate_(st.rail_teu_per_h),
        seasonality_(m.facts.services[s].seasonality->data()),
        cumulative_(st.rail_cumulative) {}

  [[gnu::always_inline]] draw next() {
    if (done_) return draw::done;
    if (!next_drawn_) {
      next_teu_ = cursor_teu_ + sample_standard_exponential(rng_);
      next_drawn_ = true;
    }
    while (cursor_h_ < known_) {
      const month_span& month = locate_month(month_, cursor_h_);
      const double end = std::min(known_, month.next_start_h);
      const double rate = base_rate_ * seasonality_[static_cast<std::size_t>(month.month)];
      if (rate > 0.0 && cursor_teu_ + rate * (end - cursor_h_) >= next_teu_) {
        const double at = cursor_h_ + (next_teu_ - cursor_teu_) / rate;
        cursor_h_ = at;
        cursor_teu_ = next_teu_;
        next_drawn_ = false;
        st_.arrival_h.push_back(at);
        st_.arrival_class.push_back(draw_class(rng_, base_rate_, cumulative_));
        return draw::drawn;
      }
      cursor_teu_ += rate * (end - cursor_h_);
      cursor_h_ = end;
    }
    if (cursor_h_ < horizon_) return draw::pending;
    done_ = true;
    return draw::done;
  }

  void store() {
    st_.arrivals_rng = rng_;
    st_.month = month_;
    st_.cursor_h = cursor_h_;
    st_.cursor_teu = cursor_teu_;
    st_.next_arrival_teu = next_teu_;
    st_.next_arrival_drawn = next_drawn_;
    st_.arrivals_done = done_;
  }

 private:
  service_state& st_;
  rng_stream rng_;
  month_span month_;
  double cursor_h_, cursor_teu_, next_teu_;
  bool next_drawn_, done_;
  const double known_, horizon_, base_rate_;
  const double* seasonality_;
  const std::span<const double> cumulative_;
};

// A scheduled flow: evenly spaced at the month's rate.
draw next_scheduled_arrival(model& m, service_id s, double& at) {
  service_state& st = m.state.services[s];
  const double rate = rail_rate_per_h(m, st, s, locate_month(st.month, st.cursor_h).month);
  if (rate <= 0.0) return draw::done;
  at = st.cursor_h + 1.0 / rate;
  if (at > m.frame.horizon_h) return draw::done;
  st.cursor_h = at;
  return draw::drawn;
}

// The next arrival after the last one drawn, into the look-ahead.
draw draw_next_arrival(model& m, service_id s) {
  service_state& st = m.state.services[s];
  if (m.facts.services[s].arrivals != arrival_process::scheduled) {
    poisson_cursor cursor(m, s, st);
    const draw d = cursor.next();
    cursor.store();
    return d;
  }
  if (st.arrivals_done) return draw::done;
  double at = 0.0;
  const draw d = next_scheduled_arrival(m, s, at);
  if (d == draw::done) st.arrivals_done = true;
  if (d != draw::drawn) return d;
  st.arrival_h.push_back(at);
  st.arrival_class.push_back(draw_class(st.arrivals_rng, st.rail_teu_per_h, st.rail_cumulative));
  return d;
}

// At least n arrivals in the look-ahead, or the reason there are fewer.
draw ensure_ahead(model& m, service_id s, std::size_t n) {
  while (m.state.services[s].ahead() < n) {
    const draw d = draw_next_arrival(m, s);
    if (d != draw::drawn) return d;
  }
  return draw::drawn;
}

// The next n drawn arrivals reach the origin.
void admit_arrivals(model& m, service_id s, std::size_t n) {
  service_state& st = m.state.services[s];
  st.ahead_begin += n;
  st.admitted += n;
  m.tallies.entered += static_cast<double>(n);
  const std::span<const double> admitted(st.arrival_h.data() + st.ahead_begin - n, n);
  record_arrivals(m.tallies, m.facts.services[s], admitted, m.frame.warmup_h);
}

// On-demand: the next train takes the oldest waiting container j and those after it, and forms when the
// capacity-th arrives or when j has waited max_wait_h, whichever comes first. With one event per arrival,
// j's arrival armed the timeout right after scheduling arrival j+1, so at a tie with the timeout arrival
// j+1 ran first and every later one ran after it; the look-ahead replays that order. When the answer needs
// arrivals beyond what is known, the service waits for the next revision of the shares.
// `ensure(n)` answers as ensure_ahead(m, s, n) does, by whichever drawer the service's arrivals have.
template <class Ahead>
void plan_formation_with(model& m, service_id s, Ahead&& ensure) {
  service_state& st = m.state.services[s];
  st.awaiting_revision = false;
  const draw first_draw = ensure(1);
  if (first_draw != draw::drawn) {
    st.awaiting_revision = first_draw == draw::pending;
    return;
  }
  const auto capacity = static_cast<std::size_t>(m.facts.services[s].capacity_teu);
  const double first = st.arrival_h[st.ahead_begin];
  const double due = std::max(first, first + m.facts.services[s].max_wait_h);
  std::size_t n = 1;
  double at = first;
  if (capacity > 1) {
    at = due;
    for (; n < capacity; ++n) {
      const draw d = ensure(n + 1);
      if (d == draw::pending && due > st.known_until_h) {
        st.awaiting_revision = true;  // an arrival before `due` may still come
        return;
      }
      if (d != draw::drawn) break;
      const double a = st.arrival_h[st.ahead_begin + n];
      if (!(a < due || (a == due && n == 1))) break;
      if (n + 1 == capacity) at = a;  // full: leaves as the capacity-th container arrives
    }
  }
  st.batch_teu = n;
  if (at <= m.frame.horizon_h) m.eng.schedule_at(at, ev_train_forms, s);
}

void plan_formation(model& m, service_id s) {
  service_state& st = m.state.services[s];
  if (m.facts.services[s].arrivals == arrival_process::scheduled) {
    plan_formation_with(m, s, [&m, s](std::size_t n) { return ensure_ahead(m, s, n); });
    return;
  }
  // A Poisson service draws through a cursor in locals, written back before anything else reads it (the
  // formation's own reads are of the look-ahead arrays, which the cursor appends to in place).
  poisson_cursor cursor(m, s, st);
  plan_formation_with(
      m, s, [&st, &cursor ](std::size_t n) __attribute__((always_inline)) {
        while (st.ahead() < n) {
          const draw d = cursor.next();
          if (d != draw::drawn) return d;
        }
        return draw::drawn;
      });
  cursor.store();
}

// Timetable: arrival k at the departure's instant ran before it when arrival k was scheduled first, that is
// when arrival k-1 had run before the previous departure (or k is the first arrival, scheduled at the start
// before any departure).
bool admits_at_timetable(const model& m, const service_state& st, double arrival_h) {
  if (arrival_h < m.eng.now()) return true;
  if (arrival_h > m.eng.now()) return false;
  return st.admitted == 0 || st.admitted - 1 < st.admitted_at_departure;
}

// Drops the containers that left from the front of the service's array once they are at least half of it,
// so that each container is moved at most once more on average and the array stays as long as what waits.
void forget_departed(service_state& st) {
  const std::size_t gone = st.origin_begin;
  if (gone < 256 || 2 * gone < st.arrival_h.size()) return;
  const auto g = static_cast<long>(gone);
  st.arrival_h.erase(st.arrival_h.begin(), st.arrival_h.begin() + g);
  st.arrival_class.erase(st.arrival_class.begin(), st.arrival_class.begin() + g);
  st.origin_begin = 0;
  st.ahead_begin -= gone;
}

// The oldest `teu` waiting containers leave as one train on a route chosen now.
void depart_train(model& m, service_id s, std::size_t teu) {
  service_state& st = m.state.services[s];
  const train_id id = next_train_id(m);
  train_state t;
  t.service = s;
  t.priority = m.facts.services[s].priority;
  const auto first = static_cast<long>(st.origin_begin);
  const auto taken = static_cast<long>(teu);
  t.container_entry_h.assign(st.arrival_h.begin() + first, st.arrival_h.begin() + first + taken);
  t.container_class.assign(st.arrival_class.begin() + first, st.arrival_class.begin() + first + taken);
  st.origin_begin += teu;
  forget_departed(st);
  t.route = choose_route(m, s, t);
  const path& p = m.path_sets[s][t.route];
  t.nodes = p.nodes;
  t.edges = p.edges;
  t.plan_version = m.state.plan_version;
  // When every route of the path set is closed, choose_route returns a closed one; re-plan on the open
  // network now, since leave_node only re-plans trains whose plan predates a change of the network.
  if (route_blocked(m, t)) replan(m, t);
  const double hold_h = m.facts.has_plans ? book_route_plans(m, t) : 0.0;
  t.departed_h = m.eng.now() + hold_h;
  const node_spec& origin = node_spec_of(m, t.nodes.front());
  t.cost.subsidy = -origin.subsidy_usd_per_teu;
  t.cost.handling = origin.handling_usd_per_teu;
  if (in_window(m)) record_departure(m.tallies, t);
  store_train(m, id, std::move(t));
  if (m.facts.has_wagons && !take_wagons_at_origin(m, id)) return;  // it goes on once it has wagons
  if (hold_h > 0.0) {
    m.eng.schedule_in(hold_h, ev_plan_release, id);  // held at its origin until its booked day
    return;
  }
  leave_node(m, id);
}

}  // namespace

void update_rail_rates(model& m, service_id s) {
  const service_facts& sf = m.facts.services[s];
  service_state& st = m.state.services[s];
  st.rail_cumulative.resize(sf.demand.size());
  double rate = 0.0;  // summed in the order the rate and the class draw always summed it
  for (std::size_t j = 0; j < sf.demand.size(); ++j) {
    rate += sf.demand[j].teu_per_h * st.rail_share[j];
    st.rail_cumulative[j] = rate;
  }
  st.rail_teu_per_h = rate;
}

void start_demand(model& m) {
  for (service_id s = 0; s < m.state.services.size(); ++s) update_rail_rates(m, s);
  for (service_id s = 0; s < m.state.services.size(); ++s) {
    const service_facts& sf = m.facts.services[s];
    if (sf.departures == departure_policy::on_demand) plan_formation(m, s);
    if (sf.departures == departure_policy::timetable) {
      const flow_spec& fs = m.spec.flows[sf.flow];
      m.eng.schedule_at(next_weekly_time(0.0, fs.timetable_weekdays, fs.timetable_hour),
                        ev_timetable_departure, s);
    }
  }
}

void on_train_forms(model& m, service_id s) {
  const std::size_t n = m.state.services[s].batch_teu;
  admit_arrivals(m, s, n);
  depart_train(m, s, n);
  plan_formation(m, s);
}

void on_timetable_departure(model& m, service_id s) {
  const flow_spec& fs = m.spec.flows[m.facts.services[s].flow];
  service_state& st = m.state.services[s];
  while (ensure_ahead(m, s, 1) == draw::drawn && admits_at_timetable(m, st, st.arrival_h[st.ahead_begin]))
    admit_arrivals(m, s, 1);
  st.admitted_at_departure = st.admitted;
  const auto capacity = static_cast<std::size_t>(m.facts.services[s].capacity_teu);
  const std::size_t n = std::min(st.waiting(), capacity);
  if (n > 0) depart_train(m, s, n);
  const double next = next_weekly_time(m.eng.now() + after_now_h, fs.timetable_weekdays, fs.timetable_hour);
  if (next <= m.frame.horizon_h) m.eng.schedule_at(next, ev_timetable_departure, s);
}

void resume_formation(model& m, service_id s) {
  if (m.state.services[s].awaiting_revision) plan_formation(m, s);
}

void admit_through_horizon(model& m) {
  for (service_id s = 0; s < m.state.services.size(); ++s) {
    m.state.services[s].known_until_h = m.frame.horizon_h;
    while (draw_next_arrival(m, s) == draw::drawn) {
    }
    admit_arrivals(m, s, m.state.services[s].ahead());
  }
}

}  // namespace corridor::detail

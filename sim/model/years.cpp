// Multi-year runs: the calendar of years, the year-by-year conditions, the projects' openings and the
// results by year (years.hpp).
#include "years.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

#include "assemble.hpp"
#include "calendar.hpp"
#include "crossings.hpp"
#include "demand.hpp"
#include "journey.hpp"
#include "outcomes.hpp"
#include "ports.hpp"

namespace corridor::detail {
namespace {

constexpr double year_h = days_per_year * hours_per_day;
// A year closes before anything else at its last instant is counted in the next (the day tick that ends it
// runs first, by hand) and its conditions apply before the markets revise then.
constexpr std::int32_t priority_new_year = -2;

double factor(double growth, const std::vector<double>& by_year, double written, std::uint32_t year) {
  if (!by_year.empty()) return by_year[year] / written;
  return std::pow(1.0 + growth, static_cast<double>(year));
}

// Demand of the year in progress on every service, over the facts as last derived.
void apply_demand(model& m) {
  const year_book& b = *m.years;
  const scenario& s = b.written.spec;
  for (service_id sv = 0; sv < m.facts.services.size(); ++sv) {
    const service& svc = b.written.services[sv];
    double f = 1.0;
    if (svc.flow != no_index) {
      const flow_spec& fs = s.flows[svc.flow];
      f = factor(fs.growth_per_year, fs.teu_per_week_by_year, fs.teu_per_week, b.year);
    } else {
      const market_spec& ms = s.markets[svc.market];
      f = factor(ms.growth_per_year, ms.teu_per_year_by_year, ms.teu_per_year, b.year);
    }
    for (std::size_t j = 0; j < svc.demand.size(); ++j)
      m.facts.services[sv].demand[j].teu_per_h = svc.demand[j].teu_per_h * f;
  }
}

void apply_costs(model& m) {
  year_book& b = *m.years;
  for (std::size_t a = 0; a < b.own.spec.alternatives.size(); ++a) {
    const alternative_spec& written = b.written.spec.alternatives[a];
    const double f = factor(written.cost_growth_per_year, written.cost_scale_by_year, 1.0, b.year);
    for (std::size_t mo = 0; mo < written.cost_usd_per_teu.size(); ++mo)
      b.own.spec.alternatives[a].cost_usd_per_teu[mo] = written.cost_usd_per_teu[mo] * f;
  }
}

// Flows draw their arrivals only up to the year's end, where their demand may change.
void extend_flows(model& m) {
  const double until = year_end_h(m);
  for (service_id sv = 0; sv < m.state.services.size(); ++sv) {
    if (m.facts.services[sv].mode_choice) continue;
    m.state.services[sv].known_until_h = until;
    resume_formation(m, sv);
  }
}

bool kept_by_year(const std::string& name) {
  const auto starts = [&](std::string_view p) { return name.rfind(p, 0) == 0; };
  const auto ends = [&](std::string_view s) {
    return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  if (starts("metrics.") || starts("markets.") || starts("shares.") || starts("gateways.")) return true;
  if (starts("crossings.") || starts("ferries.") || starts("customs.") || starts("crossings_entering.") ||
      starts("crossings_leaving."))
    return ends(".trains") || ends(".teu") || ends(".mean_wait_h") || ends(".p95_wait_h");
  if (starts("edges.")) return ends(".teu");
  return false;
}

// The main metrics of a year's result (its window is the year): every headline metric, the TEU and trains
// delivered in the year, and per market, share, gateway, crossing, ferry and edge what matters most.
year_result year_of(const run_result& r, int year) {
  year_result y;
  y.year = year;
  y.metrics.emplace_back("metrics.teu_delivered", r.throughput_teu_per_day * r.window_days);
  y.metrics.emplace_back("metrics.trains_delivered", r.throughput_trains_per_day * r.window_days);
  for (auto& [name, value] : r.flatten()) {
    if (kept_by_year(name)) y.metrics.emplace_back(std::move(name), value);
  }
  return y;
}

template <class T>
void keep(T& fresh, T& old) {
  fresh = std::move(old);
}

// The tallies of the year that begins: the blank ones, with the whole run's container counts and the queues'
// state carried over; their windows open now.
void restart_tallies(model& m) {
  run_tallies& old = m.tallies;
  run_tallies next = m.years->blank;
  next.entered = old.entered;
  next.delivered = old.delivered;
  next.day_teu = old.day_teu;
  next.day_trains = old.day_trains;
  keep(next.crossing_queues, old.crossing_queues);
  keep(next.customs_queues, old.customs_queues);
  keep(next.crossing_way_queues, old.crossing_way_queues);
  keep(next.ferry_queues, old.ferry_queues);
  for (std::size_t v = 0; v < next.ports.size(); ++v) {
    keep(next.ports[v].berths, old.ports[v].berths);
    keep(next.ports[v].gate, old.ports[v].gate);
    keep(next.ports[v].yard, old.ports[v].yard);
  }
  for (std::size_t k = 0; k < next.wagon_pools.size(); ++k) {
    keep(next.wagon_pools[k].trains, old.wagon_pools[k].trains);
    keep(next.wagon_pools[k].at_home, old.wagon_pools[k].at_home);
  }
  for (std::size_t v = 0; v < next.reblocks.size(); ++v)
    keep(next.reblocks[v].buffer, old.reblocks[v].buffer);
  m.tallies = std::move(next);
  on_warmup_end(m);  // every queue's window restarts now
}

// Trains delivered give back their routes and containers, and their slots to the trains that leave next, so
// a run holds about a year's trains whatever its horizon.
void release_delivered(model& m) {
  year_book& b = *m.years;
  b.is_free.resize(m.state.trains.size(), false);
  for (std::size_t id = 0; id < m.state.trains.size(); ++id) {
    train_state& t = m.state.trains[id];
    if (!t.delivered || b.is_free[id]) continue;
    t = train_state{};
    t.delivered = true;
    b.is_free[id] = true;
    b.free_ids.push_back(static_cast<train_id>(id));
  }
  std::sort(b.free_ids.begin(), b.free_ids.end(), std::greater<>());  // the lowest slots are taken first
}

}  // namespace

year_book::year_book(prepared_scenario& o, const prepared_scenario& w, const model& m)
    : own(o), written(w), blank(m.tallies) {}

void store_train(model& m, train_id id, train_state&& t) {
  if (id == m.state.trains.size()) {
    m.state.trains.push_back(std::move(t));
    return;
  }
  year_book& b = *m.years;
  b.free_ids.pop_back();
  b.is_free[id] = false;
  m.state.trains[id] = std::move(t);
}

double year_end_h(const model& m) {
  if (m.years == nullptr) return m.frame.horizon_h;
  return std::min(m.frame.horizon_h, (m.years->year + 1) * year_h);
}

void start_years(model& m) {
  const scenario& s = m.spec;
  for (std::uint32_t y = 1; y < static_cast<std::uint32_t>(s.year_count()); ++y)
    m.eng.schedule_at(y * year_h, ev_new_year, y, 0, priority_new_year);
  for (std::uint32_t p = 0; p < s.projects.size(); ++p)
    m.eng.schedule_at(s.projects[p].opens_day * hours_per_day, ev_opening, p, 0, priority_new_year);
  // Elements not yet open: closed from the start to their opening, an end the trains know.
  const auto close_until = [&m](const std::string& id, double opens_day) {
    if (opens_day <= 0.0) return;
    disruption_spec d;
    d.id = "opens:" + id;
    d.target = id;
    d.from_day = 0.0;
    d.to_day = opens_day;
    d.capacity_factor = 0.0;
    d.cause = "not yet open";
    m.disruptions.push_back(std::move(d));
    m.disruption_origin.push_back(no_index);  // not a disruption of the scenario's: never reported
  };
  for (const node_spec& n : s.nodes) close_until(n.id, n.opens_day);
  for (const edge_spec& e : s.edges) close_until(e.id, e.opens_day);
  m.state.disruptions.resize(m.disruptions.size());
  extend_flows(m);
}

void on_new_year(model& m, std::uint32_t year) {
  year_book& b = *m.years;
  const double now = m.eng.now();
  // The year's last day, as its tick at this instant would close it (that tick then finds an empty day
  // outside the new window and records nothing).
  on_day_tick(m);
  const run_frame frame = m.frame;
  m.frame.horizon_h = now;
  close_queues(m);
  run_result r = assemble_result(m);
  m.frame = frame;
  b.closed.push_back(year_of(r, m.spec.first_year + static_cast<int>(b.year)));
  m.frame.warmup_h = std::max(m.frame.warmup_h, now);
  restart_tallies(m);
  release_delivered(m);
  b.year = year;
  apply_demand(m);
  apply_costs(m);
  extend_flows(m);
}

void on_opening(model& m, std::uint32_t project) {
  year_book& b = *m.years;
  const project_spec& p = m.spec.projects[project];
  for (const node_spec& n : p.nodes) {
    for (node_spec& target : b.own.spec.nodes) {
      if (target.id == n.id) target = n;
    }
  }
  for (const edge_spec& e : p.edges) {
    for (edge_spec& target : b.own.spec.edges) {
      if (target.id == e.id) target = e;
    }
  }
  // Speeds and tariffs are the graph's: built again in place (a copy would keep edge handles into the
  // temporary's graph), where the model's reference still finds it.
  std::destroy_at(&b.own.net);
  std::construct_at(&b.own.net, b.own.spec);
  m.facts = make_facts(b.own);
  apply_demand(m);
  ++m.state.plan_version;
  for (const node_spec& n : p.nodes) {
    const vertex_t v = m.net.node(n.id);
    if (m.facts.nodes[v].is_crossing) try_start_service(m, v);  // tracks added serve the queue now
  }
}

void finish_years(const model& m, run_result& r) {
  r.years = m.years->closed;
  r.years.push_back(year_of(r, m.spec.first_year + static_cast<int>(m.years->year)));
}

}  // namespace corridor::detail

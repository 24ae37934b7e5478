// Rolling stock: wagon pools at their homes, trains waiting for wagons, and empty trains going home.
//
// A pool's wagons are always in one of two places: out (on a loaded train, or on an empty train going home)
// or at a home (ready, or in turnaround). Every change goes through set_counts, which checks that the two add
// up to the pool's size and records both over time: the tallies measure them apart, so that the check can be
// made again on the window's integrals (tests/model/wagons_test.cpp).
//
// Where the wagons go: released wagons go to the home of the pool with the greatest deficit, the wagons it
// started with plus those its waiting trains need, less those ready, in turnaround or on their way there (a
// base stock each home is brought back to); ties go to the nearer, then to the first listed. Released at a
// home, that home is the nearest: the wagons stay there (turnaround) unless another home is further below its
// stock, and then leave empty for it. Elsewhere they always leave as an empty train, at once. Its path is the
// fastest over lines of the pool's gauge (nominal hours), found once per node and home.
#include "wagons.hpp"

#include <fmt/format.h>
#include <cmath>
#include <limits>

#include "crossings.hpp"
#include "journey.hpp"
#include "years.hpp"

namespace corridor::detail {
namespace {

constexpr std::uint32_t no_home = 0xffffffffU;
// Route choice sees the recent waits for wagons at a home: each served train moves the mean this far to its
// own wait (a smoothing over the last few trains, as shippers hear of waits at a border).
constexpr double recent_weight = 0.2;

int wagons_for(double teu) {
  return static_cast<int>(std::ceil(teu / teu_per_wagon));
}

int gauge_of(const model& m, edge_id e) {
  return m.net.props(e).gauge_mm;  // 0 on a ferry leg
}

std::uint32_t home_at(const model& m, vertex_t v, int gauge) {
  for (std::uint32_t h : m.facts.wagon_homes_at[v]) {
    if (m.facts.wagon_homes[h].gauge_mm == gauge) return h;
  }
  return no_home;
}

std::uint32_t pool_home_at(const model& m, std::uint32_t pool, vertex_t v) {
  for (std::uint32_t h : m.facts.wagon_homes_at[v]) {
    if (m.facts.wagon_homes[h].pool == pool) return h;
  }
  return no_home;
}

// The pool split evenly among its homes, the first ones taking the remainder.
int starting_stock(const wagon_pool_spec& w, std::uint32_t home) {
  const auto homes = static_cast<std::uint32_t>(w.home.size());
  const auto size = static_cast<std::uint32_t>(w.size_wagons);
  return static_cast<int>(size / homes + (home < size % homes ? 1 : 0));
}

wagon_home_state& home_state(model& m, std::uint32_t h) {
  const wagon_home_facts& f = m.facts.wagon_homes[h];
  return m.state.wagon_pools[f.pool].homes[f.home];
}

const wagon_pool_spec& pool_spec(const model& m, std::uint32_t pool) {
  return m.spec.wagon_pools[pool];
}

// Records the pool's wagons out and at home, and the trains waiting at its homes; out + home = size always.
void set_counts(model& m, std::uint32_t pool) {
  const wagon_pool_state& ps = m.state.wagon_pools[pool];
  int at_home = 0;
  std::size_t waiting = 0;
  for (const wagon_home_state& h : ps.homes) {
    at_home += h.available + h.turnaround;
    waiting += h.waiting.size();
  }
  const int size = pool_spec(m, pool).size_wagons;
  if (at_home + ps.out != size || ps.out < 0) {
    throw model_error(fmt::format("wagon pool '{}': {} wagons out and {} at home make {}, not its size {}",
                                  pool_spec(m, pool).id, ps.out, at_home, ps.out + at_home, size));
  }
  const double now = m.eng.now();
  wagon_pool_tally& t = m.tallies.wagon_pools[pool];
  t.trains.set_busy(now, ps.out);
  t.trains.set_waiting(now, static_cast<double>(waiting));
  t.at_home.set(now, at_home);
}

// A train that has its wagons goes on: from its origin (after any hold for a daily plan), or into the
// crossing where it took them.
void go_on(model& m, train_id id) {
  train_state& t = m.state.trains[id];
  if (t.pos > 0) {
    join_crossing(m, t.nodes[t.pos], id);
    return;
  }
  const double now = m.eng.now();
  if (t.departed_h > now) {
    m.eng.schedule_at(t.departed_h, ev_plan_release, id);
    return;
  }
  t.departed_h = now;  // its journey starts when it has wagons
  leave_node(m, id);
}

// Serves the trains waiting at home h, first to last, while the wagons ready there suffice for the first.
void serve(model& m, std::uint32_t h) {
  const std::uint32_t pool = m.facts.wagon_homes[h].pool;
  const double now = m.eng.now();
  wagon_pool_tally& tally = m.tallies.wagon_pools[pool];
  while (true) {
    wagon_home_state& hs = home_state(m, h);
    if (hs.waiting.empty()) return;
    const train_id id = hs.waiting.front();
    train_state& t = m.state.trains[id];
    const int n = wagons_for(t.teu());
    if (hs.available < n) return;
    hs.waiting.pop_front();
    hs.needed -= n;
    hs.available -= n;
    const double wait = now - t.queued_since_h;
    hs.recent_wait_h += recent_weight * (wait - hs.recent_wait_h);
    tally.trains.leave(now, t.queued_since_h);
    t.wagon_pool = pool;
    t.wagons = static_cast<std::uint32_t>(n);
    m.state.wagon_pools[pool].out += n;
    set_counts(m, pool);
    go_on(m, id);
  }
}

// The train asks home h for its wagons: it joins the home's queue, and goes on at once if they are there.
void request(model& m, std::uint32_t h, train_id id) {
  const std::uint32_t pool = m.facts.wagon_homes[h].pool;
  wagon_home_state& hs = home_state(m, h);
  train_state& t = m.state.trains[id];
  t.queued_since_h = m.eng.now();
  enqueue_by_priority(hs.waiting, id, m.state.trains);
  hs.needed += wagons_for(t.teu());
  wagon_pool_tally& tally = m.tallies.wagon_pools[pool];
  tally.trains.arrival();
  set_counts(m, pool);
  serve(m, h);
  if (m.state.trains[id].wagons == 0 && in_window(m)) tally.waited += 1.0;
}

// Wagons reach home h (an empty train, or a loaded train ending there): ready after the turnaround.
void to_turnaround(model& m, std::uint32_t h, int n) {
  const std::uint32_t pool = m.facts.wagon_homes[h].pool;
  home_state(m, h).turnaround += n;
  m.state.wagon_pools[pool].out -= n;
  set_counts(m, pool);
  m.eng.schedule_in(pool_spec(m, pool).turnaround_h, ev_wagons_ready, h, static_cast<std::uint32_t>(n));
}

// The fastest path over lines of the pool's gauge from v to home h, found once; empty when there is none.
const path& empty_path(model& m, std::uint32_t h, vertex_t v) {
  wagon_home_state& hs = home_state(m, h);
  if (hs.paths.empty()) {
    hs.paths.resize(m.net.num_nodes());
    hs.path_known.assign(m.net.num_nodes(), false);
  }
  if (!hs.path_known[v]) {
    hs.path_known[v] = true;
    const wagon_pool_facts& pf = m.facts.wagon_pools[m.facts.wagon_homes[h].pool];
    if (auto p = shortest_path(m.net, v, m.facts.wagon_homes[h].node, pf.empty_weights)) hs.paths[v] = *p;
  }
  return hs.paths[v];
}

// The home wagons released at v go to (see the top of this file); no_home when none can be reached.
std::uint32_t choose_home(model& m, std::uint32_t pool, vertex_t v) {
  std::uint32_t best = no_home;
  int best_deficit = 0;
  double best_h = std::numeric_limits<double>::infinity();
  for (std::uint32_t h : m.facts.wagon_pools[pool].homes) {
    const bool here = m.facts.wagon_homes[h].node == v;
    static const path none;  // the home where the wagons are needs no path
    const path& p = here ? none : empty_path(m, h, v);
    if (!here && p.edges.empty()) continue;
    const wagon_home_state& hs = home_state(m, h);
    const int deficit = m.facts.wagon_homes[h].stock + hs.needed - hs.available - hs.turnaround - hs.inbound;
    const double hours = here ? 0.0 : p.cost;
    if (best == no_home || deficit > best_deficit || (deficit == best_deficit && hours < best_h)) {
      best = h;
      best_deficit = deficit;
      best_h = hours;
    }
  }
  return best;
}

// Wagons released at v go back as an empty train of their own to home h.
void send_empty(model& m, std::uint32_t pool, vertex_t v, std::uint32_t h, int n) {
  const path& p = empty_path(m, h, v);
  train_state e;
  e.empty = true;
  e.wagon_pool = pool;
  e.wagons = static_cast<std::uint32_t>(n);
  e.nodes = p.nodes;
  e.edges = p.edges;
  e.departed_h = m.eng.now();
  e.plan_version = m.state.plan_version;
  home_state(m, h).inbound += n;
  if (in_window(m)) {
    wagon_pool_tally& tally = m.tallies.wagon_pools[pool];
    tally.empty_trains += 1.0;
    for (edge_id edge : p.edges) tally.empty_train_km += m.net.props(edge).distance_km;
  }
  const train_id id = next_train_id(m);
  store_train(m, id, std::move(e));
  leave_node(m, id);
}

}  // namespace

void add_wagon_facts(const prepared_scenario& p, model_facts& facts) {
  const scenario& s = p.spec;
  const network& net = p.net;
  facts.has_wagons = !s.wagon_pools.empty();
  if (!facts.has_wagons) return;
  facts.wagon_homes_at.assign(net.num_nodes(), {});
  for (std::uint32_t k = 0; k < s.wagon_pools.size(); ++k) {
    const wagon_pool_spec& w = s.wagon_pools[k];
    wagon_pool_facts pf;
    for (std::uint32_t i = 0; i < w.home.size(); ++i) {
      const auto h = static_cast<std::uint32_t>(facts.wagon_homes.size());
      const vertex_t v = net.node(w.home[i]);
      facts.wagon_homes.push_back(
          {.pool = k, .home = i, .node = v, .gauge_mm = w.gauge_mm, .stock = starting_stock(w, i)});
      facts.wagon_homes_at[v].push_back(h);
      pf.homes.push_back(h);
    }
    pf.empty_weights.node_cost.assign(net.num_nodes(), 0.0);
    pf.empty_weights.edge_cost.assign(net.num_edges(), std::numeric_limits<double>::infinity());
    for (edge_id e = 0; e < net.num_edges(); ++e) {
      const edge_props& ep = net.props(e);
      if (ep.mode == edge_mode::rail && ep.gauge_mm == w.gauge_mm)
        pf.empty_weights.edge_cost[e] = ep.travel_days() * hours_per_day;
    }
    facts.wagon_pools.push_back(std::move(pf));
  }
}

void start_wagons(model& m) {
  if (!m.facts.has_wagons) return;
  m.state.wagon_pools.resize(m.spec.wagon_pools.size());
  m.tallies.wagon_pools.resize(m.spec.wagon_pools.size());
  for (std::uint32_t k = 0; k < m.spec.wagon_pools.size(); ++k) {
    const wagon_pool_spec& w = m.spec.wagon_pools[k];
    wagon_pool_state& ps = m.state.wagon_pools[k];
    ps.homes.resize(w.home.size());
    for (std::uint32_t i = 0; i < w.home.size(); ++i) ps.homes[i].available = starting_stock(w, i);
    set_counts(m, k);
  }
}

bool take_wagons_at_origin(model& m, train_id id) {
  const train_state& t = m.state.trains[id];
  const std::uint32_t h = home_at(m, t.nodes.front(), gauge_of(m, t.edges.front()));
  if (h == no_home) return true;
  request(m, h, id);
  return false;
}

void wagons_at_crossing(model& m, vertex_t v, train_id id) {
  const train_state& t = m.state.trains[id];
  const int in = gauge_of(m, t.edges[t.pos - 1]), out = gauge_of(m, t.edges[t.pos]);
  if (in == out || in == 0 || out == 0) {
    join_crossing(m, v, id);
    return;
  }
  if (t.wagons > 0) release_wagons(m, id, v);
  take_wagons_at_crossing(m, v, id);
}

void take_wagons_at_crossing(model& m, vertex_t v, train_id id) {
  const train_state& t = m.state.trains[id];
  const std::uint32_t h = home_at(m, v, gauge_of(m, t.edges[t.pos]));
  if (h == no_home) {
    join_crossing(m, v, id);
    return;
  }
  request(m, h, id);
}

void release_wagons(model& m, train_id id, vertex_t v) {
  train_state& t = m.state.trains[id];
  const std::uint32_t pool = t.wagon_pool;
  const auto n = static_cast<int>(t.wagons);
  t.wagons = 0;
  const std::uint32_t h = choose_home(m, pool, v);
  if (h == no_home) {
    throw model_error(fmt::format("wagon pool '{}': no {} mm line leads from '{}' back to any of its homes",
                                  pool_spec(m, pool).id, pool_spec(m, pool).gauge_mm, m.net.props(v).id));
  }
  if (m.facts.wagon_homes[h].node == v) {
    to_turnaround(m, h, n);
    return;
  }
  send_empty(m, pool, v, h, n);
}

void on_empty_at_node(model& m, train_id id) {
  train_state& t = m.state.trains[id];
  const vertex_t v = t.nodes[t.pos];
  if (t.pos + 1 == t.nodes.size()) {
    const std::uint32_t pool = t.wagon_pool;
    const std::uint32_t h = pool_home_at(m, pool, v);
    const auto n = static_cast<int>(t.wagons);
    home_state(m, h).inbound -= n;
    if (in_window(m)) {
      wagon_pool_tally& tally = m.tallies.wagon_pools[pool];
      tally.empty_arrivals += 1.0;
      tally.empty_trip_h += m.eng.now() - t.departed_h;
    }
    t.wagons = 0;
    t.delivered = true;
    std::vector<vertex_t>().swap(t.nodes);  // as a delivered train's route (deliver, outcomes.cpp)
    std::vector<edge_id>().swap(t.edges);
    to_turnaround(m, h, n);
    return;
  }
  if (m.facts.nodes[v].is_crossing) {
    join_crossing(m, v, id);
    return;
  }
  if (m.state.nodes[v].capacity_factor <= 0.0) {  // a closed junction holds it until it reopens
    m.state.nodes[v].held.push_back(id);
    return;
  }
  leave_node(m, id);
}

void on_wagons_ready(model& m, std::uint32_t h, std::uint32_t wagons) {
  wagon_home_state& hs = home_state(m, h);
  hs.turnaround -= static_cast<int>(wagons);
  hs.available += static_cast<int>(wagons);
  set_counts(m, m.facts.wagon_homes[h].pool);
  serve(m, h);
}

bool gauge_changes(const network& net, edge_id in, edge_id out) {
  const int g_in = net.props(in).gauge_mm, g_out = net.props(out).gauge_mm;  // 0 on a ferry leg
  return g_in != g_out && g_in != 0 && g_out != 0;
}

std::uint32_t gauge_change_home(const model_facts& facts, const network& net, vertex_t v, edge_id in,
                                edge_id out) {
  if (!facts.has_wagons || !gauge_changes(net, in, out)) return no_wagon_home;
  const int g_out = net.props(out).gauge_mm;
  for (std::uint32_t h : facts.wagon_homes_at[v]) {
    if (facts.wagon_homes[h].gauge_mm == g_out) return h;
  }
  return no_wagon_home;
}

double home_wagon_wait_h(const model& m, std::uint32_t h) {
  const wagon_home_facts& f = m.facts.wagon_homes[h];
  const wagon_home_state& hs = m.state.wagon_pools[f.pool].homes[f.home];
  return hs.waiting.empty() && hs.available > 0 ? 0.0 : hs.recent_wait_h;
}

double expected_wagon_wait_h(const model& m, vertex_t v, edge_id in, edge_id out) {
  const std::uint32_t h = gauge_change_home(m.facts, m.net, v, in, out);
  return h == no_wagon_home ? 0.0 : home_wagon_wait_h(m, h);
}

void add_wagon_days(model& m, daily_row& row) {
  const double now = m.eng.now();
  for (std::uint32_t k = 0; k < m.tallies.wagon_pools.size(); ++k) {
    const wagon_pool_state& ps = m.state.wagon_pools[k];
    const queue_day d = m.tallies.wagon_pools[k].trains.close_day(now);
    double home = 0.0, waiting = 0.0;
    for (const wagon_home_state& h : ps.homes) {
      home += h.available + h.turnaround;
      waiting += static_cast<double>(h.waiting.size());
    }
    const double size = pool_spec(m, k).size_wagons;
    row.wagons_home.push_back(home);
    row.wagons_out.push_back(ps.out);
    row.wagon_utilization.push_back(size > 0.0 ? d.mean_busy / size : 0.0);
    row.trains_waiting_wagons.push_back(waiting);
    row.mean_trains_waiting_wagons.push_back(d.mean_waiting);
  }
}

void reset_wagon_tallies(model& m) {
  const double now = m.eng.now();
  for (wagon_pool_tally& t : m.tallies.wagon_pools) {
    t.trains.reset(now);
    t.at_home.reset(now);
    t.waited = 0.0;
    t.empty_trains = t.empty_train_km = t.empty_arrivals = t.empty_trip_h = 0.0;
  }
}

void close_wagon_tallies(model& m) {
  const double end = m.frame.horizon_h;
  for (std::uint32_t k = 0; k < m.tallies.wagon_pools.size(); ++k) {
    wagon_pool_tally& t = m.tallies.wagon_pools[k];
    for (const wagon_home_state& hs : m.state.wagon_pools[k].homes) {
      for (train_id id : hs.waiting) t.trains.still_waiting(end, m.state.trains[id].queued_since_h);
    }
    t.trains.finish(end);
    t.at_home.set(end, t.at_home.current());
  }
}

}  // namespace corridor::detail

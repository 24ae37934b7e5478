// Re-blocking at a gauge change: buffers per crossing, flow and route; trains formed from them when full or
// at the hold limit.
//
// A buffer groups the containers of one flow that came the same way and go on the same way: a train formed
// from it takes the flow, the route, the priority and the share region's flag over unchanged, so every
// count by flow, route, region and gateway stays what it would be, and each container keeps its own entry
// time, cargo class and costs (the new train's costs per TEU are the mean of its containers'). The buffer is
// a queue of containers whose waits are their holds: queue_stats makes Little's law exact on it over the
// window (tests/model/reblock_test.cpp).
//
// Timers: when a container becomes the oldest in its buffer, one ev_reblock_due is armed for it at its
// unloading plus the crossing's reblock_max_hold_h, carrying its seq; a timer whose container has left by
// then finds another at the front and does nothing. A full train leaves at once, as the container that
// fills it is unloaded, so a buffer always holds less than a train between events.
#include "reblock.hpp"

#include <algorithm>
#include <limits>

#include "crossings.hpp"
#include "wagons.hpp"
#include "years.hpp"

namespace corridor::detail {
namespace {

// Route choice sees the recent holds at a crossing: each formed train moves the mean this far to its
// containers' mean hold (as wagons.cpp smooths the waits for wagons).
constexpr double recent_weight = 0.2;

// The buffer at v of the train's flow and route, made when the first such train arrives.
std::uint32_t group_for(model& m, vertex_t v, const train_state& t) {
  reblock_node_state& ns = m.state.reblock_nodes[v];
  for (std::uint32_t g : ns.groups) {
    const reblock_group& rg = m.state.reblock_groups[g];
    if (rg.service == t.service && rg.pos == t.pos && rg.edges == t.edges) return g;
  }
  reblock_group rg;
  rg.node = v;
  rg.service = t.service;
  rg.route = t.route;
  rg.nodes = t.nodes;
  rg.edges = t.edges;
  rg.pos = t.pos;
  rg.priority = t.priority;
  rg.via_share_region = t.via_share_region;
  rg.way = crossing_way(m, t.nodes[t.pos - 1], v);
  const double teu = m.facts.nodes[v].reblock_teu[static_cast<std::size_t>(rg.way)];
  rg.capacity_teu = static_cast<std::size_t>(teu > 0.0 ? teu : m.facts.services[t.service].capacity_teu);
  const auto g = static_cast<std::uint32_t>(m.state.reblock_groups.size());
  m.state.reblock_groups.push_back(std::move(rg));
  ns.groups.push_back(g);
  return g;
}

cost_breakdown mean_cost(const cost_breakdown& sum, double n) {
  return {.haulage = sum.haulage / n,
          .crossing_fees = sum.crossing_fees / n,
          .handling = sum.handling / n,
          .ferry = sum.ferry / n,
          .subsidy = sum.subsidy / n,
          .time = sum.time / n};
}

void add_cost(cost_breakdown& sum, const cost_breakdown& c) {
  sum.haulage += c.haulage;
  sum.crossing_fees += c.crossing_fees;
  sum.handling += c.handling;
  sum.ferry += c.ferry;
  sum.subsidy += c.subsidy;
  sum.time += c.time;
}

// Arms the hold timer of the buffer's oldest container, unless one is pending for it already.
void arm(model& m, std::uint32_t g) {
  reblock_group& rg = m.state.reblock_groups[g];
  if (rg.held.empty()) return;
  const held_container& oldest = rg.held.front();
  if (rg.timer_armed && rg.timer_for == oldest.seq) return;
  const double due = oldest.since_h + m.facts.nodes[rg.node].reblock_max_hold_h;
  rg.timer_for = oldest.seq;
  rg.timer_armed = due <= m.frame.horizon_h;
  if (rg.timer_armed) m.eng.schedule_at(due, ev_reblock_due, g, oldest.seq);
}

// The buffer's oldest n containers leave as a new train on the buffer's route, into the crossing's queue
// (after taking wagons of the new gauge where the crossing keeps a pool of it).
void form(model& m, std::uint32_t g, std::size_t n, bool partial) {
  reblock_group& rg = m.state.reblock_groups[g];
  const vertex_t v = rg.node;
  const double now = m.eng.now();
  train_state t;
  t.service = rg.service;
  t.route = rg.route;
  t.nodes = rg.nodes;
  t.edges = rg.edges;
  t.pos = rg.pos;
  t.priority = rg.priority;
  t.via_share_region = rg.via_share_region;
  t.plan_version = rg.plan_version;
  t.container_entry_h.reserve(n);
  t.container_class.reserve(n);
  queue_stats& q = m.tallies.reblocks[v].buffer;
  cost_breakdown cost;
  double departed = std::numeric_limits<double>::infinity(), hold_sum = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    const held_container& c = rg.held.front();
    t.container_entry_h.push_back(c.entry_h);
    t.container_class.push_back(c.cargo);
    departed = std::min(departed, c.departed_h);
    add_cost(cost, c.cost);
    hold_sum += now - c.since_h;
    q.leave(now, c.since_h);
    rg.held.pop_front();
  }
  const auto teu = static_cast<double>(n);
  t.cost = mean_cost(cost, teu);
  t.departed_h = departed;  // the train's transit runs from its first container's first train
  reblock_node_state& ns = m.state.reblock_nodes[v];
  ns.held -= n;
  q.set_waiting(now, static_cast<double>(ns.held));
  double& recent = ns.recent_hold_h[static_cast<std::size_t>(rg.way)];
  recent += recent_weight * (hold_sum / teu - recent);
  if (in_window(m)) {
    reblock_tally& tally = m.tallies.reblocks[v];
    tally.trains_out += 1.0;
    tally.teu_out += teu;
    if (partial) tally.partial += 1.0;
  }
  const train_id id = next_train_id(m);
  store_train(m, id, std::move(t));
  if (m.facts.has_wagons) {
    take_wagons_at_crossing(m, v, id);
    return;
  }
  join_crossing(m, v, id);
}

}  // namespace

bool reblocks_at(const model& m, vertex_t v, const train_state& t) {
  return m.facts.nodes[v].reblock && t.pos > 0 && t.pos < t.edges.size() &&
         gauge_changes(m.net, t.edges[t.pos - 1], t.edges[t.pos]);
}

void unload_for_reblock(model& m, vertex_t v, train_id id) {
  if (m.state.trains[id].wagons > 0) release_wagons(m, id, v);  // may add an empty train: look t up after
  train_state& t = m.state.trains[id];
  const std::uint32_t g = group_for(m, v, t);
  reblock_group& rg = m.state.reblock_groups[g];
  const double now = m.eng.now();
  const std::size_t n = t.container_entry_h.size();
  for (std::size_t i = 0; i < n; ++i) {
    rg.held.push_back({.entry_h = t.container_entry_h[i],
                       .since_h = now,
                       .departed_h = t.departed_h,
                       .seq = rg.unloaded++,
                       .cargo = t.container_class[i],
                       .cost = t.cost});
  }
  rg.plan_version = t.plan_version;
  reblock_node_state& ns = m.state.reblock_nodes[v];
  ns.held += n;
  reblock_tally& tally = m.tallies.reblocks[v];
  for (std::size_t i = 0; i < n; ++i) tally.buffer.arrival();
  tally.buffer.set_waiting(now, static_cast<double>(ns.held));
  if (in_window(m)) {
    tally.trains_in += 1.0;
    tally.teu_in += static_cast<double>(n);
  }
  // The train ends here: its containers are in the buffer now.
  std::vector<double>().swap(t.container_entry_h);
  std::vector<std::uint16_t>().swap(t.container_class);
  t.delivered = true;
  const std::size_t capacity = rg.capacity_teu;
  while (m.state.reblock_groups[g].held.size() >= capacity) form(m, g, capacity, false);
  arm(m, g);
}

void on_reblock_due(model& m, std::uint32_t g, std::uint32_t seq) {
  reblock_group& rg = m.state.reblock_groups[g];
  if (!rg.timer_armed || rg.timer_for != seq) return;  // a timer for a container that has left
  rg.timer_armed = false;
  if (rg.held.empty() || rg.held.front().seq != seq) {
    arm(m, g);
    return;
  }
  form(m, g, std::min(rg.held.size(), rg.capacity_teu), true);
  arm(m, g);
}

double expected_reblock_hold_h(const model& m, vertex_t v, vertex_t from, edge_id in, edge_id out) {
  if (!m.facts.nodes[v].reblock || !gauge_changes(m.net, in, out)) return 0.0;
  return m.state.reblock_nodes[v].recent_hold_h[static_cast<std::size_t>(crossing_way(m, from, v))];
}

double reblock_held_teu(const model& m) {
  double held = 0.0;
  for (const reblock_node_state& ns : m.state.reblock_nodes) held += static_cast<double>(ns.held);
  return held;
}

void reset_reblock_tallies(model& m) {
  const double now = m.eng.now();
  for (reblock_tally& t : m.tallies.reblocks) {
    t.buffer.reset(now);
    t.trains_in = t.teu_in = t.trains_out = t.teu_out = t.partial = 0.0;
  }
}

void close_reblock_tallies(model& m) {
  const double end = m.frame.horizon_h;
  for (const reblock_group& rg : m.state.reblock_groups) {
    for (const held_container& c : rg.held) m.tallies.reblocks[rg.node].buffer.still_waiting(end, c.since_h);
  }
  for (reblock_tally& t : m.tallies.reblocks) t.buffer.finish(end);
}

}  // namespace corridor::detail

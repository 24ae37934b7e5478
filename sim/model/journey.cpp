// A train's journey through nodes: handling at each, a crossing's queue, a hold at a closed junction or port,
// delivery at the destination, and leaving for the next edge.
#include "journey.hpp"

#include "crossings.hpp"
#include "ferries.hpp"
#include "lines.hpp"
#include "outcomes.hpp"
#include "reblock.hpp"
#include "routing.hpp"
#include "wagons.hpp"

namespace corridor::detail {

void on_train_at_node(model& m, train_id id) {
  train_state& t = m.state.trains[id];
  if (t.empty) {
    on_empty_at_node(m, id);
    return;
  }
  const vertex_t v = t.nodes[t.pos];
  if (m.facts.nodes[v].in_share_region) t.via_share_region = true;
  t.cost.handling += node_spec_of(m, v).handling_usd_per_teu;
  if (t.pos + 1 == t.nodes.size()) {
    if (t.wagons > 0) release_wagons(m, id, v);
    deliver(m, id);
    return;
  }
  if (m.facts.nodes[v].is_crossing) {
    if (m.facts.has_reblock && reblocks_at(m, v, t)) {
      unload_for_reblock(m, v, id);
      return;
    }
    if (m.facts.has_wagons) {
      wagons_at_crossing(m, v, id);
      return;
    }
    join_crossing(m, v, id);
    return;
  }
  if (m.state.nodes[v].capacity_factor <=
      0.0) {  // a closed junction or port holds the train until it reopens
    m.state.nodes[v].held.push_back(id);
    return;
  }
  leave_node(m, id);
}

void leave_node(model& m, train_id id) {
  train_state& t = m.state.trains[id];
  if (t.plan_version != m.state.plan_version && !t.empty) replan(m, t);  // an empty train keeps its path
  const edge_id e = t.edges[t.pos];
  if (is_ferry(m, e)) {
    // A feeder takes the containers off their wagons (a rail ferry takes the wagons along).
    if (t.wagons > 0 && edge_spec_of(m, e).ferry.service != ferry_service::rail_ferry)
      release_wagons(m, id, t.nodes[t.pos]);
    join_ferry(m, e, id);
    return;
  }
  board_line(m, id, e);
}

void release_held(model& m, vertex_t v) {
  std::deque<train_id> held;
  held.swap(m.state.nodes[v].held);
  for (train_id id : held) leave_node(m, id);
}

}  // namespace corridor::detail

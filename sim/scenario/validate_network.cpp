// The checks of the network as a whole: a gauge may change only at a crossing or a port, flows run between
// terminals, and every flow's destination is reachable from its origin. A plain BFS over the specs: the
// scenario module must not depend on the network module.
#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "stages.hpp"

namespace corridor::detail {
namespace {

std::string q(std::string_view s) {
  return "'" + std::string(s) + "'";
}

std::string kind_name(node_kind k) {
  return "a " + std::string(to_string(k));
}

source_loc field_loc(const field_locator& where, std::string_view collection, std::string_view id,
                     std::string_view field, const source_loc& fallback) {
  const tnode* n = where ? where(collection, id, field) : nullptr;
  return n ? n->loc : fallback;
}

void check_gauges(const scenario& s, diagnostics& diags) {
  // node id -> its first rail edge; every later edge with another gauge is reported at that edge.
  std::map<std::string, const edge_spec*> first_edge;
  std::set<std::pair<std::string, std::string>> reported;  // (edge, node): once each
  for (const auto& e : s.edges) {
    if (e.mode != edge_mode::rail) continue;
    for (const auto& end : {e.from, e.to}) {
      const auto* n = s.find_node(end);
      if (!n || n->kind == node_kind::crossing || n->kind == node_kind::port) continue;
      const auto [it, inserted] = first_edge.emplace(end, &e);
      if (inserted || it->second->gauge_mm == e.gauge_mm || !reported.emplace(e.id, end).second) continue;
      diags.error(e.loc, "gauge mismatch at node " + q(end) + " (" + std::string(kind_name(n->kind)) +
                             "): edge " + q(e.id) + " is " + std::to_string(e.gauge_mm) + " mm but edge " +
                             q(it->second->id) + " is " + std::to_string(it->second->gauge_mm) +
                             " mm; the gauge may change only at a crossing or a port");
    }
  }
}

std::set<std::string> reachable_from(const std::map<std::string, std::vector<std::string>>& next,
                                     const std::string& start) {
  std::set<std::string> seen{start};
  std::deque<std::string> queue{start};
  while (!queue.empty()) {
    const auto here = queue.front();
    queue.pop_front();
    const auto it = next.find(here);
    if (it == next.end()) continue;
    for (const auto& there : it->second) {
      if (seen.insert(there).second) queue.push_back(there);
    }
  }
  return seen;
}

void check_flows(const scenario& s, const field_locator& where, diagnostics& diags) {
  std::map<std::string, std::vector<std::string>> next;
  for (const auto& e : s.edges) {
    next[e.from].push_back(e.to);
    if (e.bidirectional) next[e.to].push_back(e.from);
  }
  std::map<std::string, std::set<std::string>> reach;  // by origin, computed once
  for (const auto& f : s.flows) {
    bool terminals = true;
    for (const auto& [field, end] : {std::pair{"from", f.from}, std::pair{"to", f.to}}) {
      const auto* n = s.find_node(end);
      if (!n || n->kind == node_kind::terminal) continue;
      terminals = false;
      diags.error(field_loc(where, "flows", f.id, field, f.loc),
                  "flow " + q(f.id) + ": " + field + " node " + q(end) + " is " +
                      std::string(kind_name(n->kind)) + "; flows start and end at terminals");
    }
    if (!terminals) continue;
    auto it = reach.find(f.from);
    if (it == reach.end()) it = reach.emplace(f.from, reachable_from(next, f.from)).first;
    if (it->second.count(f.to)) continue;
    diags.error(field_loc(where, "flows", f.id, "to", f.loc), "flow " + q(f.id) + ": destination " + q(f.to) +
                                                                  " is unreachable from " + q(f.from) +
                                                                  " over the scenario's edges");
  }
}

}  // namespace

void check_network(const scenario& s, const field_locator& where, diagnostics& diags) {
  check_gauges(s, diags);
  check_flows(s, where, diags);
}

}  // namespace corridor::detail

// The checks of the network as a whole: a gauge may change only at a crossing or a port, flows run between
// terminals, and every flow's and market pair's destination is reachable from its origin. A plain BFS over
// the specs: the scenario module must not depend on the network module.
#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

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

// Nodes by id: the checks below look one up per edge end and per flow end.
class node_index {
 public:
  explicit node_index(const scenario& s) {
    at_.reserve(s.nodes.size());
    for (std::size_t i = 0; i < s.nodes.size(); ++i) at_.emplace(s.nodes[i].id, i);
  }
  // The node's position, or npos.
  std::size_t find(std::string_view id) const {
    const auto it = at_.find(id);
    return it == at_.end() ? npos : it->second;
  }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::unordered_map<std::string_view, std::size_t> at_;
};

void check_gauges(const scenario& s, const node_index& nodes, diagnostics& diags) {
  // node id -> its first rail edge; every later edge with another gauge is reported at that edge.
  std::map<std::string, const edge_spec*> first_edge;
  std::set<std::pair<std::string, std::string>> reported;  // (edge, node): once each
  for (const auto& e : s.edges) {
    if (e.mode != edge_mode::rail) continue;
    for (const auto& end : {e.from, e.to}) {
      const auto i = nodes.find(end);
      if (i == node_index::npos) continue;
      const auto& n = s.nodes[i];
      if (n.kind == node_kind::crossing || n.kind == node_kind::port) continue;
      const auto [it, inserted] = first_edge.emplace(end, &e);
      if (inserted || it->second->gauge_mm == e.gauge_mm || !reported.emplace(e.id, end).second) continue;
      diags.error(e.loc, "gauge mismatch at node " + q(end) + " (" + std::string(kind_name(n.kind)) +
                             "): edge " + q(e.id) + " is " + std::to_string(e.gauge_mm) + " mm but edge " +
                             q(it->second->id) + " is " + std::to_string(it->second->gauge_mm) +
                             " mm; the gauge may change only at a crossing or a port");
    }
  }
}

// Re-blocking happens where the gauge changes: a crossing that asks for it must join two gauges.
void check_reblocking(const scenario& s, const field_locator& where, diagnostics& diags) {
  std::map<std::string_view, std::set<int>> gauges;  // per re-blocking crossing, the gauges of its lines
  for (const auto& n : s.nodes) {
    if (n.kind == node_kind::crossing && n.crossing.reblock) gauges[n.id];
  }
  if (gauges.empty()) return;
  for (const auto& e : s.edges) {
    if (e.mode != edge_mode::rail) continue;
    for (const auto& end : {e.from, e.to}) {
      if (const auto it = gauges.find(end); it != gauges.end()) it->second.insert(e.gauge_mm);
    }
  }
  for (const auto& n : s.nodes) {
    const auto it = gauges.find(n.id);
    if (it == gauges.end() || it->second.size() > 1) continue;
    diags.error(field_loc(where, "nodes", n.id, "reblock", n.loc),
                "node " + q(n.id) +
                    " has reblock: true but its rail lines are all of one gauge; containers change trains "
                    "only where the gauge changes");
  }
}

// Breadth-first search over node positions; `seen` holds, per node, the last search that reached it, so no
// search pays for clearing it.
void reach_from(const std::vector<std::vector<std::size_t>>& next, std::size_t start, std::size_t search,
                std::vector<std::size_t>& seen) {
  std::deque<std::size_t> queue{start};
  seen[start] = search;
  while (!queue.empty()) {
    const auto here = queue.front();
    queue.pop_front();
    for (const auto there : next[here]) {
      if (seen[there] == search) continue;
      seen[there] = search;
      queue.push_back(there);
    }
  }
}

using adjacency = std::vector<std::vector<std::size_t>>;

adjacency adjacency_of(const scenario& s, const node_index& nodes) {
  adjacency next(s.nodes.size());
  for (const auto& e : s.edges) {
    const auto from = nodes.find(e.from), to = nodes.find(e.to);
    if (from == node_index::npos || to == node_index::npos) continue;
    next[from].push_back(to);
    if (e.bidirectional) next[to].push_back(from);
  }
  return next;
}

void check_flows(const scenario& s, const node_index& nodes, const adjacency& next,
                 const field_locator& where, diagnostics& diags) {
  // Reachability with one search per origin (flows visited grouped by origin), then the messages in the
  // flows' own order.
  std::vector<std::size_t> origin(s.flows.size()), order(s.flows.size());
  for (std::size_t i = 0; i < s.flows.size(); ++i) {
    origin[i] = nodes.find(s.flows[i].from);
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return origin[a] < origin[b]; });
  std::vector<bool> reachable(s.flows.size(), true);
  std::vector<std::size_t> seen(s.nodes.size(), 0);
  std::size_t search = 0, searched_from = node_index::npos;
  for (const auto fi : order) {
    const auto from = origin[fi], to = nodes.find(s.flows[fi].to);
    if (from == node_index::npos || to == node_index::npos) continue;
    if (from != searched_from) {
      reach_from(next, from, ++search, seen);
      searched_from = from;
    }
    reachable[fi] = seen[to] == search;
  }
  for (std::size_t fi = 0; fi < s.flows.size(); ++fi) {
    const auto& f = s.flows[fi];
    bool terminals = true;
    for (const auto& [field, end] : {std::pair{"from", f.from}, std::pair{"to", f.to}}) {
      const auto i = nodes.find(end);
      if (i == node_index::npos || s.nodes[i].kind == node_kind::terminal) continue;
      terminals = false;
      diags.error(field_loc(where, "flows", f.id, field, f.loc),
                  "flow " + q(f.id) + ": " + field + " node " + q(end) + " is " +
                      std::string(kind_name(s.nodes[i].kind)) + "; flows start and end at terminals");
    }
    if (!terminals || reachable[fi]) continue;
    diags.error(field_loc(where, "flows", f.id, "to", f.loc), "flow " + q(f.id) + ": destination " + q(f.to) +
                                                                  " is unreachable from " + q(f.from) +
                                                                  " over the scenario's edges");
  }
}

// Every origin-destination pair of a market has a route over the edges, whatever its shippers avoid: a pair
// whose only routes pass a risk region serves the shippers who do not avoid it. One search per origin (pairs
// in a row from one origin share it); an unreachable destination is reported once, with the first origin it
// cannot be reached from.
void check_markets(const scenario& s, const node_index& nodes, const adjacency& next,
                   const field_locator& where, diagnostics& diags) {
  std::vector<std::size_t> seen(s.nodes.size(), 0);
  std::size_t search = 0, searched_from = node_index::npos;
  const auto search_from = [&](std::size_t a) {
    if (a == searched_from) return;
    reach_from(next, a, ++search, seen);
    searched_from = a;
  };
  const auto reach = [&](const std::string& from, const std::string& to) {
    const auto a = nodes.find(from), b = nodes.find(to);
    if (a == node_index::npos || b == node_index::npos) return true;
    search_from(a);
    return seen[b] == search;
  };
  for (const auto& m : s.markets) {
    const auto ctx = "market " + q(m.id);
    const auto unreachable = [&](const std::string& subject, const std::string& from, const std::string& to) {
      return subject + ": destination " + q(to) + " is unreachable from " + q(from) +
             " over the scenario's edges";
    };
    for (const auto& p : m.pairs) {
      if (reach(p.from, p.to)) continue;
      const tnode* pairs = where ? where("markets", m.id, "pairs") : nullptr;
      const tnode* pair = pairs && pairs->kind == tkind::map ? pairs->find(p.id) : nullptr;
      const tnode* to = pair && pair->kind == tkind::map ? pair->find("to") : nullptr;
      diags.error(to ? to->loc : p.loc, unreachable("pair " + q(p.id) + " of " + ctx, p.from, p.to));
    }
    if (!m.pairs.empty()) continue;
    std::set<std::string_view> reported;
    for (const auto& [origin, share] : m.origins) {
      const auto a = nodes.find(origin);
      if (a == node_index::npos) continue;
      search_from(a);
      for (const auto& [destination, dshare] : m.destinations) {
        const auto b = nodes.find(destination);
        if (b == node_index::npos || seen[b] == search || !reported.insert(destination).second) continue;
        const tnode* dests = where ? where("markets", m.id, "destinations") : nullptr;
        const tentry* e = dests && dests->kind == tkind::map ? dests->find_entry(destination) : nullptr;
        diags.error(e ? e->key_loc : m.loc, unreachable(ctx, origin, destination));
      }
    }
  }
}

}  // namespace

void check_network(const scenario& s, const field_locator& where, diagnostics& diags) {
  const node_index nodes(s);
  check_gauges(s, nodes, diags);
  check_reblocking(s, where, diags);
  const adjacency next = adjacency_of(s, nodes);
  check_flows(s, nodes, next, where, diags);
  check_markets(s, nodes, next, where, diags);
}

}  // namespace corridor::detail

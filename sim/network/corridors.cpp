// Distinct corridors: the cheapest paths whose sequences of marked nodes (border points) differ. Yen's
// algorithm ranks every loopless path, so on a real network its first few dozen are variants of one corridor
// through different junctions; here each candidate is the cheapest path avoiding a set of marked nodes, and
// the sets grow one excluded border point at a time from the paths already found (a Lawler-style partition on
// border points), best first. A few dozen Dijkstra searches per OD instead of thousands.
#include <algorithm>
#include <set>
#include <stdexcept>

#include "router.hpp"

namespace corridor {
namespace {

struct candidate {
  path route;
  std::vector<vertex_t> excluded;  // sorted
};

// Cheapest first; ties by edge sequence, so the order never depends on insertion.
bool cheaper(const candidate& a, const candidate& b) {
  if (a.route.cost != b.route.cost) return a.route.cost < b.route.cost;
  return a.route.edges < b.route.edges;
}

std::vector<vertex_t> marked_sequence(const path& p, const std::vector<bool>& marked) {
  std::vector<vertex_t> seq;
  for (vertex_t v : p.nodes) {
    if (marked[v]) seq.push_back(v);
  }
  return seq;
}

}  // namespace

std::vector<path> k_distinct_corridors(const network& net, vertex_t from, vertex_t to, int k,
                                       const path_weights& w, const std::vector<bool>& marked) {
  return k_distinct_corridors(net, from, to, k, w, marked, {});
}

std::vector<path> k_distinct_corridors(const network& net, vertex_t from, vertex_t to, int k,
                                       const path_weights& w, const std::vector<bool>& marked,
                                       const std::vector<bool>& via) {
  if (k < 1) throw std::invalid_argument("k_distinct_corridors needs k >= 1");
  if (marked.size() != net.num_nodes())
    throw std::invalid_argument("k_distinct_corridors: one mark per node");
  if (!via.empty() && via.size() != net.num_nodes())
    throw std::invalid_argument("k_distinct_corridors: one via flag per node");
  if (from >= net.num_nodes() || to >= net.num_nodes())
    throw std::invalid_argument("k_distinct_corridors: origin or destination is not a vertex of the network");
  // One router for every search of the call: excluding border points blocks vertices, which leaves the
  // weights alone, so nothing is copied or re-checked per search.
  detail::router r(net, w);
  const auto search = [&] { return via.empty() ? r.search(from, to) : r.search_via(from, to, via); };
  const std::size_t max_searches = 64 + 16 * static_cast<std::size_t>(k);

  std::vector<candidate> open;  // kept sorted, cheapest last
  std::set<std::vector<vertex_t>> tried{{}};
  std::set<std::vector<vertex_t>> seen;
  std::vector<path> kept;
  std::size_t searches = 1;
  if (auto first = search()) open.push_back({std::move(*first), {}});
  while (!open.empty() && static_cast<int>(kept.size()) < k) {
    candidate c = std::move(open.back());
    open.pop_back();
    const std::vector<vertex_t> seq = marked_sequence(c.route, marked);
    for (vertex_t b : seq) {
      if (b == from || b == to || searches >= max_searches) continue;
      std::vector<vertex_t> excluded = c.excluded;
      excluded.insert(std::upper_bound(excluded.begin(), excluded.end(), b), b);
      if (!tried.insert(excluded).second) continue;
      for (vertex_t v : excluded) r.blocked_vertex[v] = 1;
      ++searches;
      auto found = search();
      for (vertex_t v : excluded) r.blocked_vertex[v] = 0;
      if (!found) continue;
      candidate next{std::move(*found), std::move(excluded)};
      const auto at = std::upper_bound(open.begin(), open.end(), next,
                                       [](const candidate& x, const candidate& y) { return cheaper(y, x); });
      open.insert(at, std::move(next));
    }
    if (seen.insert(seq).second) kept.push_back(std::move(c.route));
  }
  return kept;
}

}  // namespace corridor

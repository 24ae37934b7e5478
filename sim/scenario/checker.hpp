#pragma once
// The semantic checker of a resolved scenario, shared by validate.cpp (the network's parts, flows) and
// validate_markets.cpp (markets, alternatives, families, choice, report shares). Internal to sim/scenario.
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "keys.hpp"
#include "stages.hpp"

namespace corridor::detail {

inline std::string q(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// The ids of one or more collections: hashed for the check of every reference, listed only when a message
// needs suggestions. Views into the scenario, which does not change while it is checked.
class id_set {
 public:
  template <class... Specs>
  explicit id_set(const std::vector<Specs>&... collections) {
    (add(collections), ...);
  }
  bool contains(std::string_view id) const { return set_.count(id) > 0; }
  std::vector<std::string> list() const { return {order_.begin(), order_.end()}; }

 private:
  std::unordered_set<std::string_view> set_;
  std::vector<std::string_view> order_;

  template <class Spec>
  void add(const std::vector<Spec>& specs) {
    for (const auto& s : specs) {
      set_.insert(s.id);
      order_.emplace_back(s.id);
    }
  }
};

class checker {
 public:
  checker(const scenario& s, const field_locator& where, diagnostics& diags)
      : s_(s),
        where_(where),
        diags_(diags),
        regions_(s.regions),
        cargo_classes_(s.cargo_classes),
        service_classes_(s.service_classes),
        nodes_(s.nodes),
        edges_(s.edges),
        targets_(s.nodes, s.edges),
        alternatives_(s.alternatives) {
    for (const auto& n : s.nodes) node_by_id_.emplace(n.id, &n);
  }

  void run();

 private:
  const scenario& s_;
  const field_locator& where_;
  diagnostics& diags_;
  const id_set regions_, cargo_classes_, service_classes_, nodes_, edges_, targets_;  // targets: nodes, edges
  const id_set alternatives_;
  std::unordered_map<std::string_view, const node_spec*> node_by_id_;

  const node_spec* find_node(std::string_view id) const {
    const auto it = node_by_id_.find(id);
    return it == node_by_id_.end() ? nullptr : it->second;
  }
  const tnode* written(std::string_view collection, std::string_view id, std::string_view field) const {
    return where_ ? where_(collection, id, field) : nullptr;
  }
  source_loc at(std::string_view collection, std::string_view id, std::string_view field,
                const source_loc& fallback) const {
    const auto* n = written(collection, id, field);
    return n ? n->loc : fallback;
  }
  source_loc item_at(std::string_view collection, std::string_view id, std::string_view field, std::size_t i,
                     const source_loc& fallback) const {
    const auto* n = written(collection, id, field);
    if (n && n->kind == tkind::sequence && i < n->items.size()) return n->items[i].loc;
    return n ? n->loc : fallback;
  }
  // The key of entry `key` of the map at `field` (origins, risk, shares), else the field, else `fallback`.
  source_loc key_at(std::string_view collection, std::string_view id, std::string_view field,
                    std::string_view key, const source_loc& fallback) const {
    const auto* n = written(collection, id, field);
    const auto* e = n && n->kind == tkind::map ? n->find_entry(key) : nullptr;
    return e ? e->key_loc : (n ? n->loc : fallback);
  }
  // The value of entry `key` of the map at `field`, or its `sub` field when it is a map.
  source_loc value_at(std::string_view collection, std::string_view id, std::string_view field,
                      std::string_view key, std::string_view sub, const source_loc& fallback) const {
    const auto* n = written(collection, id, field);
    const auto* v = n && n->kind == tkind::map ? n->find(key) : nullptr;
    if (v && !sub.empty()) v = v->kind == tkind::map ? v->find(sub) : nullptr;
    return v ? v->loc : key_at(collection, id, field, key, fallback);
  }
  source_loc top_loc() const { return {s_.source_file, 0, 0}; }

  // One numeric value against its key's range, at `loc`; `label` names it ("tracks of node 'x'").
  bool range_at(std::string_view sec, std::string_view key, const std::string& label, double v,
                const source_loc& loc) {
    const auto& spec = section(sec).at(key);
    if (spec.in_range(v)) return true;
    diags_.error(loc, label + " must be " + spec.range_text() + ", got " + format_number(v));
    return false;
  }
  // One numeric field against its key's range; `ctx` is "" at top level or "edge 'x'".
  bool range(std::string_view sec, std::string_view collection, std::string_view id, const std::string& ctx,
             std::string_view key, double v, const source_loc& fallback) {
    const std::string label = ctx.empty() ? std::string(key) : std::string(key) + " of " + ctx;
    return range_at(sec, key, label, v, at(collection, id, key, fallback));
  }
  // Twelve monthly values against their key's range, each at its place in the list.
  void months(std::string_view sec, std::string_view collection, std::string_view id, const std::string& ctx,
              std::string_view key, const std::array<double, 12>& values, const source_loc& fallback) {
    const auto& spec = section(sec).at(key);
    for (std::size_t i = 0; i < 12; ++i) {
      if (spec.in_range(values[i])) continue;
      diags_.error(item_at(collection, id, key, i, fallback), std::string(key) + " of " + ctx + " must be " +
                                                                  spec.range_text() + ", got " +
                                                                  format_number(values[i]));
    }
  }
  bool reference_at(const source_loc& loc, const std::string& ctx, const std::string& target,
                    std::string_view noun, const id_set& known, std::string_view where = {}) {
    if (known.contains(target)) return true;
    if (diags_.full()) return false;
    diags_.error(loc, ctx + " refers to unknown " + std::string(noun) + " " + q(target) + std::string(where) +
                          did_you_mean(target, known.list()));
    return false;
  }
  bool reference(std::string_view collection, std::string_view id, std::string_view field,
                 const std::string& ctx, const std::string& target, std::string_view noun,
                 const id_set& known, const source_loc& fallback) {
    return reference_at(at(collection, id, field, fallback), ctx, target, noun, known);
  }
  void dist(const node_spec& n, std::string_view key, const distribution& d);
  void scheduled_disruption(const disruption_spec& d, const std::string& ctx);
  void random_disruption(const disruption_spec& d, const std::string& ctx);
  void too_long(const source_loc& loc, const std::string& label, const dist_spec& spec,
                std::string_view param, double v) {
    diags_.error(loc, label + ": " + std::string(param) + " of " + std::string(spec.name) +
                          " must be <= " + format_number(dist_max_h) + " h, got " + format_number(v));
  }
  template <class Spec>
  void unique(const std::vector<Spec>& specs, std::string_view noun) {
    std::set<std::string> seen;
    for (const auto& s : specs) {
      if (!seen.insert(s.id).second) diags_.error(s.loc, "duplicate " + std::string(noun) + " id " + q(s.id));
    }
  }

  // validate.cpp
  void top();
  void regions();
  void node(const node_spec& n);
  void port(const node_spec& n);
  void edge(const edge_spec& e);
  void ferry(const edge_spec& e);
  void ferry_capacity(const edge_spec& e);
  void flow(const flow_spec& f);
  void disruption(const disruption_spec& d);
  void wagon_pools();
  // validate_markets.cpp
  void choice();
  void report();
  void families();
  void alternative(const alternative_spec& a);
  void market(const market_spec& m);
  void market_shares(const market_spec& m, std::string_view field,
                     const std::vector<std::pair<std::string, double>>& shares, std::string_view noun,
                     const id_set& known);
  void market_end(const market_spec& m, const std::string& ctx, std::string_view role, const std::string& id,
                  const source_loc& loc);
  void market_pairs(const market_spec& m);
  void market_risks(const market_spec& m);
  void market_alternatives(const market_spec& m);
};

}  // namespace corridor::detail

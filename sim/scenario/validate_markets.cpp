// The semantic checks of demand as markets and of what the report measures: every reference resolves, to
// the right kind of thing in the right region; shares sum to 1; the nested logit's scales nest; families do
// not overlap. Reachability of market pairs is the network check's (validate_network.cpp).
#include <algorithm>
#include <cmath>

#include "checker.hpp"

namespace corridor::detail {
namespace {

std::string sum_text(double sum) {
  return format_number(std::round(sum * 1e9) / 1e9);  // 0.9 rather than 0.8999999999999999
}

}  // namespace

void checker::choice() {
  const auto& c = s_.choice;
  const auto loc = top_loc();
  bool ok = range("choice", "choice", "", "choice", "mode_scale_per_usd", c.mode_scale_per_usd, loc);
  ok = range("choice", "choice", "", "choice", "family_scale_per_usd", c.family_scale_per_usd, loc) && ok;
  range("choice", "choice", "", "choice", "update_days", c.update_days, loc);
  // The scales only matter to markets; a scenario of flows keeps any route scale (calibrations sweep it).
  const double route = s_.route_choice.logit_scale_per_usd;
  if (!ok || s_.markets.empty() ||
      (c.mode_scale_per_usd <= c.family_scale_per_usd && c.family_scale_per_usd <= route)) {
    return;
  }
  // At a scale of the broken inequality, the one written in the file being loaded when there is one (an
  // overlay that raised or lowered it), else the one written at all.
  const bool mode_first = c.mode_scale_per_usd > c.family_scale_per_usd;
  const tnode* pair[] = {written("choice", "", mode_first ? "mode_scale_per_usd" : "family_scale_per_usd"),
                         mode_first ? written("choice", "", "family_scale_per_usd")
                                    : written("route_choice", "", "logit_scale_per_usd")};
  const tnode* n = nullptr;
  for (const auto* candidate : pair) {
    if (candidate && (!n || (candidate->loc.file == s_.source_file && n->loc.file != s_.source_file))) {
      n = candidate;
    }
  }
  diags_.error(n ? n->loc : loc,
               "nested logit scales must satisfy choice.mode_scale_per_usd <= choice.family_scale_per_usd <= "
               "route_choice.logit_scale_per_usd, got " +
                   format_number(c.mode_scale_per_usd) + ", " + format_number(c.family_scale_per_usd) +
                   " and " + format_number(route));
}

void checker::report() {
  const auto& r = s_.report;
  unique(r.shares, "report share");
  for (const auto& sh : r.shares) {
    const auto ctx = "share " + q(sh.id) + " of report";
    const auto field = [&](std::string_view key) {
      return value_at("report", "", "shares", sh.id, key, sh.loc);
    };
    reference_at(field("from"), ctx, sh.from_region, "region", regions_);
    reference_at(field("to"), ctx, sh.to_region, "region", regions_);
    if (!sh.via_region.empty()) reference_at(field("via"), ctx, sh.via_region, "region", regions_);
    if (!sh.avoiding_region.empty())
      reference_at(field("avoiding"), ctx, sh.avoiding_region, "region", regions_);
    if (sh.via_region.empty() == sh.avoiding_region.empty()) {
      diags_.error(sh.via_region.empty() ? key_at("report", "", "shares", sh.id, sh.loc) : field("avoiding"),
                   ctx + (sh.via_region.empty() ? " needs one of via and avoiding (a region id)"
                                                : " has both via and avoiding; give one"));
    }
  }
  for (std::size_t i = 0; i < r.gateways.size(); ++i) {
    const auto loc = item_at("report", "", "gateways", i, top_loc());
    if (!reference_at(loc, "gateways of report", r.gateways[i], "node", nodes_)) continue;
    const auto* n = find_node(r.gateways[i]);
    if (n->kind == node_kind::crossing) continue;
    diags_.error(loc, "gateway " + q(n->id) + " of report is a " + std::string(to_string(n->kind)) +
                          "; gateways are crossings");
  }
  if (!r.gateways.empty() && r.shares.empty()) {
    diags_.error(at("report", "", "gateways", top_loc()),
                 "gateways of report are measured on the first report share's trains; add a share");
  }
}

void checker::families() {
  unique(s_.families, "corridor family");
  // node id -> the family that lists it first
  std::unordered_map<std::string_view, const family_spec*> owner;
  for (std::size_t k = 0; k < s_.families.size(); ++k) {
    const auto& f = s_.families[k];
    const auto ctx = "corridor family " + q(f.id);
    if (k == max_families) {
      diags_.error(f.loc, "more than " + std::to_string(max_families) + " corridor families (" +
                              std::to_string(s_.families.size()) +
                              "); with the implicit family 'other' they make at most 16 nests");
    }
    if (f.id == "other") {
      diags_.error(f.loc, "corridor family id 'other' is reserved for the routes that pass no family");
    }
    range("family", "corridor_families", f.id, ctx, "constant_usd_per_teu", f.constant_usd_per_teu, f.loc);
    if (f.via.empty()) {
      diags_.error(at("corridor_families", f.id, "via", f.loc),
                   "via of " + ctx + " is empty; list at least one node");
    }
    for (std::size_t i = 0; i < f.via.size(); ++i) {
      const auto loc = item_at("corridor_families", f.id, "via", i, f.loc);
      if (!reference_at(loc, ctx, f.via[i], "node", nodes_)) continue;
      const auto [it, first] = owner.emplace(f.via[i], &f);
      if (first) continue;
      diags_.error(loc, it->second == &f
                            ? ctx + " lists node " + q(f.via[i]) + " twice"
                            : "corridor families " + q(it->second->id) + " and " + q(f.id) +
                                  " both pass node " + q(f.via[i]) +
                                  "; a route belongs to one family, so their via nodes must differ");
    }
  }
}

void checker::alternative(const alternative_spec& a) {
  const auto ctx = "alternative " + q(a.id);
  const auto& modes = section("alternative").at("mode").choices;
  if (std::find(modes.begin(), modes.end(), a.mode) == modes.end()) {
    std::string names;
    for (const auto mode : modes) names += (names.empty() ? "" : "|") + std::string(mode);
    diags_.error(at("alternatives", a.id, "mode", a.loc),
                 "mode of " + ctx + " must be one of " + names + ", got " + q(a.mode));
  }
  months("alternative", "alternatives", a.id, ctx, "cost_usd_per_teu", a.cost_usd_per_teu, a.loc);
  months("alternative", "alternatives", a.id, ctx, "transit_days", a.transit_days, a.loc);
  for (std::size_t i = 0; i < a.classes.size(); ++i) {
    reference_at(item_at("alternatives", a.id, "classes", i, a.loc), ctx, a.classes[i], "cargo class",
                 cargo_classes_);
  }
}

// A map of id -> share: each id known, each share in range, and (when they are) a sum of 1.
void checker::market_shares(const market_spec& m, std::string_view field,
                            const std::vector<std::pair<std::string, double>>& shares, std::string_view noun,
                            const id_set& known) {
  const auto ctx = "market " + q(m.id);
  const auto label = std::string(field) + " of " + ctx;
  bool ok = true;
  double sum = 0.0;
  for (const auto& [id, share] : shares) {
    reference_at(key_at("markets", m.id, field, id, m.loc), ctx, id, noun, known,
                 " in " + std::string(field));
    ok = range_at("market", field, "share of " + q(id) + " in " + label, share,
                  value_at("markets", m.id, field, id, "", m.loc)) &&
         ok;
    sum += share;
  }
  if (!ok || std::abs(sum - 1.0) <= share_sum_tolerance) return;
  diags_.error(at("markets", m.id, field, m.loc),
               "the shares in " + label + " sum to " + sum_text(sum) + "; they must sum to 1");
}

// An origin or destination: a terminal of the market's region on that side.
void checker::market_end(const market_spec& m, const std::string& ctx, std::string_view role,
                         const std::string& id, const source_loc& loc) {
  const auto* n = find_node(id);
  if (n == nullptr) return;  // reported as unknown
  if (n->kind != node_kind::terminal) {
    diags_.error(loc, ctx + ": " + std::string(role) + " " + q(id) + " is a " +
                          std::string(to_string(n->kind)) + "; markets start and end at terminals");
    return;
  }
  const bool origin = role == "origin";
  const auto& region = origin ? m.from_region : m.to_region;
  if (!regions_.contains(region) || s_.node_in_region(region, *n)) return;
  diags_.error(loc, ctx + ": " + std::string(role) + " " + q(id) + " is not in the market's " +
                        (origin ? "from" : "to") + " region " + q(region));
}

void checker::market_pairs(const market_spec& m) {
  const auto market_ctx = "market " + q(m.id);
  unique(m.pairs, "market pair");
  double sum = 0.0;
  bool ok = true;
  for (const auto& p : m.pairs) {
    const auto ctx = "pair " + q(p.id) + " of " + market_ctx;
    const auto field = [&](std::string_view key) {
      return value_at("markets", m.id, "pairs", p.id, key, p.loc);
    };
    if (reference_at(field("from"), ctx, p.from, "node", nodes_))
      market_end(m, ctx, "origin", p.from, field("from"));
    if (reference_at(field("to"), ctx, p.to, "node", nodes_))
      market_end(m, ctx, "destination", p.to, field("to"));
    if (p.from == p.to) diags_.error(field("to"), ctx + " goes from " + q(p.from) + " to itself");
    ok = range_at("market_pair", "share", "share of " + ctx, p.share, field("share")) && ok;
    sum += p.share;
  }
  if (!ok || std::abs(sum - 1.0) <= share_sum_tolerance) return;
  diags_.error(at("markets", m.id, "pairs", m.loc), "the shares of the pairs of " + market_ctx + " sum to " +
                                                        sum_text(sum) + "; they must sum to 1");
}

void checker::market_risks(const market_spec& m) {
  const auto ctx = "market " + q(m.id);
  // The market's terminals, each once: the ends no share of its shippers can avoid.
  std::vector<std::pair<std::string_view, std::string_view>> ends;  // (role, id)
  for (const auto& [id, share] : m.origins) ends.emplace_back("origin", id);
  for (const auto& [id, share] : m.destinations) ends.emplace_back("destination", id);
  for (const auto& p : m.pairs) ends.emplace_back("origin", p.from), ends.emplace_back("destination", p.to);
  double avoid = 0.0;
  bool ok = true;
  for (const auto& r : m.risks) {
    const auto key = key_at("markets", m.id, "risk", r.region, m.loc);
    const auto risk_ctx = "risk " + q(r.region) + " of " + ctx;
    ok = range_at("market_risk", "avoid_share", "avoid_share of " + risk_ctx, r.avoid_share,
                  value_at("markets", m.id, "risk", r.region, "avoid_share", m.loc)) &&
         ok;
    range_at("market_risk", "premium_usd_per_teu", "premium_usd_per_teu of " + risk_ctx,
             r.premium_usd_per_teu,
             value_at("markets", m.id, "risk", r.region, "premium_usd_per_teu", m.loc));
    avoid += r.avoid_share;
    if (!reference_at(key, ctx, r.region, "region", regions_, " in risk")) continue;
    for (const auto& [role, id] : ends) {
      const auto* n = find_node(id);
      if (n == nullptr || !s_.node_in_region(r.region, *n)) continue;
      diags_.error(key, ctx + ": risk region " + q(r.region) + " holds its " + std::string(role) + " " +
                            q(id) + "; its shippers cannot avoid the region they ship from or to");
      break;
    }
  }
  if (!ok || avoid <= 1.0 + 1e-9) return;
  diags_.error(at("markets", m.id, "risk", m.loc), "the avoid_shares of the risks of " + ctx + " sum to " +
                                                       sum_text(avoid) +
                                                       "; they must sum to at most 1 (shippers who "
                                                       "avoid one region each, and the rest)");
}

void checker::market_alternatives(const market_spec& m) {
  const auto ctx = "market " + q(m.id);
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < m.alternatives.size(); ++i) {
    const auto loc = item_at("markets", m.id, "alternatives", i, m.loc);
    if (!reference_at(loc, ctx, m.alternatives[i], "alternative", alternatives_)) continue;
    if (!seen.insert(m.alternatives[i]).second) {
      diags_.error(loc, ctx + " lists alternative " + q(m.alternatives[i]) + " twice");
    }
  }
}

void checker::market(const market_spec& m) {
  const auto ctx = "market " + q(m.id);
  reference("markets", m.id, "from", ctx, m.from_region, "region", regions_, m.loc);
  reference("markets", m.id, "to", ctx, m.to_region, "region", regions_, m.loc);
  range("market", "markets", m.id, ctx, "teu_per_year", m.teu_per_year, m.loc);
  market_shares(m, "cargo_mix", m.cargo_mix, "cargo class", cargo_classes_);
  const bool product = !m.origins.empty() || !m.destinations.empty();
  if (!m.pairs.empty() && product) {
    // At whichever the loaded file wrote (an overlay adding origins to a market of pairs), else at pairs.
    const tnode* n = written("markets", m.id, "pairs");
    for (const auto* key : {"origins", "destinations"}) {
      const auto* other = written("markets", m.id, key);
      if (other && (!n || (other->loc.file == s_.source_file && n->loc.file != s_.source_file))) n = other;
    }
    diags_.error(
        n ? n->loc : m.loc,
        ctx + " has both pairs and origins or destinations; give pairs, or origins and destinations");
  } else if (m.pairs.empty() && (m.origins.empty() || m.destinations.empty())) {
    diags_.error(m.loc, ctx + " needs origins and destinations, or pairs");
  } else if (m.pairs.empty()) {
    market_shares(m, "origins", m.origins, "node", nodes_);
    market_shares(m, "destinations", m.destinations, "node", nodes_);
    for (const auto& [id, share] : m.origins) {
      market_end(m, ctx, "origin", id, key_at("markets", m.id, "origins", id, m.loc));
    }
    for (const auto& [id, share] : m.destinations) {
      const auto loc = key_at("markets", m.id, "destinations", id, m.loc);
      market_end(m, ctx, "destination", id, loc);
      const auto same = [&id = id](const auto& o) { return o.first == id; };
      if (std::any_of(m.origins.begin(), m.origins.end(), same)) {
        diags_.error(loc, ctx + ": terminal " + q(id) + " is both an origin and a destination");
      }
    }
  } else {
    market_pairs(m);
  }
  months("market", "markets", m.id, ctx, "seasonality", m.seasonality, m.loc);
  if (m.train_capacity_teu != 0.0 || written("markets", m.id, "train_capacity_teu")) {
    range("market", "markets", m.id, ctx, "train_capacity_teu", m.train_capacity_teu, m.loc);
  }
  range("market", "markets", m.id, ctx, "max_wait_h", m.max_wait_h, m.loc);
  if (m.promised_transit_days != 0.0)
    range("market", "markets", m.id, ctx, "promised_transit_days", m.promised_transit_days, m.loc);
  range("market", "markets", m.id, ctx, "rail_constant_usd_per_teu", m.rail_constant_usd_per_teu, m.loc);
  months("market", "markets", m.id, ctx, "rail_price_change_usd_per_teu", m.rail_price_change_usd_per_teu,
         m.loc);
  market_alternatives(m);
  market_risks(m);
}

}  // namespace corridor::detail

// From the tree to the structs of demand as markets and of what the report measures: markets with their
// pairs and risks, the alternatives to rail, corridor families, the choice settings and report shares.
// References, ranges and sums are validate()'s business.
#include "converter.hpp"

namespace corridor::detail {

void converter::read_choice_settings(const tnode& root, choice_spec& c) {
  const auto* v = root.find("choice");
  if (!v || !expect_map(*v, v->loc, "choice")) return;
  check_keys(*v, v->loc, section("choice"), "choice", applies::any, "");
  read_number(*v, "mode_scale_per_usd", "choice", c.mode_scale_per_usd);
  read_number(*v, "family_scale_per_usd", "choice", c.family_scale_per_usd);
  read_number(*v, "update_days", "choice", c.update_days);
  read_bool(*v, "path_size", "choice", c.path_size);
}

void converter::read_report(const tnode& root, report_spec& r) {
  const auto* v = root.find("report");
  if (!v || !expect_map(*v, v->loc, "report")) return;
  check_keys(*v, v->loc, section("report"), "report", applies::any, "");
  read_string(*v, "share_region", "report", r.share_region);
  read_string(*v, "origin_region", "report", r.origin_region);
  read_string(*v, "destination_region", "report", r.destination_region);
  read_collection(*v, "shares", "report", "report share", r.shares, &converter::read_share);
  read_strings(*v, "gateways", "report", r.gateways, "a list of crossing ids", "a crossing id");
}

void converter::read_share(const tentry& e, share_spec& sh) {
  const std::string ctx = "share " + in_quotes(e.key) + " of report";
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  check_keys(e.value, e.key_loc, section("share"), ctx, applies::any, "");
  read_string(e.value, "from", ctx, sh.from_region);
  read_string(e.value, "to", ctx, sh.to_region);
  read_string(e.value, "via", ctx, sh.via_region);
  read_string(e.value, "avoiding", ctx, sh.avoiding_region);
}

void converter::read_family(const tentry& e, family_spec& f) {
  const std::string ctx = "corridor family " + in_quotes(e.key);
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  check_keys(e.value, e.key_loc, section("family"), ctx, applies::any, "");
  f.name = e.key;
  read_string(e.value, "name", ctx, f.name);
  read_strings(e.value, "via", ctx, f.via, "a list of node ids", "a node id");
  read_number(e.value, "constant_usd_per_teu", ctx, f.constant_usd_per_teu);
}

void converter::read_alternative(const tentry& e, alternative_spec& a) {
  const std::string ctx = "alternative " + in_quotes(e.key);
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  const auto& sec = section("alternative");
  check_keys(e.value, e.key_loc, sec, ctx, applies::any, "");
  read_choice(e.value, sec, "mode", ctx, a.mode);
  read_months(e.value, "cost_usd_per_teu", ctx, a.cost_usd_per_teu, true);
  read_months(e.value, "transit_days", ctx, a.transit_days, true);
  read_strings(e.value, "classes", ctx, a.classes, "a list of cargo class ids", "a cargo class id");
  read_string(e.value, "description", ctx, a.description);
}

void converter::read_pair(const tentry& e, market_pair_spec& p, const std::string& market_ctx) {
  const std::string ctx = "pair " + in_quotes(e.key) + " of " + market_ctx;
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  check_keys(e.value, e.key_loc, section("market_pair"), ctx, applies::any, "");
  read_string(e.value, "from", ctx, p.from);
  read_string(e.value, "to", ctx, p.to);
  read_number(e.value, "share", ctx, p.share);
}

void converter::read_risks(const tnode& m, const std::string& ctx, std::vector<market_risk_spec>& out) {
  const auto* v = m.find("risk");
  if (!v) return;
  if (v->kind != tkind::map) return wrong_type(*v, "risk", ctx, "a map of region id -> risk");
  for (const auto& e : v->entries) {
    const std::string risk_ctx = "risk " + shown(e.key) + " of " + ctx;
    market_risk_spec r;
    r.region = e.key;
    if (expect_map(e.value, e.key_loc, risk_ctx)) {
      check_keys(e.value, e.key_loc, section("market_risk"), risk_ctx, applies::any, "");
      read_number(e.value, "avoid_share", risk_ctx, r.avoid_share);
      read_number(e.value, "premium_usd_per_teu", risk_ctx, r.premium_usd_per_teu);
    }
    out.push_back(std::move(r));
  }
}

void converter::read_market(const tentry& e, market_spec& mk) {
  const std::string ctx = "market " + in_quotes(e.key);
  if (!expect_map(e.value, e.key_loc, ctx)) return;
  const auto& m = e.value;
  check_keys(m, e.key_loc, section("market"), ctx, applies::any, "");
  read_string(m, "from", ctx, mk.from_region);
  read_string(m, "to", ctx, mk.to_region);
  read_number(m, "teu_per_year", ctx, mk.teu_per_year);
  read_number_map(m, "cargo_mix", ctx, mk.cargo_mix);
  read_number_map(m, "origins", ctx, mk.origins);
  read_number_map(m, "destinations", ctx, mk.destinations);
  read_collection(m, "pairs", ctx, "market pair", mk.pairs,
                  [&](const tentry& pe, market_pair_spec& p) { read_pair(pe, p, ctx); });
  read_months(m, "seasonality", ctx, mk.seasonality, false);
  read_number(m, "train_capacity_teu", ctx, mk.train_capacity_teu);
  read_number(m, "max_wait_h", ctx, mk.max_wait_h);
  read_number(m, "promised_transit_days", ctx, mk.promised_transit_days);
  read_number(m, "rail_constant_usd_per_teu", ctx, mk.rail_constant_usd_per_teu);
  read_months(m, "rail_price_change_usd_per_teu", ctx, mk.rail_price_change_usd_per_teu, true);
  read_strings(m, "alternatives", ctx, mk.alternatives, "a list of alternative ids", "an alternative id");
  read_risks(m, ctx, mk.risks);
}

}  // namespace corridor::detail

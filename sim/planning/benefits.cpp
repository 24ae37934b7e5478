// What one year of a run is worth to an appraisal: its CO2 by traction and mode, and what shippers gain
// between a do-nothing and a do-something run of the same replication (the rule of a half).
#include <algorithm>
#include <stdexcept>

#include "corridor/planning.hpp"

namespace corridor {
namespace {

bool listed(const std::vector<std::string>& list, std::string_view id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

double per_year(double window_total, double window_days) {
  return window_days > 0.0 ? window_total * 365.0 / window_days : 0.0;
}

const market_result* find_market(const run_result& r, const std::string& id) {
  for (const auto& m : r.markets) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

const flow_result* find_flow(const run_result& r, const std::string& id) {
  for (const auto& f : r.flows) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

// Rule of a half for one market or flow: costs per TEU on each side, TEU a year on each side.
struct unit_side {
  double teu_per_year = 0.0;
  double time_usd_per_teu = 0.0;
  double out_of_pocket_usd_per_teu = 0.0;
  double transit_days = 0.0;
};

void add_rule_of_half(const unit_side& a, const unit_side& b, double vot_scale, user_benefits& out) {
  if (!(a.teu_per_year > 0.0) || !(b.teu_per_year > 0.0)) return;
  const double half = 0.5 * (a.teu_per_year + b.teu_per_year);
  out.time_usd += vot_scale * (a.time_usd_per_teu - b.time_usd_per_teu) * half;
  out.shipper_cost_usd += (a.out_of_pocket_usd_per_teu - b.out_of_pocket_usd_per_teu) * half;
  out.teu_hours_saved += 24.0 * (a.transit_days - b.transit_days) * half;
}

unit_side market_side(const market_result& m) {
  return {m.rail_delivered_teu_per_year, m.generalized_cost_usd_per_teu - m.cost_usd_per_teu,
          m.cost_usd_per_teu, m.transit_days_mean};
}

// A flow's results carry no costs of their own: time is its class's value of time x its mean transit, and
// out of pocket the run's mean per delivered TEU.
unit_side flow_side(const scenario& s, const flow_spec& spec, const flow_result& f, const run_result& r) {
  const cargo_class_spec* c = s.find_cargo_class(spec.cargo_class);
  const double vot = c ? c->value_of_time_usd_per_teu_day : 0.0;
  return {per_year(f.teu, r.window_days), vot * f.transit_days_mean, r.cost.out_of_pocket(),
          f.transit_days_mean};
}

// A rail edge's traction: listed as electric or diesel, else by its first node's country.
bool electric(const scenario& s, const edge_spec& e, const emission_factors& f) {
  if (listed(f.electric_edges, e.id)) return true;
  if (listed(f.diesel_edges, e.id)) return false;
  const node_spec* from = s.find_node(e.from);
  return from != nullptr && listed(f.electric_countries, from->country);
}

}  // namespace

double edge_g_per_teu_km(const scenario& s, std::string_view edge_id, const emission_factors& f) {
  const edge_spec* e = s.find_edge(edge_id);
  if (e == nullptr) throw std::invalid_argument("edge_g_per_teu_km: no edge '" + std::string(edge_id) + "'");
  if (e->mode == edge_mode::ferry) return f.ferry_g_per_tkm * f.load_t_per_teu;
  return (electric(s, *e, f) ? f.rail_electric_g_per_tkm : f.rail_diesel_g_per_tkm) * f.load_t_per_teu;
}

co2_breakdown co2_per_year(const scenario& s, const run_result& r, const emission_factors& f) {
  co2_breakdown out;
  for (const auto& er : r.edges) {
    const edge_spec* e = s.find_edge(er.id);
    if (e == nullptr)
      throw std::invalid_argument("co2_per_year: the run has an edge '" + er.id + "' the scenario does not");
    const double t = per_year(er.teu, r.window_days) * e->distance_km * edge_g_per_teu_km(s, er.id, f) / 1e6;
    if (e->mode == edge_mode::ferry) {
      out.ferry_t += t;
    } else if (electric(s, *e, f)) {
      out.rail_electric_t += t;
    } else {
      out.rail_diesel_t += t;
    }
  }
  for (const auto& m : r.markets) {
    for (const auto& [mode, teu] : m.teu_per_year_by_mode) {
      for (const auto& [alt, kg] : f.alternative_kg_per_teu) {
        if (alt == mode) out.alternatives_t += teu * kg / 1000.0;
      }
    }
  }
  return out;
}

user_benefits user_benefits_per_year(const scenario& s, const run_result& a, const run_result& b,
                                     double value_of_time_scale) {
  user_benefits out;
  for (const auto& ma : a.markets) {
    if (const market_result* mb = find_market(b, ma.id))
      add_rule_of_half(market_side(ma), market_side(*mb), value_of_time_scale, out);
  }
  for (const auto& spec : s.flows) {
    const flow_result* fa = find_flow(a, spec.id);
    const flow_result* fb = find_flow(b, spec.id);
    if (fa && fb)
      add_rule_of_half(flow_side(s, spec, *fa, a), flow_side(s, spec, *fb, b), value_of_time_scale, out);
  }
  return out;
}

}  // namespace corridor

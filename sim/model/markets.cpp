// Mode choice per market service and cargo class, revisited every choice.update_days (docs/model.md):
//
//   rail  = inclusive cost of the service's routes nested in corridor families (routing.cpp), with the hours
//           expected now (queues, slots, ferries, closures) and the market's risk premiums, plus the
//           market's rail constant and the change of rail's price this month against the constant's year;
//   other = each alternative's cost and door-to-door days of this month, at the class's value of time;
//   P(mode) = exp(-theta_mode GC_mode) / sum, over the modes open to the class.
//
// The rail share sets the service's arrival rate until the next revision; the other modes' volumes are not
// simulated but counted, as expected TEU over the report window, so whatever leaves rail is reported.
#include "markets.hpp"

#include <cmath>

#include "calendar.hpp"
#include "corridor/choice.hpp"
#include "demand.hpp"
#include "routing.hpp"
#include "years.hpp"

namespace corridor::detail {
namespace {

bool serves_class(const alternative_spec& a, const std::string& cargo_class) {
  if (a.classes.empty()) return true;
  for (const std::string& c : a.classes) {
    if (c == cargo_class) return true;
  }
  return false;
}

// Generalized cost of every mode for one cargo class, rail first; alternatives closed to the class are
// +infinity.
void mode_costs(const model& m, const market_spec& market, double rail_cost, const demand_facts& d, int month,
                std::vector<double>& out) {
  out.assign(1 + market.alternatives.size(), unavailable_cost);
  const auto mi = static_cast<std::size_t>(month);
  out[0] = rail_cost == unavailable_cost
               ? unavailable_cost
               : rail_cost + market.rail_constant_usd_per_teu + market.rail_price_change_usd_per_teu[mi];
  const std::string& cls = m.spec.cargo_classes[d.cargo_class].id;
  for (std::size_t a = 0; a < market.alternatives.size(); ++a) {
    const alternative_spec& alt = *m.spec.find_alternative(market.alternatives[a]);
    if (!serves_class(alt, cls)) continue;
    const cost_terms terms{.out_of_pocket_usd_per_teu = alt.cost_usd_per_teu[mi],
                           .hours = alt.transit_days[mi] * hours_per_day};
    out[1 + a] = generalized_cost_usd_per_teu(terms, d.value_of_time_per_h);
  }
}

// Shares of every mode; all zero when no mode is open (the demand is not shipped).
void mode_shares(const model& m, std::span<const double> costs, std::vector<double>& shares) {
  shares.assign(costs.size(), 0.0);
  bool any = false;
  for (double c : costs) any = any || c != unavailable_cost;
  if (any) logit_probabilities(costs, m.spec.choice.mode_scale_per_usd, shares);
}

// Revises one market service: its rail share per class, and the volumes every mode takes until `until`.
void revise_service(model& m, service_id s, double now, double until) {
  const service_facts& sf = m.facts.services[s];
  const market_spec& market = m.spec.markets[sf.market];
  service_state& st = m.state.services[s];
  expected_route_hours(m, s, m.route_hours);
  // The part of [now, until) inside the window, weighted by the market's seasonality (factor-hours).
  const double counted = monthly_integral(*sf.seasonality, std::max(now, m.frame.warmup_h), until);
  std::vector<double> costs, shares;
  for (std::size_t j = 0; j < sf.demand.size(); ++j) {
    const demand_facts& d = sf.demand[j];
    route_costs(m, s, m.route_hours, d.value_of_time_per_h, m.route_costs);
    const double rail = m.route_costs.empty() ? unavailable_cost : rail_inclusive_cost(m, s, m.route_costs);
    mode_costs(m, market, rail, d, month_of(now), costs);
    mode_shares(m, costs, shares);
    st.rail_share[j] = shares[0];
    if (counted > 0.0) record_mode_volumes(m.tallies, sf.market, d.teu_per_h * counted, shares);
  }
  update_rail_rates(m, s);
  st.known_until_h = until;
}

void revise(model& m) {
  const double now = m.eng.now();
  // A multi-year run revises at each New Year too, when the year's demand and costs apply.
  const double until = std::min(year_end_h(m), now + m.spec.choice.update_days * hours_per_day);
  for (service_id s = 0; s < m.state.services.size(); ++s) {
    if (m.facts.services[s].mode_choice) revise_service(m, s, now, until);
  }
  for (service_id s = 0; s < m.state.services.size(); ++s) {
    if (m.facts.services[s].mode_choice) resume_formation(m, s);
  }
  if (until < m.frame.horizon_h) m.eng.schedule_at(until, ev_revision, 0, 0, priority_revision);
}

}  // namespace

void start_markets(model& m) {
  if (!m.spec.markets.empty()) m.eng.schedule_at(0.0, ev_revision, 0, 0, priority_revision);
}

void on_revision(model& m) {
  revise(m);
}

}  // namespace corridor::detail

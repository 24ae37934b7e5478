// The collectors' record_ functions: what a departure and a delivery add to the run's tallies.
#include "tallies.hpp"

#include "calendar.hpp"

namespace corridor::detail {
namespace {

void add_costs(cost_breakdown& sum, const cost_breakdown& per_teu, double teu) {
  sum.haulage += per_teu.haulage * teu;
  sum.crossing_fees += per_teu.crossing_fees * teu;
  sum.handling += per_teu.handling * teu;
  sum.ferry += per_teu.ferry * teu;
  sum.subsidy += per_teu.subsidy * teu;
}

void add_share(share_tally& share, direction dir, bool via, double teu) {
  const std::size_t d = index(dir);
  const double via_count = via ? 1.0 : 0.0;
  share.trains += 1.0;
  share.trains_via += via_count;
  share.teu += teu;
  share.teu_via += via_count * teu;
  share.trains_by_direction[d] += 1.0;
  share.trains_via_by_direction[d] += via_count;
}

// Each container's door-to-door days, kept per flow and summed over the run; returns their sum.
double add_transit_days(run_tallies& t, const train_state& train, double now_h) {
  service_tally& flow = t.services[train.service];
  double sum = 0.0;
  for (double entered : train.container_entry_h) {
    const double days = (now_h - entered) / hours_per_day;
    t.transit_days_total += days;
    flow.transit_days.push_back(days);
    sum += days;
  }
  return sum;
}

}  // namespace

void record_departure(run_tallies& t, const train_state& train) {
  service_tally& flow = t.services[train.service];
  flow.route_trains[train.route] += 1.0;
  flow.route_teu[train.route] += static_cast<double>(train.container_entry_h.size());
  t.terminal_departures[train.nodes.front()] += 1.0;
}

void record_delivery(run_tallies& t, const service_facts& flow, const train_state& train, double now_h,
                     bool in_window) {
  const auto teu = static_cast<double>(train.container_entry_h.size());
  t.delivered += teu;
  t.day_teu += teu;
  t.day_trains += 1.0;
  if (!in_window) return;
  const std::size_t d = index(flow.dir);
  t.teu += teu;
  t.trains += 1.0;
  t.teu_by_direction[d] += teu;
  t.terminal_arrivals[train.nodes.back()] += 1.0;
  t.services[train.service].trains_delivered += 1.0;
  const double transit_days = add_transit_days(t, train, now_h);
  add_costs(t.cost_sum, train.cost, teu);
  t.cost_sum.time += flow.value_of_time_per_h * hours_per_day * transit_days;
  if (flow.counts_for_share) add_share(t.share, flow.dir, train.via_share_region, teu);
  t.goods_teu[d][flow.cargo_class] += teu;
}

}  // namespace corridor::detail

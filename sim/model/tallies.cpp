// The collectors' record_ functions: what a departure, an arrival at a rail origin, a revision of the mode
// shares and a delivery add to the run's tallies.
#include "tallies.hpp"

#include <algorithm>

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
  share.teu_by_direction[d] += teu;
  share.teu_via_by_direction[d] += via_count * teu;
}

// Each container's door-to-door days, kept per service and summed per market and over the run, and its TEU
// counted by cargo class into `goods_teu` (the train's direction's); returns the days' sum weighted by each
// container's value of time (USD).
double add_transit_days(run_tallies& t, const service_facts& sf, const train_state& train, double now_h,
                        std::vector<double>& goods_teu) {
  service_tally& service = t.services[train.service];
  market_tally* market = sf.market < t.markets.size() ? &t.markets[sf.market] : nullptr;
  // The sums run in locals, in the same order as one container at a time into the tallies: the appends
  // would otherwise make the compiler store and reload them for every container.
  double time_usd = 0.0;
  double total = t.transit_days_total;
  double market_sum = market ? market->transit_days_sum : 0.0;
  const std::size_t n = train.container_entry_h.size();
  const double* entry = train.container_entry_h.data();
  const std::uint16_t* cls = train.container_class.data();
  const demand_facts* demand = sf.demand.data();
  for (std::size_t i = 0; i < n; ++i) {
    const double hours = now_h - entry[i];
    const double days = hours / hours_per_day;
    total += days;
    service.transit_days.push_back(days);
    market_sum += days;
    const demand_facts& d = demand[cls[i]];
    time_usd += d.value_of_time_per_h * hours;
    goods_teu[d.cargo_class] += 1.0;  // whole numbers: exact in any order
  }
  t.transit_days_total = total;
  if (market) market->transit_days_sum = market_sum;
  return time_usd;
}

// Whether the train's route passed the share's region (for a share of trains avoiding a region: none of its
// nodes), and each gateway it passed.
bool passed(const model_facts& facts, const train_state& train, std::size_t share) {
  return std::any_of(train.nodes.begin(), train.nodes.end(),
                     [&](vertex_t v) { return facts.nodes[v].in_report_region[share]; });
}

void add_report_shares(run_tallies& t, const model_facts& facts, const service_facts& sf,
                       const train_state& train, double teu, const std::vector<bool>& avoiding) {
  for (std::size_t k = 0; k < sf.in_share.size(); ++k) {
    if (!sf.in_share[k]) continue;
    const bool via = passed(facts, train, k) != avoiding[k];
    add_share(t.shares[k], sf.share_dir[k], via, teu);
  }
  if (sf.in_share.empty() || !sf.in_share.front()) return;
  for (vertex_t v : train.nodes) {
    const std::uint32_t g = facts.nodes[v].gateway;
    if (g >= t.gateway_trains.size()) continue;
    t.gateway_trains[g] += 1.0;
    t.gateway_teu[g] += teu;
  }
}

}  // namespace

void record_departure(run_tallies& t, const train_state& train) {
  service_tally& service = t.services[train.service];
  service.route_trains[train.route] += 1.0;
  service.route_teu[train.route] += train.teu();
  t.terminal_departures[train.nodes.front()] += 1.0;
}

void record_arrivals(run_tallies& t, const service_facts& service, std::span<const double> arrival_h,
                     double window_start_h) {
  if (service.market >= t.markets.size() || arrival_h.empty()) return;
  // Arrivals come in order of time: once the first is in the window, all are (every admission after the
  // warm-up), and counting them one by one is not needed.
  const auto counted =
      arrival_h.front() >= window_start_h
          ? static_cast<std::ptrdiff_t>(arrival_h.size())
          : std::count_if(arrival_h.begin(), arrival_h.end(), [&](double h) { return h >= window_start_h; });
  t.markets[service.market].rail_entered_teu += static_cast<double>(counted);
}

void record_mode_volumes(run_tallies& t, std::uint32_t market, double teu,
                         const std::vector<double>& shares) {
  market_tally& mt = t.markets[market];
  mt.demand_teu += teu;
  double shipped = 0.0;
  for (std::size_t k = 0; k < shares.size(); ++k) {
    mt.mode_teu[k] += teu * shares[k];
    shipped += shares[k];
  }
  if (shipped <= 0.0) mt.not_shipped_teu += teu;
}

void record_delivery(run_tallies& t, const model_facts& facts, const train_state& train, double now_h,
                     bool in_window) {
  const service_facts& sf = facts.services[train.service];
  const double teu = train.teu();
  t.delivered += teu;
  t.day_teu += teu;
  t.day_trains += 1.0;
  if (!in_window) return;
  const std::size_t d = index(sf.dir);
  t.teu += teu;
  t.trains += 1.0;
  t.teu_by_direction[d] += teu;
  t.terminal_arrivals[train.nodes.back()] += 1.0;
  t.services[train.service].trains_delivered += 1.0;
  t.services[train.service].train_transit_days += (now_h - train.departed_h) / hours_per_day;
  const double time_usd = add_transit_days(t, sf, train, now_h, t.goods_teu[d]);
  add_costs(t.cost_sum, train.cost, teu);
  t.cost_sum.time += time_usd;
  if (sf.counts_for_share) add_share(t.share, sf.dir, train.via_share_region, teu);
  add_report_shares(t, facts, sf, train, teu, t.share_avoiding);
  if (sf.market < t.markets.size()) {
    market_tally& mt = t.markets[sf.market];
    mt.delivered_teu += teu;
    add_costs(mt.cost_sum, train.cost, teu);
    mt.cost_sum.time += time_usd;
  }
}

}  // namespace corridor::detail

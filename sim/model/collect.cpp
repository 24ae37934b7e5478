// Turns the state at the end of a run into a run_result: plain numbers over the report window, and the
// container count over the whole run (entered = delivered + in system, counted independently).
#include <algorithm>
#include <cmath>

#include "calendar.hpp"
#include "corridor_model.hpp"

namespace corridor::detail {

namespace {

double ratio(double a, double b) {
  return b > 0.0 ? a / b : 0.0;
}

double percentile(std::vector<double>& v, double q) {
  if (v.empty()) return 0.0;
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  std::nth_element(v.begin(), v.begin() + static_cast<long>(lo), v.end());
  const double a = v[lo];
  if (lo + 1 >= v.size()) return a;
  const double b = *std::min_element(v.begin() + static_cast<long>(lo) + 1, v.end());
  return a + (pos - static_cast<double>(lo)) * (b - a);
}

double mean_of(const std::vector<double>& v) {
  double sum = 0.0;
  for (double x : v) sum += x;
  return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
}

queue_result queue_summary(const queue_stats& st, std::string id, std::string kind) {
  queue_result q;
  q.id = std::move(id);
  q.kind = std::move(kind);
  q.mean_wait_h = st.waits().mean();
  q.p95_wait_h = st.waits().p95();
  q.mean_queue_trains = st.mean_waiting();
  q.max_queue_trains = st.max_waiting();
  q.arrivals_per_h = ratio(static_cast<double>(st.arrivals()), st.elapsed());
  return q;
}

}  // namespace

run_result corridor_model::results() const {
  run_result r;
  r.seed = seed_;
  r.replication = replication_;
  r.events = eng_.events_processed();
  r.window_days = (horizon_h_ - warmup_h_) / hours_per_day;
  r.throughput_teu_per_day = ratio(window_teu_, r.window_days);
  r.throughput_trains_per_day = ratio(window_trains_, r.window_days);
  r.throughput_teu_per_day_westbound = ratio(window_teu_dir_[0], r.window_days);
  r.throughput_teu_per_day_eastbound = ratio(window_teu_dir_[1], r.window_days);
  r.cost.haulage = ratio(cost_sum_.haulage, window_teu_);
  r.cost.crossing_fees = ratio(cost_sum_.crossing_fees, window_teu_);
  r.cost.handling = ratio(cost_sum_.handling, window_teu_);
  r.cost.ferry = ratio(cost_sum_.ferry, window_teu_);
  r.cost.subsidy = ratio(cost_sum_.subsidy, window_teu_);
  r.cost.time = ratio(cost_sum_.time, window_teu_);
  r.cost_usd_per_teu = r.cost.out_of_pocket();
  r.generalized_cost_usd_per_teu = r.cost.generalized();
  // Percentiles do not depend on order, so all flows' samples together give the run's.
  std::vector<double> transit;
  for (const auto& days : flow_transit_days_) transit.insert(transit.end(), days.begin(), days.end());
  r.transit_days_mean = transit.empty() ? 0.0 : transit_days_total_ / static_cast<double>(transit.size());
  r.transit_days_p50 = percentile(transit, 0.50);
  r.transit_days_p95 = percentile(transit, 0.95);
  r.share_central_asia_trains = ratio(share_trains_via_, share_trains_);
  r.share_central_asia_teu = ratio(share_teu_via_, share_teu_);
  r.share_central_asia_trains_westbound = ratio(share_dir_via_[0], share_dir_trains_[0]);
  r.share_central_asia_trains_eastbound = ratio(share_dir_via_[1], share_dir_trains_[1]);

  // Containers still in the system: waiting at origins plus aboard undelivered trains.
  double in_system = 0.0;
  for (const flow_state& f : flows_) in_system += static_cast<double>(f.waiting_since_h.size());
  for (const train_state& t : trains_) {
    if (!t.delivered) in_system += static_cast<double>(t.container_entry_h.size());
  }
  r.containers_entered = entered_;
  r.containers_delivered = delivered_;
  r.containers_in_system = in_system;
  for (vertex_t v = 0; v < net_.num_nodes(); ++v) {
    if (s_.nodes[net_.props(v).spec].kind == node_kind::terminal) {
      r.empty_trains_moved += std::max(0.0, terminal_departures_[v] - terminal_arrivals_[v]);
    }
  }

  for (vertex_t v = 0; v < crossings_.size(); ++v) {
    const crossing_state& c = crossings_[v];
    if (!c.is_crossing) continue;
    queue_result q = queue_summary(c.stats, net_.props(v).id, "crossing");
    q.trains = static_cast<double>(c.stats.served());
    q.utilization = ratio(c.stats.mean_busy(), c.tracks);
    r.queues.push_back(std::move(q));
  }
  for (std::uint32_t e = 0; e < ferries_.size(); ++e) {
    const edge_props& ep = net_.props(e);
    if (ep.mode != edge_mode::ferry) continue;
    const ferry_state& f = ferries_[e];
    queue_result q =
        queue_summary(f.stats, s_.edges[ep.spec].id + "@" + net_.props(net_.source(e)).id, "ferry");
    q.trains = static_cast<double>(f.stats.served());
    q.teu = f.teu_carried;
    q.utilization = ratio(f.teu_carried, f.teu_offered);
    q.sailings = f.sailings;
    q.cancelled_sailings = f.cancelled;
    r.queues.push_back(std::move(q));
  }

  for (std::uint32_t fi = 0; fi < flows_.size(); ++fi) {
    const flow_state& f = flows_[fi];
    double total = 0.0;
    for (double n : f.route_trains) total += n;
    const auto& paths = p_.path_sets[fi];
    for (std::size_t i = 0; i < paths.size(); ++i) {
      route_result rr;
      rr.flow = s_.flows[fi].id;
      for (vertex_t v : paths[i].nodes) {
        if (!rr.route.empty()) rr.route += '>';
        rr.route += net_.props(v).id;
        if (in_share_region_[v]) rr.via_share_region = true;
      }
      rr.trains = f.route_trains[i];
      rr.teu = f.route_teu[i];
      rr.share = ratio(f.route_trains[i], total);
      r.routes.push_back(std::move(rr));
    }
  }

  for (std::uint32_t spec = 0; spec < s_.edges.size(); ++spec) {
    edge_result er;
    er.id = s_.edges[spec].id;
    double offered = 0.0;
    for (std::uint32_t e : net_.edges_of_spec(spec)) {
      er.trains += net_.props(e).mode == edge_mode::ferry ? static_cast<double>(ferries_[e].stats.served())
                                                          : lines_[e].departures;
      er.teu += net_.props(e).mode == edge_mode::ferry ? ferries_[e].teu_carried : lines_[e].teu;
      offered += s_.edges[spec].slots_per_day * r.window_days;
    }
    if (net_.props(net_.edges_of_spec(spec).front()).mode == edge_mode::ferry) {
      double offered_teu = 0.0;
      for (std::uint32_t e : net_.edges_of_spec(spec)) offered_teu += ferries_[e].teu_offered;
      er.utilization = ratio(er.teu, offered_teu);
    } else {
      er.utilization = ratio(er.trains, offered);
      double wait_h = 0.0;
      for (std::uint32_t e : net_.edges_of_spec(spec)) wait_h += lines_[e].slot_wait_h;
      er.mean_slot_wait_h = ratio(wait_h, er.trains);
    }
    r.edges.push_back(std::move(er));
  }

  static constexpr const char* dir_names[] = {"westbound", "eastbound", "other"};
  for (std::uint32_t fi = 0; fi < flows_.size(); ++fi) {
    flow_result fr;
    fr.id = s_.flows[fi].id;
    fr.direction = dir_names[static_cast<std::size_t>(flows_[fi].dir)];
    std::vector<double> days = flow_transit_days_[fi];
    fr.teu = static_cast<double>(days.size());
    fr.trains = flow_trains_[fi];
    fr.transit_days_mean = mean_of(days);
    fr.transit_days_p50 = percentile(days, 0.50);
    fr.transit_days_p95 = percentile(days, 0.95);
    r.flows.push_back(std::move(fr));
  }
  const double per_year = ratio(365.0, r.window_days);
  for (std::size_t d = 0; d < 3; ++d) {
    for (std::size_t c = 0; c < s_.cargo_classes.size(); ++c) {
      goods_result g;
      g.direction = dir_names[d];
      g.cargo_class = s_.cargo_classes[c].id;
      g.teu = goods_teu_[d][c];
      g.goods_value_usd_per_year = g.teu * s_.cargo_classes[c].goods_value_usd_per_teu * per_year;
      r.goods.push_back(std::move(g));
    }
  }
  r.daily = daily_;
  return r;
}

}  // namespace corridor::detail

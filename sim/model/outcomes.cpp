// What happens at the end of a journey and on the calendar: delivery and its tallies, disruptions opening
// and closing parts of the network, and the daily series.
#include <algorithm>
#include <cmath>

#include "calendar.hpp"
#include "corridor_model.hpp"

namespace corridor::detail {

namespace {

// Appends one queue's day to the row, in run_result::queues order.
void add_queue_day(daily_row& row, const queue_day& d, double waiting_now, double utilization) {
  row.queue_trains.push_back(waiting_now);
  row.mean_queue_trains.push_back(d.mean_waiting);
  row.max_queue_trains.push_back(d.max_waiting);
  row.utilization.push_back(utilization);
  row.mean_wait_h.push_back(d.mean_wait_h);
  row.p95_wait_h.push_back(d.p95_wait_h);
}

}  // namespace

void corridor_model::deliver(std::uint32_t id) {
  train_state& t = trains_[id];
  const flow_state& st = flows_[t.flow];
  const double now = eng_.now();
  const auto teu = static_cast<double>(t.container_entry_h.size());
  delivered_ += teu;
  day_teu_ += teu;
  day_trains_ += 1.0;
  if (in_window()) {
    const auto d = static_cast<std::size_t>(st.dir);
    window_teu_ += teu;
    window_trains_ += 1.0;
    window_teu_dir_[d] += teu;
    terminal_arrivals_[t.nodes.back()] += 1.0;
    double transit_days_sum = 0.0;
    flow_trains_[t.flow] += 1.0;
    for (double entered : t.container_entry_h) {
      const double days = (now - entered) / hours_per_day;
      transit_days_total_ += days;
      flow_transit_days_[t.flow].push_back(days);
      transit_days_sum += days;
    }
    cost_sum_.haulage += t.cost.haulage * teu;
    cost_sum_.crossing_fees += t.cost.crossing_fees * teu;
    cost_sum_.handling += t.cost.handling * teu;
    cost_sum_.ferry += t.cost.ferry * teu;
    cost_sum_.subsidy += t.cost.subsidy * teu;
    cost_sum_.time += st.value_of_time_per_h * hours_per_day * transit_days_sum;
    if (st.counts_for_share) {
      const double via = t.via_share_region ? 1.0 : 0.0;
      share_trains_ += 1.0;
      share_trains_via_ += via;
      share_teu_ += teu;
      share_teu_via_ += via * teu;
      share_dir_trains_[d] += 1.0;
      share_dir_via_[d] += via;
    }
    const auto cls = static_cast<std::size_t>(class_index_[t.flow]);
    goods_teu_[d][cls] += teu;
  }
  t.container_entry_h = {};  // the containers have left the system
  t.delivered = true;
}

void corridor_model::on_disruption(std::uint32_t d, bool starts) {
  const disruption_spec& ds = s_.disruptions[d];
  disruption_active_[d] = starts;
  // Disruptions of one target may overlap: the most severe one in force applies, so the end of one does not
  // lift another that is still on.
  double factor = 1.0;
  for (std::uint32_t o = 0; o < s_.disruptions.size(); ++o) {
    if (disruption_active_[o] && s_.disruptions[o].target == ds.target)
      factor = std::min(factor, s_.disruptions[o].capacity_factor);
  }
  ++plan_version_;
  if (auto v = net_.find_node(ds.target)) {
    node_factor_[*v] = factor;
    if (factor > 0.0) {
      if (crossings_[*v].is_crossing) try_start_service(*v);
      std::deque<std::uint32_t> held;
      held.swap(held_[*v]);
      for (std::uint32_t id : held) leave_node(id);
    }
    return;
  }
  const edge_spec* es = s_.find_edge(ds.target);
  if (es == nullptr) throw model_error("disruption '" + ds.id + "' names unknown target '" + ds.target + "'");
  const auto spec = static_cast<std::uint32_t>(es - s_.edges.data());
  for (std::uint32_t e : net_.edges_of_spec(spec)) {
    if (net_.props(e).mode == edge_mode::ferry) {
      ferries_[e].capacity_factor = factor;
    } else {
      lines_[e].capacity_factor = factor;
      lines_[e].closed = factor <= 0.0;
      if (!lines_[e].closed) release_line(e);
    }
  }
}

void corridor_model::on_day_tick() {
  const double now = eng_.now();
  const bool record = now > warmup_h_ + 1e-9;  // days that end inside the window
  daily_row row;
  row.day = static_cast<int>(std::lround(now / hours_per_day)) - 1;
  row.teu_delivered = day_teu_;
  row.trains_delivered = day_trains_;
  // Every queue closes its day, warm-up days too, so the first window day starts at the window's start.
  for (vertex_t v = 0; v < crossings_.size(); ++v) {
    crossing_state& c = crossings_[v];
    if (!c.is_crossing) continue;
    const queue_day d = c.stats.close_day(now);
    const double utilization = c.tracks > 0 ? d.mean_busy / c.tracks : 0.0;
    add_queue_day(row, d, static_cast<double>(c.waiting.size()), utilization);
  }
  for (std::uint32_t e = 0; e < ferries_.size(); ++e) {
    if (net_.props(e).mode != edge_mode::ferry) continue;
    ferry_state& f = ferries_[e];
    const queue_day d = f.stats.close_day(now, f.teu_carried, f.teu_offered);
    const double utilization = d.offered > 0.0 ? d.carried / d.offered : 0.0;  // 0: no sailing that day
    add_queue_day(row, d, static_cast<double>(f.waiting.size()), utilization);
  }
  if (record) daily_.push_back(std::move(row));
  day_teu_ = 0.0;
  day_trains_ = 0.0;
}

}  // namespace corridor::detail

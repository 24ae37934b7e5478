// What happens at the end of a journey and on the calendar: delivery, the daily series, the window's
// opening, and the queues' closing at the horizon.
#include "outcomes.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

#include "calendar.hpp"
#include "crossings.hpp"
#include "ports.hpp"
#include "reblock.hpp"
#include "wagons.hpp"

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

// Every crossing's day, then every ferry leg's, in run_result::queues order.
void add_queue_days(model& m, daily_row& row) {
  const double now = m.eng.now();
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    if (!m.facts.nodes[v].is_crossing) continue;
    const queue_day d = m.tallies.crossing_queues[v].close_day(now);
    const int tracks = node_spec_of(m, v).crossing.tracks;
    const double utilization = tracks > 0 ? d.mean_busy / tracks : 0.0;
    add_queue_day(row, d, static_cast<double>(m.state.crossings[v].waiting.size()), utilization);
  }
  for (edge_id e = 0; e < m.net.num_edges(); ++e) {
    if (!is_ferry(m, e)) continue;
    const ferry_tally& f = m.tallies.ferries[e];
    const queue_day d = m.tallies.ferry_queues[e].close_day(now, f.units_carried, f.units_offered);
    const double utilization = d.offered > 0.0 ? d.carried / d.offered : 0.0;  // 0: no sailing that day
    add_queue_day(row, d, static_cast<double>(m.state.ferries[e].waiting.size()), utilization);
  }
}

}  // namespace

void deliver(model& m, train_id id) {
  train_state& t = m.state.trains[id];
  record_delivery(m.tallies, m.facts, t, m.eng.now(), in_window(m));
  // The containers have left the system: their memory goes back for the trains still to form (`= {}` would
  // only clear, keeping the capacity: 23 MB a year of the baseline). So does the route (nothing reads a
  // delivered train's route; a multi-year run clears it at the year's end anyway): the trains still
  // travelling then keep their routes among each other, not spread between the dead ones' (a year's 34,000
  // routes), so that reaching a train's next node misses the cache less often.
  std::vector<double>().swap(t.container_entry_h);
  std::vector<std::uint16_t>().swap(t.container_class);
  std::vector<vertex_t>().swap(t.nodes);
  std::vector<edge_id>().swap(t.edges);
  t.delivered = true;
}

void schedule_calendar(model& m) {
  for (double t = hours_per_day; t <= m.frame.horizon_h + same_instant_h; t += hours_per_day) {
    m.eng.schedule_at(t, ev_day_tick, 0, 0, priority_day_tick);
  }
  if (m.frame.warmup_h > 0) m.eng.schedule_at(m.frame.warmup_h, ev_warmup_end, 0, 0, priority_warmup_end);
}

void on_day_tick(model& m) {
  const double now = m.eng.now();
  daily_row row;
  row.day = static_cast<int>(std::lround(now / hours_per_day)) - 1;
  row.teu_delivered = m.tallies.day_teu;
  row.trains_delivered = m.tallies.day_trains;
  // Every queue closes its day, warm-up days too, so the first window day starts at the window's start.
  add_queue_days(m, row);
  add_port_days(m, row);
  add_wagon_days(m, row);
  const bool ends_in_window = now > m.frame.warmup_h + same_instant_h;
  if (ends_in_window) m.tallies.daily.push_back(std::move(row));
  m.tallies.day_teu = 0.0;
  m.tallies.day_trains = 0.0;
}

void on_warmup_end(model& m) {
  const double now = m.eng.now();
  for (auto& q : m.tallies.crossing_queues) q.reset(now);
  for (auto& q : m.tallies.customs_queues) q.reset(now);
  for (auto& ways : m.tallies.crossing_way_queues) {
    for (auto& q : ways) q.reset(now);
  }
  for (auto& q : m.tallies.ferry_queues) q.reset(now);
  reset_port_tallies(m);
  reset_wagon_tallies(m);
  reset_reblock_tallies(m);
}

void close_queues(model& m) {
  const double end = m.frame.horizon_h;
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    queue_stats& q = m.tallies.crossing_queues[v];
    for (train_id id : m.state.crossings[v].waiting) q.still_waiting(end, m.state.trains[id].queued_since_h);
    q.finish(end);
    queue_stats& customs = m.tallies.customs_queues[v];
    for (train_id id : m.state.crossings[v].customs_waiting)
      customs.still_waiting(end, m.state.trains[id].queued_since_h);
    customs.finish(end);
    if (node_spec_of(m, v).crossing.split_tracks()) {
      auto& ways = m.tallies.crossing_way_queues[v];
      for (train_id id : m.state.crossings[v].waiting) {
        const train_state& t = m.state.trains[id];
        ways[static_cast<std::size_t>(crossing_way(m, t.nodes[t.pos - 1], v))].still_waiting(
            end, t.queued_since_h);
      }
      for (auto& way : ways) way.finish(end);
    }
  }
  for (edge_id e = 0; e < m.net.num_edges(); ++e) {
    queue_stats& q = m.tallies.ferry_queues[e];
    for (train_id id : m.state.ferries[e].waiting) q.still_waiting(end, m.state.trains[id].queued_since_h);
    q.finish(end);
  }
  close_port_tallies(m);
  close_wagon_tallies(m);
  close_reblock_tallies(m);
}

}  // namespace corridor::detail

// Rail lines: a headway between departures from the line's slots, travel time, and holds while closed.
#include "lines.hpp"

#include <algorithm>

#include "calendar.hpp"
#include "journey.hpp"

namespace corridor::detail {
namespace {

// Counted when the train leaves, not when it joins the slot queue: only departures inside the window.
void record_line_departure(model& m, edge_id e, double depart_h, double teu) {
  if (depart_h < m.frame.warmup_h || depart_h > m.frame.horizon_h) return;
  line_tally& tally = m.tallies.lines[e];
  tally.departures += 1.0;
  tally.teu += teu;
  tally.slot_wait_h += depart_h - m.eng.now();
}

}  // namespace

void board_line(model& m, train_id id, edge_id e) {
  line_state& line = m.state.lines[e];
  if (line.closed) {
    enqueue_by_priority(line.waiting, id, m.state.trains);
    return;
  }
  train_state& t = m.state.trains[id];
  const edge_props& ep = m.net.props(e);
  const edge_spec& spec = m.spec.edges[ep.spec];
  double depart = m.eng.now();
  // A train with priority takes the path its timetable holds now; the slot it uses is one the ordinary
  // trains behind it no longer have.
  if (spec.slots_per_day > 0 && t.priority == 0) depart = std::max(depart, line.next_free_h);
  if (spec.has_window()) depart = next_open_time(depart, spec.open_from_hour, spec.open_to_hour);
  if (spec.slots_per_day > 0) {
    line.next_free_h =
        std::max(depart, line.next_free_h) + hours_per_day / (spec.slots_per_day * line.capacity_factor);
  }
  double travel_h = ep.travel_days() * hours_per_day;
  if (line.travel_varies) travel_h = sample_lognormal(line.travel, line.travel_rng);  // lognormal, cv > 0
  if (!t.empty) travel_h /= m.facts.services[t.service].speed_factor;  // a lognormal scaled keeps its cv
  t.cost.haulage += ep.tariff_usd_per_teu_km * ep.distance_km;
  record_line_departure(m, e, depart, t.teu());
  ++t.pos;
  m.eng.schedule_at(depart + travel_h, ev_train_at_node, id);
}

void release_line(model& m, edge_id e) {
  std::deque<train_id> waiting;
  waiting.swap(m.state.lines[e].waiting);
  for (train_id id : waiting) leave_node(m, id);
}

}  // namespace corridor::detail

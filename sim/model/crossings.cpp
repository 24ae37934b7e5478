// Border crossings as queues with servers: FIFO over parallel tracks, a daily cap on service starts, a gauge
// change or a pass-through per train, then customs.
#include "crossings.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "calendar.hpp"
#include "journey.hpp"

namespace corridor::detail {
namespace {

const crossing_spec& crossing_of(const model& m, vertex_t v) {
  return node_spec_of(m, v).crossing;
}

// A published daily cap under the disruptions in force; 0 means no cap.
int scaled_cap(const model& m, vertex_t v, int cap) {
  if (cap <= 0) return 0;
  return std::max(1, static_cast<int>(std::lround(cap * m.state.nodes[v].capacity_factor)));
}

// Service starts allowed per day, both directions together; 0 means no cap.
int effective_daily_cap(const model& m, vertex_t v) {
  return scaled_cap(m, v, crossing_of(m, v).daily_cap_trains);
}

int way_of(const model& m, vertex_t v, const train_state& t) {
  return crossing_way(m, t.nodes[t.pos - 1], v);
}

std::size_t day_index(double h) {
  return static_cast<std::size_t>(std::max(0.0, std::floor(h / hours_per_day)));
}

int way_cap(const model& m, vertex_t v, int way) {
  const crossing_spec& spec = crossing_of(m, v);
  return scaled_cap(m, v, way == 0 ? spec.daily_cap_trains_entering : spec.daily_cap_trains_leaving);
}

// Tracks kept for each way and shared by both, under the disruptions in force (crossings with tracks kept per
// direction): each count scaled like the tracks, at least one of each that exists; none when closed.
struct way_tracks {
  std::array<int, 2> kept{};
  int shared = 0;
};

way_tracks effective_way_tracks(const model& m, vertex_t v) {
  const crossing_spec& spec = crossing_of(m, v);
  const double factor = m.state.nodes[v].capacity_factor;
  if (factor <= 0.0) return {};
  const auto scaled = [factor](int n) {
    return n > 0 ? std::max(1, static_cast<int>(std::lround(n * factor))) : 0;
  };
  return {{scaled(spec.tracks_entering), scaled(spec.tracks_leaving)},
          scaled(spec.tracks - spec.tracks_entering - spec.tracks_leaving)};
}

// A train of `way` finds a track: one kept for its way, or a shared one. Tracks are alike, so a way's trains
// count on its kept tracks first and only those beyond them on shared ones.
bool way_track_free(const crossing_state& c, const way_tracks& tracks, int way) {
  const auto w = static_cast<std::size_t>(way);
  if (c.busy_way[w] < tracks.kept[w]) return true;
  const int shared_busy =
      std::max(0, c.busy_way[0] - tracks.kept[0]) + std::max(0, c.busy_way[1] - tracks.kept[1]);
  return shared_busy < tracks.shared;
}

// Starts the front train's service: a gauge change when the lines in and out differ, else a pass-through.
void start_service(model& m, vertex_t v, crossing_state& c, std::size_t at, int way) {
  const double now = m.eng.now();
  const train_id id = c.waiting[at];
  c.waiting.erase(c.waiting.begin() + static_cast<std::ptrdiff_t>(at));
  train_state& t = m.state.trains[id];
  const auto w = static_cast<std::size_t>(way);
  ++c.started_today_way[w];
  queue_stats& q = m.tallies.crossing_queues[v];
  q.leave(now, t.queued_since_h);
  ++c.busy;
  ++c.started_today;
  q.set_busy(now, c.busy);
  q.set_waiting(now, static_cast<double>(c.waiting.size()));
  const crossing_spec& spec = crossing_of(m, v);
  if (spec.split_tracks()) {
    queue_stats& qw = m.tallies.crossing_way_queues[v][w];
    qw.leave(now, t.queued_since_h);
    ++c.busy_way[w];
    --c.waiting_way[w];
    qw.set_busy(now, c.busy_way[w]);
    qw.set_waiting(now, c.waiting_way[w]);
  }
  const int gauge_in = m.net.props(t.edges[t.pos - 1]).gauge_mm;
  const int gauge_out = m.net.props(t.edges[t.pos]).gauge_mm;
  const distribution& d = gauge_in != gauge_out ? spec.transshipment_h : spec.pass_through_h;
  t.cost.crossing_fees += spec.fee_usd_per_teu;
  m.eng.schedule_in(d.sample(c.service_rng), ev_service_done, id);
}

// Today's starts left per way under the caps (crossings.hpp): a way is open while it and the total have room.
struct day_caps {
  int total = 0;
  std::array<int, 2> way{};
  bool total_open(const crossing_state& c) const { return total == 0 || c.started_today < total; }
  bool way_open(const crossing_state& c, int w) const {
    const auto i = static_cast<std::size_t>(w);
    return way[i] == 0 || c.started_today_way[i] < way[i];
  }
};

day_caps caps_of(const model& m, vertex_t v) {
  return {effective_daily_cap(m, v), {way_cap(m, v, 0), way_cap(m, v, 1)}};
}

// Every track serves both ways: FIFO over the open tracks. Returns whether a cap held a train back.
bool start_shared(model& m, vertex_t v, crossing_state& c) {
  const day_caps caps = caps_of(m, v);
  const auto tracks = static_cast<int>(effective_tracks(m, v));
  while (!c.waiting.empty() && c.busy < tracks) {
    // A train with priority holds a path in the day's plan: the caps count it but never refuse it.
    const train_state& first = m.state.trains[c.waiting[0]];
    if (first.priority > 0) {
      start_service(m, v, c, 0, way_of(m, v, first));
      continue;
    }
    if (!caps.total_open(c) || (!caps.way_open(c, 0) && !caps.way_open(c, 1))) return true;
    // FIFO within what today's caps allow: the oldest train whose direction still has starts left.
    std::size_t at = 0;
    int way = way_of(m, v, m.state.trains[c.waiting[0]]);
    while (!caps.way_open(c, way)) {
      if (++at == c.waiting.size()) return true;
      way = way_of(m, v, m.state.trains[c.waiting[at]]);
    }
    start_service(m, v, c, at, way);
  }
  return false;
}

// Tracks kept per direction: each way's oldest trains while they find a track kept for their way or a
// shared one, so one direction's queue never holds the other's trains. A way stays blocked for the rest of
// the pass once a train of it finds no track or meets a cap (trains with priority come first, and starting
// a train never frees a track). Returns whether a cap held a train back.
bool start_split(model& m, vertex_t v, crossing_state& c) {
  const day_caps caps = caps_of(m, v);
  const way_tracks tracks = effective_way_tracks(m, v);
  std::array<bool, 2> blocked{!way_track_free(c, tracks, 0), !way_track_free(c, tracks, 1)};
  bool capped = false;
  std::size_t at = 0;
  while (at < c.waiting.size() && !(blocked[0] && blocked[1])) {
    const train_state& t = m.state.trains[c.waiting[at]];
    const int way = way_of(m, v, t);
    const auto w = static_cast<std::size_t>(way);
    if (!blocked[w] && t.priority == 0 && (!caps.total_open(c) || !caps.way_open(c, way))) {
      capped = true;
      blocked[w] = true;
    }
    if (blocked[w]) {
      ++at;
      continue;
    }
    start_service(m, v, c, at, way);
    for (int o = 0; o < 2; ++o) blocked[static_cast<std::size_t>(o)] |= !way_track_free(c, tracks, o);
  }
  return capped;
}

}  // namespace

void join_crossing(model& m, vertex_t v, train_id id) {
  crossing_state& c = m.state.crossings[v];
  queue_stats& q = m.tallies.crossing_queues[v];
  enqueue_by_priority(c.waiting, id, m.state.trains);
  m.state.trains[id].queued_since_h = m.eng.now();
  q.arrival();
  q.set_waiting(m.eng.now(), static_cast<double>(c.waiting.size()));
  if (crossing_of(m, v).split_tracks()) {
    const auto w = static_cast<std::size_t>(way_of(m, v, m.state.trains[id]));
    queue_stats& qw = m.tallies.crossing_way_queues[v][w];
    ++c.waiting_way[w];
    qw.arrival();
    qw.set_waiting(m.eng.now(), c.waiting_way[w]);
  }
  try_start_service(m, v);
}

void try_start_service(model& m, vertex_t v) {
  crossing_state& c = m.state.crossings[v];
  const int day = static_cast<int>(std::floor(m.eng.now() / hours_per_day));
  if (day != c.day) {
    c.day = day;
    c.started_today = 0;
    c.started_today_way = {0, 0};
  }
  const bool capped = crossing_of(m, v).split_tracks() ? start_split(m, v, c) : start_shared(m, v, c);
  if (capped && !c.retry_pending) {
    m.eng.schedule_at((day + 1) * hours_per_day, ev_crossing_retry, static_cast<std::uint32_t>(v));
    c.retry_pending = true;
  }
}

void on_service_done(model& m, train_id id) {
  train_state& t = m.state.trains[id];
  const vertex_t v = t.nodes[t.pos];
  crossing_state& c = m.state.crossings[v];
  --c.busy;
  m.tallies.crossing_queues[v].set_busy(m.eng.now(), c.busy);
  if (crossing_of(m, v).split_tracks()) {
    const auto w = static_cast<std::size_t>(way_of(m, v, t));
    --c.busy_way[w];
    m.tallies.crossing_way_queues[v][w].set_busy(m.eng.now(), c.busy_way[w]);
  }
  if (crossing_of(m, v).customs_servers > 0) {
    enqueue_by_priority(c.customs_waiting, id, m.state.trains);
    t.queued_since_h = m.eng.now();
    queue_stats& q = m.tallies.customs_queues[v];
    q.arrival();
    q.set_waiting(m.eng.now(), static_cast<double>(c.customs_waiting.size()));
    try_start_customs(m, v);
  } else {
    m.eng.schedule_in(crossing_of(m, v).customs_dwell_h.sample(c.customs_rng), ev_customs_done, id);
  }
  try_start_service(m, v);
}

void try_start_customs(model& m, vertex_t v) {
  crossing_state& c = m.state.crossings[v];
  const crossing_spec& spec = crossing_of(m, v);
  queue_stats& q = m.tallies.customs_queues[v];
  const double now = m.eng.now();
  while (c.customs_busy < spec.customs_servers && !c.customs_waiting.empty()) {
    const train_id id = c.customs_waiting.front();
    c.customs_waiting.pop_front();
    q.leave(now, m.state.trains[id].queued_since_h);
    ++c.customs_busy;
    q.set_busy(now, c.customs_busy);
    q.set_waiting(now, static_cast<double>(c.customs_waiting.size()));
    m.eng.schedule_in(spec.customs_dwell_h.sample(c.customs_rng), ev_customs_done, id);
  }
}

void on_customs_done(model& m, train_id id) {
  const train_state& t = m.state.trains[id];
  const vertex_t v = t.nodes[t.pos];
  if (crossing_of(m, v).customs_servers > 0) {
    crossing_state& c = m.state.crossings[v];
    --c.customs_busy;
    m.tallies.customs_queues[v].set_busy(m.eng.now(), c.customs_busy);
    try_start_customs(m, v);
  }
  leave_node(m, id);
}

void on_crossing_retry(model& m, vertex_t v) {
  m.state.crossings[v].retry_pending = false;
  try_start_service(m, v);
}

int crossing_way(const model& m, vertex_t from, vertex_t v) {
  return m.facts.nodes[from].country == m.facts.nodes[v].country ? 1 : 0;
}

double plan_hold_h(const model& m, vertex_t v, int way, double arrival_h, bool within_booking) {
  const node_facts& nf = m.facts.nodes[v];
  const int plan = nf.daily_plan[static_cast<std::size_t>(way)];
  if (plan <= 0) return 0.0;
  const auto& booked = m.state.crossings[v].planned[static_cast<std::size_t>(way)];
  const std::size_t first = day_index(arrival_h);
  std::size_t day = first;
  while (day < booked.size() && booked[day] >= plan) ++day;
  if (within_booking && day - first > static_cast<std::size_t>(nf.plan_booking_days))
    return std::numeric_limits<double>::infinity();
  return day == first ? 0.0 : static_cast<double>(day) * hours_per_day - arrival_h;
}

void book_plan(model& m, vertex_t v, int way, double arrival_h) {
  auto& booked = m.state.crossings[v].planned[static_cast<std::size_t>(way)];
  const std::size_t day = day_index(arrival_h);
  if (booked.size() <= day) booked.resize(day + 1, 0);
  ++booked[day];
}

std::size_t effective_tracks(const model& m, vertex_t v) {
  const double factor = m.state.nodes[v].capacity_factor;
  if (factor <= 0.0) return 0;
  const int tracks = m.facts.nodes[v].tracks;
  if (factor == 1.0) return static_cast<std::size_t>(std::max(1, tracks));  // lround(tracks * 1.0), exactly
  return static_cast<std::size_t>(std::max(1L, std::lround(tracks * factor)));
}

double crossing_expected_wait_h(const model& m, vertex_t v) {
  const crossing_state& c = m.state.crossings[v];
  const std::size_t tracks = effective_tracks(m, v);
  if (tracks == 0) return std::numeric_limits<double>::infinity();
  const double ahead =
      static_cast<double>(c.waiting.size()) + (c.busy >= static_cast<int>(tracks) ? 1.0 : 0.0);
  double wait = ahead * mean_service_h(m, v) / static_cast<double>(tracks);
  // A daily cap drains the queue at its rate at best.
  const int cap = m.facts.nodes[v].planning_cap_trains;
  if (cap > 0) {
    const double starts_per_day = cap * m.state.nodes[v].capacity_factor;
    wait = std::max(wait, static_cast<double>(c.waiting.size()) / starts_per_day * hours_per_day);
  }
  // Customs with servers: those queued for it and those ahead in the track queue pass its servers too.
  const node_facts& nf = m.facts.nodes[v];
  if (nf.customs_servers > 0) {
    const double customs_ahead = static_cast<double>(c.customs_waiting.size() + c.waiting.size()) +
                                 (c.customs_busy >= nf.customs_servers ? 1.0 : 0.0);
    wait = std::max(wait, customs_ahead * nf.customs_dwell_mean_h / nf.customs_servers);
  }
  return wait;
}

}  // namespace corridor::detail

// Trains moving: through nodes, FIFO border crossings (tracks, gauge change or pass-through, customs, a
// daily cap), rail lines with departure slots, scheduled ferries with capacity and weather, disruptions,
// and delivery at the destination.
#include <cmath>

#include "calendar.hpp"
#include "corridor_model.hpp"

namespace corridor::detail {

double corridor_model::route_usd_per_teu(const path& p) const {
  double usd = 0.0;
  for (std::size_t i = 0; i < p.edges.size(); ++i) {
    const edge_props& ep = net_.props(p.edges[i]);
    usd += ep.mode == edge_mode::rail ? ep.tariff_usd_per_teu_km * ep.distance_km
                                      : s_.edges[ep.spec].ferry.fare_usd_per_teu;
    const node_spec& n = s_.nodes[net_.props(p.nodes[i + 1]).spec];
    usd += n.handling_usd_per_teu + (n.kind == node_kind::crossing ? n.crossing.fee_usd_per_teu : 0.0);
  }
  return usd;
}

double corridor_model::mean_service_h(vertex_t v) const {
  const crossing_spec& c = s_.nodes[net_.props(v).spec].crossing;
  const bool joins_gauges = net_.props(v).gauge_mm == 0;
  return (joins_gauges ? c.transshipment_h.mean() : c.pass_through_h.mean()) + c.customs_dwell_h.mean();
}

std::size_t corridor_model::effective_tracks(vertex_t v) const {
  const crossing_state& c = crossings_[v];
  if (node_factor_[v] <= 0.0) return 0;
  return static_cast<std::size_t>(std::max(1L, std::lround(c.tracks * node_factor_[v])));
}

double corridor_model::crossing_expected_wait_h(vertex_t v) const {
  const crossing_state& c = crossings_[v];
  const std::size_t tracks = effective_tracks(v);
  if (tracks == 0) return std::numeric_limits<double>::infinity();
  const double ahead =
      static_cast<double>(c.waiting.size()) + (c.busy >= static_cast<int>(tracks) ? 1.0 : 0.0);
  double wait = ahead * mean_service_h(v) / static_cast<double>(tracks);
  const int cap = s_.nodes[net_.props(v).spec].crossing.daily_cap_trains;
  if (cap > 0)
    wait = std::max(wait, static_cast<double>(c.waiting.size()) / (cap * node_factor_[v]) * hours_per_day);
  return wait;
}

void corridor_model::on_train_at_node(std::uint32_t id) {
  train_state& t = trains_[id];
  const vertex_t v = t.nodes[t.pos];
  if (in_share_region_[v]) t.via_share_region = true;
  t.cost.handling += s_.nodes[net_.props(v).spec].handling_usd_per_teu;
  if (t.pos + 1 == t.nodes.size()) {
    deliver(id);
    return;
  }
  if (crossings_[v].is_crossing) {
    crossing_state& c = crossings_[v];
    c.waiting.push_back(id);
    t.queued_since_h = eng_.now();
    c.stats.arrival();
    c.stats.set_waiting(eng_.now(), static_cast<double>(c.waiting.size()));
    try_start_service(v);
    return;
  }
  if (node_factor_[v] <= 0.0) {  // a closed junction or port holds the train until it reopens
    held_[v].push_back(id);
    return;
  }
  leave_node(id);
}

void corridor_model::try_start_service(vertex_t v) {
  crossing_state& c = crossings_[v];
  const crossing_spec& spec = s_.nodes[net_.props(v).spec].crossing;
  const double now = eng_.now();
  const int day = static_cast<int>(std::floor(now / hours_per_day));
  if (day != c.day) {
    c.day = day;
    c.started_today = 0;
  }
  const auto tracks = static_cast<int>(effective_tracks(v));
  const int cap = spec.daily_cap_trains > 0
                      ? std::max(1, static_cast<int>(std::lround(spec.daily_cap_trains * node_factor_[v])))
                      : 0;
  while (!c.waiting.empty() && c.busy < tracks) {
    if (cap > 0 && c.started_today >= cap) {
      if (!c.retry_pending) {
        eng_.schedule_at((day + 1) * hours_per_day, ev_crossing_retry, static_cast<std::uint32_t>(v));
        c.retry_pending = true;
      }
      break;
    }
    const std::uint32_t id = c.waiting.front();
    c.waiting.pop_front();
    train_state& t = trains_[id];
    c.stats.leave(now, t.queued_since_h);
    ++c.busy;
    ++c.started_today;
    c.stats.set_busy(now, c.busy);
    c.stats.set_waiting(now, static_cast<double>(c.waiting.size()));
    const int gauge_in = net_.props(t.edges[t.pos - 1]).gauge_mm;
    const int gauge_out = net_.props(t.edges[t.pos]).gauge_mm;
    const distribution& d = gauge_in != gauge_out ? spec.transshipment_h : spec.pass_through_h;
    t.cost.crossing_fees += spec.fee_usd_per_teu;
    eng_.schedule_in(d.sample(c.service_rng), ev_service_done, id);
  }
}

void corridor_model::on_service_done(std::uint32_t id) {
  const train_state& t = trains_[id];
  const vertex_t v = t.nodes[t.pos];
  crossing_state& c = crossings_[v];
  --c.busy;
  c.stats.set_busy(eng_.now(), c.busy);
  const distribution& customs = s_.nodes[net_.props(v).spec].crossing.customs_dwell_h;
  eng_.schedule_in(customs.sample(c.customs_rng), ev_customs_done, id);
  try_start_service(v);
}

void corridor_model::on_customs_done(std::uint32_t id) {
  leave_node(id);
}

void corridor_model::leave_node(std::uint32_t id) {
  train_state& t = trains_[id];
  if (t.plan_version != plan_version_) replan(t);
  const std::uint32_t e = t.edges[t.pos];
  if (net_.props(e).mode == edge_mode::ferry) {
    ferry_state& f = ferries_[e];
    f.waiting.push_back(id);
    f.waiting_teu += static_cast<double>(t.container_entry_h.size());
    t.queued_since_h = eng_.now();
    f.stats.arrival();
    f.stats.set_waiting(eng_.now(), static_cast<double>(f.waiting.size()));
    return;
  }
  board_line(id, e);
}

void corridor_model::board_line(std::uint32_t id, std::uint32_t e) {
  line_state& line = lines_[e];
  if (line.closed) {
    line.waiting.push_back(id);
    return;
  }
  train_state& t = trains_[id];
  const edge_props& ep = net_.props(e);
  const int slots = s_.edges[ep.spec].slots_per_day;
  double depart = eng_.now();
  if (slots > 0) {
    depart = std::max(depart, line.next_free_h);
    line.next_free_h = depart + hours_per_day / (slots * line.capacity_factor);
  }
  double travel_h = ep.travel_days() * hours_per_day;
  const double cv = s_.edges[ep.spec].travel_time_cv;
  if (cv > 0.0) travel_h = distribution::lognormal(travel_h, cv * travel_h).sample(line.travel_rng);
  const auto teu = static_cast<double>(t.container_entry_h.size());
  t.cost.haulage += ep.tariff_usd_per_teu_km * ep.distance_km;
  if (depart >= warmup_h_ && depart <= horizon_h_) {  // when it leaves, not when it joins the slot queue
    line.departures += 1.0;
    line.teu += teu;
    line.slot_wait_h += depart - eng_.now();
  }
  ++t.pos;
  eng_.schedule_at(depart + travel_h, ev_train_at_node, id);
}

void corridor_model::release_line(std::uint32_t e) {
  std::deque<std::uint32_t> waiting;
  waiting.swap(lines_[e].waiting);
  for (std::uint32_t id : waiting) leave_node(id);  // re-plans if the network changed meanwhile
}

double corridor_model::next_sailing_after(std::uint32_t e, double t) const {
  const ferry_spec& f = s_.edges[net_.props(e).spec].ferry;
  if (f.every_days > 0) {
    const double interval = f.every_days * hours_per_day;
    const double k = std::max(0.0, std::ceil((t - f.departure_hour) / interval - 1e-9));
    return f.departure_hour + k * interval;
  }
  return next_weekly_time(t, f.weekdays, f.departure_hour);
}

// The wait for a sailing that takes a train of `teu` behind those already at the port: boarding is replayed
// as on_sailing does it (whole trains, FIFO, while they fit; an empty ship takes one train), and each sailing
// slot is stretched by this month's chance of a weather cancellation.
double corridor_model::ferry_expected_wait_h(std::uint32_t e, double teu) const {
  const ferry_state& f = ferries_[e];
  const ferry_spec& spec = s_.edges[net_.props(e).spec].ferry;
  const double capacity = spec.capacity_teu * f.capacity_factor;
  if (capacity <= 0.0) return std::numeric_limits<double>::infinity();
  const double interval = spec.every_days > 0 ? spec.every_days * hours_per_day
                                              : hours_per_week / static_cast<double>(spec.weekdays.size());
  const double sails = 1.0 - spec.cancel_probability_by_month[static_cast<std::size_t>(month_of(eng_.now()))];
  if (sails <= 0.0) return std::numeric_limits<double>::infinity();
  double sailings = 0.0;  // sailings that leave before ours
  double room = capacity;
  bool empty = true;
  const auto board = [&](double train_teu) {
    if (train_teu > room && !empty) {
      sailings += 1.0;
      room = capacity;
      empty = true;
    }
    room -= train_teu;
    empty = false;
  };
  for (std::uint32_t id : f.waiting) board(static_cast<double>(trains_[id].container_entry_h.size()));
  board(teu);
  return std::max(0.0, f.next_sailing_h - eng_.now()) + sailings * interval / sails;
}

void corridor_model::on_sailing(std::uint32_t e) {
  ferry_state& f = ferries_[e];
  const edge_props& ep = net_.props(e);
  const ferry_spec& spec = s_.edges[ep.spec].ferry;
  const double now = eng_.now();
  f.next_sailing_h = next_sailing_after(e, now + 1e-6);
  if (f.next_sailing_h <= horizon_h_) eng_.schedule_at(f.next_sailing_h, ev_sailing, e);
  const double u = f.weather_rng.uniform01();  // drawn every sailing, so streams stay aligned
  const double capacity = spec.capacity_teu * f.capacity_factor;
  if (capacity <= 0.0) return;  // the leg is closed: no sailing
  const bool window = in_window();
  if (window) f.sailings += 1.0;
  if (u < spec.cancel_probability_by_month[static_cast<std::size_t>(month_of(now))]) {
    if (window) f.cancelled += 1.0;
    return;
  }
  double room = capacity;
  bool first = true;
  while (!f.waiting.empty()) {
    train_state& t = trains_[f.waiting.front()];
    const auto teu = static_cast<double>(t.container_entry_h.size());
    if (teu > room && !first) break;  // FIFO: no overtaking; an empty ship always takes one train
    first = false;
    room -= teu;
    const std::uint32_t id = f.waiting.front();
    f.waiting.pop_front();
    f.waiting_teu -= teu;
    f.stats.leave(now, t.queued_since_h);
    t.cost.ferry += spec.fare_usd_per_teu;
    if (window) f.teu_carried += teu;
    ++t.pos;
    eng_.schedule_in(ep.travel_days() * hours_per_day, ev_train_at_node, id);
  }
  if (window) f.teu_offered += capacity;
  f.stats.set_waiting(now, static_cast<double>(f.waiting.size()));
}

}  // namespace corridor::detail

// run_model: builds one corridor_model for (scenario, seed, replication), runs it to the horizon and hands
// back plain numbers. Also the model's construction and its event dispatch.
#include <fmt/format.h>
#include <chrono>
#include <cmath>

#include "calendar.hpp"
#include "corridor_model.hpp"

namespace corridor {

run_result run_model(const prepared_scenario& p, const run_options& opt) {
  const auto started = std::chrono::steady_clock::now();
  const std::uint64_t seed = opt.seed.value_or(p.spec.seed);
  const double warmup_days = opt.warmup_days.value_or(p.spec.warmup_days);
  if (!(warmup_days >= 0.0) || warmup_days >= p.spec.horizon_days) {
    throw model_error(fmt::format("warm-up of {} days must be >= 0 and shorter than the horizon ({} days)",
                                  warmup_days, p.spec.horizon_days));
  }
  detail::corridor_model m(p, seed, opt.replication, warmup_days * detail::hours_per_day);
  m.run();
  run_result r = m.results();
  r.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return r;
}

namespace detail {

namespace {
bool in(const scenario& s, const std::string& region, const node_spec& n) {
  return s.in_region(region, n.country);
}
}  // namespace

corridor_model::corridor_model(const prepared_scenario& p, std::uint64_t seed, std::uint64_t replication,
                               double warmup_h)
    : p_(p),
      s_(p.spec),
      net_(p.net),
      seed_(seed),
      replication_(replication),
      warmup_h_(warmup_h),
      horizon_h_(p.spec.horizon_days * hours_per_day) {
  const auto stream = [&](std::string_view what, const std::string& id) {
    return rng_stream(seed_, replication_, fmt::format("{}:{}", what, id));
  };
  flows_.reserve(s_.flows.size());
  for (std::uint32_t f = 0; f < s_.flows.size(); ++f) {
    const flow_spec& fs = s_.flows[f];
    flow_state st{stream("arrivals", fs.id),
                  stream("route", fs.id),
                  {},
                  {},
                  0.0,
                  false,
                  0,
                  0,
                  0,
                  0,
                  0.0,
                  0.0,
                  false,
                  direction::other,
                  {},
                  {},
                  {}};
    const double cap = fs.train_capacity_teu > 0 ? fs.train_capacity_teu : s_.train_capacity_teu;
    st.capacity_teu = std::max(1, static_cast<int>(std::lround(cap)));
    double peak = 0.0;
    for (double m : fs.seasonality) peak = std::max(peak, m);
    st.rate_max_per_h = fs.teu_per_week * peak / hours_per_week;
    const cargo_class_spec* cc = s_.find_cargo_class(fs.cargo_class);
    st.value_of_time_per_h = cc->value_of_time_usd_per_teu_day / hours_per_day;
    class_index_.push_back(static_cast<std::uint32_t>(cc - s_.cargo_classes.data()));
    const node_spec& from = *s_.find_node(fs.from);
    const node_spec& to = *s_.find_node(fs.to);
    const report_spec& r = s_.report;
    if (in(s_, r.origin_region, from))
      st.dir = direction::westbound;
    else if (in(s_, r.origin_region, to))
      st.dir = direction::eastbound;
    st.counts_for_share = (in(s_, r.origin_region, from) && in(s_, r.destination_region, to)) ||
                          (in(s_, r.destination_region, from) && in(s_, r.origin_region, to));
    for (const path& route : p_.path_sets[f]) st.route_usd.push_back(route_usd_per_teu(route));
    st.route_trains.assign(p_.path_sets[f].size(), 0.0);
    st.route_teu.assign(p_.path_sets[f].size(), 0.0);
    flows_.push_back(std::move(st));
  }
  crossings_.resize(
      net_.num_nodes(),
      crossing_state{false, 0, 0, 1.0, -1, 0, false, {}, rng_stream(0, 0, 0), rng_stream(0, 0, 0), {}});
  for (vertex_t v = 0; v < net_.num_nodes(); ++v) {
    const node_spec& n = s_.nodes[net_.props(v).spec];
    if (n.kind != node_kind::crossing) continue;
    crossing_state& c = crossings_[v];
    c.is_crossing = true;
    c.tracks = n.crossing.tracks;
    c.service_rng = stream("crossing", n.id);
    c.customs_rng = stream("customs", n.id);
  }
  lines_.reserve(net_.num_edges());
  ferries_.reserve(net_.num_edges());
  for (std::uint32_t e = 0; e < net_.num_edges(); ++e) {
    const edge_props& ep = net_.props(e);
    const std::string id = s_.edges[ep.spec].id + (ep.reverse ? "~rev" : "");
    lines_.push_back(line_state{0.0, 1.0, false, {}, stream("travel", id), 0, 0, 0});
    ferries_.push_back(ferry_state{{}, 0.0, 1.0, stream("weather", id), {}, 0, 0, 0, 0, 0.0});
  }
  held_.resize(net_.num_nodes());
  in_share_region_.assign(net_.num_nodes(), false);
  for (vertex_t v = 0; v < net_.num_nodes(); ++v) {
    in_share_region_[v] = s_.in_region(s_.report.share_region, net_.props(v).country);
  }
  node_factor_.assign(net_.num_nodes(), 1.0);
  disruption_active_.assign(s_.disruptions.size(), false);
  terminal_departures_.assign(net_.num_nodes(), 0.0);
  terminal_arrivals_.assign(net_.num_nodes(), 0.0);
  goods_teu_.assign(3, std::vector<double>(s_.cargo_classes.size(), 0.0));
  flow_transit_days_.resize(s_.flows.size());
  flow_trains_.assign(s_.flows.size(), 0.0);
}

void corridor_model::run() {
  for (std::uint32_t f = 0; f < flows_.size(); ++f) {
    const flow_spec& fs = s_.flows[f];
    if (fs.departures == departure_policy::on_demand) plan_formation(f);
    if (fs.departures == departure_policy::timetable) {
      eng_.schedule_at(next_weekly_time(0.0, fs.timetable_weekdays, fs.timetable_hour),
                       ev_timetable_departure, f);
    }
  }
  for (std::uint32_t e = 0; e < net_.num_edges(); ++e) {
    if (net_.props(e).mode != edge_mode::ferry) continue;
    ferries_[e].next_sailing_h = next_sailing_after(e, 0.0);
    eng_.schedule_at(ferries_[e].next_sailing_h, ev_sailing, e);
  }
  for (std::uint32_t d = 0; d < s_.disruptions.size(); ++d) {
    eng_.schedule_at(s_.disruptions[d].from_day * hours_per_day, ev_disruption, d, 1, -1);
    eng_.schedule_at(s_.disruptions[d].to_day * hours_per_day, ev_disruption, d, 0, -1);
  }
  // Day ticks and the warm-up run after everything else at the same instant.
  for (double t = hours_per_day; t <= horizon_h_ + 1e-9; t += hours_per_day) {
    eng_.schedule_at(t, ev_day_tick, 0, 0, 1);
  }
  if (warmup_h_ > 0) eng_.schedule_at(warmup_h_, ev_warmup_end, 0, 0, 2);
  eng_.run_until(horizon_h_, [this](const event& e) { handle(e); });
  admit_through_horizon();  // arrivals since the last train formed are in the system too
  for (auto& c : crossings_) {
    for (std::uint32_t id : c.waiting) c.stats.still_waiting(horizon_h_, trains_[id].queued_since_h);
    c.stats.finish(horizon_h_);
  }
  for (auto& f : ferries_) {
    for (std::uint32_t id : f.waiting) f.stats.still_waiting(horizon_h_, trains_[id].queued_since_h);
    f.stats.finish(horizon_h_);
  }
}

void corridor_model::handle(const event& e) {
  switch (e.kind) {
    case ev_train_forms:
      on_train_forms(e.target);
      break;
    case ev_timetable_departure:
      on_timetable_departure(e.target);
      break;
    case ev_train_at_node:
      on_train_at_node(e.target);
      break;
    case ev_service_done:
      on_service_done(e.target);
      break;
    case ev_customs_done:
      on_customs_done(e.target);
      break;
    case ev_crossing_retry:
      crossings_[e.target].retry_pending = false;
      try_start_service(e.target);
      break;
    case ev_sailing:
      on_sailing(e.target);
      break;
    case ev_disruption:
      on_disruption(e.target, e.data == 1);
      break;
    case ev_day_tick:
      on_day_tick();
      break;
    case ev_warmup_end:
      for (auto& c : crossings_) c.stats.reset(eng_.now());
      for (auto& f : ferries_) f.stats.reset(eng_.now());
      break;
    default:
      throw model_error(fmt::format("unknown event kind {}", e.kind));
  }
}

}  // namespace detail
}  // namespace corridor

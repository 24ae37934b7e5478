// run_model: sets up one model for (scenario, seed, replication), starts every mechanism, dispatches events
// to the rules until the horizon, and hands back plain numbers.
#include <fmt/format.h>
#include <chrono>
#include <optional>

#include "assemble.hpp"
#include "calendar.hpp"
#include "crossings.hpp"
#include "demand.hpp"
#include "disruptions.hpp"
#include "ferries.hpp"
#include "journey.hpp"
#include "markets.hpp"
#include "model.hpp"
#include "outcomes.hpp"
#include "ports.hpp"
#include "reblock.hpp"
#include "wagons.hpp"
#include "years.hpp"

namespace corridor {
namespace detail {
namespace {

void dispatch(model& m, const event& e) {
  switch (e.kind) {
    case ev_train_forms:
      return on_train_forms(m, e.target);
    case ev_timetable_departure:
      return on_timetable_departure(m, e.target);
    case ev_train_at_node:
      return on_train_at_node(m, e.target);
    case ev_service_done:
      return on_service_done(m, e.target);
    case ev_customs_done:
      return on_customs_done(m, e.target);
    case ev_crossing_retry:
      return on_crossing_retry(m, e.target);
    case ev_sailing:
      return on_sailing(m, e.target);
    case ev_disruption:
      return on_disruption(m, e.target, e.data);
    case ev_day_tick:
      return on_day_tick(m);
    case ev_warmup_end:
      return on_warmup_end(m);
    case ev_revision:
      return on_revision(m);
    case ev_plan_release:
      return leave_node(m, e.target);
    case ev_dwell_done:
      return on_dwell_done(m, e.target);
    case ev_berth_done:
      return on_berth_done(m, e.target);
    case ev_ship_arrives:
      return on_ship_arrives(m, e.target);
    case ev_new_year:
      return on_new_year(m, e.target);
    case ev_opening:
      return on_opening(m, e.target);
    case ev_wagons_ready:
      return on_wagons_ready(m, e.target, e.data);
    case ev_reblock_due:
      return on_reblock_due(m, e.target, e.data);
    default:
      throw model_error(fmt::format("unknown event kind {}", e.kind));
  }
}

// The order of these first events is part of the results: at equal times and priorities they run FIFO.
void start(model& m) {
  start_wagons(m);  // schedules nothing: the pools are full at their homes before the first train forms
  start_demand(m);
  start_ferries(m);
  schedule_disruptions(m);
  schedule_calendar(m);
  start_markets(m);  // after the disruptions: the first revision at 0 sees a closure that starts then
}

void run(model& m) {
  start(m);
  m.eng.run_until(m.frame.horizon_h, [&m](const event& e) { dispatch(m, e); });
  admit_through_horizon(m);  // arrivals since the last train formed are in the system too
  close_queues(m);
}

}  // namespace
}  // namespace detail

run_result run_model(const prepared_scenario& p, const run_options& opt) {
  const auto started = std::chrono::steady_clock::now();
  const double warmup_days = opt.warmup_days.value_or(p.spec.warmup_days);
  if (!(warmup_days >= 0.0) || warmup_days >= p.spec.horizon_days) {
    throw model_error(fmt::format("warm-up of {} days must be >= 0 and shorter than the horizon ({} days)",
                                  warmup_days, p.spec.horizon_days));
  }
  const detail::run_frame frame{.seed = opt.seed.value_or(p.spec.seed),
                                .replication = opt.replication,
                                .warmup_h = warmup_days * detail::hours_per_day,
                                .horizon_h = p.spec.horizon_days * detail::hours_per_day};
  // A multi-year run changes its scenario as years pass and projects open: on a copy of its own.
  std::optional<prepared_scenario> own;
  if (p.spec.multi_year()) own.emplace(p);
  detail::model m(own ? *own : p, frame);
  std::optional<detail::year_book> years;
  if (own) {
    years.emplace(*own, p, m);
    m.years = &*years;
    detail::start_years(m);
  }
  detail::run(m);
  run_result r = detail::assemble_result(m);
  if (years) detail::finish_years(m, r);
  r.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return r;
}

}  // namespace corridor

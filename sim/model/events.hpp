#pragma once
// The model's event kinds and their priorities at equal times. An event is the engine's small value
// (kind, target, data); run.cpp dispatches it with one switch. A new mechanism adds its kinds here and its
// cases there.
#include <cstdint>

namespace corridor::detail {

enum event_kind : std::uint32_t {
  ev_train_forms,          // target: flow (on demand: full, or its oldest container has waited max_wait_h)
  ev_timetable_departure,  // target: flow
  ev_train_at_node,        // target: train
  ev_service_done,         // target: train (leaves the crossing's track, starts customs)
  ev_customs_done,         // target: train
  ev_crossing_retry,       // target: crossing node (a new day under the daily cap)
  ev_sailing,              // target: ferry edge (graph index)
  ev_disruption,           // target: disruption; data: disruption_starts, _ends or _revised
  ev_day_tick,             // end of a simulated day (daily series)
  ev_warmup_end,           // the report window opens
  ev_revision,             // markets revisit their mode shares (markets.cpp)
  ev_plan_release,         // target: train (held at its origin until its booked day under a daily plan)
  ev_dwell_done,           // target: train (its containers may now be loaded at the port: ports.cpp)
  ev_berth_done,           // target: ship (loaded or unloaded at a berth)
  ev_ship_arrives,         // target: ship (at the far port of its ferry leg)
  ev_new_year,             // target: the year that begins (multi-year runs: years.cpp)
  ev_opening,              // target: project (multi-year runs: years.cpp)
  ev_wagons_ready,         // target: wagon home (model_facts::wagon_homes); data: wagons out of turnaround
  ev_reblock_due,          // target: re-blocking group; data: the seq of the container whose hold is over
};

constexpr std::uint32_t disruption_ends = 0;
constexpr std::uint32_t disruption_starts = 1;
constexpr std::uint32_t disruption_revised = 2;  // the announced end passed with the disruption in force

// At equal times the engine runs lower priorities first (then FIFO).
// A closure or reopening applies before anything else at its instant, so a train arriving then sees it.
constexpr std::int32_t priority_disruption = -1;
// Then the markets' revision, so shippers see the closure; a revision is scheduled during the run, after
// every disruption of its instant was, and FIFO keeps it behind them.
constexpr std::int32_t priority_revision = -1;
constexpr std::int32_t priority_normal = 0;
// A day closes after everything that happened at its last instant (midnight belongs to the day it ends) ...
constexpr std::int32_t priority_day_tick = 1;
// ... and the window opens after that day tick, so a warm-up day is closed before the statistics reset.
constexpr std::int32_t priority_warmup_end = 2;

}  // namespace corridor::detail

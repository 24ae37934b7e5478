#pragma once
// Outcomes: delivery at the destination, and the calendar's bookkeeping (the daily series, the report
// window's opening, the queues' closing at the horizon).
#include "model.hpp"

namespace corridor::detail {

// The train's containers leave the system; the tallies record them.
void deliver(model& m, train_id t);
// Schedules a tick at the end of every day and the window's opening.
void schedule_calendar(model& m);
void on_day_tick(model& m);
void on_warmup_end(model& m);
// At the horizon: trains still waiting count with their wait so far, and every queue's window closes.
void close_queues(model& m);

}  // namespace corridor::detail

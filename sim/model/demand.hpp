#pragma once
// Demand and train formation: containers arrive per OD flow and wait at the origin; a block train leaves
// when full, when its oldest container has waited max_wait_h (on demand), or at the flow's timetable.
#include "model.hpp"

namespace corridor::detail {

// Schedules each flow's first formation (on demand) or first timetabled departure.
void start_demand(model& m);
void on_train_forms(model& m, service_id f);
void on_timetable_departure(model& m, service_id f);
// At the end of the run: the arrivals since each flow's last train are in the system too.
void admit_through_horizon(model& m);

}  // namespace corridor::detail

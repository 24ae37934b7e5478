#pragma once
// Demand and train formation: containers arrive per service and wait at the origin; a block train leaves
// when full, when its oldest container has waited max_wait_h (on demand), or at the flow's timetable.
#include "model.hpp"

namespace corridor::detail {

// After a service's rail_share changed: the rates its arrivals are drawn at follow.
void update_rail_rates(model& m, service_id s);
// Schedules each service's first formation (on demand) or first timetabled departure.
void start_demand(model& m);
void on_train_forms(model& m, service_id s);
void on_timetable_departure(model& m, service_id s);
// After the shares were revised: a formation that waited for arrivals beyond what was known is planned.
void resume_formation(model& m, service_id s);
// At the end of the run: the arrivals since each service's last train are in the system too.
void admit_through_horizon(model& m);

}  // namespace corridor::detail

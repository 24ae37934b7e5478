#pragma once
// Multi-year runs (scenario::years): one continuous run over several calendar years of 365 days. At each New
// Year the year that ends is reduced to its main metrics and the tallies start afresh (so nothing a run keeps
// grows with the horizon), and the new year's demand and alternative costs apply; on a project's opening
// day its elements take their new values; an element that opens later is closed until then, as a scheduled
// disruption the trains know the end of, so route choice sees it only once open.
#include <cstdint>
#include <vector>

#include "corridor/model.hpp"
#include "model.hpp"

namespace corridor::detail {

struct year_book {
  year_book(prepared_scenario& own, const prepared_scenario& written, const model& m);
  prepared_scenario& own;            // the run's copy of the scenario, changed as years pass
  const prepared_scenario& written;  // the scenario as written: demand and costs of the first year
  run_tallies blank;                 // the tallies as set up, for each year's fresh start
  std::vector<year_result> closed;   // the years that ended, in order
  std::uint32_t year = 0;            // the year in progress, from 0
  std::vector<train_id> free_ids;    // slots of trains delivered in years that closed, for new trains
  std::vector<bool> is_free;         // per train slot: in free_ids
};

// The id of the next train to leave: the slot of one delivered in a year that closed (multi-year runs: ids
// of delivered trains are dead, no event or queue holds them), else a new one at the end.
inline train_id next_train_id(const model& m) {
  if (m.years != nullptr && !m.years->free_ids.empty()) return m.years->free_ids.back();
  return static_cast<train_id>(m.state.trains.size());
}
// Stores the train at the id next_train_id gave.
void store_train(model& m, train_id id, train_state&& t);

// The time the year in progress ends: the next New Year, or the horizon; the horizon outside multi-year runs.
double year_end_h(const model& m);
// Before the run starts: the first year's conditions, the New Years and the openings on the calendar, and the
// closures of the elements that open later.
void start_years(model& m);
// The year `year` (from 1) begins: the one before closes, and the new one's demand and costs apply.
void on_new_year(model& m, std::uint32_t year);
// Project `project` (scenario::projects order) opens.
void on_opening(model& m, std::uint32_t project);
// After the run: the last year from the run's own result, and every year into it.
void finish_years(const model& m, run_result& r);

}  // namespace corridor::detail

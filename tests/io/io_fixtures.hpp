#pragma once
// A small synthetic corridor and its results, for the writer tests and the report fixture: Chinese
// terminals, Kazakh and Russian crossings, a Caspian ferry and European terminals, with made-up numbers.
#include <vector>

#include "corridor/io.hpp"
#include "corridor/results.hpp"
#include "corridor/scenario.hpp"
#include "corridor/summary.hpp"

namespace corridor::test {

scenario sample_scenario();
// `n` replications whose numbers differ a little from one to the next (replication r scales by 1 + r/100).
std::vector<run_result> sample_runs(int n, int days = 60);
// The runs with Aktau and Baku as ports that are resources: their window numbers and daily series (port 0,
// Aktau: yard_teu = 100 + day + replication, berth utilization 0.25; port 1, Baku: nothing in its yard).
std::vector<run_result> with_ports(std::vector<run_result> runs);
// The runs with a wagon pool `kz` of 1,000 platforms: 600 + day + replication at home, the rest out, and
// (day % 5) trains waiting for them at the end of each day.
std::vector<run_result> with_wagon_pool(std::vector<run_result> runs);
// The Summary of `runs` of sample_scenario() with a 30-day warm-up, as a run writes it (2.5 s of wall time).
run_summary summary_of(const std::vector<run_result>& runs);
comparison sample_compare();

}  // namespace corridor::test

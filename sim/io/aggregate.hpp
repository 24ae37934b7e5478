#pragma once
// Means over replications of the per-entity results (queues, routes, edges, goods, days). Replications may
// list different entities (a route unused in one run): entities are matched by key, missing ones count as
// zero, and the order is the order of first appearance, so the output never depends on hash order.
#include <string>
#include <vector>

#include "corridor/results.hpp"

namespace corridor::detail {

std::vector<queue_result> mean_queues(const std::vector<run_result>& runs);
std::vector<route_result> mean_routes(const std::vector<run_result>& runs);
std::vector<edge_result> mean_edges(const std::vector<run_result>& runs);
std::vector<goods_result> mean_goods(const std::vector<run_result>& runs);
cost_breakdown mean_cost(const std::vector<run_result>& runs);
// daily_row's per-queue fields with their daily.csv column prefixes (column = prefix + queue id), in column
// order. The end-of-day queue comes first, as it did before the others existed.
struct daily_queue_field {
  const char* prefix;
  std::vector<double> daily_row::*values;
};
inline constexpr daily_queue_field daily_queue_fields[] = {
    {"queue_", &daily_row::queue_trains},         {"mean_queue_", &daily_row::mean_queue_trains},
    {"max_queue_", &daily_row::max_queue_trains}, {"utilization_", &daily_row::utilization},
    {"mean_wait_h_", &daily_row::mean_wait_h},    {"p95_wait_h_", &daily_row::p95_wait_h}};
// Rows for the days of the first replication; every per-queue field aligned with mean_queues().
std::vector<daily_row> mean_daily(const std::vector<run_result>& runs);
double mean_of(const std::vector<run_result>& runs, double run_result::*field);

// Throws io_error when runs is empty.
void require_runs(const std::vector<run_result>& runs, const char* what);

}  // namespace corridor::detail

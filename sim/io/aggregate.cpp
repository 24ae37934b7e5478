// Means over replications, entity by entity. Keys are matched with a sorted index (std::map), but output
// order is first appearance, so files list entities in the order the model reported them.
#include "aggregate.hpp"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <utility>

#include "corridor/io.hpp"
#include "corridor/statistics.hpp"

namespace corridor::detail {
namespace {

// Means over the runs of the items of one list, matched by key: an item a run lacks counts as zero there.
// Each mean is a running_stats mean in replication order, the arithmetic of summarize_runs(), so a number
// here and the flattened metric of the same name are equal to the last digit.
template <class Item, class KeyFn>
std::vector<Item> mean_by_key(const std::vector<run_result>& runs, std::vector<Item> run_result::*list,
                              KeyFn key, std::initializer_list<double Item::*> fields) {
  std::vector<Item> out;
  std::map<std::string, std::size_t> index;
  for (const auto& r : runs) {
    for (const auto& item : r.*list) {
      if (index.try_emplace(key(item), out.size()).second) out.push_back(item);
    }
  }
  std::vector<std::vector<running_stats>> stats(out.size(), std::vector<running_stats>(fields.size()));
  for (const auto& r : runs) {
    std::vector<const Item*> seen(out.size(), nullptr);
    for (const auto& item : r.*list) seen[index.at(key(item))] = &item;
    for (std::size_t i = 0; i < out.size(); ++i) {
      std::size_t f = 0;
      for (const auto field : fields) stats[i][f++].add(seen[i] ? seen[i]->*field : 0.0);
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::size_t f = 0;
    for (const auto field : fields) out[i].*field = stats[i][f++].mean();
  }
  return out;
}

std::string queue_key(const queue_result& q) {
  return q.kind + '\n' + q.id;
}

}  // namespace

void require_runs(const std::vector<run_result>& runs, const char* what) {
  if (runs.empty()) throw io_error({}, std::string(what) + ": no replications to write");
}

double mean_of(const std::vector<run_result>& runs, double run_result::*field) {
  running_stats s;
  for (const auto& r : runs) s.add(r.*field);
  return s.mean();
}

std::vector<queue_result> mean_queues(const std::vector<run_result>& runs) {
  return mean_by_key(
      runs, &run_result::queues, queue_key,
      {&queue_result::trains, &queue_result::teu, &queue_result::utilization, &queue_result::mean_wait_h,
       &queue_result::p95_wait_h, &queue_result::mean_queue_trains, &queue_result::max_queue_trains,
       &queue_result::arrivals_per_h, &queue_result::sailings, &queue_result::cancelled_sailings});
}

std::vector<route_result> mean_routes(const std::vector<run_result>& runs) {
  return mean_by_key(runs, &run_result::routes, [](const route_result& r) { return r.flow + '\n' + r.route; },
                     {&route_result::trains, &route_result::teu, &route_result::share});
}

std::vector<edge_result> mean_edges(const std::vector<run_result>& runs) {
  return mean_by_key(
      runs, &run_result::edges, [](const edge_result& e) { return e.id; },
      {&edge_result::trains, &edge_result::teu, &edge_result::utilization, &edge_result::mean_slot_wait_h});
}

std::vector<goods_result> mean_goods(const std::vector<run_result>& runs) {
  return mean_by_key(runs, &run_result::goods,
                     [](const goods_result& g) { return g.direction + '\n' + g.cargo_class; },
                     {&goods_result::teu, &goods_result::goods_value_usd_per_year});
}

cost_breakdown mean_cost(const std::vector<run_result>& runs) {
  cost_breakdown c;
  for (const auto part : {&cost_breakdown::haulage, &cost_breakdown::crossing_fees, &cost_breakdown::handling,
                          &cost_breakdown::ferry, &cost_breakdown::subsidy, &cost_breakdown::time}) {
    running_stats s;
    for (const auto& r : runs) s.add(r.cost.*part);
    c.*part = s.mean();
  }
  return c;
}

// The days of the first replication; a day another replication lacks, or a queue it does not report on that
// day, counts as zero there.
std::vector<daily_row> mean_daily(const std::vector<run_result>& runs) {
  if (runs.empty()) return {};
  std::map<std::string, std::size_t> column;
  for (const auto& q : mean_queues(runs)) column.try_emplace(queue_key(q), column.size());
  const std::size_t nq = column.size(), ns = std::size(daily_queue_fields);
  std::vector<daily_row> out;
  for (const auto& first : runs.front().daily) {
    running_stats teu, trains;
    std::vector<running_stats> cells(nq * ns);
    for (const auto& r : runs) {
      const auto it = std::find_if(r.daily.begin(), r.daily.end(),
                                   [&](const daily_row& d) { return d.day == first.day; });
      const daily_row* d = it == r.daily.end() ? nullptr : &*it;
      teu.add(d ? d->teu_delivered : 0.0);
      trains.add(d ? d->trains_delivered : 0.0);
      std::vector<double> values(nq * ns, 0.0);
      for (std::size_t s = 0; d && s < ns; ++s) {
        const auto& in = d->*daily_queue_fields[s].values;
        for (std::size_t i = 0; i < in.size() && i < r.queues.size(); ++i) {
          values[s * nq + column.at(queue_key(r.queues[i]))] = in[i];
        }
      }
      for (std::size_t c = 0; c < values.size(); ++c) cells[c].add(values[c]);
    }
    daily_row row;
    row.day = first.day;
    row.teu_delivered = teu.mean();
    row.trains_delivered = trains.mean();
    for (std::size_t s = 0; s < ns; ++s) {
      auto& series = row.*daily_queue_fields[s].values;
      for (std::size_t i = 0; i < nq; ++i) series.push_back(cells[s * nq + i].mean());
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace corridor::detail

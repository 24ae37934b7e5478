// Means over replications, entity by entity. Keys are matched with a sorted index (std::map), but output
// order is first appearance, so files list entities in the order the model reported them.
#include "aggregate.hpp"

#include <map>
#include <utility>

#include "corridor/io.hpp"

namespace corridor::detail {
namespace {

// Sums items of every run into `out` by key, then divides each numeric field by the run count.
template <class Item, class KeyFn, class AddFn, class ScaleFn>
std::vector<Item> mean_by_key(const std::vector<run_result>& runs, std::vector<Item> run_result::*list,
                              KeyFn key, AddFn add, ScaleFn scale) {
  std::vector<Item> out;
  std::map<std::string, std::size_t> index;
  for (const auto& r : runs) {
    for (const auto& item : r.*list) {
      auto [it, fresh] = index.try_emplace(key(item), out.size());
      if (fresh) {
        out.push_back(item);
        scale(out.back(), 0.0);
      }
      add(out[it->second], item);
    }
  }
  const double inv = runs.empty() ? 0.0 : 1.0 / static_cast<double>(runs.size());
  for (auto& item : out) scale(item, inv);
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
  double sum = 0.0;
  for (const auto& r : runs) sum += r.*field;
  return runs.empty() ? 0.0 : sum / static_cast<double>(runs.size());
}

std::vector<queue_result> mean_queues(const std::vector<run_result>& runs) {
  return mean_by_key(
      runs, &run_result::queues, queue_key,
      [](queue_result& a, const queue_result& b) {
        a.trains += b.trains, a.teu += b.teu, a.utilization += b.utilization;
        a.mean_wait_h += b.mean_wait_h, a.p95_wait_h += b.p95_wait_h;
        a.mean_queue_trains += b.mean_queue_trains, a.max_queue_trains += b.max_queue_trains;
        a.arrivals_per_h += b.arrivals_per_h, a.sailings += b.sailings;
        a.cancelled_sailings += b.cancelled_sailings;
      },
      [](queue_result& a, double f) {
        a.trains *= f, a.teu *= f, a.utilization *= f, a.mean_wait_h *= f, a.p95_wait_h *= f;
        a.mean_queue_trains *= f, a.max_queue_trains *= f, a.arrivals_per_h *= f, a.sailings *= f;
        a.cancelled_sailings *= f;
      });
}

std::vector<route_result> mean_routes(const std::vector<run_result>& runs) {
  return mean_by_key(
      runs, &run_result::routes, [](const route_result& r) { return r.flow + '\n' + r.route; },
      [](route_result& a, const route_result& b) {
        a.trains += b.trains, a.teu += b.teu, a.share += b.share;
      },
      [](route_result& a, double f) { a.trains *= f, a.teu *= f, a.share *= f; });
}

std::vector<edge_result> mean_edges(const std::vector<run_result>& runs) {
  return mean_by_key(
      runs, &run_result::edges, [](const edge_result& e) { return e.id; },
      [](edge_result& a, const edge_result& b) {
        a.trains += b.trains, a.teu += b.teu, a.utilization += b.utilization,
            a.mean_slot_wait_h += b.mean_slot_wait_h;
      },
      [](edge_result& a, double f) {
        a.trains *= f, a.teu *= f, a.utilization *= f, a.mean_slot_wait_h *= f;
      });
}

std::vector<goods_result> mean_goods(const std::vector<run_result>& runs) {
  return mean_by_key(
      runs, &run_result::goods, [](const goods_result& g) { return g.direction + '\n' + g.cargo_class; },
      [](goods_result& a, const goods_result& b) {
        a.teu += b.teu, a.goods_value_usd_per_year += b.goods_value_usd_per_year;
      },
      [](goods_result& a, double f) { a.teu *= f, a.goods_value_usd_per_year *= f; });
}

cost_breakdown mean_cost(const std::vector<run_result>& runs) {
  cost_breakdown c;
  for (const auto& r : runs) {
    c.haulage += r.cost.haulage, c.crossing_fees += r.cost.crossing_fees, c.handling += r.cost.handling;
    c.ferry += r.cost.ferry, c.subsidy += r.cost.subsidy, c.time += r.cost.time;
  }
  const double f = runs.empty() ? 0.0 : 1.0 / static_cast<double>(runs.size());
  c.haulage *= f, c.crossing_fees *= f, c.handling *= f, c.ferry *= f, c.subsidy *= f, c.time *= f;
  return c;
}

std::vector<daily_row> mean_daily(const std::vector<run_result>& runs) {
  if (runs.empty()) return {};
  std::map<std::string, std::size_t> queue_col;
  for (const auto& q : mean_queues(runs)) queue_col.try_emplace(queue_key(q), queue_col.size());
  std::vector<daily_row> out;
  std::map<int, std::size_t> day_row;
  for (const auto& d : runs.front().daily) {
    day_row.try_emplace(d.day, out.size());
    daily_row o;
    o.day = d.day;
    for (const auto& field : daily_queue_fields) o.*field.values = std::vector<double>(queue_col.size(), 0.0);
    out.push_back(std::move(o));
  }
  for (const auto& r : runs) {
    for (const auto& d : r.daily) {
      auto row = day_row.find(d.day);
      if (row == day_row.end()) continue;  // a day the first replication did not report
      auto& o = out[row->second];
      o.teu_delivered += d.teu_delivered, o.trains_delivered += d.trains_delivered;
      for (const auto& field : daily_queue_fields) {
        // A row may lack some fields (results built by hand): those count as zero.
        const std::vector<double>& in = d.*field.values;
        for (std::size_t i = 0; i < in.size() && i < r.queues.size(); ++i) {
          (o.*field.values)[queue_col.at(queue_key(r.queues[i]))] += in[i];
        }
      }
    }
  }
  const double f = 1.0 / static_cast<double>(runs.size());
  for (auto& o : out) {
    o.teu_delivered *= f, o.trains_delivered *= f;
    for (const auto& field : daily_queue_fields) {
      for (auto& q : o.*field.values) q *= f;
    }
  }
  return out;
}

}  // namespace corridor::detail

// The Summary of replications: each metric's and each element's statistics, computed once. Every mean is a
// running_stats mean over the replications in index order, the same arithmetic for an element's field as
// for the flattened metric of that name, so no two outputs can disagree in the last digit.
#include "corridor/summary.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <map>
#include <span>
#include <stdexcept>

#include "corridor/statistics.hpp"

namespace corridor {
namespace {

estimate estimate_of(const running_stats& s) {
  return {s.mean(), s.half_width_95(), s.stddev(), s.count()};
}

// Means over the runs of the items of one list, matched by key: an item a run lacks counts as zero there.
// Items keep the text fields of their first appearance and the order in which keys first appear.
template <class Item, class KeyFn>
std::vector<Item> mean_by_key(const std::vector<run_result>& runs, std::vector<Item> run_result::*list,
                              KeyFn key, std::initializer_list<double Item::*> fields) {
  std::vector<Item> out;
  std::map<std::string, std::size_t> index;  // a sorted index: output order never depends on hashing
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

cost_breakdown mean_cost(const std::vector<run_result>& runs) {
  const auto parts = {&cost_breakdown::haulage, &cost_breakdown::crossing_fees, &cost_breakdown::handling,
                      &cost_breakdown::ferry,   &cost_breakdown::subsidy,       &cost_breakdown::time};
  cost_breakdown out;
  for (const auto part : parts) {
    running_stats s;
    for (const auto& r : runs) s.add(r.cost.*part);
    out.*part = s.mean();
  }
  return out;
}

// daily_row's per-queue series.
constexpr std::vector<double> daily_row::*daily_series[] = {
    &daily_row::queue_trains, &daily_row::mean_queue_trains, &daily_row::max_queue_trains,
    &daily_row::utilization,  &daily_row::mean_wait_h,       &daily_row::p95_wait_h};

// One replication's cells of one kind of element (queues, ports) on one day: each series' values, placed in
// the summary's column of each element, in `values` (series-major: series s, element i at s * n + i).
using series_list = std::span<std::vector<double> daily_row::*const>;

void place_day(const daily_row* d, series_list series, const std::vector<std::size_t>& columns, std::size_t n,
               std::vector<double>& values) {
  std::fill(values.begin(), values.end(), 0.0);
  for (std::size_t s = 0; d && s < series.size(); ++s) {
    const auto& in = d->*series[s];
    for (std::size_t i = 0; i < in.size() && i < columns.size(); ++i) values[s * n + columns[i]] = in[i];
  }
}

void mean_series(daily_row& row, series_list series, std::size_t n, const std::vector<running_stats>& cells) {
  for (std::size_t s = 0; s < series.size(); ++s) {
    auto& out = row.*series[s];
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(cells[s * n + i].mean());
  }
}

// The days of the first replication; a day another replication lacks, or a queue or port it does not report
// on that day, counts as zero there.
std::vector<daily_row> mean_daily(const std::vector<run_result>& runs,
                                  const std::vector<queue_result>& queues,
                                  const std::vector<port_result>& ports,
                                  const std::vector<wagon_pool_result>& pools) {
  std::map<std::string, std::size_t> column, port_column, pool_column;
  for (const auto& q : queues) column.emplace(queue_key(q), column.size());
  for (const auto& p : ports) port_column.emplace(p.id, port_column.size());
  for (const auto& w : pools) pool_column.emplace(w.id, pool_column.size());
  // Per run, the summary's column of each of its queues and ports and the row of each day: looked up once,
  // not per cell.
  std::vector<std::vector<std::size_t>> columns_of, port_columns_of, pool_columns_of;
  std::vector<std::map<int, const daily_row*>> days_of;
  for (const auto& r : runs) {
    auto& cols = columns_of.emplace_back();
    for (const auto& q : r.queues) cols.push_back(column.at(queue_key(q)));
    auto& port_cols = port_columns_of.emplace_back();
    for (const auto& p : r.ports) port_cols.push_back(port_column.at(p.id));
    auto& pool_cols = pool_columns_of.emplace_back();
    for (const auto& w : r.wagon_pools) pool_cols.push_back(pool_column.at(w.id));
    auto& days = days_of.emplace_back();
    for (const auto& d : r.daily) days.emplace(d.day, &d);
  }
  static const auto port_series = [] {
    std::array<std::vector<double> daily_row::*, std::size(daily_port_fields)> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = daily_port_fields[i].values;
    return out;
  }();
  static const auto pool_series = [] {
    std::array<std::vector<double> daily_row::*, std::size(daily_wagon_pool_fields)> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = daily_wagon_pool_fields[i].values;
    return out;
  }();
  const std::size_t nq = queues.size(), np = ports.size(), nw = pools.size();
  std::vector<daily_row> out;
  std::vector<double> values(nq * std::size(daily_series)), port_values(np * std::size(port_series));
  std::vector<double> pool_values(nw * std::size(pool_series));
  for (const auto& first : runs.front().daily) {
    running_stats teu, trains;
    std::vector<running_stats> cells(values.size()), port_cells(port_values.size()),
        pool_cells(pool_values.size());
    for (std::size_t k = 0; k < runs.size(); ++k) {
      const auto it = days_of[k].find(first.day);
      const daily_row* d = it == days_of[k].end() ? nullptr : it->second;
      teu.add(d ? d->teu_delivered : 0.0);
      trains.add(d ? d->trains_delivered : 0.0);
      place_day(d, daily_series, columns_of[k], nq, values);
      for (std::size_t c = 0; c < values.size(); ++c) cells[c].add(values[c]);
      place_day(d, port_series, port_columns_of[k], np, port_values);
      for (std::size_t c = 0; c < port_values.size(); ++c) port_cells[c].add(port_values[c]);
      place_day(d, pool_series, pool_columns_of[k], nw, pool_values);
      for (std::size_t c = 0; c < pool_values.size(); ++c) pool_cells[c].add(pool_values[c]);
    }
    daily_row row;
    row.day = first.day;
    row.teu_delivered = teu.mean();
    row.trains_delivered = trains.mean();
    mean_series(row, daily_series, nq, cells);
    mean_series(row, port_series, np, port_cells);
    mean_series(row, pool_series, nw, pool_cells);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<flow_summary> flows_of(const std::vector<run_result>& runs) {
  const auto means =
      mean_by_key(runs, &run_result::flows, [](const flow_result& f) { return f.id; },
                  {&flow_result::teu, &flow_result::trains, &flow_result::transit_days_p50,
                   &flow_result::transit_days_p95, &flow_result::buffer_days, &flow_result::on_time_share});
  const double days = runs.front().window_days;
  std::vector<flow_summary> out;
  for (const auto& m : means) {
    running_stats transit, train_transit;
    for (const auto& r : runs) {
      const auto it =
          std::find_if(r.flows.begin(), r.flows.end(), [&](const flow_result& f) { return f.id == m.id; });
      transit.add(it == r.flows.end() ? 0.0 : it->transit_days_mean);
      train_transit.add(it == r.flows.end() ? 0.0 : it->train_transit_days_mean);
    }
    out.push_back({m.id, m.direction, days > 0 ? m.teu / days : 0.0, days > 0 ? m.trains / days : 0.0,
                   estimate_of(transit), m.transit_days_p50, m.transit_days_p95, m.buffer_days,
                   m.promised_days, m.on_time_share, estimate_of(train_transit)});
  }
  return out;
}

}  // namespace

const metric_stat* find_metric(const run_summary& s, std::string_view name) noexcept {
  const auto it =
      std::find_if(s.metrics.begin(), s.metrics.end(), [&](const metric_stat& m) { return m.name == name; });
  return it == s.metrics.end() ? nullptr : &*it;
}

const metric_stat& metric(const run_summary& s, std::string_view name) {
  const metric_stat* m = find_metric(s, name);
  if (m == nullptr) throw std::out_of_range("the summary has no metric '" + std::string(name) + "'");
  return *m;
}

void control_false_discoveries(comparison& c) {
  std::vector<double> p;
  p.reserve(c.metrics.size());
  for (const auto& m : c.metrics) p.push_back(m.p_value);
  const std::vector<double> q = benjamini_hochberg(p);
  for (std::size_t i = 0; i < q.size(); ++i) {
    c.metrics[i].q_value = q[i];
    c.metrics[i].significant = q[i] <= c.fdr;
  }
}

namespace {

// Each year's metrics over the replications, matched by position (every run has the same years and names).
std::vector<year_summary> summarize_years(const std::vector<run_result>& runs) {
  std::vector<year_summary> out;
  const auto& first = runs.front().years;
  for (std::size_t y = 0; y < first.size(); ++y) {
    std::vector<running_stats> stats(first[y].metrics.size());
    for (std::size_t r = 0; r < runs.size(); ++r) {
      const auto& years = runs[r].years;
      if (years.size() != first.size() || years[y].metrics.size() != first[y].metrics.size())
        throw std::invalid_argument("summarize_results: run " + std::to_string(r) +
                                    " has other years than run 0");
      for (std::size_t i = 0; i < stats.size(); ++i) {
        if (years[y].metrics[i].first != first[y].metrics[i].first)
          throw std::invalid_argument("summarize_results: run " + std::to_string(r) + " has year metric '" +
                                      years[y].metrics[i].first + "' where run 0 has '" +
                                      first[y].metrics[i].first + "'");
        stats[i].add(years[y].metrics[i].second);
      }
    }
    year_summary ys;
    ys.year = first[y].year;
    for (std::size_t i = 0; i < stats.size(); ++i) {
      ys.metrics.push_back({first[y].metrics[i].first, stats[i].mean(), stats[i].half_width_95(),
                            stats[i].stddev(), stats[i].count()});
    }
    out.push_back(std::move(ys));
  }
  return out;
}

}  // namespace

run_summary summarize_results(const std::vector<run_result>& runs) {
  run_summary out;
  out.metrics = summarize_runs(runs);  // throws on no runs or runs whose metrics differ
  for (const auto& r : runs) {
    std::vector<double> values;
    values.reserve(out.metrics.size());
    for (const auto& [name, value] : r.flatten()) values.push_back(value);
    out.per_replication.push_back({r.replication, r.seed, std::move(values)});
  }
  out.regions = runs.front().regions;
  out.seed = runs.front().seed;
  out.replications = runs.size();
  for (const auto& r : runs) out.events += r.events;
  out.window_days = runs.front().window_days;
  out.cost = mean_cost(runs);
  out.queues = mean_by_key(
      runs, &run_result::queues, queue_key,
      {&queue_result::trains, &queue_result::teu, &queue_result::utilization, &queue_result::mean_wait_h,
       &queue_result::p95_wait_h, &queue_result::mean_queue_trains, &queue_result::max_queue_trains,
       &queue_result::arrivals_per_h, &queue_result::sailings, &queue_result::cancelled_sailings});
  out.ports = mean_by_key(
      runs, &run_result::ports, [](const port_result& p) { return p.id; },
      {&port_result::berths, &port_result::calls, &port_result::teu_handled, &port_result::utilization,
       &port_result::mean_wait_h, &port_result::p95_wait_h, &port_result::mean_ships_waiting,
       &port_result::dwell_h, &port_result::yard_mean_teu, &port_result::yard_peak_teu,
       &port_result::gate_wait_h, &port_result::gate_trains, &port_result::max_gate_trains});
  out.routes =
      mean_by_key(runs, &run_result::routes, [](const route_result& r) { return r.flow + '\n' + r.route; },
                  {&route_result::trains, &route_result::teu, &route_result::share});
  out.flows = flows_of(runs);
  out.edges = mean_by_key(
      runs, &run_result::edges, [](const edge_result& e) { return e.id; },
      {&edge_result::trains, &edge_result::teu, &edge_result::utilization, &edge_result::mean_slot_wait_h});
  out.goods = mean_by_key(runs, &run_result::goods,
                          [](const goods_result& g) { return g.direction + '\n' + g.cargo_class; },
                          {&goods_result::teu, &goods_result::goods_value_usd_per_year});
  out.wagon_pools = mean_by_key(
      runs, &run_result::wagon_pools, [](const wagon_pool_result& w) { return w.id; },
      {&wagon_pool_result::size_wagons, &wagon_pool_result::utilization, &wagon_pool_result::home_share,
       &wagon_pool_result::trains, &wagon_pool_result::trains_waited, &wagon_pool_result::mean_wait_h,
       &wagon_pool_result::p95_wait_h, &wagon_pool_result::mean_queue_trains,
       &wagon_pool_result::max_queue_trains, &wagon_pool_result::arrivals_per_h,
       &wagon_pool_result::empty_trains, &wagon_pool_result::empty_train_km,
       &wagon_pool_result::mean_empty_trip_h});
  out.daily = mean_daily(runs, out.queues, out.ports, out.wagon_pools);
  out.years = summarize_years(runs);
  return out;
}

}  // namespace corridor

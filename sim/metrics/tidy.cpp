// Tidy tables from a Summary: long format, one row per observation, a unit for every number. Each table is
// a reshaping of numbers the Summary holds; nothing here computes a statistic.
#include "corridor/tidy.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace corridor {
namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}
bool starts_with(std::string_view s, std::string_view head) {
  return s.substr(0, head.size()) == head;
}

// Builds a tidy_table row by row: columns declared once, cells appended in column order.
class table_builder {
 public:
  table_builder& text(std::string name) { return add(std::move(name), false); }
  table_builder& number(std::string name) { return add(std::move(name), true); }
  table_builder& cell(std::string_view v) {
    next().texts.emplace_back(v);
    return *this;
  }
  table_builder& cell(double v) {
    next().numbers.push_back(v);
    return *this;
  }
  tidy_table take() { return std::move(t_); }

 private:
  table_builder& add(std::string name, bool numeric) {
    t_.columns.push_back({std::move(name), numeric, {}, {}});
    return *this;
  }
  tidy_column& next() {
    tidy_column& c = t_.columns.at(at_);
    at_ = (at_ + 1) % t_.columns.size();
    return c;
  }
  tidy_table t_;
  std::size_t at_ = 0;
};

void name_cells(table_builder& b, const std::string& name) {
  const metric_parts p = split_metric_name(name);
  b.cell(name).cell(p.kind).cell(p.element).cell(p.field).cell(metric_unit(p.kind, p.field));
}

// The half-width of an interval, or missing when there is none (fewer than 2 replications).
double half_width(double hw, std::size_t n) {
  return n >= 2 ? hw : missing;
}

// Per element of one kind, in first-appearance order: its fields (first-appearance order) and their stats.
struct element_fields {
  std::vector<std::string> elements;
  std::vector<std::string> fields;
  std::map<std::pair<std::string, std::string>, const metric_stat*> stat;
};

element_fields fields_of(const run_summary& s, std::string_view kind) {
  element_fields out;
  for (const auto& m : s.metrics) {
    const metric_parts p = split_metric_name(m.name);
    if (p.kind != kind || p.element.empty()) continue;
    if (std::find(out.elements.begin(), out.elements.end(), p.element) == out.elements.end())
      out.elements.push_back(p.element);
    if (std::find(out.fields.begin(), out.fields.end(), p.field) == out.fields.end())
      out.fields.push_back(p.field);
    out.stat.emplace(std::pair(p.element, p.field), &m);
  }
  return out;
}

void stat_cells(table_builder& b, const metric_stat* m) {
  b.cell(m ? m->mean : missing).cell(m ? half_width(m->half_width_95, m->n) : missing);
}

}  // namespace

metric_parts split_metric_name(std::string_view name) {
  const auto first = name.find('.');
  if (first == std::string_view::npos) return {"", "", std::string(name)};
  const auto last = name.rfind('.');
  metric_parts p;
  p.kind = name.substr(0, first);
  p.field = name.substr(last + 1);
  if (last > first) p.element = name.substr(first + 1, last - first - 1);
  return p;
}

std::string metric_unit(std::string_view kind, std::string_view field) {
  if (kind == "cost") return "USD/TEU";
  if (starts_with(field, "share") || ends_with(field, "_share") || field == "utilization") return "fraction";
  if (ends_with(field, "_usd_per_teu")) return "USD/TEU";
  if (ends_with(field, "_usd_per_year")) return "USD/year";
  if (ends_with(field, "_usd")) return "USD";
  if (ends_with(field, "_h")) return "h";
  if (starts_with(field, "transit_days") || ends_with(field, "_days")) return "days";
  if (field.find("teu_per_day") != std::string_view::npos) return "TEU/day";
  if (field.find("trains_per_day") != std::string_view::npos) return "trains/day";
  if (field == "teu_delivered") return "TEU/day";
  if (field == "trains_delivered") return "trains/day";
  if (starts_with(field, "containers_")) return "TEU";  // over the whole run, warm-up included
  if (field == "empty_trains_moved") return "trains";
  // Counts of the report window: trains served, TEU carried, sailings made.
  if (field == "trains") return "trains/window";
  if (field == "teu") return "TEU/window";
  if (field == "sailings" || field == "cancelled_sailings") return "sailings/window";
  if (field == "onsets") return "onsets/window";  // random disruptions that began in the window
  if (field == "days_in_force") return "days/window";
  if (field == "booked_trains" || field == "held_trains") return "trains/window";  // daily plans
  if (field == "promised_teu") return "TEU/window";
  if (field == "calls") return "calls/window";         // ports: ships that took a berth
  if (field == "teu_handled") return "TEU/window";     // ports: loaded or unloaded at a berth
  if (field == "gate_trains") return "trains/window";  // ports: trains held outside the full yard
  if (field == "mean_ships_waiting" || field == "ships_waiting" || field == "ships_at_berth") return "ships";
  if (field == "trains_waited" || field == "empty_trains") return "trains/window";  // wagon pools
  if (field == "trains_unloaded" || field == "trains_formed" || field == "partial_trains")
    return "trains/window";                          // re-blocking
  if (field == "teu_unloaded") return "TEU/window";  // re-blocking
  if (field == "empty_train_km") return "km/window";
  if (field == "home_share") return "fraction";
  if (field == "wagons_home" || field == "wagons_out") return "wagons";  // wagon pools' daily series
  if (field == "trains_waiting" || field == "mean_trains_waiting") return "trains";
  if (ends_with(field, "trains_outside")) return "trains";  // ports' daily series: outside the full yard
  if (ends_with(field, "_trains")) return "trains";         // queue lengths
  if (ends_with(field, "_teu")) return "TEU";
  return "";
}

std::size_t tidy_table::rows() const noexcept {
  if (columns.empty()) return 0;
  const auto& c = columns.front();
  return c.numeric ? c.numbers.size() : c.texts.size();
}

const tidy_column& tidy_table::column(std::string_view name) const {
  for (const auto& c : columns) {
    if (c.name == name) return c;
  }
  throw std::out_of_range("the table has no column '" + std::string(name) + "'");
}

tidy_table metrics_table(const run_summary& s) {
  table_builder b;
  b.text("metric").number("mean").number("ci95_low").number("ci95_high").number("ci95").number("stddev");
  b.number("n").text("kind").text("element").text("field").text("unit");
  for (const auto& m : s.metrics) {
    const double hw = half_width(m.half_width_95, m.n);
    const metric_parts p = split_metric_name(m.name);
    b.cell(m.name).cell(m.mean).cell(m.mean - hw).cell(m.mean + hw).cell(hw);
    b.cell(m.n >= 2 ? m.stddev : missing).cell(static_cast<double>(m.n));
    b.cell(p.kind).cell(p.element).cell(p.field).cell(metric_unit(p.kind, p.field));
  }
  return b.take();
}

tidy_table replications_table(const run_summary& s) {
  table_builder b;
  b.number("replication").number("seed").text("metric").text("kind").text("element").text("field");
  b.text("unit").number("value");
  for (const auto& r : s.per_replication) {
    if (r.values.size() != s.metrics.size()) {
      throw std::invalid_argument("replications_table: replication " + std::to_string(r.replication) +
                                  " has " + std::to_string(r.values.size()) + " values for " +
                                  std::to_string(s.metrics.size()) + " metrics");
    }
    for (std::size_t i = 0; i < r.values.size(); ++i) {
      b.cell(static_cast<double>(r.replication)).cell(static_cast<double>(r.seed));
      name_cells(b, s.metrics[i].name);
      b.cell(r.values[i]);
    }
  }
  return b.take();
}

tidy_table daily_table(const run_summary& s) {
  // daily_row's per-queue series under the names of the fields they measure.
  static constexpr std::pair<const char*, std::vector<double> daily_row::*> series[] = {
      {"queue_trains", &daily_row::queue_trains},
      {"mean_queue_trains", &daily_row::mean_queue_trains},
      {"max_queue_trains", &daily_row::max_queue_trains},
      {"utilization", &daily_row::utilization},
      {"mean_wait_h", &daily_row::mean_wait_h},
      {"p95_wait_h", &daily_row::p95_wait_h}};
  std::vector<std::string> prefixes;
  for (const auto& q : s.queues)
    prefixes.push_back((q.kind == "ferry" ? "ferries." : "crossings.") + q.id + ".");
  table_builder b;
  b.number("day").text("metric").text("kind").text("element").text("field").text("unit").number("value");
  for (const auto& d : s.daily) {
    const auto day = static_cast<double>(d.day);
    b.cell(day), name_cells(b, "metrics.teu_delivered"), b.cell(d.teu_delivered);
    b.cell(day), name_cells(b, "metrics.trains_delivered"), b.cell(d.trains_delivered);
    for (std::size_t q = 0; q < s.queues.size(); ++q) {
      for (const auto& [field, values] : series) {
        const auto& v = d.*values;
        b.cell(day), name_cells(b, prefixes[q] + field), b.cell(q < v.size() ? v[q] : missing);
      }
    }
    for (std::size_t p = 0; p < s.ports.size(); ++p) {
      for (const auto& port_series : daily_port_fields) {
        const auto& v = d.*port_series.values;
        b.cell(day), name_cells(b, "ports." + s.ports[p].id + "." + port_series.field);
        b.cell(p < v.size() ? v[p] : missing);
      }
    }
    for (std::size_t w = 0; w < s.wagon_pools.size(); ++w) {
      for (const auto& pool_series : daily_wagon_pool_fields) {
        const auto& v = d.*pool_series.values;
        b.cell(day), name_cells(b, "wagon_pools." + s.wagon_pools[w].id + "." + pool_series.field);
        b.cell(w < v.size() ? v[w] : missing);
      }
    }
  }
  return b.take();
}

tidy_table element_table(const run_summary& s, std::string_view kind) {
  const element_fields f = fields_of(s, kind);
  table_builder b;
  b.text("element");
  for (const auto& field : f.fields) b.number(field).number(field + "_ci95");
  for (const auto& e : f.elements) {
    b.cell(e);
    for (const auto& field : f.fields) {
      const auto it = f.stat.find({e, field});
      stat_cells(b, it == f.stat.end() ? nullptr : it->second);
    }
  }
  return b.take();
}

tidy_table routes_table(const run_summary& s) {
  const element_fields f = fields_of(s, "routes");
  table_builder b;
  b.text("flow").text("route").text(route_region_column(s.regions.route_region)).text("element");
  for (const char* field : {"trains", "teu", "share"}) b.number(field).number(std::string(field) + "_ci95");
  std::map<std::string, int> index;  // routes of each flow so far: the k of r<k>, as flatten() counts them
  for (const auto& r : s.routes) {
    const std::string element = r.flow + ".r" + std::to_string(index[r.flow]++);
    b.cell(r.flow).cell(r.route).cell(r.via_share_region ? "true" : "false").cell(element);
    const std::pair<const char*, double> means[] = {{"trains", r.trains}, {"teu", r.teu}, {"share", r.share}};
    for (const auto& [field, mean] : means) {
      const auto it = f.stat.find({element, field});
      b.cell(mean).cell(it == f.stat.end() ? missing : half_width(it->second->half_width_95, it->second->n));
    }
  }
  return b.take();
}

tidy_table differences_table(const comparison& c) {
  table_builder b;
  b.text("metric").number("base").number("variant").number("difference").number("ci95_low");
  b.number("ci95_high").number("ci95").number("p_value").number("q_value").number("significant");
  b.number("interval_excludes_zero").number("unpaired_ci95").text("kind").text("element").text("field");
  b.text("unit");
  for (const auto& m : c.metrics) {
    const double hw = half_width(m.paired_half_width_95, c.replications);
    const metric_parts p = split_metric_name(m.name);
    b.cell(m.name).cell(m.base_mean).cell(m.variant_mean).cell(m.difference).cell(m.difference - hw);
    b.cell(m.difference + hw).cell(hw).cell(m.p_value).cell(m.q_value).cell(m.significant ? 1.0 : 0.0);
    b.cell(m.interval_excludes_zero ? 1.0 : 0.0).cell(m.unpaired_half_width_95);
    b.cell(p.kind).cell(p.element).cell(p.field).cell(metric_unit(p.kind, p.field));
  }
  return b.take();
}

tidy_table ranking_table(const ranking& r) {
  table_builder b;
  b.number("rank").text("variant").text("metric").number("base").number("value").number("difference");
  b.number("ci95_low").number("ci95_high").number("ci95").number("p_value").number("q_value");
  b.number("significant").number("discoveries");
  for (const auto& v : r.rows) {
    const metric_difference& m = v.metric;
    const double hw = half_width(m.paired_half_width_95, r.replications);
    b.cell(static_cast<double>(v.rank)).cell(v.variant).cell(r.metric).cell(m.base_mean).cell(m.variant_mean);
    b.cell(m.difference).cell(m.difference - hw).cell(m.difference + hw).cell(hw).cell(m.p_value);
    b.cell(v.q_value).cell(v.significant ? 1.0 : 0.0).cell(static_cast<double>(v.discoveries));
  }
  return b.take();
}

}  // namespace corridor

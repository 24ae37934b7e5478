// The CSV tables: one header row, comma-separated, '\n' line ends, numbers from format_number() (never
// locale-dependent), text fields quoted only when they must be.
#include "formats.hpp"

namespace corridor {

std::string replications_csv(const run_summary& s) {
  detail::csv_builder csv;
  csv.header({"replication", "seed"});
  for (const auto& m : s.metrics) csv.text(m.name);
  csv.end_row();
  for (const auto& r : s.per_replication) {
    if (r.values.size() != s.metrics.size()) {
      throw io_error({}, "replications.csv: replication " + std::to_string(r.replication) + " has " +
                             std::to_string(r.values.size()) + " values for " +
                             std::to_string(s.metrics.size()) + " metrics");
    }
    csv.text(std::to_string(r.replication)).text(std::to_string(r.seed));
    for (double v : r.values) csv.num(v);
    csv.end_row();
  }
  return csv.take();
}

std::string daily_csv(const run_summary& s) {
  detail::csv_builder csv;
  csv.header({"day", "teu_delivered", "trains_delivered"});
  for (const auto& series : detail::daily_columns) {
    for (const auto& q : s.queues) csv.text(series.prefix + q.id);
  }
  for (const auto& series : daily_port_fields) {
    for (const auto& p : s.ports) csv.text(series.prefix + p.id);
  }
  for (const auto& series : daily_wagon_pool_fields) {
    for (const auto& w : s.wagon_pools) csv.text(series.prefix + w.id);
  }
  csv.end_row();
  for (const auto& d : s.daily) {
    csv.text(std::to_string(d.day)).num(d.teu_delivered).num(d.trains_delivered);
    for (const auto& series : detail::daily_columns) {
      const auto& values = d.*series.values;
      if (values.size() != s.queues.size()) {
        throw io_error({}, "daily.csv: day " + std::to_string(d.day) + " has " +
                               std::to_string(values.size()) + " values of " + series.prefix + " for " +
                               std::to_string(s.queues.size()) + " queues");
      }
      for (double v : values) csv.num(v);
    }
    for (const auto& series : daily_port_fields) {
      const auto& values = d.*series.values;
      if (values.size() != s.ports.size()) {
        throw io_error({}, "daily.csv: day " + std::to_string(d.day) + " has " +
                               std::to_string(values.size()) + " values of " + series.prefix + " for " +
                               std::to_string(s.ports.size()) + " ports");
      }
      for (double v : values) csv.num(v);
    }
    for (const auto& series : daily_wagon_pool_fields) {
      const auto& values = d.*series.values;
      if (values.size() != s.wagon_pools.size()) {
        throw io_error({}, "daily.csv: day " + std::to_string(d.day) + " has " +
                               std::to_string(values.size()) + " values of " + series.prefix + " for " +
                               std::to_string(s.wagon_pools.size()) + " wagon pools");
      }
      for (double v : values) csv.num(v);
    }
    csv.end_row();
  }
  return csv.take();
}

std::string routes_csv(const run_summary& s) {
  detail::csv_builder csv;
  csv.header({"flow", "route", "trains", "teu", "share", route_region_column(s.regions.route_region)})
      .end_row();
  for (const auto& r : s.routes) {
    csv.text(r.flow).text(r.route).num(r.trains).num(r.teu).num(r.share);
    csv.text(r.via_share_region ? "true" : "false").end_row();
  }
  return csv.take();
}

namespace {

// The measures of crossings and ferries, in crossings.csv's column order; `flattened` when run_result's
// flatten() names them (crossings.<id>.<field>), so they have an interval.
struct queue_column {
  const char* name;
  double queue_result::*field;
  bool ferry_only;
  bool flattened;
};
constexpr queue_column queue_columns[] = {
    {"trains", &queue_result::trains, false, true},
    {"teu", &queue_result::teu, true, true},
    {"utilization", &queue_result::utilization, false, true},
    {"mean_wait_h", &queue_result::mean_wait_h, false, true},
    {"p95_wait_h", &queue_result::p95_wait_h, false, true},
    {"mean_queue_trains", &queue_result::mean_queue_trains, false, true},
    {"max_queue_trains", &queue_result::max_queue_trains, false, true},
    {"arrivals_per_h", &queue_result::arrivals_per_h, false, false},
    {"sailings", &queue_result::sailings, true, true},
    {"cancelled_sailings", &queue_result::cancelled_sailings, true, true}};

// A measure's 95 % half-width: empty where it has none (fewer than two replications, or not flattened).
void interval_cell(detail::csv_builder& csv, const metric_stat* m) {
  if (m == nullptr || m->n < 2)
    csv.text("");
  else
    csv.num(m->half_width_95);
}

}  // namespace

std::string crossings_csv(const run_summary& s) {
  detail::csv_builder csv;
  csv.text("id").text("kind");
  for (const auto& c : queue_columns) csv.text(c.name);
  for (const auto& c : queue_columns) {
    if (c.flattened) csv.text(std::string(c.name) + "_ci95");
  }
  csv.end_row();
  // A measure that does not apply (a crossing's TEU and sailings) is empty, never 0; so is an interval of
  // fewer than two replications.
  for (const bool ferries : {false, true}) {
    for (const auto& q : s.queues) {
      if ((q.kind == "ferry") != ferries) continue;
      csv.text(q.id).text(q.kind);
      for (const auto& c : queue_columns) {
        if (c.ferry_only && !ferries)
          csv.text("");
        else
          csv.num(q.*c.field);
      }
      const std::string prefix = (ferries ? "ferries." : "crossings.") + q.id + ".";
      for (const auto& c : queue_columns) {
        if (!c.flattened) continue;
        interval_cell(csv, find_metric(s, prefix + c.name));
      }
      csv.end_row();
    }
  }
  return csv.take();
}

std::string ports_csv(const run_summary& s) {
  detail::csv_builder csv;
  csv.text("id").text("berths");
  for (const auto& [name, field] : port_fields) csv.text(name);
  for (const auto& [name, field] : port_fields) csv.text(std::string(name) + "_ci95");
  csv.end_row();
  for (const auto& p : s.ports) {
    csv.text(p.id).num(p.berths);
    for (const auto& [name, field] : port_fields) csv.num(p.*field);
    for (const auto& [name, field] : port_fields)
      interval_cell(csv, find_metric(s, "ports." + p.id + "." + name));
    csv.end_row();
  }
  return csv.take();
}

std::string tidy_csv(const tidy_table& t) {
  detail::csv_builder csv;
  for (const auto& c : t.columns) csv.text(c.name);
  csv.end_row();
  for (const auto& c : t.columns) {
    if ((c.numeric ? c.numbers.size() : c.texts.size()) != t.rows())
      throw io_error({}, "tidy table: column " + c.name + " has a different number of rows");
  }
  for (std::size_t r = 0; r < t.rows(); ++r) {
    for (const auto& c : t.columns) {
      if (c.numeric)
        csv.num(c.numbers[r]);
      else
        csv.text(c.texts[r]);
    }
    csv.end_row();
  }
  return csv.take();
}

std::string compare_csv(const comparison& c) {
  detail::csv_builder csv;
  csv.header({"metric", "base", "variant", "diff", "half_width_95", "significant", "unpaired_half_width_95",
              "p_value", "q_value", "interval_excludes_zero"})
      .end_row();
  for (const auto& m : c.metrics) {
    csv.text(m.name).num(m.base_mean).num(m.variant_mean).num(m.difference).num(m.paired_half_width_95);
    csv.text(m.significant ? "true" : "false").num(m.unpaired_half_width_95).num(m.p_value).num(m.q_value);
    csv.text(m.interval_excludes_zero ? "true" : "false").end_row();
  }
  return csv.take();
}

namespace detail {

std::vector<std::vector<std::string>> parse_csv(std::string_view text, const std::filesystem::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"', ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      row.push_back(std::move(field)), field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field)), field.clear();
      rows.push_back(std::move(row)), row.clear();
      any = false;
    } else if (c != '\r') {
      field += c, any = true;
    }
  }
  if (quoted) throw io_error(path, "unterminated quoted field");
  if (any || !row.empty()) row.push_back(std::move(field)), rows.push_back(std::move(row));
  return rows;
}

}  // namespace detail
}  // namespace corridor

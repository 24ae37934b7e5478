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
    csv.end_row();
  }
  return csv.take();
}

std::string routes_csv(const run_summary& s) {
  detail::csv_builder csv;
  csv.header({"flow", "route", "trains", "teu", "share", "via_central_asia"}).end_row();
  for (const auto& r : s.routes) {
    csv.text(r.flow).text(r.route).num(r.trains).num(r.teu).num(r.share);
    csv.text(r.via_share_region ? "true" : "false").end_row();
  }
  return csv.take();
}

std::string crossings_csv(const run_summary& s) {
  detail::csv_builder csv;
  csv.header({"id", "kind", "trains", "teu", "utilization", "mean_wait_h", "p95_wait_h", "mean_queue_trains",
              "max_queue_trains", "arrivals_per_h", "sailings", "cancelled_sailings"})
      .end_row();
  for (const bool ferries : {false, true}) {
    for (const auto& q : s.queues) {
      if ((q.kind == "ferry") != ferries) continue;
      csv.text(q.id).text(q.kind).num(q.trains).num(q.teu).num(q.utilization).num(q.mean_wait_h);
      csv.num(q.p95_wait_h).num(q.mean_queue_trains).num(q.max_queue_trains).num(q.arrivals_per_h);
      csv.num(q.sailings).num(q.cancelled_sailings).end_row();
    }
  }
  return csv.take();
}

std::string compare_csv(const comparison& c) {
  detail::csv_builder csv;
  csv.header({"metric", "base", "variant", "diff", "half_width_95", "significant", "unpaired_half_width_95"})
      .end_row();
  for (const auto& m : c.metrics) {
    csv.text(m.name).num(m.base_mean).num(m.variant_mean).num(m.difference).num(m.paired_half_width_95);
    csv.text(m.significant ? "true" : "false").num(m.unpaired_half_width_95).end_row();
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

// The CSV tables: one header row, comma-separated, '\n' line ends, numbers from format_number() (never
// locale-dependent), text fields quoted only when they must be.
#include <initializer_list>

#include "aggregate.hpp"
#include "corridor/io.hpp"

namespace corridor {
namespace {

class csv_builder {
 public:
  csv_builder& text(std::string_view t) { return field(csv_field(t)); }
  csv_builder& num(double v) { return field(format_number(v)); }
  csv_builder& header(std::initializer_list<std::string_view> names) {
    for (auto n : names) text(n);
    return *this;
  }
  void end_row() {
    out_ += '\n';
    first_ = true;
  }
  std::string take() { return std::move(out_); }

 private:
  csv_builder& field(const std::string& f) {
    if (!first_) out_ += ',';
    out_ += f;
    first_ = false;
    return *this;
  }
  std::string out_;
  bool first_ = true;
};

}  // namespace

std::string replications_csv(const std::vector<run_result>& runs) {
  detail::require_runs(runs, "replications.csv");
  const auto names = runs.front().flatten();
  csv_builder csv;
  csv.header({"replication", "seed"});
  for (const auto& [name, value] : names) csv.text(name);
  csv.end_row();
  for (const auto& r : runs) {
    const auto values = r.flatten();
    if (values.size() != names.size()) {
      throw io_error({}, "replications.csv: replication " + std::to_string(r.replication) + " has " +
                             std::to_string(values.size()) + " metrics, the first has " +
                             std::to_string(names.size()));
    }
    csv.text(std::to_string(r.replication)).text(std::to_string(r.seed));
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i].first != names[i].first) {
        throw io_error(
            {}, "replications.csv: metric " + values[i].first + " where " + names[i].first + " was expected");
      }
      csv.num(values[i].second);
    }
    csv.end_row();
  }
  return csv.take();
}

std::string daily_csv(const std::vector<run_result>& runs) {
  detail::require_runs(runs, "daily.csv");
  const auto queues = detail::mean_queues(runs);
  csv_builder csv;
  csv.header({"day", "teu_delivered", "trains_delivered"});
  for (const auto& field : detail::daily_queue_fields) {
    for (const auto& q : queues) csv.text(field.prefix + q.id);
  }
  csv.end_row();
  for (const auto& d : detail::mean_daily(runs)) {
    csv.text(std::to_string(d.day)).num(d.teu_delivered).num(d.trains_delivered);
    for (const auto& field : detail::daily_queue_fields) {
      for (double v : d.*field.values) csv.num(v);
    }
    csv.end_row();
  }
  return csv.take();
}

std::string routes_csv(const std::vector<run_result>& runs) {
  detail::require_runs(runs, "routes.csv");
  csv_builder csv;
  csv.header({"flow", "route", "trains", "teu", "share", "via_central_asia"}).end_row();
  for (const auto& r : detail::mean_routes(runs)) {
    csv.text(r.flow).text(r.route).num(r.trains).num(r.teu).num(r.share);
    csv.text(r.via_share_region ? "true" : "false").end_row();
  }
  return csv.take();
}

std::string crossings_csv(const std::vector<run_result>& runs) {
  detail::require_runs(runs, "crossings.csv");
  csv_builder csv;
  csv.header({"id", "kind", "trains", "teu", "utilization", "mean_wait_h", "p95_wait_h", "mean_queue_trains",
              "max_queue_trains", "arrivals_per_h", "sailings", "cancelled_sailings"})
      .end_row();
  auto queues = detail::mean_queues(runs);
  for (const char* kind : {"crossing", "ferry"}) {
    for (const auto& q : queues) {
      if ((q.kind == "ferry") != (std::string_view(kind) == "ferry")) continue;
      csv.text(q.id).text(q.kind).num(q.trains).num(q.teu).num(q.utilization).num(q.mean_wait_h);
      csv.num(q.p95_wait_h).num(q.mean_queue_trains).num(q.max_queue_trains).num(q.arrivals_per_h);
      csv.num(q.sailings).num(q.cancelled_sailings).end_row();
    }
  }
  return csv.take();
}

std::string compare_csv(const compare_table& t) {
  csv_builder csv;
  csv.header({"metric", "base", "variant", "diff", "half_width_95", "significant", "unpaired_half_width_95"})
      .end_row();
  for (const auto& r : t.rows) {
    csv.text(r.name).num(r.base).num(r.variant).num(r.diff).num(r.half_width);
    csv.text(r.significant ? "true" : "false").num(r.unpaired_half_width).end_row();
  }
  return csv.take();
}

}  // namespace corridor

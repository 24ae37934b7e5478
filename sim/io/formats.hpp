#pragma once
// Internals shared by io's writers and its reader: the JSON documents of a Summary (the files print them,
// the report embeds them), the daily.csv columns and a CSV row builder. Internal to sim/io.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/io.hpp"
#include "json_util.hpp"

namespace corridor::detail {

ojson summary_object(const run_summary& s);  // summary.json
ojson geojson_object(const run_summary& s);  // flows.geojson
// What a run's share metrics are named after (share_<key>_trains, ..., the routes' via_<route_region>), as
// summary.json's names say it: how the report and studio pages find them.
ojson share_object(const run_summary& s);
ojson compare_object(const comparison& c);  // compare.json
ojson ranking_object(const ranking& r);     // ranking.json

// daily_row's per-queue series with their daily.csv column prefixes (column = prefix + queue id), in column
// order. The end-of-day queue comes first, as it did before the others existed.
struct daily_series {
  const char* prefix;
  std::vector<double> daily_row::*values;
};
inline constexpr daily_series daily_columns[] = {
    {"queue_", &daily_row::queue_trains},         {"mean_queue_", &daily_row::mean_queue_trains},
    {"max_queue_", &daily_row::max_queue_trains}, {"utilization_", &daily_row::utilization},
    {"mean_wait_h_", &daily_row::mean_wait_h},    {"p95_wait_h_", &daily_row::p95_wait_h}};

// Rows of comma-separated fields ended by '\n'; numbers through format_number, text through csv_field.
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

// Splits CSV as csv_field() writes it (fields quoted when they hold commas, quotes or line breaks). Throws
// io_error naming `path` on an unterminated quote.
std::vector<std::vector<std::string>> parse_csv(std::string_view text, const std::filesystem::path& path);

}  // namespace corridor::detail

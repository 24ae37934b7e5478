// report.html: one self-contained page. The summaries become one JSON object, embedded in the page (from
// sim/io/web/) with its stylesheet and script, so it opens offline, from e-mail or from an archive, and
// fetches nothing.
#include <algorithm>
#include <stdexcept>
#include <utility>

#include "formats.hpp"
#include "web_assets.hpp"

namespace corridor {
namespace {

using detail::json_number;
using detail::ojson;

// The days as records {day, teu_delivered, ..., <prefix><queue or port id>: value}, with their column names.
// `keep` limits the per-queue and per-port series to those whose prefix it names (empty: all).
std::pair<ojson, ojson> daily_records(const run_summary& s, std::string_view keep = {}) {
  ojson columns = ojson::array({"day"});
  if (keep.empty()) columns.insert(columns.end(), {"teu_delivered", "trains_delivered"});
  for (const auto& series : detail::daily_columns) {
    if (!keep.empty() && series.prefix != keep) continue;
    for (const auto& q : s.queues) columns.push_back(series.prefix + q.id);
  }
  for (const auto& series : daily_port_fields) {
    if (!keep.empty() && series.prefix != keep) continue;
    for (const auto& p : s.ports) columns.push_back(series.prefix + p.id);
  }
  ojson rows = ojson::array();
  for (const auto& d : s.daily) {
    ojson row = ojson::object();
    row["day"] = d.day;
    if (keep.empty())
      row["teu_delivered"] = json_number(d.teu_delivered),
      row["trains_delivered"] = json_number(d.trains_delivered);
    for (const auto& series : detail::daily_columns) {
      if (!keep.empty() && series.prefix != keep) continue;
      const auto& values = d.*series.values;
      for (std::size_t i = 0; i < s.queues.size() && i < values.size(); ++i) {
        row[series.prefix + s.queues[i].id] = json_number(values[i]);
      }
    }
    for (const auto& series : daily_port_fields) {
      if (!keep.empty() && series.prefix != keep) continue;
      const auto& values = d.*series.values;
      for (std::size_t i = 0; i < s.ports.size() && i < values.size(); ++i) {
        row[std::string(series.prefix) + s.ports[i].id] = json_number(values[i]);
      }
    }
    rows.push_back(std::move(row));
  }
  return {std::move(columns), std::move(rows)};
}

ojson route_records(const run_summary& s) {
  ojson rows = ojson::array();
  const std::string via = s.routes.empty() ? "" : route_region_column(s.regions.route_region);
  for (const auto& r : s.routes) {
    rows.push_back({{"flow", r.flow},
                    {"route", r.route},
                    {"trains", json_number(r.trains)},
                    {"teu", json_number(r.teu)},
                    {"share", json_number(r.share)},
                    {via, r.via_share_region}});
  }
  return rows;
}

// One side of a comparison: its network flows and each queue's mean length by day, all a comparison draws.
ojson side(const run_summary& s) {
  auto [columns, rows] = daily_records(s, "mean_queue_");
  ojson out;
  out["flows"] = detail::geojson_object(s);
  out["daily"] = std::move(rows);
  out["daily_columns"] = std::move(columns);
  return out;
}

// The output files the page's data stands for, as the folder holds them (the footer lists them).
ojson files_of(const report_input& in) {
  ojson files = ojson::array();
  if (in.run) files.push_back("summary.json");
  if (in.compare) files.push_back("compare.json");
  if (in.run) files.insert(files.end(), {"flows.geojson", "daily.csv", "routes.csv"});
  if (in.compare && in.compared) {
    files.insert(files.end(),
                 {"base/flows.geojson", "base/daily.csv", "variant/flows.geojson", "variant/daily.csv"});
  }
  return files;
}

ojson report_data(const report_input& in) {
  ojson data;
  data["summary"] = in.run ? detail::summary_object(*in.run) : ojson();
  data["compare"] = in.compare ? detail::compare_object(*in.compare) : ojson();
  data["flows"] = in.run ? detail::geojson_object(*in.run) : ojson();
  // ordered_json keeps members in a vector: take no reference to one member while adding another.
  auto [daily_columns, daily] = in.run ? daily_records(*in.run) : std::pair<ojson, ojson>();
  data["daily"] = std::move(daily);
  data["daily_columns"] = std::move(daily_columns);
  data["routes"] = in.run ? route_records(*in.run) : ojson();
  // Only what summary.json says (the region ids, not the scenario's display names), so that `corridor report
  // DIR` draws the page a run drew.
  data["share"] = in.run ? detail::share_object(*in.run) : ojson();
  if (in.compare && in.compared) {
    data["sides"] = {{"base", side(in.compared->base)}, {"variant", side(in.compared->variant)}};
  } else {
    data["sides"] = ojson();
  }
  data["ranking"] = in.ranked ? detail::ranking_object(*in.ranked) : ojson();
  data["map"] = ojson();
  data["files"] = files_of(in);
  return data;
}

// JSON inside <script>: every '<' (only ever inside strings) becomes \u003c, so no "</script>" or "<!--" in
// the data can end the element early.
std::string script_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

std::string page(const std::string& title, const ojson& data) {
  const std::string script = std::string(detail::web_report_base_js) +
                             std::string(detail::web_report_run_js) +
                             std::string(detail::web_report_compare_js);
  return detail::fill_template(detail::web_report_html, {{"title", html_escape(title)},
                                                         {"style", detail::web_report_css},
                                                         {"data", script_safe(data.dump())},
                                                         {"script", script}});
}

}  // namespace

std::string report_html(const report_input& in) {
  if (!in.run && !in.compare) throw io_error({}, "report: no run summary or comparison to report on");
  std::string title = "Corridor report";
  if (in.run) title += " \xe2\x80\x94 " + in.run->scenario_name;
  return page(title, report_data(in));
}

std::string map_html(const std::string& scenario_name, const network_view& network) {
  run_summary s;
  s.scenario_name = scenario_name;
  s.network = network;
  ojson slots = ojson::object();
  for (const auto& e : network.edges) slots[e.id] = e.slots_per_day;
  ojson data;
  for (const char* empty :
       {"summary", "compare", "daily", "daily_columns", "routes", "share", "sides", "ranking"}) {
    data[empty] = ojson();
  }
  data["flows"] = detail::geojson_object(s);
  data["map"] = {{"name", scenario_name},
                 {"nodes", network.nodes.size()},
                 {"edges", network.edges.size()},
                 {"slots_per_day", std::move(slots)}};
  data["files"] = ojson::array();
  return page("Corridor map \xe2\x80\x94 " + scenario_name, data);
}

std::filesystem::path write_report_html(const std::filesystem::path& dir, const report_input& in) {
  auto out = dir / "report.html";
  write_file_atomic(out, report_html(in));
  return out;
}

namespace detail {

std::string fill_template(std::string_view page,
                          const std::vector<std::pair<std::string_view, std::string_view>>& fields) {
  std::string out;
  std::vector<bool> used(fields.size(), false);
  std::size_t at = 0;
  for (auto open = page.find("{{"); open != std::string_view::npos; open = page.find("{{", at)) {
    const auto close = page.find("}}", open);
    if (close == std::string_view::npos) throw std::logic_error("report template: '{{' without '}}'");
    const auto name = page.substr(open + 2, close - open - 2);
    const auto it =
        std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == name; });
    if (it == fields.end())
      throw std::logic_error("report template: no value for {{" + std::string(name) + "}}");
    used[static_cast<std::size_t>(it - fields.begin())] = true;
    out.append(page.substr(at, open - at)).append(it->second);
    at = close + 2;
  }
  out.append(page.substr(at));
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (!used[i]) throw std::logic_error("report template: no {{" + std::string(fields[i].first) + "}}");
  }
  return out;
}

}  // namespace detail
}  // namespace corridor

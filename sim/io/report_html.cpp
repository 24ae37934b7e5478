// report.html: one self-contained page. The files of an output directory (and, for a comparison, of its
// base/ and variant/ subdirectories) are read back, turned into one JSON object and embedded in the page with
// the stylesheet and script, so it opens offline, from e-mail or from an archive, and fetches nothing.
#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <utility>

#include "corridor/io.hpp"
#include "json_util.hpp"
#include "web_assets.hpp"

namespace corridor {
namespace {

using detail::ojson;

// Splits CSV as csv_field() writes it: fields quoted when they hold commas, quotes or line breaks.
std::vector<std::vector<std::string>> parse_csv(std::string_view text, const std::filesystem::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"')
        field += c;
      else if (i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else
        quoted = false;
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

// A CSV cell as JSON: a number when the whole cell is one, null when empty, else the text.
ojson cell(const std::string& s) {
  if (s.empty()) return nullptr;
  double v = 0.0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && end == s.data() + s.size()) return v;
  return s;
}

// {columns: [...], rows: [{column: value}, ...]}
std::pair<ojson, ojson> csv_records(const std::filesystem::path& path) {
  const auto rows = parse_csv(read_file(path), path);
  ojson columns = ojson::array(), records = ojson::array();
  if (rows.empty()) return {columns, records};
  for (const auto& name : rows.front()) columns.push_back(name);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != rows.front().size()) {
      throw io_error(path, "row " + std::to_string(r + 1) + " has " + std::to_string(rows[r].size()) +
                               " fields, the header " + std::to_string(rows.front().size()));
    }
    ojson rec = ojson::object();
    for (std::size_t c = 0; c < rows[r].size(); ++c) rec[rows.front()[c]] = cell(rows[r][c]);
    records.push_back(std::move(rec));
  }
  return {columns, records};
}

ojson read_json(const std::filesystem::path& path) {
  try {
    return ojson::parse(read_file(path));
  } catch (const ojson::exception& e) {
    throw io_error(path, std::string("not valid JSON: ") + e.what());
  }
}

// daily.csv cut to the day and one queue series per crossing or ferry: the day's mean queue where the file
// has it, else the queue at the end of the day. All a comparison draws from a side, and a tenth of the file.
std::pair<ojson, ojson> queue_series(const std::filesystem::path& path) {
  auto [columns, records] = csv_records(path);
  bool has_mean = false;
  for (const auto& c : columns) has_mean = has_mean || c.get<std::string>().rfind("mean_queue_", 0) == 0;
  const std::string prefix = has_mean ? "mean_queue_" : "queue_";
  ojson kept = ojson::array();
  for (const auto& c : columns) {
    const auto name = c.get<std::string>();
    if (name == "day" || name.rfind(prefix, 0) == 0) kept.push_back(name);
  }
  ojson rows = ojson::array();
  for (const auto& rec : records) {
    ojson row = ojson::object();
    for (const auto& c : kept) row[c.get<std::string>()] = rec[c.get<std::string>()];
    rows.push_back(std::move(row));
  }
  return {kept, rows};
}

// One side of a comparison (DIR/base or DIR/variant, as compare writes them): its flows and queues.
ojson gather_side(const std::filesystem::path& dir, const std::string& name, ojson& files) {
  ojson side;
  auto present = [&](const char* file) {
    std::error_code ec;
    const bool ok = std::filesystem::is_regular_file(dir / name / file, ec);
    if (ok) files.push_back(name + "/" + file);
    return ok;
  };
  side["flows"] = present("flows.geojson") ? read_json(dir / name / "flows.geojson") : ojson();
  auto [columns, rows] =
      present("daily.csv") ? queue_series(dir / name / "daily.csv") : std::pair<ojson, ojson>();
  side["daily"] = std::move(rows);
  side["daily_columns"] = std::move(columns);
  return side;
}

ojson gather(const std::filesystem::path& dir) {
  ojson data;
  ojson files = ojson::array();
  auto present = [&](const char* name) {
    std::error_code ec;
    const bool ok = std::filesystem::is_regular_file(dir / name, ec);
    if (ok) files.push_back(name);
    return ok;
  };
  data["summary"] = present("summary.json") ? read_json(dir / "summary.json") : ojson();
  data["compare"] = present("compare.json") ? read_json(dir / "compare.json") : ojson();
  if (data["summary"].is_null() && data["compare"].is_null()) {
    throw io_error(dir, "no summary.json or compare.json to report on");
  }
  data["flows"] = present("flows.geojson") ? read_json(dir / "flows.geojson") : ojson();
  // ordered_json keeps members in a vector: take no reference to one member while adding another.
  auto [daily_columns, daily] =
      present("daily.csv") ? csv_records(dir / "daily.csv") : std::pair<ojson, ojson>();
  data["daily"] = std::move(daily);
  data["daily_columns"] = std::move(daily_columns);
  data["routes"] = present("routes.csv") ? csv_records(dir / "routes.csv").second : ojson();
  std::error_code ec;
  if (!data["compare"].is_null() && std::filesystem::is_directory(dir / "base", ec) &&
      std::filesystem::is_directory(dir / "variant", ec)) {
    ojson sides;
    sides["base"] = gather_side(dir, "base", files);
    sides["variant"] = gather_side(dir, "variant", files);
    data["sides"] = std::move(sides);
  } else {
    data["sides"] = ojson();
  }
  data["files"] = std::move(files);
  return data;
}

// JSON inside <script>: every '<' (only ever inside strings) becomes \u003c, so no "</script>" or "<!--" in
// the data can end the element early.
std::string script_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::filesystem::path write_report_html(const std::filesystem::path& dir) {
  const ojson data = gather(dir);
  std::string title = "Corridor report";
  if (data["summary"].is_object()) title += " \xe2\x80\x94 " + data["summary"]["scenario"].value("name", "");
  const std::string script = std::string(detail::web_report_base_js) +
                             std::string(detail::web_report_run_js) +
                             std::string(detail::web_report_compare_js);
  const std::string page = detail::fill_template(detail::web_report_html, {{"title", html_escape(title)},
                                                                           {"style", detail::web_report_css},
                                                                           {"data", script_safe(data.dump())},
                                                                           {"script", script}});
  const auto out = dir / "report.html";
  write_file_atomic(out, page);
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

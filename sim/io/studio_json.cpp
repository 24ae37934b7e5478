// The studio's JSON: io's own documents (summary.json, flows.geojson, compare.json) put together as the page
// draws them, the scenario in its file's keys, and overlays between YAML (files) and JSON (the page).
#include "corridor/studio_json.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "formats.hpp"

namespace corridor {
namespace {

using detail::json_number;
using detail::ojson;

// --- YAML -> JSON -----------------------------------------------------------------------------------------

// A plain scalar as the value YAML 1.2's core schema reads it; a quoted one (tag "!") stays a string.
ojson scalar_value(const YAML::Node& n) {
  const std::string& text = n.Scalar();
  if (n.Tag() == "!") return text;
  if (text == "true") return true;
  if (text == "false") return false;
  if (text == "null" || text == "~" || text.empty()) return nullptr;
  const char* end = text.data() + text.size();
  const char* first = text.data() + (text[0] == '+' ? 1 : 0);
  // Whole numbers stay exact (a seed may need all 64 bits), anything else is a double.
  std::int64_t whole = 0;
  if (const auto [ptr, ec] = std::from_chars(first, end, whole); ec == std::errc() && ptr == end)
    return whole;
  std::uint64_t big = 0;
  if (const auto [ptr, ec] = std::from_chars(first, end, big); ec == std::errc() && ptr == end) return big;
  double v = 0.0;
  const auto [ptr, ec] = std::from_chars(first, end, v);
  if (ec == std::errc() && ptr == end && std::isfinite(v)) return json_number(v);
  return text;
}

ojson to_json(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      ojson out = ojson::object();
      for (const auto& kv : n) out[kv.first.Scalar()] = to_json(kv.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      ojson out = ojson::array();
      for (const auto& item : n) out.push_back(to_json(item));
      return out;
    }
    case YAML::NodeType::Scalar:
      return scalar_value(n);
    default:
      return nullptr;
  }
}

ojson yaml_map_as_json(std::string_view yaml, std::string_view what) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw io_error({}, std::string(what) + ": not YAML: " + e.what());
  }
  if (!root.IsMap()) throw io_error({}, std::string(what) + ": the top is not a map");
  return to_json(root);
}

// --- JSON -> YAML -----------------------------------------------------------------------------------------

// True when YAML reads `s` back, unquoted, as this same string (not a number, bool or null, no syntax).
bool plain_safe(const std::string& s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') return false;
  }
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* word : {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}) {
    if (lower == word) return false;
  }
  return true;
}

std::string scalar_text(const ojson& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) return format_number(v.get<double>());
  const auto s = v.get<std::string>();
  return plain_safe(s) ? s : ojson(s).dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string key_text(const std::string& k) {
  return plain_safe(k) ? k : ojson(k).dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string flow(const ojson& v) {
  std::string out;
  if (v.is_array()) {
    for (const auto& item : v) out += (out.empty() ? "" : ", ") + flow(item);
    return "[" + out + "]";
  }
  if (v.is_object()) {
    for (const auto& [k, item] : v.items())
      out += (out.empty() ? "" : ", ") + key_text(k) + ": " + flow(item);
    return "{" + out + "}";
  }
  return scalar_text(v);
}

bool all_scalars(const ojson& v) {
  return std::none_of(v.begin(), v.end(), [](const ojson& x) { return x.is_object() && !x.empty(); });
}

void block(const ojson& map, int depth, std::string& out) {
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  for (const auto& [k, v] : map.items()) {
    out += indent + key_text(k) + ":";
    if (v.is_object() && !v.empty() && !(depth > 0 && all_scalars(v))) {
      out += "\n";
      block(v, depth + 1, out);
    } else {
      out += " " + flow(v) + "\n";
    }
  }
}

// The daily series of one run the page draws, by column: days, deliveries, two series per queue and the
// series of each resource port.
ojson daily_columns(const run_summary& s) {
  ojson day = ojson::array(), teu = ojson::array();
  for (const auto& d : s.daily) {
    day.push_back(d.day);
    teu.push_back(json_number(d.teu_delivered));
  }
  ojson queues = ojson::object();
  for (std::size_t i = 0; i < s.queues.size(); ++i) {
    ojson end = ojson::array(), mean = ojson::array();
    for (const auto& d : s.daily) {
      end.push_back(json_number(i < d.queue_trains.size() ? d.queue_trains[i] : 0.0));
      mean.push_back(json_number(i < d.mean_queue_trains.size() ? d.mean_queue_trains[i] : 0.0));
    }
    queues[s.queues[i].id] = {{"queue_trains", std::move(end)}, {"mean_queue_trains", std::move(mean)}};
  }
  // Resource ports, each of its series by field name (yard_teu, ..., utilization: the berths'); absent when
  // the scenario has none.
  ojson ports = ojson::object();
  for (std::size_t i = 0; i < s.ports.size(); ++i) {
    ojson port = ojson::object();
    for (const auto& series : daily_port_fields) {
      ojson values = ojson::array();
      for (const auto& d : s.daily) {
        const auto& v = d.*series.values;
        values.push_back(json_number(i < v.size() ? v[i] : 0.0));
      }
      port[series.field] = std::move(values);
    }
    ports[s.ports[i].id] = std::move(port);
  }
  ojson out;
  out["day"] = std::move(day);
  out["teu_delivered"] = std::move(teu);
  out["queues"] = std::move(queues);
  if (!s.ports.empty()) out["ports"] = std::move(ports);
  return out;
}

}  // namespace

std::string scenario_json(const scenario& s) {
  return yaml_map_as_json(to_yaml(s), "scenario").dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string studio_run_json(const run_summary& s) {
  ojson out;
  out["summary"] = detail::summary_object(s);
  out["flows"] = detail::geojson_object(s);
  out["daily"] = daily_columns(s);
  out["share"] = detail::share_object(s);
  out["share"]["region_name"] = s.share_region_name;
  out["share"]["from_name"] = s.share_from_name;
  out["share"]["to_name"] = s.share_to_name;
  return out.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string studio_comparison_json(const comparison& c) {
  return detail::compare_object(c).dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string overlay_json(std::string_view overlay_yaml) {
  return yaml_map_as_json(overlay_yaml, "overlay").dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string overlay_yaml(std::string_view overlay_json, std::string_view header) {
  ojson j = ojson::parse(overlay_json, nullptr, false);
  if (j.is_discarded()) throw io_error({}, "overlay: not JSON");
  if (!j.is_object()) throw io_error({}, "overlay: not a JSON object");
  std::string out;
  std::size_t at = 0;
  while (at < header.size()) {
    const auto end = std::min(header.find('\n', at), header.size());
    out += "# " + std::string(header.substr(at, end - at)) + "\n";
    at = end + 1;
  }
  if (const auto it = j.find("extends"); it != j.end()) {
    out += "extends: " + scalar_text(*it) + "\n";
    j.erase(it);
  }
  block(j, 0, out);
  return out;
}

}  // namespace corridor

#include "requests.hpp"

#include <cmath>

namespace corridor::detail {
namespace {

using ojson = nlohmann::ordered_json;

std::string list_of(std::initializer_list<std::string_view> names) {
  std::string out;
  for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

parameter_edit read_edit(const ojson& e, std::size_t i) {
  const std::string where = "edits[" + std::to_string(i) + "]";
  if (!e.is_object()) throw request_error(400, where + ": an edit is an object {path, value, op}");
  parameter_edit out;
  out.loc.file = where;
  for (const auto& [k, v] : e.items()) {
    if (k == "path") {
      if (!v.is_string() || v.get<std::string>().empty())
        throw request_error(400, where + ".path: a parameter path such as nodes.khorgos.tracks");
      out.path = v.get<std::string>();
    } else if (k == "value") {
      if (!v.is_number() || !std::isfinite(v.get<double>()))
        throw request_error(400, where + ".value: a finite number");
      out.value = v.get<double>();
    } else if (k == "op") {
      if (v == "set") {
        out.op = param_op::set;
      } else if (v == "scale") {
        out.op = param_op::scale;
      } else {
        throw request_error(400, where + ".op: \"set\" or \"scale\"");
      }
    } else {
      throw request_error(400, where + ": unknown key '" + k + "' (expected path, value, op)");
    }
  }
  if (out.path.empty() || !e.contains("value"))
    throw request_error(400, where + ": needs a path and a value");
  return out;
}

}  // namespace

edit_request read_edit_request(std::string_view text, std::initializer_list<std::string_view> extra_keys,
                               std::size_t default_replications, std::size_t max_replications) {
  edit_request out;
  try {
    out.body = text.empty() ? ojson::object() : ojson::parse(text);
  } catch (const ojson::parse_error& e) {
    throw request_error(400, std::string("the request body is not JSON: ") + e.what());
  }
  if (!out.body.is_object()) throw request_error(400, "the request body is not a JSON object");
  for (const auto& [k, v] : out.body.items()) {
    const bool extra = std::find(extra_keys.begin(), extra_keys.end(), k) != extra_keys.end();
    if (k != "overlay" && k != "edits" && k != "replications" && !extra) {
      throw request_error(400, "unknown key '" + k +
                                   "' in the request (expected overlay, edits, replications" +
                                   (extra_keys.size() ? ", " + list_of(extra_keys) : std::string()) + ")");
    }
  }
  if (const auto it = out.body.find("overlay"); it != out.body.end() && !it->is_null()) {
    if (!it->is_object()) throw request_error(400, "overlay: an object in the shape of an overlay file");
    for (const char* key : {"extends", "seed"}) {
      if (it->contains(key)) {
        throw request_error(400, std::string("overlay: '") + key +
                                     "' cannot be changed in the studio (the variant extends the served "
                                     "scenario and shares its seed)");
      }
    }
    out.overlay = *it;
  }
  if (const auto it = out.body.find("edits"); it != out.body.end() && !it->is_null()) {
    if (!it->is_array()) throw request_error(400, "edits: a list of {path, value, op}");
    for (std::size_t i = 0; i < it->size(); ++i) out.edits.push_back(read_edit((*it)[i], i));
  }
  out.replications = default_replications;
  if (const auto it = out.body.find("replications"); it != out.body.end()) {
    if (!it->is_number_integer() || it->get<long long>() < 1 ||
        it->get<long long>() > static_cast<long long>(max_replications)) {
      throw request_error(400, "replications: a whole number from 1 to " + std::to_string(max_replications));
    }
    out.replications = it->get<std::size_t>();
  }
  nlohmann::json canonical;  // sorted keys: equal requests give equal text
  canonical["overlay"] = nlohmann::json::parse(out.overlay.dump());
  canonical["edits"] = nlohmann::json::array();
  for (const auto& e : out.edits) {
    canonical["edits"].push_back({e.path, e.op == param_op::set ? "set" : "scale", e.value});
  }
  canonical["replications"] = out.replications;
  out.key = canonical.dump();
  return out;
}

std::vector<scenario_edit> scenario_edits(const nlohmann::ordered_json& overlay,
                                          const std::vector<parameter_edit>& edits) {
  std::vector<scenario_edit> out;
  if (!overlay.empty()) out.push_back(overlay_edit{overlay.dump(2), "overlay"});
  out.insert(out.end(), edits.begin(), edits.end());
  return out;
}

double number_field(const nlohmann::ordered_json& body, const char* key, double fallback, double lo,
                    double hi) {
  const auto it = body.find(key);
  if (it == body.end()) return fallback;
  if (!it->is_number() || !(it->get<double>() >= lo) || !(it->get<double>() <= hi)) {
    throw request_error(400, std::string(key) + ": a number from " + nlohmann::json(lo).dump() + " to " +
                                 nlohmann::json(hi).dump());
  }
  return it->get<double>();
}

}  // namespace corridor::detail

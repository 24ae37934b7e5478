// The JSON Schema (draft 2020-12) of the scenario format, printed from the same key tables the loader
// checks against. Kind-specific keys (crossings, rail, ferries) are described, not enforced, by the schema.
#include <nlohmann/json.hpp>

#include "keys.hpp"

namespace corridor {
namespace {

using nlohmann::json;
using namespace detail;

json def_ref(std::string_view def) {
  return {{"$ref", "#/$defs/" + std::string(def)}};
}

void add_bounds(json& j, const key_spec& k) {
  if (k.min) j[k.min_exclusive ? "exclusiveMinimum" : "minimum"] = *k.min;
  if (k.max) j[k.max_exclusive ? "exclusiveMaximum" : "maximum"] = *k.max;
}

json number_schema(const key_spec& k) {
  json j = {{"type", "number"}};
  add_bounds(j, k);
  if (!k.nonzero_min) return j;
  // 0, or a fraction no smaller than nonzero_min.
  j.erase(k.min_exclusive ? "exclusiveMinimum" : "minimum");
  j["minimum"] = *k.nonzero_min;
  return {{"oneOf", {{{"const", 0}}, j}}};
}

json months_schema(const key_spec& k) {
  return {{"type", "array"}, {"items", number_schema(k)}, {"minItems", 12}, {"maxItems", 12}};
}

json value_schema(const key_spec& k) {
  switch (k.type) {
    case vtype::string:
      return {{"type", "string"}};
    case vtype::number:
      return number_schema(k);
    case vtype::integer: {
      json j = {{"type", "integer"}};
      add_bounds(j, k);
      if (!k.int_choices.empty()) j["enum"] = k.int_choices;
      return j;
    }
    case vtype::boolean:
      return {{"type", "boolean"}};
    case vtype::choice:
      return {{"type", "string"}, {"enum", k.choices}};
    case vtype::distribution:
      return def_ref("distribution");
    case vtype::weekdays:
      return {{"type", "array"}, {"items", def_ref("weekday")}, {"uniqueItems", true}};
    case vtype::months12:
      return months_schema(k);
    case vtype::months1or12:
      return {{"oneOf", {number_schema(k), months_schema(k)}}};
    case vtype::string_list:
      return {{"type", "array"}, {"items", {{"type", "string"}, {"pattern", id_pattern}}}};
    case vtype::number_map:
      return {{"type", "object"},
              {"patternProperties", {{std::string(id_pattern), number_schema(k)}}},
              {"additionalProperties", false}};
    case vtype::map:
      return def_ref(k.section);
    case vtype::id_map:
      return {{"type", "object"},
              {"patternProperties", {{std::string(id_pattern), def_ref(k.section)}}},
              {"additionalProperties", false}};
    case vtype::scale:
      return {{"oneOf", {number_schema(k), def_ref(k.section)}}};
    case vtype::number_list:
      return {{"type", "array"}, {"items", number_schema(k)}, {"minItems", 1}};
  }
  return json::object();
}

std::string_view only_text(applies a) {
  switch (a) {
    case applies::crossing:
      return " (crossings only)";
    case applies::port:
      return " (ports only)";
    case applies::rail:
      return " (rail edges only)";
    case applies::ferry:
      return " (ferry edges only)";
    case applies::any:
      break;
  }
  return "";
}

json section_schema(const section_spec& sec) {
  json props = json::object();
  json required = json::array();
  for (const auto& k : sec.keys) {
    json j = value_schema(k);
    std::string text = std::string(k.description) + std::string(only_text(k.only));
    if (!k.unit.empty()) {
      text += " [" + std::string(k.unit) + "]";
      j["x-unit"] = k.unit;
    }
    j["description"] = text;
    if (k.name == "country") j["pattern"] = country_pattern;
    props[std::string(k.name)] = j;
    if (k.required) required.push_back(k.name);
  }
  json out = {{"type", "object"},
              {"description", sec.description},
              {"properties", props},
              {"additionalProperties", false}};
  if (!required.empty()) out["required"] = required;
  return out;
}

json distribution_schema() {
  json choices = json::array();
  const json hours = {{"type", "number"}, {"minimum", 0}, {"maximum", dist_max_h}};
  json constant = hours;
  constant["description"] = "a constant";
  choices.push_back(constant);
  for (const auto& d : dist_specs()) {
    json props = {{"dist", {{"const", d.name}}}};
    json required = {"dist"};
    for (auto p : d.params) {
      const bool list = d.name == "empirical";
      if (list) {
        const json item = p == "values" ? hours : json{{"type", "number"}, {"minimum", 0}};
        props[std::string(p)] = {{"type", "array"}, {"items", item}, {"minItems", 1}};
      } else {
        props[std::string(p)] = hours;
        if (d.name == "lognormal" && p == "mean") props[std::string(p)]["minimum"] = lognormal_min_mean_h;
      }
      if (!(list && p == "weights")) required.push_back(p);
    }
    choices.push_back({{"type", "object"},
                       {"description", d.description},
                       {"properties", props},
                       {"required", required},
                       {"additionalProperties", false}});
  }
  return {{"description", "A number (constant) or {dist: kind, parameters}"}, {"oneOf", choices}};
}

}  // namespace

std::string scenario_json_schema() {
  json defs = json::object();
  for (const char* name : {"route_choice", "choice", "report", "share", "cargo_class", "service_class",
                           "wagon_pool", "node", "edge", "flow", "disruption", "family", "alternative",
                           "market", "market_pair", "market_risk", "scale_demand", "years", "project"}) {
    defs[name] = section_schema(section(name));
  }
  // A project states only the keys of a node or edge that change: their patches (made below).
  for (const char* collection : {"nodes", "edges"}) {
    const std::string entry = std::string(collection) == "nodes" ? "node_patch" : "edge_patch";
    defs["project"]["properties"][collection]["patternProperties"][std::string(id_pattern)] = def_ref(entry);
  }
  json region = section_schema(section("region"));
  region["properties"]["countries"]["items"]["pattern"] = country_pattern;
  region.erase("description");
  defs["region"] = {
      {"description", section("region").description},
      {"oneOf",
       {{{"type", "array"}, {"items", {{"type", "string"}, {"pattern", country_pattern}}}, {"minItems", 1}},
        region}}};
  defs["distribution"] = distribution_schema();
  defs["weekday"] = {{"enum", weekday_names}};
  // An overlay (a file with `extends`) states only what changes, so its entries need no required keys;
  // a complete scenario's entries do. The id maps are therefore checked in an if/then/else on `extends`.
  json root = section_schema(section("top"));
  json complete = json::object(), overlay = json::object();
  for (const auto& k : section("top").keys) {
    if (k.type != vtype::id_map) continue;
    const std::string name(k.name), def(k.section);
    complete[name] = root["properties"][name];
    overlay[name] = root["properties"][name];
    if (defs[def].contains("required")) {
      json patch = defs[def];
      patch.erase("required");
      defs[def + "_patch"] = patch;
      overlay[name]["patternProperties"][std::string(id_pattern)] = def_ref(def + "_patch");
    }
    root["properties"][name] = {{"type", "object"}, {"description", root["properties"][name]["description"]}};
  }
  // A map such as `report` merges key by key, and its id maps (report shares) by id: patches too.
  for (const auto& k : section("top").keys) {
    if (k.type != vtype::map) continue;
    const std::string name(k.name), def(k.section);
    json patch = defs[def];
    bool has_ids = false;
    for (const auto& field : section(k.section).keys) {
      const std::string entry(field.section);
      if (field.type != vtype::id_map || !defs[entry].contains("required")) continue;
      has_ids = true;
      json entry_patch = defs[entry];
      entry_patch.erase("required");
      defs[entry + "_patch"] = entry_patch;
      patch["properties"][std::string(field.name)]["patternProperties"][std::string(id_pattern)] =
          def_ref(entry + "_patch");
    }
    if (!has_ids) continue;
    defs[def + "_patch"] = patch;
    complete[name] = root["properties"][name];
    overlay[name] = def_ref(def + "_patch");
    overlay[name]["description"] = root["properties"][name]["description"];
    root["properties"][name] = {{"type", "object"}, {"description", root["properties"][name]["description"]}};
  }
  root["if"] = {{"required", {"extends"}}};
  root["then"] = {{"properties", overlay}};
  root["else"] = {{"properties", complete}};
  root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  root["$id"] = "https://corridor.example/scenario.schema.json";
  root["title"] = "corridor scenario";
  root["$defs"] = defs;
  return root.dump(2) + "\n";
}

}  // namespace corridor

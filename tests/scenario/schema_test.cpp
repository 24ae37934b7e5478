// The JSON Schema: well-formed, every key described, and (checked by a small validator written here, not in
// the library) every scenario of the project and every valid fixture conforms to it, while broken ones do
// not.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "corridor/scenario.hpp"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const fs::path source = fs::path(CORRIDOR_SOURCE_DIR);
const fs::path fixtures = source / "tests" / "scenario" / "fixtures";

// YAML to JSON as a schema sees it: plain scalars that read as numbers or booleans become them.
json to_json(const YAML::Node& n) {
  if (n.IsMap()) {
    json out = json::object();
    for (const auto& kv : n) out[kv.first.Scalar()] = to_json(kv.second);
    return out;
  }
  if (n.IsSequence()) {
    json out = json::array();
    for (const auto& item : n) out.push_back(to_json(item));
    return out;
  }
  if (n.IsNull()) return nullptr;
  const std::string text = n.Scalar();
  if (n.Tag() == "!") return text;  // quoted
  if (text == "true" || text == "false") return text == "true";
  try {
    std::size_t used = 0;
    const long long i = std::stoll(text, &used);
    if (used == text.size()) return i;
    const double d = std::stod(text, &used);
    if (used == text.size()) return d;
  } catch (const std::exception&) {
  }
  return text;
}

// A validator for the subset of draft 2020-12 the scenario schema uses. Collects "path: problem" lines.
class validator {
 public:
  explicit validator(json schema) : root_(std::move(schema)) {}

  std::vector<std::string> check(const json& value) {
    problems_.clear();
    visit(root_, value, "$");
    return problems_;
  }

 private:
  json root_;
  std::vector<std::string> problems_;

  const json& resolve(const json& s) const {
    if (!s.contains("$ref")) return s;
    const std::string ref = s["$ref"];
    return root_.at("$defs").at(ref.substr(std::string("#/$defs/").size()));
  }

  static bool has_type(const json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "boolean") return v.is_boolean();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    return false;
  }

  void fail(const std::string& path, const std::string& what) { problems_.push_back(path + ": " + what); }

  void numbers(const json& s, const json& v, const std::string& path) {
    if (!v.is_number()) return;
    const double x = v.get<double>();
    if (s.contains("minimum") && x < s["minimum"].get<double>()) fail(path, "below minimum");
    if (s.contains("exclusiveMinimum") && x <= s["exclusiveMinimum"].get<double>())
      fail(path, "not above minimum");
    if (s.contains("maximum") && x > s["maximum"].get<double>()) fail(path, "above maximum");
    if (s.contains("exclusiveMaximum") && x >= s["exclusiveMaximum"].get<double>())
      fail(path, "not below maximum");
  }

  void object(const json& s, const json& v, const std::string& path) {
    if (!v.is_object()) return;
    const json required = s.value("required", json::array());
    for (const auto& r : required) {
      if (!v.contains(r.get<std::string>())) fail(path, "missing " + r.get<std::string>());
    }
    const json patterns = s.value("patternProperties", json::object());
    for (const auto& [key, item] : v.items()) {
      bool matched = false;
      if (s.contains("properties") && s["properties"].contains(key)) {
        visit(s["properties"][key], item, path + "." + key);
        matched = true;
      }
      for (const auto& [pattern, sub] : patterns.items()) {
        if (!std::regex_search(key, std::regex(pattern))) continue;
        visit(sub, item, path + "." + key);
        matched = true;
      }
      if (!matched && s.contains("additionalProperties") && s["additionalProperties"] == false) {
        fail(path, "unexpected key " + key);
      }
    }
  }

  void array(const json& s, const json& v, const std::string& path) {
    if (!v.is_array()) return;
    if (s.contains("minItems") && v.size() < s["minItems"].get<std::size_t>()) fail(path, "too few items");
    if (s.contains("maxItems") && v.size() > s["maxItems"].get<std::size_t>()) fail(path, "too many items");
    if (s.value("uniqueItems", false)) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        for (std::size_t j = i + 1; j < v.size(); ++j) {
          if (v[i] == v[j]) fail(path, "repeated item");
        }
      }
    }
    if (!s.contains("items")) return;
    for (std::size_t i = 0; i < v.size(); ++i) visit(s["items"], v[i], path + "[" + std::to_string(i) + "]");
  }

  void visit(const json& schema, const json& v, const std::string& path) {
    const json& s = resolve(schema);
    if (s.contains("oneOf")) {
      int passing = 0;
      for (const auto& option : s["oneOf"]) {
        validator inner(root_);
        inner.visit(option, v, path);
        passing += inner.problems_.empty() ? 1 : 0;
      }
      if (passing != 1) fail(path, "matches " + std::to_string(passing) + " of oneOf");
    }
    if (s.contains("if")) {
      validator inner(root_);
      inner.visit(s["if"], v, path);
      const char* branch = inner.problems_.empty() ? "then" : "else";
      if (s.contains(branch)) visit(s[branch], v, path);
    }
    if (s.contains("type") && !has_type(v, s["type"]))
      return fail(path, "not " + s["type"].get<std::string>());
    if (s.contains("const") && v != s["const"]) fail(path, "not the constant");
    if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end()) {
      fail(path, "not in enum");
    }
    if (s.contains("pattern") && v.is_string() &&
        !std::regex_search(v.get<std::string>(), std::regex(s["pattern"].get<std::string>()))) {
      fail(path, "does not match pattern");
    }
    numbers(s, v, path);
    object(s, v, path);
    array(s, v, path);
  }
};

std::vector<std::string> check_file(const fs::path& file) {
  return validator(json::parse(corridor::scenario_json_schema()))
      .check(to_json(YAML::LoadFile(file.string())));
}

std::vector<std::string> check_text(const std::string& yaml) {
  return validator(json::parse(corridor::scenario_json_schema())).check(to_json(YAML::Load(yaml)));
}

void describe_all(const json& s, const std::string& path, std::vector<std::string>& undocumented) {
  if (!s.is_object()) return;
  if (s.contains("properties")) {
    for (const auto& [key, sub] : s["properties"].items()) {
      if (!sub.contains("description")) undocumented.push_back(path + "." + key);
    }
  }
}

TEST(scenario_schema, is_draft_2020_12_with_every_key_described_and_closed_maps) {
  const json schema = json::parse(corridor::scenario_json_schema());
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["additionalProperties"], false);
  std::vector<std::string> undocumented;
  describe_all(schema, "$", undocumented);
  for (const auto& [name, def] : schema["$defs"].items()) {
    describe_all(def, name, undocumented);
    if (def.contains("properties")) {
      EXPECT_EQ(def["additionalProperties"], false) << name;
    }
  }
  EXPECT_TRUE(undocumented.empty()) << undocumented.front();
  EXPECT_EQ(schema["$defs"]["edge"]["properties"]["distance_km"]["x-unit"], "km");
  EXPECT_EQ(schema["$defs"]["edge"]["properties"]["distance_km"]["minimum"], 0.001);
  EXPECT_EQ(schema["$defs"]["edge"]["properties"]["distance_km"]["maximum"], 20000);
  EXPECT_EQ(schema["$defs"]["node"]["properties"]["kind"]["enum"],
            json({"terminal", "junction", "crossing", "port"}));
}

TEST(scenario_schema, accepts_every_valid_fixture) {
  for (const char* name :
       {"small.yaml", "minimal.yaml", "variant.yaml", "chain.yaml", "on-broken-base.yaml", "markets.yaml"}) {
    const auto problems = check_file(fixtures / name);
    EXPECT_TRUE(problems.empty()) << name << ": " << problems.front();
  }
}

// scenarios/ also holds other YAML (calibration targets): a scenario has `nodes` or `extends` at top level.
bool is_scenario_file(const fs::path& file) {
  if (file.extension() != ".yaml") return false;
  const YAML::Node top = YAML::LoadFile(file.string());
  return top.IsMap() && (top["nodes"] || top["extends"]);
}

TEST(scenario_schema, accepts_every_scenario_of_the_project) {
  const fs::path dir = source / "scenarios";
  if (!fs::exists(dir)) GTEST_SKIP() << "no scenarios/ yet";
  int scenarios = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!is_scenario_file(entry.path())) continue;
    ++scenarios;
    const auto problems = check_file(entry.path());
    EXPECT_TRUE(problems.empty()) << entry.path() << ": " << problems.front();
  }
  EXPECT_GT(scenarios, 0);
}

TEST(scenario_schema, accepts_the_resolved_form_printed_by_to_yaml) {
  for (const char* name : {"small.yaml", "markets.yaml"}) {
    const auto problems = check_text(corridor::to_yaml(corridor::load_scenario(fixtures / name)));
    EXPECT_TRUE(problems.empty()) << name << ": " << problems.front();
  }
}

TEST(scenario_schema, rejects_what_the_loader_rejects) {
  const fs::path broken = source / "tests" / "scenario" / "broken";
  const std::pair<const char*, const char*> cases[] = {
      {"unknown-key.yaml", "$.nodes.dostyk: unexpected key tracs"},
      {"unknown-top-key.yaml", "$: unexpected key horizon_day"},
      {"number-expected.yaml", "$.edges.xian-dostyk.distance_km: not number"},
      {"integer-expected.yaml", "$.nodes.dostyk.tracks: not integer"},
      {"negative-distance.yaml", "$.edges.dostyk-lodz.distance_km: below minimum"},
      {"zero-tracks.yaml", "$.nodes.dostyk.tracks: below minimum"},
      {"unknown-kind.yaml", "$.nodes.lodz.kind: not in enum"},
      {"empty-region.yaml", "$.regions.europe: matches 0 of oneOf"},
      {"missing-required-key.yaml", "$.nodes.xian: missing country"},
      {"overlay-negative-scale.yaml", "$.scale_demand: matches 0 of oneOf"},
      {"bad-weekday.yaml", "$.edges.caspian.weekdays[1]: not in enum"},
      {"seasonality-count.yaml", "$.flows.xian-lodz.seasonality: too few items"},
      {"invalid-id.yaml", "$.nodes: unexpected key lodz city"},
      {"bad-country.yaml", "$.nodes.dostyk.country: does not match pattern"},
      {"extra-distribution-parameter.yaml", "$.nodes.dostyk.transshipment_h: matches 0 of oneOf"},
      {"alternative-unknown-mode.yaml", "$.alternatives.sea_north_europe.mode: not in enum"},
      {"alternative-zero-transit.yaml", "$.alternatives.air_europe.transit_days: matches 0 of oneOf"},
      {"market-negative-volume.yaml", "$.markets.cn-eu.teu_per_year: not above minimum"},
      {"negative-cap-entering.yaml", "$.nodes.dostyk.daily_cap_trains_entering: below minimum"},
  };
  for (const auto& [file, expected] : cases) {
    const auto problems = check_file(broken / file);
    EXPECT_NE(std::find(problems.begin(), problems.end(), expected), problems.end())
        << file << ": " << (problems.empty() ? "(valid)" : problems.front());
  }
}

}  // namespace

// The targets file of `corridor calibrate`: strict YAML, every unknown key or wrong type an error with its
// place in the file.
#include <cmath>
#include <set>

#include <yaml-cpp/yaml.h>

#include "corridor/calibrate.hpp"

namespace corridor {
namespace {

struct reader {
  std::string file;

  source_loc loc(const YAML::Node& n) const { return {file, n.Mark().line + 1, n.Mark().column + 1}; }

  [[noreturn]] void fail(const YAML::Node& n, const std::string& message) const {
    throw calibrate_error(to_string(loc(n)) + ": " + message);
  }

  void only_keys(const YAML::Node& map, const std::set<std::string>& allowed, const char* what) const {
    if (!map.IsMap()) fail(map, std::string(what) + " must be a map");
    for (const auto& kv : map) {
      const auto key = kv.first.as<std::string>();
      if (!allowed.count(key)) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        fail(kv.first, "unknown key '" + key + "' in " + what + " (expected one of: " + list + ")");
      }
    }
  }

  double number(const YAML::Node& n, const std::string& what) const {
    double v = 0.0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !std::isfinite(v))
      fail(n, what + " must be a number");
    return v;
  }

  std::string text(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar() || n.Scalar().empty()) fail(n, what + " must be a non-empty string");
    return n.Scalar();
  }

  std::vector<std::string> texts(const YAML::Node& n, const std::string& what) const {
    std::vector<std::string> out;
    if (n.IsSequence()) {
      if (n.size() == 0) fail(n, what + " must not be empty");
      for (const auto& e : n) out.push_back(text(e, what));
    } else {
      out.push_back(text(n, what));
    }
    return out;
  }

  calibration_parameter parameter(const YAML::Node& n) const {
    only_keys(n, {"name", "path", "paths", "min", "max", "start"}, "a parameter");
    calibration_parameter p;
    p.loc = loc(n);
    if (n["path"] && n["paths"]) fail(n, "a parameter has 'path' or 'paths', not both");
    if (!n["path"] && !n["paths"]) fail(n, "a parameter needs 'path' (or 'paths')");
    p.paths = texts(n["path"] ? n["path"] : n["paths"], "path");
    p.name = n["name"] ? text(n["name"], "name") : p.paths.front();
    if (!n["min"] || !n["max"]) fail(n, "parameter '" + p.name + "' needs 'min' and 'max'");
    p.min = number(n["min"], "min");
    p.max = number(n["max"], "max");
    if (!(p.min < p.max)) fail(n["max"], "parameter '" + p.name + "': max must be greater than min");
    if (n["start"]) {
      p.start = number(n["start"], "start");
      if (*p.start < p.min || *p.start > p.max) fail(n["start"], "start must lie within [min, max]");
    }
    return p;
  }

  calibration_target target(const YAML::Node& n) const {
    only_keys(n, {"metric", "value", "sd", "weight", "per_year", "source"}, "a target");
    calibration_target t;
    t.loc = loc(n);
    if (!n["metric"] || !n["value"]) fail(n, "a target needs 'metric' and 'value'");
    t.metrics = texts(n["metric"], "metric");
    t.value = number(n["value"], "value");
    if (n["sd"] && n["weight"]) fail(n, "a target has 'sd' or 'weight', not both");
    if (!n["sd"] && !n["weight"]) fail(n, "target '" + t.label() + "' needs 'sd' or 'weight'");
    if (n["sd"]) {
      t.sd = number(n["sd"], "sd");
      if (*t.sd <= 0.0) fail(n["sd"], "sd must be positive");
    } else {
      t.weight = number(n["weight"], "weight");
      if (*t.weight < 0.0) fail(n["weight"], "weight must not be negative");
    }
    if (n["per_year"]) {
      bool b = false;
      if (!YAML::convert<bool>::decode(n["per_year"], b))
        fail(n["per_year"], "per_year must be true or false");
      t.per_year = b;
    }
    if (n["source"]) t.source = text(n["source"], "source");
    return t;
  }
};

}  // namespace

std::string calibration_target::label() const {
  std::string out;
  for (const auto& m : metrics) out += (out.empty() ? "" : " + ") + m;
  return out;
}

calibration_spec parse_calibration(std::string_view yaml, std::string_view name,
                                   const std::filesystem::path& base_dir) {
  const reader r{std::string(name)};
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw calibrate_error(to_string({r.file, e.mark.line + 1, e.mark.column + 1}) + ": " + e.msg);
  }
  r.only_keys(root, {"scenario", "parameters", "targets"}, "the targets file");
  calibration_spec spec;
  spec.file = r.file;
  if (root["scenario"]) spec.scenario = base_dir / r.text(root["scenario"], "scenario");
  const auto params = root["parameters"];
  const auto targets = root["targets"];
  if (!params || !params.IsSequence() || params.size() == 0)
    r.fail(params ? params : root, "'parameters' must be a non-empty list");
  if (!targets || !targets.IsSequence() || targets.size() == 0)
    r.fail(targets ? targets : root, "'targets' must be a non-empty list");
  std::set<std::string> names;
  for (const auto& p : params) {
    spec.parameters.push_back(r.parameter(p));
    if (!names.insert(spec.parameters.back().name).second)
      r.fail(p, "parameter '" + spec.parameters.back().name + "' is listed twice");
  }
  for (const auto& t : targets) spec.targets.push_back(r.target(t));
  if (spec.targets.size() < spec.parameters.size()) {
    r.fail(targets, std::to_string(spec.parameters.size()) +
                        " parameters need at least as many targets, got " +
                        std::to_string(spec.targets.size()));
  }
  return spec;
}

}  // namespace corridor

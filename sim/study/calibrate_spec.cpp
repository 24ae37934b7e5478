// The targets file of `corridor calibrate` and the estimates file it writes: strict YAML, every unknown key
// or wrong type an error with its place in the file.
#include <cmath>
#include <limits>
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

  // The document, or a located error for YAML that does not parse.
  YAML::Node load(std::string_view yaml) const {
    try {
      return YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
      throw calibrate_error(to_string({file, e.mark.line + 1, e.mark.column + 1}) + ": " + e.msg);
    }
  }

  // root[key] as a non-empty list, or a located error.
  YAML::Node required_list(const YAML::Node& root, const char* key) const {
    const auto list = root[key];
    if (!list || !list.IsSequence() || list.size() == 0)
      fail(list ? list : root, "'" + std::string(key) + "' must be a non-empty list");
    return list;
  }

  // Each entry of `list` read by `read` (which returns something with a `name`) into `out`; a name twice is
  // a located error.
  template <class Item, class Read>
  void named_items(const YAML::Node& list, std::vector<Item>& out, Read read) const {
    std::set<std::string> names;
    for (const auto& n : list) {
      out.push_back(read(n));
      if (!names.insert(out.back().name).second)
        fail(n, "parameter '" + out.back().name + "' is listed twice");
    }
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

  bool boolean(const YAML::Node& n, const std::string& what) const {
    bool b = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, b)) fail(n, what + " must be true or false");
    return b;
  }

  // A number, or NaN for `null` (or `~`).
  double number_or_null(const YAML::Node& n, const std::string& what) const {
    if (n.IsNull()) return std::numeric_limits<double>::quiet_NaN();
    return number(n, what + " (or null)");
  }

  YAML::Node sequence(const YAML::Node& n, const std::string& what) const {
    if (!n.IsSequence()) fail(n, what + " must be a list");
    return n;
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
    if (n["per_year"]) t.per_year = boolean(n["per_year"], "per_year");
    if (n["source"]) t.source = text(n["source"], "source");
    return t;
  }

  parameter_estimate estimate(const YAML::Node& n) const {
    only_keys(n, {"name", "paths", "estimate", "standard_error", "bounds", "identified", "status", "note"},
              "an estimate");
    for (const char* key : {"name", "paths", "estimate", "standard_error", "bounds", "identified"}) {
      if (!n[key]) fail(n, std::string("an estimate needs '") + key + "'");
    }
    parameter_estimate p;
    p.loc = loc(n);
    p.name = text(n["name"], "name");
    p.paths = texts(sequence(n["paths"], "paths"), "paths");
    p.estimate = number(n["estimate"], "estimate");
    const YAML::Node b = sequence(n["bounds"], "bounds");
    if (b.size() != 2) fail(b, "bounds must be [min, max]");
    p.min = number(b[0], "min");
    p.max = number(b[1], "max");
    if (!(p.min < p.max)) fail(b, "bounds: max must be greater than min");
    if (p.estimate < p.min || p.estimate > p.max) fail(n["estimate"], "estimate must lie within the bounds");
    const bool identified = boolean(n["identified"], "identified");
    const double se = number_or_null(n["standard_error"], "standard_error");
    if (identified && !(se >= 0.0))
      fail(n["standard_error"], "an identified parameter needs a standard_error >= 0");
    if (!identified && !std::isnan(se))
      fail(n["standard_error"], "a parameter not identified has standard_error: null");
    if (identified) p.standard_error = se;
    p.status = identified ? estimate_status::identified : estimate_status::not_identified;
    if (n["status"]) p.status = status(n["status"], identified);
    if (n["note"]) {
      if (!n["note"].IsScalar()) fail(n["note"], "note must be a string");
      p.note = n["note"].Scalar();
    }
    return p;
  }

  estimate_status status(const YAML::Node& n, bool identified) const {
    const std::string s = text(n, "status");
    for (auto k : {estimate_status::identified, estimate_status::not_identified,
                   estimate_status::at_lower_bound, estimate_status::at_upper_bound}) {
      if (s != to_string(k)) continue;
      if ((k == estimate_status::identified) != identified)
        fail(n, "status '" + s + "' contradicts identified: " + (identified ? "true" : "false"));
      return k;
    }
    fail(n, "status must be one of: identified, not identified, at lower bound, at upper bound");
  }

  // An n x n matrix of numbers in [-1, 1], symmetric, null exactly in the rows and columns of parameters not
  // identified, 1 on an identified diagonal.
  std::vector<std::vector<double>> correlation(const YAML::Node& n,
                                               const std::vector<parameter_estimate>& ps) const {
    const std::size_t size = ps.size();
    if (sequence(n, "correlation").size() != size)
      fail(n, "correlation must have one row per parameter (" + std::to_string(size) + ")");
    std::vector<std::vector<double>> c;
    for (std::size_t i = 0; i < size; ++i) {
      const YAML::Node row = sequence(n[i], "a row of correlation");
      if (row.size() != size)
        fail(row, "a row of correlation must have " + std::to_string(size) + " entries");
      c.emplace_back();
      for (std::size_t j = 0; j < size; ++j) {
        const double v = number_or_null(row[j], "a correlation");
        const bool both = ps[i].identified() && ps[j].identified();
        if (both == std::isnan(v))
          fail(row[j], both ? "a correlation between identified parameters must be a number"
                            : "a correlation with a parameter not identified must be null");
        if (both && (std::abs(v) > 1.0 || (i == j && v != 1.0)))
          fail(row[j],
               i == j ? "the diagonal of correlation must be 1" : "a correlation must lie in [-1, 1]");
        if (j < i && !(std::isnan(v) && std::isnan(c[j][i])) && v != c[j][i])
          fail(row[j], "correlation must be symmetric");
        c.back().push_back(v);
      }
    }
    return c;
  }
};

}  // namespace

calibration_estimates parse_estimates(std::string_view yaml, std::string_view name) {
  const reader r{std::string(name)};
  const YAML::Node root = r.load(yaml);
  r.only_keys(
      root,
      {"scenario", "targets", "scale", "condition_number", "singular_values", "parameters", "correlation"},
      "the estimates file");
  calibration_estimates e;
  if (root["scenario"]) e.scenario = r.text(root["scenario"], "scenario");
  if (root["targets"]) e.targets = r.text(root["targets"], "targets");
  if (root["scale"]) {
    const std::string scale = r.text(root["scale"], "scale");
    if (scale != "sd" && scale != "weights") r.fail(root["scale"], "scale must be 'sd' or 'weights'");
    e.weights_scale = scale == "weights";
  }
  if (root["condition_number"]) e.condition_number = r.number(root["condition_number"], "condition_number");
  if (root["singular_values"]) {
    for (const auto& v : r.sequence(root["singular_values"], "singular_values"))
      e.singular_values.push_back(r.number(v, "a singular value"));
  }
  r.named_items(r.required_list(root, "parameters"), e.parameters,
                [&](const YAML::Node& p) { return r.estimate(p); });
  if (!root["correlation"]) r.fail(root, "the estimates file needs 'correlation'");
  e.correlation = r.correlation(root["correlation"], e.parameters);
  return e;
}

std::string calibration_target::label() const {
  std::string out;
  for (const auto& m : metrics) out += (out.empty() ? "" : " + ") + m;
  return out;
}

calibration_spec parse_calibration(std::string_view yaml, std::string_view name,
                                   const std::filesystem::path& base_dir) {
  const reader r{std::string(name)};
  const YAML::Node root = r.load(yaml);
  r.only_keys(root, {"scenario", "parameters", "targets"}, "the targets file");
  calibration_spec spec;
  spec.file = r.file;
  if (root["scenario"]) spec.scenario = base_dir / r.text(root["scenario"], "scenario");
  const auto params = r.required_list(root, "parameters");
  const auto targets = r.required_list(root, "targets");
  r.named_items(params, spec.parameters, [&](const YAML::Node& p) { return r.parameter(p); });
  for (const auto& t : targets) spec.targets.push_back(r.target(t));
  if (spec.targets.size() < spec.parameters.size()) {
    r.fail(targets, std::to_string(spec.parameters.size()) +
                        " parameters need at least as many targets, got " +
                        std::to_string(spec.targets.size()));
  }
  return spec;
}

}  // namespace corridor

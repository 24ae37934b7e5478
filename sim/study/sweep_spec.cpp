// Reading a sweep file: strict like a scenario file. Every unknown key, wrong type or impossible value is a
// sweep_error naming file:line:col, before anything runs.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <sstream>
#include <unordered_map>

#include <yaml-cpp/yaml.h>

#include "corridor/sweep.hpp"

namespace corridor {
namespace {

// What a sweep file may hold (docs/sweeps.md, "Limits"): far above any real sweep, low enough that a hostile
// or mistyped file is refused at once instead of planning for hours or writing gigabytes of manifest.
struct sweep_limits {
  static constexpr std::size_t max_bytes = std::size_t{1} << 20;  // 1 MiB; the bundled ones are < 2 KB
  static constexpr std::size_t max_nodes = 200'000;   // YAML nodes, an alias counted as what it stands for
  static constexpr std::size_t max_depth = 16;        // a sweep file needs 4
  static constexpr std::size_t max_levels = 100'000;  // values (or stepped range levels) of one parameter
  static constexpr std::size_t max_runs = 1'000'000;  // points x replications: a manifest of ~250 MB
};

class reader {
 public:
  explicit reader(std::string_view file) : file_(file) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
    throw sweep_error(to_string(loc(at)) + ": " + message);
  }
  source_loc loc(const YAML::Node& at) const { return {file_, at.Mark().line + 1, at.Mark().column + 1}; }

  void only_keys(const YAML::Node& map, std::string_view what, const std::set<std::string>& allowed) const {
    if (!map.IsMap()) fail(map, std::string(what) + " must be a map");
    for (const auto& kv : map) {
      const auto key = kv.first.as<std::string>();
      if (allowed.count(key) == 0) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        fail(kv.first,
             "unknown key '" + key + "' in " + std::string(what) + " (expected one of: " + list + ")");
      }
    }
  }

  double number(const YAML::Node& n, std::string_view what) const {
    double v = 0.0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !std::isfinite(v)) {
      fail(n, std::string(what) + " must be a number");
    }
    return v;
  }

  std::size_t count(const YAML::Node& n, std::string_view what, std::size_t minimum,
                    std::size_t maximum = sweep_limits::max_runs) const {
    const double v = number(n, what);
    if (v != std::floor(v) || v < static_cast<double>(minimum) || v > static_cast<double>(maximum)) {
      fail(n, std::string(what) + " must be a whole number from " + std::to_string(minimum) + " to " +
                  std::to_string(maximum) + ", got " + n.Scalar());
    }
    return static_cast<std::size_t>(v);
  }

  // A seed: any whole number a 64-bit seed can be, read from the text (a double would round it).
  std::uint64_t seed(const YAML::Node& n, std::string_view what) const {
    std::uint64_t v = 0;
    const std::string text = n.IsScalar() ? n.Scalar() : "";
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
      fail(n, std::string(what) + " must be a whole number from 0 to 18446744073709551615");
    }
    return v;
  }

  // The whole tree before any key is read: nesting, size (aliases counted as what they stand for, so an
  // alias bomb is refused after max_nodes visits, not expanded), keys that are plain text and unique.
  void check_tree(const YAML::Node& n, std::size_t depth, std::size_t& nodes) const {
    if (++nodes > sweep_limits::max_nodes) {
      fail(n,
           "the sweep file has more than " + std::to_string(sweep_limits::max_nodes) +
               " YAML nodes (aliases count what they stand for), the limit (see Limits in docs/sweeps.md)");
    }
    if (depth > sweep_limits::max_depth) {
      fail(n, "nesting deeper than " + std::to_string(sweep_limits::max_depth) +
                  ", the limit (see Limits in docs/sweeps.md)");
    }
    if (n.IsSequence()) {
      for (const auto& item : n) check_tree(item, depth + 1, nodes);
    } else if (n.IsMap()) {
      std::unordered_map<std::string, YAML::Mark> seen;
      for (const auto& kv : n) {
        if (!kv.first.IsScalar()) fail(kv.first, "a key must be plain text, not a map or a list");
        const auto [at, fresh] = seen.emplace(kv.first.Scalar(), kv.first.Mark());
        if (!fresh) {
          fail(kv.first, "duplicate key '" + kv.first.Scalar() + "' (first at line " +
                             std::to_string(at->second.line + 1) + ")");
        }
        check_tree(kv.second, depth + 1, nodes);
      }
    }
  }

  std::string text(const YAML::Node& n, std::string_view what) const {
    if (!n.IsScalar()) fail(n, std::string(what) + " must be a string");
    return n.as<std::string>();
  }

  bool flag(const YAML::Node& n, std::string_view what) const {
    bool b = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, b))
      fail(n, std::string(what) + " must be true or false");
    return b;
  }

 private:
  std::string file_;
};

std::vector<double> range_values(const reader& r, const YAML::Node& range, const std::string& name) {
  const double from = r.number(range["from"], name + ".range.from");
  const double to = r.number(range["to"], name + ".range.to");
  const double step = r.number(range["step"], name + ".range.step");
  if (!(step > 0.0) || to < from) r.fail(range, name + ": range needs from <= to and step > 0");
  std::vector<double> out;
  // Each level from its own multiple of step, so rounding does not accumulate.
  for (std::size_t k = 0;; ++k) {
    const double v = from + static_cast<double>(k) * step;
    if (v > to + 1e-9 * step) break;
    out.push_back(v);
    if (out.size() > sweep_limits::max_levels) {
      r.fail(range, name + ": range has more than " + std::to_string(sweep_limits::max_levels) +
                        " levels, the limit (see Limits in docs/sweeps.md)");
    }
  }
  return out;
}

sweep_parameter read_parameter(const reader& r, const YAML::Node& key, const YAML::Node& p) {
  sweep_parameter out;
  out.name = key.as<std::string>();
  out.loc = r.loc(key);
  r.only_keys(p, "parameter '" + out.name + "'", {"path", "op", "values", "range", "integer"});
  if (!p["path"]) r.fail(p, "parameter '" + out.name + "' needs a path");
  out.path = r.text(p["path"], "path");
  if (p["op"]) {
    const auto op = r.text(p["op"], "op");
    if (op != "set" && op != "scale") r.fail(p["op"], "op must be 'set' or 'scale', got '" + op + "'");
    out.op = op == "set" ? param_op::set : param_op::scale;
  }
  if (p["integer"]) out.integer = r.flag(p["integer"], "integer");
  if (p["values"] && p["range"]) r.fail(p, "parameter '" + out.name + "': give values or range, not both");
  if (p["values"]) {
    if (!p["values"].IsSequence() || p["values"].size() == 0)
      r.fail(p["values"], "values must be a non-empty list");
    if (p["values"].size() > sweep_limits::max_levels) {
      r.fail(p["values"], out.name + ": more than " + std::to_string(sweep_limits::max_levels) +
                              " values, the limit (see Limits in docs/sweeps.md)");
    }
    for (const auto& v : p["values"]) {
      out.values.push_back(r.number(v, out.name + ".values"));
      if (out.integer && out.values.back() != std::floor(out.values.back()))
        r.fail(v, out.name + ": integer: true, but " + v.Scalar() + " is not a whole number");
    }
  } else if (p["range"]) {
    const auto& range = p["range"];
    r.only_keys(range, "range", {"from", "to", "step"});
    if (!range["from"] || !range["to"])
      r.fail(range, "parameter '" + out.name + "': range needs from and to");
    if (range["step"]) {
      out.values = range_values(r, range, out.name);
    } else {
      out.min = r.number(range["from"], out.name + ".range.from");
      out.max = r.number(range["to"], out.name + ".range.to");
      if (out.max < out.min) r.fail(range, out.name + ": range needs from <= to");
      if (out.integer && std::floor(out.max) < std::ceil(out.min))
        r.fail(range, out.name + ": integer: true, but no whole number lies in the range");
    }
  } else {
    r.fail(p, "parameter '" + out.name + "' needs values or a range");
  }
  return out;
}

sweep_design read_design(const reader& r, const YAML::Node& d) {
  sweep_design out;
  const std::string type =
      d.IsScalar() ? r.text(d, "design") : (d["type"] ? r.text(d["type"], "design.type") : "");
  if (!d.IsScalar()) r.only_keys(d, "design", {"type", "n", "trajectories", "levels", "seed"});
  static const std::vector<std::pair<std::string, design_kind>> kinds{{"grid", design_kind::grid},
                                                                      {"lhs", design_kind::lhs},
                                                                      {"sobol", design_kind::sobol},
                                                                      {"saltelli", design_kind::saltelli},
                                                                      {"morris", design_kind::morris}};
  const auto it = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == type; });
  if (it == kinds.end())
    r.fail(d, "design type must be grid, lhs, sobol, saltelli or morris, got '" + type + "'");
  out.kind = it->second;
  if (d.IsScalar()) {
    if (out.kind != design_kind::grid) r.fail(d, "design '" + type + "' needs a map with its size");
    return out;
  }
  const bool sized =
      out.kind == design_kind::lhs || out.kind == design_kind::sobol || out.kind == design_kind::saltelli;
  if (sized) {
    if (!d["n"]) r.fail(d, "design " + type + " needs n");
    out.n = r.count(d["n"], "design.n", 1);
  }
  if (out.kind == design_kind::morris) {
    if (!d["trajectories"]) r.fail(d, "design morris needs trajectories");
    out.trajectories = r.count(d["trajectories"], "design.trajectories", 1);
    if (d["levels"]) {
      out.levels = static_cast<int>(r.count(d["levels"], "design.levels", 2));
      if (out.levels % 2 != 0) r.fail(d["levels"], "design.levels must be even");
    }
  }
  if (d["seed"]) out.seed = r.seed(d["seed"], "design.seed");
  return out;
}

sweep_constraint read_constraint(const reader& r, const YAML::Node& n,
                                 const std::vector<sweep_parameter>& params) {
  const std::string text = r.text(n, "constraint");
  sweep_constraint c;
  c.loc = r.loc(n);
  static const char* ops[] = {"<=", ">=", "==", "!=", "<", ">"};
  for (const char* op : ops) {
    const auto at = text.find(op);
    if (at == std::string::npos) continue;
    const auto trim = [](std::string s) {
      s.erase(0, s.find_first_not_of(" \t"));
      s.erase(s.find_last_not_of(" \t") + 1);
      return s;
    };
    c.lhs = trim(text.substr(0, at));
    c.op = op;
    c.rhs = trim(text.substr(at + std::string(op).size()));
    break;
  }
  if (c.op.empty()) r.fail(n, "constraint '" + text + "' must compare two sides with < <= > >= == or !=");
  for (const auto* side : {&c.lhs, &c.rhs}) {
    double v = 0.0;
    std::istringstream in(*side);
    if (in >> v && in.eof()) continue;
    const bool known =
        std::any_of(params.begin(), params.end(), [&](const auto& p) { return p.name == *side; });
    if (!known) r.fail(n, "constraint '" + text + "': '" + *side + "' is neither a parameter nor a number");
  }
  return c;
}

void check_design_fits(const reader& r, const YAML::Node& root, const sweep_spec& s) {
  const bool sampled = s.design.kind != design_kind::grid;
  for (const auto& p : s.parameters) {
    if (!sampled && p.values.empty()) {
      throw sweep_error(to_string(p.loc) + ": parameter '" + p.name +
                        "': a grid needs values or a range with a step");
    }
  }
  const bool structured = s.design.kind == design_kind::saltelli || s.design.kind == design_kind::morris;
  if (structured && !s.constraints.empty()) {
    r.fail(root["constraints"], "constraints would break the structure of a saltelli or morris design");
  }
}

// Points times replications within max_runs, counted before any point is laid out (a grid's product of
// levels is bounded as it is multiplied, so 10^9 points are refused, not enumerated).
void check_run_count(const reader& r, const YAML::Node& root, const sweep_spec& s) {
  const std::size_t d = s.parameters.size();
  const auto& design = s.design;
  constexpr std::size_t cap = sweep_limits::max_runs;
  std::size_t points = 1;
  switch (design.kind) {
    case design_kind::grid:
      for (const auto& p : s.parameters)
        points = p.values.size() > cap / points ? cap + 1 : points * p.values.size();
      break;
    case design_kind::lhs:
    case design_kind::sobol:
      points = design.n;
      break;
    case design_kind::saltelli:
      points = design.n > cap / (d + 2) ? cap + 1 : design.n * (d + 2);
      break;
    case design_kind::morris:
      points = design.trajectories > cap / (d + 1) ? cap + 1 : design.trajectories * (d + 1);
      break;
  }
  const YAML::Node at = design.kind == design_kind::grid ? root["parameters"] : root["design"];
  if (points > cap) {
    r.fail(at, "the design has more than " + std::to_string(cap) +
                   " points, the most a sweep may run (see Limits in docs/sweeps.md)");
  }
  if (s.replications > cap / points) {
    r.fail(root["replications"], std::to_string(points) + " points x " + std::to_string(s.replications) +
                                     " replications are more than " + std::to_string(cap) +
                                     " runs, the most a sweep may run (see Limits in docs/sweeps.md)");
  }
}

}  // namespace

sweep_spec parse_sweep(std::string_view yaml, std::string_view name, const std::filesystem::path& base_dir) {
  const reader r(name);
  if (yaml.size() > sweep_limits::max_bytes) {
    throw sweep_error(to_string({std::string(name), 1, 1}) + ": the sweep file is " +
                      std::to_string(yaml.size()) + " bytes, more than the " +
                      std::to_string(sweep_limits::max_bytes) +
                      " a sweep file may have (see Limits in "
                      "docs/sweeps.md)");
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw sweep_error(to_string({std::string(name), e.mark.line + 1, e.mark.column + 1}) + ": " + e.msg);
  }
  std::size_t nodes = 0;
  r.check_tree(root, 0, nodes);
  r.only_keys(root, "the sweep file",
              {"name", "description", "base", "parameters", "design", "replications", "seed", "metrics",
               "constraints"});
  sweep_spec s;
  s.file = std::string(name);
  s.text = std::string(yaml);
  if (!root["base"]) r.fail(root, "a sweep needs 'base': the scenario it varies");
  s.base = base_dir / r.text(root["base"], "base");
  if (!root["parameters"] || !root["parameters"].IsMap() || root["parameters"].size() == 0) {
    r.fail(root["parameters"] ? root["parameters"] : root, "a sweep needs a non-empty map of parameters");
  }
  for (const auto& kv : root["parameters"]) s.parameters.push_back(read_parameter(r, kv.first, kv.second));
  if (root["design"]) s.design = read_design(r, root["design"]);
  if (root["replications"]) s.replications = r.count(root["replications"], "replications", 1);
  if (root["seed"]) s.seed = r.seed(root["seed"], "seed");
  if (root["metrics"]) {
    if (!root["metrics"].IsSequence()) r.fail(root["metrics"], "metrics must be a list of metric names");
    for (const auto& m : root["metrics"]) s.metrics.push_back(r.text(m, "metric"));
  }
  if (root["constraints"]) {
    if (!root["constraints"].IsSequence()) r.fail(root["constraints"], "constraints must be a list");
    for (const auto& c : root["constraints"]) s.constraints.push_back(read_constraint(r, c, s.parameters));
  }
  check_design_fits(r, root, s);
  check_run_count(r, root, s);
  return s;
}

}  // namespace corridor

// The programme file of `corridor appraise`: strict YAML read the way the targets file of `calibrate` is
// read (sim/study/calibrate_spec.cpp), every unknown key, wrong type, duplicate or dangling id and year
// outside the horizon an error with its place in the file.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <system_error>

#include "corridor/planning.hpp"

namespace corridor {
namespace {

namespace fs = std::filesystem;

struct reader {
  std::string file;

  source_loc loc(const YAML::Node& n) const { return {file, n.Mark().line + 1, n.Mark().column + 1}; }

  [[noreturn]] void fail(const YAML::Node& n, const std::string& message) const {
    throw programme_error(to_string(loc(n)) + ": " + message);
  }

  YAML::Node load(std::string_view yaml) const {
    try {
      return YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
      throw programme_error(to_string({file, e.mark.line + 1, e.mark.column + 1}) + ": " + e.msg);
    }
  }

  void only_keys(const YAML::Node& map, const std::set<std::string>& allowed, const std::string& what) const {
    if (!map.IsMap()) fail(map, what + " must be a map");
    std::set<std::string> seen;
    for (const auto& kv : map) {
      if (!kv.first.IsScalar()) fail(kv.first, "a key in " + what + " must be a plain name");
      const auto key = kv.first.Scalar();
      // yaml-cpp keeps one of two equal keys silently; the scenario loader refuses them, and so does this.
      if (!seen.insert(key).second) fail(kv.first, "key '" + key + "' appears twice in " + what);
      if (allowed.count(key)) continue;
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      fail(kv.first, "unknown key '" + key + "' in " + what + " (expected one of: " + list + ")");
    }
  }

  YAML::Node required(const YAML::Node& map, const char* key, const std::string& what) const {
    const YAML::Node n = map[key];
    if (!n) fail(map, what + " needs '" + key + "'");
    return n;
  }

  double number(const YAML::Node& n, const std::string& what) const {
    double v = 0.0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !std::isfinite(v))
      fail(n, what + " must be a number");
    return v;
  }

  double number_in(const YAML::Node& n, const std::string& what, double lo, double hi) const {
    const double v = number(n, what);
    if (v < lo || v > hi) fail(n, what + " must lie in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(v));
    return v;
  }

  int year(const YAML::Node& n, const std::string& what) const {
    const double v = number(n, what);
    if (v != std::floor(v) || v < 1900 || v > 2200) fail(n, what + " must be a year (a whole number)");
    return static_cast<int>(v);
  }

  std::string text(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar() || n.Scalar().empty()) fail(n, what + " must be a non-empty string");
    return n.Scalar();
  }

  std::vector<std::string> texts(const YAML::Node& n, const std::string& what) const {
    if (!n.IsSequence()) fail(n, what + " must be a list");
    std::vector<std::string> out;
    for (const auto& e : n) out.push_back(text(e, "an entry of " + what));
    return out;
  }

  // A map of id -> number, in file order.
  std::vector<std::pair<std::string, double>> numbers_by_id(const YAML::Node& n, const std::string& what,
                                                            double lo, double hi) const {
    if (!n.IsMap()) fail(n, what + " must be a map of id: number");
    std::vector<std::pair<std::string, double>> out;
    for (const auto& kv : n) out.emplace_back(kv.first.as<std::string>(), number_in(kv.second, what, lo, hi));
    return out;
  }

  static std::string fmt(double v) {
    std::string s = std::to_string(v);
    while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
      const bool dot = s.back() == '.';
      s.pop_back();
      if (dot) break;
    }
    return s;
  }
};

// Where each key of a map (or entry of a list) of ids was written, for check_references.
void collect_references(const reader& r, const YAML::Node& n, const char* kind,
                        std::vector<programme_reference>& out) {
  if (!n) return;
  if (n.IsMap()) {
    for (const auto& kv : n) out.push_back({kv.first.as<std::string>(), kind, r.loc(kv.first)});
  } else if (n.IsSequence()) {
    for (const auto& e : n) out.push_back({e.Scalar(), kind, r.loc(e)});
  }
}

demand_growth read_growth(const reader& r, const YAML::Node& n, const std::string& what) {
  r.only_keys(n, {"default_per_year", "by_id", "source"}, what);
  demand_growth g;
  g.default_per_year = r.number_in(r.required(n, "default_per_year", what), "default_per_year", -0.5, 1.0);
  if (n["by_id"]) g.by_id = r.numbers_by_id(n["by_id"], "a growth rate", -0.5, 1.0);
  g.source = r.text(r.required(n, "source", what), "source");
  return g;
}

emission_factors read_co2(const reader& r, const YAML::Node& n) {
  r.only_keys(n,
              {"price_usd_per_t", "price_source", "load_t_per_teu", "rail_diesel_g_per_tkm",
               "rail_electric_g_per_tkm", "ferry_g_per_tkm", "electric_countries", "electric_edges",
               "diesel_edges", "alternatives_kg_per_teu", "source"},
              "co2");
  emission_factors f;
  const auto need = [&](const char* key) { return r.required(n, key, "co2"); };
  f.price_usd_per_t = r.number_in(need("price_usd_per_t"), "price_usd_per_t", 0.0, 1e4);
  f.price_source = r.text(need("price_source"), "price_source");
  f.load_t_per_teu = r.number_in(need("load_t_per_teu"), "load_t_per_teu", 0.1, 40.0);
  f.rail_diesel_g_per_tkm = r.number_in(need("rail_diesel_g_per_tkm"), "rail_diesel_g_per_tkm", 0.0, 1e3);
  f.rail_electric_g_per_tkm =
      r.number_in(need("rail_electric_g_per_tkm"), "rail_electric_g_per_tkm", 0.0, 1e3);
  f.ferry_g_per_tkm = r.number_in(need("ferry_g_per_tkm"), "ferry_g_per_tkm", 0.0, 1e3);
  if (n["electric_countries"]) f.electric_countries = r.texts(n["electric_countries"], "electric_countries");
  if (n["electric_edges"]) f.electric_edges = r.texts(n["electric_edges"], "electric_edges");
  if (n["diesel_edges"]) f.diesel_edges = r.texts(n["diesel_edges"], "diesel_edges");
  if (n["alternatives_kg_per_teu"]) {
    f.alternative_kg_per_teu =
        r.numbers_by_id(n["alternatives_kg_per_teu"], "an alternative's kg CO2e per TEU", 0.0, 1e6);
  }
  f.source = r.text(need("source"), "source");
  return f;
}

programme_project read_project(const reader& r, const YAML::Node& n, const fs::path& base_dir) {
  r.only_keys(
      n,
      {"id", "name", "overlay", "capex_usd", "opex_usd_per_year", "build_years", "earliest_start", "source"},
      "a project");
  programme_project p;
  p.loc = r.loc(n);
  const auto need = [&](const char* key) { return r.required(n, key, "a project"); };
  p.id = r.text(need("id"), "id");
  p.name = n["name"] ? r.text(n["name"], "name") : p.id;
  const YAML::Node overlay = need("overlay");
  p.overlay = base_dir / r.text(overlay, "overlay");
  std::error_code ec;
  if (!fs::is_regular_file(p.overlay, ec))
    r.fail(overlay, "project '" + p.id + "': overlay file '" + p.overlay.string() + "' does not exist");
  p.capex_usd = r.number_in(need("capex_usd"), "capex_usd", 0.0, 1e13);
  p.opex_usd_per_year = r.number_in(need("opex_usd_per_year"), "opex_usd_per_year", 0.0, 1e12);
  const double build = r.number_in(need("build_years"), "build_years", 1.0, 30.0);
  if (build != std::floor(build)) r.fail(n["build_years"], "build_years must be a whole number");
  p.build_years = static_cast<int>(build);
  p.earliest_start = r.year(need("earliest_start"), "earliest_start");
  p.source = r.text(need("source"), "source");
  return p;
}

programme_target read_target(const reader& r, const YAML::Node& n) {
  r.only_keys(n, {"metric", "min", "max", "year", "source"}, "a target");
  programme_target t;
  t.loc = r.loc(n);
  t.metric = r.text(r.required(n, "metric", "a target"), "metric");
  if (n["min"]) t.min = r.number(n["min"], "min");
  if (n["max"]) t.max = r.number(n["max"], "max");
  if (!t.min && !t.max) r.fail(n, "target '" + t.metric + "' needs 'min' or 'max'");
  if (t.min && t.max && *t.min > *t.max) r.fail(n["max"], "max must not be below min");
  t.year = r.year(r.required(n, "year", "a target"), "year");
  if (n["source"]) t.source = r.text(n["source"], "source");
  return t;
}

void read_horizon(const reader& r, const YAML::Node& root, programme& p) {
  const YAML::Node h = r.required(root, "horizon", "the programme file");
  r.only_keys(h, {"from", "to"}, "horizon");
  p.first_year = r.year(r.required(h, "from", "horizon"), "from");
  p.last_year = r.year(r.required(h, "to", "horizon"), "to");
  if (p.last_year < p.first_year) r.fail(h["to"], "the horizon must end no earlier than it starts");
  if (p.last_year - p.first_year > 100) r.fail(h["to"], "a horizon of more than 100 years");
  const YAML::Node years = r.required(root, "model_years", "the programme file");
  if (!years.IsSequence() || years.size() == 0) r.fail(years, "model_years must be a non-empty list");
  for (const auto& y : years) {
    const int v = r.year(y, "a model year");
    if (v < p.first_year || v > p.last_year)
      r.fail(y, "model year " + std::to_string(v) + " is outside the horizon");
    if (!p.model_years.empty() && v <= p.model_years.back()) r.fail(y, "model_years must be ascending");
    p.model_years.push_back(v);
  }
}

void read_settings(const reader& r, const YAML::Node& root, programme& p, const fs::path& base_dir) {
  const auto need = [&](const char* key) { return r.required(root, key, "the programme file"); };
  p.name = r.text(need("name"), "name");
  if (root["description"]) p.description = r.text(root["description"], "description");
  const YAML::Node base = need("base");
  p.base = base_dir / r.text(base, "base");
  std::error_code ec;
  if (!fs::is_regular_file(p.base, ec))
    r.fail(base, "base scenario '" + p.base.string() + "' does not exist");
  p.base_year = r.year(need("base_year"), "base_year");
  read_horizon(r, root, p);
  p.discount_rate = r.number_in(need("discount_rate"), "discount_rate", 0.0, 0.5);
  const YAML::Node vot = need("value_of_time");
  r.only_keys(vot, {"scale", "source"}, "value_of_time");
  if (vot["scale"]) p.value_of_time_scale = r.number_in(vot["scale"], "scale", 0.0, 100.0);
  p.value_of_time_source = r.text(r.required(vot, "source", "value_of_time"), "source");
  p.growth = read_growth(r, need("demand_growth"), "demand_growth");
  collect_references(r, root["demand_growth"]["by_id"], "market or flow", p.references);
  if (root["alternative_cost_growth"]) {
    p.alternative_cost_growth = read_growth(r, root["alternative_cost_growth"], "alternative_cost_growth");
    collect_references(r, root["alternative_cost_growth"]["by_id"], "alternative", p.references);
  }
  p.co2 = read_co2(r, need("co2"));
  collect_references(r, root["co2"]["electric_edges"], "edge", p.references);
  collect_references(r, root["co2"]["diesel_edges"], "edge", p.references);
  collect_references(r, root["co2"]["alternatives_kg_per_teu"], "alternative", p.references);
}

void check_projects(const reader& r, const YAML::Node& list, const programme& p) {
  std::set<std::string> ids;
  for (std::size_t k = 0; k < p.projects.size(); ++k) {
    const auto& pr = p.projects[k];
    if (!ids.insert(pr.id).second) r.fail(list[k], "project '" + pr.id + "' is listed twice");
    if (pr.id == "programme") r.fail(list[k]["id"], "'programme' names the whole programme, not a project");
    if (pr.earliest_start < p.first_year || pr.earliest_start > p.last_year)
      r.fail(list[k]["earliest_start"],
             "earliest_start " + std::to_string(pr.earliest_start) + " is outside the horizon");
    if (pr.opening_year() > p.model_years.back()) {
      r.fail(list[k]["earliest_start"],
             "project '" + pr.id + "' opens in " + std::to_string(pr.opening_year()) +
                 ", after the last model year " + std::to_string(p.model_years.back()) +
                 ": its benefits would never be modelled (add a later model year)");
    }
  }
}

}  // namespace

double demand_growth::rate_for(std::string_view id) const {
  for (const auto& [k, v] : by_id) {
    if (k == id) return v;
  }
  return default_per_year;
}

programme parse_programme(std::string_view yaml, std::string_view name, const fs::path& base_dir) {
  const reader r{std::string(name)};
  const YAML::Node root = r.load(yaml);
  r.only_keys(root,
              {"name", "description", "base", "base_year", "horizon", "model_years", "discount_rate",
               "value_of_time", "demand_growth", "alternative_cost_growth", "co2", "projects", "targets"},
              "the programme file");
  programme p;
  p.file = r.file;
  read_settings(r, root, p, base_dir);
  const YAML::Node list = r.required(root, "projects", "the programme file");
  if (!list.IsSequence() || list.size() == 0) r.fail(list, "projects must be a non-empty list");
  if (list.size() > 16) r.fail(list, "at most 16 projects in a programme");
  for (const auto& n : list) p.projects.push_back(read_project(r, n, base_dir));
  check_projects(r, list, p);
  if (root["targets"]) {
    if (!root["targets"].IsSequence()) r.fail(root["targets"], "targets must be a list");
    for (const auto& n : root["targets"]) {
      p.targets.push_back(read_target(r, n));
      if (!std::binary_search(p.model_years.begin(), p.model_years.end(), p.targets.back().year))
        r.fail(n["year"], "a target's year must be one of the model years");
    }
  }
  return p;
}

void check_references(const programme& p, const scenario& base) {
  for (const auto& ref : p.references) {
    bool found = false;
    if (ref.kind == "edge") found = base.find_edge(ref.id) != nullptr;
    if (ref.kind == "alternative") found = base.find_alternative(ref.id) != nullptr;
    if (ref.kind == "market or flow") {
      found = base.find_market(ref.id) != nullptr ||
              std::any_of(base.flows.begin(), base.flows.end(),
                          [&](const flow_spec& f) { return f.id == ref.id; });
    }
    if (!found) {
      throw programme_error(to_string(ref.loc) + ": '" + ref.id + "' is not " +
                            (ref.kind == "market or flow" ? "a " : "an ") + ref.kind +
                            " of the base scenario '" + base.name + "'");
    }
  }
}

std::string overlay_without_extends(const programme& p, const programme_project& project,
                                    std::string_view text) {
  const auto fail = [&](const std::string& message) {
    throw programme_error(to_string(project.loc) + ": project '" + project.id + "': " + message);
  };
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw programme_error(to_string({project.overlay.string(), e.mark.line + 1, e.mark.column + 1}) + ": " +
                          e.msg);
  }
  const YAML::Node ext = root.IsMap() ? root["extends"] : YAML::Node();
  if (!ext || !ext.IsScalar()) fail("its overlay '" + project.overlay.string() + "' has no 'extends'");
  std::error_code ec1, ec2;
  const fs::path extended = fs::weakly_canonical(project.overlay.parent_path() / ext.Scalar(), ec1);
  const fs::path base = fs::weakly_canonical(p.base, ec2);
  if (ec1 || ec2 || extended != base) {
    fail("its overlay extends '" + ext.Scalar() + "', not the programme's base '" + p.base.string() + "'");
  }
  // Blank the `extends` line, keeping every other line (and so every message's line number) as it was.
  const auto line = static_cast<std::size_t>(ext.Mark().line);
  std::string out;
  std::size_t k = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view row = text.substr(start, end - start);
    if (k == line) {
      if (row.rfind("extends:", 0) != 0) fail("'extends' must be a top-level key on a line of its own");
      out += "# (extends: the programme's base)";
    } else {
      out += row;
    }
    if (end < text.size()) out += '\n';
    start = end + 1;
    ++k;
  }
  return out;
}

}  // namespace corridor

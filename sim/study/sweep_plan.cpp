// Planning a sweep: check every parameter path against the resolved base, lay out the runs with stable ids
// and write them to the sweep folder as a manifest (JSON lines) beside the base and the sweep file.
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <functional>
#include <thread>
#include <unordered_set>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "corridor/random.hpp"
#include "sweep_internal.hpp"

namespace corridor {
namespace {

using ojson = nlohmann::ordered_json;

std::string hex16(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

// What a run's result depends on: the base, the parameters' paths, operations and values, the seed.
// Point indices are left out, so adding points or replications keeps the ids of runs already made.
std::string point_key(const sweep_plan& plan, const design_point& pt, std::uint64_t seed) {
  std::string key = hex16(stable_id(plan.base_yaml)) + "|seed=" + std::to_string(seed);
  for (std::size_t i = 0; i < plan.parameters.size(); ++i) {
    const auto& p = plan.parameters[i];
    key += "|" + p.path + (p.op == param_op::scale ? "*=" : "=") + sweep_detail::format_number(pt.values[i]);
  }
  return key;
}

std::uint64_t base_seed(const sweep_spec& spec, const YAML::Node& root) {
  if (spec.seed) return *spec.seed;
  if (root["seed"]) return root["seed"].as<std::uint64_t>();
  return 1;
}

const char* design_name(design_kind k) {
  switch (k) {
    case design_kind::grid:
      return "grid";
    case design_kind::lhs:
      return "lhs";
    case design_kind::sobol:
      return "sobol";
    case design_kind::saltelli:
      return "saltelli";
    case design_kind::morris:
      return "morris";
  }
  return "grid";
}

design_kind design_from(const std::string& s) {
  for (auto k : {design_kind::grid, design_kind::lhs, design_kind::sobol, design_kind::saltelli,
                 design_kind::morris}) {
    if (s == design_name(k)) return k;
  }
  throw sweep_error("plan.json: unknown design '" + s + "'");
}

ojson plan_json(const sweep_plan& plan) {
  ojson params = ojson::array();
  for (std::size_t i = 0; i < plan.parameters.size(); ++i) {
    const auto& p = plan.parameters[i];
    params.push_back({{"name", p.name},
                      {"path", p.path},
                      {"op", p.op == param_op::set ? "set" : "scale"},
                      {"values", p.values},
                      {"min", p.min},
                      {"max", p.max},
                      {"integer", p.integer},
                      {"targets", plan.targets[i]}});
  }
  const auto& d = plan.design;
  return {{"format", "corridor-sweep-1"},
          {"design",
           {{"type", design_name(d.kind)},
            {"n", d.n},
            {"trajectories", d.trajectories},
            {"levels", d.levels},
            {"seed", d.seed}}},
          {"replications", plan.replications},
          {"metrics", plan.metrics},
          {"parameters", params},
          {"points", plan.points.size()},
          {"runs", plan.runs.size()}};
}

}  // namespace

sweep_plan plan_sweep(const sweep_spec& spec, const std::string& base_yaml) {
  const YAML::Node root = YAML::Load(base_yaml);
  sweep_plan plan;
  plan.parameters = spec.parameters;
  plan.design = spec.design;
  plan.replications = spec.replications;
  plan.metrics = spec.metrics;
  plan.base_yaml = base_yaml;
  for (const auto& p : spec.parameters) {
    try {
      plan.targets.push_back(sweep_detail::resolve_targets(root, p.path, p.op));
    } catch (const std::invalid_argument& e) {
      throw sweep_error(p.loc.file + ":" + std::to_string(p.loc.line) + ":" + std::to_string(p.loc.column) +
                        ": parameter '" + p.name + "': unknown path '" + p.path + "': " + e.what());
    }
  }
  plan.points = make_design(spec);
  const std::uint64_t seed = base_seed(spec, root);
  for (std::size_t pt = 0; pt < plan.points.size(); ++pt) {
    const std::string hash = hex16(stable_id(point_key(plan, plan.points[pt], seed)));
    for (std::size_t r = 0; r < plan.replications; ++r) {
      char rep[32];
      std::snprintf(rep, sizeof rep, "-r%02zu", r);
      plan.runs.push_back({hash + rep, pt, r, seed});
    }
  }
  return plan;
}

void write_file_atomically(const std::filesystem::path& file, std::string_view text) {
  const auto tag = std::to_string(::getpid()) + "." +
                   std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()) % 1000000007U);
  auto tmp = file;
  tmp += ".tmp." + tag;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) throw sweep_error(tmp.string() + ": cannot write");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) throw sweep_error(file.string() + ": cannot rename into place: " + ec.message());
}

void write_plan(const sweep_plan& plan, const sweep_spec& spec, const std::filesystem::path& dir) {
  std::filesystem::create_directories(sweep_detail::runs_dir(dir));
  std::string manifest;
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const auto& run = plan.runs[i];
    const auto& pt = plan.points[run.point];
    ojson values = ojson::object();
    for (std::size_t k = 0; k < plan.parameters.size(); ++k) values[plan.parameters[k].name] = pt.values[k];
    ojson line = {{"id", run.id},       {"index", i},
                  {"point", run.point}, {"replication", run.replication},
                  {"seed", run.seed},   {"values", values}};
    if (!pt.unit.empty()) line["unit"] = pt.unit;
    manifest += line.dump() + "\n";
  }
  write_file_atomically(dir / "base.yaml", plan.base_yaml);
  write_file_atomically(dir / "sweep.yaml", spec.text);
  write_file_atomically(dir / "plan.json", plan_json(plan).dump(2) + "\n");
  write_file_atomically(dir / "manifest.jsonl", manifest);
}

sweep_plan read_plan(const std::filesystem::path& dir) {
  if (!std::filesystem::exists(dir / "manifest.jsonl") || !std::filesystem::exists(dir / "plan.json")) {
    throw sweep_error(dir.string() +
                      ": not a sweep folder (no manifest.jsonl / plan.json; run `sweep plan`)");
  }
  sweep_plan plan;
  try {
    const auto j = nlohmann::json::parse(sweep_detail::read_text(dir / "plan.json"));
    const auto& d = j.at("design");
    plan.design = {design_from(d.at("type")), d.at("n"), d.at("trajectories"), d.at("levels"), d.at("seed")};
    plan.replications = j.at("replications");
    plan.metrics = j.at("metrics").get<std::vector<std::string>>();
    for (const auto& p : j.at("parameters")) {
      sweep_parameter sp;
      sp.name = p.at("name");
      sp.path = p.at("path");
      sp.op = p.at("op") == "scale" ? param_op::scale : param_op::set;
      sp.values = p.at("values").get<std::vector<double>>();
      sp.min = p.at("min");
      sp.max = p.at("max");
      sp.integer = p.at("integer");
      plan.parameters.push_back(sp);
      plan.targets.push_back(p.at("targets").get<std::vector<std::string>>());
    }
    plan.base_yaml = sweep_detail::read_text(dir / "base.yaml");
    std::ifstream in(dir / "manifest.jsonl");
    std::string text;
    while (std::getline(in, text)) {
      if (text.empty()) continue;
      const auto line = nlohmann::json::parse(text);
      const planned_run run{line.at("id"), line.at("point"), line.at("replication"), line.at("seed")};
      if (run.point >= plan.points.size()) plan.points.resize(run.point + 1);
      auto& pt = plan.points[run.point];
      if (pt.values.empty()) {
        for (const auto& p : plan.parameters) pt.values.push_back(line.at("values").at(p.name));
        if (line.contains("unit")) pt.unit = line.at("unit").get<std::vector<double>>();
      }
      plan.runs.push_back(run);
    }
  } catch (const nlohmann::json::exception& e) {
    throw sweep_error(dir.string() + ": damaged plan or manifest: " + e.what());
  }
  return plan;
}

std::string point_scenario_yaml(const sweep_plan& plan, std::size_t point) {
  YAML::Node root = YAML::Load(plan.base_yaml);
  const auto& values = plan.points.at(point).values;
  for (std::size_t i = 0; i < plan.parameters.size(); ++i) {
    for (const auto& target : plan.targets[i])
      sweep_detail::apply_target(root, target, plan.parameters[i].op, values[i]);
  }
  YAML::Emitter out;
  out << root;
  return std::string(out.c_str()) + "\n";
}

namespace sweep_detail {

std::vector<bool> repeated_runs(const sweep_plan& plan) {
  std::vector<bool> repeated(plan.runs.size(), false);
  std::unordered_set<std::string> seen;  // membership only; never iterated
  for (std::size_t i = 0; i < plan.runs.size(); ++i) repeated[i] = !seen.insert(plan.runs[i].id).second;
  return repeated;
}

}  // namespace sweep_detail
}  // namespace corridor

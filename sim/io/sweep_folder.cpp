// A sweep folder: the plan as JSON lines (one per run, with its stable id) beside plan.json, the base and the
// sweep file, and each run's outcome as its own file, written atomically when it finishes.
#include <cstdio>

#include "corridor/random.hpp"
#include "corridor/sweep_io.hpp"
#include "json_util.hpp"

namespace corridor {
namespace {

using detail::ojson;
namespace fs = std::filesystem;

fs::path runs_dir(const fs::path& dir) {
  return dir / "runs";
}

const char* op_name(param_op op) {
  return op == param_op::scale ? "scale" : "set";
}

constexpr std::pair<design_kind, const char*> design_names[] = {{design_kind::grid, "grid"},
                                                                {design_kind::lhs, "lhs"},
                                                                {design_kind::sobol, "sobol"},
                                                                {design_kind::saltelli, "saltelli"},
                                                                {design_kind::morris, "morris"}};

const char* design_name(design_kind k) {
  for (const auto& [kind, name] : design_names) {
    if (kind == k) return name;
  }
  return "grid";
}

design_kind design_from(const std::string& s, const fs::path& file) {
  for (const auto& [kind, name] : design_names) {
    if (s == name) return kind;
  }
  throw io_error(file, "unknown design '" + s + "'");
}

ojson plan_json(const sweep_plan& plan) {
  ojson params = ojson::array();
  for (std::size_t i = 0; i < plan.parameters.size(); ++i) {
    const auto& p = plan.parameters[i];
    params.push_back({{"name", p.name},
                      {"path", p.path},
                      {"op", op_name(p.op)},
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

void read_plan_json(const fs::path& file, sweep_plan& plan) {
  try {
    const auto j = ojson::parse(read_file(file));
    const auto& d = j.at("design");
    plan.design = {design_from(d.at("type"), file), d.at("n"), d.at("trajectories"), d.at("levels"),
                   d.at("seed")};
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
  } catch (const ojson::exception& e) {
    throw io_error(file, std::string("damaged plan: ") + e.what());
  }
}

// One manifest line: the run's id and place, and its point's values (and unit-cube coordinates).
void read_manifest_line(const ojson& line, sweep_plan& plan, std::vector<std::string>& ids) {
  const planned_run run{line.at("point"), line.at("replication"), line.at("seed")};
  if (run.point >= plan.points.size()) plan.points.resize(run.point + 1);
  auto& pt = plan.points[run.point];
  if (pt.values.empty()) {
    for (const auto& p : plan.parameters) pt.values.push_back(line.at("values").at(p.name));
    if (line.contains("unit")) pt.unit = line.at("unit").get<std::vector<double>>();
  }
  plan.runs.push_back(run);
  ids.push_back(line.at("id"));
}

}  // namespace

std::string sweep_run_id(const sweep_plan& plan, std::size_t index) {
  const auto& run = plan.runs.at(index);
  const auto& values = plan.points.at(run.point).values;
  std::string key = hex16(stable_id(plan.base_yaml)) + "|seed=" + std::to_string(run.seed);
  for (std::size_t i = 0; i < plan.parameters.size(); ++i) {
    const auto& p = plan.parameters[i];
    key += "|" + p.path + (p.op == param_op::scale ? "*=" : "=") + format_number(values[i]);
  }
  char rep[32];
  std::snprintf(rep, sizeof rep, "-r%02zu", run.replication);
  return hex16(stable_id(key)) + rep;
}

void write_sweep_plan(const fs::path& dir, const sweep_plan& plan, std::string_view sweep_text) {
  std::string manifest;
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const auto& run = plan.runs[i];
    const auto& pt = plan.points[run.point];
    ojson values = ojson::object();
    for (std::size_t k = 0; k < plan.parameters.size(); ++k) values[plan.parameters[k].name] = pt.values[k];
    ojson line = {{"id", sweep_run_id(plan, i)},    {"index", i},       {"point", run.point},
                  {"replication", run.replication}, {"seed", run.seed}, {"values", values}};
    if (!pt.unit.empty()) line["unit"] = pt.unit;
    manifest += line.dump() + "\n";
  }
  const std::string plan_text = plan_json(plan).dump(2) + "\n";
  ensure_directory(runs_dir(dir));
  write_file_atomic(dir / "base.yaml", plan.base_yaml);
  write_file_atomic(dir / "sweep.yaml", sweep_text);
  write_file_atomic(dir / "plan.json", plan_text);
  write_file_atomic(dir / "manifest.jsonl", manifest);
}

sweep_folder::sweep_folder(fs::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  if (!fs::is_regular_file(dir_ / "manifest.jsonl", ec) || !fs::is_regular_file(dir_ / "plan.json", ec)) {
    throw io_error(dir_, "not a sweep folder (no manifest.jsonl / plan.json; run `sweep plan`)");
  }
  read_plan_json(dir_ / "plan.json", plan_);
  plan_.base_yaml = read_file(dir_ / "base.yaml");
  const auto manifest = dir_ / "manifest.jsonl";
  const std::string text = read_file(manifest);
  std::size_t line_no = 0;
  for (std::size_t at = 0; at < text.size();) {
    const auto end = std::min(text.find('\n', at), text.size());
    const std::string_view line(text.data() + at, end - at);
    ++line_no;
    at = end + 1;
    if (line.empty()) continue;
    try {
      read_manifest_line(ojson::parse(line), plan_, ids_);
    } catch (const ojson::exception& e) {
      throw io_error(manifest, "line " + std::to_string(line_no) + ": " + e.what());
    }
  }
}

run_state sweep_folder::state(std::size_t index) const {
  std::error_code ec;
  // An empty result (a file truncated by a full disk, or made by hand) is no result: the run is run again.
  const auto size = fs::file_size(runs_dir(dir_) / (run_id(index) + ".json"), ec);
  if (!ec && size > 0) return run_state::done;
  if (fs::exists(runs_dir(dir_) / (run_id(index) + ".failed.json"), ec)) return run_state::failed;
  return run_state::remaining;
}

std::optional<run_record> sweep_folder::result(std::size_t index) const {
  const auto file = runs_dir(dir_) / (run_id(index) + ".json");
  if (state(index) != run_state::done) return std::nullopt;
  run_record r;
  r.index = index;
  try {
    const auto j = ojson::parse(read_file(file));
    r.wall_seconds = j.value("wall_seconds", 0.0);
    for (const auto& [name, v] : j.at("metrics").items()) {
      r.metrics.emplace_back(name,
                             v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN());
    }
  } catch (const ojson::exception& e) {
    throw io_error(file, std::string("damaged run result: ") + e.what());
  }
  return r;
}

void sweep_folder::record(const run_record& r) {
  const auto& run = plan_.runs.at(r.index);
  const std::string& id = run_id(r.index);
  ojson j = {{"id", id}, {"point", run.point}, {"replication", run.replication}, {"seed", run.seed}};
  if (r.failed()) {
    j["error"] = r.error;
    write_file_atomic(runs_dir(dir_) / (id + ".failed.json"), j.dump(1) + "\n");
    return;
  }
  ojson m = ojson::object();
  for (const auto& [name, value] : r.metrics) m[name] = value;
  j["wall_seconds"] = r.wall_seconds;
  j["metrics"] = std::move(m);
  write_file_atomic(runs_dir(dir_) / (id + ".json"), j.dump(1) + "\n");
  std::error_code ec;
  fs::remove(runs_dir(dir_) / (id + ".failed.json"), ec);
}

}  // namespace corridor

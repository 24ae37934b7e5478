// run.json provenance, compare.json, and the functions that write a whole output directory.
#include "corridor/io.hpp"
#include "json_util.hpp"

namespace corridor {

using detail::json_number;
using detail::ojson;

std::string run_json(const provenance& p) {
  std::string hash = p.scenario_hash;
  if (hash.empty() && !p.scenario_file.empty()) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(p.scenario_file, ec)) hash = fnv1a_hex(read_file(p.scenario_file));
  }
  ojson out;
  out["version"] = p.version;
  out["git_commit"] = p.git_commit;
  out["command_line"] = p.command_line;
  out["seed"] = p.seed;
  out["replications"] = p.replications;
  if (p.include_wall_clock && p.threads) out["threads"] = *p.threads;
  out["scenario_file"] = p.scenario_file;
  out["scenario_hash_fnv1a64"] = hash;
  out["wall_seconds"] = json_number(p.include_wall_clock ? p.wall_seconds : 0.0);
  return detail::dump_json(out);
}

std::string compare_json(const compare_table& t) {
  ojson rows = ojson::array();
  for (const auto& r : t.rows) {
    rows.push_back({{"name", r.name},
                    {"base", json_number(r.base)},
                    {"variant", json_number(r.variant)},
                    {"diff", json_number(r.diff)},
                    {"half_width_95", json_number(r.half_width)},
                    {"significant", r.significant},
                    {"unpaired_half_width_95", json_number(r.unpaired_half_width)}});
  }
  ojson out;
  out["base"] = t.base_name;
  out["variant"] = t.variant_name;
  out["seed"] = t.seed;
  out["replications"] = t.replications;
  out["rows"] = std::move(rows);
  return detail::dump_json(out);
}

void write_run_outputs(const std::filesystem::path& dir, const scenario& s,
                       const std::vector<run_result>& runs, const run_info& info) {
  // Everything is formatted first, so a bad input writes nothing rather than half a directory.
  const std::pair<const char*, std::string> files[] = {
      {"summary.json", summary_json(s, runs, info)},
      {"replications.csv", replications_csv(runs)},
      {"daily.csv", daily_csv(runs)},
      {"routes.csv", routes_csv(runs)},
      {"crossings.csv", crossings_csv(runs)},
      {"flows.geojson", flows_geojson(s, runs)},
  };
  ensure_directory(dir);
  for (const auto& [name, text] : files) write_file_atomic(dir / name, text);
}

void write_compare_outputs(const std::filesystem::path& dir, const compare_table& t) {
  const std::string json = compare_json(t), csv = compare_csv(t);
  ensure_directory(dir);
  write_file_atomic(dir / "compare.json", json);
  write_file_atomic(dir / "compare.csv", csv);
}

}  // namespace corridor

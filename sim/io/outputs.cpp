// run.json provenance, compare.json, and the functions that write a whole output directory.
#include "formats.hpp"

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

namespace detail {

ojson compare_object(const comparison& c) {
  ojson rows = ojson::array();
  for (const auto& m : c.metrics) {
    rows.push_back({{"name", m.name},
                    {"base", json_number(m.base_mean)},
                    {"variant", json_number(m.variant_mean)},
                    {"diff", json_number(m.difference)},
                    {"half_width_95", json_number(m.paired_half_width_95)},
                    {"significant", m.significant},
                    {"unpaired_half_width_95", json_number(m.unpaired_half_width_95)}});
  }
  ojson out;
  out["base"] = c.base_name;
  out["variant"] = c.variant_name;
  out["seed"] = c.seed;
  out["replications"] = c.replications;
  out["rows"] = std::move(rows);
  return out;
}

}  // namespace detail

std::string compare_json(const comparison& c) {
  return detail::dump_json(detail::compare_object(c));
}

void write_run_outputs(const std::filesystem::path& dir, const run_summary& s) {
  // Everything is formatted first, so a bad input writes nothing rather than half a directory.
  const std::pair<const char*, std::string> files[] = {
      {"summary.json", summary_json(s)},   {"replications.csv", replications_csv(s)},
      {"daily.csv", daily_csv(s)},         {"routes.csv", routes_csv(s)},
      {"crossings.csv", crossings_csv(s)}, {"flows.geojson", flows_geojson(s)},
  };
  ensure_directory(dir);
  for (const auto& [name, text] : files) write_file_atomic(dir / name, text);
}

void write_compare_outputs(const std::filesystem::path& dir, const comparison& c) {
  const std::string json = compare_json(c), csv = compare_csv(c);
  ensure_directory(dir);
  write_file_atomic(dir / "compare.json", json);
  write_file_atomic(dir / "compare.csv", csv);
}

}  // namespace corridor

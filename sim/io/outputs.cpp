// run.json provenance, compare.json, and the functions that write a whole output directory.
#include <utility>
#include <vector>

#include "corridor/tidy.hpp"
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
                    {"unpaired_half_width_95", json_number(m.unpaired_half_width_95)},
                    {"p_value", json_number(m.p_value)},
                    {"q_value", json_number(m.q_value)},
                    {"interval_excludes_zero", m.interval_excludes_zero}});
  }
  ojson out;
  out["base"] = c.base_name;
  out["variant"] = c.variant_name;
  out["seed"] = c.seed;
  out["replications"] = c.replications;
  out["fdr"] = json_number(c.fdr);
  out["significance"] = significance_note(c);
  out["rows"] = std::move(rows);
  return out;
}

}  // namespace detail

std::string significance_note(const comparison& c) {
  return "significant: a discovery at a false discovery rate of " + format_number(c.fdr * 100) +
         " % across all " + std::to_string(c.metrics.size()) +
         " metrics (Benjamini-Hochberg on paired t-test p-values; q_value <= " + format_number(c.fdr) + ")";
}

std::string compare_json(const comparison& c) {
  return detail::dump_json(detail::compare_object(c));
}

namespace detail {

ojson ranking_object(const ranking& r) {
  ojson rows = ojson::array();
  for (const auto& v : r.rows) {
    const metric_difference& m = v.metric;
    rows.push_back({{"rank", v.rank},
                    {"variant", v.variant},
                    {"index", v.index},
                    {"base", json_number(m.base_mean)},
                    {"value", json_number(m.variant_mean)},
                    {"diff", json_number(m.difference)},
                    {"half_width_95", json_number(m.paired_half_width_95)},
                    {"p_value", json_number(m.p_value)},
                    {"q_value", json_number(v.q_value)},
                    {"significant", v.significant},
                    {"discoveries", v.discoveries}});
  }
  ojson out;
  out["base"] = r.base_name;
  out["metric"] = r.metric;
  out["higher_is_better"] = r.higher_is_better;
  out["seed"] = r.seed;
  out["replications"] = r.replications;
  out["fdr"] = json_number(r.fdr);
  out["significance"] =
      "significant: the difference from the base is a discovery at a false discovery rate of " +
      format_number(r.fdr * 100) + " % across the " + std::to_string(r.rows.size()) +
      " variants (Benjamini-Hochberg on paired t-test p-values); discoveries: metrics "
      "significant in each variant's own comparison (FDR across its metrics)";
  out["rows"] = std::move(rows);
  return out;
}

}  // namespace detail

std::string ranking_json(const ranking& r) {
  return detail::dump_json(detail::ranking_object(r));
}

std::string years_csv(const run_summary& s) {
  detail::csv_builder csv;
  csv.header({"year", "metric", "mean", "ci95"}).end_row();
  for (const year_summary& y : s.years) {
    for (const metric_stat& m : y.metrics) {
      csv.text(std::to_string(y.year)).text(m.name).num(m.mean);
      if (m.n >= 2) {
        csv.num(m.half_width_95);
      } else {
        csv.text("");  // no interval from one replication, as in metrics.csv
      }
      csv.end_row();
    }
  }
  return csv.take();
}

std::string ranking_csv(const ranking& r) {
  detail::csv_builder csv;
  csv.header({"rank", "variant", "metric", "base", "value", "diff", "half_width_95", "p_value", "q_value",
              "significant", "discoveries"})
      .end_row();
  for (const auto& v : r.rows) {
    const metric_difference& m = v.metric;
    csv.text(std::to_string(v.rank)).text(v.variant).text(r.metric).num(m.base_mean).num(m.variant_mean);
    csv.num(m.difference).num(m.paired_half_width_95).num(m.p_value).num(v.q_value);
    csv.text(v.significant ? "true" : "false").text(std::to_string(v.discoveries)).end_row();
  }
  return csv.take();
}

void write_ranking_outputs(const std::filesystem::path& dir, const ranking& r) {
  const std::string json = ranking_json(r), csv = ranking_csv(r);
  ensure_directory(dir);
  write_file_atomic(dir / "ranking.json", json);
  write_file_atomic(dir / "ranking.csv", csv);
}

void write_run_outputs(const std::filesystem::path& dir, const run_summary& s) {
  // Everything is formatted first, so a bad input writes nothing rather than half a directory.
  std::vector<std::pair<const char*, std::string>> files = {
      {"summary.json", summary_json(s)},
      {"replications.csv", replications_csv(s)},
      {"daily.csv", daily_csv(s)},
      {"routes.csv", routes_csv(s)},
      {"crossings.csv", crossings_csv(s)},
      {"flows.geojson", flows_geojson(s)},
      {"metrics.csv", tidy_csv(metrics_table(s))},
      {"replications_long.csv", tidy_csv(replications_table(s))},
      {"daily_long.csv", tidy_csv(daily_table(s))},
  };
  if (!s.ports.empty()) files.emplace_back("ports.csv", ports_csv(s));
  if (!s.years.empty()) files.emplace_back("years.csv", years_csv(s));
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

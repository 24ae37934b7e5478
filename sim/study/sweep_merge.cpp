// Merging a sweep: results.csv with one row per manifest entry and summary.csv with one row per design
// point, both in manifest order and with numbers in their shortest exact form, so the bytes depend only on
// the runs' results and never on how the work was split.
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "corridor/statistics.hpp"
#include "sweep_internal.hpp"

namespace corridor {
namespace {

using metric_map = std::map<std::string, double>;  // by name; iterated only to list names in messages

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::optional<metric_map> read_result(const std::filesystem::path& dir, const std::string& id) {
  const auto file = sweep_detail::result_file(dir, id);
  if (!std::filesystem::exists(file)) return std::nullopt;
  const auto j = nlohmann::json::parse(sweep_detail::read_text(file));
  metric_map m;
  for (const auto& [name, v] : j.at("metrics").items()) {
    m[name] = v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN();
  }
  return m;
}

// Kept metrics: those the sweep names, or the headline `metrics.*` of the first finished run.
std::vector<std::string> kept_metrics(const sweep_plan& plan,
                                      const std::vector<std::optional<metric_map>>& res) {
  const auto first = std::find_if(res.begin(), res.end(), [](const auto& r) { return r.has_value(); });
  if (!plan.metrics.empty()) {
    if (first == res.end()) return plan.metrics;
    for (const auto& name : plan.metrics) {
      const bool somewhere =
          std::any_of(res.begin(), res.end(), [&](const auto& r) { return r && r->count(name); });
      if (somewhere) continue;
      std::string have;
      for (const auto& [n, v] : **first) {
        if (n.rfind("metrics.", 0) == 0) have += (have.empty() ? "" : ", ") + n;
      }
      throw sweep_error("metric '" + name + "' is in no finished run (headline metrics: " + have + ")");
    }
    return plan.metrics;
  }
  std::vector<std::string> out;
  if (first == res.end()) return out;
  for (const auto& [n, v] : **first) {
    if (n.rfind("metrics.", 0) == 0) out.push_back(n);
  }
  return out;
}

std::string header(const sweep_plan& plan, std::string lead) {
  for (const auto& p : plan.parameters) lead += "," + csv_field(p.name);
  return lead;
}

std::string values_of(const sweep_plan& plan, std::size_t point) {
  std::string s;
  for (double v : plan.points[point].values) s += "," + sweep_detail::format_number(v);
  return s;
}

}  // namespace

sweep_counts merge_sweep(const std::filesystem::path& dir) {
  const sweep_plan plan = read_plan(dir);
  std::vector<std::optional<metric_map>> results(plan.runs.size());
  sweep_counts counts;
  const auto repeated = sweep_detail::repeated_runs(plan);
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    results[i] = read_result(dir, plan.runs[i].id);
    if (repeated[i]) continue;
    ++counts.total;
    if (results[i]) {
      ++counts.done;
    } else if (std::filesystem::exists(sweep_detail::failed_file(dir, plan.runs[i].id))) {
      ++counts.failed;
    } else {
      ++counts.remaining;
    }
  }
  const auto metrics = kept_metrics(plan, results);

  std::string csv = header(plan, "run_id,point,replication");
  for (const auto& m : metrics) csv += "," + csv_field(m);
  csv += "\n";
  std::vector<std::vector<running_stats>> stats(plan.points.size(),
                                                std::vector<running_stats>(metrics.size()));
  std::vector<std::size_t> done_per_point(plan.points.size(), 0);
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const auto& run = plan.runs[i];
    csv += run.id + "," + std::to_string(run.point) + "," + std::to_string(run.replication) +
           values_of(plan, run.point);
    if (results[i]) ++done_per_point[run.point];
    for (std::size_t k = 0; k < metrics.size(); ++k) {
      csv += ",";
      if (!results[i]) continue;
      const auto it = results[i]->find(metrics[k]);
      if (it == results[i]->end()) continue;
      csv += sweep_detail::format_number(it->second);
      stats[run.point][k].add(it->second);
    }
    csv += "\n";
  }
  write_file_atomically(dir / "results.csv", csv);

  std::string summary = header(plan, "point") + ",runs";
  for (const auto& m : metrics) summary += "," + csv_field(m + ".mean") + "," + csv_field(m + ".hw95");
  summary += "\n";
  for (std::size_t p = 0; p < plan.points.size(); ++p) {
    summary += std::to_string(p) + values_of(plan, p) + "," + std::to_string(done_per_point[p]);
    for (const auto& s : stats[p]) {
      if (s.count() == 0) {
        summary += ",,";
        continue;
      }
      summary +=
          "," + sweep_detail::format_number(s.mean()) + "," + sweep_detail::format_number(s.half_width_95());
    }
    summary += "\n";
  }
  write_file_atomically(dir / "summary.csv", summary);
  return counts;
}

namespace sweep_detail {

point_means mean_per_point(const std::filesystem::path& dir, const sweep_plan& plan) {
  std::vector<std::optional<metric_map>> results(plan.runs.size());
  for (std::size_t i = 0; i < plan.runs.size(); ++i) results[i] = read_result(dir, plan.runs[i].id);
  point_means out{kept_metrics(plan, results), {}};
  std::vector<std::vector<running_stats>> stats(plan.points.size(),
                                                std::vector<running_stats>(out.metrics.size()));
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    if (!results[i]) continue;
    for (std::size_t k = 0; k < out.metrics.size(); ++k) {
      const auto it = results[i]->find(out.metrics[k]);
      if (it != results[i]->end()) stats[plan.runs[i].point][k].add(it->second);
    }
  }
  for (const auto& row : stats) {
    std::vector<double> means;
    for (const auto& s : row)
      means.push_back(s.count() ? s.mean() : std::numeric_limits<double>::quiet_NaN());
    out.by_point.push_back(std::move(means));
  }
  return out;
}

}  // namespace sweep_detail
}  // namespace corridor

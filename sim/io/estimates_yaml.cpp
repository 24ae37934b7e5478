// The estimates file of `corridor calibrate --estimates`: plain YAML, strings as JSON-quoted scalars (valid
// YAML), numbers through format_number, so that parse_estimates reads back the same doubles.
#include "corridor/estimates_io.hpp"

#include <cmath>

#include "corridor/io.hpp"
#include "json_util.hpp"

namespace corridor {
namespace {

std::string yaml_quoted(std::string_view s) {
  return detail::ojson(std::string(s)).dump(-1, ' ', false, detail::ojson::error_handler_t::replace);
}

std::string num(double v) {
  return std::isfinite(v) ? format_number(v) : "null";
}

std::string parameter_yaml(const parameter_estimate& p) {
  std::string paths;
  for (const auto& path : p.paths) paths += (paths.empty() ? "" : ", ") + yaml_quoted(path);
  std::string out = "  - name: " + yaml_quoted(p.name) + "\n";
  out += "    paths: [" + paths + "]\n";
  out += "    estimate: " + num(p.estimate) + "\n";
  out += "    standard_error: " + (p.standard_error ? num(*p.standard_error) : std::string("null")) + "\n";
  out += "    bounds: [" + num(p.min) + ", " + num(p.max) + "]\n";
  out += std::string("    identified: ") + (p.identified() ? "true" : "false") + "\n";
  out += "    status: " + yaml_quoted(to_string(p.status)) + "\n";
  if (!p.note.empty()) out += "    note: " + yaml_quoted(p.note) + "\n";
  return out;
}

}  // namespace

std::string estimates_yaml(const calibration_estimates& e, std::string_view header) {
  std::string out = comment_lines(header);
  if (!e.scenario.empty()) out += "scenario: " + yaml_quoted(e.scenario) + "\n";
  if (!e.targets.empty()) out += "targets: " + yaml_quoted(e.targets) + "\n";
  out += std::string("scale: ") + (e.weights_scale ? "weights" : "sd") + "\n";
  out += "condition_number: " + num(e.condition_number) + "\n";
  std::string sv;
  for (double v : e.singular_values) sv += (sv.empty() ? "" : ", ") + num(v);
  out += "singular_values: [" + sv + "]\n";
  out += "parameters:\n";
  for (const auto& p : e.parameters) out += parameter_yaml(p);
  out += "correlation:\n";
  for (const auto& row : e.correlation) {
    std::string cells;
    for (double v : row) cells += (cells.empty() ? "" : ", ") + num(v);
    out += "  - [" + cells + "]\n";
  }
  return out;
}

void write_estimates(const std::filesystem::path& path, const calibration_estimates& e,
                     std::string_view header) {
  write_file_atomic(path, estimates_yaml(e, header));
}

}  // namespace corridor

#pragma once
// Internals shared by the sweep's source files: parameter paths on YAML trees, number formatting and the
// layout of a sweep folder. Not part of the public API.
#include <filesystem>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "corridor/sweep.hpp"

namespace corridor::sweep_detail {

// Concrete dotted paths a parameter path stands for in `root` (aliases and wildcards expanded), in tree
// order. Throws std::invalid_argument saying what is missing and what is there instead.
std::vector<std::string> resolve_targets(const YAML::Node& root, const std::string& path, param_op op);
// Sets or scales the value at a concrete path (every element when it holds a list).
void apply_target(YAML::Node& root, const std::string& target, param_op op, double value);

// Shortest text that reads back to the same double; whole numbers without a decimal point.
std::string format_number(double v);

std::string read_text(const std::filesystem::path& file);

inline std::filesystem::path runs_dir(const std::filesystem::path& dir) {
  return dir / "runs";
}
inline std::filesystem::path result_file(const std::filesystem::path& dir, const std::string& id) {
  return runs_dir(dir) / (id + ".json");
}
inline std::filesystem::path failed_file(const std::filesystem::path& dir, const std::string& id) {
  return runs_dir(dir) / (id + ".failed.json");
}

// Manifest indices whose id appeared earlier in the manifest (the same run listed twice, e.g. a Morris
// point visited by two trajectories): they are run once, by their first occurrence.
std::vector<bool> repeated_runs(const sweep_plan& plan);

// Per design point, the mean over its finished replications of each kept metric (NaN where none finished).
struct point_means {
  std::vector<std::string> metrics;
  std::vector<std::vector<double>> by_point;  // [point][metric]
};
point_means mean_per_point(const std::filesystem::path& dir, const sweep_plan& plan);

}  // namespace corridor::sweep_detail

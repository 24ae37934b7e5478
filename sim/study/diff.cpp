// What two scenarios differ in, by parameter path: both resolved (overlays merged, defaults written) by the
// scenario module's to_yaml, then walked side by side. Paths are those of parameter edits and sweeps
// (nodes.<id>.<key>, flows.<id>.<key>, route_choice.<key>): a planner reads a variant as the edits it makes.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>
#include <vector>

#include "corridor/study.hpp"

namespace corridor {
namespace {

// A value as one line of YAML: scalars as they are, lists and maps in flow style.
std::string text_of(const YAML::Node& n) {
  if (n.IsScalar()) return n.Scalar();
  if (n.IsNull()) return "null";
  YAML::Emitter out;
  out.SetMapFormat(YAML::Flow);
  out.SetSeqFormat(YAML::Flow);
  out << n;
  return out.c_str();
}

std::string join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

void leaves(const YAML::Node& n, const std::string& path, bool left, std::vector<scenario_difference>& out) {
  if (n.IsMap()) {
    for (const auto& kv : n) leaves(kv.second, join(path, kv.first.Scalar()), left, out);
    return;
  }
  scenario_difference d{path, {}, {}};
  (left ? d.a : d.b) = text_of(n);
  out.push_back(std::move(d));
}

void walk(const YAML::Node& a, const YAML::Node& b, const std::string& path,
          std::vector<scenario_difference>& out) {
  if (a.IsMap() && b.IsMap()) {
    std::vector<std::string> seen;
    for (const auto& kv : a) {
      const std::string key = kv.first.Scalar();
      seen.push_back(key);
      const YAML::Node other = b[key];
      if (other)
        walk(kv.second, other, join(path, key), out);
      else
        leaves(kv.second, join(path, key), true, out);
    }
    for (const auto& kv : b) {
      const std::string key = kv.first.Scalar();
      if (std::find(seen.begin(), seen.end(), key) == seen.end())
        leaves(kv.second, join(path, key), false, out);
    }
    return;
  }
  const std::string ta = text_of(a), tb = text_of(b);
  if (ta != tb) out.push_back({path, ta, tb});
}

}  // namespace

std::vector<scenario_difference> diff_scenarios(const scenario& a, const scenario& b) {
  std::vector<scenario_difference> out;
  walk(YAML::Load(to_yaml(a)), YAML::Load(to_yaml(b)), "", out);
  return out;
}

}  // namespace corridor

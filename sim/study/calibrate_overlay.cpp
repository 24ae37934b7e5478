// The fitted values written back as a scenario overlay, at the depth the overlay merge replaces: a field of
// a collection entry, a field of a top-level map, or a top-level value.
#include <set>

#include "calibrate_internal.hpp"

namespace corridor {
namespace {

const std::set<std::string> collections = {"nodes",         "edges",   "flows",
                                           "cargo_classes", "regions", "disruptions"};

YAML::Node child(const YAML::Node& n, const std::string& key) {
  YAML::Node c = n;
  if (c.IsSequence()) {
    c.reset(n[static_cast<std::size_t>(std::stoul(key))]);
  } else {
    c.reset(n[key]);
  }
  return c;
}

}  // namespace

std::string calibration_overlay(const calibration_spec& spec, const calibration_result& result,
                                const std::string& extends) {
  const YAML::Node fitted = YAML::Load(result.fitted_yaml);
  const calibrate_detail::problem pr(spec, result.base_yaml, calibration_options{});
  YAML::Node out(YAML::NodeType::Map);
  out["extends"] = extends;
  for (const auto& paths : pr.concrete_paths()) {
    for (const auto& path : paths) {
      const auto segs = calibrate_detail::split_path(path);
      std::size_t depth = 1;
      if (collections.count(segs[0])) {
        depth = 3;
      } else if (fitted[segs[0]].IsMap()) {
        depth = 2;
      }
      depth = std::min(depth, segs.size());
      YAML::Node src = fitted;
      for (std::size_t k = 0; k < depth; ++k) src.reset(child(src, segs[k]));
      if (depth == 1) out[segs[0]] = YAML::Clone(src);
      if (depth == 2) out[segs[0]][segs[1]] = YAML::Clone(src);
      if (depth == 3) out[segs[0]][segs[1]][segs[2]] = YAML::Clone(src);
    }
  }
  YAML::Emitter em;
  em << out;
  return std::string(em.c_str()) + "\n";
}

}  // namespace corridor

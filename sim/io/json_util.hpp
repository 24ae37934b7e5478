#pragma once
// JSON helpers shared by the JSON and GeoJSON writers: non-finite numbers become null, and every file ends
// with one newline.
#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

namespace corridor::detail {

using ojson = nlohmann::ordered_json;

inline ojson json_number(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v == 0.0 ? 0.0 : v;  // never "-0.0"
}

inline std::string dump_json(const ojson& j) {
  return j.dump(2) + "\n";
}

}  // namespace corridor::detail

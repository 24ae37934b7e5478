#pragma once
// Calibrated parameters' estimates as a file (part of io, which alone knows formats): YAML that
// parse_estimates (calibrate.hpp) reads back strictly, and that `corridor run --parameter-uncertainty` draws
// parameters from. docs/outputs.md describes every key.
#include <filesystem>
#include <string>
#include <string_view>

#include "corridor/calibrate.hpp"

namespace corridor {

// The estimates as YAML: `header` first (each line as a comment), then scenario, targets, scale,
// condition_number, singular_values, a list of parameters (name, paths, estimate, standard_error, bounds,
// identified, status, note) and the correlation matrix, one row per line; a NaN as null. Numbers round-trip.
std::string estimates_yaml(const calibration_estimates& e, std::string_view header = {});
// Writes estimates_yaml(e, header) to `path` atomically.
void write_estimates(const std::filesystem::path& path, const calibration_estimates& e,
                     std::string_view header = {});

}  // namespace corridor

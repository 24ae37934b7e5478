#pragma once
// Writers: everything a study hands back becomes files here (summary.json, CSV tables, GeoJSON, run.json
// provenance, compare tables, and one self-contained HTML report). Files are written atomically, numbers
// are printed shortest-round-trip and locale-independent, and equal inputs give byte-identical files.
// Knows the scenario and run results only as plain values: nothing of the engine, the model or the study.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/results.hpp"
#include "corridor/scenario.hpp"

namespace corridor {

// A file or directory could not be read or written; what() names the path.
class io_error : public std::runtime_error {
 public:
  io_error(const std::filesystem::path& path, std::string_view what);
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes `<path>.tmp.<pid>` in the same directory, fsyncs it and renames it over `path`, so a reader sees
// the old file or the new one, never a part. On failure the temporary is removed and the old file is kept.
// Creates missing parent directories.
void write_file_atomic(const std::filesystem::path& path, std::string_view contents);
// Creates the directory and its parents when missing; throws io_error when it cannot, or when `dir` is a
// file.
void ensure_directory(const std::filesystem::path& dir);
// The whole file as bytes; throws io_error when it cannot be read.
std::string read_file(const std::filesystem::path& path);
// FNV-1a 64 of the bytes as 16 lower-case hex digits (the scenario hash in run.json).
std::string fnv1a_hex(std::string_view bytes);

// How a set of replications was run. With include_wall_clock false, wall_seconds is written as 0 (and
// threads is left out) so two runs with the same seed give byte-identical files.
struct run_info {
  std::uint64_t seed = 0;
  std::uint64_t replications = 1;
  std::optional<int> threads;
  std::uint64_t events = 0;  // summed over replications
  double wall_seconds = 0.0;
  std::string version = CORRIDOR_VERSION;
  double warmup_days = 0.0;
  bool include_wall_clock = true;
};

// Where a run came from (run.json).
struct provenance {
  std::string version = CORRIDOR_VERSION;
  std::string git_commit;                 // from configure time; "" when unknown
  std::vector<std::string> command_line;  // argv as given
  std::uint64_t seed = 0;
  std::uint64_t replications = 1;
  std::optional<int> threads;
  std::string scenario_file;  // path as given; its bytes are hashed when readable
  std::string scenario_hash;  // fnv1a_hex of the file; filled by run_json() when empty
  double wall_seconds = 0.0;
  bool include_wall_clock = true;
};

// One metric of a paired comparison of two scenarios (compare.json, compare.csv).
struct compare_row {
  std::string name;
  double base = 0.0;
  double variant = 0.0;
  double diff = 0.0;        // variant - base, mean of paired differences
  double half_width = 0.0;  // 95 % half-width of the paired difference
  bool significant = false;
  double unpaired_half_width = 0.0;  // what the interval would be without common random numbers
};

struct compare_table {
  std::string base_name;
  std::string variant_name;
  std::uint64_t seed = 0;
  std::uint64_t replications = 0;
  std::vector<compare_row> rows;
};

// The texts of each file. `runs` holds one or more replications of the same scenario; every function
// throws io_error(path "", ...) when runs is empty or their flattened names disagree.
std::string summary_json(const scenario& s, const std::vector<run_result>& runs, const run_info& info);
std::string replications_csv(const std::vector<run_result>& runs);
std::string daily_csv(const std::vector<run_result>& runs);      // mean over replications, day by day
std::string routes_csv(const std::vector<run_result>& runs);     // mean over replications
std::string crossings_csv(const std::vector<run_result>& runs);  // crossings then ferries, means
std::string flows_geojson(const scenario& s, const std::vector<run_result>& runs);
std::string run_json(const provenance& p);
std::string compare_json(const compare_table& t);
std::string compare_csv(const compare_table& t);

// Writes summary.json, replications.csv, daily.csv, routes.csv, crossings.csv and flows.geojson into
// `dir` (created when missing), each atomically.
void write_run_outputs(const std::filesystem::path& dir, const scenario& s,
                       const std::vector<run_result>& runs, const run_info& info);
// Writes compare.json and compare.csv into `dir`.
void write_compare_outputs(const std::filesystem::path& dir, const compare_table& t);
// Writes `dir`/report.html, one self-contained page (inline CSS, JS and data; no external URL) built from
// summary.json, daily.csv, flows.geojson, routes.csv and compare.json found in `dir` (and, beside
// compare.json, base/ and variant/ with their flows.geojson and daily.csv, for the map of where traffic
// moved). Needs summary.json or compare.json; the others are drawn when present. Returns the path written.
std::filesystem::path write_report_html(const std::filesystem::path& dir);

// Formatting shared by the writers, exposed for tests and the CLI's tables.
// Shortest round-trip decimal, '.' always, no locale; "" for NaN and infinities.
std::string format_number(double v);
// A CSV field: quoted (with doubled quotes) when it holds a comma, quote, CR or LF.
std::string csv_field(std::string_view text);

}  // namespace corridor

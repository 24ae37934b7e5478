#pragma once
// Writers and readers: the only module that knows file formats. Summaries become files here (summary.json,
// CSV tables, GeoJSON, run.json provenance, compare tables, one self-contained HTML report), and the files of
// an output folder are read back into the same Summary types. Files are written atomically, numbers are
// printed shortest-round-trip and locale-independent, and equal inputs give byte-identical files.
// Knows results only as plain values: nothing of the engine or the model.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/summary.hpp"
#include "corridor/tidy.hpp"

namespace corridor {

// A file or directory could not be read or written, or a file read back is not what its writer makes;
// what() names the path (and the line, for a text file). The CLI exits 3.
class io_error : public std::runtime_error {
 public:
  io_error(const std::filesystem::path& path, std::string_view what);
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

// --- files ----------------------------------------------------------------------------------------------

// Writes `<path>.tmp.<pid>.<n>` in the same directory, fsyncs it, renames it over `path` and fsyncs the
// directory, so a reader sees the old file or the new one, never a part, even after a crash; safe to call
// from several threads at once. On failure the temporary is removed and the old file kept. Creates missing
// parent directories.
void write_file_atomic(const std::filesystem::path& path, std::string_view contents);
// Creates the directory and its parents when missing; throws io_error when it cannot, or when `dir` is a
// file.
void ensure_directory(const std::filesystem::path& dir);
// The whole file as bytes; throws io_error when it cannot be read (or is not a regular file).
std::string read_file(const std::filesystem::path& path);

// An output folder written whole. Files go into path(), a temporary sibling `.NAME.corridor-tmp.PID.N` of
// `dir`; commit() puts it in place of `dir` with one rename (an atomic exchange with the old folder, which is
// then removed). A failed or killed run therefore leaves `dir` all old or all new, never a mix; without
// commit() the destructor removes the temporary, and a temporary left by a killed process is removed by the
// next staged_folder beside it. Throws io_error when `dir` exists and is a file, or a folder that is neither
// empty nor corridor's outputs (summary.json, run.json, compare.json, ranking.json or appraisal.json): `-o ~`
// must not replace a home.
class staged_folder {
 public:
  explicit staged_folder(std::filesystem::path dir);
  ~staged_folder();
  staged_folder(const staged_folder&) = delete;
  staged_folder& operator=(const staged_folder&) = delete;

  const std::filesystem::path& path() const noexcept { return staging_; }  // write here, before commit()
  const std::filesystem::path& target() const noexcept { return target_; }
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

// --- text -----------------------------------------------------------------------------------------------

// A number for a file: "" for NaN and infinities, "0" for either zero, whole numbers below 1e15 as integers
// ("2900", not "2.9e+03"), anything else the shortest text that reads back to the same double; '.' always,
// never the locale's.
std::string format_number(double v);
// A CSV field: quoted (with doubled quotes) when it holds a comma, quote, CR or LF.
std::string csv_field(std::string_view text);
// Text for HTML content or a quoted attribute: & < > " escaped.
std::string html_escape(std::string_view text);
// Text as YAML (or shell) comment lines: "# " before each line, "#" alone for an empty one.
std::string comment_lines(std::string_view text);
// 16 lower-case hex digits, zero-padded.
std::string hex16(std::uint64_t v);
// FNV-1a 64 of the bytes (stable_id) as hex16 (the scenario hash in run.json).
std::string fnv1a_hex(std::string_view bytes);

// --- a run's outputs --------------------------------------------------------------------------------------

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
std::string run_json(const provenance& p);

// The text of each file of a run's outputs, from its Summary.
std::string summary_json(const run_summary& s);
std::string replications_csv(const run_summary& s);
std::string daily_csv(const run_summary& s);      // the day-by-day means
std::string routes_csv(const run_summary& s);     // means
std::string crossings_csv(const run_summary& s);  // crossings then ferries, means
std::string ports_csv(const run_summary& s);      // resource ports, means and half-widths
std::string flows_geojson(const run_summary& s);  // the network with each edge's and crossing's means
// Writes summary.json, replications.csv, daily.csv, routes.csv, crossings.csv, flows.geojson and the tidy
// tables metrics.csv, replications_long.csv and daily_long.csv (tidy.hpp) into `dir` (created when
// missing), each atomically; formats all of them before writing any. ports.csv too when the scenario has
// resource ports (berths, a yard or a dwell).
void write_run_outputs(const std::filesystem::path& dir, const run_summary& s);
// Multi-year runs' years.csv, in long format: year, metric (a flattened name), mean, ci95 (the 95 %
// half-width over replications; empty with fewer than two).
std::string years_csv(const run_summary& s);

// Any tidy table (tidy.hpp) as CSV: a header of column names, then its rows; missing numbers empty.
std::string tidy_csv(const tidy_table& t);

std::string compare_json(const comparison& c);
std::string compare_csv(const comparison& c);
// How a comparison decided `significant`, in one sentence (compare.json, the CLI table, the report).
std::string significance_note(const comparison& c);
// Writes compare.json and compare.csv into `dir`.
void write_compare_outputs(const std::filesystem::path& dir, const comparison& c);

// Variants ranked against one base (`corridor compare BASE V1 V2 ...`): ranking.csv, a row per variant best
// first, and ranking.json, the same with the base, metric, seed and how significance was decided.
std::string ranking_csv(const ranking& r);
std::string ranking_json(const ranking& r);
void write_ranking_outputs(const std::filesystem::path& dir, const ranking& r);

// --- the report -------------------------------------------------------------------------------------------

// What a report shows: a run, a comparison, or both; with a comparison, optionally both sides' summaries
// (the map of where traffic moved, the queues behind changed waits).
struct report_input {
  std::optional<run_summary> run;
  std::optional<comparison> compare;
  struct sides {
    run_summary base;
    run_summary variant;
  };
  std::optional<sides> compared;
  std::optional<ranking> ranked;  // several variants: the ranking, shown above the comparison
};
// One self-contained page (inline CSS, JS and data; no external URL). Throws io_error when the input has
// neither a run nor a comparison.
std::string report_html(const report_input& in);
// Writes dir/report.html; returns its path.
std::filesystem::path write_report_html(const std::filesystem::path& dir, const report_input& in);

// A scenario's network on a map, nothing run (`corridor map`): the report's page and map drawing with only
// the network, nodes by kind and edges by mode, each edge's slots per day in its tooltip.
std::string map_html(const std::string& scenario_name, const network_view& network);

// The report's input from an output folder written earlier by `run --out` (summary.json, daily.csv,
// routes.csv, flows.geojson) or `compare --out` (compare.json, base/, variant/): each file parsed into the
// Summary types, fields a file does not carry left at their defaults. Needs summary.json or compare.json;
// the others are used when present. Throws io_error naming the file (and line) of anything malformed.
report_input read_report_input(const std::filesystem::path& dir);

}  // namespace corridor

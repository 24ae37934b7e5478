#pragma once
// Parameter sweeps. A sweep file names a base scenario, parameters addressed by path into its YAML tree, a
// design and a number of replications. `plan` writes a manifest of runs with stable ids; `run` executes any
// share of it (threads, shards, MPI ranks), writing one result file per run atomically so an interrupted
// sweep resumes; `merge`, `status` and `analyze` read the results back. Merged bytes depend only on the
// manifest and the runs' results, never on how the work was split or in which order it finished.
// Knows nothing of the CLI, terminals or MPI (that lives in corridor_sweep_mpi).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corridor/scenario.hpp"

namespace corridor {

// A malformed sweep file, an unknown parameter path, a sweep directory that is not one. The message starts
// with `file:line:col:` when it is about a place in a sweep file.
class sweep_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class param_op { set, scale };
enum class design_kind { grid, lhs, sobol, saltelli, morris };

struct sweep_parameter {
  std::string name;
  // Dotted path into the resolved base scenario, e.g. `nodes.dostyk.tracks`, `flows.*.teu_per_week`.
  // `crossings.`, `terminals.`, `ports.`, `junctions.` address nodes of that kind, `ferries.` ferry edges;
  // `*` stands for every key of a map (or element of a list).
  std::string path;
  param_op op = param_op::set;  // set the value, or multiply what the base has (each element of a list)
  std::vector<double> values;   // discrete levels: grid values, or the choices of a sampled design
  double min = 0.0, max = 0.0;  // continuous range of a sampled design (when values is empty)
  bool integer = false;         // sampled values are whole numbers in [min, max]
  source_loc loc;
};

// `lhs op rhs` with op one of < <= > >= == !=; each side a parameter name or a number.
struct sweep_constraint {
  std::string lhs, op, rhs;
  source_loc loc;
};

struct sweep_design {
  design_kind kind = design_kind::grid;
  std::size_t n = 0;             // lhs and sobol: points; saltelli: base samples (N (d + 2) points)
  std::size_t trajectories = 0;  // morris: r trajectories of d + 1 points
  int levels = 4;                // morris grid levels (even)
  std::uint64_t seed = 1;        // lhs and morris
};

struct sweep_spec {
  std::string file;            // for messages
  std::filesystem::path base;  // the base scenario, resolved against the sweep file's folder
  std::vector<sweep_parameter> parameters;
  sweep_design design;
  std::size_t replications = 1;
  std::optional<std::uint64_t> seed;  // overrides the base scenario's seed
  std::vector<std::string> metrics;   // flattened metric names kept; empty means the headline metrics
  std::vector<sweep_constraint> constraints;
  std::string text;  // the sweep file itself, copied into the sweep folder by write_plan
};

// Parses and checks a sweep file (syntax, types, ranges, constraint names). Paths are checked by plan_sweep.
sweep_spec load_sweep(const std::filesystem::path& file);
sweep_spec parse_sweep(std::string_view yaml, std::string_view name, const std::filesystem::path& base_dir);

// One point of the design: parameter values (in parameter order) and, for sampled designs, the unit-cube
// coordinates they came from (empty for a grid).
struct design_point {
  std::vector<double> values;
  std::vector<double> unit;
};
// The design's points, constraints applied (grid, lhs, sobol only; saltelli and morris reject constraints).
std::vector<design_point> make_design(const sweep_spec& spec);

struct planned_run {
  std::string id;  // stable: a hash of the base, the parameter values and the seed, then `-rNN`
  std::size_t point = 0;
  std::size_t replication = 0;
  std::uint64_t seed = 0;
};

struct sweep_plan {
  std::vector<sweep_parameter> parameters;
  std::vector<std::vector<std::string>> targets;  // per parameter: concrete dotted paths (wildcards expanded)
  sweep_design design;
  std::size_t replications = 1;
  std::vector<std::string> metrics;
  std::string base_yaml;  // the resolved base scenario
  std::vector<design_point> points;
  std::vector<planned_run> runs;  // manifest order: point by point, replications within
};

// Loads and resolves the base scenario, checks every parameter path against it and lays out the runs.
sweep_plan plan_sweep(const sweep_spec& spec);
// The same on a base already resolved to YAML text (tests, or a base from elsewhere).
sweep_plan plan_sweep(const sweep_spec& spec, const std::string& base_yaml);
// Writes DIR/manifest.jsonl, DIR/plan.json, DIR/base.yaml and DIR/sweep.yaml; keeps DIR/runs/.
void write_plan(const sweep_plan& plan, const sweep_spec& spec, const std::filesystem::path& dir);
sweep_plan read_plan(const std::filesystem::path& dir);
// The base scenario with one design point's parameters applied, as YAML text for load_scenario_text.
std::string point_scenario_yaml(const sweep_plan& plan, std::size_t point);

// Evaluates one run: the point's scenario text, the seed and the replication in, flattened metrics out.
using sweep_evaluator = std::function<std::vector<std::pair<std::string, double>>(
    const std::string& scenario_yaml, std::uint64_t seed, std::uint64_t replication)>;
// The real one: load_scenario_text, prepared_scenario, run_model, run_result::flatten.
sweep_evaluator model_evaluator();

struct sweep_counts {
  std::size_t total = 0;  // distinct runs in the manifest (or in the share)
  std::size_t done = 0;
  std::size_t failed = 0;
  std::size_t remaining = 0;
};

struct sweep_progress {
  sweep_counts share;       // this process's share: done/failed include those found already made
  std::size_t ran_now = 0;  // runs finished (done or failed) by this process
  double elapsed_s = 0.0;
};

struct sweep_run_options {
  std::size_t threads = 0;  // 0: one per core
  std::size_t shard_index = 0;
  std::size_t shard_count = 1;
  bool retry_failed = false;  // run again the runs recorded as failed
  // Called after each run, serialized (never concurrently).
  std::function<void(const sweep_progress&)> progress;
};

// Manifest indices this share must still run: i % shard_count == shard_index, not done, not failed (unless
// retry_failed) and not a repeat of an earlier manifest entry with the same id.
std::vector<std::size_t> pending_runs(const std::filesystem::path& dir, const sweep_plan& plan,
                                      const sweep_run_options& opt);
// Runs manifest entry `index` and writes DIR/runs/<id>.json, or DIR/runs/<id>.failed.json with the error.
// Returns true on success. Never throws for a failing run.
bool run_one(const std::filesystem::path& dir, const sweep_plan& plan, std::size_t index,
             const sweep_evaluator& eval);
// Runs this share with TBB; returns the share's counts afterwards.
sweep_counts run_sweep(const std::filesystem::path& dir, const sweep_run_options& opt,
                       const sweep_evaluator& eval = model_evaluator());
// Rank 0 hands out manifest indices to the other ranks as they finish; they run and write. Defined in
// corridor_sweep_mpi (built when MPI is found); initializes and finalizes MPI itself when needed.
sweep_counts run_sweep_mpi(const std::filesystem::path& dir, const sweep_run_options& opt,
                           const sweep_evaluator& eval = model_evaluator());

sweep_counts sweep_status(const std::filesystem::path& dir);
// Writes DIR/results.csv (one row per manifest entry) and DIR/summary.csv (per design point: mean and 95 %
// half-width over replications). Runs not done leave empty cells. Returns the counts.
sweep_counts merge_sweep(const std::filesystem::path& dir);
// Writes DIR/sensitivity.csv and DIR/sensitivity.html: Sobol indices (saltelli) or Morris mu* and sigma
// (morris) of every kept metric, from the replication means of each point. Needs every point done.
void analyze_sweep(const std::filesystem::path& dir);

// Writes `text` to `file` so that a reader sees the old file or the whole new one, never a part: a
// temporary in the same folder, then rename.
void write_file_atomically(const std::filesystem::path& file, std::string_view text);

}  // namespace corridor

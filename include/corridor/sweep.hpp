#pragma once
// Parameter sweeps. A sweep file names a base scenario, parameters addressed by parameter paths, a design
// and a number of replications. plan_sweep() lays out the runs; run_sweep() executes any share of them
// (threads, shards, MPI ranks), handing each outcome to a sweep_store as it finishes (io's sweep_folder keeps
// them as files, so an interrupted sweep resumes); tabulate_sweep() and analyze_sweep() reduce the outcomes
// to tables. Results depend only on the plan and the runs, never on how the work was split or in which order
// it finished. Knows nothing of files, formats, the CLI or MPI (that lives in corridor_sweep_mpi).
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

#include "corridor/parameters.hpp"
#include "corridor/scenario.hpp"
#include "corridor/sensitivity.hpp"
#include "corridor/summary.hpp"

namespace corridor {

// A malformed sweep file, an unknown parameter path, a sweep directory that is not one. The message starts
// with `file:line:col:` when it is about a place in a sweep file.
class sweep_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

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
  std::string text;  // the sweep file itself, kept with the plan
};

// Parses and checks a sweep file's text (syntax, types, ranges, constraint names); `name` stands for the
// file in messages and `base` resolves from base_dir. Paths are checked by plan_sweep.
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
  std::size_t point = 0;
  std::size_t replication = 0;
  std::uint64_t seed = 0;
};

struct sweep_plan {
  std::vector<sweep_parameter> parameters;
  std::vector<std::vector<std::string>> targets;  // per parameter: concrete parameter paths
  sweep_design design;
  std::size_t replications = 1;
  std::vector<std::string> metrics;
  std::string base_yaml;  // the resolved base scenario, every default written out
  std::vector<design_point> points;
  std::vector<planned_run> runs;  // manifest order: point by point, replications within
};

// Loads and resolves the base scenario, checks every parameter path against it and lays out the runs.
sweep_plan plan_sweep(const sweep_spec& spec);
// The same on a base already resolved to YAML text (tests, or a base from elsewhere).
sweep_plan plan_sweep(const sweep_spec& spec, const std::string& base_yaml);
// The base scenario as a document to edit: parse_document(plan.base_yaml, name).
scenario_document base_document(const sweep_plan& plan, std::string_view name = "base.yaml");
// The scenario of one design point: the base with the point's parameters applied.
scenario point_scenario(const scenario_document& base, const sweep_plan& plan, std::size_t point);
// Manifest entries that repeat an earlier one (the same point values and replication, e.g. a Morris point
// visited by two trajectories): run once, by their first occurrence.
std::vector<bool> repeated_runs(const sweep_plan& plan);

// Evaluates one run: the point's scenario, the seed and the replication in, flattened metrics out.
using sweep_evaluator = std::function<std::vector<std::pair<std::string, double>>(
    const scenario& point, std::uint64_t seed, std::uint64_t replication)>;
// The real one: prepared_scenario, run_model, run_result::flatten.
sweep_evaluator model_evaluator();

// What one run of the manifest came to.
struct run_record {
  std::size_t index = 0;  // in the manifest
  double wall_seconds = 0.0;
  std::vector<std::pair<std::string, double>> metrics;  // flattened; empty when it failed
  std::string error;                                    // why it failed; empty when it did not
  bool failed() const noexcept { return !error.empty(); }
};

enum class run_state { remaining, done, failed };

// Where a sweep keeps its runs' outcomes. io's sweep_folder keeps each as a file written atomically; a test
// may keep them in memory. record() may be called from several threads at once.
class sweep_store {
 public:
  virtual ~sweep_store() = default;
  virtual run_state state(std::size_t index) const = 0;
  // The outcome of a run that is done, or nothing.
  virtual std::optional<run_record> result(std::size_t index) const = 0;
  virtual void record(const run_record& r) = 0;
};

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
// retry_failed) and not a repeat of an earlier manifest entry.
std::vector<std::size_t> pending_runs(const sweep_plan& plan, const sweep_store& store,
                                      const sweep_run_options& opt);
// Runs manifest entry `index` and records its outcome; a run that fails (a scenario the point makes invalid,
// a model error) is recorded as failed and returns false. Errors of the store itself (a file that cannot be
// written) propagate.
bool run_one(const sweep_plan& plan, const scenario_document& base, std::size_t index,
             const sweep_evaluator& eval, sweep_store& store);
// Runs this share with TBB; returns the share's counts afterwards.
sweep_counts run_sweep(const sweep_plan& plan, sweep_store& store, const sweep_run_options& opt,
                       const sweep_evaluator& eval = model_evaluator());
// Rank 0 hands out manifest indices to the other ranks as they finish; they run and record. Defined in
// corridor_sweep_mpi (built when MPI is found); initializes and finalizes MPI itself when needed.
sweep_counts run_sweep_mpi(const sweep_plan& plan, sweep_store& store, const sweep_run_options& opt,
                           const sweep_evaluator& eval = model_evaluator());
sweep_counts sweep_status(const sweep_plan& plan, const sweep_store& store);

// The runs and points of a sweep as tables: every manifest entry with its parameter values and kept metrics
// (NaN where not done), and per design point each kept metric's mean and 95 % half-width over the
// replications done.
struct sweep_table {
  std::vector<std::string>
      metrics;  // kept: those the sweep names, or the headline ones of the first done run
  struct run_row {
    bool done = false;
    std::vector<double> values;  // per kept metric
  };
  std::vector<run_row> runs;  // manifest order
  struct point_row {
    std::size_t runs_done = 0;
    std::vector<estimate> metrics;  // per kept metric; n == 0 when none is done
  };
  std::vector<point_row> points;
  sweep_counts counts;
};
// Throws sweep_error when a metric the sweep names is in no finished run.
sweep_table tabulate_sweep(const sweep_plan& plan, const sweep_store& store);

// Sensitivity of every kept metric, from the replication means of each design point: Sobol indices
// (saltelli design), Morris effects (morris design), or main effects and two-way interactions (grid).
struct sensitivity_table {
  bool sobol = true;  // saltelli; neither this nor `grid`: morris
  bool grid = false;
  std::vector<std::string> parameters;
  struct metric_row {
    std::string metric;
    std::vector<sobol_index> sobol;     // per parameter, saltelli
    std::vector<morris_effect> morris;  // per parameter, morris
    grid_effects grid;                  // grid
    std::vector<std::string> warnings;  // why this metric's indices should not be trusted (sobol, morris)
  };
  std::vector<metric_row> metrics;
  // Warnings about the design as a whole (too few samples, a grid that is not full factorial), once each.
  std::vector<std::string> warnings;
};
// Throws sweep_error for an lhs or sobol design (no indices from them) or a point with no finished run of a
// kept metric.
sensitivity_table analyze_sweep(const sweep_plan& plan, const sweep_table& table);

}  // namespace corridor

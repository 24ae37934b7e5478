#pragma once
// A sweep as files (part of io, which alone knows formats): the plan written into a folder
// (manifest.jsonl, plan.json, base.yaml, sweep.yaml) and read back, each run's outcome as runs/<id>.json or
// runs/<id>.failed.json written atomically (a sweep_store, so an interrupted sweep resumes from the folder),
// and the tables: results.csv, summary.csv, sensitivity.csv and a self-contained sensitivity.html.
// Every problem with a file is an io_error naming it.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/io.hpp"
#include "corridor/sweep.hpp"

namespace corridor {

// A run's id: a hash of the base, the parameters' paths, operations and values and the seed, then `-rNN`
// for the replication. Point indices are left out, so planning again after adding points or replications
// keeps the ids (and the results) of runs already made.
std::string sweep_run_id(const sweep_plan& plan, std::size_t index);

// Writes DIR/manifest.jsonl, DIR/plan.json, DIR/base.yaml and DIR/sweep.yaml (`sweep_text`); keeps DIR/runs/
// and what it holds.
void write_sweep_plan(const std::filesystem::path& dir, const sweep_plan& plan, std::string_view sweep_text);

// A planned sweep folder: its plan read back, and the runs' outcomes kept as files in DIR/runs/.
class sweep_folder final : public sweep_store {
 public:
  // Reads the plan; throws io_error when `dir` is not a sweep folder or a file of it is damaged.
  explicit sweep_folder(std::filesystem::path dir);
  const sweep_plan& plan() const noexcept { return plan_; }
  const std::filesystem::path& dir() const noexcept { return dir_; }
  const std::string& run_id(std::size_t index) const { return ids_.at(index); }

  run_state state(std::size_t index) const override;
  std::optional<run_record> result(std::size_t index) const override;
  // Writes runs/<id>.json (removing a failed record of the same run) or runs/<id>.failed.json.
  void record(const run_record& r) override;

 private:
  std::filesystem::path dir_;
  sweep_plan plan_;
  std::vector<std::string> ids_;  // as the manifest has them
};

std::string sweep_results_csv(const sweep_folder& folder, const sweep_table& t);  // a row per manifest entry
std::string sweep_summary_csv(const sweep_plan& plan, const sweep_table& t);      // a row per design point
// Writes DIR/results.csv and DIR/summary.csv.
void write_sweep_tables(const sweep_folder& folder, const sweep_table& t);

// Sobol indices with intervals, Morris effects with mu*'s interval, or a grid's main effects and interactions
// (eta squared).
std::string sensitivity_csv(const sensitivity_table& t);
std::string main_effects_csv(const sensitivity_table& t);  // grid: each metric's mean at each level
std::string sensitivity_html(const sensitivity_table& t);  // warnings, a tornado chart per metric, inline SVG
// Writes DIR/sensitivity.csv and DIR/sensitivity.html, and for a grid DIR/main_effects.csv.
void write_sensitivity(const std::filesystem::path& dir, const sensitivity_table& t);

}  // namespace corridor

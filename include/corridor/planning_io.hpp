#pragma once
// Programmes and appraisals as files (part of io, which alone reads and writes them): the programme file read
// with its projects' overlays, and appraisal.json / appraisal.csv. docs/planning.md describes every key.
#include <filesystem>
#include <string>

#include "corridor/optimize.hpp"
#include "corridor/planning.hpp"

namespace corridor {

// Reads a programme file and each project's overlay (parse_programme, then overlay_without_extends). Throws
// io_error for a file that cannot be read, programme_error for one with problems.
programme load_programme(const std::filesystem::path& file);

// appraisal.json: the programme, seed, replications, horizon, discount rate and model years; per case (each
// project, then "programme") npv_usd, bcr, irr, co2_t, ... each with its `_ci95` half-width (null when not
// defined, e.g. an IRR that does not exist); the targets with do-nothing and programme values.
std::string appraisal_json(const appraisal& a);
// appraisal.csv: one row per case with the same numbers.
std::string appraisal_csv(const appraisal& a);
// Writes both into `dir` (created when missing), each atomically.
void write_appraisal_outputs(const std::filesystem::path& dir, const appraisal& a);

// optimization.json: the chosen portfolio (projects, start and opening years, PV cost, each target's value
// with `_ci95` and `met`), the estimated probability of correct selection and the gap, the simulations used
// against an enumeration's, and every candidate evaluated.
std::string optimization_json(const optimization& o);
// pareto.csv: one row per non-dominated portfolio (cost against each target): projects, PV cost, and each
// target's mean and ci95.
std::string pareto_csv(const optimization& o);
// optimization.html: one self-contained page, drawn as inline SVG (no script): the Pareto front of cost
// against each target, the chosen programme on a timeline, and the candidates.
std::string optimization_html(const optimization& o);
// Writes the three into `dir` (created when missing), each atomically.
void write_optimization_outputs(const std::filesystem::path& dir, const optimization& o);

}  // namespace corridor

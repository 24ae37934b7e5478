#pragma once
// Parameter uncertainty that travels from a calibration into runs: each replication runs with its own draw
// of the calibrated parameters from the estimates' multivariate normal, so the replications' spread (and a
// run's 95 % intervals) holds the parameters' uncertainty as well as the simulation's noise. A draw is a
// pure function of (estimates, seed, replication), taken from its own random stream: results depend on
// (scenario, seed, replication) only, never on threads, and the model's own streams are untouched.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "corridor/calibrate.hpp"
#include "corridor/parameters.hpp"
#include "corridor/study.hpp"

namespace corridor {

// The entity name of the draws' stream: rng_stream(seed, replication, parameter_draw_stream).
inline constexpr std::string_view parameter_draw_stream = "calibration.parameter-uncertainty";

// The parameter values replication `replication` runs with, one per estimate: for the identified parameters
// estimate + L z, with L L' their covariance (L = diag(se) times the Cholesky factor of their correlations)
// and z standard normals from the stream (seed, replication, parameter_draw_stream), one per identified
// parameter in file order; each value then clamped into its bounds (clamped, not truncated: a draw beyond a
// bound runs at the bound, so the stream's position never depends on the values). Parameters not identified
// stay at their estimates. Throws calibrate_error when the identified parameters' correlations are not
// positive definite.
std::vector<double> draw_parameters(const calibration_estimates& e, std::uint64_t seed,
                                    std::uint64_t replication);

// Every path of every parameter set to values[i] (each edit at its estimate's place in the estimates file).
std::vector<parameter_edit> estimate_edits(const calibration_estimates& e, const std::vector<double>& values);

// Replications first_replication .. + count - 1 of the document, in parallel, replication r with the edits
// of draw_parameters(e, seed, r) (seed: options.seed, else the scenario's). results[k] is replication
// first_replication + k whatever the threads. Throws scenario_error when a path of the estimates is not in
// the scenario or a drawn value is out of its range there.
std::vector<run_result> run_replications_with_uncertainty(const scenario_document& doc,
                                                          const calibration_estimates& e, std::size_t count,
                                                          std::size_t first_replication = 0,
                                                          const replication_options& options = {});

}  // namespace corridor

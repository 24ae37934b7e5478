// Replications with parameters drawn from a calibration's estimates (uncertainty.hpp).
#include "corridor/uncertainty.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <algorithm>
#include <mutex>

#include "corridor/random.hpp"
#include "detail_study.hpp"

namespace corridor {
namespace {

// L with L L' = the covariance of the identified parameters (in their order in the file).
Eigen::MatrixXd covariance_factor(const calibration_estimates& e, const std::vector<std::size_t>& ids) {
  const auto k = static_cast<Eigen::Index>(ids.size());
  Eigen::MatrixXd corr(k, k);
  Eigen::VectorXd se(k);
  for (Eigen::Index a = 0; a < k; ++a) {
    const auto& p = e.parameters[ids[static_cast<std::size_t>(a)]];
    se[a] = p.standard_error.value_or(0.0);
    for (Eigen::Index b = 0; b < k; ++b)
      corr(a, b) = e.correlation[ids[static_cast<std::size_t>(a)]][ids[static_cast<std::size_t>(b)]];
  }
  const Eigen::LLT<Eigen::MatrixXd> llt(corr);
  if (llt.info() != Eigen::Success)
    throw calibrate_error(
        "parameter uncertainty: the identified parameters' correlation matrix is not positive "
        "definite");
  return se.asDiagonal() * Eigen::MatrixXd(llt.matrixL());
}

std::vector<std::size_t> identified(const calibration_estimates& e) {
  std::vector<std::size_t> ids;
  for (std::size_t i = 0; i < e.parameters.size(); ++i) {
    if (e.parameters[i].identified()) ids.push_back(i);
  }
  return ids;
}

}  // namespace

std::vector<double> draw_parameters(const calibration_estimates& e, std::uint64_t seed,
                                    std::uint64_t replication) {
  std::vector<double> values;
  for (const auto& p : e.parameters) values.push_back(p.estimate);
  const auto ids = identified(e);
  if (ids.empty()) return values;
  const Eigen::MatrixXd L = covariance_factor(e, ids);
  rng_stream rng(seed, replication, parameter_draw_stream);
  Eigen::VectorXd z(static_cast<Eigen::Index>(ids.size()));
  for (Eigen::Index a = 0; a < z.size(); ++a) z[a] = sample_standard_normal(rng);
  const Eigen::VectorXd dx = L * z;
  for (std::size_t a = 0; a < ids.size(); ++a) {
    const auto& p = e.parameters[ids[a]];
    values[ids[a]] = std::clamp(p.estimate + dx[static_cast<Eigen::Index>(a)], p.min, p.max);
  }
  return values;
}

std::vector<parameter_edit> estimate_edits(const calibration_estimates& e,
                                           const std::vector<double>& values) {
  std::vector<parameter_edit> edits;
  for (std::size_t i = 0; i < e.parameters.size(); ++i) {
    for (const auto& path : e.parameters[i].paths)
      edits.push_back({path, param_op::set, values.at(i), e.parameters[i].loc});
  }
  return edits;
}

std::vector<run_result> run_replications_with_uncertainty(const scenario_document& doc,
                                                          const calibration_estimates& e, std::size_t count,
                                                          std::size_t first_replication,
                                                          const replication_options& options) {
  const std::uint64_t seed = options.seed ? *options.seed : apply_edits(doc, {}).seed;
  std::vector<run_result> results(count);
  std::mutex progress_mutex;
  std::size_t done = 0;
  // Each replication prepares its own scenario and writes only its own slot.
  detail::for_each_index(count, options.threads, [&](std::size_t k) {
    if (options.stop.stop_requested()) throw study_cancelled();
    run_options run;
    run.replication = first_replication + k;
    run.seed = seed;
    run.warmup_days = options.warmup_days;
    const auto edits = estimate_edits(e, draw_parameters(e, seed, run.replication));
    const prepared_scenario prepared(
        apply_edits(doc, std::vector<scenario_edit>(edits.begin(), edits.end())));
    results[k] = run_model(prepared, run);
    if (options.progress) {
      const std::lock_guard lock(progress_mutex);
      options.progress(++done, count);
    }
  });
  return results;
}

}  // namespace corridor

// Parameter uncertainty in runs: draws from the estimates' multivariate normal on their own stream, so the
// replications do not depend on threads; a zero standard error is the plain run with the estimates applied;
// a large one widens the spread of the metric the parameter moves.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "corridor/statistics.hpp"
#include "corridor/uncertainty.hpp"

namespace corridor {
namespace {

const std::filesystem::path scenarios = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios";

scenario_document toy() {
  return parse_document(to_yaml(load_scenario(scenarios / "two-terminals.yaml")), "two-terminals (resolved)");
}

parameter_estimate estimate(std::string name, std::string path, double value, std::optional<double> se,
                            double lo, double hi) {
  parameter_estimate p;
  p.name = std::move(name);
  p.paths = {std::move(path)};
  p.estimate = value;
  p.standard_error = se;
  p.min = lo;
  p.max = hi;
  p.status = se ? estimate_status::identified : estimate_status::not_identified;
  return p;
}

// The toy's westbound line speed (it sets the transit time), at 800 km/day with a given standard error.
calibration_estimates speed_estimates(double se) {
  calibration_estimates e;
  e.parameters = {estimate("speed", "edges.dostyk-lodz.speed_km_per_day", 800.0, se, 500.0, 1500.0)};
  e.correlation = {{1.0}};
  return e;
}

std::vector<std::vector<double>> values_of(const std::vector<run_result>& runs) {
  std::vector<std::vector<double>> out;
  for (const auto& r : runs) {
    out.emplace_back();
    for (const auto& [name, v] : r.flatten()) out.back().push_back(v);
  }
  return out;
}

double spread(const std::vector<run_result>& runs, const std::string& metric) {
  running_stats st;
  for (const auto& r : runs) {
    for (const auto& [name, v] : r.flatten()) {
      if (name == metric) st.add(v);
    }
  }
  return st.stddev();
}

// Var = 1 and 4, corr 0.8, so Cov = [[1, 1.6], [1.6, 4]]; 4,000 draws estimate each entry within ~0.1.
TEST(parameter_uncertainty, draws_have_the_estimates_covariance_and_depend_on_seed_and_replication_only) {
  calibration_estimates e;
  e.parameters = {estimate("a", "p.a", 10.0, 1.0, -100, 100), estimate("b", "p.b", -5.0, 2.0, -100, 100),
                  estimate("c", "p.c", 3.0, std::nullopt, 0, 10)};
  const double n = std::nan("");
  e.correlation = {{1.0, 0.8, n}, {0.8, 1.0, n}, {n, n, n}};
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  const int draws = 4000;
  for (int r = 0; r < draws; ++r) {
    const auto v = draw_parameters(e, 7, static_cast<std::uint64_t>(r));
    EXPECT_EQ(v[2], 3.0);  // not identified: at its estimate
    const double a = v[0] - 10.0, b = v[1] + 5.0;
    sa += a, sb += b, saa += a * a, sbb += b * b, sab += a * b;
  }
  EXPECT_NEAR(sa / draws, 0.0, 0.06);
  EXPECT_NEAR(sb / draws, 0.0, 0.12);
  EXPECT_NEAR(saa / draws, 1.0, 0.1);
  EXPECT_NEAR(sbb / draws, 4.0, 0.4);
  EXPECT_NEAR(sab / draws, 1.6, 0.2);
  EXPECT_EQ(draw_parameters(e, 7, 3), draw_parameters(e, 7, 3));
  EXPECT_NE(draw_parameters(e, 7, 3), draw_parameters(e, 7, 4));
  EXPECT_NE(draw_parameters(e, 8, 3), draw_parameters(e, 7, 3));
}

TEST(parameter_uncertainty, a_draw_beyond_a_bound_is_clamped_to_it) {
  const auto e = speed_estimates(1e6);
  bool low = false, high = false;
  for (std::uint64_t r = 0; r < 20; ++r) {
    const double v = draw_parameters(e, 1, r)[0];
    EXPECT_TRUE(v == 500.0 || v == 1500.0) << v;
    low |= v == 500.0;
    high |= v == 1500.0;
  }
  EXPECT_TRUE(low && high);
}

TEST(parameter_uncertainty, replications_are_the_same_on_one_thread_and_on_two) {
  const auto e = speed_estimates(60.0);
  replication_options one, two;
  one.threads = 1;
  two.threads = 2;
  const auto a = run_replications_with_uncertainty(toy(), e, 4, 0, one);
  const auto b = run_replications_with_uncertainty(toy(), e, 4, 0, two);
  EXPECT_EQ(values_of(a), values_of(b));
}

TEST(parameter_uncertainty, zero_standard_errors_give_the_plain_run_with_the_estimates_applied) {
  const auto e = speed_estimates(0.0);
  const auto doc = toy();
  const auto edits = estimate_edits(e, {800.0});
  const prepared_scenario fixed(apply_edits(doc, std::vector<scenario_edit>(edits.begin(), edits.end())));
  const auto plain = run_replications(fixed, 3);
  const auto drawn = run_replications_with_uncertainty(doc, e, 3);
  EXPECT_EQ(values_of(drawn), values_of(plain));
  // And the estimates did change the scenario (1000 km/day in the file).
  EXPECT_NE(values_of(run_replications(prepared_scenario(apply_edits(doc, {})), 3)), values_of(plain));
}

TEST(parameter_uncertainty, a_large_standard_error_widens_the_spread_of_the_metric_it_moves) {
  const auto doc = toy();
  const auto fixed = run_replications_with_uncertainty(doc, speed_estimates(0.0), 8);
  const auto uncertain = run_replications_with_uncertainty(doc, speed_estimates(150.0), 8);
  // 6,000 km at 800 +/- 150 km/day: the transit time moves by about a day and a half, the simulation noise
  // of the toy's mean transit is a tenth of a day.
  EXPECT_GT(spread(uncertain, "metrics.transit_days_mean"), 4.0 * spread(fixed, "metrics.transit_days_mean"));
}

TEST(parameter_uncertainty, names_the_estimates_file_line_of_a_path_the_scenario_lacks) {
  auto e = speed_estimates(10.0);
  e.parameters[0].paths = {"edges.dostyk-lodz.sped_km_per_day"};
  e.parameters[0].loc = {"est.yaml", 7, 5};
  try {
    run_replications_with_uncertainty(toy(), e, 1);
    FAIL() << "no scenario_error";
  } catch (const scenario_error& err) {
    EXPECT_NE(std::string(err.what()).find("est.yaml:7:5"), std::string::npos) << err.what();
  }
}

}  // namespace
}  // namespace corridor

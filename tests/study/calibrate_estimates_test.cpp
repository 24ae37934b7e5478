// Calibration's standard errors and identification on models with known answers: a linear model
// y = X beta + noise driven through the same fit (calibrate_model), whose covariance is the OLS formula
// sigma^2 (X'X)^-1; parameters that enter only as a sum; a parameter pushed to its bound. And the estimates
// file written by io and read back strictly.
#include <gtest/gtest.h>

#include <cmath>

#include "corridor/calibrate.hpp"
#include "corridor/estimates_io.hpp"

namespace corridor {
namespace {

// y_i = a + b x_i observed with sd 0.5 at x = 0 .. 5 (the "noise" fixed so the test is exact).
const std::vector<double> xs = {0, 1, 2, 3, 4, 5};
const std::vector<double> ys = {1.1, 2.9, 5.2, 6.8, 9.1, 11.0};
constexpr double sigma = 0.5;

calibration_spec spec_of(const std::vector<std::string>& names, double lo, double hi,
                         const std::vector<double>& observed, const std::string& spread = "sd: 0.5") {
  std::string text = "parameters:\n";
  for (const auto& n : names)
    text += "  - {name: " + n + ", path: p." + n + ", min: " + std::to_string(lo) +
            ", max: " + std::to_string(hi) + "}\n";
  text += "targets:\n";
  for (std::size_t i = 0; i < observed.size(); ++i)
    text += "  - {metric: y" + std::to_string(i) + ", value: " + std::to_string(observed[i]) + ", " + spread +
            "}\n";
  return parse_calibration(text, "linear.yaml", ".");
}

// The model mean f(values) at each x, with a given standard error of simulation noise.
calibration_model linear(std::function<double(const std::vector<double>&, double)> f, double se = 0.0) {
  return [f, se](const std::vector<double>& v) {
    calibration_model_values m;
    for (double x : xs) {
      m.mean.push_back(f(v, x));
      m.standard_error.push_back(se);
      m.half_width_95.push_back(1.96 * se);
    }
    return m;
  };
}

double line(const std::vector<double>& v, double x) {
  return v[0] + v[1] * x;
}

// OLS of y on (1, x): X'X = [[n, Sx], [Sx, Sxx]] = [[6, 15], [15, 55]], det = 330 - 225 = 105, so
// Var(a) = sigma^2 55 / 105, Var(b) = sigma^2 6 / 105, Cov(a, b) = -sigma^2 15 / 105,
// corr = -15 / sqrt(55 * 6) = -0.8257.
TEST(calibrate_estimates, standard_errors_of_a_linear_model_match_the_ols_formula) {
  const auto spec = spec_of({"a", "b"}, -20, 20, ys);
  const auto r = calibrate_model(spec, {0.0, 0.0}, linear(line));
  ASSERT_TRUE(r.estimates);
  const auto& e = *r.estimates;
  // The OLS estimates: b = Sxy' / Sxx' with centred sums, a = ybar - b xbar.
  double sy = 0, sxy = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) sy += ys[i], sxy += xs[i] * ys[i];
  const double b = (6 * sxy - 15 * sy) / 105.0, a = (sy - b * 15) / 6.0;
  EXPECT_NEAR(e.parameters[0].estimate, a, 1e-3);
  EXPECT_NEAR(e.parameters[1].estimate, b, 1e-3);
  ASSERT_TRUE(e.parameters[0].identified() && e.parameters[1].identified());
  EXPECT_NEAR(*e.parameters[0].standard_error, sigma * std::sqrt(55.0 / 105.0), 1e-9);
  EXPECT_NEAR(*e.parameters[1].standard_error, sigma * std::sqrt(6.0 / 105.0), 1e-9);
  EXPECT_NEAR(e.correlation[0][1], -15.0 / std::sqrt(55.0 * 6.0), 1e-9);
  EXPECT_DOUBLE_EQ(e.correlation[1][0], e.correlation[0][1]);
  EXPECT_DOUBLE_EQ(e.correlation[0][0], 1.0);
  EXPECT_NEAR(e.covariance()[0][1], -sigma * sigma * 15.0 / 105.0, 1e-9);
  EXPECT_NEAR(e.parameters[1].upper_95() - e.parameters[1].lower_95(),
              2 * 1.959964 * sigma * std::sqrt(6.0 / 105.0), 1e-6);
  EXPECT_FALSE(e.weights_scale);
  EXPECT_GT(e.condition_number, 1.0);
  EXPECT_LT(e.condition_number, 100.0);
}

// sd_eff^2 = sd^2 + se^2 with se = sd: every standard error grows by sqrt(2).
TEST(calibrate_estimates, simulation_noise_of_the_model_means_adds_to_the_observations_sd) {
  const auto spec = spec_of({"a", "b"}, -20, 20, ys);
  const auto r = calibrate_model(spec, {0.0, 0.0}, linear(line, sigma));
  EXPECT_NEAR(*r.estimates->parameters[0].standard_error, std::sqrt(2.0) * sigma * std::sqrt(55.0 / 105.0),
              1e-9);
  EXPECT_NEAR(*r.estimates->parameters[1].standard_error, std::sqrt(2.0) * sigma * std::sqrt(6.0 / 105.0),
              1e-9);
}

TEST(calibrate_estimates, two_parameters_that_enter_only_as_a_sum_are_not_identified) {
  const auto spec = spec_of({"a1", "a2", "b"}, -20, 20, ys);
  const auto r =
      calibrate_model(spec, {0.0, 0.5, 0.0},
                      linear([](const std::vector<double>& v, double x) { return v[0] + v[1] + v[2] * x; }));
  const auto& e = *r.estimates;
  for (std::size_t i : {0u, 1u}) {
    EXPECT_EQ(e.parameters[i].status, estimate_status::not_identified) << e.parameters[i].name;
    EXPECT_FALSE(e.parameters[i].standard_error);
    EXPECT_TRUE(std::isnan(e.correlation[i][2]));
  }
  EXPECT_NE(e.parameters[0].note.find("only together with a2"), std::string::npos) << e.parameters[0].note;
  // b alone, the sum held at its estimate: Var(b) = sigma^2 / Sxx = 0.25 / 55.
  ASSERT_TRUE(e.parameters[2].identified());
  EXPECT_NEAR(*e.parameters[2].standard_error, sigma / std::sqrt(55.0), 1e-9);
  EXPECT_EQ(e.identified_count(), 1u);
  EXPECT_EQ(e.covariance()[0][2], 0.0);  // nothing is known of a1's covariance with b: 0, not drawn
  EXPECT_GT(e.singular_values.front() / e.singular_values.back(), identification_condition_limit);
}

TEST(calibrate_estimates, a_parameter_that_moves_no_target_is_not_identified) {
  const auto spec = spec_of({"a", "b", "unused"}, -20, 20, ys);
  const auto r = calibrate_model(spec, {0.0, 0.0, 3.0}, linear(line));
  const auto& p = r.estimates->parameters[2];
  EXPECT_EQ(p.status, estimate_status::not_identified);
  EXPECT_NE(p.note.find("moves no target"), std::string::npos) << p.note;
  EXPECT_NEAR(*r.estimates->parameters[1].standard_error, sigma * std::sqrt(6.0 / 105.0), 1e-9);
}

// The slope is about 2, its upper bound 1: the fit stops there and says so instead of giving an SE.
TEST(calibrate_estimates, a_parameter_at_its_bound_is_flagged_and_has_no_standard_error) {
  auto spec = spec_of({"a", "b"}, -20, 20, ys);
  spec.parameters[1].max = 1.0;
  const auto r = calibrate_model(spec, {0.0, 0.0}, linear(line));
  const auto& e = *r.estimates;
  EXPECT_DOUBLE_EQ(e.parameters[1].estimate, 1.0);
  EXPECT_EQ(e.parameters[1].status, estimate_status::at_upper_bound);
  EXPECT_FALSE(e.parameters[1].standard_error);
  EXPECT_TRUE(std::isnan(e.parameters[1].lower_95()));
  // a with b fixed: Var(a) = sigma^2 / n.
  ASSERT_TRUE(e.parameters[0].identified());
  EXPECT_NEAR(*e.parameters[0].standard_error, sigma / std::sqrt(6.0), 1e-9);
}

TEST(calibrate_estimates, weights_instead_of_sds_put_the_errors_on_the_weights_scale) {
  const auto spec = spec_of({"a", "b"}, -20, 20, ys, "weight: 4");  // weight 4 = sd 0.5
  const auto r = calibrate_model(spec, {0.0, 0.0}, linear(line));
  EXPECT_TRUE(r.estimates->weights_scale);
  EXPECT_NEAR(*r.estimates->parameters[1].standard_error, sigma * std::sqrt(6.0 / 105.0), 1e-9);
}

// A quadratic fit (three correlated estimates) and a parameter that moves nothing (nulls in the file).
TEST(estimates_file, reads_back_what_io_writes) {
  const auto spec = spec_of({"a", "b", "c", "unused"}, -20, 20, ys);
  auto e = *calibrate_model(spec, {0.0, 0.0, 0.0, 1.0}, linear([](const std::vector<double>& v, double x) {
                              return v[0] + v[1] * x + v[2] * x * x;
                            }))
                .estimates;
  ASSERT_EQ(e.identified_count(), 3u);
  for (std::size_t i = 0; i < 4; ++i) {
    for (std::size_t j = 0; j < 4; ++j) {
      if (!std::isnan(e.correlation[i][j])) {
        EXPECT_EQ(e.correlation[i][j], e.correlation[j][i]);  // exactly: the reader checks symmetry
      }
    }
  }
  e.scenario = "scenarios/two-terminals.yaml";
  e.targets = "t \"quoted\".yaml";
  const std::string text = estimates_yaml(e, "header line\n\nanother");
  EXPECT_EQ(text.rfind("# header line\n#\n# another\nscenario: \"scenarios/two-terminals.yaml\"\n", 0), 0u)
      << text;
  const auto back = parse_estimates(text, "e.yaml");
  EXPECT_EQ(back.scenario, e.scenario);
  EXPECT_EQ(back.targets, e.targets);
  ASSERT_EQ(back.parameters.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(back.parameters[i].name, e.parameters[i].name);
    EXPECT_EQ(back.parameters[i].paths, e.parameters[i].paths);
    EXPECT_EQ(back.parameters[i].estimate, e.parameters[i].estimate);
    EXPECT_EQ(back.parameters[i].standard_error, e.parameters[i].standard_error);
    EXPECT_EQ(back.parameters[i].status, e.parameters[i].status);
    EXPECT_EQ(back.parameters[i].note, e.parameters[i].note);
    for (std::size_t j = 0; j < 4; ++j) {
      EXPECT_EQ(std::isnan(back.correlation[i][j]), std::isnan(e.correlation[i][j]));
      if (!std::isnan(e.correlation[i][j])) {
        EXPECT_EQ(back.correlation[i][j], e.correlation[i][j]);
      }
    }
  }
  EXPECT_EQ(back.singular_values, e.singular_values);
  EXPECT_EQ(back.condition_number, e.condition_number);
}

std::string error_of(const std::string& text) {
  try {
    parse_estimates(text, "e.yaml");
  } catch (const calibrate_error& e) {
    return e.what();
  }
  return "no calibrate_error";
}

const std::string good_parameter =
    "  - {name: a, paths: [p.a], estimate: 1, standard_error: 0.5, bounds: [0, 2], identified: true}\n";

TEST(estimates_file, rejects_unknown_keys_wrong_types_and_bad_matrices_with_their_place) {
  EXPECT_EQ(
      error_of("parameters:\n" + good_parameter + "correlation: [[1]]\nsd: 3\n"),
      "e.yaml:4:1: unknown key 'sd' in the estimates file (expected one of: condition_number, correlation, "
      "parameters, scale, scenario, singular_values, targets)");
  EXPECT_EQ(
      error_of("parameters:\n  - {name: a, paths: [p.a], estimate: x, standard_error: 0.5, bounds: [0, 2], "
               "identified: true}\ncorrelation: [[1]]\n"),
      "e.yaml:2:39: estimate must be a number");
  EXPECT_EQ(
      error_of("parameters:\n  - {name: a, paths: [p.a], estimate: 1, standard_error: 0.5, bounds: [0, 2], "
               "identified: yes please}\ncorrelation: [[1]]\n"),
      "e.yaml:2:91: identified must be true or false");
  EXPECT_EQ(
      error_of("parameters:\n  - {name: a, paths: [p.a], estimate: 1, standard_error: null, bounds: [0, 2], "
               "identified: true}\ncorrelation: [[1]]\n"),
      "e.yaml:2:58: an identified parameter needs a standard_error >= 0");
  EXPECT_EQ(error_of("parameters:\n" + good_parameter + "correlation: [[0.5]]\n"),
            "e.yaml:3:16: the diagonal of correlation must be 1");
  EXPECT_EQ(
      error_of(
          "parameters:\n" + good_parameter +
          "  - {name: b, paths: [p.b], estimate: 1, standard_error: 0.5, bounds: [0, 2], identified: true}\n"
          "correlation: [[1, 0.3], [0.2, 1]]\n"),
      "e.yaml:4:26: correlation must be symmetric");
  EXPECT_EQ(error_of("parameters:\n" + good_parameter + "correlation: [[1], [1]]\n"),
            "e.yaml:3:14: correlation must have one row per parameter (1)");
}

}  // namespace
}  // namespace corridor

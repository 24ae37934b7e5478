// Calibration: the targets file's strict checks, recovery of a known parameter on the toy scenario, and the
// fitted overlay loading back to the fitted values.
#include <gtest/gtest.h>

#include <filesystem>

#include "corridor/calibrate.hpp"

namespace corridor {
namespace {

const std::filesystem::path scenarios = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios";

scenario_document toy_base() {
  return parse_document(to_yaml(load_scenario(scenarios / "two-terminals.yaml")), "two-terminals (resolved)");
}

calibration_spec speed_spec(double target_days, double start) {
  return parse_calibration(
      "parameters:\n"
      "  - {name: speed, path: edges.dostyk-lodz.speed_km_per_day, min: 500, max: 1500, start: " +
          std::to_string(start) +
          "}\n"
          "targets:\n"
          "  - {metric: metrics.transit_days_mean, value: " +
          std::to_string(target_days) + ", sd: 0.05, source: synthetic}\n",
      "toy.yaml", scenarios);
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const calibrate_error& e) {
    return e.what();
  }
  return "no calibrate_error";
}

TEST(calibrate_spec, reads_parameters_targets_and_their_options) {
  const auto spec = parse_calibration(
      "scenario: baseline-2025.yaml\n"
      "parameters:\n"
      "  - {path: route_choice.logit_scale_per_usd, min: 0.001, max: 0.01}\n"
      "  - {name: transsib, paths: [edges.a.x, edges.b.x], min: 0.1, max: 0.3, start: 0.2}\n"
      "targets:\n"
      "  - {metric: metrics.share_central_asia_trains, value: 0.725, sd: 0.0125}\n"
      "  - {metric: [ferries.a.teu, ferries.b.teu], value: 50000, weight: 1e-8, per_year: true, source: s}\n",
      "t.yaml", "/dir");
  EXPECT_EQ(spec.scenario, std::filesystem::path("/dir/baseline-2025.yaml"));
  ASSERT_EQ(spec.parameters.size(), 2u);
  EXPECT_EQ(spec.parameters[0].name, "route_choice.logit_scale_per_usd");
  EXPECT_FALSE(spec.parameters[0].start);
  EXPECT_EQ(spec.parameters[1].paths.size(), 2u);
  EXPECT_DOUBLE_EQ(*spec.parameters[1].start, 0.2);
  ASSERT_EQ(spec.targets.size(), 2u);
  EXPECT_DOUBLE_EQ(*spec.targets[0].sd, 0.0125);
  EXPECT_TRUE(spec.targets[1].per_year);
  EXPECT_DOUBLE_EQ(*spec.targets[1].weight, 1e-8);
  EXPECT_EQ(spec.targets[1].label(), "ferries.a.teu + ferries.b.teu");
}

TEST(calibrate_spec, rejects_unknown_keys_bad_bounds_and_missing_spread_with_their_place) {
  const auto parse = [](const std::string& text) { parse_calibration(text, "t.yaml", "."); };
  EXPECT_EQ(message_of([&] {
              parse(
                  "parameters:\n  - {path: a.b, min: 0, max: 1, step: 2}\ntargets:\n  - {metric: m, value: "
                  "1, sd: 1}\n");
            }).rfind("t.yaml:2:33: unknown key 'step' in a parameter", 0),
            0u);
  EXPECT_NE(
      message_of([&] {
        parse("parameters:\n  - {path: a.b, min: 2, max: 1}\ntargets:\n  - {metric: m, value: 1, sd: 1}\n");
      }).find("max must be greater than min"),
      std::string::npos);
  EXPECT_NE(message_of([&] {
              parse("parameters:\n  - {path: a.b, min: 0, max: 1}\ntargets:\n  - {metric: m, value: 1}\n");
            }).find("t.yaml:4:5: target 'm' needs 'sd' or 'weight'"),
            std::string::npos);
  EXPECT_NE(message_of([&] {
              parse(
                  "parameters:\n  - {path: a.b, min: 0, max: 1}\n  - {path: a.c, min: 0, max: 1}\n"
                  "targets:\n  - {metric: m, value: 1, sd: 1}\n");
            }).find("2 parameters need at least as many targets"),
            std::string::npos);
}

TEST(calibrate, names_a_path_the_scenario_does_not_have) {
  const auto spec = parse_calibration(
      "parameters:\n  - {path: edges.dostyk-lodz.sped_km_per_day, min: 1, max: 2}\n"
      "targets:\n  - {metric: metrics.transit_days_mean, value: 1, sd: 1}\n",
      "t.yaml", scenarios);
  const auto msg = message_of([&] { calibrate(spec, toy_base()); });
  EXPECT_NE(
      msg.find("t.yaml:2:5: parameter 'edges.dostyk-lodz.sped_km_per_day': parameter path "
               "'edges.dostyk-lodz.sped_km_per_day': no 'sped_km_per_day' in 'edges.dostyk-lodz'; did you "
               "mean 'speed_km_per_day'?"),
      std::string::npos)
      << msg;
}

TEST(calibrate, names_a_metric_the_model_does_not_report) {
  auto spec = speed_spec(10.0, 1000.0);
  spec.targets[0].metrics = {"crossings.dostyk.trianz"};
  calibration_options opt;
  opt.seeds = 2;
  const auto msg = message_of([&] { calibrate(spec, toy_base(), opt); });
  EXPECT_NE(msg.find("no metric 'crossings.dostyk.trianz'"), std::string::npos) << msg;
}

TEST(calibrate, recovers_the_speed_that_produced_the_observed_transit_time) {
  calibration_options opt;
  opt.seeds = 3;
  const auto base = toy_base();
  const double observed = evaluate_calibration(speed_spec(0.0, 800.0), base, {800.0}, opt).model[0];
  const auto result = calibrate(speed_spec(observed, 1300.0), base, opt);
  EXPECT_GT(result.start.objective, 100.0 * result.fitted.objective);
  EXPECT_NEAR(result.fitted.values[0], 800.0, 25.0);
  EXPECT_NEAR(result.fitted.model[0], observed, 0.1);
  EXPECT_FALSE(result.steps.empty());
  // The speed is identified, and its 95 % interval (observation sd 0.05 d and the noise of 3 seeds) holds
  // the speed that produced the observation.
  ASSERT_TRUE(result.estimates);
  const auto& est = result.estimates->parameters[0];
  EXPECT_TRUE(est.identified()) << est.note;
  EXPECT_GT(*est.standard_error, 0.0);
  EXPECT_LT(est.lower_95(), 800.0);
  EXPECT_GT(est.upper_95(), 800.0);
  EXPECT_EQ(est.paths, std::vector<std::string>{"edges.dostyk-lodz.speed_km_per_day"});
}

TEST(calibrate, keeps_every_parameter_within_its_bounds) {
  calibration_options opt;
  opt.seeds = 2;
  // A transit time faster than the fastest allowed speed can give: the fit stops at the upper bound.
  const auto result = calibrate(speed_spec(1.0, 900.0), toy_base(), opt);
  EXPECT_DOUBLE_EQ(result.fitted.values[0], 1500.0);
  ASSERT_TRUE(result.estimates);
  EXPECT_EQ(result.estimates->parameters[0].status, estimate_status::at_upper_bound);
  EXPECT_FALSE(result.estimates->parameters[0].standard_error);
}

TEST(calibrate, writes_an_overlay_that_loads_back_to_the_fitted_values) {
  calibration_options opt;
  opt.seeds = 2;
  opt.max_iterations = 2;
  const auto spec = speed_spec(11.0, 1000.0);
  const auto result = calibrate(spec, toy_base(), opt);
  const std::string overlay = edits_overlay_yaml(toy_base(), result.fitted_edits, "two-terminals.yaml");
  EXPECT_EQ(overlay.rfind("extends: two-terminals.yaml\n", 0), 0u) << overlay;
  const scenario s = load_scenario_text(overlay, "fitted.yaml", scenarios);
  const auto* e = s.find_edge("dostyk-lodz");
  ASSERT_NE(e, nullptr);
  EXPECT_NEAR(e->speed_km_per_day, result.fitted.values[0], 1e-9);
  EXPECT_EQ(e->distance_km, 6000.0);  // the rest of the entry comes from the base
}

}  // namespace
}  // namespace corridor

// calibrate --estimates and run --parameter-uncertainty end to end: the estimates file a fit writes, runs
// that draw from it independent of threads and saying what their intervals hold, and a damaged estimates
// file refused with its place.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli_support.hpp"

namespace corridor::testing {
namespace {

namespace fs = std::filesystem;

const std::string toy = scenarios + "two-terminals.yaml";

// The toy's westbound speed fitted to a mean transit of 11 days; writes DIR/targets.yaml and DIR/est.yaml.
outcome fit_speed(const fs::path& dir) {
  fs::create_directories(dir);
  std::ofstream(dir / "targets.yaml")
      << "parameters:\n  - {name: speed, path: edges.dostyk-lodz.speed_km_per_day, min: 500, max: 1500}\n"
         "targets:\n  - {metric: metrics.transit_days_mean, value: 11, sd: 0.1}\n";
  return corridor("calibrate " + toy + " --targets " + (dir / "targets.yaml").string() +
                  " -r 2 -q --estimates " + (dir / "est.yaml").string());
}

TEST(cli_estimates, calibrate_prints_standard_errors_and_writes_the_estimates_file) {
  const fs::path dir = fresh_dir("estimates-fit");
  const outcome fit = fit_speed(dir);
  ASSERT_EQ(fit.exit_code, 0) << fit.output;
  for (const char* text : {"std. error", "95 % interval", "identified", "correlation", "condition number"})
    EXPECT_NE(fit.output.find(text), std::string::npos) << text << "\n" << fit.output;
  const std::string est = slurp(dir / "est.yaml");
  for (const char* key : {"\nscenario: ", "\ntargets: ", "\n  - name: \"speed\"\n",
                          "\n    standard_error: ", "\n    bounds: [500, 1500]\n", "\n    identified: true\n",
                          "\ncorrelation:\n  - [1]\n"})
    EXPECT_NE(est.find(key), std::string::npos) << key << "\n" << est;
}

TEST(cli_estimates, a_run_with_parameter_uncertainty_is_the_same_on_one_thread_and_two_and_says_so) {
  const fs::path dir = fresh_dir("estimates-run");
  ASSERT_EQ(fit_speed(dir).exit_code, 0);
  const std::string est = (dir / "est.yaml").string();
  const auto run = [&](const std::string& threads) {
    return corridor("run " + toy + " -r 3 -t " + threads + " -q --reproducible --parameter-uncertainty " +
                    est + " -o " + (dir / ("t" + threads)).string());
  };
  const outcome one = run("1"), two = run("2");
  ASSERT_EQ(one.exit_code, 0) << one.output;
  ASSERT_EQ(two.exit_code, 0) << two.output;
  const std::string says = "simulation noise and parameter uncertainty (1 parameter from " + est + ")";
  EXPECT_NE(one.output.find("95 % intervals: " + says), std::string::npos) << one.output;
  for (const char* file : {"summary.json", "replications.csv", "metrics.csv"})
    EXPECT_EQ(slurp(dir / "t1" / file), slurp(dir / "t2" / file)) << file;
  EXPECT_NE(slurp(dir / "t1" / "summary.json").find("\"intervals\": \"" + says + "\""), std::string::npos);
  // A plain run says nothing of intervals: its files are what they were before.
  const outcome plain = corridor("run " + toy + " -r 2 -q --reproducible -o " + (dir / "plain").string());
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  EXPECT_EQ(plain.output.find("95 % intervals"), std::string::npos);
  EXPECT_EQ(slurp(dir / "plain" / "summary.json").find("intervals"), std::string::npos);
}

TEST(cli_estimates, a_damaged_estimates_file_exits_2_with_its_place_and_misuse_exits_64) {
  const fs::path dir = fresh_dir("estimates-bad");
  fs::create_directories(dir);
  std::ofstream(dir / "est.yaml")
      << "parameters:\n  - {name: speed, paths: [edges.dostyk-lodz.speed_km_per_day], "
         "estimate: 900, standard_error: 10, bounds: [500, 1500], identified: 1.5}\n"
         "correlation: [[1]]\n";
  const outcome bad = corridor("run " + toy + " --parameter-uncertainty " + (dir / "est.yaml").string());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("est.yaml:2:132: identified must be true or false"), std::string::npos)
      << bad.output;
  const outcome with_precision =
      corridor("run " + toy + " --precision 0.1 --parameter-uncertainty " + (dir / "est.yaml").string());
  EXPECT_EQ(with_precision.exit_code, 64) << with_precision.output;
  const outcome evaluate = corridor("calibrate " + toy + " --targets " + (dir / "est.yaml").string() +
                                    " --evaluate --estimates " + (dir / "e2.yaml").string());
  EXPECT_EQ(evaluate.exit_code, 64) << evaluate.output;
}

}  // namespace
}  // namespace corridor::testing

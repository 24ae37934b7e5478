// The corridor CLI end to end: outputs, reproducibility, and what bad input does to the exit code and to
// files already written.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_support.hpp"

namespace corridor::testing {
namespace {

namespace fs = std::filesystem;

// The headline share's rows name the scenario's share region and report regions (the bundled scenarios'
// "Via Central Asia, share of China-Europe trains" is in tests/golden/).
TEST(cli_run, labels_the_headline_share_with_the_scenarios_regions) {
  const outcome o = corridor("run " + std::string(CORRIDOR_SOURCE_DIR) +
                             "/tests/scenario/fixtures/share-caucasus.yaml -r 2 --quiet");
  ASSERT_EQ(o.exit_code, 0) << o.output;
  EXPECT_NE(o.output.find("Via the Caucasus, share of China-Europe trains"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("Via the Caucasus, share of China-Europe TEU"), std::string::npos) << o.output;
  EXPECT_EQ(o.output.find("Central Asia"), std::string::npos) << o.output;
}

TEST(cli_run, writes_every_required_summary_key_as_a_number) {
  const fs::path out = fresh_dir("keys");
  const outcome o = corridor("run " + scenarios + "two-terminals.yaml --quiet --out " + out.string());
  ASSERT_EQ(o.exit_code, 0) << o.output;
  const auto j = nlohmann::json::parse(slurp(out / "summary.json"));
  for (const char* key :
       {"throughput_teu_per_day", "throughput_trains_per_day", "cost_usd_per_teu", "transit_days_mean",
        "transit_days_p50", "transit_days_p95", "share_central_asia_trains", "share_central_asia_teu",
        "containers_entered", "containers_delivered", "containers_in_system"}) {
    ASSERT_TRUE(j["metrics"].contains(key)) << key;
    EXPECT_TRUE(j["metrics"][key].is_number()) << key;
  }
  ASSERT_TRUE(j["crossings"].contains("dostyk"));
  for (const char* key : {"trains", "utilization", "mean_wait_h", "mean_queue_trains"}) {
    EXPECT_TRUE(j["crossings"]["dostyk"][key].is_number()) << key;
  }
  for (const char* key : {"seed", "events", "wall_seconds", "version"})
    EXPECT_TRUE(j["run"].contains(key)) << key;
  const double entered = j["metrics"]["containers_entered"];
  const double delivered = j["metrics"]["containers_delivered"];
  const double in_system = j["metrics"]["containers_in_system"];
  EXPECT_GT(delivered, 0.0);
  EXPECT_EQ(entered, delivered + in_system);
}

TEST(cli_run, same_seed_gives_byte_identical_files_when_reproducible) {
  const fs::path a = fresh_dir("repro-a");
  const fs::path b = fresh_dir("repro-b");
  const std::string common =
      "run " + scenarios + "two-terminals.yaml -r 3 --seed 7 --reproducible --quiet --out ";
  ASSERT_EQ(corridor(common + a.string() + " -t 1").exit_code, 0);
  ASSERT_EQ(corridor(common + b.string() + " -t 2").exit_code, 0);
  for (const char* f :
       {"summary.json", "replications.csv", "daily.csv", "routes.csv", "crossings.csv", "flows.geojson"}) {
    EXPECT_EQ(slurp(a / f), slurp(b / f)) << f << " differs between 1 and 2 threads";
  }
}

TEST(cli_run, a_different_seed_changes_the_results) {
  const fs::path a = fresh_dir("seed-a");
  const fs::path b = fresh_dir("seed-b");
  ASSERT_EQ(
      corridor("run " + scenarios + "two-terminals.yaml --seed 1 --quiet --out " + a.string()).exit_code, 0);
  ASSERT_EQ(
      corridor("run " + scenarios + "two-terminals.yaml --seed 2 --quiet --out " + b.string()).exit_code, 0);
  EXPECT_NE(slurp(a / "replications.csv"), slurp(b / "replications.csv"));
}

// The baseline's summary speaks of markets, report shares and gateways by id; the legacy headline share is
// the first report share (the seed article's population), to the last bit.
TEST(cli_run, baseline_summary_reports_markets_shares_and_gateways) {
  const fs::path out = fresh_dir("baseline");
  const outcome o = corridor("run " + scenarios + "baseline-2025.yaml --quiet --out " + out.string());
  ASSERT_EQ(o.exit_code, 0) << o.output;
  const auto j = nlohmann::json::parse(slurp(out / "summary.json"));
  const double share = j["metrics"]["share_central_asia_trains"];
  EXPECT_EQ(share, static_cast<double>(j["shares"]["cr_express_europe_via_central_asia"]["trains"]));
  EXPECT_GT(share, 0.5);
  EXPECT_LT(share, 0.85);
  for (const char* id : {"cn-eu", "eu-cn", "cn-rb", "rb-cn", "cn-ca", "ca-cn", "cn-tc", "tc-cn", "ca-tc"}) {
    ASSERT_TRUE(j["markets"].contains(id)) << id;
    const double rail = j["markets"][id]["rail_share"];
    EXPECT_GT(rail, 0.0) << id;
    EXPECT_LT(rail, 1.0) << id;
  }
  // Demand of all modes is what the scenario gives the market: 9 M TEU China -> EU.
  EXPECT_NEAR(static_cast<double>(j["markets"]["cn-eu"]["demand_teu_per_year"]), 9e6, 1.0);
  for (const char* id : {"alashankou", "khorgos", "erenhot", "manzhouli", "suifenhe"})
    EXPECT_TRUE(j["gateways"].contains(id)) << id;
  EXPECT_GT(static_cast<double>(j["gateways"]["khorgos"]["trains"]), 1000.0);
}

TEST(cli_errors, a_broken_scenario_exits_2_naming_file_line_and_column_and_keeps_old_outputs) {
  const fs::path dir = fresh_dir("broken");
  fs::create_directories(dir);
  const fs::path bad = dir / "bad.yaml";
  std::ofstream(bad) << "name: bad\nhorizon_days: -5\nregions: {china: [CN]}\n";
  const fs::path out = dir / "out";
  fs::create_directories(out);
  std::ofstream(out / "summary.json") << "previous";
  const outcome o = corridor("run " + bad.string() + " --quiet --out " + out.string());
  EXPECT_EQ(o.exit_code, 2) << o.output;
  EXPECT_NE(o.output.find("bad.yaml:2:"), std::string::npos) << o.output;
  EXPECT_EQ(slurp(out / "summary.json"), "previous");
}

TEST(cli_errors, validate_reports_errors_and_exits_non_zero) {
  const fs::path dir = fresh_dir("validate");
  fs::create_directories(dir);
  const fs::path bad = dir / "typo.yaml";
  std::ofstream(bad) << "name: typo\nhorizon_dayz: 30\n";
  const outcome o = corridor("validate " + bad.string());
  EXPECT_NE(o.exit_code, 0);
  EXPECT_NE(o.output.find("typo.yaml:2:1"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("horizon_days"), std::string::npos) << "no did-you-mean: " << o.output;
}

TEST(cli_errors, validate_prints_each_files_errors_on_lines_of_their_own) {
  const fs::path dir = fresh_dir("validate-two");
  fs::create_directories(dir);
  std::ofstream(dir / "a.yaml") << "extends: \"\"\n";
  std::ofstream(dir / "b.yaml") << "extends: [x]\n";
  const outcome o = corridor("validate " + (dir / "a.yaml").string() + " " + (dir / "b.yaml").string());
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(o.output,
            (dir / "a.yaml").string() +
                ":1:10: error: extends: expected the file name of a base scenario, got an empty name\n" +
                (dir / "b.yaml").string() +
                ":1:10: error: extends: expected the file name of a base scenario, got a list\n");
}

TEST(cli_errors, a_base_outside_the_scenarios_folder_needs_allow_outside) {
  const fs::path dir = fresh_dir("outside");
  fs::create_directories(dir / "variants");
  fs::copy_file(scenarios + "two-terminals.yaml", dir / "two-terminals.yaml");
  const fs::path variant = dir / "variants" / "longer.yaml";
  std::ofstream(variant) << "extends: ../two-terminals.yaml\nhorizon_days: 90\n";
  const outcome refused = corridor("validate " + variant.string());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.output.find("is outside the scenario's folder tree"), std::string::npos)
      << refused.output;
  for (const char* command : {"validate", "show", "run"}) {
    const outcome allowed = corridor(std::string(command) + " --allow-outside " + variant.string() + " -q");
    EXPECT_EQ(allowed.exit_code, 0) << command << ": " << allowed.output;
  }
}

TEST(cli_compare, a_scenario_against_itself_differs_by_exactly_zero) {
  const fs::path out = fresh_dir("self-compare");
  const std::string s = scenarios + "two-terminals.yaml";
  const outcome o = corridor("compare " + s + " " + s + " -r 3 --quiet --out " + out.string());
  ASSERT_EQ(o.exit_code, 0) << o.output;
  const auto j = nlohmann::json::parse(slurp(out / "compare.json"));
  ASSERT_FALSE(j["rows"].empty());
  for (const auto& row : j["rows"]) {
    EXPECT_EQ(static_cast<double>(row["diff"]), 0.0) << row["name"];
    EXPECT_FALSE(static_cast<bool>(row["significant"])) << row["name"];
  }
}

// A file that cannot be written is a file error, exit 3, whichever command writes it.
TEST(cli_errors, an_unwritable_output_exits_3_for_run_calibrate_and_a_sweep_plan) {
  const fs::path dir = fresh_dir("unwritable");
  fs::create_directories(dir);
  std::ofstream(dir / "file") << "a file, not a folder\n";
  const fs::path blocked = dir / "file" / "out";
  const std::string toy = scenarios + "two-terminals.yaml";
  const outcome run = corridor("run " + toy + " --quiet --out " + blocked.string());
  EXPECT_EQ(run.exit_code, 3) << run.output;
  const fs::path targets = dir / "targets.yaml";
  std::ofstream(targets)
      << "parameters:\n  - {path: edges.dostyk-lodz.speed_km_per_day, min: 500, max: 1500}\n"
         "targets:\n  - {metric: metrics.transit_days_mean, value: 12, sd: 1}\n";
  const outcome fit = corridor("calibrate " + toy + " --targets " + targets.string() +
                               " --evaluate --seeds 1 --quiet --out " + (blocked / "fit.yaml").string());
  EXPECT_EQ(fit.exit_code, 3) << fit.output;
  EXPECT_NE(fit.output.find("file/out: cannot create directory"), std::string::npos) << fit.output;
  const outcome plan =
      corridor("sweep plan " + scenarios + "sweeps/khorgos-dostyk-grid.yaml --out " + blocked.string());
  EXPECT_EQ(plan.exit_code, 3) << plan.output;
  const outcome status = corridor("sweep status " + dir.string());
  EXPECT_EQ(status.exit_code, 3) << status.output;
  EXPECT_NE(status.output.find("not a sweep folder"), std::string::npos) << status.output;
}

// Every file under `dir` with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = slurp(e.path());
  }
  return files;
}

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A re-run that fails while writing (a file-size limit stands for a full disk) or dies while writing
// (SIGXFSZ's default) leaves the previous run's folder whole: before, the new summary.json sat beside the old
// run.json. The 32 KB limit stops the run at its first larger file (daily_long.csv, ~35 KB), after
// summary.json and the other wide files of the new run were written.
TEST(cli_outputs, a_run_that_fails_or_dies_while_writing_leaves_the_old_folder_whole) {
  const fs::path root = fresh_dir("atomic");
  const fs::path out = root / "out";
  const std::string toy = scenarios + "two-terminals.yaml";
  const std::string rerun =
      std::string(CORRIDOR_EXE) + " run " + toy + " -q --seed 222 --report -o " + out.string();
  ASSERT_EQ(corridor("run " + toy + " -q --seed 111 -o " + out.string()).exit_code, 0);
  const auto old = snapshot(out);

  const outcome failed = run_command("bash -c \"trap '' XFSZ; ulimit -f 32; " + rerun + "\" 2>&1");
  EXPECT_EQ(failed.exit_code, 3) << failed.output;
  EXPECT_NE(failed.output.find("daily_long.csv: cannot write: File too large"), std::string::npos)
      << failed.output;
  EXPECT_EQ(snapshot(out), old);
  EXPECT_EQ(entries(root), std::vector<std::string>{"out"});  // the temporary was removed

  const outcome killed = run_command("bash -c \"ulimit -f 32; exec " + rerun + "\" 2>&1");
  EXPECT_TRUE(killed.exit_code == -1 || killed.exit_code == 128 + SIGXFSZ) << killed.exit_code;
  EXPECT_EQ(snapshot(out), old);
  EXPECT_EQ(entries(root).size(), 2u);  // the folder, and the dead run's temporary

  ASSERT_EQ(run_command(rerun).exit_code, 0);
  EXPECT_EQ(entries(root), std::vector<std::string>{"out"});  // the dead run's temporary is cleaned up
  const auto now = snapshot(out);
  EXPECT_TRUE(now.contains("report.html"));
  EXPECT_NE(now.at("summary.json"), old.at("summary.json"));
}

// SIGKILL at 20 moments spread over a re-run (loading, running, writing, swapping): the folder is all old or
// all new every time, whichever moment the kill lands on.
TEST(cli_outputs, sigkill_at_any_moment_of_a_rerun_leaves_the_folder_all_old_or_all_new) {
  const fs::path root = fresh_dir("sigkill");
  const fs::path out = root / "out";
  const auto command = [&](int seed) {
    return std::string(CORRIDOR_EXE) + " run " + scenarios +
           "two-terminals.yaml -q -r 4 --report --reproducible --seed " + std::to_string(seed) + " -o " +
           out.string() + " >/dev/null 2>&1";
  };
  ASSERT_EQ(run_command(command(111)).exit_code, 0);
  const auto old = snapshot(out);
  std::vector<std::map<std::string, std::string>> seen;
  for (int k = 0; k < 20; ++k) {
    const std::string delay = std::to_string(0.005 + 0.01 * k);
    // --foreground: timeout kills corridor alone and reaps it (else it kills itself too, leaving an orphan).
    run_command("timeout --foreground -s KILL " + delay + " " + command(222));
    seen.push_back(snapshot(out));
  }
  ASSERT_EQ(run_command(command(222)).exit_code, 0);
  const auto fresh = snapshot(out);
  ASSERT_NE(fresh, old);
  for (std::size_t k = 0; k < seen.size(); ++k)
    EXPECT_TRUE(seen[k] == old || seen[k] == fresh) << "kill " << k;
  EXPECT_EQ(entries(root), std::vector<std::string>{"out"});  // every killed run's temporary is gone
}

// --out replaces the folder whole, so it must be corridor's: a folder of other files is refused, untouched.
TEST(cli_outputs, a_folder_of_other_files_is_not_replaced) {
  const fs::path dir = fresh_dir("not-outputs");
  fs::create_directories(dir);
  std::ofstream(dir / "notes.txt") << "mine\n";
  const outcome o = corridor("run " + scenarios + "two-terminals.yaml -q -o " + dir.string());
  EXPECT_EQ(o.exit_code, 3) << o.output;
  EXPECT_NE(o.output.find("holds files that are not corridor outputs"), std::string::npos) << o.output;
  EXPECT_EQ(entries(dir), std::vector<std::string>{"notes.txt"});
}

}  // namespace
}  // namespace corridor::testing

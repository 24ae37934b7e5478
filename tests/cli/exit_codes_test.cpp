// The CLI's documented exit codes (README.md, "Exit codes"), one test each, and the promises that go with
// them: every message ends with a newline, every number on the command line is checked before anything
// runs, the same short flags everywhere, and an example in every subcommand's --help.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_support.hpp"

namespace corridor::testing {
namespace {

namespace fs = std::filesystem;

const std::string toy = scenarios + "two-terminals.yaml";
const std::string grid = scenarios + "sweeps/khorgos-dostyk-grid.yaml";
const std::string targets = scenarios + "targets/targets-2025.yaml";

void expect_exit(const std::string& args, int code, const std::string& says = "") {
  const outcome o = corridor(args);
  EXPECT_EQ(o.exit_code, code) << "corridor " << args << "\n" << o.output;
  if (says.empty()) return;
  EXPECT_NE(o.output.find(says), std::string::npos) << "corridor " << args << "\n" << o.output;
}

TEST(exit_codes, zero_for_success) {
  expect_exit("run " + toy + " -q", 0);
  expect_exit("validate " + toy, 0);
  expect_exit("--help", 0);
  expect_exit("--version", 0);
}

TEST(exit_codes, one_for_an_error_of_the_work_itself) {
  // MSER-5 needs ten days of a pilot run; a valid scenario of eight cannot give them.
  const fs::path dir = fresh_dir("exit-1");
  fs::create_directories(dir);
  std::ofstream(dir / "short.yaml") << "extends: two-terminals.yaml\nhorizon_days: 8\nwarmup_days: 0\n";
  fs::copy_file(toy, dir / "two-terminals.yaml");
  expect_exit("run " + (dir / "short.yaml").string() + " --warmup auto -q", 1,
              "corridor: error: choose_warmup_mser5: needs at least 10 daily rows");
}

TEST(exit_codes, two_for_an_invalid_scenario_or_sweep_file) {
  const fs::path dir = fresh_dir("exit-2");
  fs::create_directories(dir);
  std::ofstream(dir / "bad.yaml") << "name: bad\nhorizon_days: -5\n";
  expect_exit("run " + (dir / "bad.yaml").string() + " -q", 2, "bad.yaml:2:");
  expect_exit("validate " + (dir / "bad.yaml").string(), 2, "bad.yaml:2:");
  std::ofstream(dir / "sweep.yaml") << "base: " << toy << "\nparameters:\n  a: {path: nodes.dostyk.tracks}\n";
  expect_exit("sweep plan " + (dir / "sweep.yaml").string() + " -o " + (dir / "out").string(), 2,
              "sweep.yaml:3:");
  std::ofstream(dir / "programme.yaml") << "name: p\nbase: " << toy << "\nbase_year: 2025\nhorizon: 2030\n";
  expect_exit("appraise " + (dir / "programme.yaml").string(), 2, "programme.yaml:4:10:");
}

TEST(exit_codes, three_for_a_missing_file_whichever_command_names_it) {
  const std::string missing = "/nonexistent/corridor/input.yaml";
  const std::string never =
      (fresh_dir("missing-input") / "never").string();  // not written: the input is missing
  const std::vector<std::string> commands = {"run " + missing,
                                             "compare " + toy + " " + missing,
                                             "compare " + missing + " " + toy,
                                             "validate " + missing,
                                             "show " + missing,
                                             "report /nonexistent/corridor/out",
                                             "sweep plan " + missing + " -o " + never,
                                             "sweep run /nonexistent/corridor/sweep",
                                             "sweep status /nonexistent/corridor/sweep",
                                             "appraise " + missing,
                                             "sweep merge /nonexistent/corridor/sweep",
                                             "sweep analyze /nonexistent/corridor/sweep",
                                             "calibrate " + missing + " --targets " + targets,
                                             "calibrate " + toy + " --targets " + missing,
                                             "compare " + toy + " " + toy + " " + missing,
                                             "diff " + toy + " " + missing,
                                             "diff " + missing + " " + toy,
                                             "map " + missing + " -o " + never + ".html"};
  for (const auto& c : commands) expect_exit(c + " -q", 3, "/nonexistent/corridor/");
  // A folder named as a file is a file error too.
  expect_exit("run " + scenarios + " -q", 3, "is a folder");
}

TEST(exit_codes, four_when_a_sweep_run_leaves_failed_runs) {
  const fs::path dir = fresh_dir("exit-4");
  ASSERT_EQ(corridor("sweep plan " + grid + " -o " + dir.string()).exit_code, 0);
  // A run recorded as failed earlier stays failed unless --retry-failed: the sweep finishes with it.
  std::string first = slurp(dir / "manifest.jsonl");
  first = first.substr(first.find("\"id\":\"") + 6);
  const std::string id = first.substr(0, first.find('"'));
  std::ofstream(dir / "runs" / (id + ".failed.json")) << "{\"id\": \"" << id << "\", \"error\": \"boom\"}\n";
  expect_exit("sweep run " + dir.string() + " -t 2 -q", 4, "1 runs failed");
}

TEST(exit_codes, sixty_four_for_a_command_line_it_cannot_take) {
  const std::vector<std::string> usage = {
      "frobnicate",
      "run",
      "run " + toy + " --replicatoins 3",
      "run " + toy + " -t 65537",  // crashed oneTBB (SIGSEGV) before the count was checked
      "run " + toy + " -t 0",
      "run " + toy + " -t 100000000000000000000",
      "run " + toy + " -r 0",
      "run " + toy + " -r 10000000",
      "run " + toy + " --precision nan",
      "run " + toy + " --precision inf",
      "run " + toy + " --precision 2",
      "run " + toy + " --max-replications 1",
      "run " + toy + " --seed -1",
      "run " + toy + " --seed 1.5",
      "run " + toy + " --seed 12x",
      "run " + toy + " --seed 18446744073709551616",  // 2^64
      "run " + toy + " -r 12x",
      "run " + toy + " -r 0x10",  // CLI11 alone reads hexadecimal
      "run " + toy + " -r 1e1",
      "run " + toy + " -r -1",
      "run " + toy + " --warmup nan",
      "run " + toy + " --warmup -3",
      "run " + toy + " --report",
      "compare " + toy + " " + toy + " -r 1",
      "compare " + toy + " " + toy + " -t 2000",
      "compare " + toy + " " + toy + " --warmup -1",
      "compare " + toy + " " + toy + " --seed 3x",
      "calibrate " + toy + " --targets " + targets + " --fd-step nan",
      "calibrate " + toy + " --targets " + targets + " --horizon-days inf",
      "calibrate " + toy + " --targets " + targets + " -t 0",
      "sweep",
      "sweep plan " + grid,
      "sweep run /tmp -t 65537",
      "sweep run /tmp --shard-index 3 --shard-count 3",
      "sweep run /tmp --shard-count 0",
  };
  for (const auto& c : usage) expect_exit(c, 64);
  expect_exit("run " + toy + " -t 65537", 64,
              "--threads: expected a whole number from 1 to 1024, got '65537'");
  expect_exit("run " + toy + " --seed 12x", 64,
              "--seed: expected a whole number from 0 to 18446744073709551615, got '12x'");
  expect_exit("run " + toy + " -r 0x10", 64,
              "--replications: expected a whole number from 1 to 100000, got '0x10'");
  expect_exit("run " + toy + " --precision nan", 64, "--precision: expected a finite number, got 'nan'");
}

TEST(exit_codes, the_most_threads_allowed_run) {
  expect_exit("run " + toy + " -t 1024 -q", 0);
}

TEST(cli_messages, every_error_message_ends_with_a_newline) {
  const fs::path dir = fresh_dir("newline");
  fs::create_directories(dir);
  std::ofstream(dir / "bad.yaml") << "name: bad\nhorizon_days: -5";
  for (const std::string& args : std::vector<std::string>{
           "run /nonexistent.yaml", "run " + toy + " -t 65537", "run " + toy + " --precision nan",
           "frobnicate", "run " + (dir / "bad.yaml").string(), "validate " + (dir / "bad.yaml").string(),
           "sweep status " + dir.string(), "report " + dir.string()}) {
    const outcome o = corridor_stderr(args);
    ASSERT_FALSE(o.output.empty()) << args;
    EXPECT_EQ(o.output.back(), '\n') << "corridor " << args << ": " << o.output;
  }
}

TEST(cli_help, every_subcommand_shows_an_example_that_names_it) {
  for (const std::string sub :
       {"run", "compare", "validate", "show", "schema", "report", "calibrate", "sweep", "sweep plan",
        "sweep run", "sweep merge", "sweep status", "sweep analyze", "diff", "map", "appraise"}) {
    const outcome o = corridor(sub + " --help");
    EXPECT_EQ(o.exit_code, 0) << sub;
    EXPECT_NE(o.output.find("Example:\n  corridor " + sub), std::string::npos) << sub << ":\n" << o.output;
  }
}

TEST(cli_help, the_same_short_flags_everywhere) {
  const auto help = [](const std::string& sub) { return corridor(sub + " --help").output; };
  for (const std::string sub : {"run", "compare", "calibrate", "sweep plan", "map", "appraise"})
    EXPECT_NE(help(sub).find("-o,--out"), std::string::npos) << sub;
  for (const std::string sub : {"run", "compare", "calibrate", "sweep run", "appraise"})
    EXPECT_NE(help(sub).find("-t,--threads"), std::string::npos) << sub;
  for (const std::string sub : {"run", "compare", "calibrate", "appraise"})
    EXPECT_NE(help(sub).find("-r,--replications"), std::string::npos) << sub;
  // -q is the app's, and may follow any subcommand.
  for (const std::string& sub :
       std::vector<std::string>{"run " + toy, "validate " + toy, "sweep status /nonexistent"})
    EXPECT_EQ(corridor(sub + " -q").output.find("The following arguments were not expected"),
              std::string::npos)
        << sub;
}

}  // namespace
}  // namespace corridor::testing

#pragma once
// Subcommands of the corridor CLI. Each registers itself on the app; main.cpp only wires them and catches
// errors once. The CLI holds no logic: it parses options and calls the library. The options every command
// shares are added here, so that a flag has one spelling, one range and one wording everywhere.
#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace corridor::cli {

// The exit codes, documented in README.md ("Exit codes"); tests/cli/exit_codes_test.cpp holds one test each.
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int error = 1;  // anything else: a model error, a bug
inline constexpr int invalid_input =
    2;  // a scenario, sweep, targets or programme file with problems, each located
inline constexpr int file_error = 3;   // a file missing, unreadable or unwritable; a damaged folder
inline constexpr int runs_failed = 4;  // `sweep run` finished, and some runs failed
inline constexpr int usage = 64;       // the command line itself (as sysexits.h's EX_USAGE)
}  // namespace exit_code

// Thrown by a subcommand that has already printed its message: main exits with `code`.
struct exit_request {
  int code = exit_code::error;
};

// --allow-outside on a command that loads scenarios: `extends` may then name files outside the scenario's
// folder tree. The flag's one wording, for every command.
CLI::Option* add_allow_outside_flag(CLI::App* cmd, bool& flag);
// -o/--out: where the command writes. `what` says what it writes there.
CLI::Option* add_out_option(CLI::App* cmd, std::string& out, const std::string& what);
// -t/--threads: 1 .. max_threads; absent means all cores. Results never depend on it.
CLI::Option* add_threads_option(CLI::App* cmd, std::size_t& threads);
// -r/--replications: at least `min`, at most max_replications.
CLI::Option* add_replications_option(CLI::App* cmd, std::size_t& replications, std::size_t min,
                                     const std::string& what);
// --seed: a whole number 0 .. 2^64 - 1 (a minus sign is refused, not wrapped around).
CLI::Option* add_seed_option(CLI::App* cmd, std::optional<std::uint64_t>& seed, const std::string& what);
// --warmup DAYS: 0 .. 36525 (a century, the longest horizon a scenario may have). `run` takes 'auto' too.
inline constexpr double max_warmup_days = 36525.0;
CLI::Option* add_warmup_days_option(CLI::App* cmd, std::optional<double>& days, const std::string& what,
                                    const std::string& names = "--warmup");
// The largest replication count a command takes: each replication keeps its results until the end.
inline constexpr std::size_t max_replications = 100000;

// A whole number in [lo, hi], in decimal digits: "12x", "-1", "1.5", "0x10" and "1e3" are refused by name.
CLI::Validator whole_in(std::size_t lo, std::size_t hi);
// A finite number in [lo, hi]: "nan", "inf" and "1e999" are refused by name, not passed on.
CLI::Validator finite_in(double lo, double hi);
// A file named on the command line: absent, a folder or unreadable is a file error (exit 3) naming it.
void require_file(const std::string& path);
// A folder named on the command line: absent or a file is a file error (exit 3).
void require_directory(const std::string& path);
// `--help`'s last lines: an example that runs as written.
void set_example(CLI::App* cmd, const std::string& example);

// Set by main: whether progress lines may be printed (stderr is a terminal and --quiet was not given).
bool progress_enabled();
// The command line as typed (for run.json provenance).
const std::vector<std::string>& command_line();

void add_run_command(CLI::App& app);        // run.cpp
void add_compare_command(CLI::App& app);    // compare.cpp
void add_scenario_commands(CLI::App& app);  // scenario_cmds.cpp: validate, show, schema
void add_report_command(CLI::App& app);     // report_cmd.cpp
void add_sweep_command(CLI::App& app);      // sweep_cmd.cpp
void add_calibrate_command(CLI::App& app);  // calibrate_cmd.cpp
void add_serve_command(CLI::App& app);      // serve_cmd.cpp
void add_explore_commands(CLI::App& app);   // explore_cmds.cpp: diff, map
void add_appraise_command(CLI::App& app);   // appraise_cmd.cpp
void add_optimize_command(CLI::App& app);   // optimize_cmd.cpp

}  // namespace corridor::cli

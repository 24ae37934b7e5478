#pragma once
// Subcommands of the corridor CLI. Each registers itself on the app; main.cpp only wires them and catches
// errors once. The CLI holds no logic: it parses options and calls the library.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace corridor::cli {

// Thrown by a subcommand that has already printed its message: main exits with `code`.
struct exit_request {
  int code = 1;
};

// --allow-outside on a command that loads scenarios: `extends` may then name files outside the scenario's
// folder tree. The flag's one wording, for every command.
inline CLI::Option* add_allow_outside_flag(CLI::App* cmd, bool& flag) {
  return cmd->add_flag(
      "--allow-outside", flag,
      "Let extends name a base outside the scenario's folder tree (its folder, or the folder "
      "above it that holds .corridor-root)");
}

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

}  // namespace corridor::cli

#pragma once
// Subcommands of the corridor CLI. Each registers itself on the app; main.cpp only wires them and catches
// errors once. The CLI holds no logic: it parses options and calls the library.
#include <CLI/CLI.hpp>

namespace corridor::cli {

// Set by main: whether progress lines may be printed (stderr is a terminal and --quiet was not given).
bool progress_enabled();

void add_run_command(CLI::App& app);      // run.cpp
void add_compare_command(CLI::App& app);  // compare.cpp
void add_scenario_commands(CLI::App& app);  // scenario_cmds.cpp: validate, show, schema
void add_report_command(CLI::App& app);   // report_cmd.cpp
void add_sweep_command(CLI::App& app);    // sweep_cmd.cpp
void add_calibrate_command(CLI::App& app);  // calibrate_cmd.cpp

}  // namespace corridor::cli

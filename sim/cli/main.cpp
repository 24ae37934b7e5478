// The corridor command line. Each subcommand lives in its own file and calls the library; errors of every
// kind are caught once, here, printed as one message, and turned into a non-zero exit.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "corridor/calibrate.hpp"
#include "corridor/engine.hpp"
#include "corridor/io.hpp"
#include "corridor/model.hpp"
#include "corridor/planning.hpp"
#include "corridor/scenario.hpp"
#include "corridor/sweep.hpp"

namespace corridor::cli {
namespace {
bool quiet_flag = false;
std::vector<std::string> argv_copy;
}  // namespace
bool progress_enabled() {
  return !quiet_flag && isatty(STDERR_FILENO) != 0;
}
const std::vector<std::string>& command_line() {
  return argv_copy;
}
}  // namespace corridor::cli

namespace {

// Every message ends with a newline, whatever the exception's text ends with.
void print_message(const std::string& prefix, const std::string& what) {
  std::cerr << prefix << what;
  if (!what.ends_with('\n')) std::cerr << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  namespace code = corridor::cli::exit_code;
  corridor::cli::argv_copy.assign(argv, argv + argc);
  CLI::App app{"corridor: a discrete-event simulator of China-Europe rail freight"};
  app.set_version_flag("--version", std::string("corridor ") + CORRIDOR_VERSION);
  app.require_subcommand(1);
  app.add_flag("-q,--quiet", corridor::cli::quiet_flag, "No progress lines on stderr");
  app.fallthrough();  // --quiet may follow the subcommand too
  corridor::cli::add_run_command(app);
  corridor::cli::add_compare_command(app);
  corridor::cli::add_scenario_commands(app);
  corridor::cli::add_report_command(app);
  corridor::cli::add_sweep_command(app);
  corridor::cli::add_calibrate_command(app);
  corridor::cli::add_serve_command(app);
  corridor::cli::add_explore_commands(app);
  corridor::cli::add_appraise_command(app);
  corridor::cli::add_optimize_command(app);
  app.footer(
      "\nExit codes: 0 success, 1 error, 2 invalid scenario, sweep, targets, estimates or programme file,\n"
      "3 file error (missing, unreadable, unwritable, damaged), 4 sweep run with failed runs, 64 usage "
      "error.\n"
      "Example:\n  corridor run scenarios/baseline-2025.yaml -r 4 -o out/baseline --report");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that exit 0; anything else is a usage error, whatever CLI11's code.
    return app.exit(e) == 0 ? code::ok : code::usage;
  } catch (const corridor::cli::exit_request& e) {
    return e.code;
  } catch (const corridor::scenario_error& e) {
    print_message("", e.what());
    return code::invalid_input;
  } catch (const corridor::sweep_error& e) {
    print_message("corridor: ", e.what());
    return code::invalid_input;
  } catch (const corridor::calibrate_error& e) {
    print_message("corridor: ", e.what());
    return code::invalid_input;
  } catch (const corridor::programme_error& e) {
    print_message("corridor: ", e.what());
    return code::invalid_input;
  } catch (const corridor::io_error& e) {
    print_message("corridor: ", e.what());
    return code::file_error;
  } catch (const std::exception& e) {
    print_message("corridor: error: ", e.what());
    return code::error;
  }
  return code::ok;
}

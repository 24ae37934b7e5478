// The corridor command line. Each subcommand lives in its own file and calls the library; errors of every
// kind are caught once, here, printed as one message, and turned into a non-zero exit.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "corridor/engine.hpp"
#include "corridor/io.hpp"
#include "corridor/model.hpp"
#include "corridor/scenario.hpp"

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

int main(int argc, char** argv) {
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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const corridor::cli::exit_request& e) {
    return e.code;
  } catch (const corridor::scenario_error& e) {
    std::cerr << e.what();
    if (!std::string(e.what()).ends_with('\n')) std::cerr << '\n';
    return 2;
  } catch (const corridor::io_error& e) {
    std::cerr << "corridor: " << e.what() << '\n';
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "corridor: error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

// A stand-in for corridor's main with only `calibrate` registered, to run the real subcommand before (and
// independently of) the full CLI.
#include <unistd.h>

#include <iostream>

#include "../../sim/cli/commands.hpp"

namespace corridor::cli {
bool progress_enabled() {
  return isatty(STDERR_FILENO) != 0;
}
const std::vector<std::string>& command_line() {
  static const std::vector<std::string> none;
  return none;
}
}  // namespace corridor::cli

int main(int argc, char** argv) {
  CLI::App app{"corridor (calibrate only)"};
  app.require_subcommand(1);
  corridor::cli::add_calibrate_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const corridor::cli::exit_request& e) {
    return e.code;
  } catch (const std::exception& e) {
    std::cerr << "corridor: error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

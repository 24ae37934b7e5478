// The corridor command line. Each subcommand lives in its own file and calls the library; errors of every
// kind are caught once, here, printed as one message, and turned into a non-zero exit.
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#endif

#include <cstdint>
#include <cstdio>
#include <cstdlib>
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

// Transparent huge pages for the heap. A year of the baseline touches ~50 MB of heap a 4 KB page at a time:
// 12,000 page faults, a fifth of the command's CPU on a loaded machine, and TLB misses on top. The heap is
// grown once by a large pad that is advised as huge-page memory (the kernel's default THP mode, "madvise",
// honours that), blocks of any size below 32 MB are taken from it rather than mapped on their own, and
// freed memory is kept for reuse rather than given back and faulted in again. The address space reserved is
// not memory used: pages are backed when first touched. Results do not depend on where blocks lie.
void use_huge_pages_for_the_heap() {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t mb = std::size_t{1} << 20;
  constexpr std::uintptr_t huge_page = 2 * mb;
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(32 * mb));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(512 * mb));
  mallopt(M_TOP_PAD, static_cast<int>(64 * mb));
  const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
  // More than the heap's first free space, so it grows by the pad (volatile: the pair is not optimized away).
  void* volatile grow = std::malloc(mb);
  std::free(grow);
  const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const std::uintptr_t begin = (before + huge_page - 1) & ~(huge_page - 1);
  if (after > begin + huge_page) madvise(reinterpret_cast<void*>(begin), after - begin, MADV_HUGEPAGE);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  namespace code = corridor::cli::exit_code;
  use_huge_pages_for_the_heap();
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

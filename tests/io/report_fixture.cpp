// Writes a complete output directory from the synthetic fixture (all files, a comparison and report.html),
// for the browser test: report_fixture DIR
#include <cstdio>
#include <exception>

#include "io_fixtures.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: report_fixture DIR\n");
    return 2;
  }
  try {
    corridor::run_info info;
    info.seed = 42, info.replications = 5, info.warmup_days = 30, info.include_wall_clock = false;
    corridor::write_run_outputs(argv[1], corridor::test::sample_scenario(),
                                corridor::test::sample_runs(5, 60), info);
    corridor::write_compare_outputs(argv[1], corridor::test::sample_compare());
    std::printf("%s\n", corridor::write_report_html(argv[1]).c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "report_fixture: %s\n", e.what());
    return 1;
  }
  return 0;
}

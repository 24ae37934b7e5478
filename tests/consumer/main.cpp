// Runs a scenario through the installed library and prints its throughput: proof that the headers, the
// static libraries and their dependencies arrive together through find_package(corridor).
//   consumer SCENARIO
#include <cstdio>
#include <exception>

#include "corridor/study.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: consumer SCENARIO\n");
    return 2;
  }
  try {
    const corridor::prepared_scenario prepared(corridor::load_scenario(argv[1]));
    const auto runs = corridor::run_replications(prepared, 2);
    const auto stats = corridor::summarize_runs(runs);
    std::printf("%s %.3f\n", stats.front().name.c_str(), stats.front().mean);
    return stats.front().mean > 0.0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "consumer: %s\n", e.what());
    return 1;
  }
}

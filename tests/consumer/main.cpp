// Runs a scenario through the installed library and prints its throughput: proof that the headers, the
// static libraries and their dependencies arrive together through find_package(corridor).
//   consumer SCENARIO
#include <cstdio>
#include <exception>

#include "corridor/io.hpp"
#include "corridor/study.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: consumer SCENARIO\n");
    return 2;
  }
  try {
    const corridor::prepared_scenario prepared(corridor::load_scenario(argv[1]));
    const auto runs = corridor::run_replications(prepared, 2);
    const auto summary = corridor::summarize(prepared.spec, runs, prepared.spec.warmup_days);
    const auto& m = corridor::metric(summary, "metrics.throughput_teu_per_day");
    std::printf("%s %.3f %zu\n", m.name.c_str(), m.mean, corridor::summary_json(summary).size());
    return m.mean > 0.0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "consumer: %s\n", e.what());
    return 1;
  }
}

// Writes a complete output directory from the synthetic fixture, with report.html, for the browser test:
//   report_fixture DIR             one run (every file, Aktau and Baku as resource ports) and a comparison
//                                  table beside it
//   report_fixture DIR --compare   what `corridor compare --out DIR` writes: compare.json, base/, variant/
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "corridor/study.hpp"
#include "io_fixtures.hpp"

namespace {

using namespace corridor;

// The variant: traffic moves off some edges and onto others, Malaszewicze jams after day 60 and the
// Aktau ferry's queue shrinks, so the map has both colours and the queue panels both directions.
std::vector<run_result> variant_runs(std::vector<run_result> runs) {
  for (auto& r : runs) {
    for (std::size_t i = 0; i < r.edges.size(); ++i) {
      const double k = i % 3 == 0 ? 0.4 : i % 3 == 1 ? 1.5 : 1.0;
      r.edges[i].teu *= k, r.edges[i].trains *= k;
    }
    for (auto& d : r.daily) {
      if (d.day >= 60) d.mean_queue_trains[3] = 4.0 * d.mean_queue_trains[3] + 6.0;
      d.mean_queue_trains[4] *= 0.4;
    }
  }
  return runs;
}

// sample_compare() and the crossing and ferry rows a comparison has: some that belong on the chart (one
// far off its axis), some too small or of a kind that stays in the table.
comparison fixture_compare() {
  comparison t = test::sample_compare();
  t.metrics.push_back({"crossings.malaszewicze.mean_wait_h", 15, 190, 175, 12, true, 30});
  t.metrics.push_back({"crossings.malaszewicze.trains", 300, 150, -150, 10, true, 25});
  t.metrics.push_back({"crossings.dostyk.trains", 300, 290, -10, 2, true, 5});
  t.metrics.push_back({"crossings.zabaykalsk.utilization", 0.69, 0.75, 0.06, 0.01, true, 0.02});
  t.metrics.push_back({"ferries.aktau-baku.trains", 40, 61, 21, 4, true, 8});
  t.metrics.push_back({"ferries.aktau-baku.mean_wait_h", 30, 12, -18, 3, true, 6});
  t.metrics.push_back({"crossings.khorgos.mean_wait_h", 7, 7.2, 0.2, 0.5, false, 1.2});
  t.metrics.push_back({"routes.xian-duisburg.xian>dostyk>astana.trains", 200, 180, -20, 5, true, 9});
  return t;
}

// What `corridor compare --out DIR --report` writes.
report_input compare_dir(const std::filesystem::path& dir) {
  const auto runs = test::sample_runs(5, 120);
  report_input in;
  in.compare = fixture_compare();
  in.compared = report_input::sides{summarize(test::sample_scenario(), runs, 30),
                                    summarize(test::sample_scenario(), variant_runs(runs), 30)};
  write_compare_outputs(dir, *in.compare);
  write_run_outputs(dir / "base", in.compared->base);
  write_run_outputs(dir / "variant", in.compared->variant);
  return in;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc == 3 ? argv[2] : "";
  if (argc < 2 || argc > 3 || (argc == 3 && mode != "--compare" && mode != "--ranked" && mode != "--map")) {
    std::fprintf(stderr, "usage: report_fixture DIR [--compare|--ranked|--map]\n");
    return 2;
  }
  try {
    report_input in;
    if (mode == "--map") {
      // What `corridor map SCENARIO -o DIR/report.html` writes: the network alone.
      const scenario s = test::sample_scenario();
      const auto file = std::filesystem::path(argv[1]) / "report.html";
      ensure_directory(argv[1]);
      write_file_atomic(file, map_html(s.name, network_of(s)));
      std::printf("%s\n", file.c_str());
      return 0;
    }
    if (mode == "--compare" || mode == "--ranked") {
      in = compare_dir(argv[1]);
    }
    if (mode == "--ranked") {
      // `corridor compare BASE V1 V2 --report`: the ranking above the best variant's comparison.
      comparison other = fixture_compare();
      other.variant_name = "io-fixture-dostyk-doubled";
      for (auto& m : other.metrics) m.difference /= 2, m.variant_mean = m.base_mean + m.difference;
      in.ranked = rank_variants({other, *in.compare}, "throughput_teu_per_day");
    } else if (mode.empty()) {
      in.run = summarize(test::sample_scenario(), test::with_ports(test::sample_runs(5, 60)), 30);
      in.compare = test::sample_compare();
      write_run_outputs(argv[1], *in.run);
      write_compare_outputs(argv[1], *in.compare);
    }
    std::printf("%s\n", write_report_html(argv[1], in).c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "report_fixture: %s\n", e.what());
    return 1;
  }
  return 0;
}

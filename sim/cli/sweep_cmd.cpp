// corridor sweep plan|run|merge|status|analyze: parameter sweeps planned into a folder, run in any split
// (threads, shards, MPI ranks), merged into CSV and analyzed for sensitivity.
#include <fmt/format.h>
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "corridor/sweep_io.hpp"
#include "progress.hpp"

namespace corridor::cli {
namespace {

// Shards of one sweep: a Slurm array's largest size, and far more than any sweep has machines for.
constexpr std::size_t max_shards = 1'000'000;

struct run_args {
  std::string dir;
  std::size_t threads = 0;
  std::size_t shard_index = 0;
  std::size_t shard_count = 1;
  bool mpi = false;
  bool retry_failed = false;
};

void print_counts(const sweep_counts& c) {
  std::cout << fmt::format("{} runs: {} done, {} failed, {} remaining\n", c.total, c.done, c.failed,
                           c.remaining);
}

void plan(const std::string& sweep_file, const std::string& out) {
  const std::filesystem::path file = sweep_file;
  const auto spec = parse_sweep(read_file(file), sweep_file, file.parent_path());
  const auto p = plan_sweep(spec);
  write_sweep_plan(out, p, spec.text);
  const auto repeated = repeated_runs(p);
  const auto repeats = static_cast<std::size_t>(std::count(repeated.begin(), repeated.end(), true));
  std::cout << fmt::format("planned {} runs ({} points x {} replications", p.runs.size() - repeats,
                           p.points.size(), p.replications);
  if (repeats > 0) std::cout << fmt::format(", less {} that repeat an earlier point's run", repeats);
  std::cout << fmt::format(") in {}\n", out);
  const sweep_folder folder(out);
  print_counts(sweep_status(folder.plan(), folder));
}

void run(const run_args& a) {
  sweep_run_options opt;
  opt.threads = a.threads;
  opt.shard_index = a.shard_index;
  opt.shard_count = a.shard_count;
  opt.retry_failed = a.retry_failed;
  std::optional<progress_line> line;
  if (progress_enabled()) {
    line.emplace("runs");
    opt.progress = [&](const sweep_progress& p) {
      line->update(p.ran_now, p.ran_now + p.share.remaining, p.share.failed);
    };
  }
  sweep_folder folder(a.dir);
  sweep_counts c;
  if (a.mpi) {
#ifdef CORRIDOR_HAVE_MPI
    c = run_sweep_mpi(folder.plan(), folder, opt);
    if (c.total == 0) return;  // a worker rank: rank 0 reports
#else
    throw std::invalid_argument("--mpi: this corridor was built without MPI");
#endif
  } else {
    c = run_sweep(folder.plan(), folder, opt);
  }
  if (line) line->finish();
  print_counts(c);
  if (c.failed > 0) {
    std::cerr << fmt::format("corridor: {} runs failed; their errors are in {}/runs/*.failed.json\n",
                             c.failed, a.dir);
    throw exit_request{4};
  }
}

void add_run(CLI::App& sweep) {
  auto args = std::make_shared<run_args>();
  auto* cmd =
      sweep.add_subcommand("run", "Run this process's share of a planned sweep (resumes where it stopped)");
  cmd->add_option("dir", args->dir, "Sweep folder made by `sweep plan`")->required();
  add_threads_option(cmd, args->threads);
  cmd->add_option("--shard-index", args->shard_index, "This shard: runs i with i mod shard-count == index")
      ->check(whole_in(0, max_shards - 1));
  cmd->add_option("--shard-count", args->shard_count, "Number of shards (e.g. a Slurm array's size)")
      ->check(whole_in(1, max_shards));
  cmd->add_flag("--mpi", args->mpi, "Under mpirun: rank 0 hands runs to the other ranks as they finish");
  cmd->add_flag("--retry-failed", args->retry_failed, "Run again the runs recorded as failed");
  set_example(cmd,
              "corridor sweep run out/grid -t 2   # or: --shard-index $SLURM_ARRAY_TASK_ID --shard-count N");
  cmd->callback([args] {
    if (args->shard_index >= args->shard_count) {
      throw CLI::ValidationError("--shard-index", std::to_string(args->shard_index) +
                                                      " is not below --shard-count " +
                                                      std::to_string(args->shard_count));
    }
    run(*args);
  });
}

}  // namespace

void add_sweep_command(CLI::App& app) {
  auto* sweep = app.add_subcommand("sweep", "Parameter sweeps: plan, run, merge, status, analyze");
  sweep->require_subcommand(1);
  set_example(sweep,
              "corridor sweep plan scenarios/sweeps/khorgos-dostyk-grid.yaml -o out/grid && "
              "corridor sweep run out/grid && corridor sweep merge out/grid");

  auto sweep_file = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto* p =
      sweep->add_subcommand("plan", "Plan a sweep file into a folder of runs (keeps results already made)");
  p->add_option("sweep", *sweep_file, "Sweep file (YAML)")->required();
  add_out_option(p, *out, "Sweep folder to plan into (runs already made there are kept)")->required();
  set_example(p, "corridor sweep plan scenarios/sweeps/khorgos-dostyk-grid.yaml -o out/grid");
  p->callback([sweep_file, out] {
    require_file(*sweep_file);
    plan(*sweep_file, *out);
  });

  add_run(*sweep);

  auto dir = std::make_shared<std::string>();
  auto* m = sweep->add_subcommand("merge", "Write results.csv and summary.csv");
  m->add_option("dir", *dir, "Sweep folder")->required();
  set_example(m, "corridor sweep merge out/grid");
  m->callback([dir] {
    const sweep_folder folder(*dir);
    const auto t = tabulate_sweep(folder.plan(), folder);
    write_sweep_tables(folder, t);
    print_counts(t.counts);
    std::cout << fmt::format("wrote {0}/results.csv and {0}/summary.csv\n", *dir);
  });
  auto* s = sweep->add_subcommand("status", "Count runs done, failed and remaining");
  s->add_option("dir", *dir, "Sweep folder")->required();
  set_example(s, "corridor sweep status out/grid");
  s->callback([dir] {
    const sweep_folder folder(*dir);
    print_counts(sweep_status(folder.plan(), folder));
  });
  auto* a = sweep->add_subcommand(
      "analyze",
      "Main effects and interactions (grid), Sobol indices (saltelli) or Morris effects (morris) of the kept "
      "metrics");
  a->add_option("dir", *dir, "Sweep folder")->required();
  set_example(a, "corridor sweep analyze out/mc   # a saltelli or morris sweep, run and done");
  a->callback([dir] {
    const sweep_folder folder(*dir);
    const sensitivity_table t = analyze_sweep(folder.plan(), tabulate_sweep(folder.plan(), folder));
    write_sensitivity(*dir, t);
    for (const auto& w : t.warnings) std::cerr << "warning: " << w << '\n';
    for (const auto& row : t.metrics) {
      for (const auto& w : row.warnings) std::cerr << "warning: " << row.metric << ": " << w << '\n';
    }
    std::cout << fmt::format("wrote {0}/sensitivity.csv{1} and {0}/sensitivity.html\n", *dir,
                             t.grid ? ", " + *dir + "/main_effects.csv" : "");
  });
}

}  // namespace corridor::cli

// Sweeps under mpirun: rank 0 hands out manifest indices one at a time to whichever rank asks next, so fast
// and slow runs balance themselves; the other ranks run them and write the results. Which rank ran what
// never shows in the merged output.
#include <mpi.h>

#include <chrono>

#include "corridor/sweep.hpp"

namespace corridor {
namespace {

constexpr int tag_ready = 1;  // worker -> 0: {last index run or -1, 1 if it succeeded}
constexpr int tag_work = 2;   // 0 -> worker: the next index, or -1 to stop

void check(int rc, const char* what) {
  if (rc != MPI_SUCCESS) throw std::runtime_error(std::string("MPI error in ") + what);
}

void hand_out(const sweep_plan& plan, const sweep_store& store, const sweep_run_options& opt, int ranks) {
  const auto pending = pending_runs(plan, store, opt);
  sweep_progress progress;
  progress.share.total = pending.size();
  progress.share.remaining = pending.size();
  const auto start = std::chrono::steady_clock::now();
  std::size_t next = 0;
  int active = ranks - 1;
  while (active > 0) {
    long long msg[2] = {-1, 0};
    MPI_Status status;
    check(MPI_Recv(msg, 2, MPI_LONG_LONG, MPI_ANY_SOURCE, tag_ready, MPI_COMM_WORLD, &status), "MPI_Recv");
    if (msg[0] >= 0) {
      --progress.share.remaining;
      ++(msg[1] ? progress.share.done : progress.share.failed);
      ++progress.ran_now;
      progress.elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (opt.progress) opt.progress(progress);
    }
    const long long assign = next < pending.size() ? static_cast<long long>(pending[next++]) : -1;
    check(MPI_Send(&assign, 1, MPI_LONG_LONG, status.MPI_SOURCE, tag_work, MPI_COMM_WORLD), "MPI_Send");
    if (assign < 0) --active;
  }
}

void work(const sweep_plan& plan, sweep_store& store, const sweep_evaluator& eval) {
  const scenario_document base = base_document(plan);
  long long msg[2] = {-1, 0};
  for (;;) {
    check(MPI_Send(msg, 2, MPI_LONG_LONG, 0, tag_ready, MPI_COMM_WORLD), "MPI_Send");
    long long index = -1;
    check(MPI_Recv(&index, 1, MPI_LONG_LONG, 0, tag_work, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
    if (index < 0) return;
    msg[0] = index;
    msg[1] = run_one(plan, base, static_cast<std::size_t>(index), eval, store) ? 1 : 0;
  }
}

}  // namespace

sweep_counts run_sweep_mpi(const sweep_plan& plan, sweep_store& store, const sweep_run_options& opt,
                           const sweep_evaluator& eval) {
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (!initialized) check(MPI_Init(nullptr, nullptr), "MPI_Init");
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  sweep_counts counts;
  try {
    if (ranks == 1) {
      counts = run_sweep(plan, store, opt, eval);
    } else {
      if (rank == 0) {
        hand_out(plan, store, opt, ranks);
      } else {
        work(plan, store, eval);
      }
      MPI_Barrier(MPI_COMM_WORLD);
      if (rank == 0) counts = sweep_status(plan, store);
    }
  } catch (...) {
    // One rank failing loudly must not leave the others waiting for it forever.
    MPI_Abort(MPI_COMM_WORLD, 1);
    throw;
  }
  if (!initialized) MPI_Finalize();
  return counts;
}

}  // namespace corridor

#pragma once
// The studio's computations, one at a time: each new one stops the one still running (between
// replications, through replication_options::stop), waits for it to let go, and reports how far it got.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <stop_token>
#include <string>

namespace corridor::detail {

struct job_view {
  std::uint64_t id = 0;  // 0: nothing has run yet
  std::string kind;      // "base", "compare" or "capacity"
  std::string state;     // "idle", "waiting", "running", "done", "cancelled" or "failed"
  std::size_t done = 0;  // replications finished
  std::size_t total = 0;
  double seconds = 0.0;  // since the job was opened (until it ended)
};

class job_board {
 public:
  struct ticket {
    std::uint64_t id = 0;
    std::stop_token stop;
  };

  // A new job, now the newest: the one running (or waiting) is asked to stop.
  ticket open(const std::string& kind);
  // Waits until no other job computes and holds that until the lock is released. Throws study_cancelled
  // when a newer job replaced this one meanwhile.
  std::unique_lock<std::mutex> compute(const ticket& t);
  void progress(const ticket& t, std::size_t done, std::size_t total);
  // Marks the job's end ("done", "cancelled" or "failed") if it is still the newest.
  void close(const ticket& t, const std::string& state);
  job_view view() const;

 private:
  mutable std::mutex mutex_;  // guards everything below
  std::mutex compute_;        // held by the job that computes
  std::stop_source current_;
  job_view view_{0, "", "idle", 0, 0, 0.0};
  std::chrono::steady_clock::time_point opened_{};
  bool ended_ = false;
};

}  // namespace corridor::detail

#include "jobs.hpp"

#include "corridor/study.hpp"

namespace corridor::detail {

job_board::ticket job_board::open(const std::string& kind) {
  std::lock_guard lock(mutex_);
  current_.request_stop();
  current_ = std::stop_source();
  view_ = job_view{view_.id + 1, kind, "waiting", 0, 0, 0.0};
  opened_ = std::chrono::steady_clock::now();
  ended_ = false;
  return {view_.id, current_.get_token()};
}

std::unique_lock<std::mutex> job_board::compute(const ticket& t) {
  std::unique_lock held(compute_);
  if (t.stop.stop_requested()) throw study_cancelled();
  std::lock_guard lock(mutex_);
  if (view_.id == t.id) view_.state = "running";
  return held;
}

void job_board::progress(const ticket& t, std::size_t done, std::size_t total) {
  std::lock_guard lock(mutex_);
  if (view_.id != t.id) return;
  view_.done = done;
  view_.total = total;
}

void job_board::close(const ticket& t, const std::string& state) {
  std::lock_guard lock(mutex_);
  if (view_.id != t.id) return;
  view_.state = state;
  view_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - opened_).count();
  ended_ = true;
}

job_view job_board::view() const {
  std::lock_guard lock(mutex_);
  job_view v = view_;
  if (!ended_ && v.id != 0) {
    v.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - opened_).count();
  }
  return v;
}

}  // namespace corridor::detail

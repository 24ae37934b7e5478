#pragma once
// What a queue with servers records over the report window: the time-integral of the number waiting and of
// busy servers, the arrivals, and each wait. Enough for utilization, mean/p95 wait, mean/max queue and
// Little's law, which holds exactly over the window: the trains waiting when the window opens count as
// arriving then, only the part of each wait inside the window counts, and trains still waiting when it
// closes count with their wait so far. The waits then add up to the time-integral of the queue.
#include <algorithm>
#include <cstddef>
#include <vector>

namespace corridor::detail {

class queue_stats {
 public:
  // Changes of state at time t (hours); integrals accumulate from the last change.
  void set_waiting(double t, double n) {
    advance(t);
    waiting_ = n;
    max_waiting_ = std::max(max_waiting_, n);
  }
  void set_busy(double t, double n) {
    advance(t);
    busy_ = n;
  }
  void arrival() { ++arrivals_; }
  // A train that joined at `joined` leaves the queue (starts service, boards) at `now`.
  void leave(double now, double joined) {
    waits_.push_back(now - std::max(joined, start_t_));
    ++served_;
  }
  // A train that joined at `joined` and is still waiting when the window closes at `end`.
  void still_waiting(double end, double joined) { waits_.push_back(end - std::max(joined, start_t_)); }
  // Starts the window afresh at t, keeping the current state.
  void reset(double t) {
    last_t_ = t;
    start_t_ = t;
    waiting_area_ = busy_area_ = 0.0;
    max_waiting_ = waiting_;
    arrivals_ = static_cast<std::size_t>(waiting_);  // those waiting now enter the window now
    served_ = 0;
    waits_.clear();
  }
  void finish(double t) { advance(t); }

  double elapsed() const { return last_t_ - start_t_; }
  double mean_waiting() const { return elapsed() > 0 ? waiting_area_ / elapsed() : 0.0; }
  double mean_busy() const { return elapsed() > 0 ? busy_area_ / elapsed() : 0.0; }
  double max_waiting() const { return max_waiting_; }
  std::size_t arrivals() const { return arrivals_; }
  std::size_t served() const { return served_; }
  const std::vector<double>& waits() const { return waits_; }
  double waiting_now() const { return waiting_; }

 private:
  void advance(double t) {
    if (t > last_t_) {
      waiting_area_ += waiting_ * (t - last_t_);
      busy_area_ += busy_ * (t - last_t_);
      last_t_ = t;
    }
  }
  double last_t_ = 0.0, start_t_ = 0.0;
  double waiting_ = 0.0, busy_ = 0.0, max_waiting_ = 0.0;
  double waiting_area_ = 0.0, busy_area_ = 0.0;
  std::size_t arrivals_ = 0, served_ = 0;
  std::vector<double> waits_;
};

}  // namespace corridor::detail

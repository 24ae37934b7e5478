#pragma once
// A collector for a queue with servers (a crossing's tracks, a ferry's sailings), filled during a run.
// Plain numbers in (times, counts), plain numbers out; it knows nothing of the engine or the model.
//
// What a queue with servers records over the report window: the time-integral of the number waiting and of
// busy servers, the arrivals, and each wait. Enough for utilization, mean/p95 wait, mean/max queue and
// Little's law, which holds exactly over the window: the trains waiting when the window opens count as
// arriving then, only the part of each wait inside the window counts, and trains still waiting when it
// closes count with their wait so far. The waits then add up to the time-integral of the queue.
// The same numbers by day: close_day() takes the integrals since the last close (a snapshot, not a sample),
// so the days' integrals add up to the window's. A day's waits are those of trains that left the queue that
// day (the part inside the window, as above).
#include <algorithm>
#include <cstddef>
#include <vector>

#include "corridor/statistics.hpp"

namespace corridor {

// One day of a queue (or the part of it inside the window).
struct queue_day {
  double hours = 0.0;
  double mean_waiting = 0.0;  // time-averaged number waiting
  double max_waiting = 0.0;   // including the number waiting when the day opened
  double mean_busy = 0.0;     // time-averaged busy servers
  double carried = 0.0;       // increase of the caller's window totals (a ferry's TEU carried and offered)
  double offered = 0.0;
  double mean_wait_h = 0.0;  // of the trains that left the queue that day; 0 when none did
  double p95_wait_h = 0.0;
  std::size_t served = 0;
};

class queue_stats {
 public:
  // Changes of state at time t (hours); times never go backwards.
  void set_waiting(double t, double n) {
    waiting_.set(t, n);
    day_max_waiting_ = std::max(day_max_waiting_, n);
  }
  void set_busy(double t, double n) { busy_.set(t, n); }
  void arrival() { ++arrivals_; }
  // A train that joined at `joined` leaves the queue (starts service, boards) at `now`.
  void leave(double now, double joined) {
    const double wait = now - std::max(joined, waiting_.start_time());
    waits_.add(wait);
    day_waits_.add(wait);
    ++served_;
  }
  // A train that joined at `joined` and is still waiting when the window closes at `end`.
  void still_waiting(double end, double joined) { waits_.add(end - std::max(joined, waiting_.start_time())); }
  // Starts the window (and the day) afresh at t, keeping the current state.
  void reset(double t) {
    waiting_.reset(t);
    busy_.reset(t);
    arrivals_ = static_cast<std::size_t>(waiting_.current());  // those waiting now enter the window now
    served_ = 0;
    waits_.clear();
    open_day(t, 0.0, 0.0);                        // the window's integrals restart at 0
    day_carried_mark_ = day_offered_mark_ = 0.0;  // and so do the caller's window totals
  }
  // The day since the last close (or the window's start) up to t; the next day opens at t. `carried` and
  // `offered` are the caller's running totals over the window (0 before it opens), if it keeps any.
  queue_day close_day(double t, double carried = 0.0, double offered = 0.0) {
    queue_day d;
    const double waiting_area = waiting_.integral(t), busy_area = busy_.integral(t);
    d.hours = t - day_start_h_;
    if (d.hours > 0.0) {
      d.mean_waiting = (waiting_area - day_waiting_mark_) / d.hours;
      d.mean_busy = (busy_area - day_busy_mark_) / d.hours;
    }
    d.max_waiting = day_max_waiting_;
    d.mean_wait_h = day_waits_.mean();
    d.p95_wait_h = day_waits_.p95();
    d.served = day_waits_.count();
    d.carried = carried - day_carried_mark_;
    d.offered = offered - day_offered_mark_;
    day_carried_mark_ = carried;
    day_offered_mark_ = offered;
    open_day(t, waiting_area, busy_area);
    return d;
  }
  // The window closes at t.
  void finish(double t) {
    waiting_.set(t, waiting_.current());  // throws if t is before the last change
    busy_.set(t, busy_.current());
    end_h_ = t;
  }

  double elapsed() const { return end_h_ - waiting_.start_time(); }
  double mean_waiting() const { return elapsed() > 0 ? waiting_.integral(end_h_) / elapsed() : 0.0; }
  double mean_busy() const { return elapsed() > 0 ? busy_.integral(end_h_) / elapsed() : 0.0; }
  double max_waiting() const { return waiting_.max(); }
  std::size_t arrivals() const { return arrivals_; }
  std::size_t served() const { return served_; }
  const tally& waits() const { return waits_; }

 private:
  void open_day(double t, double waiting_area, double busy_area) {
    day_start_h_ = t;
    day_waiting_mark_ = waiting_area;
    day_busy_mark_ = busy_area;
    day_max_waiting_ = waiting_.current();
    day_waits_.clear();
  }
  time_weighted waiting_, busy_;
  double end_h_ = 0.0;
  std::size_t arrivals_ = 0, served_ = 0;
  tally waits_;
  // The day in progress: where it opened and the window's integrals then.
  double day_start_h_ = 0.0, day_waiting_mark_ = 0.0, day_busy_mark_ = 0.0, day_max_waiting_ = 0.0;
  double day_carried_mark_ = 0.0, day_offered_mark_ = 0.0;
  tally day_waits_;
};

}  // namespace corridor

#pragma once
// A progress line on stderr for long work: items done of total, a rate and an ETA. Silent unless stderr is
// a terminal and --quiet was not given, and silent for the first second so quick runs print nothing.
#include <chrono>
#include <cstdio>
#include <string>

#include "commands.hpp"

namespace corridor::cli {

class progress_line {
 public:
  // `unit` names what is counted ("replications"); `per_item` and `per_item_unit` add a second rate
  // (e.g. simulated days per replication).
  explicit progress_line(std::string unit, double per_item = 0.0, std::string per_item_unit = {})
      : unit_(std::move(unit)),
        per_item_(per_item),
        per_item_unit_(std::move(per_item_unit)),
        enabled_(progress_enabled()),
        start_(std::chrono::steady_clock::now()) {}
  ~progress_line() { finish(); }

  void update(std::size_t done, std::size_t total, std::size_t failed = 0) {
    if (!enabled_) return;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (s < 1.0 && done < total) return;
    const double rate = s > 0 ? static_cast<double>(done) / s : 0.0;
    const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
    std::string extra;
    if (per_item_ > 0) extra = " · " + fmt(rate * per_item_, 0) + " " + per_item_unit_ + "/s";
    std::fprintf(stderr, "\r%zu/%zu %s%s%s · %s/s · ETA %s   ", done, total, unit_.c_str(),
                 failed ? (" (" + std::to_string(failed) + " failed)").c_str() : "", extra.c_str(),
                 fmt(rate, 1).c_str(), duration(eta).c_str());
    std::fflush(stderr);
    shown_ = true;
  }
  void finish() {
    if (shown_) std::fputs("\n", stderr);
    shown_ = false;
  }

 private:
  static std::string fmt(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
  }
  static std::string duration(double s) {
    if (s < 90) return fmt(s, 0) + " s";
    if (s < 5400) return fmt(s / 60, 0) + " min";
    return fmt(s / 3600, 1) + " h";
  }
  std::string unit_;
  double per_item_;
  std::string per_item_unit_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace corridor::cli

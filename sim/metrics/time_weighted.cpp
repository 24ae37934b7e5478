// A piecewise-constant value integrated over time: queue lengths and busy servers.
#include <algorithm>
#include <stdexcept>

#include "corridor/statistics.hpp"

namespace corridor {

time_weighted::time_weighted(double start_time, double initial_value) noexcept
    : start_(start_time), last_time_(start_time), value_(initial_value), max_(initial_value) {}

void time_weighted::advance(double time) {
  // Written so that a NaN time fails too.
  if (!(time >= last_time_)) throw std::invalid_argument("time_weighted: time went backwards");
  area_ += value_ * (time - last_time_);
  last_time_ = time;
}

void time_weighted::set(double time, double value) {
  advance(time);
  value_ = value;
  max_ = std::max(max_, value);
}

void time_weighted::add(double time, double delta) {
  set(time, value_ + delta);
}

void time_weighted::reset(double time) {
  advance(time);
  start_ = time;
  area_ = 0.0;
  max_ = value_;
}

double time_weighted::integral(double end_time) const {
  if (!(end_time >= last_time_)) throw std::invalid_argument("time_weighted: end before the last change");
  return area_ + value_ * (end_time - last_time_);
}

double time_weighted::mean(double end_time) const {
  const double area = integral(end_time);
  const double elapsed = end_time - start_;
  return elapsed > 0.0 ? area / elapsed : value_;
}

}  // namespace corridor

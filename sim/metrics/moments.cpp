// Running moments, percentiles and tallies: the reductions every collector and every study uses.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "corridor/statistics.hpp"

namespace corridor {

void running_stats::add(double x) noexcept {
  ++n_;
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (x - mean_);
  min_ = std::min(min_, x);
  max_ = std::max(max_, x);
}

double running_stats::variance() const noexcept {
  return n_ < 2 ? 0.0 : m2_ / static_cast<double>(n_ - 1);
}

double running_stats::stddev() const noexcept {
  return std::sqrt(variance());
}

double running_stats::half_width_95() const noexcept {
  // t_half_width_95 only throws for a df that n >= 2 never produces.
  return t_half_width_95(stddev(), n_);
}

namespace {

// Position (n - 1) q split into the lower order statistic's index and the interpolation weight.
struct quantile_position {
  std::size_t index;
  double fraction;
};

quantile_position position_of(std::size_t n, double q) {
  if (n == 0) throw std::invalid_argument("percentile: no values");
  if (!(q >= 0.0 && q <= 1.0)) throw std::invalid_argument("percentile: q must lie in [0, 1]");
  const double h = static_cast<double>(n - 1) * q;
  const double lower = std::floor(h);
  return {static_cast<std::size_t>(lower), h - lower};
}

}  // namespace

double percentile_sorted(std::span<const double> sorted, double q) {
  const auto [i, fraction] = position_of(sorted.size(), q);
  if (i + 1 >= sorted.size() || fraction == 0.0) return sorted[i];
  return sorted[i] + fraction * (sorted[i + 1] - sorted[i]);
}

double percentile(std::span<const double> values, double q) {
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  return percentile_sorted(sorted, q);
}

void tally::add(double x) {
  stats_.add(x);
  samples_.push_back(x);
}

void tally::clear() noexcept {
  stats_ = running_stats{};
  samples_.clear();
}

double tally::percentile(double q) const {
  if (samples_.empty()) {
    if (!(q >= 0.0 && q <= 1.0)) throw std::invalid_argument("percentile: q must lie in [0, 1]");
    return 0.0;
  }
  // Two partial selections instead of a full sort: the lower order statistic, then the next one up.
  const auto [i, fraction] = position_of(samples_.size(), q);
  std::vector<double> work = samples_;
  const auto lower = work.begin() + static_cast<std::ptrdiff_t>(i);
  std::nth_element(work.begin(), lower, work.end());
  if (fraction == 0.0 || i + 1 >= work.size()) return *lower;
  const double upper = *std::min_element(lower + 1, work.end());
  return *lower + fraction * (upper - *lower);
}

}  // namespace corridor

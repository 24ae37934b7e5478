#pragma once
// Statistics for simulation output: Student-t intervals, running moments, percentiles, tallies, time-weighted
// averages, MSER-5 warm-up detection and paired/unpaired differences. Plain numbers in, plain numbers out:
// this module must never know the engine, the model, scenarios or output formats.
// Every misuse (empty input, a probability outside (0, 1), mismatched sizes) throws std::invalid_argument.
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace corridor {

// --- distributions -------------------------------------------------------------------------------------

// Inverse CDF of the standard normal distribution, for p in (0, 1); accurate to about 1e-12.
double normal_quantile(double p);
// CDF of Student's t with df > 0 degrees of freedom (df may be fractional, e.g. Welch's).
double student_t_cdf(double t, double df);
// Inverse CDF of Student's t for p in (0, 1) and df > 0 (df = infinity gives the normal quantile). Computed
// by inverting the CDF (regularized incomplete beta), so any df works; accurate to about 1e-10.
double student_t_quantile(double p, double df);
// The two-sided 95 % critical value t_{0.975, df}.
double t_critical_95(double df);
// Half-width of a two-sided 95 % t interval for a mean from n samples with sample sd `stddev`; 0 when n < 2.
double t_half_width_95(double stddev, std::size_t n);

// --- moments and order statistics ---------------------------------------------------------------------

// Mean and variance in one pass (Welford), numerically stable for large offsets.
class running_stats {
 public:
  void add(double x) noexcept;
  std::size_t count() const noexcept { return n_; }
  double mean() const noexcept { return mean_; }  // 0 when empty
  double variance() const noexcept;               // sample variance (n - 1); 0 when n < 2
  double stddev() const noexcept;
  double min() const noexcept { return min_; }  // +inf when empty
  double max() const noexcept { return max_; }  // -inf when empty
  double half_width_95() const noexcept;        // t interval for the mean; 0 when n < 2

 private:
  std::size_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

// The q-quantile (q in [0, 1]) by linear interpolation between order statistics at position (n - 1) q,
// i.e. Hyndman & Fan type 7 (numpy's default, Excel's PERCENTILE.INC): q = 0 is the minimum, q = 1 the
// maximum, q = 0.5 the usual median. Throws on empty input or q outside [0, 1].
double percentile(std::span<const double> values, double q);
// The same on values already sorted ascending (not checked), without copying.
double percentile_sorted(std::span<const double> sorted, double q);

// Observations of one quantity (a train's wait, a container's transit time). Stores every sample so that
// percentiles are exact.
class tally {
 public:
  void add(double x);
  void clear() noexcept;
  std::size_t count() const noexcept { return stats_.count(); }
  double mean() const noexcept { return stats_.mean(); }
  double variance() const noexcept { return stats_.variance(); }
  double stddev() const noexcept { return stats_.stddev(); }
  double min() const noexcept { return stats_.min(); }
  double max() const noexcept { return stats_.max(); }
  double percentile(double q) const;  // 0 when empty (a window without observations), else as percentile()
  double p50() const { return percentile(0.50); }
  double p95() const { return percentile(0.95); }
  const std::vector<double>& samples() const noexcept { return samples_; }

 private:
  running_stats stats_;
  std::vector<double> samples_;
};

// A value held piecewise constant over time (a queue length, busy servers): its time average, maximum and
// integral from a start time. Times must not go backwards.
class time_weighted {
 public:
  explicit time_weighted(double start_time = 0.0, double initial_value = 0.0) noexcept;
  void set(double time, double value);  // the value changes to `value` at `time`
  void add(double time, double delta);  // the value changes by `delta` at `time`
  // Forgets the history and measures from `time` on, keeping the current value (the end of a warm-up).
  void reset(double time);
  double current() const noexcept { return value_; }
  double max() const noexcept { return max_; }  // over the measured period, including the current value
  double start_time() const noexcept { return start_; }
  double integral(double end_time) const;  // of the value from the start to end_time
  double mean(double end_time) const;      // integral / elapsed; the current value if none elapsed

 private:
  void advance(double time);
  double start_;
  double last_time_;
  double value_;
  double area_ = 0.0;
  double max_;
};

// --- warm-up ------------------------------------------------------------------------------------------

// MSER-5 (White 1997): average the series in batches of 5 (an incomplete last batch is dropped), then pick
// the number of leading batches d, searched over the first half of the batches, that minimizes
// sum_{j>d} (Y_j - mean_{>d})^2 / (k - d)^2. Returns the truncation point in observations (5 d); the first
// minimum wins ties. Throws when the series has fewer than two full batches (10 observations).
std::size_t mser5_truncation(std::span<const double> series);

// --- differences --------------------------------------------------------------------------------------

// Paired differences variant[i] - base[i] (common random numbers pair replication i with replication i).
struct paired_stat {
  double mean_diff = 0.0;
  double stddev_diff = 0.0;
  double half_width_95 = 0.0;  // 0 when n < 2
  std::size_t n = 0;
  bool significant = false;  // the 95 % interval excludes 0 (never with n < 2)
  // Two-sided p-value of the paired t test of a zero mean difference, with n - 1 degrees of freedom: 1 with
  // n < 2 or when every difference is 0; 0 when the differences are all the same nonzero number (exact).
  double p_value = 1.0;
};
paired_stat paired_difference(std::span<const double> base, std::span<const double> variant);

// Benjamini-Hochberg adjusted p-values ("q-values"), in the order given: q_(i) = min over j >= i of
// m p_(j) / j over the p-values sorted ascending, capped at 1. Rejecting every hypothesis with q <= alpha
// keeps the false discovery rate at alpha for independent or positively dependent tests (BH 1995; Benjamini
// & Yekutieli 2001). NaN counts as 1. Empty in, empty out.
std::vector<double> benjamini_hochberg(std::span<const double> p_values);

// Half-width of the 95 % interval for mean(b) - mean(a) from two independent samples (Welch, with the
// Welch-Satterthwaite degrees of freedom). Shown next to the paired half-width to show what pairing gains.
// Needs at least 2 values on each side; 0 when both samples are constant.
double welch_half_width_95(std::span<const double> a, std::span<const double> b);

}  // namespace corridor

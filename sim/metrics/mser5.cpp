// MSER-5 warm-up detection: truncate where the remaining batch means have the smallest squared standard
// error, trading bias (a transient kept) against variance (data thrown away).
#include <limits>
#include <stdexcept>
#include <vector>

#include "corridor/statistics.hpp"

namespace corridor {

std::size_t mser5_truncation(std::span<const double> series) {
  constexpr std::size_t batch = 5;
  const std::size_t k = series.size() / batch;
  if (k < 2) throw std::invalid_argument("mser5_truncation: needs at least 10 observations");
  std::vector<double> means(k, 0.0);
  for (std::size_t j = 0; j < k; ++j) {
    for (std::size_t i = 0; i < batch; ++i) means[j] += series[j * batch + i];
    means[j] /= static_cast<double>(batch);
  }
  // Welford from the back gives the sum of squares of every suffix stably in one pass.
  std::vector<double> suffix_ss(k, 0.0);
  double mean = 0.0;
  double ss = 0.0;
  for (std::size_t j = k; j-- > 0;) {
    const double n = static_cast<double>(k - j);
    const double delta = means[j] - mean;
    mean += delta / n;
    ss += delta * (means[j] - mean);
    suffix_ss[j] = ss;
  }
  std::size_t best = 0;
  double best_stat = std::numeric_limits<double>::infinity();
  for (std::size_t d = 0; 2 * d < k; ++d) {
    const double left = static_cast<double>(k - d);
    const double stat = suffix_ss[d] / (left * left);
    if (stat < best_stat) {
      best_stat = stat;
      best = d;
    }
  }
  return best * batch;
}

}  // namespace corridor

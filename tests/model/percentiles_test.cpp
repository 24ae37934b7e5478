// The transit percentiles of a run (median_and_p95, sim/model/assemble.cpp) select order statistics by
// buckets over samples kept in parts; they must equal corridor::percentile of the same samples in one
// vector, bit for bit, whatever the spread, the ties and the split into parts.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "../../sim/model/assemble.hpp"
#include "corridor/statistics.hpp"

namespace corridor::detail {
namespace {

struct xorshift {
  std::uint64_t x = 88172645463325252ULL;
  double next() {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return static_cast<double>(x >> 11) * 0x1p-53;
  }
};

void expect_equal_to_percentile(const std::vector<double>& all, std::size_t parts) {
  sample_parts split;
  const std::size_t step = all.size() / parts + 1;
  for (std::size_t at = 0; at < all.size(); at += step)
    split.push_back(std::span<const double>(all).subspan(at, std::min(step, all.size() - at)));
  split.push_back({});  // an empty part counts for nothing
  const median_p95 got = median_and_p95(split);
  ASSERT_EQ(got.p50, percentile(all, 0.50)) << all.size() << " samples in " << parts << " parts";
  ASSERT_EQ(got.p95, percentile(all, 0.95)) << all.size() << " samples in " << parts << " parts";
}

TEST(percentiles, equal_corridor_percentile_for_every_shape_and_split) {
  xorshift rng;
  for (std::size_t n : {1, 2, 3, 20, 64, 65, 100, 1000, 4097, 50000, 300000}) {
    std::vector<double> lognormal_like(n), ties(n), outliers(n), equal(n, 7.25);
    for (std::size_t i = 0; i < n; ++i) {
      lognormal_like[i] = 10.0 * std::exp(0.4 * (rng.next() + rng.next() + rng.next() - 1.5));
      ties[i] = std::floor(rng.next() * 5.0);  // five values: whole buckets of ties
      outliers[i] = i % 1000 == 0 ? 1e6 * rng.next() : 12.0 + 1e-9 * rng.next();  // a narrow peak
    }
    for (std::size_t parts : {1, 3, 17}) {
      expect_equal_to_percentile(lognormal_like, parts);
      expect_equal_to_percentile(ties, parts);
      expect_equal_to_percentile(outliers, parts);
      expect_equal_to_percentile(equal, parts);
    }
  }
}

TEST(percentiles, none_are_zero) {
  EXPECT_EQ(median_and_p95({}).p50, 0.0);
  EXPECT_EQ(median_and_p95({std::span<const double>{}}).p95, 0.0);
}

}  // namespace
}  // namespace corridor::detail

// Random streams: pinned values (a change here changes every result the project has ever produced) and
// independence of streams by seed, replication and entity.
#include "corridor/random.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace corridor {
namespace {

TEST(stable_id, is_fnv1a_64) {
  EXPECT_EQ(stable_id(""), 14695981039346656037ULL);  // the FNV-1a offset basis
  EXPECT_EQ(stable_id("a"), 0xaf63dc4c8601ec8cULL);   // the published FNV-1a test vector
  EXPECT_EQ(stable_id("dostyk"), 3477529679604538719ULL);
}

TEST(stable_id, differs_for_different_names) {
  EXPECT_NE(stable_id("dostyk"), stable_id("altynkol"));
}

TEST(rng_stream, first_values_are_pinned) {
  rng_stream rng(42, 0, stable_id("flow:xian-duisburg"));
  EXPECT_EQ(rng.next_u64(), 11737153760442265310ULL);
  EXPECT_EQ(rng.next_u64(), 1257528395383694659ULL);
  EXPECT_EQ(rng.next_u64(), 878588258594003694ULL);
  EXPECT_EQ(rng.next_u64(), 5066661568975361652ULL);
}

TEST(rng_stream, first_uniforms_are_pinned) {
  rng_stream rng(42, 0, "flow:xian-duisburg");
  EXPECT_DOUBLE_EQ(rng.uniform01(), 0.6362723802933955);
  EXPECT_DOUBLE_EQ(rng.uniform01(), 0.068170750911860645);
}

TEST(rng_stream, string_entity_equals_its_stable_id) {
  rng_stream by_name(3, 1, "crossing:dostyk");
  rng_stream by_id(3, 1, stable_id("crossing:dostyk"));
  for (int i = 0; i < 16; ++i) EXPECT_EQ(by_name.next_u64(), by_id.next_u64());
}

TEST(rng_stream, same_inputs_give_the_same_sequence) {
  rng_stream a(9, 4, 17), b(9, 4, 17);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.next_u64(), b.next_u64());
}

// First values of streams that differ in one input only must all differ.
TEST(rng_stream, streams_differ_by_seed_replication_and_entity) {
  std::set<std::uint64_t> firsts;
  int streams = 0;
  for (std::uint64_t seed = 0; seed < 4; ++seed) {
    for (std::uint64_t rep = 0; rep < 8; ++rep) {
      for (std::uint64_t entity = 0; entity < 8; ++entity) {
        rng_stream rng(seed, rep, entity);
        firsts.insert(rng.next_u64());
        ++streams;
      }
    }
  }
  EXPECT_EQ(firsts.size(), static_cast<std::size_t>(streams));
}

TEST(rng_stream, neighbouring_entities_are_uncorrelated) {
  rng_stream a(42, 0, 1), b(42, 0, 2);
  const int n = 100000;
  double sum_ab = 0.0;
  for (int i = 0; i < n; ++i) sum_ab += (a.uniform01() - 0.5) * (b.uniform01() - 0.5);
  const double corr = sum_ab / n * 12.0;  // var of a uniform is 1/12
  EXPECT_LT(std::fabs(corr), 5.0 / std::sqrt(n));
}

TEST(rng_stream, uniform01_stays_inside_the_open_interval_with_the_right_moments) {
  rng_stream rng(5, 0, stable_id("uniform"));
  const int n = 200000;
  double sum = 0.0, sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform01();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n;
  const double var = sum2 / n - mean * mean;
  EXPECT_NEAR(mean, 0.5, 5.0 * std::sqrt(1.0 / 12.0 / n));
  EXPECT_NEAR(var, 1.0 / 12.0, 5.0 * std::sqrt((1.0 / 80.0 - 1.0 / 144.0) / n));
}

}  // namespace
}  // namespace corridor

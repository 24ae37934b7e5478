// The calendar's remembered month (locate_month) against month_of and next_month_start_h, which it stands in
// for on every arrival drawn: the same answers to the bit, at every month's edges and a hair either side,
// over several years, whether the hours come in order (an arrival cursor) or jump about.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "../../sim/model/calendar.hpp"

namespace corridor::detail {
namespace {

std::vector<double> hours_at_month_edges(int years) {
  std::vector<double> hours;
  for (int y = 0; y < years; ++y) {
    for (int m = 0; m < months_per_year; ++m) {
      const double edge = (y * days_per_year + month_ends[static_cast<std::size_t>(m)]) * hours_per_day;
      double below = edge, above = edge;
      for (int k = 0; k < 4; ++k) {  // the edge and the doubles next to it, each side
        hours.push_back(below);
        hours.push_back(above);
        below = std::nextafter(below, 0.0);
        above = std::nextafter(above, 1e300);
      }
      for (double d : {1e-12, 1e-9, 1e-6, 0.5, 23.999}) {
        hours.push_back(edge - d);
        hours.push_back(edge + d);
      }
    }
  }
  return hours;
}

void expect_same(month_span& span, double h) {
  const month_span& got = locate_month(span, h);
  ASSERT_EQ(got.month, month_of(h)) << "hour " << h;
  ASSERT_EQ(got.next_start_h, next_month_start_h(h)) << "hour " << h;  // bit for bit
}

TEST(calendar, remembered_month_equals_month_of_at_every_edge) {
  month_span span;
  for (double h : hours_at_month_edges(4)) {
    if (h >= 0.0) expect_same(span, h);
  }
}

TEST(calendar, remembered_month_equals_month_of_along_a_cursor_and_at_random) {
  month_span cursor;
  for (double h = 0.0; h < 3.0 * days_per_year * hours_per_day; h += 0.37) expect_same(cursor, h);
  month_span jumping;
  std::uint64_t x = 88172645463325252ULL;
  for (int i = 0; i < 200000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    expect_same(jumping, static_cast<double>(x >> 11) * 0x1p-53 * 5.0 * days_per_year * hours_per_day);
  }
}

}  // namespace
}  // namespace corridor::detail

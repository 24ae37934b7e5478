#pragma once
// The simulation calendar: hour 0 is 00:00 on Monday 1 January of a 365-day year. Months drive seasonality
// and ferry weather; weekdays drive timetables and sailings.
#include <algorithm>
#include <array>
#include <cmath>

namespace corridor::detail {

constexpr double hours_per_day = 24.0;
constexpr double hours_per_week = 168.0;
constexpr double days_per_year = 365.0;
constexpr int days_per_week = 7;
constexpr int months_per_year = 12;

// Tolerances of the clock, in hours. Event times are sums and products of hours whose rounding stays near
// 1e-12 h over a year; both are far below anything the model tells apart (a minute is 0.017 h).
// A search for the next timetabled time that counts its start looks from here to find a time strictly after
// now: 1e-6 h is 3.6 ms.
constexpr double after_now_h = 1e-6;
// Two clock times this close are one instant (the last day tick against the horizon, a day's end against the
// window's opening).
constexpr double same_instant_h = 1e-9;

// The day of the year on which each month ends (exclusive), January first.
inline constexpr std::array<int, months_per_year> month_ends{31,  59,  90,  120, 151, 181,
                                                             212, 243, 273, 304, 334, 365};

// Month (0 = January) of an absolute simulated hour; years repeat.
inline int month_of(double hour) {
  const int day_of_year = static_cast<int>(std::fmod(std::floor(hour / hours_per_day), days_per_year));
  for (int m = 0; m < months_per_year; ++m) {
    if (day_of_year < month_ends[static_cast<std::size_t>(m)]) return m;
  }
  return months_per_year - 1;
}

// The hour the month after the one holding `hour` begins (a new year after December).
inline double next_month_start_h(double hour) {
  const double year_start =
      std::floor(hour / (days_per_year * hours_per_day)) * days_per_year * hours_per_day;
  const int m = month_of(hour);
  return year_start + month_ends[static_cast<std::size_t>(m)] * hours_per_day;
}

// The month holding an hour, with what month_of and next_month_start_h say of it, remembered for a range of
// hours on which they say the same: an arrival cursor asks for every container, and the divisions, floors,
// fmod and search of month_ends cost more than the rest of drawing an arrival.
struct month_span {
  double from_h = 1.0, to_h = 0.0;  // remembered for hours in [from_h, to_h): empty at first
  int month = 0;                    // month_of(hour)
  double next_start_h = 0.0;        // next_month_start_h(hour)
};

// Brings `span` to the month of `hour`. The answers equal month_of(hour) and next_month_start_h(hour) to the
// bit. Both read only the day floor(hour / 24) and the year floor(hour / 8760). The span remembered runs from
// the month's first hour, where both divisions are exact, to a hair (1e-12 relative) before its end, so that
// no division rounds up across the end; and only when the year and the day agree (they can disagree within
// an ulp of a year's end, where the span is not remembered).
inline const month_span& locate_month(month_span& span, double hour) {
  if (hour >= span.from_h && hour < span.to_h) return span;
  span.month = month_of(hour);
  span.next_start_h = next_month_start_h(hour);
  span.from_h = 1.0;
  span.to_h = 0.0;
  const double day = std::floor(hour / hours_per_day);
  const double year = std::floor(hour / (days_per_year * hours_per_day));
  const double day_of_year = std::fmod(day, days_per_year);
  if (!(day_of_year >= 0.0) || year != std::floor(day / days_per_year)) return span;  // before 0, or an edge
  const int m = span.month;
  const int first = m == 0 ? 0 : month_ends[static_cast<std::size_t>(m - 1)];
  span.from_h = (day - (day_of_year - first)) * hours_per_day;
  span.to_h = (day + (month_ends[static_cast<std::size_t>(m)] - day_of_year)) * hours_per_day * (1.0 - 1e-12);
  return span;
}

// The integral of a monthly factor (January first) over [from, to), in factor-hours.
template <class Monthly>
double monthly_integral(const Monthly& factor, double from, double to) {
  double sum = 0.0;
  for (double t = from; t < to;) {
    const double end = std::min(to, next_month_start_h(t));
    sum += factor[static_cast<std::size_t>(month_of(t))] * (end - t);
    t = end;
  }
  return sum;
}

// The first time >= `from` that falls on one of `weekdays` at `hour_of_day`; `from` itself counts.
template <class Weekdays>
double next_weekly_time(double from, const Weekdays& weekdays, double hour_of_day) {
  const double day0 = std::floor(from / hours_per_day);
  for (int i = 0; i <= days_per_week; ++i) {
    const double day = day0 + i;
    const int wd = static_cast<int>(std::fmod(day, static_cast<double>(days_per_week)));
    for (int w : weekdays) {
      const double t = day * hours_per_day + hour_of_day;
      if (w == wd && t >= from) return t;
    }
  }
  return from + hours_per_week;  // unreachable when weekdays is non-empty
}

// The first time >= `from` inside a daily window [from_hour, to_hour) (wrapping past midnight when
// from_hour > to_hour); `from` itself when it is inside.
inline double next_open_time(double from, double from_hour, double to_hour) {
  const double day = std::floor(from / hours_per_day) * hours_per_day;
  const double hour = from - day;
  const bool inside =
      from_hour < to_hour ? hour >= from_hour && hour < to_hour : hour >= from_hour || hour < to_hour;
  if (inside) return from;
  return hour < from_hour ? day + from_hour : day + hours_per_day + from_hour;
}

}  // namespace corridor::detail

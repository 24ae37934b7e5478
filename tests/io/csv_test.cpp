#include <gtest/gtest.h>

#include <algorithm>
#include <clocale>
#include <limits>
#include <locale>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "corridor/io.hpp"
#include "corridor/tidy.hpp"
#include "io_fixtures.hpp"

namespace corridor {
namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string f; std::getline(in, f, ',');) out.push_back(f);
  return out;
}

std::size_t fields(const std::string& line) {
  return static_cast<std::size_t>(std::count(line.begin(), line.end(), ',')) + 1;
}

TEST(csv, prints_numbers_shortest_round_trip_without_exponent_noise) {
  EXPECT_EQ(format_number(0.5), "0.5");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(4100), "4100");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(std::stod(format_number(2.0 / 7.0)), 2.0 / 7.0);
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "");
}

// One formatter for every file: whole numbers as integers (a sweep's 1000000 stays readable and its run id
// stable), never an exponent for them, and the shortest exact text for the rest.
TEST(csv, prints_whole_numbers_as_integers_and_the_rest_shortest_round_trip) {
  EXPECT_EQ(format_number(100000), "100000");
  EXPECT_EQ(format_number(-2e6), "-2000000");
  EXPECT_EQ(format_number(1e15), "1e+15");
  EXPECT_EQ(format_number(1e-5), "1e-05");
  EXPECT_EQ(std::stod(format_number(123456.789)), 123456.789);
}

TEST(text, escapes_html_and_formats_hashes_as_sixteen_hex_digits) {
  EXPECT_EQ(html_escape("a<b & \"c\">"), "a&lt;b &amp; &quot;c&quot;&gt;");
  EXPECT_EQ(hex16(0xabc), "0000000000000abc");
  EXPECT_EQ(hex16(~0ULL), "ffffffffffffffff");
}

// A German locale writes 0,5; the writers must not care which locale the program runs under.
TEST(csv, prints_a_decimal_point_under_a_german_locale) {
  std::locale german;
  bool found = false;
  for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "German"}) {
    try {
      german = std::locale(name);
      found = true;
      break;
    } catch (const std::runtime_error&) {
    }
  }
  if (!found) GTEST_SKIP() << "no German locale installed";
  const std::locale old = std::locale::global(german);
  std::setlocale(LC_ALL, german.name().c_str());
  const std::string half = format_number(0.5);
  const std::string csv = routes_csv(test::summary_of(test::sample_runs(1)));
  std::locale::global(old);
  std::setlocale(LC_ALL, "C");
  EXPECT_EQ(half, "0.5");
  EXPECT_NE(csv.find(",0.7,true"), std::string::npos);
}

TEST(csv, quotes_fields_holding_commas_quotes_or_line_breaks) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
}

TEST(routes_csv, quotes_ids_with_commas_and_keeps_one_row_per_route) {
  auto runs = test::sample_runs(1);
  runs[0].routes[0].flow = "xian,duisburg";
  const auto l = lines(routes_csv(test::summary_of(runs)));
  ASSERT_EQ(l.size(), 5u);
  EXPECT_EQ(l[0], "flow,route,trains,teu,share,via_central_asia");
  EXPECT_EQ(l[1].substr(0, 16), "\"xian,duisburg\",");
  EXPECT_EQ(l[2], "xian-duisburg,xian>zabaykalsk>moscow>malaszewicze>lodz>duisburg,86,6900,0.3,false");
}

TEST(replications_csv, has_one_row_per_replication_and_one_column_per_flattened_metric) {
  const auto runs = test::sample_runs(3);
  const auto l = lines(replications_csv(test::summary_of(runs)));
  ASSERT_EQ(l.size(), 4u);
  const std::size_t columns = runs[0].flatten().size() + 2;
  for (const auto& row : l) EXPECT_EQ(fields(row), columns) << row;
  EXPECT_EQ(l[0].substr(0, 48), "replication,seed,metrics.throughput_teu_per_day,");
  EXPECT_EQ(l[2].substr(0, 5), "1,42,");
  EXPECT_EQ(std::stod(l[2].substr(5)), 420.5 * 1.01);
}

TEST(replications_csv, refuses_a_summary_whose_replications_lack_values) {
  auto s = test::summary_of(test::sample_runs(2));
  s.per_replication[1].values.pop_back();
  EXPECT_THROW(replications_csv(s), io_error);
}

TEST(daily_csv, averages_days_over_replications_with_a_column_per_queue) {
  auto runs = test::sample_runs(2, 3);
  runs[0].daily[0].teu_delivered = 100, runs[1].daily[0].teu_delivered = 300;
  const auto l = lines(daily_csv(test::summary_of(runs)));
  ASSERT_EQ(l.size(), 4u);
  // The end-of-day queues keep their place right after the deliveries, so readers by position still work.
  EXPECT_EQ(
      l[0].substr(0, l[0].find(",mean_queue_")),
      "day,teu_delivered,trains_delivered,queue_dostyk,queue_khorgos,queue_zabaykalsk,queue_malaszewicze,"
      "queue_aktau-baku");
  EXPECT_EQ(l[1].substr(0, 7), "30,200,");
  EXPECT_EQ(fields(l[0]), 3u + 6u * 5u);
  EXPECT_EQ(fields(l[3]), 3u + 6u * 5u);
}

TEST(daily_csv, has_mean_and_max_queue_utilization_and_waits_per_queue_and_day) {
  auto runs = test::sample_runs(2, 3);
  // Queue 1 (khorgos) on day 31: the columns carry the mean over replications of each field.
  daily_row& a = runs[0].daily[1];
  daily_row& b = runs[1].daily[1];
  a.mean_queue_trains[1] = 2.0, b.mean_queue_trains[1] = 4.0;
  a.max_queue_trains[1] = 5.0, b.max_queue_trains[1] = 7.0;
  a.utilization[1] = 0.5, b.utilization[1] = 0.75;
  a.mean_wait_h[1] = 1.0, b.mean_wait_h[1] = 2.0;
  a.p95_wait_h[1] = 8.0, b.p95_wait_h[1] = 10.0;
  const auto l = lines(daily_csv(test::summary_of(runs)));
  ASSERT_EQ(l.size(), 4u);
  const auto head = split(l[0]), row = split(l[2]);
  ASSERT_EQ(head.size(), row.size());
  auto cell = [&](const std::string& column) {
    const auto it = std::find(head.begin(), head.end(), column);
    if (it == head.end()) throw std::out_of_range("no column " + column);
    return row.at(static_cast<std::size_t>(it - head.begin()));
  };
  EXPECT_EQ(cell("day"), "31");
  EXPECT_EQ(cell("mean_queue_khorgos"), "3");
  EXPECT_EQ(cell("max_queue_khorgos"), "6");
  EXPECT_EQ(cell("utilization_khorgos"), "0.625");
  EXPECT_EQ(cell("mean_wait_h_khorgos"), "1.5");
  EXPECT_EQ(cell("p95_wait_h_khorgos"), "9");
  EXPECT_NO_THROW(cell("utilization_aktau-baku"));
  EXPECT_NO_THROW(cell("p95_wait_h_dostyk"));
}

TEST(daily_csv, adds_each_resource_ports_yard_gate_and_berths_after_the_queues) {
  const auto runs = test::with_ports(test::sample_runs(2, 3));
  const auto l = lines(daily_csv(test::summary_of(runs)));
  ASSERT_EQ(l.size(), 4u);
  const auto head = split(l[0]), row = split(l[2]);  // day 31
  ASSERT_EQ(head.size(), 3u + 6u * 5u + 7u * 2u);
  ASSERT_EQ(row.size(), head.size());
  EXPECT_EQ(head[3 + 6 * 5], "yard_teu_aktau");
  EXPECT_EQ(head[3 + 6 * 5 + 1], "yard_teu_baku");
  EXPECT_EQ(head.back(), "berth_utilization_baku");
  auto cell = [&](const std::string& column) {
    const auto it = std::find(head.begin(), head.end(), column);
    if (it == head.end()) throw std::out_of_range("no column " + column);
    return row.at(static_cast<std::size_t>(it - head.begin()));
  };
  EXPECT_EQ(cell("yard_teu_aktau"), "131.5");  // 100 + 31 + replication (0 and 1), averaged
  EXPECT_EQ(cell("yard_mean_teu_aktau"), "121");
  EXPECT_EQ(cell("trains_outside_aktau"), "0");
  EXPECT_EQ(cell("ships_at_berth_baku"), "0");
  EXPECT_EQ(cell("berth_utilization_aktau"), "0.25");
  for (const char* prefix : {"mean_trains_outside_", "ships_waiting_"})
    EXPECT_NO_THROW(cell(prefix + std::string("baku")));
}

TEST(daily_table, lists_each_ports_series_under_its_field_and_unit) {
  const tidy_table t = daily_table(test::summary_of(test::with_ports(test::sample_runs(1, 2))));
  const auto& metric = t.column("metric").texts;
  const auto& unit = t.column("unit").texts;
  const auto& value = t.column("value").numbers;
  auto at = [&](const std::string& name) {
    const auto it = std::find(metric.begin(), metric.end(), name);
    if (it == metric.end()) throw std::out_of_range("no row " + name);
    return static_cast<std::size_t>(it - metric.begin());
  };
  EXPECT_EQ(value[at("ports.aktau.yard_teu")], 130.0);  // day 30 of replication 0
  EXPECT_EQ(unit[at("ports.aktau.yard_teu")], "TEU");
  EXPECT_EQ(unit[at("ports.aktau.mean_trains_outside")], "trains");
  EXPECT_EQ(unit[at("ports.baku.ships_waiting")], "ships");
  EXPECT_EQ(unit[at("ports.baku.utilization")], "fraction");
  EXPECT_EQ(value[at("ports.baku.utilization")], 0.1);
}

TEST(daily_csv, adds_each_wagon_pools_platforms_and_waiting_trains_after_the_ports) {
  const auto runs = test::with_wagon_pool(test::with_ports(test::sample_runs(2, 3)));
  const auto l = lines(daily_csv(test::summary_of(runs)));
  ASSERT_EQ(l.size(), 4u);
  const auto head = split(l[0]), row = split(l[2]);  // day 31
  ASSERT_EQ(head.size(), 3u + 6u * 5u + 7u * 2u + 5u);
  ASSERT_EQ(row.size(), head.size());
  EXPECT_EQ(head[3 + 6 * 5 + 7 * 2], "wagons_home_kz");
  EXPECT_EQ(head.back(), "mean_trains_waiting_wagons_kz");
  auto cell = [&](const std::string& column) {
    const auto it = std::find(head.begin(), head.end(), column);
    if (it == head.end()) throw std::out_of_range("no column " + column);
    return row.at(static_cast<std::size_t>(it - head.begin()));
  };
  EXPECT_EQ(cell("wagons_home_kz"), "631.5");  // 600 + 31 + replication (0 and 1), averaged
  EXPECT_EQ(cell("wagons_out_kz"), "368.5");
  EXPECT_EQ(cell("wagon_utilization_kz"), "0.35");
  EXPECT_EQ(cell("trains_waiting_wagons_kz"), "1");
  EXPECT_EQ(cell("mean_trains_waiting_wagons_kz"), "0.5");
}

TEST(daily_table, lists_each_wagon_pools_series_under_its_field_and_unit) {
  const tidy_table t = daily_table(test::summary_of(test::with_wagon_pool(test::sample_runs(1, 2))));
  const auto& metric = t.column("metric").texts;
  const auto& unit = t.column("unit").texts;
  const auto& value = t.column("value").numbers;
  auto at = [&](const std::string& name) {
    const auto it = std::find(metric.begin(), metric.end(), name);
    if (it == metric.end()) throw std::out_of_range("no row " + name);
    return static_cast<std::size_t>(it - metric.begin());
  };
  EXPECT_EQ(value[at("wagon_pools.kz.wagons_home")], 630.0);  // day 30 of replication 0
  EXPECT_EQ(unit[at("wagon_pools.kz.wagons_home")], "wagons");
  EXPECT_EQ(unit[at("wagon_pools.kz.wagons_out")], "wagons");
  EXPECT_EQ(unit[at("wagon_pools.kz.utilization")], "fraction");
  EXPECT_EQ(unit[at("wagon_pools.kz.trains_waiting")], "trains");
  EXPECT_EQ(unit[at("wagon_pools.kz.mean_trains_waiting")], "trains");
  EXPECT_EQ(value[at("wagon_pools.kz.trains_waiting")], 0.0);  // day 30
}

TEST(crossings_csv, lists_crossings_then_ferries) {
  const auto l = lines(crossings_csv(test::summary_of(test::sample_runs(1))));
  ASSERT_EQ(l.size(), 6u);
  EXPECT_EQ(l[1].substr(0, 16), "dostyk,crossing,");
  EXPECT_EQ(l[5].substr(0, 17), "aktau-baku,ferry,");
}

}  // namespace
}  // namespace corridor

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <regex>

#include "corridor/io.hpp"
#include "corridor/study.hpp"
#include "io_fixtures.hpp"

namespace corridor {
namespace {

namespace fs = std::filesystem;

class report_page : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(CORRIDOR_BINARY_DIR) / "io-test-scratch" /
           (std::string(info->name()) + "." + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  // A run's folder (with a comparison beside it when asked) and the report `corridor report` makes of it.
  std::string build(const scenario& s, bool with_compare) {
    write_run_outputs(dir_, summarize(s, test::sample_runs(3), 30));
    if (with_compare) write_compare_outputs(dir_, test::sample_compare());
    return read_file(write_report_html(dir_, read_report_input(dir_)));
  }
  // What `corridor compare --out` writes: compare.json beside base/ and variant/ run outputs.
  std::string build_compare() {
    write_compare_outputs(dir_, test::sample_compare());
    write_run_outputs(dir_ / "base", test::summary_of(test::sample_runs(3)));
    write_run_outputs(dir_ / "variant", test::summary_of(test::sample_runs(2)));
    return read_file(write_report_html(dir_, read_report_input(dir_)));
  }
  fs::path dir_;
};

TEST_F(report_page, loads_nothing_from_the_network) {
  const auto page = build(test::sample_scenario(), true);
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_FALSE(
      std::regex_search(page, std::regex(R"((src|href)\s*=\s*["']?(https?:)?//)", std::regex::icase)));
  EXPECT_EQ(page.find("<link"), std::string::npos);
  EXPECT_EQ(page.find("<script src"), std::string::npos);
}

TEST_F(report_page, has_the_map_and_every_chart_id) {
  const auto page = build(test::sample_scenario(), true);
  for (const char* id : {"map", "chart-costs", "chart-transit", "chart-queues", "chart-compare"}) {
    EXPECT_NE(page.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(page.find("document.body.dataset.drawn = \"true\""), std::string::npos);
  EXPECT_NE(page.find("<title>Corridor report \xe2\x80\x94 io-fixture</title>"), std::string::npos);
}

TEST_F(report_page, draws_a_comparison_with_its_map_and_queue_charts) {
  const auto page = build_compare();
  for (const char* id :
       {"chart-compare", "chart-compare-map", "chart-compare-queues", "table-compare", "compare-hidden"}) {
    EXPECT_NE(page.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(page.find("\"sides\":{\"base\":{\"flows\":{"), std::string::npos);
  EXPECT_NE(page.find("\"variant\":{\"flows\":{"), std::string::npos);
  EXPECT_NE(
      page.find(R"("files":["compare.json","base/flows.geojson","base/daily.csv","variant/flows.geojson")"),
      std::string::npos)
      << "footer's file list";
}

TEST_F(report_page, keeps_only_the_queue_series_of_each_side_of_a_comparison) {
  const auto page = build_compare();
  EXPECT_NE(page.find("\"mean_queue_dostyk\""), std::string::npos);
  EXPECT_NE(page.find("\"daily_columns\":[\"day\",\"mean_queue_"), std::string::npos);
  EXPECT_EQ(page.find("p95_wait_h_dostyk"), std::string::npos);
  EXPECT_EQ(page.find("teu_delivered"), std::string::npos);
}

TEST_F(report_page, leaves_out_the_sides_when_compare_wrote_none) {
  fs::create_directories(dir_ / "base");  // one side alone is not a comparison's pair
  write_compare_outputs(dir_, test::sample_compare());
  const auto page = read_file(write_report_html(dir_, read_report_input(dir_)));
  EXPECT_NE(page.find("\"sides\":null"), std::string::npos);
}

TEST_F(report_page, is_byte_identical_for_an_equal_comparison) {
  const auto a = build_compare();
  EXPECT_EQ(a, build_compare());
}

TEST_F(report_page, embeds_the_data_so_it_cannot_close_the_script_early) {
  auto s = test::sample_scenario();
  s.name = "</script><script>alert(1)</script>";
  const auto page = build(s, false);
  EXPECT_EQ(page.find("alert(1)</script>"), std::string::npos);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_NE(page.find("\\u003c/script>\\u003cscript>alert(1)"), std::string::npos);
}

TEST_F(report_page, is_byte_identical_for_an_equal_directory) {
  const auto a = build(test::sample_scenario(), true);
  const auto b = build(test::sample_scenario(), true);
  EXPECT_EQ(a, b);
}

TEST_F(report_page, needs_a_summary_or_a_comparison) {
  fs::create_directories(dir_);
  EXPECT_THROW(read_report_input(dir_), io_error);
  EXPECT_THROW(corridor::report_html({}), io_error);
  write_compare_outputs(dir_, test::sample_compare());
  EXPECT_NO_THROW(write_report_html(dir_, read_report_input(dir_)));
}

TEST_F(report_page, names_a_corrupt_input_file) {
  build(test::sample_scenario(), false);
  write_file_atomic(dir_ / "summary.json", "{ not json");
  try {
    read_report_input(dir_);
    FAIL() << "expected io_error";
  } catch (const io_error& e) {
    EXPECT_NE(std::string(e.what()).find("summary.json"), std::string::npos) << e.what();
  }
}

// `corridor report DIR` reads a folder back into the Summary types: its page is the one the run made in
// memory, byte for byte, and summary.json printed again from what was read is the file itself.
TEST_F(report_page, from_a_folder_is_the_page_made_in_memory_when_the_run_wrote_it) {
  report_input in;
  in.run = test::summary_of(test::sample_runs(3));
  in.run->wall_seconds.reset();
  in.compare = test::sample_compare();
  write_run_outputs(dir_, *in.run);
  write_compare_outputs(dir_, *in.compare);
  const auto read = read_report_input(dir_);
  ASSERT_TRUE(read.run.has_value());
  EXPECT_EQ(summary_json(*read.run), read_file(dir_ / "summary.json"));
  EXPECT_EQ(daily_csv(*read.run), read_file(dir_ / "daily.csv"));
  EXPECT_EQ(flows_geojson(*read.run), read_file(dir_ / "flows.geojson"));
  EXPECT_EQ(compare_json(*read.compare), read_file(dir_ / "compare.json"));
  EXPECT_EQ(corridor::report_html(read), corridor::report_html(in));
}

// With a wagon pool: its columns of daily.csv read back (its ids from summary.json).
TEST_F(report_page, from_a_folder_with_a_wagon_pool_reads_its_daily_columns_back) {
  report_input in;
  in.run = test::summary_of(test::with_wagon_pool(test::sample_runs(3)));
  in.run->wall_seconds.reset();
  write_run_outputs(dir_, *in.run);
  const auto read = read_report_input(dir_);
  ASSERT_TRUE(read.run.has_value());
  ASSERT_EQ(read.run->wagon_pools.size(), 1u);
  EXPECT_EQ(read.run->daily.front().wagons_home.size(), 1u);
  EXPECT_EQ(daily_csv(*read.run), read_file(dir_ / "daily.csv"));
}

// With resource ports: their columns of daily.csv and their nodes' numbers in flows.geojson read back too,
// and the page carries the ports' table and their daily series.
TEST_F(report_page, from_a_folder_with_ports_is_the_page_made_in_memory) {
  report_input in;
  in.run = test::summary_of(test::with_ports(test::sample_runs(3)));
  in.run->wall_seconds.reset();
  write_run_outputs(dir_, *in.run);
  const auto read = read_report_input(dir_);
  ASSERT_TRUE(read.run.has_value());
  ASSERT_EQ(read.run->ports.size(), 2u);
  EXPECT_EQ(read.run->daily.front().yard_teu.size(), 2u);
  EXPECT_EQ(daily_csv(*read.run), read_file(dir_ / "daily.csv"));
  EXPECT_EQ(flows_geojson(*read.run), read_file(dir_ / "flows.geojson"));
  const std::string page = corridor::report_html(read);
  EXPECT_EQ(page, corridor::report_html(in));
  EXPECT_NE(page.find("id=\"table-ports\""), std::string::npos);
  EXPECT_NE(page.find("\"yard_teu_aktau\""), std::string::npos);
}

TEST_F(report_page, from_a_comparison_folder_is_the_page_compare_made_in_memory) {
  report_input in;
  in.compare = test::sample_compare();
  in.compared =
      report_input::sides{test::summary_of(test::sample_runs(3)), test::summary_of(test::sample_runs(2))};
  in.compared->base.wall_seconds.reset(), in.compared->variant.wall_seconds.reset();
  write_compare_outputs(dir_, *in.compare);
  write_run_outputs(dir_ / "base", in.compared->base);
  write_run_outputs(dir_ / "variant", in.compared->variant);
  EXPECT_EQ(corridor::report_html(read_report_input(dir_)), corridor::report_html(in));
}

TEST_F(report_page, names_the_file_and_line_of_a_damaged_daily_csv) {
  build(test::sample_scenario(), false);
  auto daily = read_file(dir_ / "daily.csv");
  daily.replace(daily.find('\n', daily.find('\n') + 1) - 3, 1, "x");
  write_file_atomic(dir_ / "daily.csv", daily);
  try {
    read_report_input(dir_);
    FAIL() << "expected io_error";
  } catch (const io_error& e) {
    EXPECT_NE(std::string(e.what()).find("daily.csv: line 2:"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace corridor

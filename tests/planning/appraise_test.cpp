// Appraisals of toy-programme.yaml on a deterministic toy: what common random numbers guarantee (a project
// that changes nothing gains exactly nothing), what the value of time gives by hand, and that the threads
// change nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "corridor/planning.hpp"
#include "corridor/planning_io.hpp"

namespace corridor {
namespace {

namespace fs = std::filesystem;
const fs::path here = fs::path(CORRIDOR_SOURCE_DIR) / "tests" / "planning" / "fixtures";

const appraisal& toy_appraisal() {
  static const appraisal a = [] {
    appraisal_options opt;
    opt.replications = 3;
    opt.threads = 2;
    return appraise_programme(load_programme(here / "toy-programme.yaml"), opt);
  }();
  return a;
}

const case_appraisal& find_case(const appraisal& a, const std::string& id) {
  for (const auto& c : a.cases) {
    if (c.id == id) return c;
  }
  throw std::out_of_range(id);
}

TEST(appraise, runs_each_state_once_with_the_same_replications) {
  const appraisal& a = toy_appraisal();
  // Per model year: do-nothing, each project alone, both: 4 states x 2 model years x 3 replications.
  EXPECT_EQ(a.simulations, 24U);
  ASSERT_EQ(a.cases.size(), 3U);
  EXPECT_EQ(a.cases[0].id, "faster-line");
  EXPECT_EQ(a.cases[1].id, "same-tracks");
  EXPECT_EQ(a.cases[2].id, "programme");
  EXPECT_EQ(a.cases[2].projects, (std::vector<std::string>{"faster-line", "same-tracks"}));
}

TEST(appraise, costs_are_discounted_by_hand) {
  // faster-line: 5 M in 2026 and 2027, then 0.1 M a year 2028-2035, at 5 % to 2026:
  //   5 + 5/1.05 + sum_{k=2..9} 0.1/1.05^k = 10.377449 M. same-tracks: 1 M in 2027 = 0.952381 M.
  const appraisal& a = toy_appraisal();
  EXPECT_NEAR(find_case(a, "faster-line").pv_costs_usd, 10377448.834231071, 1e-3);
  EXPECT_NEAR(find_case(a, "same-tracks").pv_costs_usd, 952380.9523809523, 1e-3);
  EXPECT_NEAR(find_case(a, "programme").pv_costs_usd, 11329829.786612023, 1e-3);
}

TEST(appraise, a_project_that_changes_nothing_gains_exactly_nothing) {
  // Common random numbers: the same seed and replication on the same network give the same run.
  const case_appraisal& c = find_case(toy_appraisal(), "same-tracks");
  EXPECT_EQ(c.pv_benefits_usd.mean, 0.0);
  EXPECT_EQ(c.pv_benefits_usd.ci95, 0.0);
  EXPECT_EQ(c.co2_t.mean, 0.0);
  EXPECT_EQ(c.npv_usd.mean, -c.pv_costs_usd);
  EXPECT_EQ(c.irr.n, 0U);  // no benefits: no IRR in any replication
  EXPECT_EQ(c.bcr.mean, 0.0);
}

TEST(appraise, the_programme_gains_what_its_only_useful_project_gains) {
  const appraisal& a = toy_appraisal();
  EXPECT_EQ(find_case(a, "programme").pv_benefits_usd.mean, find_case(a, "faster-line").pv_benefits_usd.mean);
}

TEST(appraise, time_savings_are_teu_times_days_saved_times_the_value_of_time) {
  // 6,000 km at 1,500 instead of 1,000 km/day: 2 days less a container; 410 TEU/week = 21,379 TEU/yr at
  // $40/TEU-day: 2 x 40 x 21,379 = $1.71 M a year (within 5 %: a window of 60 days counts whole trains).
  const case_appraisal& c = find_case(toy_appraisal(), "faster-line");
  ASSERT_EQ(c.benefits_by_model_year.size(), 2U);
  for (double b : c.benefits_by_model_year) EXPECT_NEAR(b, 1710285.7, 0.05 * 1710285.7);
  // Ten open years 2028-2035 of it, undiscounted: eight years of ~1.71 M.
  EXPECT_NEAR(c.time_savings_usd.mean, 8 * 1710285.7, 0.05 * 8 * 1710285.7);
  EXPECT_GT(c.npv_usd.mean, 0.0);
  EXPECT_GT(c.bcr.mean, 1.0);
  EXPECT_EQ(c.irr.n, 3U);
}

TEST(appraise, gives_benefits_costs_and_co2_for_every_year_of_the_horizon) {
  const case_appraisal& c = find_case(toy_appraisal(), "faster-line");
  ASSERT_EQ(c.costs_by_year.size(), 10U);  // 2026-2035
  EXPECT_EQ(c.costs_by_year[0], 5e6);      // building
  EXPECT_EQ(c.costs_by_year[2], 1e5);      // 2028: open, opex only
  EXPECT_EQ(c.benefits_by_year[0], 0.0);   // nothing before the opening
  EXPECT_EQ(c.benefits_by_year[1], 0.0);
  // Open from 2028: the model years' values, interpolated between and held after 2032.
  EXPECT_DOUBLE_EQ(c.benefits_by_year[2028 - 2026], c.benefits_by_model_year[0]);
  EXPECT_DOUBLE_EQ(c.benefits_by_year[2035 - 2026], c.benefits_by_model_year[1]);
  EXPECT_NEAR(c.benefits_by_year[2030 - 2026],
              0.5 * (c.benefits_by_model_year[0] + c.benefits_by_model_year[1]), 1e-6);
}

// The market toy's rail share in 2035, do-nothing, with the sea's rates growing at `ocean_growth` a year.
double rail_share_2035(const std::string& name, const std::string& ocean_growth) {
  const std::string text =
      "name: market\nbase: " + (here / "toy-market.yaml").string() +
      "\nbase_year: 2025\nhorizon: {from: 2026, to: 2035}\nmodel_years: [2035]\n"
      "discount_rate: 0.05\nvalue_of_time: {source: t}\n"
      "demand_growth: {default_per_year: 0, source: t}\n"
      "alternative_cost_growth: {default_per_year: " +
      ocean_growth +
      ", source: t}\n"
      "co2: {price_usd_per_t: 0, price_source: t, load_t_per_teu: 10, "
      "rail_diesel_g_per_tkm: 20, rail_electric_g_per_tkm: 8, ferry_g_per_tkm: 30, source: t}\n"
      "projects:\n  - {id: faster, overlay: " +
      (here / "toy-market-faster-line.yaml").string() +
      ", capex_usd: 1, opex_usd_per_year: 0, build_years: 1, earliest_start: 2026, source: t}\n"
      "targets:\n  - {metric: markets.cn-eu.rail_share, min: 0, year: 2035}\n";
  const fs::path file = fs::path(CORRIDOR_BINARY_DIR) / "test-output" / (name + ".yaml");
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
  appraisal_options opt;
  opt.replications = 2;
  return appraise_programme(load_programme(file), opt).targets.at(0).do_nothing.mean;
}

TEST(appraise, ocean_rates_that_rise_over_the_years_shift_demand_to_rail) {
  // Sea at 2,000 US$/TEU in 2025 and 10 % a year dearer: 2,000 x 1.1^10 = 5,187 US$ in 2035.
  const double flat = rail_share_2035("market-flat", "0");
  const double dearer = rail_share_2035("market-dearer-sea", "0.1");
  EXPECT_GT(flat, 0.0);
  EXPECT_GT(dearer, flat + 0.05);
}

TEST(appraise, results_do_not_depend_on_the_thread_count) {
  appraisal_options opt;
  opt.replications = 3;
  opt.threads = 1;
  const appraisal one = appraise_programme(load_programme(here / "toy-programme.yaml"), opt);
  for (std::size_t k = 0; k < one.cases.size(); ++k) {
    EXPECT_EQ(one.cases[k].npv_usd.mean, toy_appraisal().cases[k].npv_usd.mean);
    EXPECT_EQ(one.cases[k].npv_usd.ci95, toy_appraisal().cases[k].npv_usd.ci95);
    EXPECT_EQ(one.cases[k].co2_t.mean, toy_appraisal().cases[k].co2_t.mean);
  }
}

TEST(appraise, reports_the_targets_for_do_nothing_and_the_programme) {
  const appraisal& a = toy_appraisal();
  ASSERT_EQ(a.targets.size(), 1U);
  // Transit: 2,900/900 + 6,000/1,000 days of travel plus waits; 2 days less with the faster line.
  EXPECT_NEAR(a.targets[0].do_nothing.mean - a.targets[0].programme.mean, 2.0, 0.05);
}

}  // namespace
}  // namespace corridor

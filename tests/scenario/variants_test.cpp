// Each bundled variant moves the model the way its real counterpart moved the corridor. Paired comparisons
// against the baseline over a few replications with common random numbers; a test passes only when the
// paired 95 % interval of the difference excludes zero on the side the real event went.
// Runs are shortened (150 days, 20 days warm-up) to keep the binary fast; deterministic given the seeds.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "corridor/statistics.hpp"
#include "corridor/study.hpp"

namespace corridor {
namespace {

constexpr double horizon_days = 150.0;
constexpr double warmup_days = 20.0;
constexpr std::size_t replications = 4;

scenario load_short(const std::string& file) {
  scenario s = load_scenario(std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios" / file);
  s.horizon_days = horizon_days;
  s.warmup_days = warmup_days;
  return s;
}

const prepared_scenario& baseline() {
  static const prepared_scenario p(load_short("baseline-2025.yaml"));
  return p;
}

// The paired difference (variant - base) of a sum of flattened metrics, replication by replication.
paired_stat difference(const compare_result& c, const std::vector<std::string>& metrics) {
  const auto sums = [&](const std::vector<run_result>& runs) {
    std::vector<double> out;
    for (const auto& r : runs) {
      std::map<std::string, double> flat;
      for (const auto& [n, v] : r.flatten()) flat[n] = v;
      double s = 0.0;
      for (const auto& m : metrics) {
        const auto it = flat.find(m);
        if (it == flat.end()) ADD_FAILURE() << "no metric " << m;
        s += it == flat.end() ? 0.0 : it->second;
      }
      out.push_back(s);
    }
    return out;
  };
  return paired_difference(sums(c.base_runs), sums(c.variant_runs));
}

compare_result against_baseline(const scenario& variant) {
  return compare_scenarios(baseline(), prepared_scenario(variant), replications);
}

void expect_rises(const paired_stat& d, const std::string& what) {
  EXPECT_TRUE(d.significant && d.mean_diff > 0.0)
      << what << ": difference " << d.mean_diff << " ± " << d.half_width_95 << " should be > 0";
}

void expect_falls(const paired_stat& d, const std::string& what) {
  EXPECT_TRUE(d.significant && d.mean_diff < 0.0)
      << what << ": difference " << d.mean_diff << " ± " << d.half_width_95 << " should be < 0";
}

const std::vector<std::string> caspian_teu = {"ferries.aktau-alat@aktau.teu", "ferries.aktau-alat@alat.teu",
                                              "ferries.kuryk-alat@kuryk.teu", "ferries.kuryk-alat@alat.teu"};

TEST(variants, malaszewicze_2021_lengthens_waits_at_malaszewicze_and_transit) {
  const auto c = against_baseline(load_short("malaszewicze-2021.yaml"));
  expect_rises(difference(c, {"crossings.malaszewicze.mean_wait_h"}), "Malaszewicze mean wait");
  expect_rises(difference(c, {"metrics.transit_days_p95"}), "transit p95");
}

// 2022's ocean rates were high, so EU rail as a whole did not fall against the 2024 baseline; what the acute
// risk moves is which routes EU-bound freight takes.
TEST(variants, sanctions_2022_move_teu_away_from_russia_belarus) {
  const auto c = against_baseline(load_short("sanctions-2022.yaml"));
  expect_rises(difference(c, {"shares.avoiding_russia_belarus.teu"}), "share of China–EU TEU avoiding RU/BY");
}

TEST(variants, sanctions_2022_move_teu_to_the_middle_corridor) {
  const auto c = against_baseline(load_short("sanctions-2022.yaml"));
  expect_rises(difference(c, caspian_teu), "Caspian ferry TEU");
}

// What the 2025 closure did: trains stranded at Brest (>130, src:E17) while shippers booked other ways.
// Transit times of *delivered* containers are no witness: the stranded ones may still be in the system at the
// end of the run and drop out of them (right-censoring), while trains that left later took other corridors.
TEST(variants, poland_closure_2025_strands_trains_at_brest_and_holds_containers_up) {
  scenario s = load_short("poland-closure-2025.yaml");
  // The September closure moved into the short run (day 254 -> 74), same length, so the run sees the
  // closure and the weeks of clearing after it.
  for (auto& d : s.disruptions) {
    d.from_day -= 180.0;
    d.to_day -= 180.0;
  }
  const auto c = against_baseline(s);
  expect_rises(difference(c, {"crossings.brest.mean_wait_h"}), "Brest mean wait");
  expect_rises(difference(c, {"crossings.brest.max_queue_trains"}), "trains queued at Brest");
  expect_rises(difference(c, {"markets.cn-eu.sea_cn_north_europe_teu_per_year"}),
               "China–EU TEU shipped by sea");
  expect_falls(difference(c, {"metrics.throughput_teu_per_day"}), "TEU delivered per day");
}

TEST(variants, khorgos_expansion_draws_trains_to_khorgos_altynkol) {
  const auto c = against_baseline(load_short("khorgos-expansion.yaml"));
  expect_rises(difference(c, {"crossings.khorgos.trains"}), "Khorgos trains");
}

// The second track removes the line's slot queue; Dostyk station's own 12 trains a day each way (src:K10)
// then bind, so the line's gain shows as shorter slot waits rather than more trains.
TEST(variants, dostyk_moyinty_double_track_shortens_the_slot_waits_on_the_line) {
  const auto c = against_baseline(load_short("dostyk-moyinty-double-track.yaml"));
  expect_falls(difference(c, {"edges.dostyk-aktogay.mean_slot_wait_h"}), "slot wait Dostyk–Aktogay");
}

TEST(variants, middle_corridor_2030_carries_more_teu_across_the_caspian) {
  const auto c = against_baseline(load_short("middle-corridor-2030.yaml"));
  expect_rises(difference(c, caspian_teu), "Caspian ferry TEU");
}

TEST(variants, subsidy_phaseout_raises_what_shippers_pay_per_teu) {
  const auto c = against_baseline(load_short("subsidy-phaseout.yaml"));
  expect_rises(difference(c, {"metrics.cost_usd_per_teu"}), "out-of-pocket cost per TEU");
}

}  // namespace
}  // namespace corridor

#pragma once
// A small scenario file for the studio's tests: one crossing (dostyk, 2 tracks) between two terminals, 40
// days unless told otherwise, so a request answers in well under a second.
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace corridor::test {

// Each test runs in a process of its own (CTest runs them side by side), and a suite's set-up writes its
// scenario afresh: the folder carries the process id, so that one test's set-up never removes another's file.
inline std::filesystem::path write_small_scenario(const std::string& folder, int horizon_days = 40) {
  const std::filesystem::path dir = std::filesystem::path(CORRIDOR_BINARY_DIR) / "test-output" /
                                    (folder + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "small.yaml";
  std::ofstream(file) << "name: small\nseed: 7\nhorizon_days: " << horizon_days << R"(
warmup_days: 5
regions: {china: [CN], europe: [PL], central_asia: [KZ]}
cargo_classes: {general: {value_of_time_usd_per_teu_day: 40, goods_value_usd_per_teu: 50000}}
nodes:
  xian: {kind: terminal, country: CN, lat: 34.34, lon: 108.94}
  dostyk: {kind: crossing, country: KZ, lat: 45.25, lon: 82.48, tracks: 2,
           transshipment_h: {dist: exponential, mean: 4}}
  lodz: {kind: terminal, country: PL, lat: 51.76, lon: 19.46}
edges:
  xian-dostyk: {from: xian, to: dostyk, distance_km: 2900, speed_km_per_day: 900, gauge_mm: 1435}
  dostyk-lodz: {from: dostyk, to: lodz, distance_km: 6000, speed_km_per_day: 1000, gauge_mm: 1520}
flows:
  xian-lodz: {from: xian, to: lodz, cargo_class: general, teu_per_week: 400}
)";
  return file;
}

}  // namespace corridor::test

#pragma once
// What a run reads but never changes: per-flow and per-node facts derived from the scenario once, when the
// run is set up (setup.cpp), so that rules need not look them up again at every event.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace corridor::detail {

enum class direction : std::uint8_t { westbound, eastbound, other };
constexpr std::size_t direction_count = 3;
constexpr std::array<const char*, direction_count> direction_names{"westbound", "eastbound", "other"};
constexpr std::size_t index(direction d) {
  return static_cast<std::size_t>(d);
}

struct service_facts {
  int capacity_teu = 0;              // of its trains
  double rate_max_per_h = 0.0;       // arrivals at the busiest month: candidates for thinning
  double value_of_time_per_h = 0.0;  // USD per TEU-hour
  std::uint32_t cargo_class = 0;     // index into scenario::cargo_classes
  direction dir = direction::other;  // from the report's origin region, or to it
  bool counts_for_share = false;     // between the report's two regions (either way)
  std::vector<double> route_usd;     // per path in the path set: out-of-pocket USD per TEU
};

struct node_facts {
  double nominal_service_h = 0.0;  // crossings: mean service plus customs (costs.hpp)
  bool is_crossing = false;
  bool is_terminal = false;
  bool in_share_region = false;
};

struct model_facts {
  std::vector<service_facts> services;
  std::vector<node_facts> nodes;  // per vertex
};

}  // namespace corridor::detail

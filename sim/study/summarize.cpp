// A run's Summary with what only the scenario knows: its name, its file, its network for maps and the display
// names of its share's regions.
#include "corridor/study.hpp"

namespace corridor {

network_view network_of(const scenario& s) {
  network_view out;
  for (const auto& n : s.nodes) {
    out.nodes.push_back({n.id, n.name, std::string(to_string(n.kind)), n.country, n.lat, n.lon});
  }
  for (const auto& e : s.edges) {
    out.edges.push_back({e.id, e.from, e.to, e.mode == edge_mode::ferry ? "ferry" : "rail", e.slots_per_day});
  }
  return out;
}

run_summary summarize(const scenario& s, const std::vector<run_result>& runs, double warmup_days) {
  run_summary out = summarize_results(runs);
  out.scenario_name = s.name;
  out.scenario_file = s.source_file;
  out.horizon_days = s.horizon_days;
  out.warmup_days = warmup_days;
  out.network = network_of(s);
  const share_spec headline = headline_share(s.report);
  out.share_region_name = s.region_name(out.regions.region);
  out.share_from_name = s.region_name(headline.from_region);
  out.share_to_name = s.region_name(headline.to_region);
  return out;
}

}  // namespace corridor

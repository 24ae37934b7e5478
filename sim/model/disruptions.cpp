// Disruptions opening and closing parts of the network, and what trains know of them.
#include "disruptions.hpp"

#include <algorithm>
#include <string>

#include "calendar.hpp"
#include "crossings.hpp"
#include "journey.hpp"
#include "lines.hpp"

namespace corridor::detail {
namespace {

// The capacity factor of `target` under every disruption of it in force: the most severe one.
double factor_in_force(const model& m, std::string_view target) {
  double factor = 1.0;
  for (disruption_id o = 0; o < m.disruptions.size(); ++o) {
    const disruption_spec& ds = m.disruptions[o];
    if (m.state.disruptions[o].active && ds.target == target) factor = std::min(factor, ds.capacity_factor);
  }
  return factor;
}

void apply_to_node(model& m, vertex_t v, double factor) {
  m.state.nodes[v].capacity_factor = factor;
  if (factor <= 0.0) return;
  if (m.facts.nodes[v].is_crossing) try_start_service(m, v);
  release_held(m, v);
}

void apply_to_edges(model& m, const disruption_spec& ds, double factor) {
  const edge_spec* es = m.spec.find_edge(ds.target);
  if (es == nullptr) throw model_error("disruption '" + ds.id + "' names unknown target '" + ds.target + "'");
  const auto spec = static_cast<std::uint32_t>(es - m.spec.edges.data());
  for (edge_id e : m.net.edges_of_spec(spec)) {
    if (is_ferry(m, e)) {
      m.state.ferries[e].capacity_factor = factor;
      continue;
    }
    line_state& line = m.state.lines[e];
    line.capacity_factor = factor;
    line.closed = factor <= 0.0;
    if (!line.closed) release_line(m, e);
  }
}

}  // namespace

// The shortest onset kept: a draw of zero length would open and close at one instant.
constexpr double min_onset_days = 1.0 / hours_per_day / 60.0;

void draw_disruptions(const scenario& s, const run_frame& frame, std::vector<disruption_spec>& out,
                      std::vector<std::uint32_t>& origin) {
  for (std::uint32_t i = 0; i < s.disruptions.size(); ++i) {
    const disruption_spec& ds = s.disruptions[i];
    if (!ds.random()) {
      out.push_back(ds);
      origin.push_back(i);
      continue;
    }
    rng_stream rng(frame.seed, frame.replication, "disruption:" + ds.id);
    const double window_end = ds.to_day > 0.0 ? ds.to_day : s.horizon_days;
    const double mean_gap_days = days_per_year / ds.rate_per_year;
    const double expected_days = ds.duration_days.mean();
    double at = ds.from_day;
    for (int k = 1;; ++k) {
      at += mean_gap_days * sample_standard_exponential(rng);
      if (at >= window_end) break;
      const double length = std::max(ds.duration_days.sample(rng), min_onset_days);
      disruption_spec onset = ds;
      onset.id = ds.id + "#" + std::to_string(k);
      onset.from_day = at;
      onset.to_day = std::min(at + length, s.horizon_days);
      onset.expected_to_day = at + expected_days;
      onset.rate_per_year = 0.0;
      onset.with.clear();
      for (const std::string& other : ds.with) {  // the same onset at each of the other targets
        disruption_spec also = onset;
        also.id += "@" + other;
        also.target = other;
        out.push_back(std::move(also));
        origin.push_back(no_index);
      }
      out.push_back(std::move(onset));
      origin.push_back(i);
    }
  }
}

void schedule_disruptions(model& m) {
  for (disruption_id d = 0; d < m.disruptions.size(); ++d) {
    const disruption_spec& ds = m.disruptions[d];
    m.eng.schedule_at(ds.from_day * hours_per_day, ev_disruption, d, disruption_starts, priority_disruption);
    m.eng.schedule_at(ds.to_day * hours_per_day, ev_disruption, d, disruption_ends, priority_disruption);
  }
}

namespace {

// Trains plan with the announced end. When it passes with the disruption still in force, they expect it to
// last as long again as first announced (an announcement of "until further notice" read as memoryless), and
// re-plan; the true end is scheduled apart, so it takes effect whatever they expect.
void announce_end(model& m, disruption_id d, double end_h) {
  const disruption_spec& ds = m.disruptions[d];
  m.state.disruptions[d].expected_end_h = end_h;
  if (end_h < ds.to_day * hours_per_day)
    m.eng.schedule_at(end_h, ev_disruption, d, disruption_revised, priority_disruption);
}

}  // namespace

void on_disruption(model& m, disruption_id d, std::uint32_t what) {
  const disruption_spec& ds = m.disruptions[d];
  disruption_state& st = m.state.disruptions[d];
  const double announced_h = ds.expected_to_day.value_or(ds.to_day) * hours_per_day;
  if (what == disruption_revised) {
    if (!st.active) return;
    announce_end(m, d, m.eng.now() + announced_h - ds.from_day * hours_per_day);
    ++m.state.plan_version;
    return;
  }
  st.active = what == disruption_starts;
  if (st.active) announce_end(m, d, announced_h);
  const double factor = factor_in_force(m, ds.target);
  ++m.state.plan_version;
  if (auto v = m.net.find_node(ds.target)) {
    apply_to_node(m, *v, factor);
    return;
  }
  apply_to_edges(m, ds, factor);
}

double reopens_at_h(const model& m, std::string_view target) {
  double at = m.eng.now();
  for (disruption_id d = 0; d < m.disruptions.size(); ++d) {
    const disruption_spec& ds = m.disruptions[d];
    if (m.state.disruptions[d].active && ds.target == target && ds.capacity_factor <= 0.0) {
      at = std::max(at, m.state.disruptions[d].expected_end_h);
    }
  }
  return at;
}

}  // namespace corridor::detail

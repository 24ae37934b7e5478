// What binds at each element: every capacity limit it has (tracks, a daily cap, line slots, ferry space,
// a port's berths and yard)
// with the share in use, the most used one named, and whether its queue grows through the window.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "corridor/serve.hpp"

namespace corridor {
namespace {

double mean_of(std::span<const double> v) {
  if (v.empty()) return 0.0;
  double sum = 0.0;
  for (double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

element_bottleneck element(std::string id, std::string kind, std::vector<capacity_limit> limits) {
  element_bottleneck b;
  b.id = std::move(id);
  b.kind = std::move(kind);
  std::stable_sort(limits.begin(), limits.end(),
                   [](const capacity_limit& x, const capacity_limit& y) { return x.use > y.use; });
  b.limits = std::move(limits);
  if (!b.limits.empty()) {
    b.binding = b.limits.front().kind;
    b.use = b.limits.front().use;
    b.headroom = std::max(0.0, 1.0 - b.use);
  }
  return b;
}

// Each queue's end-of-day series, by queue id.
std::unordered_map<std::string, std::vector<double>> end_of_day_queues(const run_summary& r) {
  std::unordered_map<std::string, std::vector<double>> out;
  for (std::size_t i = 0; i < r.queues.size(); ++i) {
    auto& series = out[r.queues[i].id];
    for (const auto& d : r.daily) series.push_back(i < d.queue_trains.size() ? d.queue_trains[i] : 0.0);
  }
  return out;
}

}  // namespace

queue_trend queue_trend_of(std::span<const double> q) {
  queue_trend t;
  const std::size_t n = q.size();
  if (n < 3) return t;
  // Least squares over day indices 0..n-1: slope = sum((x - mx)(y - my)) / sum((x - mx)^2).
  const double mx = static_cast<double>(n - 1) / 2.0, my = mean_of(q);
  double sxy = 0.0, sxx = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = static_cast<double>(i) - mx;
    sxy += dx * (q[i] - my);
    sxx += dx * dx;
  }
  t.rise_trains = sxx > 0.0 ? sxy / sxx * static_cast<double>(n - 1) : 0.0;
  const std::size_t third = n / 3;
  t.first_third_mean = mean_of(q.first(third));
  t.last_third_mean = mean_of(q.last(third));
  t.unstable =
      t.rise_trains >= std::max(5.0, t.first_third_mean) && t.last_third_mean >= t.first_third_mean + 3.0;
  return t;
}

std::vector<element_bottleneck> find_bottlenecks(const scenario& s, const run_summary& r) {
  std::unordered_map<std::string, const queue_result*> queues;
  for (const auto& q : r.queues) queues.emplace(q.kind + ":" + q.id, &q);
  std::unordered_map<std::string, const edge_result*> edges;
  for (const auto& e : r.edges) edges.emplace(e.id, &e);
  const auto series = end_of_day_queues(r);
  const auto trend = [&](const std::string& id) {
    const auto it = series.find(id);
    return it == series.end() ? queue_trend{} : queue_trend_of(it->second);
  };
  const double days = r.window_days > 0.0 ? r.window_days : 1.0;

  std::vector<element_bottleneck> out;
  for (const auto& n : s.nodes) {
    if (n.kind != node_kind::crossing) continue;
    const auto it = queues.find("crossing:" + n.id);
    const queue_result q = it == queues.end() ? queue_result{} : *it->second;
    std::vector<capacity_limit> limits{{"tracks", static_cast<double>(n.crossing.tracks), q.utilization}};
    if (n.crossing.daily_cap_trains > 0) {
      const double cap = n.crossing.daily_cap_trains;
      limits.push_back({"daily_cap", cap, q.trains / days / cap});
    }
    element_bottleneck b = element(n.id, "crossing", std::move(limits));
    b.mean_wait_h = q.mean_wait_h;
    b.mean_queue_trains = q.mean_queue_trains;
    b.trend = trend(n.id);
    out.push_back(std::move(b));
  }
  // Ports with berths or a bounded yard: the busier of the two binds; their queue is of the trains held
  // outside the full yard (trains waiting for a berth's ship are the ferry leg's).
  std::unordered_map<std::string, std::size_t> port_index;
  for (std::size_t i = 0; i < r.ports.size(); ++i) port_index.emplace(r.ports[i].id, i);
  for (const auto& n : s.nodes) {
    if (n.kind != node_kind::port || (n.port.berths <= 0 && n.port.yard_capacity_teu <= 0.0)) continue;
    const auto it = port_index.find(n.id);
    const port_result p = it == port_index.end() ? port_result{} : r.ports[it->second];
    std::vector<capacity_limit> limits;
    if (n.port.berths > 0) limits.push_back({"berths", static_cast<double>(n.port.berths), p.utilization});
    if (n.port.yard_capacity_teu > 0.0) {
      limits.push_back({"yard", n.port.yard_capacity_teu, p.yard_mean_teu / n.port.yard_capacity_teu});
    }
    element_bottleneck b = element(n.id, "port", std::move(limits));
    b.mean_wait_h = p.gate_wait_h;
    if (it != port_index.end()) {
      std::vector<double> outside, mean_outside;
      for (const auto& d : r.daily) {
        outside.push_back(it->second < d.trains_outside.size() ? d.trains_outside[it->second] : 0.0);
        mean_outside.push_back(it->second < d.mean_trains_outside.size() ? d.mean_trains_outside[it->second]
                                                                         : 0.0);
      }
      b.mean_queue_trains = mean_of(mean_outside);
      b.trend = queue_trend_of(outside);
    }
    out.push_back(std::move(b));
  }
  for (const auto& e : s.edges) {
    if (e.mode == edge_mode::ferry) {
      // A ferry leg queues at each end (id "leg@port"): the busier direction binds.
      const queue_result* busiest = nullptr;
      for (const auto& q : r.queues) {
        if (q.kind == "ferry" && q.id.size() > e.id.size() && q.id.compare(0, e.id.size(), e.id) == 0 &&
            q.id[e.id.size()] == '@' && (busiest == nullptr || q.utilization > busiest->utilization)) {
          busiest = &q;
        }
      }
      const queue_result q = busiest == nullptr ? queue_result{} : *busiest;
      element_bottleneck b =
          element(e.id, "ferry", {{"ferry_capacity", e.ferry.capacity_teu, q.utilization}});
      b.mean_wait_h = q.mean_wait_h;
      b.mean_queue_trains = q.mean_queue_trains;
      b.trend = trend(q.id);
      out.push_back(std::move(b));
    } else if (e.slots_per_day > 0) {
      const auto it = edges.find(e.id);
      const edge_result line = it == edges.end() ? edge_result{} : *it->second;
      element_bottleneck b =
          element(e.id, "line", {{"slots", static_cast<double>(e.slots_per_day), line.utilization}});
      b.mean_wait_h = line.mean_slot_wait_h;
      out.push_back(std::move(b));
    }
  }
  return out;
}

}  // namespace corridor

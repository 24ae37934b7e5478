// Synthetic fixture data: positions are roughly real, every number is invented.
#include "io_fixtures.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "corridor/study.hpp"

namespace corridor::test {
namespace {

region_spec region(const char* id, std::vector<std::string> countries) {
  region_spec r;
  r.id = id, r.countries = std::move(countries);
  return r;
}

node_spec node(const char* id, const char* name, node_kind kind, const char* country, double lat,
               double lon) {
  node_spec n;
  n.id = id, n.name = name, n.kind = kind, n.country = country, n.lat = lat, n.lon = lon;
  return n;
}

edge_spec edge(const char* id, const char* from, const char* to, double km,
               edge_mode mode = edge_mode::rail) {
  edge_spec e;
  e.id = id, e.from = from, e.to = to, e.distance_km = km, e.mode = mode;
  return e;
}

}  // namespace

scenario sample_scenario() {
  scenario s;
  s.name = "io-fixture";
  s.source_file = "tests/io/fixture.yaml";
  s.seed = 42;
  s.horizon_days = 90;
  s.warmup_days = 30;
  s.regions = {region("china", {"CN"}), region("central_asia", {"KZ"}), region("europe", {"PL", "DE"})};
  s.nodes = {node("xian", "Xi'an", node_kind::terminal, "CN", 34.27, 108.95),
             node("chongqing", "Chongqing", node_kind::terminal, "CN", 29.56, 106.55),
             node("dostyk", "Dostyk", node_kind::crossing, "KZ", 45.25, 82.48),
             node("khorgos", "Khorgos", node_kind::crossing, "KZ", 44.21, 80.25),
             node("zabaykalsk", "Zabaykalsk", node_kind::crossing, "RU", 49.65, 117.32),
             node("astana", "Astana", node_kind::junction, "KZ", 51.17, 71.45),
             node("aktau", "Aktau", node_kind::port, "KZ", 43.65, 51.17),
             node("baku", "Baku (Alat)", node_kind::port, "AZ", 40.05, 49.40),
             node("moscow", "Moscow", node_kind::junction, "RU", 55.75, 37.62),
             node("malaszewicze", "Malaszewicze", node_kind::crossing, "PL", 52.03, 23.53),
             node("lodz", "Lodz", node_kind::terminal, "PL", 51.76, 19.46),
             node("duisburg", "Duisburg", node_kind::terminal, "DE", 51.43, 6.76)};
  s.edges = {edge("xian-dostyk", "xian", "dostyk", 3300),
             edge("chongqing-khorgos", "chongqing", "khorgos", 3900),
             edge("dostyk-astana", "dostyk", "astana", 1500),
             edge("khorgos-astana", "khorgos", "astana", 1600),
             edge("xian-zabaykalsk", "xian", "zabaykalsk", 2900),
             edge("zabaykalsk-moscow", "zabaykalsk", "moscow", 6600),
             edge("astana-moscow", "astana", "moscow", 2300),
             edge("khorgos-aktau", "khorgos", "aktau", 2800),
             edge("aktau-baku", "aktau", "baku", 470, edge_mode::ferry),
             edge("moscow-malaszewicze", "moscow", "malaszewicze", 1100),
             edge("malaszewicze-lodz", "malaszewicze", "lodz", 280),
             edge("lodz-duisburg", "lodz", "duisburg", 1000)};
  return s;
}

std::vector<run_result> sample_runs(int n, int days) {
  std::vector<run_result> runs;
  const char* crossings[] = {"dostyk", "khorgos", "zabaykalsk", "malaszewicze"};
  for (int r = 0; r < n; ++r) {
    const double f = 1.0 + r / 100.0;
    run_result x;
    x.seed = 42, x.replication = static_cast<std::uint64_t>(r), x.events = 100000 + 17 * r;
    x.wall_seconds = 1.25, x.window_days = days;
    x.throughput_teu_per_day = 420.5 * f, x.throughput_trains_per_day = 5.4 * f;
    x.throughput_teu_per_day_westbound = 300 * f, x.throughput_teu_per_day_eastbound = 120.5 * f;
    x.cost_usd_per_teu = 4100 * f, x.generalized_cost_usd_per_teu = 6900 * f;
    x.transit_days_mean = 17.5 * f, x.transit_days_p50 = 16.0 * f, x.transit_days_p95 = 24.5 * f;
    x.regions = {"central_asia", false, "central_asia"};  // the fixture scenario's report (its default)
    x.share_via_trains = 0.62 * f, x.share_via_teu = 0.6 * f;
    x.share_via_trains_westbound = 0.65 * f, x.share_via_trains_eastbound = 0.55 * f;
    x.containers_entered = 25000 * f, x.containers_delivered = 23500 * f, x.containers_in_system = 1500 * f;
    x.empty_trains_moved = 40 * f;
    x.cost = {3100 * f, 420 * f, 380 * f, 150 * f, -300 * f, 2800 * f};
    for (int i = 0; i < 4; ++i) {
      queue_result q;
      q.id = crossings[i], q.kind = "crossing", q.trains = 300 * f + 50 * i, q.teu = q.trains * 80;
      q.utilization = 0.45 + 0.12 * i, q.mean_wait_h = 3 + 4 * i * f, q.p95_wait_h = 10 + 9 * i * f;
      q.mean_queue_trains = 0.5 + i * f, q.max_queue_trains = 4 + 3 * i, q.arrivals_per_h = 0.2 + 0.01 * i;
      x.queues.push_back(q);
    }
    queue_result ferry;
    ferry.id = "aktau-baku", ferry.kind = "ferry", ferry.trains = 40 * f, ferry.teu = 3000 * f;
    ferry.utilization = 0.8, ferry.mean_wait_h = 30 * f, ferry.p95_wait_h = 70 * f,
    ferry.mean_queue_trains = 2;
    ferry.max_queue_trains = 9, ferry.sailings = 26, ferry.cancelled_sailings = 2 + r % 2;
    x.queues.push_back(ferry);
    x.routes = {
        {"xian-duisburg", "xian>dostyk>astana>moscow>malaszewicze>lodz>duisburg", 200 * f, 16000 * f, 0.7,
         true},
        {"xian-duisburg", "xian>zabaykalsk>moscow>malaszewicze>lodz>duisburg", 86 * f, 6900 * f, 0.3, false},
        {"chongqing-lodz", "chongqing>khorgos>astana>moscow>malaszewicze>lodz", 150 * f, 12000 * f, 0.85,
         true},
        {"chongqing-lodz", "chongqing>khorgos>aktau>baku", 26 * f, 2100 * f, 0.15, true}};
    const auto scen = sample_scenario();
    for (std::size_t i = 0; i < scen.edges.size(); ++i) {
      x.edges.push_back({scen.edges[i].id, 40.0 * static_cast<double>(i % 5 + 1) * f,
                         3200.0 * static_cast<double>(i % 5 + 1) * f, 0.15 * static_cast<double>(i % 6)});
    }
    x.goods = {{"westbound", "electronics", 60000 * f, 3.1e9 * f},
               {"eastbound", "machinery", 20000 * f, 9e8 * f}};
    for (int d = 0; d < days; ++d) {
      daily_row row;
      row.day = d + 30;
      row.teu_delivered = 400 + 50 * std::sin(d / 5.0) * f;
      row.trains_delivered = 5 + std::sin(d / 5.0);
      for (int q = 0; q < 5; ++q) {
        const double mean = std::max(0.0, q + 2.0 * std::sin(d / (3.0 + q)) * f);
        row.queue_trains.push_back(std::max(0.0, q + 2.0 * std::sin((d + 1) / (3.0 + q)) * f));
        row.mean_queue_trains.push_back(mean);
        row.max_queue_trains.push_back(std::ceil(mean + 1.0));
        row.utilization.push_back(0.1 * q + 0.05 * std::sin(d / 4.0) + 0.2);
        row.mean_wait_h.push_back(2.0 * mean);
        row.p95_wait_h.push_back(5.0 * mean);
      }
      x.daily.push_back(std::move(row));
    }
    runs.push_back(std::move(x));
  }
  return runs;
}

std::vector<run_result> with_ports(std::vector<run_result> runs) {
  for (auto& r : runs) {
    const double f = 1.0 + static_cast<double>(r.replication) / 100.0;
    port_result aktau;
    aktau.id = "aktau", aktau.berths = 2, aktau.calls = 60 * f, aktau.teu_handled = 9000 * f;
    aktau.utilization = 0.25 * f, aktau.mean_wait_h = 1.5 * f, aktau.p95_wait_h = 6 * f;
    aktau.mean_ships_waiting = 0.05 * f, aktau.dwell_h = 33 * f, aktau.yard_mean_teu = 430 * f;
    aktau.yard_peak_teu = 1200, aktau.gate_wait_h = 12 * f, aktau.gate_trains = 8, aktau.max_gate_trains = 3;
    port_result baku;
    baku.id = "baku", baku.berths = 3, baku.calls = 30 * f, baku.teu_handled = 9000 * f;
    baku.utilization = 0.1 * f, baku.mean_wait_h = 0.2 * f;
    r.ports = {aktau, baku};
    for (auto& d : r.daily) {
      const auto rep = static_cast<double>(r.replication);
      d.yard_teu = {100.0 + d.day + rep, 0.0};
      d.yard_mean_teu = {90.0 + d.day, 0.0};
      d.trains_outside = {d.day % 7 == 0 ? 2.0 : 0.0, 0.0};
      d.mean_trains_outside = {d.day % 7 == 0 ? 0.5 : 0.0, 0.0};
      d.ships_at_berth = {1.0, d.day % 2 == 0 ? 1.0 : 0.0};
      d.ships_waiting = {0.0, 0.0};
      d.berth_utilization = {0.25, 0.1};
    }
  }
  return runs;
}

std::vector<run_result> with_wagon_pool(std::vector<run_result> runs) {
  for (auto& r : runs) {
    wagon_pool_result kz;
    kz.id = "kz", kz.size_wagons = 1000, kz.utilization = 0.35, kz.home_share = 0.65, kz.trains = 300;
    kz.trains_waited = 40, kz.mean_wait_h = 5, kz.p95_wait_h = 30, kz.mean_queue_trains = 0.4;
    r.wagon_pools = {kz};
    for (auto& d : r.daily) {
      const double home = 600.0 + d.day + static_cast<double>(r.replication);
      d.wagons_home = {home};
      d.wagons_out = {1000.0 - home};
      d.wagon_utilization = {0.35};
      d.trains_waiting_wagons = {static_cast<double>(d.day % 5)};
      d.mean_trains_waiting_wagons = {0.5};
    }
  }
  return runs;
}

run_summary summary_of(const std::vector<run_result>& runs) {
  run_summary s = summarize(sample_scenario(), runs, 30);
  s.wall_seconds = 2.5;
  return s;
}

comparison sample_compare() {
  comparison t;
  t.base_name = "io-fixture", t.variant_name = "io-fixture-khorgos-expanded", t.seed = 42,
  t.replications = 10;
  t.metrics = {{"metrics.throughput_teu_per_day", 420.5, 436.2, 15.7, 4.1, true, 11.3},
               {"metrics.cost_usd_per_teu", 4100, 4060, -40, 55, false, 130},
               {"metrics.transit_days_mean", 17.5, 16.4, -1.1, 0.3, true, 0.9},
               {"metrics.share_central_asia_trains", 0.62, 0.66, 0.04, 0.012, true, 0.03},
               {"metrics.containers_in_system", 1500, 1450, -50, 80, false, 160},
               {"metrics.empty_trains_moved", 0, 2, 2, 1, true, 2}};
  return t;
}

}  // namespace corridor::test

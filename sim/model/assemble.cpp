// Turns the state and tallies at the end of a run into a run_result: plain numbers over the report window,
// and the container count over the whole run (entered = delivered + in system, counted independently).
#include "assemble.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <vector>

#include "calendar.hpp"
#include "reblock.hpp"

namespace corridor::detail {

std::size_t count_of(const sample_parts& parts) {
  std::size_t n = 0;
  for (std::span<const double> p : parts) n += p.size();
  return n;
}

namespace {

double ratio(double a, double b) {
  return b > 0.0 ? a / b : 0.0;
}

// Order statistics of a year's transit samples without copying, sorting or reordering them: the samples are
// spread over buckets of equal width between the run's least and greatest value (a monotone map, so a
// bucket holds a contiguous run of the order), counted once per service (a market's and the run's counts are
// sums of those), and only the few buckets holding the ranks wanted are gathered and searched. Every sample
// is read five times in all, where a copy per service, market and run with selection in place (std::
// nth_element, then a scan for the next order statistic) read, wrote and moved it about a dozen times.
constexpr std::size_t rank_buckets = 4096;

struct bucket_map {
  double lo = 0.0, scale = 0.0;     // scale 0: every sample is lo
  std::size_t of(double x) const {  // non-decreasing in x; a signed conversion is one instruction
    const auto last = static_cast<std::int64_t>(rank_buckets - 1);
    return static_cast<std::size_t>(std::min(last, static_cast<std::int64_t>((x - lo) * scale)));
  }
};

bucket_map map_over(const sample_parts& parts) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (std::span<const double> p : parts) {
    for (double x : p) {
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
  }
  return hi > lo ? bucket_map{lo, static_cast<double>(rank_buckets) / (hi - lo)} : bucket_map{lo, 0.0};
}

using bucket_counts = std::vector<std::uint32_t>;
// Each sample's bucket (map.of), part by part alongside the samples: found once when they are counted, read
// again by every gathering instead of mapping every sample again (rank_buckets fits in 16 bits).
using bucket_parts = std::vector<std::span<const std::uint16_t>>;
static_assert(rank_buckets <= 65536);

bucket_counts count_buckets(const sample_parts& parts, const bucket_map& map) {
  bucket_counts count(rank_buckets, 0);
  for (std::span<const double> p : parts) {
    for (double x : p) ++count[map.of(x)];
  }
  return count;
}

// count_buckets, keeping each sample's bucket in `buckets` (one array per part, in the parts' order).
bucket_counts count_buckets(const sample_parts& parts, const bucket_map& map,
                            std::vector<std::vector<std::uint16_t>>& buckets) {
  bucket_counts count(rank_buckets, 0);
  for (std::span<const double> p : parts) {
    std::vector<std::uint16_t>& b = buckets.emplace_back(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
      const std::size_t k = map.of(p[i]);
      b[i] = static_cast<std::uint16_t>(k);
      ++count[k];
    }
  }
  return count;
}

void add_counts(bucket_counts& sum, const bucket_counts& c) {
  for (std::size_t b = 0; b < rank_buckets; ++b) sum[b] += c[b];
}

// The value of rank ranks[i] (0-based, ascending, each < count_of(parts)) into out[i]; ties allowed. `map`
// covers every sample and `count` counts the parts' samples by it; `buckets`, when not empty, holds every
// sample's bucket by it.
void order_statistics(const sample_parts& parts, const bucket_parts& buckets, const bucket_map& map,
                      const bucket_counts& count, std::span<const std::size_t> ranks, std::span<double> out) {
  const std::size_t n = count_of(parts);
  if (n <= 64) {  // a few: sorting a copy is the least work
    std::vector<double> copy;
    for (std::span<const double> p : parts) copy.insert(copy.end(), p.begin(), p.end());
    std::sort(copy.begin(), copy.end());
    for (std::size_t i = 0; i < ranks.size(); ++i) out[i] = copy[ranks[i]];
    return;
  }
  if (map.scale == 0.0) {  // all equal
    for (double& x : out) x = map.lo;
    return;
  }
  // The bucket of each rank and the rank within it.
  std::vector<std::size_t> rank_bucket(ranks.size()), within(ranks.size());
  std::size_t before = 0, b = 0;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    if (i > 0 && ranks[i] < ranks[i - 1]) throw std::logic_error("order_statistics needs ascending ranks");
    while (before + count[b] <= ranks[i]) before += count[b++];
    rank_bucket[i] = b;
    within[i] = ranks[i] - before;
  }
  // Gather the buckets wanted (a few), each into a list of its own, and select within it.
  std::vector<std::int8_t> slot(rank_buckets, -1);
  std::vector<std::vector<double>> gathered;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    if (slot[rank_bucket[i]] >= 0) continue;
    slot[rank_bucket[i]] = static_cast<std::int8_t>(gathered.size());
    gathered.emplace_back().reserve(count[rank_bucket[i]]);
  }
  for (std::size_t j = 0; j < parts.size(); ++j) {
    const std::span<const double> p = parts[j];
    if (buckets.empty()) {
      for (double x : p) {
        const std::int8_t k = slot[map.of(x)];
        if (k >= 0) gathered[static_cast<std::size_t>(k)].push_back(x);
      }
      continue;
    }
    const std::span<const std::uint16_t> of = buckets[j];
    for (std::size_t i = 0; i < p.size(); ++i) {
      const std::int8_t k = slot[of[i]];
      if (k >= 0) gathered[static_cast<std::size_t>(k)].push_back(p[i]);
    }
  }
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    std::vector<double>& g = gathered[static_cast<std::size_t>(slot[rank_bucket[i]])];
    if (g.size() <= rank_buckets) {  // the usual bucket: sorted once, read for every rank in it
      if (!std::is_sorted(g.begin(), g.end())) std::sort(g.begin(), g.end());
    } else {  // many ties or a narrow peak: selection, rank by rank
      std::nth_element(g.begin(), g.begin() + static_cast<long>(within[i]), g.end());
    }
    out[i] = g[within[i]];
  }
}

median_p95 median_and_p95(const sample_parts& parts, const bucket_parts& buckets, const bucket_map& map,
                          const bucket_counts& count) {
  const std::size_t n = count_of(parts);
  if (n == 0) return {};
  const double qs[2] = {0.50, 0.95};
  double pos[2];
  std::size_t ranks[4];
  for (std::size_t i = 0; i < 2; ++i) {
    pos[i] = qs[i] * static_cast<double>(n - 1);
    ranks[2 * i] = static_cast<std::size_t>(std::floor(pos[i]));
    ranks[2 * i + 1] = std::min(ranks[2 * i] + 1, n - 1);
  }
  double values[4];
  order_statistics(parts, buckets, map, count, ranks, values);
  double result[2];
  for (std::size_t i = 0; i < 2; ++i) {
    const double a = values[2 * i], b = values[2 * i + 1];
    const std::size_t lo = ranks[2 * i];
    result[i] = lo + 1 >= n ? a : a + (pos[i] - static_cast<double>(lo)) * (b - a);
  }
  return {result[0], result[1]};
}

}  // namespace

median_p95 median_and_p95(const sample_parts& parts) {
  const bucket_map map = map_over(parts);
  return median_and_p95(parts, {}, map, count_buckets(parts, map));
}

namespace {

double mean_of(const sample_blocks& v) {
  double sum = 0.0;
  for (const std::vector<double>& block : v.blocks()) {
    for (double x : block) sum += x;  // in order of appending, as over one array
  }
  return v.size() == 0 ? 0.0 : sum / static_cast<double>(v.size());
}

// Every delivered container's door-to-door days, as kept per service (service_tally::transit_days), seen
// per service, per market and for the run without a copy: percentiles do not depend on order.
struct transit_samples {
  std::vector<sample_parts> services;                         // per service: its own samples
  std::vector<sample_parts> markets;                          // per market: its services' samples
  sample_parts run;                                           // every service's
  bucket_map map;                                             // over the run's samples
  std::vector<std::vector<std::uint16_t>> block_buckets;      // each sample's bucket, block by block
  std::vector<bucket_parts> service_buckets, market_buckets;  // alongside services and markets
  bucket_parts run_buckets;                                   // alongside run
  std::vector<bucket_counts> service_counts, market_counts;
  bucket_counts run_counts;
  median_p95 service_percentiles(std::size_t f) const {
    return median_and_p95(services[f], service_buckets[f], map, service_counts[f]);
  }
  median_p95 market_percentiles(std::size_t i) const {
    return median_and_p95(markets[i], market_buckets[i], map, market_counts[i]);
  }
  median_p95 run_percentiles() const { return median_and_p95(run, run_buckets, map, run_counts); }
};

transit_samples gather_transit(const model& m) {
  const std::vector<service_tally>& services = m.tallies.services;
  transit_samples t;
  t.services.resize(services.size());
  t.markets.resize(m.tallies.markets.size());
  for (std::size_t f = 0; f < services.size(); ++f) {
    for (const std::vector<double>& block : services[f].transit_days.blocks()) {
      const std::span<const double> days = block;
      t.services[f].push_back(days);
      if (m.facts.services[f].market < t.markets.size())
        t.markets[m.facts.services[f].market].push_back(days);
      t.run.push_back(days);
    }
  }
  t.map = map_over(t.run);
  t.run_counts.assign(rank_buckets, 0);
  t.market_counts.assign(t.markets.size(), bucket_counts(rank_buckets, 0));
  // Blocks in the order the run lists them: service by service, each service's in order.
  for (std::size_t f = 0; f < services.size(); ++f) {
    t.service_counts.push_back(count_buckets(t.services[f], t.map, t.block_buckets));
    add_counts(t.run_counts, t.service_counts.back());
    if (m.facts.services[f].market < t.markets.size())
      add_counts(t.market_counts[m.facts.services[f].market], t.service_counts.back());
  }
  t.service_buckets.resize(services.size());
  t.market_buckets.resize(t.markets.size());
  std::size_t block = 0;
  for (std::size_t f = 0; f < services.size(); ++f) {
    for (std::size_t j = 0; j < t.services[f].size(); ++j, ++block) {
      const std::span<const std::uint16_t> b = t.block_buckets[block];
      t.service_buckets[f].push_back(b);
      if (m.facts.services[f].market < t.markets.size())
        t.market_buckets[m.facts.services[f].market].push_back(b);
      t.run_buckets.push_back(b);
    }
  }
  return t;
}

void add_throughput(run_result& r, const run_tallies& t) {
  r.throughput_teu_per_day = ratio(t.teu, r.window_days);
  r.throughput_trains_per_day = ratio(t.trains, r.window_days);
  r.throughput_teu_per_day_westbound = ratio(t.teu_by_direction[index(direction::westbound)], r.window_days);
  r.throughput_teu_per_day_eastbound = ratio(t.teu_by_direction[index(direction::eastbound)], r.window_days);
}

void add_costs(run_result& r, const run_tallies& t) {
  r.cost.haulage = ratio(t.cost_sum.haulage, t.teu);
  r.cost.crossing_fees = ratio(t.cost_sum.crossing_fees, t.teu);
  r.cost.handling = ratio(t.cost_sum.handling, t.teu);
  r.cost.ferry = ratio(t.cost_sum.ferry, t.teu);
  r.cost.subsidy = ratio(t.cost_sum.subsidy, t.teu);
  r.cost.time = ratio(t.cost_sum.time, t.teu);
  r.cost_usd_per_teu = r.cost.out_of_pocket();
  r.generalized_cost_usd_per_teu = r.cost.generalized();
}

void add_transit(run_result& r, const run_tallies& t, const transit_samples& transit) {
  const std::size_t n = count_of(transit.run);
  r.transit_days_mean = n == 0 ? 0.0 : t.transit_days_total / static_cast<double>(n);
  const median_p95 p = transit.run_percentiles();
  r.transit_days_p50 = p.p50;
  r.transit_days_p95 = p.p95;
  r.transit_buffer_days = r.transit_days_p95 - r.transit_days_p50;
}

void add_headline_share(run_result& r, const share_tally& s) {
  const std::size_t west = index(direction::westbound), east = index(direction::eastbound);
  r.share_via_trains = ratio(s.trains_via, s.trains);
  r.share_via_teu = ratio(s.teu_via, s.teu);
  r.share_via_trains_westbound = ratio(s.trains_via_by_direction[west], s.trains_by_direction[west]);
  r.share_via_trains_eastbound = ratio(s.trains_via_by_direction[east], s.trains_by_direction[east]);
}

// Entered and delivered as tallied; in the system by a census of origins and undelivered trains.
void add_containers(run_result& r, const model& m) {
  double in_system = 0.0;
  for (const service_state& f : m.state.services) in_system += static_cast<double>(f.waiting());
  in_system += reblock_held_teu(m);  // in re-blocking buffers
  for (const train_state& t : m.state.trains) {
    if (!t.delivered) in_system += t.teu();
  }
  r.containers_entered = m.tallies.entered;
  r.containers_delivered = m.tallies.delivered;
  r.containers_in_system = in_system;
}

void add_empty_trains(run_result& r, const model& m) {
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    if (!m.facts.nodes[v].is_terminal) continue;
    r.empty_trains_moved += std::max(0.0, m.tallies.terminal_departures[v] - m.tallies.terminal_arrivals[v]);
  }
}

queue_result queue_summary(const queue_stats& st, std::string id, std::string kind) {
  queue_result q;
  q.id = std::move(id);
  q.kind = std::move(kind);
  q.trains = static_cast<double>(st.served());
  q.mean_wait_h = st.waits().mean();
  q.p95_wait_h = st.waits().p95();
  q.mean_queue_trains = st.mean_waiting();
  q.max_queue_trains = st.max_waiting();
  q.arrivals_per_h = ratio(static_cast<double>(st.arrivals()), st.elapsed());
  return q;
}

// Crossings, then ferry legs (as the daily rows list them).
void add_queues(run_result& r, const model& m) {
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    if (!m.facts.nodes[v].is_crossing) continue;
    const queue_stats& st = m.tallies.crossing_queues[v];
    queue_result q = queue_summary(st, m.net.props(v).id, "crossing");
    q.utilization = ratio(st.mean_busy(), node_spec_of(m, v).crossing.tracks);
    r.queues.push_back(std::move(q));
  }
  for (edge_id e = 0; e < m.net.num_edges(); ++e) {
    if (!is_ferry(m, e)) continue;
    const ferry_tally& f = m.tallies.ferries[e];
    const std::string id = edge_spec_of(m, e).id + "@" + m.net.props(m.net.source(e)).id;
    queue_result q = queue_summary(m.tallies.ferry_queues[e], id, "ferry");
    q.teu = f.teu_carried;
    q.utilization = ratio(f.units_carried, f.units_offered);  // of wagon places on a rail ferry
    q.sailings = f.sailings;
    q.cancelled_sailings = f.cancelled;
    r.queues.push_back(std::move(q));
  }
}

// Each resource port: its berths as a queue of ships, its yard and the trains held outside it.
void add_ports(run_result& r, const model& m) {
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    if (!m.facts.nodes[v].is_port_resource) continue;
    const port_tally& t = m.tallies.ports[v];
    const int berths = node_spec_of(m, v).port.berths;
    port_result p;
    p.id = m.net.props(v).id;
    p.berths = berths;
    p.calls = t.calls;
    p.teu_handled = t.teu_handled;
    p.utilization = ratio(t.berths.mean_busy(), berths);
    p.mean_wait_h = t.berths.waits().mean();
    p.p95_wait_h = t.berths.waits().p95();
    p.mean_ships_waiting = t.berths.mean_waiting();
    p.dwell_h = ratio(t.dwell_teu_h, t.dwell_teu);
    p.yard_mean_teu = t.yard.mean(m.frame.horizon_h);
    p.yard_peak_teu = t.yard.max();
    p.gate_wait_h = t.gate.waits().mean();
    p.gate_trains = static_cast<double>(t.gate.waits().count());
    p.max_gate_trains = t.gate.max_waiting();
    r.ports.push_back(std::move(p));
  }
}

// Each wagon pool: its wagons out and at home over the window, the trains that waited for them (a queue),
// and its empty trains; and the empty trains' km over every pool.
void add_wagon_pools(run_result& r, const model& m) {
  for (std::size_t k = 0; k < m.tallies.wagon_pools.size(); ++k) {
    const wagon_pool_tally& t = m.tallies.wagon_pools[k];
    const double size = m.spec.wagon_pools[k].size_wagons;
    wagon_pool_result w;
    w.id = m.spec.wagon_pools[k].id;
    w.size_wagons = size;
    w.utilization = ratio(t.trains.mean_busy(), size);
    w.home_share = ratio(t.at_home.mean(m.frame.horizon_h), size);
    w.trains = static_cast<double>(t.trains.served());
    w.trains_waited = t.waited;
    w.mean_wait_h = t.trains.waits().mean();
    w.p95_wait_h = t.trains.waits().p95();
    w.mean_queue_trains = t.trains.mean_waiting();
    w.max_queue_trains = t.trains.max_waiting();
    w.arrivals_per_h = ratio(static_cast<double>(t.trains.arrivals()), t.trains.elapsed());
    w.empty_trains = t.empty_trains;
    w.empty_train_km = t.empty_train_km;
    w.mean_empty_trip_h = ratio(t.empty_trip_h, t.empty_arrivals);
    r.empty_trains += t.empty_trains;
    r.empty_train_km += t.empty_train_km;
    r.wagon_pools.push_back(std::move(w));
  }
}

// Each re-blocking crossing: trains unloaded and formed, their TEU, and the holds in its buffers.
void add_reblocking(run_result& r, const model& m) {
  if (!m.facts.has_reblock) return;
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    if (!m.facts.nodes[v].reblock) continue;
    const reblock_tally& t = m.tallies.reblocks[v];
    reblock_result b;
    b.id = m.net.props(v).id;
    b.trains_unloaded = t.trains_in;
    b.trains_formed = t.trains_out;
    b.partial_trains = t.partial;
    b.mean_in_teu = ratio(t.teu_in, t.trains_in);
    b.mean_out_teu = ratio(t.teu_out, t.trains_out);
    b.mean_hold_h = t.buffer.waits().mean();
    b.p95_hold_h = t.buffer.waits().p95();
    b.mean_buffer_teu = t.buffer.mean_waiting();
    b.teu_unloaded = static_cast<double>(t.buffer.arrivals());
    r.reblocking.push_back(std::move(b));
  }
}

route_result route_summary(const model& m, service_id f, std::size_t i, double flow_trains) {
  const service_tally& tally = m.tallies.services[f];
  route_result rr;
  rr.flow = m.services[f].id;
  for (vertex_t v : m.path_sets[f][i].nodes) {
    if (!rr.route.empty()) rr.route += '>';
    rr.route += m.net.props(v).id;
    if (m.facts.nodes[v].in_share_region) rr.via_share_region = true;
  }
  rr.trains = tally.route_trains[i];
  rr.teu = tally.route_teu[i];
  rr.share = ratio(tally.route_trains[i], flow_trains);
  return rr;
}

void add_routes(run_result& r, const model& m) {
  for (service_id f = 0; f < m.services.size(); ++f) {
    double total = 0.0;
    for (double n : m.tallies.services[f].route_trains) total += n;
    for (std::size_t i = 0; i < m.path_sets[f].size(); ++i) r.routes.push_back(route_summary(m, f, i, total));
  }
}

// A scenario edge, both directions added: ferry legs by TEU carried over offered, lines by departures over
// slots offered, with their mean slot wait.
edge_result edge_summary(const model& m, std::uint32_t spec, double window_days) {
  const std::vector<edge_id>& directions = m.net.edges_of_spec(spec);
  edge_result er;
  er.id = m.spec.edges[spec].id;
  if (is_ferry(m, directions.front())) {
    double carried = 0.0, offered = 0.0;  // in the leg's unit: TEU, or wagons on a rail ferry
    for (edge_id e : directions) {
      er.trains += static_cast<double>(m.tallies.ferry_queues[e].served());
      er.teu += m.tallies.ferries[e].teu_carried;
      carried += m.tallies.ferries[e].units_carried;
      offered += m.tallies.ferries[e].units_offered;
    }
    er.utilization = ratio(carried, offered);
    return er;
  }
  double offered = 0.0, wait_h = 0.0;
  for (edge_id e : directions) {
    er.trains += m.tallies.lines[e].departures;
    er.teu += m.tallies.lines[e].teu;
    offered += m.spec.edges[spec].slots_per_day * window_days;
    wait_h += m.tallies.lines[e].slot_wait_h;
  }
  er.utilization = ratio(er.trains, offered);
  er.mean_slot_wait_h = ratio(wait_h, er.trains);
  return er;
}

void add_edges(run_result& r, const model& m) {
  for (std::uint32_t spec = 0; spec < m.spec.edges.size(); ++spec)
    r.edges.push_back(edge_summary(m, spec, r.window_days));
}

// A service's promised transit: its flow's, or its market's; 0 when none.
double promised_days(const model& m, service_id f) {
  const service& svc = m.services[f];
  if (svc.flow != no_index) return m.spec.flows[svc.flow].promised_transit_days;
  if (svc.market != no_index) return m.spec.markets[svc.market].promised_transit_days;
  return 0.0;
}

double on_time(const sample_parts& days, double promise) {
  std::size_t n = 0;
  for (std::span<const double> p : days)
    n += static_cast<std::size_t>(std::count_if(p.begin(), p.end(), [&](double d) { return d <= promise; }));
  return static_cast<double>(n);
}

void add_flows(run_result& r, const model& m, const transit_samples& transit) {
  double promised = 0.0, in_time = 0.0;
  for (service_id f = 0; f < m.services.size(); ++f) {
    flow_result fr;
    fr.id = m.services[f].id;
    fr.direction = direction_names[index(m.facts.services[f].dir)];
    const sample_parts& days = transit.services[f];
    fr.teu = static_cast<double>(count_of(days));
    fr.trains = m.tallies.services[f].trains_delivered;
    fr.train_transit_days_mean = ratio(m.tallies.services[f].train_transit_days, fr.trains);
    fr.transit_days_mean = mean_of(m.tallies.services[f].transit_days);  // on the tally: no copy
    const median_p95 p = transit.service_percentiles(f);
    fr.transit_days_p50 = p.p50;
    fr.transit_days_p95 = p.p95;
    fr.buffer_days = fr.transit_days_p95 - fr.transit_days_p50;
    fr.promised_days = promised_days(m, f);
    if (fr.promised_days > 0.0) {
      const double n = on_time(days, fr.promised_days);
      fr.on_time_share = ratio(n, fr.teu);
      promised += fr.teu;
      in_time += n;
      r.has_promises = true;
    }
    r.flows.push_back(std::move(fr));
  }
  r.promised_teu = promised;
  r.on_time_share = ratio(in_time, promised);
}

void add_goods(run_result& r, const model& m) {
  const double per_year = ratio(days_per_year, r.window_days);
  for (std::size_t d = 0; d < direction_count; ++d) {
    for (std::size_t c = 0; c < m.spec.cargo_classes.size(); ++c) {
      goods_result g;
      g.direction = direction_names[d];
      g.cargo_class = m.spec.cargo_classes[c].id;
      g.teu = m.tallies.goods_teu[d][c];
      g.goods_value_usd_per_year = g.teu * m.spec.cargo_classes[c].goods_value_usd_per_teu * per_year;
      r.goods.push_back(std::move(g));
    }
  }
}

market_result market_summary(const model& m, std::size_t i, double window_days,
                             const transit_samples& transit) {
  const sample_parts& days = transit.markets[i];
  const market_spec& spec = m.spec.markets[i];
  const market_tally& t = m.tallies.markets[i];
  const double per_year = ratio(days_per_year, window_days);
  market_result mr;
  mr.id = spec.id;
  mr.demand_teu_per_year = t.demand_teu * per_year;
  mr.teu_per_year_by_mode.emplace_back("rail", t.mode_teu[0] * per_year);
  for (std::size_t a = 0; a < spec.alternatives.size(); ++a)
    mr.teu_per_year_by_mode.emplace_back(spec.alternatives[a], t.mode_teu[1 + a] * per_year);
  mr.not_shipped_teu_per_year = t.not_shipped_teu * per_year;
  mr.rail_share = ratio(t.mode_teu[0], t.demand_teu);
  mr.rail_entered_teu_per_year = t.rail_entered_teu * per_year;
  mr.rail_delivered_teu_per_year = t.delivered_teu * per_year;
  mr.transit_days_mean = ratio(t.transit_days_sum, static_cast<double>(count_of(days)));
  const median_p95 p = transit.market_percentiles(i);
  mr.transit_days_p95 = p.p95;
  mr.buffer_days = mr.transit_days_p95 - p.p50;
  mr.promised_days = spec.promised_transit_days;
  if (mr.promised_days > 0.0) mr.on_time_share = ratio(on_time(days, mr.promised_days), count_of(days));
  mr.cost_usd_per_teu = ratio(t.cost_sum.out_of_pocket(), t.delivered_teu);
  mr.generalized_cost_usd_per_teu = ratio(t.cost_sum.generalized(), t.delivered_teu);
  return mr;
}

void add_markets(run_result& r, const model& m, const transit_samples& transit) {
  for (std::size_t i = 0; i < m.spec.markets.size(); ++i)
    r.markets.push_back(market_summary(m, i, r.window_days, transit));
}

void add_report_shares(run_result& r, const model& m) {
  const std::size_t west = index(direction::westbound), east = index(direction::eastbound);
  for (std::size_t k = 0; k < m.spec.report.shares.size(); ++k) {
    const share_tally& t = m.tallies.shares[k];
    share_result sh;
    sh.id = m.spec.report.shares[k].id;
    sh.trains = ratio(t.trains_via, t.trains);
    sh.teu = ratio(t.teu_via, t.teu);
    sh.trains_westbound = ratio(t.trains_via_by_direction[west], t.trains_by_direction[west]);
    sh.trains_eastbound = ratio(t.trains_via_by_direction[east], t.trains_by_direction[east]);
    sh.teu_westbound = ratio(t.teu_via_by_direction[west], t.teu_by_direction[west]);
    sh.teu_eastbound = ratio(t.teu_via_by_direction[east], t.teu_by_direction[east]);
    sh.population_trains = t.trains;
    r.shares.push_back(std::move(sh));
  }
  const share_tally* first = m.tallies.shares.empty() ? nullptr : &m.tallies.shares.front();
  for (std::size_t g = 0; g < m.spec.report.gateways.size(); ++g) {
    gateway_result gr;
    gr.id = m.spec.report.gateways[g];
    gr.trains = m.tallies.gateway_trains[g];
    gr.teu = m.tallies.gateway_teu[g];
    gr.share_trains = first ? ratio(gr.trains, first->trains) : 0.0;
    gr.share_teu = first ? ratio(gr.teu, first->teu) : 0.0;
    r.gateways.push_back(std::move(gr));
  }
}

// Each crossing with a daily plan: its bookings and the holds they caused, over the window.
void add_plans(run_result& r, const model& m) {
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    if (!m.facts.nodes[v].has_plan) continue;
    const plan_tally& pt = m.tallies.plans[v];
    r.plans.push_back({m.net.props(v).id, pt.booked, pt.held, ratio(pt.hold_h, pt.booked)});
  }
}

// Each crossing whose customs has servers: its queue after the tracks.
void add_customs(run_result& r, const model& m) {
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    if (!m.facts.nodes[v].is_crossing) continue;
    const int servers = node_spec_of(m, v).crossing.customs_servers;
    if (servers <= 0) continue;
    const queue_stats& st = m.tallies.customs_queues[v];
    queue_result q = queue_summary(st, m.net.props(v).id, "customs");
    q.utilization = ratio(st.mean_busy(), servers);
    r.customs.push_back(std::move(q));
  }
}

// Each crossing with tracks kept per direction: each way's queue, over the tracks that way may use.
void add_crossing_ways(run_result& r, const model& m) {
  for (vertex_t v = 0; v < m.net.num_nodes(); ++v) {
    const crossing_spec& c = node_spec_of(m, v).crossing;
    if (!m.facts.nodes[v].is_crossing || !c.split_tracks()) continue;
    const int shared = c.tracks - c.tracks_entering - c.tracks_leaving;
    const std::array<int, 2> usable{c.tracks_entering + shared, c.tracks_leaving + shared};
    for (std::size_t w = 0; w < 2; ++w) {
      const queue_stats& st = m.tallies.crossing_way_queues[v][w];
      queue_result q =
          queue_summary(st, m.net.props(v).id, w == 0 ? "crossings_entering" : "crossings_leaving");
      q.utilization = ratio(st.mean_busy(), usable[w]);
      r.crossing_ways.push_back(std::move(q));
    }
  }
}

// Each random disruption of the scenario: its onsets that began in the report window, and the days its
// onsets were in force within the window.
void add_disruptions(run_result& r, const model& m) {
  const double from = m.frame.warmup_h / hours_per_day, to = m.frame.horizon_h / hours_per_day;
  std::vector<std::size_t> slot(m.spec.disruptions.size(), no_index);
  for (std::size_t i = 0; i < m.spec.disruptions.size(); ++i) {
    const disruption_spec& ds = m.spec.disruptions[i];
    if (!ds.random()) continue;
    slot[i] = r.disruptions.size();
    r.disruptions.push_back({ds.id, ds.cause, 0.0, 0.0});
  }
  for (std::size_t d = 0; d < m.disruptions.size(); ++d) {
    const std::uint32_t origin = m.disruption_origin[d];
    const std::size_t k = origin == no_index ? no_index : slot[origin];  // a `with` copy, or a scheduled one
    if (k == no_index) continue;
    const disruption_spec& onset = m.disruptions[d];
    if (onset.from_day >= from) r.disruptions[k].onsets += 1.0;
    r.disruptions[k].days_in_force +=
        std::max(0.0, std::min(onset.to_day, to) - std::max(onset.from_day, from));
  }
}

// The headline share (corridor::headline_share): the report's first share when it defines shares, else
// share_region between the report's origin and destination regions; named after the region it passes.
void add_shares(run_result& r, const model& m) {
  const share_spec headline = headline_share(m.spec.report);
  r.regions.avoiding = headline.via_region.empty();
  r.regions.region = r.regions.avoiding ? headline.avoiding_region : headline.via_region;
  r.regions.route_region = m.spec.report.share_region;
  add_headline_share(r, m.tallies.shares.empty() ? m.tallies.share : m.tallies.shares.front());
}

}  // namespace

run_result assemble_result(const model& m) {
  run_result r;
  r.seed = m.frame.seed;
  r.replication = m.frame.replication;
  r.events = m.eng.events_processed();
  r.window_days = (m.frame.horizon_h - m.frame.warmup_h) / hours_per_day;
  add_throughput(r, m.tallies);
  add_costs(r, m.tallies);
  add_shares(r, m);
  add_containers(r, m);
  add_empty_trains(r, m);
  add_queues(r, m);
  add_ports(r, m);
  add_wagon_pools(r, m);
  add_reblocking(r, m);
  add_routes(r, m);
  add_edges(r, m);
  const transit_samples transit = gather_transit(m);
  add_flows(r, m, transit);
  add_goods(r, m);
  add_markets(r, m, transit);
  add_transit(r, m.tallies, transit);
  add_report_shares(r, m);
  add_disruptions(r, m);
  add_plans(r, m);
  add_customs(r, m);
  add_crossing_ways(r, m);
  r.daily = m.tallies.daily;
  return r;
}

}  // namespace corridor::detail

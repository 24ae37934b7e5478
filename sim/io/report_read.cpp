// The one reader of output folders: summary.json, daily.csv, routes.csv, flows.geojson and compare.json
// parsed back into the Summary types they were written from, so `corridor report DIR` draws a folder
// written earlier with the same code that draws a run in memory. Strict: a file that is not what corridor
// writes is an io_error naming it.
#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <optional>
#include <utility>

#include "formats.hpp"

namespace corridor {
namespace {

using detail::ojson;
namespace fs = std::filesystem;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

ojson read_json(const fs::path& path) {
  try {
    return ojson::parse(read_file(path));
  } catch (const ojson::exception& e) {
    throw io_error(path, std::string("not valid JSON: ") + e.what());
  }
}

// A number the writers put in JSON; null stands for a value that was not finite.
double number(const ojson& j) {
  return j.is_null() ? nan : j.get<double>();
}

queue_result queue_of(const std::string& id, const char* kind, const ojson& j) {
  queue_result q;
  q.id = id, q.kind = kind;
  // A crossing's teu is not measured: summary.json leaves it out (files of older versions wrote 0).
  q.trains = number(j.at("trains")), q.teu = j.contains("teu") ? number(j.at("teu")) : nan;
  q.utilization = number(j.at("utilization"));
  q.mean_wait_h = number(j.at("mean_wait_h")), q.p95_wait_h = number(j.at("p95_wait_h"));
  q.mean_queue_trains = number(j.at("mean_queue_trains")),
  q.max_queue_trains = number(j.at("max_queue_trains"));
  if (j.contains("sailings")) q.sailings = number(j.at("sailings"));
  if (j.contains("cancelled_sailings")) q.cancelled_sailings = number(j.at("cancelled_sailings"));
  return q;
}

// The headline share's key from its metric "share_<key>_teu" (the one headline so named): the region passed,
// or "avoiding_<region>" (share_regions::key).
void read_share_key(const std::string& name, run_summary& s) {
  constexpr std::string_view head = "share_", tail = "_teu", avoiding = "avoiding_";
  if (name.size() <= head.size() + tail.size() || !name.starts_with(head) || !name.ends_with(tail)) return;
  std::string key = name.substr(head.size(), name.size() - head.size() - tail.size());
  s.regions.avoiding = key.starts_with(avoiding);
  s.regions.region = s.regions.avoiding ? key.substr(avoiding.size()) : key;
}

void read_metrics(const ojson& j, run_summary& s) {
  for (const auto& [name, mean] : j.at("metrics").items()) {
    s.metrics.push_back(
        {"metrics." + name, number(mean), number(j.at("ci95").at(name)), nan, s.replications});
    read_share_key(name, s);
  }
  for (const auto& [id, f] : j.at("flows").items()) {
    flow_summary& fs = s.flows.emplace_back();
    fs.id = id;
    fs.direction = f.at("direction").get<std::string>();
    fs.teu_per_day = number(f.at("teu_per_day"));
    fs.trains_per_day = number(f.at("trains_per_day"));
    fs.transit_days_mean = {number(f.at("transit_days_mean")), number(f.at("transit_days_mean_ci95")), nan,
                            s.replications};
    fs.transit_days_p50 = number(f.at("transit_days_p50"));
    fs.transit_days_p95 = number(f.at("transit_days_p95"));
    if (f.contains("train_transit_days_mean")) {  // files of versions before train transits lack it
      fs.train_transit_days_mean = {number(f.at("train_transit_days_mean")),
                                    number(f.at("train_transit_days_mean_ci95")), nan, s.replications};
    }
  }
}

// An element's `ci95` object back into the flattened metrics it was written from (`<prefix><field>`, the mean
// beside it in `entry`); null, an interval of fewer than two replications, as one replication.
void read_intervals(const ojson& entry, const std::string& prefix, run_summary& s) {
  if (!entry.contains("ci95")) return;  // files of versions before per-element intervals
  for (const auto& [field, hw] : entry.at("ci95").items()) {
    s.metrics.push_back({prefix + field, number(entry.at(field)), hw.is_null() ? 0.0 : number(hw), nan,
                         hw.is_null() ? std::min<std::size_t>(s.replications, 1) : s.replications});
  }
}

// Resource ports, when the scenario had any (summary.json has no `ports` otherwise).
void read_ports(const ojson& j, run_summary& s) {
  if (!j.contains("ports")) return;
  for (const auto& [id, p] : j.at("ports").items()) {
    port_result r;
    r.id = id;
    r.berths = number(p.at("berths"));
    for (const auto& [name, field] : port_fields) r.*field = number(p.at(name));
    s.ports.push_back(std::move(r));
    read_intervals(p, "ports." + id + ".", s);
  }
}

// Wagon pools, when the scenario had any: their ids, for daily.csv's columns (their numbers are metrics).
void read_wagon_pools(const ojson& j, run_summary& s) {
  if (!j.contains("wagon_pools")) return;
  for (const auto& item : j.at("wagon_pools").items()) {
    wagon_pool_result w;
    w.id = item.key();
    s.wagon_pools.push_back(std::move(w));
  }
}

void read_elements(const ojson& j, run_summary& s) {
  const auto& c = j.at("cost_breakdown");
  s.cost = {number(c.at("haulage")), number(c.at("crossing_fees")), number(c.at("handling")),
            number(c.at("ferry")),   number(c.at("subsidy")),       number(c.at("time"))};
  for (const auto& [id, q] : j.at("crossings").items()) {
    s.queues.push_back(queue_of(id, "crossing", q));
    read_intervals(q, "crossings." + id + ".", s);
  }
  for (const auto& [id, q] : j.at("ferries").items()) {
    s.queues.push_back(queue_of(id, "ferry", q));
    read_intervals(q, "ferries." + id + ".", s);
  }
  read_ports(j, s);
  read_wagon_pools(j, s);
  std::map<std::string, int> index;  // the k of each route's flattened name routes.<flow>.r<k>
  for (const auto& r : j.at("routes")) {
    std::optional<bool> via;  // via_<route region>: the one key so named (share_regions::route_region)
    for (const auto& [key, value] : r.items()) {
      if (key.starts_with("via_")) s.regions.route_region = key.substr(4), via = value.get<bool>();
    }
    if (!via) throw io_error({}, "summary.json: a route has no via_<region> (share_region) member");
    s.routes.push_back({r.at("flow").get<std::string>(), r.at("route").get<std::string>(),
                        number(r.at("trains")), number(r.at("teu")), number(r.at("share")), *via});
    const auto& flow = s.routes.back().flow;
    read_intervals(r, "routes." + flow + ".r" + std::to_string(index[flow]++) + ".", s);
  }
  for (const auto& [id, e] : j.at("edges").items()) {
    s.edges.push_back({id, number(e.at("trains")), number(e.at("teu")), number(e.at("utilization")),
                       number(e.at("mean_slot_wait_h"))});
    read_intervals(e, "edges." + id + ".", s);
  }
  for (const auto& g : j.at("goods")) {
    s.goods.push_back({g.at("direction").get<std::string>(), g.at("cargo_class").get<std::string>(),
                       number(g.at("teu")), number(g.at("goods_value_usd_per_year"))});
  }
}

run_summary summary_from(const ojson& j) {
  run_summary s;
  s.scenario_name = j.at("scenario").at("name").get<std::string>();
  s.scenario_file = j.at("scenario").at("file").get<std::string>();
  const auto& run = j.at("run");
  s.seed = run.at("seed").get<std::uint64_t>();
  s.replications = run.at("replications").get<std::size_t>();
  s.events = run.at("events").get<std::uint64_t>();
  const double wall = number(run.at("wall_seconds"));
  if (wall != 0.0 || run.contains("threads")) s.wall_seconds = wall;
  if (run.contains("threads")) s.threads = run.at("threads").get<int>();
  s.version = run.at("version").get<std::string>();
  s.warmup_days = number(run.at("warmup_days"));
  if (run.contains("intervals")) s.intervals = run.at("intervals").get<std::string>();
  read_metrics(j, s);
  read_elements(j, s);
  return s;
}

double csv_number(const std::string& cell, const fs::path& path, std::size_t line) {
  if (cell.empty()) return nan;
  double v = 0.0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || end != cell.data() + cell.size()) {
    throw io_error(path, "line " + std::to_string(line) + ": '" + cell + "' is not a number");
  }
  return v;
}

// daily.csv: a column per queue and series, then per port and series, exactly as daily_csv() lays them out
// for s.queues and s.ports.
void read_daily(const fs::path& path, run_summary& s) {
  const auto rows = detail::parse_csv(read_file(path), path);
  std::vector<std::string> expected = {"day", "teu_delivered", "trains_delivered"};
  for (const auto& series : detail::daily_columns) {
    for (const auto& q : s.queues) expected.push_back(series.prefix + q.id);
  }
  for (const auto& series : daily_port_fields) {
    for (const auto& p : s.ports) expected.push_back(series.prefix + p.id);
  }
  for (const auto& series : daily_wagon_pool_fields) {
    for (const auto& w : s.wagon_pools) expected.push_back(series.prefix + w.id);
  }
  if (rows.empty() || rows.front() != expected) {
    throw io_error(
        path,
        "line 1: the columns are not those of summary.json's crossings, ferries, ports and wagon pools");
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() != expected.size()) {
      throw io_error(path, "line " + std::to_string(r + 1) + ": " + std::to_string(row.size()) +
                               " fields, the header has " + std::to_string(expected.size()));
    }
    daily_row d;
    d.day = static_cast<int>(csv_number(row[0], path, r + 1));
    d.teu_delivered = csv_number(row[1], path, r + 1);
    d.trains_delivered = csv_number(row[2], path, r + 1);
    std::size_t c = 3;
    for (const auto& series : detail::daily_columns) {
      for (std::size_t q = 0; q < s.queues.size(); ++q)
        (d.*series.values).push_back(csv_number(row[c++], path, r + 1));
    }
    for (const auto& series : daily_port_fields) {
      for (std::size_t p = 0; p < s.ports.size(); ++p)
        (d.*series.values).push_back(csv_number(row[c++], path, r + 1));
    }
    for (const auto& series : daily_wagon_pool_fields) {
      for (std::size_t w = 0; w < s.wagon_pools.size(); ++w)
        (d.*series.values).push_back(csv_number(row[c++], path, r + 1));
    }
    s.daily.push_back(std::move(d));
  }
}

// flows.geojson's geometry: the network a map draws (its traffic is summary.json's too).
void read_network(const fs::path& path, run_summary& s) {
  const ojson j = read_json(path);
  try {
    for (const auto& f : j.at("features")) {
      const auto& p = f.at("properties");
      const auto& xy = f.at("geometry").at("coordinates");
      if (f.at("geometry").at("type") == "Point") {
        s.network.nodes.push_back({p.at("id").get<std::string>(), p.at("name").get<std::string>(),
                                   p.at("kind").get<std::string>(), p.at("country").get<std::string>(),
                                   number(xy.at(1)), number(xy.at(0))});
      } else {
        s.network.edges.push_back({p.at("id").get<std::string>(), p.at("from").get<std::string>(),
                                   p.at("to").get<std::string>(), p.at("mode").get<std::string>(), 0});
      }
    }
  } catch (const ojson::exception& e) {
    throw io_error(path, std::string("not a flows.geojson corridor writes: ") + e.what());
  }
}

bool present(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

// A run's folder: summary.json, and daily.csv, flows.geojson when present (routes are summary.json's).
run_summary read_run_folder(const fs::path& dir) {
  const fs::path file = dir / "summary.json";
  run_summary s;
  try {
    s = summary_from(read_json(file));
  } catch (const ojson::exception& e) {
    throw io_error(file, std::string("not a summary.json corridor writes: ") + e.what());
  }
  if (s.regions.region.empty()) {
    throw io_error(file, "not a summary.json corridor writes: no share_<region>_teu among the metrics");
  }
  if (present(dir / "daily.csv")) read_daily(dir / "daily.csv", s);
  if (present(dir / "flows.geojson")) read_network(dir / "flows.geojson", s);
  return s;
}

comparison comparison_from(const fs::path& file) {
  const ojson j = read_json(file);
  try {
    comparison c;
    c.base_name = j.at("base").get<std::string>();
    c.variant_name = j.at("variant").get<std::string>();
    c.seed = j.at("seed").get<std::uint64_t>();
    c.replications = j.at("replications").get<std::size_t>();
    if (j.contains("fdr")) c.fdr = number(j.at("fdr"));
    for (const auto& r : j.at("rows")) {
      metric_difference& m = c.metrics.emplace_back();
      m.name = r.at("name").get<std::string>();
      m.base_mean = number(r.at("base")), m.variant_mean = number(r.at("variant"));
      m.difference = number(r.at("diff")), m.paired_half_width_95 = number(r.at("half_width_95"));
      m.significant = r.at("significant").get<bool>();
      m.unpaired_half_width_95 = number(r.at("unpaired_half_width_95"));
      // Files of versions before the false-discovery-rate control carry none of these.
      m.p_value = r.contains("p_value") ? number(r.at("p_value")) : nan;
      m.q_value = r.contains("q_value") ? number(r.at("q_value")) : nan;
      m.interval_excludes_zero =
          r.contains("interval_excludes_zero") ? r.at("interval_excludes_zero").get<bool>() : m.significant;
    }
    return c;
  } catch (const ojson::exception& e) {
    throw io_error(file, std::string("not a compare.json corridor writes: ") + e.what());
  }
}

}  // namespace

report_input read_report_input(const fs::path& dir) {
  report_input in;
  if (present(dir / "summary.json")) in.run = read_run_folder(dir);
  if (present(dir / "compare.json")) in.compare = comparison_from(dir / "compare.json");
  if (!in.run && !in.compare) throw io_error(dir, "no summary.json or compare.json to report on");
  if (in.compare && present(dir / "base" / "summary.json") && present(dir / "variant" / "summary.json")) {
    in.compared = report_input::sides{read_run_folder(dir / "base"), read_run_folder(dir / "variant")};
  }
  return in;
}

}  // namespace corridor

#include "summary_print.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "corridor/text_table.hpp"
#include "corridor/tidy.hpp"

namespace corridor::cli {
namespace {

// A headline row: metric `name` with its label; a share metric's name is "share_<key>_<name>", and the label
// of its totals (`of_traffic`) is what it is a share of, after the share's own words (label_of).
enum class share_row { no, of_traffic, own_label };

struct headline_row {
  const char* name;
  const char* label;
  int decimals;
  bool percent;
  share_row share = share_row::no;
};

constexpr headline_row headline_rows[] = {
    {"throughput_teu_per_day", "Throughput, TEU/day", 1, false},
    {"throughput_trains_per_day", "Throughput, trains/day", 2, false},
    {"throughput_teu_per_day_westbound", "  westbound (from China), TEU/day", 1, false},
    {"throughput_teu_per_day_eastbound", "  eastbound (to China), TEU/day", 1, false},
    {"cost_usd_per_teu", "Cost, USD/TEU (out of pocket)", 0, false},
    {"generalized_cost_usd_per_teu", "Generalized cost, USD/TEU", 0, false},
    {"transit_days_mean", "Transit, days (mean)", 2, false},
    {"transit_days_p50", "Transit, days (median)", 2, false},
    {"transit_days_p95", "Transit, days (95th percentile)", 2, false},
    {"transit_buffer_days", "  buffer, days (p95 - median)", 2, false},
    {"trains", "trains", 1, true, share_row::of_traffic},
    {"teu", "TEU", 1, true, share_row::of_traffic},
    {"trains_westbound", "  westbound trains", 1, true, share_row::own_label},
    {"trains_eastbound", "  eastbound trains", 1, true, share_row::own_label},
    {"empty_trains_moved", "Empty trains repositioned", 0, false},
    {"containers_entered", "Containers entered (TEU, whole run)", 0, false},
    {"containers_delivered", "Containers delivered (TEU, whole run)", 0, false},
    {"containers_in_system", "Containers in the system at the end", 0, false},
};

// "Via Central Asia, share of China-Europe trains" from the scenario's names of the headline share's regions
// ("Via central_asia, share of trains" from a summary without them).
std::string label_of(const run_summary& s, const headline_row& h) {
  if (h.share != share_row::of_traffic) return h.label;
  const std::string via = s.regions.avoiding ? "Avoiding " : "Via ";
  if (s.share_region_name.empty()) return fmt::format("{}{}, share of {}", via, s.regions.region, h.label);
  return fmt::format("{}{}, share of {}-{} {}", via, s.share_region_name, s.share_from_name, s.share_to_name,
                     h.label);
}

std::string value_cell(const metric_stat& m, int decimals, bool percent) {
  return percent ? human_percent(m.mean) : human_number(m.mean, decimals);
}

std::string ci_cell(const metric_stat& m, int decimals, bool percent) {
  if (m.n < 2) return "";
  return "± " + (percent ? human_percent(m.half_width_95) : human_number(m.half_width_95, decimals));
}

// The elements of a kind ("markets", "shares", "gateways"), in the order the model reports them.
std::vector<std::string> ids_of(const run_summary& s, const std::string& kind) {
  std::vector<std::string> ids;
  for (const metric_stat& m : s.metrics) {
    // Thousands of metrics: only those named "<kind>." are split (a kind has no dot).
    if (m.name.size() <= kind.size() || m.name.compare(0, kind.size(), kind) != 0 ||
        m.name[kind.size()] != '.')
      continue;
    metric_parts p = split_metric_name(m.name);
    if (p.kind != kind || p.element.empty()) continue;
    if (ids.empty() || ids.back() != p.element) ids.push_back(std::move(p.element));
  }
  return ids;
}

// Markets (demand of all modes, rail's part, the rest), the report's shares and its gateways, when the
// scenario has them.
std::string format_markets(const run_summary& s) {
  const auto mean = [&](const std::string& name) { return metric(s, name).mean; };
  std::string out;
  const auto markets = ids_of(s, "markets");
  if (!markets.empty()) {
    text_table t(
        {"Market", "demand TEU/yr", "rail TEU/yr", "rail share", "other modes TEU/yr", "rail transit d"});
    for (const std::string& id : markets) {
      const std::string p = "markets." + id + ".";
      const double demand = mean(p + "demand_teu_per_year"), rail = mean(p + "rail_teu_per_year");
      const double lost = mean(p + "not_shipped_teu_per_year");
      t.add_row({id, human_number(demand, 0), human_number(rail, 0), human_percent(mean(p + "rail_share")),
                 human_number(demand - rail - lost, 0), human_number(mean(p + "transit_days_mean"), 1)});
    }
    out += "\n" + t.render();
  }
  const auto shares = ids_of(s, "shares");
  if (!shares.empty()) {
    text_table t({"Report share", "of trains", "of TEU", "westbound trains", "eastbound trains"});
    for (const std::string& id : shares) {
      const std::string p = "shares." + id + ".";
      t.add_row({id, human_percent(mean(p + "trains")), human_percent(mean(p + "teu")),
                 human_percent(mean(p + "trains_westbound")), human_percent(mean(p + "trains_eastbound"))});
    }
    out += "\n" + t.render();
  }
  const auto gateways = ids_of(s, "gateways");
  if (!gateways.empty()) {
    text_table t({"Gateway (first share's trains)", "trains/day", "share of trains"});
    for (const std::string& id : gateways) {
      const std::string p = "gateways." + id + ".";
      t.add_row(
          {id, human_number(mean(p + "trains") / s.window_days, 2), human_percent(mean(p + "share_trains"))});
    }
    out += "\n" + t.render();
  }
  return out;
}

}  // namespace

// Multi-year runs: a row per calendar year, means over the replications with their 95 % half-widths.
std::string format_years(const run_summary& s) {
  const std::string share = "metrics.share_" + s.regions.key() + "_trains";
  text_table t({"Year", "TEU delivered", "trains", "mean transit d", "p95 transit d", "headline share",
                "cost USD/TEU"});
  for (const year_summary& y : s.years) {
    const auto cell = [&](const std::string& name, int decimals, bool percent) {
      for (const metric_stat& m : y.metrics) {
        if (m.name != name) continue;
        const std::string ci = ci_cell(m, decimals, percent);
        return value_cell(m, decimals, percent) + (ci.empty() ? "" : " " + ci);
      }
      return std::string("-");
    };
    t.add_row({std::to_string(y.year), cell("metrics.teu_delivered", 0, false),
               cell("metrics.trains_delivered", 0, false), cell("metrics.transit_days_mean", 2, false),
               cell("metrics.transit_days_p95", 2, false), cell(share, 1, true),
               cell("metrics.cost_usd_per_teu", 0, false)});
  }
  return "By year (each year its own window; the tables above are the last year's):\n" + t.render();
}

std::string format_run_summary(const run_summary& s, double wall_seconds) {
  const auto stat = [&](const std::string& name) { return &metric(s, name); };
  const bool ci = s.replications > 1;

  std::string out =
      fmt::format("\n{} · seed {} · {} replication{} · {:g} days ({:g} warm-up)\n", s.scenario_name, s.seed,
                  s.replications, s.replications == 1 ? "" : "s", s.horizon_days, s.warmup_days);
  if (!s.intervals.empty()) out += "95 % intervals: " + s.intervals + "\n";
  out += "\n";
  text_table head(ci ? std::vector<std::string>{"Headline", "mean", "95 % CI"}
                     : std::vector<std::string>{"Headline", "value"});
  const std::string share_prefix = "metrics.share_" + s.regions.key() + "_";
  for (const headline_row& h : headline_rows) {
    const metric_stat& m =
        *stat((h.share != share_row::no ? share_prefix : std::string("metrics.")) + h.name);
    std::vector<std::string> row{label_of(s, h), value_cell(m, h.decimals, h.percent)};
    if (ci) row.push_back(ci_cell(m, h.decimals, h.percent));
    head.add_row(std::move(row));
  }
  // Reliability rows exist when some flow or market promises a transit, and random disruptions when drawn.
  const auto optional_row = [&](const std::string& name, const std::string& label, int decimals,
                                bool percent) {
    const metric_stat* m = find_metric(s, name);
    if (m == nullptr) return;
    std::vector<std::string> row{label, value_cell(*m, decimals, percent)};
    if (ci) row.push_back(ci_cell(*m, decimals, percent));
    head.add_row(std::move(row));
  };
  optional_row("reliability.on_time_share", "On time (within the promised transit), share of TEU", 1, true);
  for (const std::string& id : ids_of(s, "disruptions")) {
    optional_row("disruptions." + id + ".onsets", "Random disruption " + id + ", onsets", 2, false);
    optional_row("disruptions." + id + ".days_in_force", "  days in force", 1, false);
  }
  for (const std::string& id : ids_of(s, "customs")) {
    optional_row("customs." + id + ".mean_wait_h", "Customs at " + id + ", mean wait for a server, h", 1,
                 false);
    optional_row("customs." + id + ".utilization", "  utilization of its servers", 1, true);
  }
  for (const std::string& id : ids_of(s, "crossings_entering")) {
    for (const char* way : {"entering", "leaving"}) {
      const std::string kind = std::string("crossings_") + way + "." + id + ".";
      optional_row(kind + "mean_wait_h", "Crossing " + id + ", trains " + way + ", mean wait, h", 1, false);
      optional_row(kind + "utilization", "  utilization of the tracks they may use", 1, true);
    }
  }
  for (const std::string& id : ids_of(s, "plans")) {
    optional_row("plans." + id + ".held_trains", "Daily plan at " + id + ", trains held at origin", 0, false);
    optional_row("plans." + id + ".mean_hold_h", "  mean hold per booked train, h", 1, false);
  }
  out += head.render();
  out += format_markets(s);

  text_table crossings({"Border crossing", "trains/day", "utilization", "mean wait h", "p95 wait h",
                        "mean queue", "max queue"});
  text_table ferries(
      {"Ferry leg @ port", "TEU/day", "utilization", "mean wait h", "sailings", "cancelled", "mean queue"});
  const double days = s.window_days;
  for (const queue_result& q : s.queues) {
    const std::string p = (q.kind == "ferry" ? "ferries." : "crossings.") + q.id + ".";
    const auto v = [&](const char* field) { return stat(p + field)->mean; };
    if (q.kind == "crossing") {
      crossings.add_row({q.id, human_number(v("trains") / days, 2), human_percent(v("utilization")),
                         human_number(v("mean_wait_h"), 1), human_number(v("p95_wait_h"), 1),
                         human_number(v("mean_queue_trains"), 2), human_number(v("max_queue_trains"), 0)});
    } else {
      ferries.add_row({q.id, human_number(v("teu") / days, 1), human_percent(v("utilization")),
                       human_number(v("mean_wait_h"), 1), human_number(v("sailings"), 0),
                       human_number(v("cancelled_sailings"), 0), human_number(v("mean_queue_trains"), 2)});
    }
  }
  out += "\n" + crossings.render();
  out += "\n" + ferries.render();
  if (!s.ports.empty()) {
    text_table ports({"Port", "berths", "utilization", "mean wait h", "dwell h", "yard peak TEU",
                      "gate wait h", "trains held"});
    for (const port_result& q : s.ports) {
      const auto v = [&](const char* field) { return stat("ports." + q.id + "." + field)->mean; };
      ports.add_row({q.id, human_number(q.berths, 0), human_percent(v("utilization")),
                     human_number(v("mean_wait_h"), 1), human_number(v("dwell_h"), 1),
                     human_number(v("yard_peak_teu"), 0), human_number(v("gate_wait_h"), 1),
                     human_number(v("gate_trains"), 0)});
    }
    out += "\n" + ports.render();
  }
  if (find_metric(s, "wagon_pools.empty_train_km") != nullptr) {
    text_table pools({"Wagon pool", "utilization", "trains waited", "mean wait h", "mean queue trains",
                      "empty trains", "empty train-km"});
    for (const metric_stat& m : s.metrics) {
      const metric_parts p = split_metric_name(m.name);
      if (p.kind != "wagon_pools" || p.field != "utilization" || p.element.empty()) continue;
      const auto v = [&](const char* field) { return stat("wagon_pools." + p.element + "." + field)->mean; };
      pools.add_row({p.element, human_percent(v("utilization")), human_number(v("trains_waited"), 0),
                     human_number(v("mean_wait_h"), 1), human_number(v("mean_queue_trains"), 2),
                     human_number(v("empty_trains"), 0), human_number(v("empty_train_km"), 0)});
    }
    out += "\n" + pools.render();
  }

  text_table lines({"Line with slots", "slots/day each way", "slot use", "mean slot wait h"});
  for (const network_edge& e : s.network.edges) {
    if (e.mode != "rail" || e.slots_per_day <= 0) continue;
    const std::string p = "edges." + e.id + ".";
    lines.add_row({e.id, std::to_string(e.slots_per_day), human_percent(stat(p + "utilization")->mean),
                   human_number(stat(p + "mean_slot_wait_h")->mean, 1)});
  }
  out += "\n" + lines.render();
  if (!s.years.empty()) out += "\n" + format_years(s);

  const auto events = static_cast<double>(s.events);
  out += fmt::format("\n  {} events in {:.2f} s ({} M events/s)\n", human_number(events, 0), wall_seconds,
                     human_number(wall_seconds > 0 ? events / wall_seconds / 1e6 : 0.0, 1));
  return out;
}

}  // namespace corridor::cli

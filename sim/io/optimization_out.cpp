// An optimization's files: optimization.json, pareto.csv and optimization.html (a self-contained page whose
// charts are inline SVG drawn here, so it needs no script and opens anywhere).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "corridor/io.hpp"
#include "corridor/planning_io.hpp"
#include "formats.hpp"
#include "json_util.hpp"

namespace corridor {
namespace {

using detail::json_number;
using detail::ojson;

void put(ojson& o, const std::string& name, const interval& v) {
  o[name] = json_number(v.mean);
  o[name + "_ci95"] = std::isnan(v.mean) ? ojson(nullptr) : json_number(v.ci95);
}

ojson bound_object(const programme_target& t) {
  ojson o;
  o["metric"] = t.metric;
  o["year"] = t.year;
  o["min"] = t.min ? json_number(*t.min) : ojson(nullptr);
  o["max"] = t.max ? json_number(*t.max) : ojson(nullptr);
  return o;
}

ojson portfolio_object(const portfolio_result& r, const std::vector<programme_target>& targets) {
  ojson o;
  o["projects"] = r.projects;
  o["start_years"] = r.start_years;
  o["opening_years"] = r.opening_years;
  o["pv_cost_usd"] = json_number(r.pv_cost_usd);
  ojson ts = ojson::array();
  for (std::size_t t = 0; t < targets.size(); ++t) {
    ojson x = bound_object(targets[t]);
    put(x, "value", r.targets[t]);
    x["met"] = static_cast<bool>(r.met[t]);
    ts.push_back(std::move(x));
  }
  o["targets"] = std::move(ts);
  o["feasible"] = r.feasible;
  o["probability_feasible"] = json_number(r.probability_feasible);
  o["replications"] = r.replications;
  o["verified"] = r.verified;
  o["found_by"] = r.found_by;
  o["surrogate_error"] = r.surrogate_error ? json_number(*r.surrogate_error) : ojson(nullptr);
  return o;
}

std::string joined(const std::vector<std::string>& ids, std::string_view none = "(none)") {
  if (ids.empty()) return std::string(none);
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : "+") + id;
  return out;
}

std::string num(double v, int decimals = 2) {
  if (std::isnan(v)) return "—";
  return fmt::format("{:.{}f}", v, decimals);
}

std::string musd(double v) {
  return fmt::format("{:.1f}", v / 1e6);
}

std::string bound_text(const programme_target& t) {
  std::string b;
  if (t.min) b += "≥ " + fmt::format("{:g}", *t.min);
  if (t.max) b += (b.empty() ? "" : ", ") + std::string("≤ ") + fmt::format("{:g}", *t.max);
  return b;
}

// --- the page ---------------------------------------------------------------------------------------------

struct frame {
  double w = 640, h = 320, left = 70, right = 20, top = 20, bottom = 46;
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
  double x(double v) const { return left + (v - x0) / (x1 - x0) * (w - left - right); }
  double y(double v) const { return h - bottom - (v - y0) / (y1 - y0) * (h - top - bottom); }
};

void widen(double& lo, double& hi) {
  if (!(hi > lo)) lo -= 1.0, hi += 1.0;
  const double pad = 0.06 * (hi - lo);
  lo -= pad, hi += pad;
}

// Axes with 5 ticks on each; `x_ticks` false leaves the x ticks to the caller (years, say).
std::string axes(const frame& f, const std::string& xlabel, const std::string& ylabel, bool x_ticks = true) {
  std::string s;
  s += fmt::format(R"(<line class="axis" x1="{0:.1f}" y1="{1:.1f}" x2="{2:.1f}" y2="{1:.1f}"/>)", f.left,
                   f.h - f.bottom, f.w - f.right);
  s += fmt::format(R"(<line class="axis" x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}"/>)", f.left,
                   f.top, f.h - f.bottom);
  for (int k = 0; k <= 4; ++k) {
    const double xv = f.x0 + (f.x1 - f.x0) * k / 4.0, yv = f.y0 + (f.y1 - f.y0) * k / 4.0;
    if (x_ticks)
      s += fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)", f.x(xv),
                       f.h - f.bottom + 16, html_escape(fmt::format("{:.4g}", xv)));
    s += fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)", f.left - 6,
                     f.y(yv) + 4, html_escape(fmt::format("{:.4g}", yv)));
  }
  s += fmt::format(R"(<text class="label" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                   (f.left + f.w - f.right) / 2, f.h - 8, html_escape(xlabel));
  s += fmt::format(
      R"~(<text class="label" x="14" y="{:.1f}" text-anchor="middle" transform="rotate(-90 14 {:.1f})">{}</text>)~",
      (f.top + f.h - f.bottom) / 2, (f.top + f.h - f.bottom) / 2, html_escape(ylabel));
  return s;
}

// Cost against target t: every candidate evaluated (grey), the non-dominated joined (blue), the chosen
// (red), with 95 % intervals and the target's bound.
std::string pareto_svg(const optimization& o, std::size_t t) {
  frame f;
  double cmin = 0, cmax = 0, ymin = INFINITY, ymax = -INFINITY;
  for (const auto& r : o.evaluated) {
    cmax = std::max(cmax, r.pv_cost_usd / 1e6);
    const interval& v = r.targets[t];
    if (std::isnan(v.mean)) continue;
    ymin = std::min(ymin, v.mean - v.ci95), ymax = std::max(ymax, v.mean + v.ci95);
  }
  const programme_target& target = o.targets[t];
  for (auto b : {target.min, target.max}) {
    if (b) ymin = std::min(ymin, *b), ymax = std::max(ymax, *b);
  }
  if (!std::isfinite(ymin)) ymin = 0, ymax = 1;
  widen(cmin, cmax);
  cmin = 0.0;  // costs are never negative: the axis starts at nothing spent
  widen(ymin, ymax);
  f.x0 = cmin, f.x1 = cmax, f.y0 = ymin, f.y1 = ymax;
  std::string s =
      fmt::format(R"(<svg id="pareto-{}" class="chart" viewBox="0 0 {} {}" role="img">)", t, f.w, f.h);
  s += fmt::format("<title>PV cost against {} in {}</title>", html_escape(target.metric), target.year);
  s += axes(f, "PV cost, million USD", target.metric + " (" + std::to_string(target.year) + ")");
  for (auto b : {target.min, target.max}) {
    if (!b) continue;
    s += fmt::format(R"(<line class="bound" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)", f.left,
                     f.y(*b), f.w - f.right, f.y(*b));
    s += fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="end">target {}</text>)",
                     f.w - f.right - 4, f.y(*b) - 4, html_escape(bound_text(target)));
  }
  std::string front;
  for (std::size_t i : o.pareto) {
    const auto& r = o.evaluated[i];
    if (std::isnan(r.targets[t].mean)) continue;
    front += fmt::format("{}{:.1f},{:.1f}", front.empty() ? "" : " ", f.x(r.pv_cost_usd / 1e6),
                         f.y(r.targets[t].mean));
  }
  if (!front.empty()) s += fmt::format(R"(<polyline class="front" points="{}"/>)", front);
  const auto is_chosen = [&](const portfolio_result& r) {
    return o.chosen && r.assignment == o.chosen->assignment;
  };
  for (std::size_t i = 0; i < o.evaluated.size(); ++i) {
    const auto& r = o.evaluated[i];
    const interval& v = r.targets[t];
    if (std::isnan(v.mean)) continue;
    const bool on_front = std::find(o.pareto.begin(), o.pareto.end(), i) != o.pareto.end();
    const std::string cls = is_chosen(r) ? "chosen" : on_front ? "onfront" : "point";
    const double cx = f.x(r.pv_cost_usd / 1e6);
    s += fmt::format(R"(<g class="{}"><line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)", cls, cx,
                     f.y(v.mean - v.ci95), cx, f.y(v.mean + v.ci95));
    s += fmt::format(
        R"(<circle cx="{:.1f}" cy="{:.1f}" r="{}"><title>{}: {:.1f} M$, {} ± {}</title></circle></g>)", cx,
        f.y(v.mean), is_chosen(r) ? 6 : 4, html_escape(joined(r.projects)), r.pv_cost_usd / 1e6, num(v.mean),
        num(v.ci95));
  }
  s += "</svg>";
  return s;
}

// The chosen projects on the horizon: building from the start year, open from the opening year.
std::string timeline_svg(const optimization& o) {
  const std::size_t rows = o.chosen ? o.chosen->projects.size() : 0;
  frame f;
  f.left = 170, f.top = 20, f.bottom = 30;
  f.h = f.top + 30 + 28.0 * static_cast<double>(std::max<std::size_t>(rows, 1)) + f.bottom;
  f.x0 = o.first_year, f.x1 = o.last_year + 1;
  std::string s =
      fmt::format(R"(<svg id="timeline" class="chart" viewBox="0 0 {} {}" role="img">)", f.w, f.h);
  s += "<title>The chosen programme on the horizon</title>";
  const double base = f.h - f.bottom;
  s += fmt::format(R"(<line class="axis" x1="{0:.1f}" y1="{1:.1f}" x2="{2:.1f}" y2="{1:.1f}"/>)", f.left,
                   base, f.w - f.right);
  const int step = std::max(1, (o.last_year - o.first_year + 1) / 10);
  for (int y = o.first_year; y <= o.last_year + 1; y += step)
    s += fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)", f.x(y),
                     base + 16, y);
  for (int y : o.target_years)
    s += fmt::format(R"(<line class="bound" x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}"/>)"
                     R"(<text class="tick" x="{0:.1f}" y="{3:.1f}" text-anchor="middle">targets {4}</text>)",
                     f.x(y), f.top, base, f.top - 6 + 12, y);
  if (!o.chosen) {
    s += fmt::format(R"(<text class="label" x="{:.1f}" y="{:.1f}">No portfolio meets the targets</text>)",
                     f.left, f.top + 30);
  }
  for (std::size_t k = 0; k < rows; ++k) {
    const auto& c = *o.chosen;
    const double y = f.top + 20 + 28.0 * static_cast<double>(k);
    s += fmt::format(R"(<text class="label" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)", f.left - 8,
                     y + 14, html_escape(c.projects[k]));
    s += fmt::format(
        R"(<rect class="build" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="18"><title>{}: building {}–{}</title></rect>)",
        f.x(c.start_years[k]), y, f.x(c.opening_years[k]) - f.x(c.start_years[k]), html_escape(c.projects[k]),
        c.start_years[k], c.opening_years[k] - 1);
    s += fmt::format(
        R"(<rect class="open" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="18"><title>{}: open from {}</title></rect>)",
        f.x(c.opening_years[k]), y, std::max(0.0, f.x(o.last_year + 1) - f.x(c.opening_years[k])),
        html_escape(c.projects[k]), c.opening_years[k]);
  }
  s += "</svg>";
  return s;
}

// Where traffic moves: the network on a plain longitude-latitude frame, each edge grey, and over it the
// change in its TEU (the mapped portfolio less do-nothing, last target year): more in red, less in blue, the
// width by the size of the change against the largest.
std::string traffic_svg(const optimization& o) {
  double lon0 = 180, lon1 = -180, lat0 = 90, lat1 = -90, most = 0.0;
  for (const traffic_shift& e : o.traffic) {
    lon0 = std::min({lon0, e.from_lon, e.to_lon}), lon1 = std::max({lon1, e.from_lon, e.to_lon});
    lat0 = std::min({lat0, e.from_lat, e.to_lat}), lat1 = std::max({lat1, e.from_lat, e.to_lat});
    most = std::max(most, std::abs(e.with_teu - e.do_nothing_teu));
  }
  widen(lon0, lon1);
  widen(lat0, lat1);
  frame f;
  f.left = 10, f.right = 10, f.top = 10, f.bottom = 10;
  f.h = std::clamp(f.w * (lat1 - lat0) / (lon1 - lon0) * 1.3, 200.0, 480.0);
  f.x0 = lon0, f.x1 = lon1, f.y0 = lat0, f.y1 = lat1;
  std::string s =
      fmt::format(R"(<svg id="traffic-map" class="chart" viewBox="0 0 {} {:.0f}" role="img">)", f.w, f.h);
  s += html_escape(fmt::format("<title>Change in TEU by edge, {}: {} against do-nothing</title>",
                               o.traffic_year, o.traffic_portfolio));
  for (const traffic_shift& e : o.traffic)
    s += fmt::format(R"(<line class="net" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)",
                     f.x(e.from_lon), f.y(e.from_lat), f.x(e.to_lon), f.y(e.to_lat));
  for (const traffic_shift& e : o.traffic) {
    const double change = e.with_teu - e.do_nothing_teu;
    if (most <= 0.0 || std::abs(change) < 0.01 * most) continue;
    s += fmt::format(
        R"(<line class="{}" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke-width="{:.1f}"><title>{}: {} → {} TEU ({:+.0f})</title></line>)",
        change > 0 ? "more" : "less", f.x(e.from_lon), f.y(e.from_lat), f.x(e.to_lon), f.y(e.to_lat),
        1.0 + 9.0 * std::abs(change) / most, html_escape(e.edge), num(e.do_nothing_teu), num(e.with_teu),
        change);
  }
  s += "</svg>";
  return s;
}

constexpr const char* style =
    R"(body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}table{border-collapse:collapse;margin:.5em 0}
td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left}td.n{text-align:right}
.chart{width:100%;max-width:680px;display:block}.axis{stroke:#444}.bound{stroke:#c60;stroke-dasharray:4 3}
.tick{font-size:11px;fill:#555}.label{font-size:12px;fill:#222}.front{fill:none;stroke:#36c;stroke-width:1.5}
.point circle{fill:#bbb}.point line{stroke:#bbb}.onfront circle{fill:#36c}.onfront line{stroke:#36c}
.chosen circle{fill:#d22;stroke:#000}.chosen line{stroke:#d22}.build,.cost{fill:#f0b060}.open,.benefit{fill:#4a8}
.yes{color:#161}.no{color:#b11}.note{color:#555}.net{stroke:#ccc;stroke-width:1}.more{stroke:#d22}.less{stroke:#36c})";

// The chosen programme's benefits (up) and costs (down) by year, as appraised, in million USD.
std::string benefits_svg(const appraisal& a) {
  const case_appraisal& c = a.cases.back();
  frame f;
  double lo = 0.0, hi = 0.0;
  for (std::size_t k = 0; k < c.costs_by_year.size(); ++k)
    hi = std::max(hi, c.benefits_by_year[k] / 1e6), lo = std::min(lo, -c.costs_by_year[k] / 1e6);
  widen(lo, hi);
  f.x0 = a.first_year, f.x1 = a.last_year + 1, f.y0 = lo, f.y1 = hi;
  std::string s =
      fmt::format(R"(<svg id="benefits" class="chart" viewBox="0 0 {} {}" role="img">)", f.w, f.h);
  s += "<title>Benefits and costs by year of the chosen programme</title>";
  s += axes(f, "year", "million USD a year", false);
  const int step = std::max(1, (a.last_year - a.first_year + 1) / 10);
  for (int y = a.first_year; y <= a.last_year + 1; y += step)
    s += fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)", f.x(y),
                     f.h - f.bottom + 16, y);
  s += fmt::format(R"(<line class="axis" x1="{0:.1f}" y1="{1:.1f}" x2="{2:.1f}" y2="{1:.1f}"/>)", f.left,
                   f.y(0), f.w - f.right);
  const double width = 0.8 * (f.x(1) - f.x(0));
  for (std::size_t k = 0; k < c.costs_by_year.size(); ++k) {
    const int year = a.first_year + static_cast<int>(k);
    const double b = c.benefits_by_year[k] / 1e6, cost = c.costs_by_year[k] / 1e6;
    if (b != 0.0)
      s += fmt::format(
          R"(<rect class="benefit" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"><title>{}: benefits {:.1f} M$</title></rect>)",
          f.x(year) + 0.1 * width, f.y(std::max(b, 0.0)), width, std::fabs(f.y(b) - f.y(0)), year, b);
    if (cost != 0.0)
      s += fmt::format(
          R"(<rect class="cost" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"><title>{}: costs {:.1f} M$</title></rect>)",
          f.x(year) + 0.1 * width, f.y(0), width, f.y(-cost) - f.y(0), year, cost);
  }
  s += "</svg>";
  return s;
}

std::string target_rows(const optimization& o, const portfolio_result& r) {
  std::string s;
  for (std::size_t t = 0; t < o.targets.size(); ++t) {
    s += fmt::format(
        R"(<tr><td>{}</td><td>{}</td><td>{}</td><td class="n">{} ± {}</td><td class="{}">{}</td></tr>)",
        html_escape(o.targets[t].metric), o.targets[t].year, html_escape(bound_text(o.targets[t])),
        num(r.targets[t].mean), num(r.targets[t].ci95), r.met[t] ? "yes" : "no",
        r.met[t] ? "met" : "not met");
  }
  return s;
}

}  // namespace

std::string optimization_json(const optimization& o) {
  ojson j;
  j["programme"] = o.programme_name;
  j["base"] = o.base_scenario;
  j["seed"] = o.seed;
  j["replications"] = o.replications;
  j["screen_replications"] = o.screen_replications;
  j["max_replications"] = o.max_replications;
  j["staging"] = o.staging;
  j["simulations"] = o.simulations;
  j["enumeration_simulations"] = o.enumeration_simulations;
  j["budget"] = o.budget == 0 ? ojson(nullptr) : ojson(o.budget);
  j["budget_exhausted"] = o.budget_exhausted;
  j["integer_programs"] = o.integer_programs;
  j["horizon"] = {{"from", o.first_year}, {"to", o.last_year}};
  j["target_years"] = o.target_years;
  ojson targets = ojson::array();
  for (const auto& t : o.targets) targets.push_back(bound_object(t));
  j["targets"] = std::move(targets);
  j["feasible"] = o.feasible;
  j["chosen"] = o.chosen ? portfolio_object(*o.chosen, o.targets) : ojson(nullptr);
  j["probability_correct_selection"] =
      o.chosen ? json_number(o.probability_correct_selection) : ojson(nullptr);
  j["gap_usd"] = o.chosen ? json_number(o.gap_usd) : ojson(nullptr);
  ojson evaluated = ojson::array();
  for (const auto& r : o.evaluated) evaluated.push_back(portfolio_object(r, o.targets));
  j["candidates"] = std::move(evaluated);
  j["pareto"] = o.pareto;
  if (!o.traffic.empty()) {
    ojson edges = ojson::array();
    for (const traffic_shift& e : o.traffic)
      edges.push_back({{"edge", e.edge},
                       {"do_nothing_teu", json_number(e.do_nothing_teu)},
                       {"with_teu", json_number(e.with_teu)},
                       {"change_teu", json_number(e.with_teu - e.do_nothing_teu)}});
    j["traffic"] = {
        {"portfolio", o.traffic_portfolio}, {"year", o.traffic_year}, {"edges", std::move(edges)}};
  } else {
    j["traffic"] = nullptr;
  }
  if (o.chosen_appraisal && !o.chosen_appraisal->cases.empty()) {
    const appraisal& a = *o.chosen_appraisal;
    const case_appraisal& c = a.cases.back();  // the whole chosen programme
    ojson x;
    x["simulations"] = a.simulations;
    put(x, "npv_usd", c.npv_usd);
    put(x, "bcr", c.bcr);
    put(x, "pv_benefits_usd", c.pv_benefits_usd);
    x["pv_costs_usd"] = json_number(c.pv_costs_usd);
    put(x, "co2_t", c.co2_t);
    ojson years = ojson::array();
    for (std::size_t k = 0; k < c.costs_by_year.size(); ++k)
      years.push_back({{"year", a.first_year + static_cast<int>(k)},
                       {"benefits_usd", json_number(c.benefits_by_year[k])},
                       {"costs_usd", json_number(c.costs_by_year[k])}});
    x["by_year"] = std::move(years);
    x["file"] = "appraisal.json";
    j["appraisal"] = std::move(x);
  } else {
    j["appraisal"] = nullptr;
  }
  return detail::dump_json(j);
}

std::string pareto_csv(const optimization& o) {
  detail::csv_builder csv;
  csv.text("projects").text("start_years").text("pv_cost_usd");
  for (const auto& t : o.targets) {
    const std::string name = t.metric + "@" + std::to_string(t.year);
    csv.text(name).text(name + "_ci95");
  }
  csv.text("feasible").text("replications").text("chosen").end_row();
  for (std::size_t i : o.pareto) {
    const auto& r = o.evaluated[i];
    std::string starts;
    for (int y : r.start_years) starts += (starts.empty() ? "" : "+") + std::to_string(y);
    csv.text(joined(r.projects, "")).text(starts).num(r.pv_cost_usd);
    for (const auto& v : r.targets) csv.num(v.mean).num(v.ci95);
    csv.text(r.feasible ? "true" : "false").num(static_cast<double>(r.replications));
    csv.text(o.chosen && o.chosen->assignment == r.assignment ? "true" : "false").end_row();
  }
  return csv.take();
}

std::string optimization_html(const optimization& o) {
  std::string body;
  body += "<h1>" + html_escape("Optimization — " + o.programme_name) + "</h1>";
  if (o.chosen) {
    const auto& c = *o.chosen;
    body += fmt::format(
        R"(<p id="verdict">Cheapest portfolio found that meets every target: <strong id="chosen">{}</strong>, )"
        R"(PV cost {} million USD. Estimated probability of correct selection {:.2f}; gap to the cheapest )"
        R"(portfolio not ruled out {} million USD.</p>)",
        html_escape(joined(c.projects)), musd(c.pv_cost_usd), o.probability_correct_selection,
        musd(o.gap_usd));
  } else {
    body += R"(<p id="verdict"><strong>No portfolio evaluated meets every target.</strong> )"
            R"(The Pareto front below shows what each cost buys.</p>)";
  }
  body += fmt::format(
      R"(<p class="note">{} simulations (model runs, replications included) against {} for an enumeration )"
      R"(of all {} portfolios in {} target year(s) at {} replications; seed {}; {} integer programs solved{}.</p>)",
      o.simulations, o.enumeration_simulations,
      o.evaluated.empty() ? 0 : (std::size_t{1} << o.evaluated.front().assignment.size()),
      o.target_years.size(), o.replications, o.seed, o.integer_programs,
      o.budget_exhausted ? "; the budget ran out before the search finished" : "");
  body += "<h2>The chosen programme</h2>";
  body += timeline_svg(o);
  if (o.chosen) {
    body +=
        R"(<table id="chosen-table"><thead><tr><th>project</th><th>starts</th><th>opens</th></tr></thead><tbody>)";
    for (std::size_t k = 0; k < o.chosen->projects.size(); ++k)
      body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", html_escape(o.chosen->projects[k]),
                          o.chosen->start_years[k], o.chosen->opening_years[k]);
    body += "</tbody></table>";
    body +=
        R"(<table id="targets"><thead><tr><th>target</th><th>year</th><th>bound</th><th>value (95 % CI)</th><th></th></tr></thead><tbody>)";
    body += target_rows(o, *o.chosen) + "</tbody></table>";
  }
  if (o.chosen_appraisal && !o.chosen_appraisal->cases.empty()) {
    const case_appraisal& c = o.chosen_appraisal->cases.back();
    body += "<h2>Benefits by year</h2>";
    body += fmt::format(
        R"(<p class="note">The chosen programme appraised (appraisal.json; {} more simulations): NPV {} ± {} )"
        R"(million USD, BCR {} ± {}; benefits (green) as appraised between model years, costs (orange) below.</p>)",
        o.chosen_appraisal->simulations, musd(c.npv_usd.mean), musd(c.npv_usd.ci95), num(c.bcr.mean),
        num(c.bcr.ci95));
    body += benefits_svg(*o.chosen_appraisal);
  }
  if (!o.traffic.empty()) {
    body += "<h2>Where traffic moves</h2>";
    body += fmt::format(
        R"(<p class="note">TEU by edge in {} (both directions, means over the replications shared with )"
        R"(do-nothing): <strong>{}</strong> against do-nothing; more in red, less in blue, the width by the )"
        R"(change. optimization.json's <code>traffic</code> lists every edge.</p>)",
        o.traffic_year, html_escape(o.traffic_portfolio));
    body += traffic_svg(o);
  }
  body += "<h2>Cost against each target</h2>";
  body +=
      R"(<p class="note">Every portfolio evaluated (grey), the non-dominated ones joined (blue), the chosen )"
      R"((red); bars are 95 % intervals over replications, the dashed line the target.</p>)";
  for (std::size_t t = 0; t < o.targets.size(); ++t) body += pareto_svg(o, t);
  body += "<h2>Candidates evaluated</h2>";
  body += R"(<table id="candidates"><thead><tr><th>projects</th><th>PV cost M$</th><th>replications</th>)"
          R"(<th>found by</th><th>all targets met</th><th>P(feasible)</th></tr></thead><tbody>)";
  for (const auto& r : o.evaluated) {
    body += fmt::format(
        R"(<tr><td>{}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td><td class="{}">{}</td><td class="n">{:.2f}</td></tr>)",
        html_escape(joined(r.projects)), musd(r.pv_cost_usd), r.replications, html_escape(r.found_by),
        r.feasible ? "yes" : "no", r.feasible ? "yes" : "no", r.probability_feasible);
  }
  body += "</tbody></table>";
  body += R"(<p class="note">Files: optimization.json, pareto.csv. Method: docs/planning.md.</p>)";
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
         html_escape("Optimization — " + o.programme_name) + "</title><style>" + style +
         "</style></head><body>" + body + "</body></html>\n";
}

void write_optimization_outputs(const std::filesystem::path& dir, const optimization& o) {
  const std::string json = optimization_json(o), csv = pareto_csv(o), html = optimization_html(o);
  ensure_directory(dir);
  write_file_atomic(dir / "optimization.json", json);
  write_file_atomic(dir / "pareto.csv", csv);
  write_file_atomic(dir / "optimization.html", html);
  if (o.chosen_appraisal) write_appraisal_outputs(dir, *o.chosen_appraisal);
}

}  // namespace corridor

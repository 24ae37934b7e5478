// A sweep's tables: results.csv (a row per manifest entry), summary.csv (a row per design point),
// sensitivity.csv and sensitivity.html (a tornado chart per metric: inline SVG, no scripts, no external
// URLs). Rows in manifest order and numbers in their shortest exact form, so the bytes depend only on the
// plan and the runs' results.
#include <algorithm>
#include <cmath>

#include "corridor/sweep_io.hpp"
#include "formats.hpp"

namespace corridor {
namespace {

void parameter_columns(detail::csv_builder& csv, const sweep_plan& plan) {
  for (const auto& p : plan.parameters) csv.text(p.name);
}

void point_values(detail::csv_builder& csv, const sweep_plan& plan, std::size_t point) {
  for (double v : plan.points.at(point).values) csv.num(v);
}

struct bar {
  std::string parameter;
  double main = 0.0, lo = 0.0, hi = 0.0;  // S_T (or mu*) with its interval
  double inner = 0.0;                     // S_1 (or sigma)
};

// A coordinate or a label's number: four decimals are plenty on a chart.
std::string num(double v) {
  return format_number(std::round(v * 1e4) / 1e4);
}

std::string text_at(int x, int y, const std::string& attrs, const std::string& text) {
  return "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\"" + attrs + ">" + text +
         "</text>\n";
}

// Horizontal bars, largest effect on top: the shape that gives a tornado chart its name.
std::string tornado(const std::string& metric, std::vector<bar> bars, bool sobol) {
  std::stable_sort(bars.begin(), bars.end(), [](const bar& a, const bar& b) { return a.main > b.main; });
  double scale = sobol ? 1.0 : 0.0;
  for (const auto& b : bars) scale = std::max({scale, b.hi, b.main, b.inner});
  if (!(scale > 0.0)) scale = 1.0;
  const int label_w = 220, plot_w = 460, row_h = 26;
  const int height = static_cast<int>(bars.size()) * row_h + 40;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(label_w + plot_w + 80) + "\" height=\"" + std::to_string(height) +
                    "\" role=\"img\" aria-label=\"" + html_escape(metric) + "\">\n";
  const auto x = [&](double v) { return label_w + std::max(0.0, v) / scale * plot_w; };
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const int y = 10 + static_cast<int>(i) * row_h;
    svg += text_at(label_w - 6, y + 15, " text-anchor=\"end\" font-size=\"12\"", html_escape(b.parameter));
    svg += "<rect x=\"" + num(label_w) + "\" y=\"" + std::to_string(y + 2) + "\" width=\"" +
           num(x(b.main) - label_w) + "\" height=\"18\" fill=\"#9ecae1\"><title>" +
           (sobol ? "total " : "mu* ") + num(b.main) + "</title></rect>\n";
    svg += "<rect x=\"" + num(label_w) + "\" y=\"" + std::to_string(y + 7) + "\" width=\"" +
           num(x(b.inner) - label_w) + "\" height=\"8\" fill=\"#08519c\"><title>" +
           (sobol ? "first order " : "sigma ") + num(b.inner) + "</title></rect>\n";
    if (sobol) {
      svg += "<line x1=\"" + num(x(b.lo)) + "\" x2=\"" + num(x(b.hi)) + "\" y1=\"" + std::to_string(y + 11) +
             "\" y2=\"" + std::to_string(y + 11) + "\" stroke=\"#333\"/>\n";
    }
    svg += "<text x=\"" + num(x(std::max(b.main, b.hi)) + 4) + "\" y=\"" + std::to_string(y + 15) +
           "\" font-size=\"11\">" + num(b.main) + "</text>\n";
  }
  const int axis_y = height - 24;
  svg += "<line x1=\"" + std::to_string(label_w) + "\" x2=\"" + std::to_string(label_w + plot_w) +
         "\" y1=\"" + std::to_string(axis_y) + "\" y2=\"" + std::to_string(axis_y) + "\" stroke=\"#666\"/>\n";
  svg += text_at(label_w + plot_w, axis_y + 16, " text-anchor=\"end\" font-size=\"11\"", num(scale));
  svg += text_at(label_w, axis_y + 16, " font-size=\"11\"", "0") + "</svg>\n";
  return svg;
}

std::vector<bar> bars_of(const sensitivity_table& t, const sensitivity_table::metric_row& m) {
  std::vector<bar> bars;
  for (std::size_t i = 0; i < t.parameters.size(); ++i) {
    if (t.grid) {
      const double eta = m.grid.main.at(i).eta_squared;
      bars.push_back({t.parameters[i], eta, eta, eta, 0.0});
    } else if (t.sobol) {
      const auto& s = m.sobol.at(i);
      bars.push_back({t.parameters[i], s.total, s.total_lo, s.total_hi, s.first});
    } else {
      const auto& e = m.morris.at(i);
      bars.push_back({t.parameters[i], e.mu_star, e.mu_star_lo, e.mu_star_hi, e.sigma});
    }
  }
  return bars;
}

}  // namespace

std::string sweep_results_csv(const sweep_folder& folder, const sweep_table& t) {
  const sweep_plan& plan = folder.plan();
  detail::csv_builder csv;
  csv.header({"run_id", "point", "replication"});
  parameter_columns(csv, plan);
  for (const auto& m : t.metrics) csv.text(m);
  csv.end_row();
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const auto& run = plan.runs[i];
    csv.text(folder.run_id(i)).text(std::to_string(run.point)).text(std::to_string(run.replication));
    point_values(csv, plan, run.point);
    for (double v : t.runs.at(i).values) csv.num(v);  // NaN, not done or not reported, prints as ""
    csv.end_row();
  }
  return csv.take();
}

std::string sweep_summary_csv(const sweep_plan& plan, const sweep_table& t) {
  detail::csv_builder csv;
  csv.text("point");
  parameter_columns(csv, plan);
  csv.text("runs");
  for (const auto& m : t.metrics) csv.text(m + ".mean").text(m + ".hw95");
  csv.end_row();
  for (std::size_t p = 0; p < plan.points.size(); ++p) {
    csv.text(std::to_string(p));
    point_values(csv, plan, p);
    csv.text(std::to_string(t.points.at(p).runs_done));
    for (const auto& e : t.points[p].metrics) {
      if (e.n == 0) {
        csv.text("").text("");
      } else {
        csv.num(e.mean).num(e.half_width_95);
      }
    }
    csv.end_row();
  }
  return csv.take();
}

void write_sweep_tables(const sweep_folder& folder, const sweep_table& t) {
  const std::string results = sweep_results_csv(folder, t), summary = sweep_summary_csv(folder.plan(), t);
  write_file_atomic(folder.dir() / "results.csv", results);
  write_file_atomic(folder.dir() / "summary.csv", summary);
}

std::string sensitivity_csv(const sensitivity_table& t) {
  detail::csv_builder csv;
  if (t.grid) {
    csv.header({"metric", "term", "parameter", "other_parameter", "eta_squared", "range"}).end_row();
  } else if (t.sobol) {
    csv.header({"metric", "parameter", "S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"}).end_row();
  } else {
    csv.header({"metric", "parameter", "mu", "mu_star", "sigma", "n", "mu_star_lo", "mu_star_hi"}).end_row();
  }
  for (const auto& m : t.metrics) {
    if (t.grid) {
      for (std::size_t i = 0; i < t.parameters.size(); ++i) {
        const auto& e = m.grid.main.at(i);
        csv.text(m.metric).text("main").text(t.parameters[i]).text("").num(e.eta_squared).num(e.range);
        csv.end_row();
      }
      for (const auto& x : m.grid.interactions) {
        csv.text(m.metric).text("interaction").text(t.parameters.at(x.a)).text(t.parameters.at(x.b));
        csv.num(x.eta_squared).text("").end_row();
      }
      continue;
    }
    for (std::size_t i = 0; i < t.parameters.size(); ++i) {
      csv.text(m.metric).text(t.parameters[i]);
      if (t.sobol) {
        const auto& s = m.sobol.at(i);
        csv.num(s.first).num(s.first_lo).num(s.first_hi).num(s.total).num(s.total_lo).num(s.total_hi);
      } else {
        const auto& e = m.morris.at(i);
        csv.num(e.mu).num(e.mu_star).num(e.sigma).text(std::to_string(e.n));
        csv.num(e.mu_star_lo).num(e.mu_star_hi);
      }
      csv.end_row();
    }
  }
  return csv.take();
}

std::string main_effects_csv(const sensitivity_table& t) {
  detail::csv_builder csv;
  csv.header({"metric", "parameter", "level", "mean", "points"}).end_row();
  for (const auto& m : t.metrics) {
    for (std::size_t i = 0; i < m.grid.main.size(); ++i) {
      const auto& e = m.grid.main[i];
      for (std::size_t l = 0; l < e.levels.size(); ++l) {
        csv.text(m.metric).text(t.parameters.at(i)).num(e.levels[l]).num(e.means[l]);
        csv.text(std::to_string(e.points[l])).end_row();
      }
    }
  }
  return csv.take();
}

std::string sensitivity_html(const sensitivity_table& t) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sweep sensitivity</title>"
      "<style>body{font-family:sans-serif;margin:2em}h2{font-size:1.05em}</style></head><body>\n"
      "<h1>Sensitivity</h1>\n<p>" +
      std::string(t.grid ? "Grid main effects: the share of the output's variance over the grid that each "
                           "parameter's levels explain (eta squared); interactions are in sensitivity.csv."
                  : t.sobol
                      ? "Sobol indices: total effect (light bar, with 95 % bootstrap interval) and "
                        "first order (dark bar)."
                      : "Morris screening: mu* (light bar, with 95 % bootstrap interval) and sigma (dark "
                        "bar), per unit of each parameter's range.") +
      "</p>\n";
  for (const auto& w : t.warnings)
    html += "<p class=\"warning\"><strong>Warning:</strong> " + html_escape(w) + "</p>\n";
  for (const auto& m : t.metrics) {
    html += "<section><h2>" + html_escape(m.metric) + "</h2>\n";
    for (const auto& w : m.warnings) html += "<p class=\"warning\">Warning: " + html_escape(w) + "</p>\n";
    html += tornado(m.metric, bars_of(t, m), t.sobol || t.grid) + "</section>\n";
  }
  return html + "</body></html>\n";
}

void write_sensitivity(const std::filesystem::path& dir, const sensitivity_table& t) {
  const std::string csv = sensitivity_csv(t), html = sensitivity_html(t);
  write_file_atomic(dir / "sensitivity.csv", csv);
  write_file_atomic(dir / "sensitivity.html", html);
  if (t.grid) write_file_atomic(dir / "main_effects.csv", main_effects_csv(t));
}

}  // namespace corridor

// `sweep analyze`: global sensitivity of every kept metric from the replication means of each design point,
// written as sensitivity.csv and a self-contained sensitivity.html with one tornado chart per metric
// (inline SVG, no scripts, no external URLs).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "corridor/sensitivity.hpp"
#include "sweep_internal.hpp"

namespace corridor {
namespace {

struct bar {
  std::string parameter;
  double main = 0.0, lo = 0.0, hi = 0.0;  // S_T (or mu*) with its interval
  double inner = 0.0;                     // S_1 (or sigma)
};

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

std::string num(double v) {
  return sweep_detail::format_number(std::round(v * 1e4) / 1e4);
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
                    "\" role=\"img\" aria-label=\"" + escape(metric) + "\">\n";
  const auto x = [&](double v) { return label_w + std::max(0.0, v) / scale * plot_w; };
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const int y = 10 + static_cast<int>(i) * row_h;
    svg += "<text x=\"" + std::to_string(label_w - 6) + "\" y=\"" + std::to_string(y + 15) +
           "\" text-anchor=\"end\" font-size=\"12\">" + escape(b.parameter) + "</text>\n";
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
  svg += "<text x=\"" + std::to_string(label_w + plot_w) + "\" y=\"" + std::to_string(axis_y + 16) +
         "\" text-anchor=\"end\" font-size=\"11\">" + num(scale) + "</text>\n";
  svg += "<text x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(axis_y + 16) +
         "\" font-size=\"11\">0</text>\n</svg>\n";
  return svg;
}

Eigen::VectorXd column(const sweep_detail::point_means& m, std::size_t k) {
  Eigen::VectorXd y(static_cast<Eigen::Index>(m.by_point.size()));
  for (std::size_t p = 0; p < m.by_point.size(); ++p) {
    const double v = m.by_point[p][k];
    if (std::isnan(v)) {
      throw sweep_error("analyze: point " + std::to_string(p) + " has no finished run of '" + m.metrics[k] +
                        "'; finish the sweep first (`sweep status`)");
    }
    y(static_cast<Eigen::Index>(p)) = v;
  }
  return y;
}

}  // namespace

void analyze_sweep(const std::filesystem::path& dir) {
  const sweep_plan plan = read_plan(dir);
  const bool sobol = plan.design.kind == design_kind::saltelli;
  if (!sobol && plan.design.kind != design_kind::morris) {
    throw sweep_error(
        "analyze needs a saltelli design (Sobol indices) or a morris design (elementary effects)");
  }
  const auto means = sweep_detail::mean_per_point(dir, plan);
  const auto d = plan.parameters.size();
  std::string csv =
      sobol ? "metric,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\n" : "metric,parameter,mu,mu_star,sigma,n\n";
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sweep sensitivity</title>"
      "<style>body{font-family:sans-serif;margin:2em}h2{font-size:1.05em}</style></head><body>\n"
      "<h1>Sensitivity</h1>\n<p>" +
      std::string(sobol ? "Sobol indices: total effect (light bar, with 95 % bootstrap interval) and "
                          "first order (dark bar)."
                        : "Morris screening: mu* (light bar) and sigma (dark bar), per unit of each "
                          "parameter's range.") +
      "</p>\n";
  Eigen::MatrixXd unit;
  if (!sobol) {
    unit.resize(static_cast<Eigen::Index>(plan.points.size()), static_cast<Eigen::Index>(d));
    for (std::size_t p = 0; p < plan.points.size(); ++p) {
      for (std::size_t i = 0; i < d; ++i)
        unit(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(i)) = plan.points[p].unit.at(i);
    }
  }
  for (std::size_t k = 0; k < means.metrics.size(); ++k) {
    const auto y = column(means, k);
    std::vector<bar> bars;
    if (sobol) {
      const auto idx = sobol_indices(y, d);
      for (std::size_t i = 0; i < d; ++i) {
        const auto& s = idx[i];
        csv += means.metrics[k] + "," + plan.parameters[i].name + "," + sweep_detail::format_number(s.first) +
               "," + sweep_detail::format_number(s.first_lo) + "," + sweep_detail::format_number(s.first_hi) +
               "," + sweep_detail::format_number(s.total) + "," + sweep_detail::format_number(s.total_lo) +
               "," + sweep_detail::format_number(s.total_hi) + "\n";
        bars.push_back({plan.parameters[i].name, s.total, s.total_lo, s.total_hi, s.first});
      }
    } else {
      const auto eff = morris_effects(unit, y, d);
      for (std::size_t i = 0; i < d; ++i) {
        const auto& e = eff[i];
        csv += means.metrics[k] + "," + plan.parameters[i].name + "," + sweep_detail::format_number(e.mu) +
               "," + sweep_detail::format_number(e.mu_star) + "," + sweep_detail::format_number(e.sigma) +
               "," + std::to_string(e.n) + "\n";
        bars.push_back({plan.parameters[i].name, e.mu_star, e.mu_star, e.mu_star, e.sigma});
      }
    }
    html += "<section><h2>" + escape(means.metrics[k]) + "</h2>\n" + tornado(means.metrics[k], bars, sobol) +
            "</section>\n";
  }
  html += "</body></html>\n";
  write_file_atomically(dir / "sensitivity.csv", csv);
  write_file_atomically(dir / "sensitivity.html", html);
}

}  // namespace corridor

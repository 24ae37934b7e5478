// Sobol indices from a Saltelli design and Morris elementary effects. Estimators: first order after
// Saltelli et al. (2010, Comput. Phys. Commun. 181), total effect after Jansen (1999); intervals by a
// percentile bootstrap over base samples with a fixed-seed rng_stream, so reports are reproducible.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "corridor/sensitivity.hpp"

namespace corridor {
namespace {

struct saltelli_view {
  Eigen::VectorXd a, b;
  Eigen::MatrixXd ab;  // n_base x d
};

saltelli_view split(const Eigen::VectorXd& y, std::size_t d) {
  const auto di = static_cast<Eigen::Index>(d);
  if (d == 0 || y.size() == 0 || y.size() % (di + 2) != 0) {
    throw sensitivity_error("sobol_indices: " + std::to_string(y.size()) +
                            " outputs is not a multiple of d + 2 = " + std::to_string(d + 2));
  }
  const Eigen::Index n = y.size() / (di + 2);
  saltelli_view v{Eigen::VectorXd(n), Eigen::VectorXd(n), Eigen::MatrixXd(n, di)};
  for (Eigen::Index j = 0; j < n; ++j) {
    v.a(j) = y(j * (di + 2));
    v.b(j) = y(j * (di + 2) + 1);
    for (Eigen::Index i = 0; i < di; ++i) v.ab(j, i) = y(j * (di + 2) + 2 + i);
  }
  return v;
}

// First-order and total indices over the base samples listed in `rows` (all of them, or a resample).
void estimate(const saltelli_view& v, const std::vector<Eigen::Index>& rows, std::vector<double>& first,
              std::vector<double>& total) {
  const auto n = static_cast<double>(rows.size());
  double sum = 0.0, sum_sq = 0.0;
  for (auto j : rows) {
    sum += v.a(j) + v.b(j);
    sum_sq += v.a(j) * v.a(j) + v.b(j) * v.b(j);
  }
  const double mean = sum / (2.0 * n);
  const double var = sum_sq / (2.0 * n) - mean * mean;
  const auto d = static_cast<std::size_t>(v.ab.cols());
  first.assign(d, 0.0);
  total.assign(d, 0.0);
  if (!(var > 0.0)) return;
  for (std::size_t i = 0; i < d; ++i) {
    double vi = 0.0, vti = 0.0;
    for (auto j : rows) {
      const double fabi = v.ab(j, static_cast<Eigen::Index>(i));
      vi += v.b(j) * (fabi - v.a(j));
      vti += (v.a(j) - fabi) * (v.a(j) - fabi);
    }
    first[i] = vi / n / var;
    total[i] = vti / (2.0 * n) / var;
  }
}

std::string two_decimals(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

double percentile(std::vector<double> xs, double q) {
  std::sort(xs.begin(), xs.end());
  const double pos = q * static_cast<double>(xs.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = std::min(lo + 1, xs.size() - 1);
  return xs[lo] + (pos - static_cast<double>(lo)) * (xs[hi] - xs[lo]);
}

}  // namespace

std::vector<sobol_index> sobol_indices(const Eigen::VectorXd& y, std::size_t d, const sobol_options& opt) {
  const saltelli_view v = split(y, d);
  const auto n = static_cast<std::size_t>(v.a.size());
  std::vector<Eigen::Index> all(n);
  for (std::size_t j = 0; j < n; ++j) all[j] = static_cast<Eigen::Index>(j);
  std::vector<double> first, total;
  estimate(v, all, first, total);
  std::vector<sobol_index> out(d);
  for (std::size_t i = 0; i < d; ++i) out[i] = {first[i], first[i], first[i], total[i], total[i], total[i]};
  if (opt.bootstrap_samples == 0) return out;

  std::vector<std::vector<double>> boot_first(d), boot_total(d);
  rng_stream rng(opt.seed, 0, "sobol-bootstrap");
  std::vector<Eigen::Index> rows(n);
  for (std::size_t b = 0; b < opt.bootstrap_samples; ++b) {
    for (auto& r : rows) {
      r = std::min(static_cast<Eigen::Index>(rng.uniform01() * static_cast<double>(n)),
                   static_cast<Eigen::Index>(n - 1));
    }
    estimate(v, rows, first, total);
    for (std::size_t i = 0; i < d; ++i) {
      boot_first[i].push_back(first[i]);
      boot_total[i].push_back(total[i]);
    }
  }
  const double tail = (1.0 - opt.confidence) / 2.0;
  for (std::size_t i = 0; i < d; ++i) {
    out[i].first_lo = percentile(boot_first[i], tail);
    out[i].first_hi = percentile(boot_first[i], 1.0 - tail);
    out[i].total_lo = percentile(boot_total[i], tail);
    out[i].total_hi = percentile(boot_total[i], 1.0 - tail);
  }
  return out;
}

std::vector<morris_effect> morris_effects(const Eigen::MatrixXd& points, const Eigen::VectorXd& y,
                                          std::size_t d, const morris_options& opt) {
  const auto di = static_cast<Eigen::Index>(d);
  if (d == 0 || points.cols() != di || points.rows() != y.size() || y.size() % (di + 1) != 0) {
    throw sensitivity_error("morris_effects: need r * (d + 1) points with d columns and one output each");
  }
  // effects[t][i]: trajectory t's elementary effects of factor i (one, unless a trajectory moved it twice).
  std::vector<std::vector<std::vector<double>>> effects;
  for (Eigen::Index first = 0; first < points.rows(); first += di + 1) {
    auto& t = effects.emplace_back(d);
    for (Eigen::Index k = first; k < first + di; ++k) {
      const Eigen::RowVectorXd step = points.row(k + 1) - points.row(k);
      Eigen::Index moved = -1;
      for (Eigen::Index i = 0; i < di; ++i) {
        if (step(i) == 0.0) continue;
        if (moved >= 0) throw sensitivity_error("morris_effects: a step moves more than one factor");
        moved = i;
      }
      if (moved < 0) throw sensitivity_error("morris_effects: a step moves no factor");
      t[static_cast<std::size_t>(moved)].push_back((y(k + 1) - y(k)) / step(moved));
    }
  }
  const auto summarize = [&](const std::vector<std::size_t>& trajectories, std::size_t i) {
    morris_effect o;
    std::vector<double> e;
    for (auto t : trajectories) e.insert(e.end(), effects[t][i].begin(), effects[t][i].end());
    o.n = e.size();
    if (e.empty()) return o;
    for (double x : e) {
      o.mu += x;
      o.mu_star += std::abs(x);
    }
    o.mu /= static_cast<double>(e.size());
    o.mu_star /= static_cast<double>(e.size());
    if (e.size() > 1) {
      double ss = 0.0;
      for (double x : e) ss += (x - o.mu) * (x - o.mu);
      o.sigma = std::sqrt(ss / static_cast<double>(e.size() - 1));
    }
    return o;
  };
  const std::size_t r = effects.size();
  std::vector<std::size_t> all(r);
  for (std::size_t t = 0; t < r; ++t) all[t] = t;
  std::vector<morris_effect> out(d);
  for (std::size_t i = 0; i < d; ++i) {
    out[i] = summarize(all, i);
    out[i].mu_star_lo = out[i].mu_star_hi = out[i].mu_star;
  }
  if (opt.bootstrap_samples == 0 || r < 2) return out;
  // Percentile bootstrap over whole trajectories, the design's independent units.
  std::vector<std::vector<double>> boot(d);
  rng_stream rng(opt.seed, 0, "morris-bootstrap");
  std::vector<std::size_t> rows(r);
  for (std::size_t b = 0; b < opt.bootstrap_samples; ++b) {
    for (auto& t : rows)
      t = std::min(static_cast<std::size_t>(rng.uniform01() * static_cast<double>(r)), r - 1);
    for (std::size_t i = 0; i < d; ++i) boot[i].push_back(summarize(rows, i).mu_star);
  }
  const double tail = (1.0 - opt.confidence) / 2.0;
  for (std::size_t i = 0; i < d; ++i) {
    out[i].mu_star_lo = percentile(boot[i], tail);
    out[i].mu_star_hi = percentile(boot[i], 1.0 - tail);
  }
  return out;
}

std::vector<std::string> sobol_warnings(const std::vector<sobol_index>& indices, std::size_t n_base) {
  std::vector<std::string> out;
  if (n_base < sobol_min_base_samples) {
    out.push_back(std::to_string(n_base) + " base samples are too few for Sobol indices (at least " +
                  std::to_string(sobol_min_base_samples) + "; a saltelli design of n: 500 or more is usual)");
  }
  double widest = 0.0, lowest = 0.0, highest = 0.0;
  for (const auto& s : indices) {
    widest = std::max({widest, s.first_hi - s.first_lo, s.total_hi - s.total_lo});
    lowest = std::min({lowest, s.first, s.total});
    highest = std::max({highest, s.first, s.total});
  }
  if (widest > sobol_max_interval_width) {
    out.push_back("a 95 % bootstrap interval is " + two_decimals(widest) +
                  " wide: the indices are not resolved by this sample");
  }
  if (lowest < -0.1 || highest > 1.1) {
    out.push_back("an index lies outside [0, 1] (" + two_decimals(lowest < -0.1 ? lowest : highest) +
                  "): sampling error dominates; use more base samples");
  }
  return out;
}

std::vector<std::string> morris_warnings(const std::vector<morris_effect>& effects,
                                         std::size_t trajectories) {
  std::vector<std::string> out;
  if (trajectories < morris_min_trajectories) {
    out.push_back(std::to_string(trajectories) + " trajectories are too few for Morris screening (at least " +
                  std::to_string(morris_min_trajectories) + ")");
  }
  for (const auto& e : effects) {
    if (e.mu_star > 0.0 && e.mu_star_hi - e.mu_star_lo > e.mu_star) {
      out.push_back("a mu* has a 95 % bootstrap interval wider than itself: the ranking is not resolved");
      break;
    }
  }
  return out;
}

}  // namespace corridor

// The cheapest portfolio a surrogate says meets the targets, as a mixed-integer program solved by GLPK, and
// the same by enumeration for the tests. Variables: z[i][k] binary (project i opens by target year k), at
// most one per project; the open indicator of i in year y is the sum of z[i][k] for k <= y; the product of
// two open indicators in a year is a continuous w in [0, 1] with w >= a + b - 1, w <= a, w <= b (exact when
// a and b are binary).
#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>

#include "corridor/optimize.hpp"

namespace corridor {
namespace {

using term = std::pair<int, double>;  // column (1-based), coefficient

struct glpk_problem {
  glp_prob* lp = glp_create_prob();
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0.0};
  glpk_problem() = default;
  glpk_problem(const glpk_problem&) = delete;
  glpk_problem& operator=(const glpk_problem&) = delete;
  ~glpk_problem() { glp_delete_prob(lp); }

  int column(int kind, double lo, double hi, double cost) {
    const int j = glp_add_cols(lp, 1);
    glp_set_col_kind(lp, j, kind);
    glp_set_col_bnds(lp, j, lo == hi ? GLP_FX : GLP_DB, lo, hi);
    glp_set_obj_coef(lp, j, cost);
    return j;
  }
  // lo <= sum terms <= hi; an absent side is open.
  void row(const std::vector<term>& terms, std::optional<double> lo, std::optional<double> hi) {
    std::map<int, double> merged;
    for (const auto& [j, a] : terms) merged[j] += a;
    const int i = glp_add_rows(lp, 1);
    const int type = lo && hi ? (*lo == *hi ? GLP_FX : GLP_DB) : lo ? GLP_LO : hi ? GLP_UP : GLP_FR;
    glp_set_row_bnds(lp, i, type, lo.value_or(0.0), hi.value_or(0.0));
    for (const auto& [j, a] : merged) {
      if (a == 0.0) continue;
      ia.push_back(i), ja.push_back(j), ar.push_back(a);
    }
  }
};

bool allowed(const portfolio_problem& p, std::size_t i, std::size_t k) {
  return k < p.option_cost[i].size() && !std::isnan(p.option_cost[i][k]);
}

void check(const portfolio_problem& p) {
  if (p.projects == 0 || p.projects > 32 || p.option_cost.size() != p.projects || p.years == 0)
    throw std::invalid_argument("portfolio problem: 1 to 32 projects, a cost row each, at least one year");
  for (const auto& b : p.bounds) {
    if (b.year >= p.years || b.model.projects != p.projects)
      throw std::invalid_argument("portfolio problem: a bound's year or surrogate does not fit");
  }
}

}  // namespace

portfolio_mask open_in_year(const std::vector<int>& assignment, std::size_t year) {
  portfolio_mask m = 0;
  for (std::size_t i = 0; i < assignment.size(); ++i) {
    if (assignment[i] >= 0 && static_cast<std::size_t>(assignment[i]) <= year) m |= portfolio_mask{1} << i;
  }
  return m;
}

namespace {

std::optional<std::vector<int>> solve_with_glpk(const portfolio_problem& p) {
  glp_term_out(GLP_OFF);
  glpk_problem g;
  glp_set_obj_dir(g.lp, GLP_MIN);
  const std::size_t n = p.projects, m = p.years;
  std::vector<std::vector<int>> z(n, std::vector<int>(m, 0));  // 0: option not allowed
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<term> one;
    for (std::size_t k = 0; k < m; ++k) {
      if (!allowed(p, i, k)) continue;
      z[i][k] = g.column(GLP_BV, 0.0, 1.0, p.option_cost[i][k]);
      one.emplace_back(z[i][k], 1.0);
    }
    if (!one.empty()) g.row(one, std::nullopt, 1.0);
  }
  const auto open = [&](std::size_t i, std::size_t year) {
    std::vector<term> out;
    for (std::size_t k = 0; k <= year; ++k) {
      if (z[i][k]) out.emplace_back(z[i][k], 1.0);
    }
    return out;
  };
  // Products of open indicators, one column per (year, i, j) used by some bound.
  std::map<std::tuple<std::size_t, std::size_t, std::size_t>, int> products;
  const auto product = [&](std::size_t year, std::size_t i, std::size_t j) {
    const auto key = std::make_tuple(year, i, j);
    if (auto it = products.find(key); it != products.end()) return it->second;
    const int w = g.column(GLP_CV, 0.0, 1.0, 0.0);
    const auto a = open(i, year), b = open(j, year);
    std::vector<term> lower{{w, 1.0}};  // w - a - b >= -1
    for (auto [c, v] : a) lower.emplace_back(c, -v);
    for (auto [c, v] : b) lower.emplace_back(c, -v);
    g.row(lower, -1.0, std::nullopt);
    std::vector<term> under_a{{w, 1.0}}, under_b{{w, 1.0}};  // w - a <= 0, w - b <= 0
    for (auto [c, v] : a) under_a.emplace_back(c, -v);
    for (auto [c, v] : b) under_b.emplace_back(c, -v);
    g.row(under_a, std::nullopt, 0.0);
    g.row(under_b, std::nullopt, 0.0);
    products.emplace(key, w);
    return w;
  };
  for (const auto& b : p.bounds) {
    // Terms a least-squares fit leaves at rounding noise are zero: they only make the rows ill-conditioned.
    surrogate s = b.model;
    double scale = std::fabs(s.coefficients[0]);
    for (double c : s.coefficients) scale = std::max(scale, std::fabs(c));
    for (std::size_t k = 1; k < s.coefficients.size(); ++k) {
      if (std::fabs(s.coefficients[k]) <= 1e-9 * scale) s.coefficients[k] = 0.0;
    }
    std::vector<term> row;
    for (std::size_t i = 0; i < n; ++i) {
      for (auto [c, v] : open(i, b.year)) row.emplace_back(c, v * s.coefficients[1 + i]);
      for (std::size_t j = i + 1; j < n; ++j) {
        const double beta = s.pair(i, j);
        if (beta == 0.0 || open(i, b.year).empty() || open(j, b.year).empty()) continue;
        row.emplace_back(product(b.year, i, j), beta);
      }
    }
    const double c0 = s.coefficients[0];
    std::optional<double> lo, hi;
    if (b.min) lo = *b.min - c0;
    if (b.max) hi = *b.max - c0;
    g.row(row, lo, hi);
  }
  // A state excluded: the open set in that year differs from it in at least one project.
  for (const auto& [year, mask] : p.excluded_states) {
    std::vector<term> row;
    double constant = 0.0;  // sum over i in mask of (1 - open) + sum over i not in mask of open >= 1
    for (std::size_t i = 0; i < n; ++i) {
      const bool in = mask & (portfolio_mask{1} << i);
      if (in) constant += 1.0;
      for (auto [c, v] : open(i, year)) row.emplace_back(c, in ? -v : v);
    }
    g.row(row, 1.0 - constant, std::nullopt);
  }
  for (const auto& a : p.excluded_assignments) {
    std::vector<term> row;
    double constant = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t k = 0; k < m; ++k) {
        if (!z[i][k]) continue;
        const bool chosen = a[i] == static_cast<int>(k);
        if (chosen) constant += 1.0;
        row.emplace_back(z[i][k], chosen ? -1.0 : 1.0);
      }
    }
    g.row(row, 1.0 - constant, std::nullopt);
  }
  if (p.cost_below) {
    std::vector<term> row;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t k = 0; k < m; ++k) {
        if (z[i][k]) row.emplace_back(z[i][k], p.option_cost[i][k]);
      }
    }
    // Strictly cheaper, by a relative hair so that rounding in the solver cannot readmit the same cost.
    g.row(row, std::nullopt, *p.cost_below - 1e-9 * std::max(1.0, std::fabs(*p.cost_below)));
  }
  if (glp_get_num_cols(g.lp) == 0) {  // nothing can be chosen: the empty portfolio, if it qualifies
    portfolio_problem empty = p;
    return brute_force_portfolio_problem(empty);
  }
  if (glp_get_num_rows(g.lp) == 0) g.row({}, std::nullopt, std::nullopt);
  glp_load_matrix(g.lp, static_cast<int>(g.ia.size() - 1), g.ia.data(), g.ja.data(), g.ar.data());
  // The relaxation first, on a scaled problem, with the dual simplex and Harris's ratio test (what resists
  // cycling on the degenerate rows the linearized products give), then branch and cut from it.
  glp_scale_prob(g.lp, GLP_SF_AUTO);
  glp_smcp lp;
  glp_init_smcp(&lp);
  lp.msg_lev = GLP_MSG_OFF;
  lp.meth = GLP_DUALP;
  lp.r_test = GLP_RT_HAR;
  lp.presolve = GLP_ON;
  lp.tm_lim = 60000;
  const int lp_rc = glp_simplex(g.lp, &lp);
  if (lp_rc == GLP_ENOPFS || lp_rc == GLP_ENODFS) return std::nullopt;
  if (lp_rc != 0)
    throw std::runtime_error("portfolio problem: GLPK failed (glp_simplex " + std::to_string(lp_rc) + ")");
  if (glp_get_status(g.lp) == GLP_NOFEAS) return std::nullopt;
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.presolve = GLP_OFF;
  parm.msg_lev = GLP_MSG_OFF;
  parm.tol_int = 1e-9;
  parm.mip_gap = 0.0;
  parm.tm_lim = 60000;
  const int rc = glp_intopt(g.lp, &parm);
  const int status = glp_mip_status(g.lp);
  if (rc == GLP_ENOPFS || rc == GLP_ENODFS || status == GLP_NOFEAS) return std::nullopt;
  if (rc != 0 || status != GLP_OPT)
    throw std::runtime_error("portfolio problem: GLPK failed (glp_intopt " + std::to_string(rc) + ")");
  std::vector<int> out(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < m; ++k) {
      if (z[i][k] && glp_mip_col_val(g.lp, z[i][k]) > 0.5) out[i] = static_cast<int>(k);
    }
  }
  return out;
}

}  // namespace

std::optional<std::vector<int>> solve_portfolio_problem(const portfolio_problem& p) {
  check(p);
  // GLPK keeps an environment per thread until glp_free_env: freed after each solve (the problem is gone by
  // then), so that no memory outlives the call and a leak checker sees none.
  try {
    auto out = solve_with_glpk(p);
    glp_free_env();
    return out;
  } catch (...) {
    glp_free_env();
    throw;
  }
}

std::optional<std::vector<int>> brute_force_portfolio_problem(const portfolio_problem& p) {
  check(p);
  const std::size_t n = p.projects, m = p.years;
  std::vector<int> a(n, -1), best;
  double best_cost = std::numeric_limits<double>::infinity();
  const double tol = 1e-9;
  for (;;) {
    double cost = 0.0;
    bool ok = true;
    for (std::size_t i = 0; i < n && ok; ++i) {
      if (a[i] < 0) continue;
      if (!allowed(p, i, static_cast<std::size_t>(a[i])))
        ok = false;
      else
        cost += p.option_cost[i][static_cast<std::size_t>(a[i])];
    }
    for (const auto& b : p.bounds) {
      if (!ok) break;
      const double y = b.model.predict(open_in_year(a, b.year));
      if ((b.min && y < *b.min - tol) || (b.max && y > *b.max + tol)) ok = false;
    }
    for (const auto& [year, mask] : p.excluded_states) ok = ok && open_in_year(a, year) != mask;
    for (const auto& e : p.excluded_assignments) ok = ok && e != a;
    if (ok && p.cost_below && cost >= *p.cost_below) ok = false;
    if (ok && cost < best_cost) best_cost = cost, best = a;
    // Next assignment, as a number in base m + 1 with digits a[i] + 1.
    std::size_t i = 0;
    while (i < n && a[i] == static_cast<int>(m) - 1) a[i++] = -1;
    if (i == n) break;
    ++a[i];
  }
  if (best.empty()) return std::nullopt;
  return best;
}

}  // namespace corridor

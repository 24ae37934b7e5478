// The optimization of a programme: screening, surrogate, integer program, verification, ranking and
// selection (docs/planning.md, "corridor optimize"). Every simulated state is a target year with a set of
// open projects, run with the same seed and replication indices as every other (common random numbers),
// and kept: a state shared by two portfolios is run once, and more replications extend what it has.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>

#include "corridor/optimize.hpp"
#include "corridor/statistics.hpp"
#include "corridor/study.hpp"
#include "states.hpp"

namespace corridor {
namespace {

using mask = portfolio_mask;
using assignment = std::vector<int>;

interval interval_of(const std::vector<double>& xs) {
  running_stats s;
  for (double x : xs) s.add(x);
  interval out;
  out.n = s.count();
  if (out.n > 0) out.mean = s.mean(), out.ci95 = s.half_width_95();
  return out;
}

double margin(const programme_target& t, double value) {
  double m = std::numeric_limits<double>::infinity();
  if (t.min) m = std::min(m, value - *t.min);
  if (t.max) m = std::min(m, *t.max - value);
  return m;
}

// The target years: the model years some target names, ascending, and which targets each holds.
struct years_of_targets {
  std::vector<int> years;
  std::vector<std::size_t> year_of_target;  // index into years
  std::vector<std::vector<std::size_t>> targets_in_year;
};

years_of_targets target_years(const programme& p) {
  years_of_targets out;
  for (const auto& t : p.targets) out.years.push_back(t.year);
  std::sort(out.years.begin(), out.years.end());
  out.years.erase(std::unique(out.years.begin(), out.years.end()), out.years.end());
  out.targets_in_year.resize(out.years.size());
  for (std::size_t k = 0; k < p.targets.size(); ++k) {
    const auto y = static_cast<std::size_t>(std::find(out.years.begin(), out.years.end(), p.targets[k].year) -
                                            out.years.begin());
    out.year_of_target.push_back(y);
    out.targets_in_year[y].push_back(k);
  }
  return out;
}

// Per project and option (target year index), the start year and PV cost; NaN cost: not allowed.
struct options_table {
  std::vector<std::vector<int>> start;
  std::vector<std::vector<double>> cost;
};

options_table project_options(const programme& p, const std::vector<int>& years, bool staging) {
  options_table out;
  for (std::size_t i = 0; i < p.projects.size(); ++i) {
    const programme_project& project = p.projects[i];
    auto& starts = out.start.emplace_back(years.size(), 0);
    auto& costs = out.cost.emplace_back(years.size(), std::numeric_limits<double>::quiet_NaN());
    bool first = true;
    for (std::size_t k = 0; k < years.size(); ++k) {
      if (project.opening_year() > years[k]) continue;
      // Staged: the latest start that still opens it by this target year (later costs less at any
      // positive rate: capex discounted further, fewer years of opex). Not staged: its earliest start,
      // which opens it by the first target year it can reach and no other.
      const int start = staging ? years[k] - project.build_years : project.earliest_start;
      if (!staging && !first) break;
      first = false;
      programme one = p;
      one.projects[i].earliest_start = start;
      starts[k] = start;
      costs[k] = present_value(yearly_costs(one, {i}), p.first_year, p.first_year, p.discount_rate);
    }
  }
  return out;
}

int earliest_option(const options_table& o, std::size_t i) {
  for (std::size_t k = 0; k < o.cost[i].size(); ++k) {
    if (!std::isnan(o.cost[i][k])) return static_cast<int>(k);
  }
  return -1;
}

struct edge_place {
  double from_lat = 0.0, from_lon = 0.0, to_lat = 0.0, to_lon = 0.0;
};

struct state_data {
  std::size_t n = 0;
  std::vector<std::vector<double>> values;              // [target in year][replication]
  std::map<std::string, std::vector<double>> edge_teu;  // per scenario edge: [replication] (the map)
  std::map<std::string, edge_place> places;             // per scenario edge: where its ends are
};

class simulator {
 public:
  simulator(const programme& p, const optimize_options& opt, const years_of_targets& ty)
      : p_(p),
        opt_(opt),
        ty_(ty),
        base_(load_scenario(p.base)),
        doc_(parse_document(to_yaml(base_), p.base.string() + " (resolved)")) {
    check_references(p, base_);
    ropt_.threads = opt.threads;
    ropt_.seed = opt.seed.value_or(base_.seed);
  }
  std::uint64_t seed() const { return *ropt_.seed; }
  std::size_t simulations() const { return simulations_; }
  const std::map<std::pair<std::size_t, mask>, state_data>& states() const { return cache_; }

  std::size_t have(std::size_t y, mask m) const {
    const auto it = cache_.find({y, m});
    return it == cache_.end() ? 0 : it->second.n;
  }
  bool affordable(std::size_t extra) const { return opt_.budget == 0 || simulations_ + extra <= opt_.budget; }
  // Replications have .. want - 1 of state (y, m).
  void extend(std::size_t y, mask m, std::size_t want) {
    state_data& d = cache_[{y, m}];
    d.values.resize(ty_.targets_in_year[y].size());
    if (want <= d.n) return;
    const scenario s = detail::year_scenario(p_, doc_, base_, ty_.years[y], m);
    const auto runs = run_replications(prepared_scenario(s), want - d.n, d.n, ropt_);
    if (!checked_) {
      for (const auto& t : p_.targets) detail::metric_of(runs.front(), t);
      checked_ = true;
    }
    for (std::size_t k = 0; k < d.values.size(); ++k) {
      for (const auto& r : runs)
        d.values[k].push_back(detail::metric_of(r, p_.targets[ty_.targets_in_year[y][k]]));
    }
    if (d.places.empty()) {
      for (const edge_spec& e : s.edges) {
        const node_spec* a = s.find_node(e.from);
        const node_spec* b = s.find_node(e.to);
        if (a && b) d.places[e.id] = {a->lat, a->lon, b->lat, b->lon};
      }
    }
    std::size_t k = d.n;  // replications before these runs
    for (const auto& r : runs) {
      for (const edge_result& e : r.edges) {
        auto& teu = d.edge_teu[e.id];
        teu.resize(k, 0.0);  // an edge no earlier replication reported: 0 there
        teu.push_back(e.teu);
      }
      ++k;
      for (auto& entry : d.edge_teu) entry.second.resize(k, 0.0);
    }
    simulations_ += want - d.n;
    d.n = want;
    if (opt_.progress) opt_.progress(simulations_);
  }
  // Target t's values in state (y, m), replications 0 .. n - 1.
  std::vector<double> values(std::size_t t, mask m, std::size_t n) const {
    const std::size_t y = ty_.year_of_target[t];
    const state_data& d = cache_.at({y, m});
    const auto k =
        static_cast<std::size_t>(std::find(ty_.targets_in_year[y].begin(), ty_.targets_in_year[y].end(), t) -
                                 ty_.targets_in_year[y].begin());
    return {d.values[k].begin(), d.values[k].begin() + static_cast<std::ptrdiff_t>(std::min(n, d.n))};
  }

 private:
  const programme& p_;
  const optimize_options& opt_;
  const years_of_targets& ty_;
  scenario base_;
  scenario_document doc_;
  replication_options ropt_;
  std::size_t simulations_ = 0;
  bool checked_ = false;
  std::map<std::pair<std::size_t, mask>, state_data> cache_;
};

struct record {
  std::string found_by;
  std::optional<double> surrogate_error;
};

class optimizer {
 public:
  optimizer(const programme& p, const optimize_options& opt)
      : p_(p),
        opt_(opt),
        ty_(target_years(p)),
        table_(project_options(p, ty_.years, opt.staging)),
        sim_(p, opt, ty_) {}

  optimization run();

 private:
  const programme& p_;
  const optimize_options& opt_;
  years_of_targets ty_;
  options_table table_;
  simulator sim_;
  std::map<assignment, record> evaluated_;
  std::vector<double> worst_error_;  // per target: the largest |predicted - simulated| seen in verification
  std::size_t programs_ = 0;
  bool exhausted_ = false;
  std::optional<double> unexplored_cost_;  // a candidate the budget left unverified

  std::size_t n() const { return p_.projects.size(); }
  std::size_t verify_reps() const { return opt_.replications; }
  std::size_t max_reps() const {
    return opt_.max_replications ? opt_.max_replications : 4 * opt_.replications;
  }

  double cost(const assignment& a) const {
    double c = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] >= 0) c += table_.cost[i][static_cast<std::size_t>(a[i])];
    }
    return c;
  }
  mask open(const assignment& a, std::size_t y) const { return open_in_year(a, y); }
  std::size_t reps(const assignment& a) const {
    std::size_t r = std::numeric_limits<std::size_t>::max();
    for (std::size_t y = 0; y < ty_.years.size(); ++y) r = std::min(r, sim_.have(y, open(a, y)));
    return r;
  }
  // Brings every state of `a` to `want` replications; false (and nothing run) when the budget forbids it.
  bool ensure(const assignment& a, std::size_t want) {
    std::size_t extra = 0;
    std::set<std::pair<std::size_t, mask>> seen;
    for (std::size_t y = 0; y < ty_.years.size(); ++y) {
      if (seen.insert({y, open(a, y)}).second) extra += want - std::min(want, sim_.have(y, open(a, y)));
    }
    if (!sim_.affordable(extra)) {
      exhausted_ = true;
      return false;
    }
    for (std::size_t y = 0; y < ty_.years.size(); ++y) sim_.extend(y, open(a, y), want);
    return true;
  }
  std::vector<double> values(const assignment& a, std::size_t t, std::size_t n_reps) const {
    return sim_.values(t, open(a, ty_.year_of_target[t]), n_reps);
  }
  bool meets_means(const assignment& a) const {
    const std::size_t r = reps(a);
    for (std::size_t t = 0; t < p_.targets.size(); ++t) {
      if (margin(p_.targets[t], interval_of(values(a, t, r)).mean) < 0.0) return false;
    }
    return true;
  }
  margin_sample margins(const assignment& a, std::size_t first, std::size_t count) const {
    margin_sample s;
    for (std::size_t t = 0; t < p_.targets.size(); ++t) {
      const auto v = values(a, t, first + count);
      auto& m = s.margins.emplace_back();
      for (std::size_t r = first; r < v.size(); ++r) m.push_back(margin(p_.targets[t], v[r]));
    }
    return s;
  }

  void screen();
  std::vector<surrogate> fit() const;
  std::vector<double> noise() const;
  std::optional<assignment> propose(const std::vector<surrogate>& models, const std::vector<double>& slack,
                                    std::optional<double> cost_below);
  std::optional<assignment> incumbent() const;
  bool search();
  portfolio_result result_of(const assignment& a) const;
  // The map of where traffic moves: `best`, or the whole programme without one, against do-nothing.
  void map_traffic(const std::optional<assignment>& best, optimization& out) const;
  std::vector<assignment> ordered() const;
};

void optimizer::screen() {
  std::vector<assignment> sets{assignment(n(), -1)};
  for (std::size_t i = 0; i < n(); ++i) {
    if (earliest_option(table_, i) < 0) continue;
    assignment a(n(), -1);
    a[i] = earliest_option(table_, i);
    sets.push_back(a);
  }
  for (std::size_t i = 0; i < n(); ++i) {
    for (std::size_t j = i + 1; j < n(); ++j) {
      if (earliest_option(table_, i) < 0 || earliest_option(table_, j) < 0) continue;
      assignment a(n(), -1);
      a[i] = earliest_option(table_, i), a[j] = earliest_option(table_, j);
      sets.push_back(a);
    }
  }
  for (const auto& a : sets) {
    ensure(a, opt_.screen_replications);
    evaluated_.emplace(a, record{"screening", std::nullopt});
  }
}

// Per target, a surrogate over the open sets in its year, weighted by replications.
std::vector<surrogate> optimizer::fit() const {
  std::vector<surrogate> out;
  for (std::size_t t = 0; t < p_.targets.size(); ++t) {
    std::vector<mask> sets;
    std::vector<double> means, weights;
    for (const auto& [key, d] : sim_.states()) {
      if (key.first != ty_.year_of_target[t] || d.n == 0) continue;
      sets.push_back(key.second);
      means.push_back(interval_of(sim_.values(t, key.second, d.n)).mean);
      weights.push_back(static_cast<double>(d.n));
    }
    out.push_back(fit_surrogate(n(), sets, means, weights));
  }
  return out;
}

// Per target, the pooled standard deviation of a replication within a state.
std::vector<double> optimizer::noise() const {
  std::vector<double> out;
  for (std::size_t t = 0; t < p_.targets.size(); ++t) {
    double ss = 0.0, df = 0.0;
    for (const auto& [key, d] : sim_.states()) {
      if (key.first != ty_.year_of_target[t] || d.n < 2) continue;
      running_stats s;
      for (double x : sim_.values(t, key.second, d.n)) s.add(x);
      ss += s.variance() * static_cast<double>(d.n - 1);
      df += static_cast<double>(d.n - 1);
    }
    out.push_back(df > 0 ? std::sqrt(ss / df) : 0.0);
  }
  return out;
}

std::optional<assignment> optimizer::incumbent() const {
  std::optional<assignment> best;
  double best_cost = std::numeric_limits<double>::infinity();
  for (const auto& [a, rec] : evaluated_) {
    if (reps(a) < verify_reps() || !meets_means(a)) continue;
    const double c = cost(a);
    if (c < best_cost) best_cost = c, best = a;  // map order breaks ties: deterministic
  }
  return best;
}

std::optional<assignment> optimizer::propose(const std::vector<surrogate>& models,
                                             const std::vector<double>& slack,
                                             std::optional<double> cost_below) {
  portfolio_problem problem;
  problem.projects = n();
  problem.years = ty_.years.size();
  problem.option_cost = table_.cost;
  for (std::size_t t = 0; t < p_.targets.size(); ++t) {
    const programme_target& target = p_.targets[t];
    portfolio_problem::bound b;
    b.year = ty_.year_of_target[t];
    b.model = models[t];
    if (target.min) b.min = *target.min - slack[t];
    if (target.max) b.max = *target.max + slack[t];
    problem.bounds.push_back(std::move(b));
  }
  // What verification settled: a state failing a target in its year rules out every portfolio with that
  // open set then; a portfolio verified is not proposed again.
  for (const auto& [key, d] : sim_.states()) {
    if (d.n < verify_reps()) continue;
    for (std::size_t t : ty_.targets_in_year[key.first]) {
      if (margin(p_.targets[t], interval_of(sim_.values(t, key.second, d.n)).mean) < 0.0) {
        problem.excluded_states.emplace_back(key.first, key.second);
        break;
      }
    }
  }
  for (const auto& [a, rec] : evaluated_) {
    if (reps(a) >= verify_reps()) problem.excluded_assignments.push_back(a);
  }
  problem.cost_below = cost_below;
  ++programs_;
  return solve_portfolio_problem(problem);
}

// Proposes and verifies candidates until the surrogate, with slack for its observed errors, proposes nothing
// cheaper than the best verified. Returns false when the budget stopped it.
bool optimizer::search() {
  for (;;) {
    const auto models = fit();
    const auto best = incumbent();
    const std::optional<double> below = best ? std::optional<double>(cost(*best)) : std::nullopt;
    // First what the surrogate says meets the targets; then, as a challenge, what it says comes within its
    // errors (twice a screening mean's noise, or 1.5 x the largest error seen in verification).
    std::vector<double> none(p_.targets.size(), 0.0), slack;
    const auto sd = noise();
    for (std::size_t t = 0; t < p_.targets.size(); ++t) {
      const double screen_se = sd[t] / std::sqrt(static_cast<double>(opt_.screen_replications));
      slack.push_back(std::max(2.0 * screen_se, 1.5 * worst_error_[t]));
    }
    std::string found_by = "integer program";
    auto candidate = propose(models, none, below);
    if (!candidate) candidate = propose(models, slack, below), found_by = "challenge";
    if (!candidate) return true;
    if (!ensure(*candidate, verify_reps())) {
      unexplored_cost_ = cost(*candidate);
      return false;
    }
    const std::size_t r = reps(*candidate);
    double worst = 0.0;
    for (std::size_t t = 0; t < p_.targets.size(); ++t) {
      const double predicted = models[t].predict(open(*candidate, ty_.year_of_target[t]));
      const double error = std::fabs(predicted - interval_of(values(*candidate, t, r)).mean);
      worst_error_[t] = std::max(worst_error_[t], error);
      worst = std::max(worst, error);
    }
    auto [it, fresh] = evaluated_.emplace(*candidate, record{found_by, worst});
    if (!fresh) it->second.surrogate_error = worst;
  }
}

std::vector<assignment> optimizer::ordered() const {
  std::vector<assignment> out;
  for (const auto& [a, rec] : evaluated_) out.push_back(a);
  std::stable_sort(out.begin(), out.end(),
                   [&](const assignment& a, const assignment& b) { return cost(a) < cost(b); });
  return out;
}

portfolio_result optimizer::result_of(const assignment& a) const {
  portfolio_result r;
  r.assignment = a;
  for (std::size_t i = 0; i < n(); ++i) {
    if (a[i] < 0) continue;
    const auto k = static_cast<std::size_t>(a[i]);
    r.projects.push_back(p_.projects[i].id);
    r.start_years.push_back(table_.start[i][k]);
    r.opening_years.push_back(table_.start[i][k] + p_.projects[i].build_years);
  }
  r.pv_cost_usd = cost(a);
  r.replications = reps(a);
  r.verified = r.replications >= verify_reps();
  r.feasible = true;
  for (std::size_t t = 0; t < p_.targets.size(); ++t) {
    r.targets.push_back(interval_of(values(a, t, r.replications)));
    r.met.push_back(margin(p_.targets[t], r.targets.back().mean) >= 0.0);
    r.feasible = r.feasible && r.met.back();
  }
  r.probability_feasible = probability_feasible(margins(a, 0, r.replications));
  const auto& rec = evaluated_.at(a);
  r.found_by = rec.found_by;
  r.surrogate_error = rec.surrogate_error;
  return r;
}

// Whether x is at least as good as y everywhere (cost, and each target's distance inside its bound) and
// better somewhere.
bool dominates(const portfolio_result& x, const portfolio_result& y,
               const std::vector<programme_target>& ts) {
  bool better = x.pv_cost_usd < y.pv_cost_usd;
  if (x.pv_cost_usd > y.pv_cost_usd) return false;
  for (std::size_t t = 0; t < ts.size(); ++t) {
    const double a = margin(ts[t], x.targets[t].mean), b = margin(ts[t], y.targets[t].mean);
    if (a < b) return false;
    better = better || a > b;
  }
  return better;
}

// Indices of the portfolios no other dominates, in the order given.
std::vector<std::size_t> pareto_front(const std::vector<portfolio_result>& rs,
                                      const std::vector<programme_target>& targets) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < rs.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < rs.size() && !dominated; ++j)
      dominated = j != i && dominates(rs[j], rs[i], targets);
    if (!dominated) out.push_back(i);
  }
  return out;
}

optimization optimizer::run() {
  worst_error_.assign(p_.targets.size(), 0.0);
  screen();
  // Search, then settle close calls by ranking and selection; if that overturns the incumbent, search again.
  std::vector<assignment> candidates;
  for (int round = 0; round < 8; ++round) {
    if (!search()) break;
    const auto before = incumbent();
    candidates.clear();
    for (const auto& a : ordered()) {
      if (reps(a) < verify_reps()) continue;
      if (before && cost(a) > cost(*before)) break;
      candidates.push_back(a);
    }
    if (candidates.empty()) break;
    std::vector<margin_sample> samples;
    for (const auto& a : candidates) samples.push_back(margins(a, 0, reps(a)));
    select_cheapest_feasible(
        samples,
        [&](std::size_t c, std::size_t first, std::size_t count) {
          if (!ensure(candidates[c], first + count)) return margin_sample{};
          return margins(candidates[c], first, count);
        },
        verify_reps(), max_reps());
    if (incumbent() == before) break;
  }
  optimization out;
  out.programme_name = p_.name;
  out.base_scenario = p_.base.string();
  out.seed = sim_.seed();
  out.replications = verify_reps();
  out.screen_replications = opt_.screen_replications;
  out.max_replications = max_reps();
  out.budget = opt_.budget;
  out.staging = opt_.staging;
  out.first_year = p_.first_year, out.last_year = p_.last_year;
  out.target_years = ty_.years;
  out.targets = p_.targets;
  out.integer_programs = programs_;
  const auto best = incumbent();
  if (!best && !exhausted_) {
    // No portfolio meets the targets: make sure the front reaches the whole programme (every project at its
    // earliest opening), the most the candidates can do together.
    assignment all(n(), -1);
    for (std::size_t i = 0; i < n(); ++i) all[i] = earliest_option(table_, i);
    if (ensure(all, verify_reps())) evaluated_.emplace(all, record{"front", std::nullopt});
    // And that the front stands on verified means: a portfolio on it seen only in screening gets the
    // verification's replications (the front is drawn again, since those may move it), within the budget.
    for (int pass = 0; pass < 4 && !exhausted_; ++pass) {
      const auto order = ordered();
      std::vector<portfolio_result> results;
      for (const auto& a : order) results.push_back(result_of(a));
      bool added = false;
      for (std::size_t i : pareto_front(results, p_.targets)) {
        if (results[i].verified) continue;
        if (!ensure(order[i], verify_reps())) break;
        added = true;
      }
      if (!added) break;
    }
  }
  for (const auto& a : ordered()) out.evaluated.push_back(result_of(a));
  out.simulations = sim_.simulations();
  out.budget_exhausted = exhausted_;
  out.enumeration_simulations = (std::size_t{1} << n()) * ty_.years.size() * verify_reps();
  if (best) {
    out.feasible = true;
    out.chosen = result_of(*best);
    // P(correct selection): the ranking and selection's estimate over the verified candidates, times the
    // chance that each cheaper portfolio seen only in screening is indeed infeasible.
    double pcs = probability_feasible(margins(*best, 0, reps(*best)));
    for (const auto& a : ordered()) {
      if (cost(a) >= cost(*best)) break;
      pcs *= 1.0 - probability_feasible(margins(a, 0, reps(a)));
    }
    out.probability_correct_selection = pcs;
    if (unexplored_cost_) out.gap_usd = std::max(0.0, cost(*best) - *unexplored_cost_);
  }
  out.pareto = pareto_front(out.evaluated, p_.targets);
  map_traffic(best, out);
  return out;
}

void optimizer::map_traffic(const std::optional<assignment>& best, optimization& out) const {
  const std::size_t last = ty_.years.size() - 1;
  assignment mapped(n(), -1);
  if (best) {
    mapped = *best;
  } else {
    for (std::size_t i = 0; i < n(); ++i) mapped[i] = earliest_option(table_, i);
  }
  const auto& states = sim_.states();
  const auto base = states.find({last, mask{0}});
  const auto with = states.find({last, open(mapped, last)});
  if (base == states.end() || with == states.end() || base->second.n == 0 || with->second.n == 0) return;
  const std::size_t reps = std::min(base->second.n, with->second.n);  // the pairs of common random numbers
  const auto mean_of_first = [reps](const std::map<std::string, std::vector<double>>& m,
                                    const std::string& id) {
    const auto it = m.find(id);
    if (it == m.end()) return 0.0;
    double sum = 0.0;
    for (std::size_t r = 0; r < reps; ++r) sum += it->second[r];
    return sum / static_cast<double>(reps);
  };
  std::map<std::string, edge_place> places = base->second.places;
  for (const auto& [id, place] : with->second.places) places.emplace(id, place);
  for (const auto& [id, place] : places) {
    out.traffic.push_back({.edge = id,
                           .from_lat = place.from_lat,
                           .from_lon = place.from_lon,
                           .to_lat = place.to_lat,
                           .to_lon = place.to_lon,
                           .do_nothing_teu = mean_of_first(base->second.edge_teu, id),
                           .with_teu = mean_of_first(with->second.edge_teu, id)});
  }
  out.traffic_year = ty_.years[last];
  std::string name;
  for (const std::string& id : result_of(mapped).projects) name += (name.empty() ? "" : "+") + id;
  out.traffic_portfolio = name.empty() ? "do-nothing" : name;
}

std::size_t screening_simulations(const programme& p, const optimize_options& opt) {
  const years_of_targets ty = target_years(p);
  std::size_t states = 0;
  for (int year : ty.years) {
    std::size_t a = 0;
    for (const auto& project : p.projects) a += project.opening_year() <= year ? 1 : 0;
    states += 1 + a + a * (a - 1) / 2;
  }
  return states * opt.screen_replications;
}

void check_options(const programme& p, const optimize_options& opt) {
  if (p.targets.empty())
    throw programme_error(p.file + ": optimize needs targets (the programme's `targets`): nothing to meet");
  if (p.projects.empty() || p.projects.size() > 16) throw std::invalid_argument("optimize: 1 to 16 projects");
  if (opt.replications < 2) throw std::invalid_argument("optimize: needs at least 2 replications");
  if (opt.screen_replications < 2 || opt.screen_replications > opt.replications)
    throw std::invalid_argument("optimize: screening replications must be 2 to the verification's");
  if (opt.max_replications != 0 && opt.max_replications < opt.replications)
    throw std::invalid_argument("optimize: the most replications must be at least the verification's");
}

}  // namespace

std::size_t minimum_budget(const programme& p, const optimize_options& options) {
  return screening_simulations(p, options) + target_years(p).years.size() * options.replications;
}

std::vector<std::vector<interval>> enumerate_portfolios(const programme& p, const optimize_options& options) {
  check_options(p, options);
  if (p.projects.size() > 12) throw std::invalid_argument("enumerate_portfolios: at most 12 projects");
  const years_of_targets ty = target_years(p);
  const options_table table = project_options(p, ty.years, false);
  simulator sim(p, options, ty);
  std::vector<std::vector<interval>> out;
  for (mask m = 0; m < (mask{1} << p.projects.size()); ++m) {
    assignment a(p.projects.size(), -1);
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (m & (mask{1} << i)) a[i] = earliest_option(table, i);
    }
    auto& row = out.emplace_back();
    for (std::size_t t = 0; t < p.targets.size(); ++t) {
      const mask open = open_in_year(a, ty.year_of_target[t]);
      sim.extend(ty.year_of_target[t], open, options.replications);
      row.push_back(interval_of(sim.values(t, open, options.replications)));
    }
  }
  return out;
}

optimization optimize_programme(const programme& p, const optimize_options& options) {
  check_options(p, options);
  if (options.budget != 0 && options.budget < minimum_budget(p, options))
    throw std::invalid_argument("optimize: a budget of " + std::to_string(options.budget) +
                                " simulations is too small: screening every project alone and in pairs, "
                                "then verifying one portfolio, needs " +
                                std::to_string(minimum_budget(p, options)));
  optimizer o(p, options);
  optimization out = o.run();
  if (options.appraise_chosen && out.chosen) {
    appraisal_options a;
    a.replications = options.replications;
    a.threads = options.threads;
    a.seed = options.seed;
    out.chosen_appraisal = appraise_programme(chosen_programme(p, *out.chosen), a);
  }
  return out;
}

programme chosen_programme(const programme& p, const portfolio_result& chosen) {
  programme q = p;
  q.projects.clear();
  for (const auto& project : p.projects) {
    const auto it = std::find(chosen.projects.begin(), chosen.projects.end(), project.id);
    if (it == chosen.projects.end()) continue;
    q.projects.push_back(project);
    q.projects.back().earliest_start =
        chosen.start_years[static_cast<std::size_t>(it - chosen.projects.begin())];
  }
  q.name = p.name + " (chosen)";
  return q;
}

}  // namespace corridor

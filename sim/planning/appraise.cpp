// Appraisal of a programme: model years simulated as single years (the year's demand, the projects open by
// then), do-nothing and every do-something state with the same seed and replication indices (common random
// numbers), then yearly benefits interpolated between model years over the horizon, discounted against the
// projects' costs, replication by replication.
#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <tuple>

#include "corridor/parameters.hpp"
#include "corridor/planning.hpp"
#include "corridor/statistics.hpp"
#include "corridor/study.hpp"
#include "corridor/uncertainty.hpp"
#include "states.hpp"

namespace corridor {
namespace detail {

std::vector<scenario_edit> growth_edits(const programme& p, const scenario& base, int year) {
  std::vector<scenario_edit> out;
  const double years = year - p.base_year;
  for (const auto& m : base.markets) {
    const double factor = std::pow(1.0 + p.growth.rate_for(m.id), years);
    out.emplace_back(parameter_edit{"markets." + m.id + ".teu_per_year", param_op::scale, factor, {}});
  }
  for (const auto& f : base.flows) {
    const double factor = std::pow(1.0 + p.growth.rate_for(f.id), years);
    out.emplace_back(parameter_edit{"flows." + f.id + ".teu_per_week", param_op::scale, factor, {}});
  }
  for (const auto& a : base.alternatives) {
    const double factor = std::pow(1.0 + p.alternative_cost_growth.rate_for(a.id), years);
    if (factor != 1.0)
      out.emplace_back(
          parameter_edit{"alternatives." + a.id + ".cost_usd_per_teu", param_op::scale, factor, {}});
  }
  return out;
}

scenario year_scenario(const programme& p, const scenario_document& doc, const scenario& base, int year,
                       std::uint32_t open) {
  std::vector<scenario_edit> edits;
  for (std::size_t k = 0; k < p.projects.size(); ++k) {
    if (open & (std::uint32_t{1} << k))
      edits.emplace_back(overlay_edit{p.projects[k].overlay_text, p.projects[k].overlay.string()});
  }
  for (auto& e : growth_edits(p, base, year)) edits.push_back(std::move(e));
  scenario out = apply_edits(doc, edits);
  out.name = base.name + " " + std::to_string(year);
  return out;
}

double metric_of(const run_result& r, const programme_target& t) {
  for (const auto& [name, value] : r.flatten()) {
    if (name == t.metric || name == "metrics." + t.metric) return value;
  }
  throw programme_error(
      to_string(t.loc) + ": the model reports no metric '" + t.metric +
      "' (a flattened name as in replications.csv's header, e.g. metrics.throughput_teu_per_day)");
}

}  // namespace detail

namespace {

using mask = std::uint32_t;

// One simulated state: a model year and the projects open in it.
struct state {
  std::size_t year_index = 0;
  mask open = 0;
  bool operator<(const state& o) const { return std::tie(year_index, open) < std::tie(o.year_index, o.open); }
};

// Per replication, what a state's year is worth against the do-nothing of that year.
struct state_values {
  std::vector<double> time_usd, shipper_usd, co2_t, teu_hours;  // [replication]; co2_t: change, t/yr
  std::vector<std::vector<double>> targets;  // [target][replication]: the metric in this state
};

mask open_by(const programme& p, int year) {
  mask m = 0;
  for (std::size_t k = 0; k < p.projects.size(); ++k) {
    if (p.projects[k].opening_year() <= year) m |= mask{1} << k;
  }
  return m;
}

// The states each case needs in each model year: do-nothing, each project alone once open, and the
// programme with what is open by then.
std::vector<state> plan_states(const programme& p, const std::vector<mask>& cases) {
  std::vector<state> out;
  for (std::size_t y = 0; y < p.model_years.size(); ++y) {
    const mask open = open_by(p, p.model_years[y]);
    out.push_back({y, 0});
    for (mask c : cases) {
      const state s{y, c & open};
      if (s.open != 0 && std::find_if(out.begin(), out.end(), [&](const state& o) {
                           return o.year_index == y && o.open == s.open;
                         }) == out.end())
        out.push_back(s);
    }
  }
  return out;
}

scenario state_scenario(const programme& p, const scenario_document& doc, const scenario& base,
                        const state& s) {
  return detail::year_scenario(p, doc, base, p.model_years[s.year_index], s.open);
}

using detail::metric_of;

struct runner {
  const programme& p;
  const appraisal_options& opt;
  replication_options ropt;
  std::size_t done_before = 0, total = 0;

  std::vector<run_result> run(const scenario& s) {
    replication_options o = ropt;
    if (opt.progress) {
      o.progress = [this](std::size_t done, std::size_t) { opt.progress(done_before + done, total); };
    }
    std::vector<run_result> runs;
    if (opt.parameter_uncertainty) {
      const scenario_document doc = parse_document(to_yaml(s), s.name + " (resolved)");
      runs = run_replications_with_uncertainty(doc, *opt.parameter_uncertainty, opt.replications, 0, o);
    } else {
      runs = run_replications(prepared_scenario(s), opt.replications, 0, o);
    }
    done_before += opt.replications;
    return runs;
  }
};

// The do-nothing runs of a model year, with their CO2 per year on its own network: each do-something state
// is paired with them.
struct do_nothing {
  std::vector<run_result> runs;
  std::vector<double> co2_t;  // [replication]
};

state_values values_of(const programme& p, const scenario& s, const do_nothing& base,
                       const std::vector<run_result>& runs, int year) {
  state_values v;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const user_benefits u = user_benefits_per_year(s, base.runs[r], runs[r], p.value_of_time_scale);
    v.time_usd.push_back(u.time_usd);
    v.shipper_usd.push_back(u.shipper_cost_usd);
    v.teu_hours.push_back(u.teu_hours_saved);
    // Each run's CO2 on its own network: an overlay may add or remove edges.
    v.co2_t.push_back(co2_per_year(s, runs[r], p.co2).total() - base.co2_t[r]);
  }
  for (const auto& t : p.targets) {
    auto& column = v.targets.emplace_back();
    if (t.year != year) continue;
    for (const auto& run : runs) column.push_back(metric_of(run, t));
  }
  return v;
}

// A target naming a metric the model does not report is said after the first runs, not after all of them.
void check_target_metrics(const programme& p, const run_result& first) {
  for (const auto& t : p.targets) metric_of(first, t);
}

// Every state simulated, do-nothing first in each model year so that the others pair with its runs.

std::map<state, state_values> simulate(const programme& p, const scenario& base, const appraisal_options& opt,
                                       const std::vector<state>& states, std::size_t& simulations) {
  const scenario_document doc = parse_document(to_yaml(base), p.base.string() + " (resolved)");
  runner run{p, opt, {}, 0, states.size() * opt.replications};
  run.ropt.threads = opt.threads;
  run.ropt.seed = opt.seed.value_or(base.seed);
  std::map<state, state_values> out;
  do_nothing year_base;
  for (const state& st : states) {
    const scenario s = state_scenario(p, doc, base, st);
    auto runs = run.run(s);
    if (run.done_before == opt.replications) check_target_metrics(p, runs.front());
    if (st.open == 0) {
      year_base.co2_t.clear();
      for (const run_result& r : runs) year_base.co2_t.push_back(co2_per_year(s, r, p.co2).total());
      year_base.runs = runs;
    }
    out.emplace(st, values_of(p, s, year_base, runs, p.model_years[st.year_index]));
  }
  simulations = run.done_before;
  return out;
}

interval interval_of(const std::vector<double>& xs) {
  running_stats s;
  for (double x : xs) {
    if (!std::isnan(x)) s.add(x);
  }
  interval out;
  out.n = s.count();
  if (out.n > 0) out.mean = s.mean(), out.ci95 = s.half_width_95();
  return out;
}

// One quantity of a case by year of the horizon for replication r: interpolated between the model years
// in which some of the case's projects are open, zero before its first opening.
std::vector<double> yearly(const programme& p, mask c, const std::map<state, state_values>& values,
                           std::size_t r, std::vector<double> state_values::*field, int first_open) {
  std::vector<int> years;
  std::vector<double> at;
  for (std::size_t y = 0; y < p.model_years.size(); ++y) {
    const mask open = c & open_by(p, p.model_years[y]);
    if (open == 0) continue;
    years.push_back(p.model_years[y]);
    at.push_back((values.at({y, open}).*field)[r]);
  }
  std::vector<double> out = interpolate_years(years, at, p.first_year, p.last_year);
  for (int t = p.first_year; t < first_open && t <= p.last_year; ++t)
    out[static_cast<std::size_t>(t - p.first_year)] = 0.0;
  return out;
}

double sum(const std::vector<double>& xs) {
  double s = 0.0;
  for (double x : xs) s += x;
  return s;
}

std::vector<std::size_t> members(const programme& p, mask c) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < p.projects.size(); ++k) {
    if (c & (mask{1} << k)) out.push_back(k);
  }
  return out;
}

case_appraisal appraise_case(const programme& p, mask c, const std::map<state, state_values>& values,
                             std::size_t replications) {
  case_appraisal out;
  out.opening_year = p.last_year + 1;
  for (std::size_t k : members(p, c)) {
    out.projects.push_back(p.projects[k].id);
    out.opening_year = std::min(out.opening_year, p.projects[k].opening_year());
    for (int t = p.projects[k].opening_year(); t <= p.last_year; ++t)
      out.opex_usd += p.projects[k].opex_usd_per_year;
  }
  const std::vector<double> costs = yearly_costs(p, members(p, c));
  out.costs_by_year = costs;
  out.benefits_by_year.assign(costs.size(), 0.0);
  out.co2_by_year.assign(costs.size(), 0.0);
  const double share = 1.0 / static_cast<double>(replications);
  out.pv_costs_usd = present_value(costs, p.first_year, p.first_year, p.discount_rate);
  std::vector<double> pvb, npv, bcr, irr, co2, time, shipper, co2_value, hours;
  for (std::size_t r = 0; r < replications; ++r) {
    const auto t = yearly(p, c, values, r, &state_values::time_usd, out.opening_year);
    const auto s = yearly(p, c, values, r, &state_values::shipper_usd, out.opening_year);
    const auto e = yearly(p, c, values, r, &state_values::co2_t, out.opening_year);
    hours.push_back(sum(yearly(p, c, values, r, &state_values::teu_hours, out.opening_year)));
    std::vector<double> benefits(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
      benefits[i] = t[i] + s[i] - e[i] * p.co2.price_usd_per_t;
      out.benefits_by_year[i] += share * benefits[i];
      out.co2_by_year[i] += share * e[i];
    }
    const economics x = evaluate_flows(benefits, costs, p.first_year, p.discount_rate);
    pvb.push_back(x.pv_benefits_usd);
    npv.push_back(x.npv_usd);
    bcr.push_back(x.bcr);
    irr.push_back(x.irr.value_or(std::nan("")));
    co2.push_back(sum(e));
    time.push_back(sum(t));
    shipper.push_back(sum(s));
    co2_value.push_back(-sum(e) * p.co2.price_usd_per_t);
  }
  out.pv_benefits_usd = interval_of(pvb), out.npv_usd = interval_of(npv), out.bcr = interval_of(bcr);
  out.irr = interval_of(irr), out.co2_t = interval_of(co2), out.time_savings_usd = interval_of(time);
  out.shipper_cost_savings_usd = interval_of(shipper), out.co2_value_usd = interval_of(co2_value);
  out.teu_hours_saved = interval_of(hours);
  return out;
}

// Per model year, the case's yearly benefits and CO2 change, means over replications (0 when closed).
void by_model_year(const programme& p, mask c, const std::map<state, state_values>& values,
                   case_appraisal& out) {
  for (std::size_t y = 0; y < p.model_years.size(); ++y) {
    const mask open = c & open_by(p, p.model_years[y]);
    double b = 0.0, e = 0.0;
    if (open != 0) {
      const state_values& v = values.at({y, open});
      for (std::size_t r = 0; r < v.time_usd.size(); ++r) {
        b += v.time_usd[r] + v.shipper_usd[r] - v.co2_t[r] * p.co2.price_usd_per_t;
        e += v.co2_t[r];
      }
      b /= static_cast<double>(v.time_usd.size()), e /= static_cast<double>(v.time_usd.size());
    }
    out.benefits_by_model_year.push_back(b);
    out.co2_by_model_year.push_back(e);
  }
}

std::vector<target_check> check_targets(const programme& p, const std::map<state, state_values>& values) {
  std::vector<target_check> out;
  for (std::size_t i = 0; i < p.targets.size(); ++i) {
    const programme_target& t = p.targets[i];
    const auto y = static_cast<std::size_t>(std::find(p.model_years.begin(), p.model_years.end(), t.year) -
                                            p.model_years.begin());
    const mask all = (mask{1} << p.projects.size()) - 1;
    target_check c;
    c.target = t;
    c.do_nothing = interval_of(values.at({y, 0}).targets[i]);
    c.programme = interval_of(values.at({y, all & open_by(p, t.year)}).targets[i]);
    c.met = (!t.min || c.programme.mean >= *t.min) && (!t.max || c.programme.mean <= *t.max);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

appraisal appraise_programme(const programme& p, const appraisal_options& options) {
  if (options.replications < 2) throw std::invalid_argument("appraise: needs at least 2 replications");
  if (p.projects.empty() || p.projects.size() > 16) throw std::invalid_argument("appraise: 1 to 16 projects");
  std::vector<mask> cases;
  for (std::size_t k = 0; k < p.projects.size(); ++k) cases.push_back(mask{1} << k);
  const mask all = (mask{1} << p.projects.size()) - 1;
  cases.push_back(all);
  const scenario base = load_scenario(p.base);
  check_references(p, base);
  appraisal out;
  const std::vector<state> states = plan_states(p, cases);
  const auto values = simulate(p, base, options, states, out.simulations);
  out.programme_name = p.name;
  out.base_scenario = p.base.string();
  out.seed = options.seed.value_or(base.seed);
  if (options.parameter_uncertainty) out.drawn_parameters = options.parameter_uncertainty->identified_count();
  out.replications = options.replications;
  out.first_year = p.first_year, out.last_year = p.last_year, out.discount_year = p.first_year;
  out.discount_rate = p.discount_rate;
  out.model_years = p.model_years;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    case_appraisal c = appraise_case(p, cases[i], values, options.replications);
    const bool whole = i == p.projects.size();
    c.id = whole ? "programme" : p.projects[i].id;
    c.name = whole ? p.name : p.projects[i].name;
    by_model_year(p, cases[i], values, c);
    out.cases.push_back(std::move(c));
  }
  out.targets = check_targets(p, values);
  return out;
}

}  // namespace corridor

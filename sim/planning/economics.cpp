// The arithmetic of appraisal: discounting, the internal rate of return and years between model years.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "corridor/planning.hpp"

namespace corridor {

double present_value(const std::vector<double>& flows, int first_year, int discount_year, double rate) {
  if (!(rate > -1.0)) throw std::invalid_argument("present_value: the rate must be above -1");
  double pv = 0.0;
  for (std::size_t k = 0; k < flows.size(); ++k) {
    const int t = first_year + static_cast<int>(k) - discount_year;
    pv += flows[k] / std::pow(1.0 + rate, t);
  }
  return pv;
}

std::optional<double> internal_rate_of_return(const std::vector<double>& net_flows) {
  // Flows of nothing but zeros are worth nothing at every rate: no rate is *the* rate of return.
  if (std::all_of(net_flows.begin(), net_flows.end(), [](double v) { return v == 0.0; })) return std::nullopt;
  const auto npv = [&](double r) { return present_value(net_flows, 0, 0, r); };
  // Scan upward for the first sign change: with the usual pattern (costs first, benefits later) NPV falls
  // as the rate rises and there is one root; with several, the lowest rate is reported.
  constexpr double lo_rate = -0.99, hi_rate = 10.0, step = 0.01;
  double a = lo_rate;
  double fa = npv(a);
  if (fa == 0.0) return a;
  for (double b = lo_rate + step; b <= hi_rate + 1e-12; b += step) {
    const double fb = npv(b);
    if (fb == 0.0) return b;
    if ((fa < 0.0) != (fb < 0.0)) {
      double x = a, fx = fa, y = b;
      for (int i = 0; i < 200 && y - x > 1e-12; ++i) {
        const double m = 0.5 * (x + y);
        const double fm = npv(m);
        if ((fm < 0.0) == (fx < 0.0)) {
          x = m, fx = fm;
        } else {
          y = m;
        }
      }
      return 0.5 * (x + y);
    }
    a = b, fa = fb;
  }
  return std::nullopt;
}

std::vector<double> yearly_costs(const programme& p, const std::vector<std::size_t>& projects) {
  std::vector<double> out(static_cast<std::size_t>(p.last_year - p.first_year + 1), 0.0);
  for (std::size_t k : projects) {
    const programme_project& pr = p.projects.at(k);
    for (int t = p.first_year; t <= p.last_year; ++t) {
      const auto i = static_cast<std::size_t>(t - p.first_year);
      if (t >= pr.earliest_start && t < pr.opening_year()) out[i] += pr.capex_usd / pr.build_years;
      if (t >= pr.opening_year()) out[i] += pr.opex_usd_per_year;
    }
  }
  return out;
}

economics evaluate_flows(const std::vector<double>& benefits, const std::vector<double>& costs,
                         int first_year, double rate) {
  if (benefits.size() != costs.size())
    throw std::invalid_argument("evaluate_flows: benefits and costs must cover the same years");
  economics e;
  e.pv_benefits_usd = present_value(benefits, first_year, first_year, rate);
  e.pv_costs_usd = present_value(costs, first_year, first_year, rate);
  e.npv_usd = e.pv_benefits_usd - e.pv_costs_usd;
  e.bcr = e.pv_costs_usd > 0.0 ? e.pv_benefits_usd / e.pv_costs_usd : std::nan("");
  std::vector<double> net(benefits.size());
  for (std::size_t k = 0; k < net.size(); ++k) net[k] = benefits[k] - costs[k];
  e.irr = internal_rate_of_return(net);
  return e;
}

std::vector<double> interpolate_years(const std::vector<int>& years, const std::vector<double>& values,
                                      int first_year, int last_year) {
  if (years.empty() || years.size() != values.size())
    throw std::invalid_argument("interpolate_years: needs one value per model year, at least one");
  std::vector<double> out;
  for (int t = first_year; t <= last_year; ++t) {
    if (t <= years.front()) {
      out.push_back(values.front());
      continue;
    }
    if (t >= years.back()) {
      out.push_back(values.back());
      continue;
    }
    std::size_t k = 1;
    while (years[k] < t) ++k;
    const double w = static_cast<double>(t - years[k - 1]) / static_cast<double>(years[k] - years[k - 1]);
    out.push_back(values[k - 1] + w * (values[k] - values[k - 1]));
  }
  return out;
}

}  // namespace corridor

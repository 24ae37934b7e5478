// Ranking and selection among candidates ordered by cost: which is the cheapest whose targets are met, with
// replications added where a decision is still a close call, and how sure the choice is.
#include <cmath>
#include <limits>

#include "corridor/optimize.hpp"
#include "corridor/statistics.hpp"

namespace corridor {
namespace {

// P(mean >= 0) of one target's margins, by the normal approximation of the mean.
double probability_met(const std::vector<double>& margins) {
  running_stats s;
  for (double x : margins) s.add(x);
  if (s.count() == 0) return 0.0;
  const double se = s.count() > 1 ? s.stddev() / std::sqrt(static_cast<double>(s.count())) : 0.0;
  if (se == 0.0) return s.mean() >= 0.0 ? 1.0 : 0.0;
  return 0.5 * std::erfc(-s.mean() / (se * std::sqrt(2.0)));
}

bool meets(const margin_sample& s) {
  for (const auto& t : s.margins) {
    double sum = 0.0;
    for (double x : t) sum += x;
    if (t.empty() || sum < 0.0) return false;
  }
  return true;
}

std::size_t replications_of(const margin_sample& s) {
  return s.margins.empty() ? 0 : s.margins.front().size();
}

}  // namespace

double probability_feasible(const margin_sample& s) {
  double p = 1.0;
  for (const auto& t : s.margins) p *= probability_met(t);
  return p;
}

bool feasibility_settled(const margin_sample& s, double z) {
  for (const auto& t : s.margins) {
    running_stats r;
    for (double x : t) r.add(x);
    if (r.count() < 2) return false;
    const double se = r.stddev() / std::sqrt(static_cast<double>(r.count()));
    if (se == 0.0) continue;
    if (std::fabs(r.mean()) < z * se) return false;
  }
  return true;
}

selection select_cheapest_feasible(
    std::vector<margin_sample>& candidates,
    const std::function<margin_sample(std::size_t candidate, std::size_t first, std::size_t count)>& sample,
    std::size_t batch, std::size_t max_replications, double z) {
  selection out;
  for (;;) {
    std::optional<std::size_t> best;
    for (std::size_t c = 0; c < candidates.size() && !best; ++c) {
      if (meets(candidates[c])) best = c;
    }
    // The candidates whose decision can still change the choice: the believed best and all cheaper ones.
    const std::size_t last = best ? *best : candidates.size() - 1;
    bool added = false;
    for (std::size_t c = 0; c <= last && c < candidates.size(); ++c) {
      margin_sample& s = candidates[c];
      if (feasibility_settled(s, z)) continue;
      const std::size_t have = replications_of(s);
      if (have >= max_replications) continue;
      const std::size_t count = std::min(batch, max_replications - have);
      const margin_sample more = sample(c, have, count);  // fewer (none) when the budget is spent
      if (more.margins.size() != s.margins.size() || more.margins.empty() || more.margins[0].empty())
        continue;
      for (std::size_t t = 0; t < s.margins.size(); ++t)
        s.margins[t].insert(s.margins[t].end(), more.margins[t].begin(), more.margins[t].end());
      out.replications_added += more.margins[0].size();
      added = true;
    }
    if (added) continue;
    out.chosen = best;
    if (!best) {
      out.probability_correct = 1.0;  // the claim "none is feasible"
      for (const auto& s : candidates) out.probability_correct *= 1.0 - probability_feasible(s);
      return out;
    }
    out.probability_correct = probability_feasible(candidates[*best]);
    for (std::size_t c = 0; c < *best; ++c)
      out.probability_correct *= 1.0 - probability_feasible(candidates[c]);
    return out;
  }
}

}  // namespace corridor

// Base versus variant with common random numbers: same seed, same replication indices, paired differences.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "corridor/statistics.hpp"
#include "corridor/study.hpp"
#include "detail_study.hpp"

namespace corridor {
namespace {

// One side's runs as columns: names once, then each metric's values in replication order.
struct metric_columns {
  std::vector<std::string> names;
  std::vector<std::vector<double>> values;  // values[metric][replication]
  std::unordered_map<std::string, std::size_t> index;
};

metric_columns to_columns(const std::vector<run_result>& runs, const char* side) {
  metric_columns out;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto flat = runs[r].flatten();
    if (r == 0) {
      out.values.resize(flat.size());
      for (std::size_t i = 0; i < flat.size(); ++i) {
        out.names.push_back(flat[i].first);
        if (!out.index.emplace(flat[i].first, i).second) {
          throw std::invalid_argument(std::string("compare: ") + side + " flattens '" + flat[i].first +
                                      "' twice");
        }
      }
    }
    if (flat.size() != out.names.size()) {
      throw std::invalid_argument(std::string("compare: ") + side + " replication " + std::to_string(r) +
                                  " has a different number of metrics than replication 0");
    }
    for (std::size_t i = 0; i < flat.size(); ++i) {
      if (flat[i].first != out.names[i]) {
        throw std::invalid_argument(std::string("compare: ") + side + " replication " + std::to_string(r) +
                                    " has metric '" + flat[i].first + "' where replication 0 has '" +
                                    out.names[i] + "'");
      }
      out.values[i].push_back(flat[i].second);
    }
  }
  return out;
}

double mean_of(const std::vector<double>& values) {
  running_stats s;
  for (double v : values) s.add(v);
  return s.mean();
}

metric_difference difference_of(const std::string& name, const std::vector<double>& base,
                                const std::vector<double>& variant) {
  const paired_stat paired = paired_difference(base, variant);
  metric_difference d;
  d.name = name;
  d.base_mean = mean_of(base);
  d.variant_mean = mean_of(variant);
  d.difference = paired.mean_diff;
  d.paired_half_width_95 = paired.half_width_95;
  d.interval_excludes_zero = paired.significant;
  d.p_value = paired.p_value;
  d.unpaired_half_width_95 = base.size() >= 2 ? welch_half_width_95(base, variant) : 0.0;
  return d;
}

// The comparison of runs made with the same seed and replication indices; `significant` decided across all
// metrics (control_false_discoveries).
comparison compare_columns(const std::string& base_name, const std::vector<run_result>& base_runs,
                           const std::string& variant_name, const std::vector<run_result>& variant_runs,
                           std::uint64_t seed) {
  if (base_runs.empty()) throw std::invalid_argument("compare: no runs to compare");
  if (base_runs.size() != variant_runs.size()) {
    throw std::invalid_argument("compare: " + std::to_string(base_runs.size()) + " base runs but " +
                                std::to_string(variant_runs.size()) + " variant runs");
  }
  comparison c;
  c.base_name = base_name;
  c.variant_name = variant_name;
  c.replications = base_runs.size();
  c.seed = seed;
  const metric_columns b = to_columns(base_runs, "base");
  const metric_columns v = to_columns(variant_runs, "variant");
  for (std::size_t i = 0; i < b.names.size(); ++i) {
    const auto it = v.index.find(b.names[i]);
    if (it == v.index.end()) {
      c.only_in_base.push_back(b.names[i]);
      continue;
    }
    c.metrics.push_back(difference_of(b.names[i], b.values[i], v.values[it->second]));
  }
  for (const auto& name : v.names) {
    if (!b.index.contains(name)) c.only_in_variant.push_back(name);
  }
  control_false_discoveries(c);
  return c;
}

}  // namespace

compare_result compare_scenarios(const prepared_scenario& base, const prepared_scenario& variant,
                                 std::size_t replications, const replication_options& options) {
  if (replications < 2) throw std::invalid_argument("compare: needs at least 2 replications");
  replication_options same_seed = options;
  same_seed.seed = options.seed.value_or(base.spec.seed);
  std::vector<run_result> base_runs(replications), variant_runs(replications);
  detail::run_into(base, base_runs, 0, same_seed, {0, 2 * replications});
  detail::run_into(variant, variant_runs, 0, same_seed, {replications, 2 * replications});
  return compare_runs(base.spec, std::move(base_runs), variant.spec, std::move(variant_runs), same_seed);
}

compare_result compare_runs(const scenario& base, std::vector<run_result> base_runs, const scenario& variant,
                            std::vector<run_result> variant_runs, const replication_options& options) {
  compare_result out;
  out.summary =
      compare_columns(base.name, base_runs, variant.name, variant_runs, options.seed.value_or(base.seed));
  out.base_runs = std::move(base_runs);
  out.variant_runs = std::move(variant_runs);
  out.base = summarize(base, out.base_runs, options.warmup_days.value_or(base.warmup_days));
  out.variant = summarize(variant, out.variant_runs, options.warmup_days.value_or(variant.warmup_days));
  return out;
}

multi_compare_result compare_variants(const prepared_scenario& base,
                                      const std::vector<const prepared_scenario*>& variants,
                                      std::size_t replications, const replication_options& options,
                                      std::string_view rank_by, std::optional<bool> higher_better) {
  if (replications < 2) throw std::invalid_argument("compare: needs at least 2 replications");
  if (variants.empty()) throw std::invalid_argument("compare: no variant");
  multi_compare_result out;
  const std::uint64_t seed = options.seed.value_or(base.spec.seed);
  replication_options same_seed = options;
  same_seed.seed = seed;
  const std::size_t total = (variants.size() + 1) * replications;
  out.base_runs.resize(replications);
  detail::run_into(base, out.base_runs, 0, same_seed, {0, total});
  out.base = summarize(base.spec, out.base_runs, options.warmup_days.value_or(base.spec.warmup_days));
  // A metric to rank by that the base does not have is said now, not after every variant has run.
  if (!rank_by.empty() && find_metric(out.base, rank_by) == nullptr &&
      find_metric(out.base, "metrics." + std::string(rank_by)) == nullptr) {
    throw std::invalid_argument("compare --rank-by: " + base.spec.name + " has no metric '" +
                                std::string(rank_by) +
                                "' (a flattened name as in replications.csv's header, e.g. "
                                "metrics.cost_usd_per_teu or crossings.dostyk.mean_wait_h)");
  }
  std::vector<comparison> comparisons;
  for (std::size_t k = 0; k < variants.size(); ++k) {
    const prepared_scenario& v = *variants[k];
    compare_result& r = out.comparisons.emplace_back();
    r.variant_runs.resize(replications);
    detail::run_into(v, r.variant_runs, 0, same_seed, {(k + 1) * replications, total});
    r.summary = compare_columns(base.spec.name, out.base_runs, v.spec.name, r.variant_runs, seed);
    r.base = out.base;
    r.variant = summarize(v.spec, r.variant_runs, options.warmup_days.value_or(v.spec.warmup_days));
    comparisons.push_back(r.summary);
  }
  if (!rank_by.empty()) out.ranked = rank_variants(comparisons, rank_by, higher_better);
  return out;
}

}  // namespace corridor

#pragma once
// The cheapest set and staging of a programme's projects that meets its targets, by simulation optimization:
// screen every project alone and in pairs with few replications (common random numbers), fit a surrogate of
// each target's metric over portfolios (additive plus pairwise interactions, least squares), solve the
// cheapest portfolio the surrogate says meets the targets with an integer program (GLPK), verify candidates
// by simulation with more replications, refit when one fails, and settle close calls by sequential
// replications before choosing. Every piece that could be wrong is a pure function here, tested alone.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corridor/planning.hpp"

namespace corridor {

using portfolio_mask = std::uint32_t;  // bit i: project i open

// --- the surrogate ----------------------------------------------------------------------------------------

// A model of a metric over sets of open projects: intercept + sum of main effects + sum of pairwise
// interactions. coefficients: [0] intercept, [1 + i] project i, then pair (i, j), i < j, in the order
// (0,1), (0,2), ..., (0,n-1), (1,2), ... (pair_index).
struct surrogate {
  std::size_t projects = 0;
  std::vector<double> coefficients;
  double predict(portfolio_mask open) const;
  double pair(std::size_t i, std::size_t j) const { return coefficients[pair_index(i, j)]; }
  std::size_t pair_index(std::size_t i, std::size_t j) const;  // i < j
  static std::size_t terms(std::size_t projects) { return 1 + projects + projects * (projects - 1) / 2; }
};

// Weighted least squares over observed sets (values[k] the metric's mean at sets[k], weights[k] > 0, e.g.
// its replication count; empty weights: all 1), by Eigen's complete orthogonal decomposition: a term no set
// identifies (a pair never open together) gets the minimum-norm value, 0.
surrogate fit_surrogate(std::size_t projects, const std::vector<portfolio_mask>& sets,
                        const std::vector<double>& values, const std::vector<double>& weights = {});

// --- the integer program ----------------------------------------------------------------------------------

// Each project is left out or started in one of `years` options: option k opens it by target year k (and
// so it is open in years k, k + 1, ...). The cheapest assignment whose open sets meet every bound on the
// surrogates' predictions, avoids the excluded states and assignments, and (optionally) costs less than
// `cost_below`.
struct portfolio_problem {
  std::size_t projects = 0;
  std::size_t years = 1;
  std::vector<std::vector<double>> option_cost;  // [project][option]; NaN: option not allowed
  struct bound {
    std::size_t year = 0;  // the target year whose open set the surrogate reads
    surrogate model;
    std::optional<double> min, max;  // on the prediction
  };
  std::vector<bound> bounds;
  std::vector<std::pair<std::size_t, portfolio_mask>> excluded_states;  // (year, open set) not allowed
  std::vector<std::vector<int>> excluded_assignments;                   // per project: -1 out, else option
  std::optional<double> cost_below;
};

// An assignment: per project -1 (left out) or the option chosen; nullopt when none satisfies the problem.
// Solved by GLPK's branch and cut on a linearization: binary z[i][k], at most one option per project, open
// sets as sums of z, products of two open indicators as continuous w >= a + b - 1, w <= a, w <= b.
std::optional<std::vector<int>> solve_portfolio_problem(const portfolio_problem& problem);
// The open set in year `year` of an assignment.
portfolio_mask open_in_year(const std::vector<int>& assignment, std::size_t year);
// The same problem by enumerating every assignment ((years + 1)^projects of them): the tests' reference.
std::optional<std::vector<int>> brute_force_portfolio_problem(const portfolio_problem& problem);

// --- ranking and selection --------------------------------------------------------------------------------

// A candidate's feasibility margins by replication: margins[t][r] >= 0 when replication r meets target t
// (bound - value for a max, value - bound for a min), with replication r sharing random numbers across
// candidates.
struct margin_sample {
  std::vector<std::vector<double>> margins;  // [target][replication]
};
// The estimated probability that every target's mean margin is >= 0 (normal approximation of each mean,
// the targets taken as independent); 1 or 0 when the replications agree exactly.
double probability_feasible(const margin_sample& s);
// Whether every target's decision (mean margin >= 0 or not) is clear: |mean| >= z * standard error, or the
// replications agree exactly. A candidate with a close call needs more replications.
bool feasibility_settled(const margin_sample& s, double z);

// Sequential selection of the cheapest feasible candidate (candidates given cheapest first): each round,
// every candidate not yet settled and no dearer than the cheapest one believed feasible gets `batch` more
// replications from `sample` (the same replication indices for all, so they share random numbers), until
// every such decision is settled at `z` or a candidate reaches max_replications. Returns the index of the
// cheapest candidate whose mean margins are all >= 0 (nullopt: none) and the estimated probability of
// correct selection: P(it is feasible) x P(each cheaper candidate is not).
struct selection {
  std::optional<std::size_t> chosen;
  double probability_correct = 0.0;
  std::size_t replications_added = 0;
};
selection select_cheapest_feasible(
    std::vector<margin_sample>& candidates,
    const std::function<margin_sample(std::size_t candidate, std::size_t first, std::size_t count)>& sample,
    std::size_t batch, std::size_t max_replications, double z = 1.96);

// --- the optimization -------------------------------------------------------------------------------------

struct optimize_options {
  std::size_t replications = 4;         // per state when a candidate is verified (at least 2)
  std::size_t screen_replications = 2;  // per state when screening (at least 2, at most replications)
  std::size_t max_replications = 0;     // per state in ranking and selection; 0: 4 x replications
  std::size_t threads = 0;
  std::optional<std::uint64_t> seed;  // default: the base scenario's
  std::size_t budget = 0;             // most simulations (model runs) to make; 0: no limit
  bool staging = true;  // choose each project's start year (the latest that opens it by the year it is
                        // needed); false: every chosen project starts at its earliest_start
  std::function<void(std::size_t simulations)> progress;  // after each batch of replications
  // Then appraise the chosen programme (its projects with their start years as earliest_start), with the
  // same replications and seed: its benefits by year, NPV, BCR. Its runs are counted apart.
  bool appraise_chosen = false;
};

// One portfolio as evaluated: the projects chosen, when each starts, what it costs and what the targets read.
struct portfolio_result {
  std::vector<int> assignment;        // per project: -1 out, else the option (target year index)
  std::vector<std::string> projects;  // ids of the chosen, in programme order
  std::vector<int> start_years;       // aligned with projects
  std::vector<int> opening_years;     // aligned with projects
  double pv_cost_usd = 0.0;
  std::vector<interval> targets;  // per programme target: the metric over replications
  std::vector<bool> met;          // per target: the mean within the bound
  bool feasible = false;          // every target met
  double probability_feasible = 0.0;
  std::size_t replications = 0;           // fewest replications of its states
  bool verified = false;                  // simulated with at least the verification replications
  std::string found_by;                   // "screening", "integer program", "challenge", "front"
  std::optional<double> surrogate_error;  // largest |predicted - simulated| of its targets when verified
};

// Where traffic moves: one scenario edge's TEU (both directions, the report window) in the last target year
// without any project and with the portfolio mapped, means over the replications the two share, and where
// its ends are.
struct traffic_shift {
  std::string edge;
  double from_lat = 0.0, from_lon = 0.0, to_lat = 0.0, to_lon = 0.0;
  double do_nothing_teu = 0.0;
  double with_teu = 0.0;  // with the portfolio mapped
};

struct optimization {
  std::string programme_name;
  std::string base_scenario;
  std::uint64_t seed = 0;
  std::size_t replications = 0, screen_replications = 0, max_replications = 0;
  std::size_t simulations = 0;              // model runs made, replications included
  std::size_t enumeration_simulations = 0;  // 2^n portfolios x target years x replications
  std::size_t budget = 0;
  bool budget_exhausted = false;
  bool staging = true;
  int first_year = 0, last_year = 0;  // the programme's horizon
  std::vector<int> target_years;
  std::vector<programme_target> targets;
  bool feasible = false;
  std::optional<portfolio_result> chosen;      // the cheapest verified feasible portfolio
  double probability_correct_selection = 0.0;  // estimated; 0 without a choice
  double gap_usd = 0.0;                        // chosen cost - the cheapest cost not ruled out (0: none)
  std::size_t integer_programs = 0;            // solved
  std::vector<portfolio_result> evaluated;     // cheapest first
  std::vector<std::size_t> pareto;             // indices into evaluated: the non-dominated, cheapest first
  std::optional<appraisal> chosen_appraisal;   // with appraise_chosen and a choice (its own simulations)
  // The map: the chosen portfolio against do-nothing, or the whole programme when none meets the targets,
  // in the last target year (edges of both states, an edge one of them lacks at 0 there).
  std::string traffic_portfolio;  // its projects joined with '+'
  int traffic_year = 0;
  std::vector<traffic_shift> traffic;
};

// The programme of a chosen portfolio: its projects only, each starting in its chosen year, and the
// programme's targets (what appraise_programme takes to value the choice).
programme chosen_programme(const programme& p, const portfolio_result& chosen);

// The fewest simulations an optimization of `p` needs (its screening, then one verification): a budget
// below it cannot work.
std::size_t minimum_budget(const programme& p, const optimize_options& options);

// Every one of the 2^n portfolios (each project open from its earliest start, in the first target year it
// reaches), simulated with replications 0 .. replications - 1: per portfolio mask, per target, the metric.
// The brute force an optimization is checked against; it costs 2^n x target years x replications runs.
std::vector<std::vector<interval>> enumerate_portfolios(const programme& p, const optimize_options& options);

// Runs the optimization. Throws programme_error for a programme without targets or with a target on a
// metric the model does not report (at its place), std::invalid_argument for bad options (a budget below
// minimum_budget, fewer than 2 replications).
optimization optimize_programme(const programme& p, const optimize_options& options = {});

}  // namespace corridor

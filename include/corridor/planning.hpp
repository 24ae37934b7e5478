#pragma once
// Investment planning: a programme of candidate projects (each an overlay of a base scenario, with its costs,
// build time and earliest start), and its appraisal: do-nothing against each project alone and the whole
// programme, simulated in a few model years with common random numbers, then NPV, BCR, IRR and CO2 over the
// horizon, each with a 95 % interval over replications. Sits on the studies (replications with a seed);
// knows no output format: it returns plain values, sim/io writes them.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/calibrate.hpp"
#include "corridor/model.hpp"
#include "corridor/results.hpp"
#include "corridor/scenario.hpp"

namespace corridor {

// A programme file with problems: what() is "file:line:column: message". The CLI exits 2.
class programme_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// --- the programme file ---------------------------------------------------------------------------------

struct programme_project {
  std::string id;
  std::string name;
  std::filesystem::path overlay;  // a scenario file that `extends` the programme's base
  std::string overlay_text;       // its text with the `extends` line blanked (load_programme fills it)
  double capex_usd = 0.0;
  double opex_usd_per_year = 0.0;
  int build_years = 1;
  int earliest_start = 0;  // the first year of building; open from earliest_start + build_years
  std::string source;
  source_loc loc;
  int opening_year() const { return earliest_start + build_years; }
};

// Demand growth per year, compound from the base year: a default, and per market (or flow) id.
struct demand_growth {
  double default_per_year = 0.0;
  std::vector<std::pair<std::string, double>> by_id;
  std::string source;
  double rate_for(std::string_view id) const;
};

// CO2 (well to wheel, as GLEC / ISO 14083 count it) per tonne-km, by traction and on ferries; a rail edge is
// electric when listed in electric_edges, or when its first node's country is in electric_countries and the
// edge is not in diesel_edges. Alternatives (ocean, air, road) per TEU carried, by alternative id.
struct emission_factors {
  double load_t_per_teu = 10.0;
  double rail_diesel_g_per_tkm = 0.0;
  double rail_electric_g_per_tkm = 0.0;
  double ferry_g_per_tkm = 0.0;
  std::vector<std::string> electric_countries;
  std::vector<std::string> electric_edges;
  std::vector<std::string> diesel_edges;
  std::vector<std::pair<std::string, double>> alternative_kg_per_teu;
  double price_usd_per_t = 0.0;
  std::string source;
  std::string price_source;
};

// A target the programme should reach in a model year: a flattened metric (as in replications.csv) at
// least `min` or at most `max`.
struct programme_target {
  std::string metric;
  std::optional<double> min;
  std::optional<double> max;
  int year = 0;
  std::string source;
  source_loc loc;
};

// An id the programme names in the base scenario (a market or flow to grow, an edge's traction, an
// alternative's factor), with where it was written.
struct programme_reference {
  std::string id;
  std::string kind;  // "market or flow", "edge" or "alternative"
  source_loc loc;
};

struct programme {
  std::string name;
  std::string description;
  std::string file;
  std::filesystem::path base;  // the base scenario, resolved from the programme's folder
  int base_year = 0;           // the year the base scenario's demand stands for
  int first_year = 0;          // the horizon, both ends counted
  int last_year = 0;
  std::vector<int> model_years;  // ascending, within the horizon
  double discount_rate = 0.0;
  double value_of_time_scale = 1.0;  // on the scenario's values of time by cargo class
  std::string value_of_time_source;
  demand_growth growth;
  // The alternatives' costs (ocean rates, air, road) a year, compound from base_year, by alternative id:
  // optional, none by default.
  demand_growth alternative_cost_growth;
  emission_factors co2;
  std::vector<programme_project> projects;
  std::vector<programme_target> targets;
  std::vector<programme_reference> references;
};

// Reads a programme file strictly: an unknown key, a wrong type, a duplicate or dangling id, a year outside
// the horizon is a programme_error at its place. Overlays are resolved from `base_dir` and must exist; a
// project opening after the last model year is an error (its benefits would never be modelled).
programme parse_programme(std::string_view yaml, std::string_view name,
                          const std::filesystem::path& base_dir);
// Throws programme_error at the first reference the base scenario does not have (a dangling id).
void check_references(const programme& p, const scenario& base);
// A project's overlay file as an edit of the base: `text` with its top-level `extends` line blanked (so
// lines keep their numbers in messages). Throws programme_error at the project's place when the file does
// not extend the programme's base. load_programme (corridor/io.hpp's reader) reads the files and calls it.
std::string overlay_without_extends(const programme& p, const programme_project& project,
                                    std::string_view text);

// --- the arithmetic of appraisal (pure functions, tested by hand) ---------------------------------------

// Present value in `discount_year` of yearly amounts flows[k] in year first_year + k, at rate r.
double present_value(const std::vector<double>& flows, int first_year, int discount_year, double rate);
// The discount rate at which the net flows' present value is zero, by bisection after a scan for the first
// sign change from -0.99 upward to 10 (1000 % a year); nullopt when the flows never change sign there (no
// IRR: all benefits, all costs, or costs that benefits never repay).
std::optional<double> internal_rate_of_return(const std::vector<double>& net_flows);
// The costs of some projects (indices into p.projects) by year of the horizon, USD: each one's capex spread
// evenly over its build years from earliest_start, its opex every year from its opening year on.
std::vector<double> yearly_costs(const programme& p, const std::vector<std::size_t>& projects);
// A case's worth from its yearly benefits and costs (year first_year + k), discounted to first_year: NPV is
// PV(benefits) - PV(costs), BCR is PV(benefits) / PV(costs) (NaN without costs), IRR of benefits - costs.
struct economics {
  double pv_benefits_usd = 0.0;
  double pv_costs_usd = 0.0;
  double npv_usd = 0.0;
  double bcr = 0.0;
  std::optional<double> irr;
};
economics evaluate_flows(const std::vector<double>& benefits, const std::vector<double>& costs,
                         int first_year, double rate);
// Yearly values from values at model years: linear between model years, held flat before the first and
// after the last. `years` ascending, values aligned with it; out[k] is year first_year + k.
std::vector<double> interpolate_years(const std::vector<int>& years, const std::vector<double>& values,
                                      int first_year, int last_year);

// CO2 of one run, tonnes a year: every edge's TEU-km (both directions) times its factor and the load per
// TEU, plus each market's TEU by alternative mode times that alternative's factor (alternatives without a
// factor count nothing).
struct co2_breakdown {
  double rail_diesel_t = 0.0;
  double rail_electric_t = 0.0;
  double ferry_t = 0.0;
  double alternatives_t = 0.0;
  double total() const { return rail_diesel_t + rail_electric_t + ferry_t + alternatives_t; }
};
co2_breakdown co2_per_year(const scenario& s, const run_result& r, const emission_factors& f);
// g CO2e per TEU-km on one edge of `s`, by the rule of emission_factors. Throws std::invalid_argument for
// an edge the scenario does not have.
double edge_g_per_teu_km(const scenario& s, std::string_view edge_id, const emission_factors& f);

// What shippers gain in one year between two runs of the same replication (do-nothing a, do-something b),
// by the rule of a half per market (and per flow): (cost_a - cost_b) x (TEU_a + TEU_b) / 2, split into the
// time part (value of time x transit, by cargo class) and the out-of-pocket part. A market (flow) that
// delivers nothing on one side counts nothing (its cost there is undefined).
struct user_benefits {
  double time_usd = 0.0;
  double shipper_cost_usd = 0.0;
  double teu_hours_saved = 0.0;  // rule-of-half TEU x hours saved
};
user_benefits user_benefits_per_year(const scenario& s, const run_result& a, const run_result& b,
                                     double value_of_time_scale = 1.0);

// --- appraisal ------------------------------------------------------------------------------------------

struct appraisal_options {
  std::size_t replications = 4;
  std::size_t threads = 0;
  std::optional<std::uint64_t> seed;  // default: the base scenario's
  // Calibrated parameters to draw, replication r with draw_parameters(estimates, seed, r) in every state (so
  // the pairs share the draw as they share random numbers): the intervals then hold the parameters'
  // uncertainty as well as the simulation's noise. A drawn value replaces the state's at its paths.
  std::optional<calibration_estimates> parameter_uncertainty;
  // Called once per finished replication, (done, total) over the whole appraisal.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// A number over replications: mean and 95 % half-width (NaN mean when no replication has a value).
struct interval {
  double mean = std::numeric_limits<double>::quiet_NaN();
  double ci95 = 0.0;
  std::size_t n = 0;  // replications with a value (IRR may not exist in all)
};

// One appraised case: a project alone, or the programme.
struct case_appraisal {
  std::string id;  // the project id, or "programme"
  std::string name;
  std::vector<std::string> projects;
  int opening_year = 0;  // of its first project
  double pv_costs_usd = 0.0;
  interval pv_benefits_usd;
  interval npv_usd;
  interval bcr;
  interval irr;
  interval co2_t;             // change over the horizon (negative: saved)
  interval time_savings_usd;  // undiscounted, over the horizon
  interval teu_hours_saved;   // over the horizon: the TEU-hours behind time_savings_usd
  interval shipper_cost_savings_usd;
  interval co2_value_usd;
  double opex_usd = 0.0;  // the operating costs the projects add over the horizon (undiscounted)
  // Per model year, yearly values: benefits (USD/yr) and CO2 change (t/yr), means over replications.
  std::vector<double> benefits_by_model_year;
  std::vector<double> co2_by_model_year;
  // Per year of the horizon (first_year + k): benefits and CO2 change as appraised (interpolated between
  // model years), means over replications, and the costs.
  std::vector<double> benefits_by_year, co2_by_year, costs_by_year;
};

struct target_check {
  programme_target target;
  interval do_nothing;
  interval programme;
  bool met = false;  // the programme's mean is within the bound
};

struct appraisal {
  std::string programme_name;
  std::string base_scenario;
  std::uint64_t seed = 0;
  std::size_t replications = 0;
  std::size_t simulations = 0;       // runs of the model made
  std::size_t drawn_parameters = 0;  // identified parameters drawn per replication (0: simulation noise only)
  int first_year = 0, last_year = 0, discount_year = 0;
  double discount_rate = 0.0;
  std::vector<int> model_years;
  std::vector<case_appraisal> cases;  // each project in file order, then "programme"
  std::vector<target_check> targets;
};

// Runs the appraisal. Throws programme_error for a project overlay that does not apply on the base,
// scenario_error for overlays with problems, std::invalid_argument for fewer than 2 replications.
appraisal appraise_programme(const programme& p, const appraisal_options& options = {});

}  // namespace corridor

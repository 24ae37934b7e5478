// The programme file with its overlays read, and an appraisal's files: appraisal.json and appraisal.csv.
#include <cmath>

#include "corridor/io.hpp"
#include "corridor/planning_io.hpp"
#include "formats.hpp"
#include "json_util.hpp"

namespace corridor {
namespace {

using detail::json_number;
using detail::ojson;

// `name` and `name_ci95` (the half-width; null when the mean is not defined).
void put(ojson& o, const std::string& name, const interval& v) {
  o[name] = json_number(v.mean);
  o[name + "_ci95"] = std::isnan(v.mean) ? ojson(nullptr) : json_number(v.ci95);
}

ojson case_object(const case_appraisal& c, int first_year) {
  ojson o;
  o["id"] = c.id;
  o["name"] = c.name;
  o["projects"] = c.projects;
  o["opening_year"] = c.opening_year;
  put(o, "npv_usd", c.npv_usd);
  put(o, "bcr", c.bcr);
  put(o, "irr", c.irr);
  o["irr_replications"] = c.irr.n;
  put(o, "co2_t", c.co2_t);
  put(o, "pv_benefits_usd", c.pv_benefits_usd);
  o["pv_costs_usd"] = json_number(c.pv_costs_usd);
  put(o, "time_savings_usd", c.time_savings_usd);
  put(o, "teu_hours_saved", c.teu_hours_saved);
  put(o, "shipper_cost_savings_usd", c.shipper_cost_savings_usd);
  put(o, "co2_value_usd", c.co2_value_usd);
  o["opex_usd"] = json_number(c.opex_usd);
  ojson years = ojson::array();
  for (std::size_t k = 0; k < c.benefits_by_model_year.size(); ++k) {
    years.push_back({{"benefits_usd_per_year", json_number(c.benefits_by_model_year[k])},
                     {"co2_t_per_year", json_number(c.co2_by_model_year[k])}});
  }
  o["by_model_year"] = std::move(years);
  ojson by_year = ojson::array();
  for (std::size_t k = 0; k < c.costs_by_year.size(); ++k) {
    by_year.push_back({{"year", first_year + static_cast<int>(k)},
                       {"benefits_usd", json_number(c.benefits_by_year[k])},
                       {"costs_usd", json_number(c.costs_by_year[k])},
                       {"co2_t", json_number(c.co2_by_year[k])}});
  }
  o["by_year"] = std::move(by_year);
  return o;
}

ojson target_object(const target_check& t) {
  ojson o;
  o["metric"] = t.target.metric;
  o["year"] = t.target.year;
  o["min"] = t.target.min ? json_number(*t.target.min) : ojson(nullptr);
  o["max"] = t.target.max ? json_number(*t.target.max) : ojson(nullptr);
  put(o, "do_nothing", t.do_nothing);
  put(o, "programme", t.programme);
  o["met"] = t.met;
  return o;
}

}  // namespace

programme load_programme(const std::filesystem::path& file) {
  programme p = parse_programme(read_file(file), file.string(), file.parent_path());
  for (auto& project : p.projects)
    project.overlay_text = overlay_without_extends(p, project, read_file(project.overlay));
  return p;
}

std::string appraisal_json(const appraisal& a) {
  ojson o;
  o["programme"] = a.programme_name;
  o["base"] = a.base_scenario;
  o["seed"] = a.seed;
  o["replications"] = a.replications;
  o["simulations"] = a.simulations;
  o["drawn_parameters"] = a.drawn_parameters;
  o["horizon"] = {{"from", a.first_year}, {"to", a.last_year}};
  o["discount_year"] = a.discount_year;
  o["discount_rate"] = json_number(a.discount_rate);
  o["model_years"] = a.model_years;
  ojson cases = ojson::array();
  for (const auto& c : a.cases) cases.push_back(case_object(c, a.first_year));
  o["cases"] = std::move(cases);
  ojson targets = ojson::array();
  for (const auto& t : a.targets) targets.push_back(target_object(t));
  o["targets"] = std::move(targets);
  return detail::dump_json(o);
}

std::string appraisal_csv(const appraisal& a) {
  detail::csv_builder csv;
  csv.header({"case", "name", "opening_year", "npv_usd", "npv_usd_ci95", "bcr", "bcr_ci95", "irr", "irr_ci95",
              "co2_t", "co2_t_ci95", "pv_benefits_usd", "pv_costs_usd", "time_savings_usd", "teu_hours_saved",
              "shipper_cost_savings_usd", "co2_value_usd", "opex_usd"})
      .end_row();
  const auto ci = [](const interval& v) { return std::isnan(v.mean) ? std::nan("") : v.ci95; };
  for (const auto& c : a.cases) {
    csv.text(c.id).text(c.name).text(std::to_string(c.opening_year));
    csv.num(c.npv_usd.mean).num(ci(c.npv_usd)).num(c.bcr.mean).num(ci(c.bcr)).num(c.irr.mean).num(ci(c.irr));
    csv.num(c.co2_t.mean).num(ci(c.co2_t)).num(c.pv_benefits_usd.mean).num(c.pv_costs_usd);
    csv.num(c.time_savings_usd.mean)
        .num(c.teu_hours_saved.mean)
        .num(c.shipper_cost_savings_usd.mean)
        .num(c.co2_value_usd.mean);
    csv.num(c.opex_usd).end_row();
  }
  return csv.take();
}

void write_appraisal_outputs(const std::filesystem::path& dir, const appraisal& a) {
  const std::string json = appraisal_json(a), csv = appraisal_csv(a);
  ensure_directory(dir);
  write_file_atomic(dir / "appraisal.json", json);
  write_file_atomic(dir / "appraisal.csv", csv);
}

}  // namespace corridor

// corridor._corridor: the Python module's native half, over the public API. It loads scenarios (with
// overrides by parameter path), runs, compares and sweeps them, and hands the Summary's tidy tables to
// Python as columns; corridor/__init__.py turns those into pandas DataFrames. No statistic is computed here:
// every number comes from the Summary, the comparison or the sweep table the library made. The GIL is
// released while the model runs, so Python threads may do other work meanwhile.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "corridor/io.hpp"
#include "corridor/parameters.hpp"
#include "corridor/planning_io.hpp"
#include "corridor/study.hpp"
#include "corridor/sweep.hpp"
#include "corridor/tidy.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace corridor::python {
namespace {

// A tidy table as {"columns": [names], "data": {name: list}}: pandas builds a DataFrame from it in order.
py::dict to_python(const tidy_table& t) {
  py::list names;
  py::dict data;
  for (const auto& c : t.columns) {
    names.append(c.name);
    if (c.numeric) {
      data[py::str(c.name)] = py::cast(c.numbers);
    } else {
      data[py::str(c.name)] = py::cast(c.texts);
    }
  }
  py::dict out;
  out["columns"] = names;
  out["data"] = data;
  return out;
}

// One override: a parameter path, set or scale, and a value; its problems are reported at <overrides>:N,
// N being its place in the list.
struct override_spec {
  std::string path;
  std::string op;  // "set" or "scale"
  double value = 0.0;
};

std::vector<scenario_edit> edits_of(const std::vector<override_spec>& overrides,
                                    const std::vector<std::string>& overlays) {
  std::vector<scenario_edit> edits;
  for (std::size_t i = 0; i < overlays.size(); ++i) {
    edits.emplace_back(overlay_edit{overlays[i], "<overlay " + std::to_string(i + 1) + ">"});
  }
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    const auto& o = overrides[i];
    if (o.op != "set" && o.op != "scale")
      throw std::invalid_argument("override " + o.path + ": the operation is 'set' or 'scale', not '" + o.op +
                                  "'");
    parameter_edit e;
    e.path = o.path;
    e.op = o.op == "scale" ? param_op::scale : param_op::set;
    e.value = o.value;
    e.loc = {"<overrides>", static_cast<int>(i + 1), 1};
    edits.emplace_back(std::move(e));
  }
  return edits;
}

// A scenario file that is not there is a file error (CorridorIOError, an OSError), as the CLI's exit 3 for
// it, whichever way it is then loaded.
void require_file(const std::filesystem::path& file) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (!std::filesystem::exists(status)) throw io_error(file, "no such file");
  if (std::filesystem::is_directory(status)) throw io_error(file, "is a folder, not a file");
}

// The scenario a file loads as, with the overrides applied; without any, exactly what the CLI loads.
scenario load(const std::filesystem::path& file, const std::vector<override_spec>& overrides,
              const std::vector<std::string>& overlays, bool allow_outside) {
  require_file(file);
  const load_options options{.allow_outside = allow_outside};
  if (overrides.empty() && overlays.empty()) return load_scenario(file, options);
  const scenario_document doc = parse_document(read_file(file), file.string(), file.parent_path(), options);
  return apply_edits(doc, edits_of(overrides, overlays));
}

replication_options options_of(std::optional<std::uint64_t> seed, std::size_t threads,
                               std::optional<double> warmup_days) {
  replication_options opt;
  opt.seed = seed;
  opt.threads = threads;
  opt.warmup_days = warmup_days;
  return opt;
}

// The Summary of replications, as `corridor run` makes it (wall-clock facts left out, as with
// --reproducible, so the files it writes equal the CLI's byte for byte).
std::shared_ptr<run_summary> run(const scenario& s, std::optional<std::uint64_t> seed,
                                 std::size_t replications, std::size_t threads,
                                 std::optional<double> warmup_days) {
  if (replications < 1) throw std::invalid_argument("replications must be at least 1");
  py::gil_scoped_release unlocked;
  const prepared_scenario prepared(s);
  const double warmup = warmup_days.value_or(prepared.spec.warmup_days);
  const auto runs = run_replications(prepared, replications, 0, options_of(seed, threads, warmup));
  return std::make_shared<run_summary>(summarize(prepared.spec, runs, warmup));
}

std::shared_ptr<compare_result> compare(const scenario& base, const scenario& variant,
                                        std::size_t replications, std::optional<std::uint64_t> seed,
                                        std::size_t threads, std::optional<double> warmup_days) {
  py::gil_scoped_release unlocked;
  const prepared_scenario b(base), v(variant);
  auto out = std::make_shared<compare_result>(
      compare_scenarios(b, v, replications, options_of(seed, threads, warmup_days)));
  out->base_runs.clear();  // the Summaries hold what Python reads; the raw runs only cost memory
  out->variant_runs.clear();
  return out;
}

// An appraisal's cases, one row each: id, name, opening year, and each number with its 95 % half-width
// (NaN where no replication defines it), as appraisal.csv.
tidy_table cases_table(const appraisal& a) {
  tidy_table t;
  t.columns.push_back({"case", false, {}, {}});
  t.columns.push_back({"name", false, {}, {}});
  for (const auto& c : a.cases) t.columns[0].texts.push_back(c.id), t.columns[1].texts.push_back(c.name);
  const auto add = [&](const std::string& name, const std::function<double(const case_appraisal&)>& get) {
    tidy_column col{name, true, {}, {}};
    for (const auto& c : a.cases) col.numbers.push_back(get(c));
    t.columns.push_back(std::move(col));
  };
  add("opening_year", [](const case_appraisal& c) { return static_cast<double>(c.opening_year); });
  const std::pair<const char*, interval case_appraisal::*> fields[] = {
      {"npv_usd", &case_appraisal::npv_usd},
      {"bcr", &case_appraisal::bcr},
      {"irr", &case_appraisal::irr},
      {"co2_t", &case_appraisal::co2_t},
      {"pv_benefits_usd", &case_appraisal::pv_benefits_usd},
      {"time_savings_usd", &case_appraisal::time_savings_usd},
      {"teu_hours_saved", &case_appraisal::teu_hours_saved},
      {"shipper_cost_savings_usd", &case_appraisal::shipper_cost_savings_usd},
      {"co2_value_usd", &case_appraisal::co2_value_usd}};
  for (const auto& [name, field] : fields) {
    add(name, [f = field](const case_appraisal& c) { return (c.*f).mean; });
    add(std::string(name) + "_ci95", [f = field](const case_appraisal& c) {
      return std::isnan((c.*f).mean) ? std::nan("") : (c.*f).ci95;
    });
  }
  add("pv_costs_usd", [](const case_appraisal& c) { return c.pv_costs_usd; });
  add("opex_usd", [](const case_appraisal& c) { return c.opex_usd; });
  return t;
}

// Every case by year of the horizon: case, year, benefits_usd, costs_usd, co2_t (means over replications).
tidy_table years_table(const appraisal& a) {
  tidy_table t;
  t.columns = {{"case", false, {}, {}},
               {"year", true, {}, {}},
               {"benefits_usd", true, {}, {}},
               {"costs_usd", true, {}, {}},
               {"co2_t", true, {}, {}}};
  for (const auto& c : a.cases) {
    for (std::size_t k = 0; k < c.costs_by_year.size(); ++k) {
      t.columns[0].texts.push_back(c.id);
      t.columns[1].numbers.push_back(static_cast<double>(a.first_year) + static_cast<double>(k));
      t.columns[2].numbers.push_back(c.benefits_by_year[k]);
      t.columns[3].numbers.push_back(c.costs_by_year[k]);
      t.columns[4].numbers.push_back(c.co2_by_year[k]);
    }
  }
  return t;
}

std::shared_ptr<appraisal> appraise(const std::filesystem::path& file, std::size_t replications,
                                    std::optional<std::uint64_t> seed, std::size_t threads) {
  const programme p = load_programme(file);
  py::gil_scoped_release unlocked;
  appraisal_options opt;
  opt.replications = replications;
  opt.seed = seed;
  opt.threads = threads;
  return std::make_shared<appraisal>(appraise_programme(p, opt));
}

std::shared_ptr<multi_compare_result> compare_many(
    const scenario& base, const std::vector<scenario>& variants, std::size_t replications,
    std::optional<std::uint64_t> seed, std::size_t threads, std::optional<double> warmup_days,
    const std::string& rank_by, std::optional<bool> higher_better) {
  py::gil_scoped_release unlocked;
  const prepared_scenario b(base);
  std::vector<prepared_scenario> prepared;
  prepared.reserve(variants.size());
  for (const auto& v : variants) prepared.emplace_back(v);
  std::vector<const prepared_scenario*> pointers;
  for (const auto& v : prepared) pointers.push_back(&v);
  auto out = std::make_shared<multi_compare_result>(compare_variants(
      b, pointers, replications, options_of(seed, threads, warmup_days), rank_by, higher_better));
  out->base_runs.clear();
  for (auto& c : out->comparisons) c.variant_runs.clear();
  return out;
}

// A sweep's outcomes in memory: Python's sweeps run in one process and keep no files.
class memory_store final : public sweep_store {
 public:
  explicit memory_store(std::size_t runs) : records_(runs) {}
  run_state state(std::size_t i) const override {
    std::lock_guard lock(mutex_);
    if (!records_.at(i)) return run_state::remaining;
    return records_[i]->failed() ? run_state::failed : run_state::done;
  }
  std::optional<run_record> result(std::size_t i) const override {
    std::lock_guard lock(mutex_);
    if (!records_.at(i) || records_[i]->failed()) return std::nullopt;
    return records_[i];
  }
  void record(const run_record& r) override {
    std::lock_guard lock(mutex_);
    records_.at(r.index) = r;
  }
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const auto& r : records_) {
      if (r && r->failed()) out.push_back("run " + std::to_string(r->index) + ": " + r->error);
    }
    return out;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::optional<run_record>> records_;
};

struct sweep_outcome {
  sweep_plan plan;
  sweep_table table;
  std::vector<std::string> errors;
  std::optional<sensitivity_table> sensitivity;
};

std::shared_ptr<sweep_outcome> sweep(sweep_spec spec, std::size_t threads) {
  auto out = std::make_shared<sweep_outcome>();
  py::gil_scoped_release unlocked;
  out->plan = plan_sweep(spec);
  memory_store store(out->plan.runs.size());
  sweep_run_options opt;
  opt.threads = threads;
  run_sweep(out->plan, store, opt);
  out->errors = store.errors();
  out->table = tabulate_sweep(out->plan, store);
  const design_kind kind = out->plan.design.kind;
  const bool analyzable =
      kind == design_kind::grid || kind == design_kind::saltelli || kind == design_kind::morris;
  if (out->errors.empty() && analyzable) out->sensitivity = analyze_sweep(out->plan, out->table);
  return out;
}

// The sensitivity table in long format: metric, term (main, interaction, sobol, morris), parameter,
// other_parameter, then the measure's estimate and interval (eta_squared for a grid; S1 and ST; mu_star).
tidy_table effects_table(const sweep_outcome& o) {
  tidy_table t;
  for (const char* c : {"metric", "term", "parameter", "other_parameter"})
    t.columns.push_back({c, false, {}, {}});
  for (const char* c : {"measure_value", "ci95_low", "ci95_high"}) t.columns.push_back({c, true, {}, {}});
  t.columns.push_back({"measure", false, {}, {}});
  if (!o.sensitivity) return t;
  const auto& s = *o.sensitivity;
  const auto row = [&](const std::string& metric, const std::string& term, const std::string& p,
                       const std::string& q, const std::string& measure, double v, double lo, double hi) {
    t.columns[0].texts.push_back(metric), t.columns[1].texts.push_back(term);
    t.columns[2].texts.push_back(p), t.columns[3].texts.push_back(q);
    t.columns[4].numbers.push_back(v), t.columns[5].numbers.push_back(lo), t.columns[6].numbers.push_back(hi);
    t.columns[7].texts.push_back(measure);
  };
  const double none = std::nan("");
  for (const auto& m : s.metrics) {
    for (std::size_t i = 0; i < s.parameters.size(); ++i) {
      const auto& p = s.parameters[i];
      if (s.grid) {
        row(m.metric, "main", p, "", "eta_squared", m.grid.main.at(i).eta_squared, none, none);
      } else if (s.sobol) {
        const auto& x = m.sobol.at(i);
        row(m.metric, "first_order", p, "", "S1", x.first, x.first_lo, x.first_hi);
        row(m.metric, "total", p, "", "ST", x.total, x.total_lo, x.total_hi);
      } else {
        const auto& x = m.morris.at(i);
        row(m.metric, "elementary", p, "", "mu_star", x.mu_star, x.mu_star_lo, x.mu_star_hi);
      }
    }
    for (const auto& x : m.grid.interactions) {
      row(m.metric, "interaction", s.parameters.at(x.a), s.parameters.at(x.b), "eta_squared", x.eta_squared,
          none, none);
    }
  }
  return t;
}

sweep_spec sweep_from_file(const std::filesystem::path& file) {
  return parse_sweep(read_file(file), file.string(), file.parent_path());
}

// A grid over the given parameter paths, every value of each against every value of the others.
sweep_spec grid_sweep(const std::filesystem::path& scenario_file,
                      const std::vector<std::pair<std::string, std::vector<double>>>& parameters,
                      std::size_t replications, std::optional<std::uint64_t> seed,
                      const std::vector<std::string>& metrics) {
  sweep_spec spec;
  spec.file = "<sweep>";
  spec.base = scenario_file;
  for (const auto& [path, values] : parameters) {
    sweep_parameter p;
    p.name = path;
    p.path = path;
    p.values = values;
    p.loc = {"<sweep>", 0, 0};
    spec.parameters.push_back(std::move(p));
  }
  spec.design.kind = design_kind::grid;
  spec.replications = replications;
  spec.seed = seed;
  spec.metrics = metrics;
  return spec;
}

// Per manifest entry: run, point, replication, seed, the parameters' values, then the kept metrics (NaN
// where a run failed).
tidy_table runs_table(const sweep_outcome& o) {
  tidy_table t;
  const auto& plan = o.plan;
  auto add = [&](std::string name) -> std::vector<double>& {
    t.columns.push_back({std::move(name), true, {}, {}});
    return t.columns.back().numbers;
  };
  add("run"), add("point"), add("replication"), add("seed");
  for (const auto& p : plan.parameters) add(p.name);
  for (const auto& m : o.table.metrics) add(m);
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const auto& r = plan.runs[i];
    std::size_t c = 0;
    t.columns[c++].numbers.push_back(static_cast<double>(i));
    t.columns[c++].numbers.push_back(static_cast<double>(r.point));
    t.columns[c++].numbers.push_back(static_cast<double>(r.replication));
    t.columns[c++].numbers.push_back(static_cast<double>(r.seed));
    for (double v : plan.points.at(r.point).values) t.columns[c++].numbers.push_back(v);
    const auto& row = o.table.runs.at(i);
    for (std::size_t k = 0; k < o.table.metrics.size(); ++k) {
      t.columns[c++].numbers.push_back(row.done ? row.values.at(k) : std::nan(""));
    }
  }
  return t;
}

// Per design point and kept metric: point, the parameters' values, metric, mean, ci95, runs.
tidy_table points_table(const sweep_outcome& o) {
  tidy_table t;
  const auto& plan = o.plan;
  t.columns.push_back({"point", true, {}, {}});
  for (const auto& p : plan.parameters) t.columns.push_back({p.name, true, {}, {}});
  t.columns.push_back({"metric", false, {}, {}});
  for (const char* c : {"mean", "ci95", "runs"}) t.columns.push_back({c, true, {}, {}});
  for (std::size_t p = 0; p < plan.points.size(); ++p) {
    for (std::size_t k = 0; k < o.table.metrics.size(); ++k) {
      const estimate& e = o.table.points.at(p).metrics.at(k);
      std::size_t c = 0;
      t.columns[c++].numbers.push_back(static_cast<double>(p));
      for (double v : plan.points[p].values) t.columns[c++].numbers.push_back(v);
      t.columns[c++].texts.push_back(o.table.metrics[k]);
      t.columns[c++].numbers.push_back(e.n > 0 ? e.mean : std::nan(""));
      t.columns[c++].numbers.push_back(e.n > 1 ? e.half_width_95 : std::nan(""));
      t.columns[c++].numbers.push_back(static_cast<double>(e.n));
    }
  }
  return t;
}

// Raises a Python exception of `type` with the C++ message and `diagnostics` (file, line, column, message).
void raise_located(PyObject* type, const scenario_error& e) {
  py::list diagnostics;
  for (const auto& d : e.diagnostics()) {
    diagnostics.append(py::dict("file"_a = d.loc.file, "line"_a = d.loc.line, "column"_a = d.loc.column,
                                "message"_a = d.message, "location"_a = to_string(d.loc)));
  }
  py::object exc = py::reinterpret_borrow<py::object>(type)(std::string(e.what()));
  exc.attr("diagnostics") = diagnostics;
  PyErr_SetObject(type, exc.ptr());
}

}  // namespace
}  // namespace corridor::python

PYBIND11_MODULE(_corridor, m) {
  using namespace corridor;
  using namespace corridor::python;
  m.doc() = "corridor's native module; use the corridor package, which wraps it in DataFrames";
  m.attr("__version__") = CORRIDOR_VERSION;

  // Error types: created once and never freed (the module lives as long as the interpreter).
  static PyObject* scenario_exc =
      py::exception<scenario_error>(m, "ScenarioError", PyExc_ValueError).release().ptr();
  static PyObject* sweep_exc = py::exception<sweep_error>(m, "SweepError", PyExc_ValueError).release().ptr();
  static PyObject* io_exc = py::exception<io_error>(m, "CorridorIOError", PyExc_OSError).release().ptr();
  static PyObject* model_exc =
      py::exception<model_error>(m, "ModelError", PyExc_RuntimeError).release().ptr();
  static PyObject* programme_exc =
      py::exception<programme_error>(m, "ProgrammeError", PyExc_ValueError).release().ptr();
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const scenario_error& e) {
      raise_located(scenario_exc, e);
    } catch (const sweep_error& e) {
      PyErr_SetString(sweep_exc, e.what());
    } catch (const io_error& e) {
      PyErr_SetString(io_exc, e.what());
    } catch (const model_error& e) {
      PyErr_SetString(model_exc, e.what());
    } catch (const programme_error& e) {
      PyErr_SetString(programme_exc, e.what());
    }
  });

  py::class_<override_spec>(m, "Override")
      .def(py::init<std::string, std::string, double>(), "path"_a, "op"_a, "value"_a)
      .def_readonly("path", &override_spec::path)
      .def_readonly("op", &override_spec::op)
      .def_readonly("value", &override_spec::value);

  py::class_<scenario>(m, "Scenario")
      .def_readonly("name", &scenario::name)
      .def_readonly("description", &scenario::description)
      .def_readonly("source_file", &scenario::source_file)
      .def_readonly("seed", &scenario::seed)
      .def_readonly("horizon_days", &scenario::horizon_days)
      .def_readonly("warmup_days", &scenario::warmup_days)
      .def(
          "to_yaml", [](const scenario& s) { return to_yaml(s); },
          "The fully resolved scenario as YAML (what `corridor show` prints)");
  m.def("load", &load, "file"_a, "overrides"_a = std::vector<override_spec>{},
        "overlays"_a = std::vector<std::string>{}, "allow_outside"_a = false);

  py::class_<run_summary, std::shared_ptr<run_summary>>(m, "Summary")
      .def_readonly("scenario_name", &run_summary::scenario_name)
      .def_readonly("scenario_file", &run_summary::scenario_file)
      .def_readonly("seed", &run_summary::seed)
      .def_readonly("replications", &run_summary::replications)
      .def_readonly("events", &run_summary::events)
      .def_readonly("horizon_days", &run_summary::horizon_days)
      .def_readonly("window_days", &run_summary::window_days)
      .def_readonly("warmup_days", &run_summary::warmup_days)
      .def_property_readonly("share_region", [](const run_summary& s) { return s.regions.region; })
      .def_property_readonly("share_key", [](const run_summary& s) { return s.regions.key(); })
      .def_property_readonly("share_region_name", [](const run_summary& s) { return s.share_region_name; })
      .def_property_readonly("route_region", [](const run_summary& s) { return s.regions.route_region; })
      .def("metrics_table", [](const run_summary& s) { return to_python(metrics_table(s)); })
      .def("replications_table", [](const run_summary& s) { return to_python(replications_table(s)); })
      .def("daily_table", [](const run_summary& s) { return to_python(daily_table(s)); })
      .def("routes_table", [](const run_summary& s) { return to_python(routes_table(s)); })
      .def("element_table",
           [](const run_summary& s, const std::string& kind) { return to_python(element_table(s, kind)); })
      .def("write", [](const run_summary& s, const std::filesystem::path& dir) { write_run_outputs(dir, s); })
      .def("write_report", [](const run_summary& s, const std::filesystem::path& dir) {
        report_input in;
        in.run = s;
        return write_report_html(dir, in);
      });
  m.def("run", &run, "scenario"_a, "seed"_a = std::nullopt, "replications"_a = 1, "threads"_a = 0,
        "warmup_days"_a = std::nullopt);

  py::class_<compare_result, std::shared_ptr<compare_result>>(m, "Comparison")
      .def_property_readonly("base_name", [](const compare_result& c) { return c.summary.base_name; })
      .def_property_readonly("variant_name", [](const compare_result& c) { return c.summary.variant_name; })
      .def_property_readonly("seed", [](const compare_result& c) { return c.summary.seed; })
      .def_property_readonly("replications", [](const compare_result& c) { return c.summary.replications; })
      .def_property_readonly("fdr", [](const compare_result& c) { return c.summary.fdr; })
      .def_property_readonly("note", [](const compare_result& c) { return significance_note(c.summary); })
      .def_property_readonly("base",
                             [](const compare_result& c) { return std::make_shared<run_summary>(c.base); })
      .def_property_readonly("variant",
                             [](const compare_result& c) { return std::make_shared<run_summary>(c.variant); })
      .def("differences_table",
           [](const compare_result& c) { return to_python(differences_table(c.summary)); })
      .def("write", [](const compare_result& c, const std::filesystem::path& dir) {
        write_compare_outputs(dir, c.summary);
        write_run_outputs(dir / "base", c.base);
        write_run_outputs(dir / "variant", c.variant);
      });
  m.def("compare", &compare, "base"_a, "variant"_a, "replications"_a = 10, "seed"_a = std::nullopt,
        "threads"_a = 0, "warmup_days"_a = std::nullopt);

  py::class_<multi_compare_result, std::shared_ptr<multi_compare_result>>(m, "MultiComparison")
      .def_property_readonly("count", [](const multi_compare_result& r) { return r.comparisons.size(); })
      .def("ranking_table", [](const multi_compare_result& r) { return to_python(ranking_table(*r.ranked)); })
      .def_property_readonly("rank_metric", [](const multi_compare_result& r) { return r.ranked->metric; })
      .def_property_readonly("higher_is_better",
                             [](const multi_compare_result& r) { return r.ranked->higher_is_better; })
      .def("comparison", [](const multi_compare_result& r,
                            std::size_t i) { return std::make_shared<compare_result>(r.comparisons.at(i)); })
      .def("write", [](const multi_compare_result& r, const std::filesystem::path& dir) {
        write_ranking_outputs(dir, *r.ranked);
        write_run_outputs(dir / "base", r.base);
        for (std::size_t k = 0; k < r.comparisons.size(); ++k) {
          const auto sub = dir / "variants" / std::to_string(k + 1);
          write_compare_outputs(sub, r.comparisons[k].summary);
          write_run_outputs(sub / "variant", r.comparisons[k].variant);
        }
      });
  m.def("compare_many", &compare_many, "base"_a, "variants"_a, "replications"_a = 10, "seed"_a = std::nullopt,
        "threads"_a = 0, "warmup_days"_a = std::nullopt, "rank_by"_a = "metrics.throughput_teu_per_day",
        "higher_is_better"_a = std::nullopt);
  m.def(
      "diff",
      [](const scenario& a, const scenario& b) {
        std::vector<std::tuple<std::string, std::optional<std::string>, std::optional<std::string>>> out;
        for (const auto& d : diff_scenarios(a, b)) out.emplace_back(d.path, d.a, d.b);
        return out;
      },
      "a"_a, "b"_a);
  m.def(
      "map_html", [](const scenario& s) { return map_html(s.name, network_of(s)); }, "scenario"_a);

  py::class_<sweep_spec>(m, "SweepSpec");
  m.def("sweep_file", &sweep_from_file, "file"_a);
  m.def("grid_sweep", &grid_sweep, "scenario"_a, "parameters"_a, "replications"_a = 1,
        "seed"_a = std::nullopt, "metrics"_a = std::vector<std::string>{});
  py::class_<sweep_outcome, std::shared_ptr<sweep_outcome>>(m, "SweepOutcome")
      .def_property_readonly("errors", [](const sweep_outcome& o) { return o.errors; })
      .def_property_readonly("metrics", [](const sweep_outcome& o) { return o.table.metrics; })
      .def("runs_table", [](const sweep_outcome& o) { return to_python(runs_table(o)); })
      .def("points_table", [](const sweep_outcome& o) { return to_python(points_table(o)); })
      .def("effects_table", [](const sweep_outcome& o) { return to_python(effects_table(o)); })
      .def_property_readonly("warnings", [](const sweep_outcome& o) {
        std::vector<std::string> out;
        if (!o.sensitivity) return out;
        out = o.sensitivity->warnings;
        for (const auto& row : o.sensitivity->metrics) {
          for (const auto& w : row.warnings) out.push_back(row.metric + ": " + w);
        }
        return out;
      });
  m.def("sweep", &sweep, "spec"_a, "threads"_a = 0);

  py::class_<appraisal, std::shared_ptr<appraisal>>(m, "Appraisal")
      .def_readonly("programme", &appraisal::programme_name)
      .def_readonly("seed", &appraisal::seed)
      .def_readonly("replications", &appraisal::replications)
      .def_readonly("simulations", &appraisal::simulations)
      .def("cases_table", [](const appraisal& a) { return to_python(cases_table(a)); })
      .def("years_table", [](const appraisal& a) { return to_python(years_table(a)); })
      .def("write",
           [](const appraisal& a, const std::filesystem::path& dir) { write_appraisal_outputs(dir, a); });
  m.def("appraise", &appraise, "programme"_a, "replications"_a = 4, "seed"_a = std::nullopt, "threads"_a = 0);
}

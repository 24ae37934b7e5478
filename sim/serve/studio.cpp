// The studio's API over one scenario: the routes, the base's runs kept by replication count, each request's
// variant run against them with common random numbers, and answers kept by request.
#include <chrono>
#include <list>
#include <map>
#include <mutex>

#include "answers.hpp"
#include "corridor/io.hpp"
#include "corridor/model.hpp"
#include "corridor/parameters.hpp"
#include "corridor/serve.hpp"
#include "corridor/studio_json.hpp"
#include "corridor/study.hpp"
#include "jobs.hpp"
#include "requests.hpp"
#include "web_assets.hpp"

namespace corridor {
namespace {

using detail::request_error;
using ojson = nlohmann::ordered_json;
using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t) {
  return std::chrono::duration<double>(clock_type::now() - t).count();
}

std::string number_json(double v) {
  return ojson(std::isfinite(v) ? v : 0.0).dump();
}

// The base's runs for one replication count and what is drawn from them, made once.
struct base_view {
  std::vector<run_result> runs;
  run_summary summary;
  std::string run_json;
  std::string bottlenecks_json;
};

// `into` with every member of `from` put in, maps merged key by key, `from` winning on anything else.
void merge_into(ojson& into, const ojson& from) {
  for (const auto& [k, v] : from.items()) {
    if (v.is_object() && into.contains(k) && into[k].is_object()) {
      merge_into(into[k], v);
    } else {
      into[k] = v;
    }
  }
}

api_response json_answer(int status, std::string body) {
  return {status, "application/json", std::move(body)};
}

}  // namespace

struct studio::state {
  std::filesystem::path file;
  studio_options opt;
  scenario_document doc;
  std::shared_ptr<const prepared_scenario> base;
  std::string scenario_text;
  detail::job_board jobs;

  std::mutex base_mutex;  // guards base_runs and views
  std::vector<run_result> base_runs;
  std::map<std::size_t, std::shared_ptr<const base_view>> views;

  std::mutex answers_mutex;  // guards answers
  std::list<std::pair<std::string, std::string>> answers;

  state(const std::filesystem::path& f, studio_options o, const load_options& load)
      : file(f),
        opt(o),
        doc(parse_document(read_file(f), f.filename().string(), f.parent_path(), load)),
        base(std::make_shared<prepared_scenario>(apply_edits(doc, {}))),
        scenario_text(scenario_json(base->spec)) {}

  replication_options runs_options(const detail::job_board::ticket* t, std::size_t before,
                                   std::size_t total) {
    replication_options o;
    o.threads = opt.threads;
    o.seed = base->spec.seed;
    if (t != nullptr) {
      o.stop = t->stop;
      o.progress = [this, t = *t, before, total](std::size_t done, std::size_t) {
        jobs.progress(t, before + done, total);
      };
    }
    return o;
  }

  // The base's runs missing for a count, if any: what a job computes before its own runs.
  std::size_t base_missing(std::size_t replications) {
    std::lock_guard lock(base_mutex);
    return replications > base_runs.size() ? replications - base_runs.size() : 0;
  }

  // The base's view for a count, its missing runs made first; a job's ticket (if any) sees their progress as
  // the first of `total` and may stop them.
  std::shared_ptr<const base_view> base_for(std::size_t replications,
                                            const detail::job_board::ticket* t = nullptr,
                                            std::size_t total = 0) {
    std::lock_guard lock(base_mutex);
    if (const auto it = views.find(replications); it != views.end()) return it->second;
    const std::size_t have = base_runs.size();
    if (have < replications) {
      auto more = run_replications(*base, replications - have, have, runs_options(t, 0, total));
      base_runs.insert(base_runs.end(), std::make_move_iterator(more.begin()),
                       std::make_move_iterator(more.end()));
    }
    auto view = std::make_shared<base_view>();
    view->runs.assign(base_runs.begin(), base_runs.begin() + static_cast<std::ptrdiff_t>(replications));
    view->summary = summarize(base->spec, view->runs, base->spec.warmup_days);
    view->run_json = studio_run_json(view->summary);
    view->bottlenecks_json = detail::bottlenecks_json(find_bottlenecks(base->spec, view->summary));
    views.emplace(replications, view);
    return view;
  }

  std::optional<std::string> answer_for(const std::string& key) {
    std::lock_guard lock(answers_mutex);
    for (auto it = answers.begin(); it != answers.end(); ++it) {
      if (it->first != key) continue;
      answers.splice(answers.begin(), answers, it);
      return answers.front().second;
    }
    return std::nullopt;
  }

  void keep_answer(const std::string& key, const std::string& body) {
    std::lock_guard lock(answers_mutex);
    answers.emplace_front(key, body);
    while (answers.size() > opt.answers_kept) answers.pop_back();
  }

  // --- routes ---

  std::string info() const {
    ojson j;
    j["name"] = base->spec.name;
    j["file"] = file.filename().string();
    j["replications"] = opt.replications;
    j["max_replications"] = opt.max_replications;
    j["version"] = CORRIDOR_VERSION;
    j["seed"] = base->spec.seed;
    return j.dump();
  }

  std::string base_answer(const api_request& rq) {
    std::size_t replications = opt.replications;
    if (const auto it = rq.params.find("replications"); it != rq.params.end()) {
      const auto body = detail::read_edit_request("{\"replications\":" + it->second + "}", {},
                                                  opt.replications, opt.max_replications);
      replications = body.replications;
    }
    const auto view = base_for(replications);
    return detail::json_members({{"replications", std::to_string(replications)},
                                 {"run", view->run_json},
                                 {"bottlenecks", view->bottlenecks_json}});
  }

  api_response compare(const api_request& rq) {
    const auto started = clock_type::now();
    auto req = detail::read_edit_request(rq.body, {}, opt.replications, opt.max_replications);
    const auto ticket = jobs.open("compare");
    try {
      if (auto kept = answer_for(req.key)) {
        jobs.close(ticket, "done");
        return json_answer(200, std::move(*kept));
      }
      const prepared_scenario variant(apply_edits(doc, detail::scenario_edits(req.overlay, req.edits)));
      const double prepare_s = seconds_since(started);
      const auto lock = jobs.compute(ticket);
      const std::size_t missing = base_missing(req.replications), total = missing + req.replications;
      const auto view = base_for(req.replications, &ticket, total);
      const auto runs_started = clock_type::now();
      auto runs = run_replications(variant, req.replications, 0, runs_options(&ticket, missing, total));
      const double runs_s = seconds_since(runs_started);
      const auto answer_started = clock_type::now();
      const compare_result r =
          compare_runs(base->spec, view->runs, variant.spec, std::move(runs), runs_options(nullptr, 0, 0));
      std::string comparison = studio_comparison_json(r.summary);
      std::string variant_json = studio_run_json(r.variant);
      std::string bottlenecks = detail::json_members(
          {{"base", view->bottlenecks_json},
           {"variant", detail::bottlenecks_json(find_bottlenecks(variant.spec, r.variant))}});
      const std::string timing =
          detail::json_members({{"prepare_seconds", number_json(prepare_s)},
                                {"runs_seconds", number_json(runs_s)},
                                {"answer_seconds", number_json(seconds_since(answer_started))},
                                {"total_seconds", number_json(seconds_since(started))}});
      std::string body = detail::json_members({{"job", std::to_string(ticket.id)},
                                               {"replications", std::to_string(req.replications)},
                                               {"timing", timing},
                                               {"comparison", std::move(comparison)},
                                               {"base", view->run_json},
                                               {"variant", std::move(variant_json)},
                                               {"bottlenecks", std::move(bottlenecks)}});
      keep_answer(req.key, body);
      jobs.close(ticket, "done");
      return json_answer(200, std::move(body));
    } catch (const study_cancelled&) {
      jobs.close(ticket, "cancelled");
      throw;
    } catch (...) {
      jobs.close(ticket, "failed");
      throw;
    }
  }

  // The scale_demand of `overlay` multiplied by `factor` (a number, or the factor of {factor, flows}).
  static ojson scaled(ojson overlay, double factor) {
    auto it = overlay.find("scale_demand");
    if (it == overlay.end()) {
      overlay["scale_demand"] = factor;
    } else if (it->is_number()) {
      *it = it->get<double>() * factor;
    } else if (it->is_object() && it->contains("factor") && (*it)["factor"].is_number()) {
      (*it)["factor"] = (*it)["factor"].get<double>() * factor;
    } else {
      throw request_error(400, "overlay.scale_demand: a number or {factor, flows} to search from");
    }
    return overlay;
  }

  api_response capacity(const api_request& rq) {
    auto req = detail::read_edit_request(rq.body, {"threshold_days", "min_factor", "max_factor", "tolerance"},
                                         2, opt.max_replications);
    const double threshold = detail::number_field(req.body, "threshold_days", NAN, 0.0, 1e5);
    if (!std::isfinite(threshold))
      throw request_error(400, "threshold_days: the p95 transit, in days, to search for");
    const double min_factor = detail::number_field(req.body, "min_factor", 0.25, 0.01, 1.0);
    const double max_factor = detail::number_field(req.body, "max_factor", 4.0, 1.0, 100.0);
    const double tolerance = detail::number_field(req.body, "tolerance", 0.02, 0.001, 1.0);
    const auto ticket = jobs.open("capacity");
    try {
      apply_edits(doc,
                  detail::scenario_edits(scaled(req.overlay, 1.0), req.edits));  // a bad request: 400 now
      const auto lock = jobs.compute(ticket);
      const std::string metric = "metrics.transit_days_p95";
      std::size_t probes = 0;
      const auto evaluate = [&](double factor) {
        const prepared_scenario p(
            apply_edits(doc, detail::scenario_edits(scaled(req.overlay, factor), req.edits)));
        const std::size_t r = req.replications;
        const auto runs = run_replications(p, r, 0, runs_options(&ticket, probes * r, (probes + 4) * r));
        ++probes;
        for (const auto& s : summarize_runs(runs)) {
          if (s.name == metric) return capacity_probe{factor, s.mean, s.half_width_95};
        }
        throw std::logic_error("capacity: the runs have no " + metric);
      };
      const capacity_search found = find_capacity(evaluate, threshold, min_factor, max_factor, tolerance);
      jobs.close(ticket, "done");
      return json_answer(200, detail::json_members({{"job", std::to_string(ticket.id)},
                                                    {"replications", std::to_string(req.replications)},
                                                    {"search", detail::capacity_json(found, metric)}}));
    } catch (const study_cancelled&) {
      jobs.close(ticket, "cancelled");
      throw;
    } catch (...) {
      jobs.close(ticket, "failed");
      throw;
    }
  }

  api_response export_overlay(const api_request& rq) {
    const auto req = detail::read_edit_request(rq.body, {"extends"}, opt.replications, opt.max_replications);
    std::string extends = file.filename().string();
    if (const auto it = req.body.find("extends"); it != req.body.end()) {
      if (!it->is_string() || it->get<std::string>().empty())
        throw request_error(400, "extends: the path the exported overlay names as its base");
      extends = it->get<std::string>();
    }
    const scenario variant = apply_edits(doc, detail::scenario_edits(req.overlay, req.edits));
    // The edits as the fields they touch (edits_overlay_yaml), over the overlay: edits apply after it.
    ojson merged = req.overlay;
    merge_into(merged, ojson::parse(overlay_json(edits_overlay_yaml(doc, req.edits, extends))));
    ojson ordered;
    ordered["extends"] = extends;
    for (const auto& [k, v] : merged.items()) {
      if (k != "extends") ordered[k] = v;
    }
    const std::string stem = file.stem().string() + "-studio";
    const std::size_t n = req.edits.size();
    std::string made = n == 0 ? std::string() : std::to_string(n) + (n == 1 ? " edit" : " edits");
    if (!req.overlay.empty()) made += made.empty() ? "an overlay" : " and an overlay";
    const std::string yaml =
        overlay_yaml(ordered.dump(), "Made in corridor serve from " + file.filename().string() +
                                         (made.empty() ? std::string(" (no edits)") : " (" + made + ")") +
                                         ".\nRun: corridor run " + stem + ".yaml, saved next to " +
                                         file.filename().string());
    if (extends == file.filename().string()) {
      try {
        load_scenario_text(yaml, stem + ".yaml", file.parent_path());
      } catch (const scenario_error& e) {
        throw std::logic_error(std::string("the exported overlay does not load: ") + e.what());
      }
    }
    ojson out;
    out["file_name"] = stem + ".yaml";
    out["extends"] = extends;
    out["yaml"] = yaml;
    out["variant"] = variant.name;
    return json_answer(200, out.dump());
  }

  api_response asset(const std::string& name) const {
    struct entry {
      const char* name;
      const std::string_view* text;
      const char* type;
    };
    static const entry assets[] = {
        {"studio.css", &serve_web::web_studio_css, "text/css; charset=utf-8"},
        {"studio-base.js", &serve_web::web_studio_base_js, "text/javascript; charset=utf-8"},
        {"studio-map.js", &serve_web::web_studio_map_js, "text/javascript; charset=utf-8"},
        {"studio-controls.js", &serve_web::web_studio_controls_js, "text/javascript; charset=utf-8"},
        {"studio-results.js", &serve_web::web_studio_results_js, "text/javascript; charset=utf-8"},
        {"studio-main.js", &serve_web::web_studio_main_js, "text/javascript; charset=utf-8"},
        {"countries-110m.json", &serve_web::web_countries_110m_json, "application/json"},
    };
    for (const auto& a : assets) {
      if (name == a.name) return {200, a.type, std::string(*a.text)};
    }
    return json_answer(404, detail::error_json("no such file: /static/" + name));
  }

  api_response route(const api_request& rq) {
    const bool get = rq.method == "GET" || rq.method == "HEAD", post = rq.method == "POST";
    const auto only = [&](bool ok, const char* allowed) {
      if (!ok) throw request_error(405, rq.path + " takes " + allowed);
    };
    if (rq.path == "/" || rq.path == "/index.html") {
      only(get, "GET");
      return {200, "text/html; charset=utf-8", std::string(serve_web::web_studio_html)};
    }
    if (rq.path.rfind("/static/", 0) == 0) {
      only(get, "GET");
      return asset(rq.path.substr(8));
    }
    if (rq.path == "/api/info") return only(get, "GET"), json_answer(200, info());
    if (rq.path == "/api/scenario") return only(get, "GET"), json_answer(200, scenario_text);
    if (rq.path == "/api/progress")
      return only(get, "GET"), json_answer(200, detail::progress_json(jobs.view()));
    if (rq.path == "/api/base") return only(get, "GET"), json_answer(200, base_answer(rq));
    if (rq.path == "/api/compare") return only(post, "POST"), compare(rq);
    if (rq.path == "/api/capacity") return only(post, "POST"), capacity(rq);
    if (rq.path == "/api/export") return only(post, "POST"), export_overlay(rq);
    throw request_error(404, "no such endpoint: " + rq.path);
  }
};

studio::studio(const std::filesystem::path& scenario_file, studio_options options, const load_options& load)
    : state_(std::make_unique<state>(scenario_file, options, load)) {}

studio::~studio() = default;

const studio_options& studio::options() const noexcept {
  return state_->opt;
}

void studio::warm() {
  const auto ticket = state_->jobs.open("base");
  const auto lock = state_->jobs.compute(ticket);
  state_->base_for(state_->opt.replications, &ticket, state_->base_missing(state_->opt.replications));
  state_->jobs.close(ticket, "done");
}

api_response studio::handle(const api_request& request) {
  try {
    if (request.body.size() > state_->opt.max_body_bytes) {
      throw request_error(413, "the request body has " + std::to_string(request.body.size()) +
                                   " bytes; the limit is " + std::to_string(state_->opt.max_body_bytes));
    }
    return state_->route(request);
  } catch (const request_error& e) {
    return json_answer(e.status(), detail::error_json(e.what()));
  } catch (const scenario_error& e) {
    return json_answer(400, detail::error_json(e.what(), e.diagnostics()));
  } catch (const study_cancelled&) {
    return json_answer(409, detail::error_json("cancelled: a newer request replaced this one"));
  } catch (const std::exception& e) {
    return json_answer(500, detail::error_json(std::string("internal error: ") + e.what()));
  } catch (...) {
    return json_answer(500, detail::error_json("internal error"));
  }
}

}  // namespace corridor

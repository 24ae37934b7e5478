// The studio's API (corridor::studio::handle) without HTTP: every endpoint's answer, that a compare answers
// with the numbers compare_scenarios gives, that bad requests are answered 4xx in the loader's words, and
// that the exported overlay loads as the scenario the edits make.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include "corridor/model.hpp"
#include "corridor/parameters.hpp"
#include "corridor/serve.hpp"
#include "corridor/studio_json.hpp"
#include "corridor/study.hpp"
#include "serve_fixture.hpp"

namespace corridor {
namespace {

using nlohmann::json;

api_request get(const std::string& path) {
  return {"GET", path, {}, ""};
}
api_request post(const std::string& path, const std::string& body) {
  return {"POST", path, {}, body};
}

class studio_api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    file_ = new std::filesystem::path(test::write_small_scenario("studio-api"));
    studio_options o;
    o.replications = 3;
    o.max_replications = 8;
    o.max_body_bytes = 4096;
    app_ = new studio(*file_, o);
    app_->warm();  // the base's 3 runs, as corridor serve makes them before it serves
  }
  static void TearDownTestSuite() {
    delete app_;
    delete file_;
  }
  static json answer(const api_request& rq, int status = 200) {
    const api_response r = app_->handle(rq);
    EXPECT_EQ(r.status, status) << rq.path << " " << rq.body << " -> " << r.body;
    return json::parse(r.body);
  }
  static std::filesystem::path* file_;
  static studio* app_;
};
std::filesystem::path* studio_api::file_ = nullptr;
studio* studio_api::app_ = nullptr;

TEST_F(studio_api, info_names_the_scenario_and_the_replication_counts) {
  const json j = answer(get("/api/info"));
  EXPECT_EQ(j["name"], "small");
  EXPECT_EQ(j["file"], "small.yaml");
  EXPECT_EQ(j["replications"], 3);
  EXPECT_EQ(j["max_replications"], 8);
  EXPECT_EQ(j["seed"], 7);
}

TEST_F(studio_api, scenario_is_the_resolved_file_as_json) {
  const json j = answer(get("/api/scenario"));
  EXPECT_EQ(j["nodes"]["dostyk"]["tracks"], 2);
  EXPECT_EQ(j["nodes"]["dostyk"]["kind"], "crossing");
  EXPECT_EQ(j["edges"]["xian-dostyk"]["distance_km"], 2900);
  EXPECT_EQ(j["flows"]["xian-lodz"]["teu_per_week"], 400);
}

TEST_F(studio_api, base_has_the_runs_summary_and_what_binds) {
  const json j = answer(get("/api/base"));
  EXPECT_EQ(j["replications"], 3);
  EXPECT_GT(j["run"]["summary"]["metrics"]["throughput_teu_per_day"].get<double>(), 0.0);
  EXPECT_EQ(j["run"]["daily"]["day"].size(), j["run"]["daily"]["teu_delivered"].size());
  ASSERT_TRUE(j["run"]["daily"]["queues"].contains("dostyk"));
  ASSERT_EQ(j["bottlenecks"].size(), 1u);  // the one crossing; no slotted line, no ferry
  EXPECT_EQ(j["bottlenecks"][0]["id"], "dostyk");
  EXPECT_EQ(j["bottlenecks"][0]["binding"], "tracks");
  const double use = j["bottlenecks"][0]["use"];
  EXPECT_GT(use, 0.0);
  EXPECT_NEAR(j["bottlenecks"][0]["headroom"].get<double>(), 1.0 - use, 1e-12);
  // Another count is its own base, made from the first runs and more.
  EXPECT_EQ(answer({"GET", "/api/base", {{"replications", "2"}}, ""})["replications"], 2);
  answer({"GET", "/api/base", {{"replications", "99"}}, ""}, 400);
}

TEST_F(studio_api, compare_without_edits_differs_by_nothing) {
  const json j = answer(post("/api/compare", "{}"));
  EXPECT_EQ(j["replications"], 3);
  ASSERT_FALSE(j["comparison"]["rows"].empty());
  for (const auto& row : j["comparison"]["rows"]) {
    EXPECT_EQ(row["diff"], 0.0) << row["name"];  // common random numbers: the same runs
    EXPECT_EQ(row["significant"], false) << row["name"];
  }
}

TEST_F(studio_api, compare_answers_what_compare_scenarios_gives) {
  const json j = answer(
      post("/api/compare", R"({"edits": [{"path": "nodes.dostyk.tracks", "value": 1}], "replications": 4})"));
  scenario v = load_scenario(*file_);
  v.nodes[1].crossing.tracks = 1;
  const compare_result expected =
      compare_scenarios(prepared_scenario(load_scenario(*file_)), prepared_scenario(std::move(v)), 4);
  const json rows = j["comparison"]["rows"];
  ASSERT_EQ(rows.size(), expected.summary.metrics.size());
  bool some_real = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const metric_difference& m = expected.summary.metrics[i];
    EXPECT_EQ(rows[i]["name"], m.name);
    EXPECT_DOUBLE_EQ(rows[i]["diff"].get<double>(), m.difference) << m.name;
    EXPECT_DOUBLE_EQ(rows[i]["half_width_95"].get<double>(), m.paired_half_width_95) << m.name;
    some_real = some_real || rows[i]["significant"].get<bool>();
  }
  EXPECT_TRUE(some_real);  // one track of two is a real change
  EXPECT_DOUBLE_EQ(j["variant"]["summary"]["metrics"]["transit_days_mean"].get<double>(),
                   metric(expected.variant, "metrics.transit_days_mean").mean);
  // Progress tells the job ended with every replication done: the base's fourth (it had 3), the variant's 4.
  const json p = answer(get("/api/progress"));
  EXPECT_EQ(p["kind"], "compare");
  EXPECT_EQ(p["state"], "done");
  EXPECT_EQ(p["done"], 5);
  EXPECT_EQ(p["total"], 5);
}

TEST_F(studio_api, an_overlay_and_an_edit_make_the_same_variant) {
  const json by_edit =
      answer(post("/api/compare", R"({"edits": [{"path": "nodes.dostyk.tracks", "value": 3}]})"));
  const json by_overlay =
      answer(post("/api/compare", R"({"overlay": {"nodes": {"dostyk": {"tracks": 3}}}})"));
  EXPECT_EQ(by_edit["comparison"]["rows"], by_overlay["comparison"]["rows"]);
}

TEST_F(studio_api, bad_requests_are_refused_with_what_is_wrong) {
  const auto error = [](const api_request& rq, int status) {
    return answer(rq, status)["error"].get<std::string>();
  };
  EXPECT_NE(error(post("/api/compare", "{not json"), 400).find("not JSON"), std::string::npos);
  EXPECT_NE(error(post("/api/compare", "[1]"), 400).find("not a JSON object"), std::string::npos);
  EXPECT_NE(error(post("/api/compare", R"({"overlays": {}})"), 400).find("unknown key 'overlays'"),
            std::string::npos);
  EXPECT_NE(error(post("/api/compare", R"({"replications": 9})"), 400).find("from 1 to 8"),
            std::string::npos);
  EXPECT_NE(error(post("/api/compare", R"({"replications": 0})"), 400).find("from 1 to 8"),
            std::string::npos);
  EXPECT_NE(error(post("/api/compare", R"({"overlay": {"extends": "x.yaml"}})"), 400).find("'extends'"),
            std::string::npos);
  EXPECT_NE(error(post("/api/compare", R"({"edits": [{"path": "nodes.dostyk.tracks"}]})"), 400).find("value"),
            std::string::npos);
  // An unknown id: the parameter path's message, with the closest id.
  const json unknown =
      answer(post("/api/compare", R"({"edits": [{"path": "nodes.dostik.tracks", "value": 3}]})"), 400);
  EXPECT_NE(unknown["error"].get<std::string>().find("did you mean 'dostyk'"), std::string::npos);
  EXPECT_EQ(unknown["diagnostics"][0]["where"], "edits[0]");
  // A negative capacity: the loader's own message for the same file, placed in the request's overlay.
  const json negative =
      answer(post("/api/compare", R"({"overlay": {"nodes": {"dostyk": {"tracks": -2}}}})"), 400);
  std::string loader_message;
  try {
    load_scenario_text("extends: small.yaml\nnodes:\n  dostyk: {tracks: -2}\n", "variant.yaml",
                       file_->parent_path());
  } catch (const scenario_error& e) {
    loader_message = e.diagnostics().at(0).message;
  }
  ASSERT_FALSE(loader_message.empty());
  ASSERT_EQ(negative["diagnostics"].size(), 1u);
  EXPECT_EQ(negative["diagnostics"][0]["message"], loader_message);
  EXPECT_EQ(negative["diagnostics"][0]["where"].get<std::string>().rfind("overlay:", 0), 0u);
  EXPECT_EQ(negative["error"].get<std::string>().find(file_->string()), std::string::npos);  // no server path
  // Size, routes and methods.
  EXPECT_NE(error(post("/api/compare", std::string(5000, ' ')), 413).find("limit is 4096"),
            std::string::npos);
  EXPECT_NE(error(get("/api/nothing"), 404).find("/api/nothing"), std::string::npos);
  EXPECT_NE(error(get("/api/compare"), 405).find("takes POST"), std::string::npos);
  EXPECT_NE(error(get("/static/nothing.js"), 404).find("nothing.js"), std::string::npos);
}

TEST_F(studio_api, the_page_and_its_assets_are_served_from_the_binary) {
  const api_response page = app_->handle(get("/"));
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<title>corridor studio</title>"), std::string::npos);
  EXPECT_EQ(page.body.find("http://"), std::string::npos);  // nothing from the network
  EXPECT_EQ(page.body.find("https://"), std::string::npos);
  for (const char* name : {"studio.css", "studio-base.js", "studio-map.js", "studio-controls.js",
                           "studio-results.js", "studio-main.js"}) {
    const api_response r = app_->handle(get(std::string("/static/") + name));
    EXPECT_EQ(r.status, 200) << name;
    EXPECT_GT(r.body.size(), 100u) << name;
  }
  const api_response outlines = app_->handle(get("/static/countries-110m.json"));
  ASSERT_EQ(outlines.status, 200);
  const json topo = json::parse(outlines.body);
  ASSERT_TRUE(topo.is_object()) << "the build had no npm: no country outlines";
  EXPECT_EQ(topo["type"], "Topology");
  EXPECT_GT(topo["objects"]["countries"]["geometries"].size(), 150u);
}

TEST_F(studio_api, export_writes_an_overlay_that_loads_as_the_edited_scenario) {
  const std::string body =
      R"({"overlay": {"nodes": {"dostyk": {"transshipment_h": {"dist": "exponential", "mean": 6}}}},
          "edits": [{"path": "nodes.dostyk.tracks", "value": 3}, {"path": "flows.*.teu_per_week", "op": "scale", "value": 1.5}]})";
  const json j = answer(post("/api/export", body));
  EXPECT_EQ(j["file_name"], "small-studio.yaml");
  EXPECT_EQ(j["extends"], "small.yaml");
  const std::string yaml = j["yaml"];
  EXPECT_EQ(yaml.rfind("# Made in corridor serve from small.yaml (2 edits and an overlay).\n", 0), 0u)
      << yaml;
  const scenario exported = load_scenario_text(yaml, "small-studio.yaml", file_->parent_path());
  EXPECT_EQ(exported.nodes[1].crossing.tracks, 3);
  EXPECT_DOUBLE_EQ(exported.flows[0].teu_per_week, 600.0);
  // Key for key what the studio compares: the same overlay and edits through apply_edits.
  std::ifstream in(*file_);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  scenario edited = apply_edits(
      parse_document(text, "small.yaml", file_->parent_path()),
      {overlay_edit{R"({"nodes": {"dostyk": {"transshipment_h": {"dist": "exponential", "mean": 6}}}})",
                    "overlay"},
       parameter_edit{"nodes.dostyk.tracks", param_op::set, 3.0, {}},
       parameter_edit{"flows.*.teu_per_week", param_op::scale, 1.5, {}}});
  scenario named = edited;
  named.name = "small-studio";  // a file without a name is named after itself
  EXPECT_EQ(scenario_json(exported), scenario_json(named));
}

// A compare still running is stopped by a newer one (between replications) and answered 409; the newer one
// is answered, and progress shows it, its base runs counted first.
TEST(studio_jobs, a_newer_compare_stops_the_one_still_running) {
  studio_options o;
  o.replications = 1;
  o.max_replications = 8;
  o.threads = 1;  // replications one after another: the first compare takes 15 of them
  studio app(test::write_small_scenario("studio-cancel", 20000), o);
  app.warm();
  api_response first;
  std::thread older([&] {
    first = app.handle(post(
        "/api/compare", R"({"replications": 8, "edits": [{"path": "nodes.dostyk.tracks", "value": 1}]})"));
  });
  for (;;) {  // until the older compare has finished a replication (7 of the base's, then 8 of its own)
    const json p = json::parse(app.handle(get("/api/progress")).body);
    if (p["kind"] == "compare" && p["done"].get<int>() >= 1) {
      EXPECT_EQ(p["total"], 15);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const api_response newer = app.handle(post("/api/compare", R"({"replications": 1})"));
  older.join();
  EXPECT_EQ(first.status, 409) << first.body;
  EXPECT_NE(json::parse(first.body)["error"].get<std::string>().find("newer request"), std::string::npos);
  EXPECT_EQ(newer.status, 200) << newer.body;
  const json p = json::parse(app.handle(get("/api/progress")).body);
  EXPECT_EQ(p["state"], "done");
  EXPECT_EQ(p["done"], 1);
  EXPECT_EQ(p["total"], 1);
}

}  // namespace
}  // namespace corridor

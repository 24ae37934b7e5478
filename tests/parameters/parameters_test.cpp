// Parameter paths and overlay edits on the scenario's located tree: what they address, what they change,
// and where their problems are reported.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "corridor/parameters.hpp"

namespace corridor {
namespace {

const std::filesystem::path scenarios = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "scenarios";

// two-terminals.yaml as written (defaults not spelled out): xian -> dostyk (a crossing) -> lodz.
scenario_document toy() {
  std::ifstream in(scenarios / "two-terminals.yaml");
  std::stringstream text;
  text << in.rdbuf();
  return parse_document(text.str(), "two-terminals.yaml", scenarios);
}

parameter_edit set(const std::string& path, double v, source_loc loc = {}) {
  return {path, param_op::set, v, std::move(loc)};
}

scenario_error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const scenario_error& e) {
    return e;
  }
  ADD_FAILURE() << "no scenario_error";
  return scenario_error({});
}

TEST(parameters, set_a_crossing_field_and_leave_everything_else_as_the_file_has_it) {
  const scenario s = apply_edits(toy(), {set("nodes.dostyk.tracks", 5)});
  EXPECT_EQ(s.find_node("dostyk")->crossing.tracks, 5);
  EXPECT_EQ(s.find_edge("dostyk-lodz")->distance_km, 6000.0);
  EXPECT_EQ(s.name, "two-terminals");
}

TEST(parameters, scale_every_entry_a_wildcard_reaches) {
  const scenario s = apply_edits(toy(), {parameter_edit{"flows.*.teu_per_week", param_op::scale, 1.5, {}}});
  EXPECT_EQ(s.flows.at(0).teu_per_week, 600.0);
}

TEST(parameters, expand_aliases_and_wildcards_to_concrete_paths_in_file_order) {
  const auto doc = toy();
  EXPECT_EQ(resolve_parameter(doc, "crossings.*.tracks", param_op::scale),
            std::vector<std::string>{"nodes.dostyk.tracks"});
  EXPECT_EQ(resolve_parameter(doc, "edges.*.distance_km", param_op::set),
            (std::vector<std::string>{"edges.xian-dostyk.distance_km", "edges.dostyk-lodz.distance_km"}));
  EXPECT_EQ(parameter_value(doc, "edges.dostyk-lodz.speed_km_per_day"), 1000.0);
}

TEST(parameters, set_a_field_the_file_left_at_its_default_but_refuse_to_scale_it) {
  const scenario s = apply_edits(toy(), {set("nodes.dostyk.daily_cap_trains", 12)});
  EXPECT_EQ(s.find_node("dostyk")->crossing.daily_cap_trains, 12);
  const auto e = error_of([] {
    apply_edits(toy(), {parameter_edit{"nodes.dostyk.daily_cap_trains", param_op::scale, 2, {}}});
  });
  EXPECT_NE(std::string(e.what()).find("set it instead"), std::string::npos) << e.what();
}

TEST(parameters, name_an_unknown_id_or_key_where_the_edit_was_written_with_the_closest_name) {
  const source_loc at{"sweep.yaml", 4, 3};
  const auto key = error_of([&] { resolve_parameter(toy(), "nodes.dostyk.trakcs", param_op::set, at); });
  ASSERT_EQ(key.diagnostics().size(), 1u);
  EXPECT_EQ(key.diagnostics()[0].loc.line, 4);
  EXPECT_EQ(
      std::string(key.what()),
      "sweep.yaml:4:3: error: parameter path 'nodes.dostyk.trakcs': no 'trakcs' in 'nodes.dostyk'; did you "
      "mean 'tracks'? (it has: kind, country, lat, lon, tracks, transshipment_h)");
  const auto id = error_of([&] { resolve_parameter(toy(), "nodes.dostk.tracks", param_op::set, at); });
  EXPECT_NE(std::string(id.what()).find("did you mean 'dostyk'?"), std::string::npos) << id.what();
}

TEST(parameters, refuse_a_node_of_another_kind_behind_an_alias_and_a_map_as_a_value) {
  const auto kind = error_of([] { resolve_parameter(toy(), "crossings.xian.country", param_op::set); });
  EXPECT_NE(std::string(kind.what()).find("'nodes.xian' is not one of the crossings"), std::string::npos);
  const auto map = error_of([] { resolve_parameter(toy(), "nodes.dostyk", param_op::set); });
  EXPECT_NE(std::string(map.what()).find("is a map; address one of its fields"), std::string::npos);
}

TEST(parameters, report_a_value_out_of_range_at_the_place_of_the_edit_that_set_it) {
  const auto e = error_of([] { apply_edits(toy(), {set("nodes.dostyk.tracks", 0, {"sweep.yaml", 7, 5})}); });
  ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
  EXPECT_EQ(e.diagnostics()[0].loc.file, "sweep.yaml");
  EXPECT_EQ(e.diagnostics()[0].loc.line, 7);
  // An edit made outside any file is reported under its path.
  const auto studio = error_of([] { apply_edits(toy(), {set("nodes.dostyk.tracks", -1)}); });
  EXPECT_EQ(std::string(studio.what()).rfind("nodes.dostyk.tracks: error:", 0), 0u) << studio.what();
}

TEST(parameters, apply_an_overlay_given_as_json_like_a_file_that_extends_the_scenario) {
  const auto doc = toy();
  const scenario s =
      apply_edits(doc, {overlay_edit{R"({"nodes": {"dostyk": {"tracks": 3}}, "scale_demand": 2})", "studio"},
                        set("nodes.dostyk.fee_usd_per_teu", 40)});
  EXPECT_EQ(s.find_node("dostyk")->crossing.tracks, 3);
  EXPECT_EQ(s.find_node("dostyk")->crossing.fee_usd_per_teu, 40.0);
  EXPECT_EQ(s.find_node("dostyk")->lat, 45.25);
  EXPECT_EQ(s.flows.at(0).teu_per_week, 800.0);
  // The document itself is unchanged by any edit.
  EXPECT_EQ(apply_edits(doc, {}).find_node("dostyk")->crossing.tracks, 2);
  const auto e = error_of([&] { apply_edits(doc, {overlay_edit{"extends: other.yaml\n", "studio"}}); });
  EXPECT_NE(std::string(e.what()).find("no 'extends'"), std::string::npos) << e.what();
}

TEST(parameters, write_the_edits_as_an_overlay_that_loads_back_to_the_edited_scenario) {
  const auto doc = toy();
  const std::vector<parameter_edit> edits = {set("nodes.dostyk.tracks", 4), set("route_choice.k_paths", 2),
                                             set("horizon_days", 30),
                                             set("nodes.dostyk.transshipment_h.mean", 5)};
  const std::string text = edits_overlay_yaml(doc, edits, "two-terminals.yaml");
  EXPECT_EQ(text.rfind("extends: two-terminals.yaml\nnodes:\n  dostyk:\n    tracks: 4\n", 0), 0u) << text;
  const scenario loaded = load_scenario_text(text, "fitted.yaml", scenarios);
  const scenario edited = apply_edits(doc, std::vector<scenario_edit>(edits.begin(), edits.end()));
  EXPECT_EQ(loaded.find_node("dostyk")->crossing.tracks, 4);
  EXPECT_EQ(loaded.route_choice.k_paths, edited.route_choice.k_paths);
  EXPECT_EQ(loaded.horizon_days, 30.0);
  // A distribution is written whole: the overlay replaces the field, not one of its parameters.
  EXPECT_NE(text.find("    transshipment_h: {dist: exponential, mean: 5}\n"), std::string::npos) << text;
  EXPECT_EQ(loaded.find_node("dostyk")->crossing.transshipment_h.a, 5.0);
  EXPECT_EQ(edited.find_node("dostyk")->crossing.transshipment_h.a, 5.0);
}

}  // namespace
}  // namespace corridor

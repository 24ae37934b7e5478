#include <gtest/gtest.h>

#include "corridor/sweep.hpp"
#include "sweep_test_support.hpp"

namespace corridor {
namespace {

std::string error_of(const std::string& yaml, const std::string& base = testing::toy_base) {
  try {
    const auto spec = parse_sweep(yaml, "s.yaml", ".");
    plan_sweep(spec, base);
  } catch (const sweep_error& e) {
    return e.what();
  }
  return "";
}

TEST(sweep_file, reads_parameters_design_and_replications) {
  const auto s = parse_sweep(R"(base: base.yaml
parameters:
  dostyk: {path: crossings.dostyk.tracks, values: [1, 2, 3]}
  demand: {path: flows.*.teu_per_week, op: scale, range: {from: 0.8, to: 1.2, step: 0.2}}
replications: 4
metrics: [metrics.throughput_teu_per_day]
constraints: ["dostyk <= 2"]
)",
                             "s.yaml", "/x");
  EXPECT_EQ(s.base, std::filesystem::path("/x/base.yaml"));
  ASSERT_EQ(s.parameters.size(), 2u);
  EXPECT_EQ(s.parameters[1].op, param_op::scale);
  ASSERT_EQ(s.parameters[1].values.size(), 3u);
  EXPECT_DOUBLE_EQ(s.parameters[1].values[2], 1.2);
  EXPECT_EQ(s.replications, 4u);
  EXPECT_EQ(make_design(s).size(), 6u);  // 3 x 3 grid, dostyk = 3 dropped
}

TEST(sweep_file, grid_varies_the_first_parameter_slowest) {
  const auto s = parse_sweep(
      "base: b.yaml\nparameters:\n  a: {path: x, values: [1, 2]}\n  b: {path: y, values: [7, 8, 9]}\n",
      "s.yaml", ".");
  const auto pts = make_design(s);
  ASSERT_EQ(pts.size(), 6u);
  EXPECT_EQ(pts[0].values, (std::vector<double>{1, 7}));
  EXPECT_EQ(pts[1].values, (std::vector<double>{1, 8}));
  EXPECT_EQ(pts[3].values, (std::vector<double>{2, 7}));
}

TEST(sweep_file, unknown_key_is_an_error_with_its_line_and_column) {
  EXPECT_EQ(error_of("base: b.yaml\nparameters:\n  a: {path: nodes.dostyk.tracks, valeus: [1]}\n"),
            "s.yaml:3:34: unknown key 'valeus' in parameter 'a' (expected one of: integer, op, path, range, "
            "values)");
}

TEST(sweep_file, malformed_yaml_is_an_error_with_its_place) {
  EXPECT_NE(error_of("base: b.yaml\nparameters: [\n").find("s.yaml:"), std::string::npos);
}

TEST(sweep_file, unknown_parameter_path_names_the_parameter_and_what_exists) {
  const auto msg = error_of("base: b.yaml\nparameters:\n  t: {path: nodes.dostyk.trakcs, values: [1]}\n");
  EXPECT_EQ(msg,
            "s.yaml:3:3: parameter 't': parameter path 'nodes.dostyk.trakcs': no 'trakcs' in 'nodes.dostyk'; "
            "did you mean 'tracks'? (it has: kind, country, lat, lon, tracks)");
}

TEST(sweep_file, crossing_alias_rejects_a_node_of_another_kind) {
  const auto msg = error_of("base: b.yaml\nparameters:\n  t: {path: crossings.xian.tracks, values: [1]}\n");
  EXPECT_NE(msg.find("'nodes.xian' is not one of the crossings"), std::string::npos) << msg;
}

TEST(sweep_file, a_map_is_not_a_value) {
  const auto msg = error_of("base: b.yaml\nparameters:\n  t: {path: nodes.dostyk, values: [1]}\n");
  EXPECT_NE(msg.find("is a map; address one of its fields"), std::string::npos) << msg;
}

TEST(sweep_file, constraint_on_an_unknown_name_is_an_error) {
  const auto msg =
      error_of("base: b.yaml\nparameters:\n  a: {path: x, values: [1]}\nconstraints: [\"a < zz\"]\n");
  EXPECT_NE(msg.find("'zz' is neither a parameter nor a number"), std::string::npos) << msg;
}

TEST(sweep_file, grid_needs_levels_and_saltelli_needs_n) {
  EXPECT_NE(
      error_of("base: b\nparameters:\n  a: {path: x, range: {from: 0, to: 1}}\n").find("a grid needs values"),
      std::string::npos);
  EXPECT_NE(error_of("base: b\nparameters:\n  a: {path: x, values: [1]}\ndesign: {type: saltelli}\n")
                .find("design saltelli needs n"),
            std::string::npos);
}

TEST(sweep_plan, expands_wildcards_and_aliases_to_concrete_targets) {
  const auto spec = parse_sweep(R"(base: b.yaml
parameters:
  tracks: {path: crossings.*.tracks, values: [3]}
  demand: {path: flows.*.teu_per_week, op: scale, values: [2]}
  ferry: {path: ferries.*.capacity_teu, values: [400]}
  cancel: {path: edges.aktau-alat.cancel_probability_by_month, op: scale, values: [0.5]}
)",
                                "s.yaml", ".");
  const auto plan = plan_sweep(spec, testing::toy_base);
  EXPECT_EQ(plan.targets[0], (std::vector<std::string>{"nodes.dostyk.tracks", "nodes.khorgos.tracks"}));
  EXPECT_EQ(plan.targets[1], (std::vector<std::string>{"flows.a.teu_per_week", "flows.b.teu_per_week"}));
  EXPECT_EQ(plan.targets[2], (std::vector<std::string>{"edges.aktau-alat.capacity_teu"}));
  const scenario s = point_scenario(base_document(plan), plan, 0);
  EXPECT_EQ(s.find_node("khorgos")->crossing.tracks, 3);
  EXPECT_EQ(s.flows.at(1).teu_per_week, 100.0);
  EXPECT_EQ(s.find_edge("aktau-alat")->ferry.capacity_teu, 400.0);
  EXPECT_EQ(s.find_edge("aktau-alat")->ferry.cancel_probability_by_month[1], 0.1);
  EXPECT_EQ(s.find_edge("xian-dostyk")->distance_km, 2900.0);  // untouched
}

}  // namespace
}  // namespace corridor

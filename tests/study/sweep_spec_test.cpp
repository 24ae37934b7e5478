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

// Two parameters both named `p` planned four points, but the manifest kept one `p`: results filed under
// the wrong values. A sweep file's keys are unique like a scenario's, at every level.
TEST(sweep_file, a_duplicate_key_is_an_error_at_its_second_place) {
  EXPECT_EQ(error_of("base: b\nparameters:\n  p: {path: nodes.dostyk.tracks, values: [2, 4]}\n"
                     "  p: {path: nodes.khorgos.tracks, values: [2, 4]}\n"),
            "s.yaml:4:3: duplicate key 'p' (first at line 3)");
  EXPECT_EQ(error_of("base: b\nreplications: 2\nparameters:\n  p: {path: x, values: [1]}\nreplications: 3\n"),
            "s.yaml:5:1: duplicate key 'replications' (first at line 2)");
  EXPECT_EQ(error_of("base: b\nparameters:\n  p: {path: x, values: [1], path: y}\n"),
            "s.yaml:3:29: duplicate key 'path' (first at line 3)");
}

TEST(sweep_file, two_parameters_editing_one_value_are_an_error) {
  EXPECT_EQ(
      error_of("base: b\nparameters:\n  a: {path: crossings.*.tracks, values: [2]}\n"
               "  b: {path: nodes.khorgos.tracks, values: [3]}\n"),
      "s.yaml:4:3: parameter 'b' edits nodes.khorgos.tracks, which parameter 'a' edits too (a value may "
      "have one parameter)");
}

// Sizes are bounded before anything is laid out: a 10^9-point grid or 10^7 replications (a 2.4 GB manifest)
// are refused at the place that asks for them, and an alias bomb is refused before it is walked.
TEST(sweep_file, limits_on_size_points_runs_and_aliases) {
  EXPECT_EQ(error_of("base: b\nparameters:\n"
                     "  a: {path: x, range: {from: 1, to: 1000, step: 1}}\n"
                     "  b: {path: y, range: {from: 1, to: 1000, step: 1}}\n"
                     "  c: {path: z, range: {from: 1, to: 1000, step: 1}}\n"),
            "s.yaml:3:3: the design has more than 1000000 points, the most a sweep may run (see Limits in "
            "docs/sweeps.md)");
  EXPECT_EQ(error_of("base: b\nparameters:\n  a: {path: x, values: [1, 2]}\nreplications: 10000000\n"),
            "s.yaml:4:15: replications must be a whole number from 1 to 1000000, got 10000000");
  EXPECT_EQ(
      error_of("base: b\nparameters:\n  a: {path: x, values: [1, 2]}\nreplications: 600000\n"),
      "s.yaml:4:15: 2 points x 600000 replications are more than 1000000 runs, the most a sweep may run "
      "(see Limits in docs/sweeps.md)");
  EXPECT_NE(error_of("base: b\nparameters:\n  a: {path: x, values: [1]}\ndesign: {type: lhs, n: 1e9}\n")
                .find("design.n must be a whole number from 1 to 1000000"),
            std::string::npos);
  // Ten levels of ten aliases each: 10^10 leaves from 1.5 KB.
  std::string bomb = "base: b\nparameters:\n  a: {path: x, values: [1]}\nmetrics: &l0 [m]\n";
  for (int level = 1; level <= 10; ++level) {
    bomb += "x" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int k = 0; k < 10; ++k) bomb += std::string(k ? ", " : "") + "*l" + std::to_string(level - 1);
    bomb += "]\n";
  }
  EXPECT_NE(error_of(bomb).find("more than 200000 YAML nodes (aliases count what they stand for)"),
            std::string::npos)
      << error_of(bomb);
  EXPECT_EQ(error_of(std::string(2'000'000, '#')),
            "s.yaml:1:1: the sweep file is 2000000 bytes, more than the 1048576 a sweep file may have (see "
            "Limits in docs/sweeps.md)");
}

TEST(sweep_file, integer_parameters_take_whole_numbers_and_seeds_any_64_bit_one) {
  EXPECT_EQ(error_of("base: b\nparameters:\n  a: {path: x, integer: true, values: [1, 2.5]}\n"),
            "s.yaml:3:43: a: integer: true, but 2.5 is not a whole number");
  const auto s = parse_sweep(
      "base: b\nparameters:\n  a: {path: x, values: [1]}\nseed: 18446744073709551615\n", "s.yaml", ".");
  EXPECT_EQ(s.seed, std::uint64_t{18446744073709551615u});
  EXPECT_NE(error_of("base: b\nparameters:\n  a: {path: x, values: [1]}\nseed: -1\n")
                .find("s.yaml:4:7: seed must be a whole number from 0 to 18446744073709551615"),
            std::string::npos);
}

// A value of a whole-number key given 2.5 planned fine and then failed 52 of 53 runs, each located in a
// generated file. Planning tries the design's points on the base and names the sweep file's parameter.
TEST(sweep_plan, a_point_the_validator_rejects_is_an_error_of_the_sweep_file) {
  const auto msg = error_of("base: b\nparameters:\n  t: {path: nodes.dostyk.tracks, values: [1, 2.5]}\n");
  EXPECT_EQ(msg.substr(0, msg.find(" is not a valid scenario")), "s.yaml:3:3: design point 1 (t = 2.5)")
      << msg;
  EXPECT_NE(msg.find("2.5"), std::string::npos) << msg;
  // In a large design the extreme points are checked: 101 tracks is one too many.
  const auto large = error_of(
      "base: b\nparameters:\n  t: {path: nodes.dostyk.tracks, range: {from: 1, to: 101, "
      "step: 1}}\n  k: {path: nodes.khorgos.tracks, values: [1, 2]}\n");
  EXPECT_EQ(large.substr(0, large.find(" is not a valid scenario")),
            "s.yaml:3:3: design point 201 (t = 101, k = 2)")
      << large;
  // A valid design plans.
  EXPECT_EQ(
      error_of(
          "base: b\nparameters:\n  t: {path: nodes.dostyk.tracks, range: {from: 1, to: 100, step: 1}}\n"),
      "");
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

// The loader's resource limits (docs/scenarios.md, "Limits"): hostile or careless input is refused with a
// located error where it crosses a limit, before it costs time or memory; real scenarios never meet them.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "corridor/scenario.hpp"

namespace {

using namespace corridor;
namespace fs = std::filesystem;

const fs::path fixtures = fs::path(CORRIDOR_SOURCE_DIR) / "tests" / "scenario" / "fixtures";

// The only diagnostic of a load that must fail.
scenario_error::diagnostic only_error(const std::function<void()>& load) {
  try {
    load();
  } catch (const scenario_error& e) {
    EXPECT_EQ(e.diagnostics().size(), 1u) << e.what();
    return e.diagnostics().front();
  }
  ADD_FAILURE() << "loaded without error";
  return {};
}

scenario_error::diagnostic only_error_of_text(const std::string& yaml) {
  return only_error([&] { load_scenario_text(yaml, "t.yaml", fixtures); });
}

std::string flow_map_of(std::size_t entries) {
  std::string out = "{";
  for (std::size_t i = 0; i < entries; ++i) out += (i ? ", n" : "n") + std::to_string(i) + ": 0";
  return out + "}";
}

TEST(load_limits, an_alias_bomb_is_refused_before_it_is_expanded) {
  // Ten levels of ten aliases: 10^10 leaves from 570 bytes.
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) yaml += (j ? ", *a" : "*a") + std::to_string(i - 1);
    yaml += "]\n";
  }
  const auto started = std::chrono::steady_clock::now();
  const auto d = only_error_of_text(yaml);
  // Coarse: expanding even 10^7 of the leaves would take far longer than this.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_EQ(d.loc.line, 5);
  EXPECT_NE(d.message.find("alias '*a3' aliases would stand for more than 100000 nodes"), std::string::npos)
      << d.message;
}

TEST(load_limits, an_alias_shared_by_two_crossings_still_loads) {
  const auto s = load_scenario_text(R"(regions: {china: [CN], central_asia: [KZ], europe: [PL]}
cargo_classes: {general: {}}
nodes:
  a: {kind: terminal, country: CN, lat: 34, lon: 109}
  x: {kind: crossing, country: KZ, lat: 45, lon: 82, transshipment_h: &slow {dist: uniform, min: 2, max: 9}}
  y: {kind: crossing, country: KZ, lat: 46, lon: 80, transshipment_h: *slow}
  b: {kind: terminal, country: PL, lat: 52, lon: 21}
edges:
  a-x: {from: a, to: x, distance_km: 3000}
  x-y: {from: x, to: y, distance_km: 300, gauge_mm: 1520}
  y-b: {from: y, to: b, distance_km: 6000}
flows:
  a-b: {from: a, to: b, cargo_class: general, teu_per_week: 100}
)",
                                    "shared.yaml");
  EXPECT_EQ(s.find_node("y")->crossing.transshipment_h.b, 9.0);
}

TEST(load_limits, a_map_past_the_entry_limit_is_refused_at_the_first_entry_too_many) {
  const auto d = only_error_of_text("nodes: " + flow_map_of(80'000) + "\n");
  EXPECT_EQ(d.loc.line, 1);
  // At the key n20000.
  const std::string before = "nodes: " + flow_map_of(20'000).substr(0, flow_map_of(20'000).size() - 1) + ", ";
  EXPECT_EQ(d.loc.column, static_cast<int>(before.size()) + 1);
  EXPECT_EQ(d.message,
            "a map with more than 20000 entries, the loader's limit (see Limits in docs/scenarios.md)");
}

TEST(load_limits, finds_a_duplicate_among_thousands_of_keys) {
  std::string yaml = "regions:\n";
  for (int i = 0; i < 5000; ++i) yaml += "  r" + std::to_string(i) + ": [CN]\n";
  yaml += "  r4321: [KZ]\n";
  try {
    load_scenario_text(yaml, "t.yaml");
    FAIL() << "loaded";
  } catch (const scenario_error& e) {
    const auto& d = e.diagnostics();
    const auto it = std::find_if(d.begin(), d.end(), [](const auto& x) { return x.loc.line == 5002; });
    ASSERT_NE(it, d.end()) << e.what();
    EXPECT_EQ(it->message, "duplicate key 'r4321' (first at line 4323, column 3)");
  }
}

// A chain a - n0 - n1 - ... - b of `count` nodes and edges, with `count` flows from a to b.
std::string chain_scenario(int count) {
  std::string yaml =
      "regions: {china: [CN], central_asia: [KZ], europe: [PL]}\ncargo_classes: {general: {}}\n";
  yaml += "nodes:\n  a: {kind: terminal, country: CN, lat: 34, lon: 109}\n";
  yaml += "  b: {kind: terminal, country: PL, lat: 52, lon: 21}\n";
  for (int i = 0; i < count; ++i)
    yaml += "  n" + std::to_string(i) + ": {kind: junction, country: KZ, lat: 45, lon: 80}\n";
  yaml += "edges:\n";
  std::string previous = "a";
  for (int i = 0; i < count; ++i) {
    yaml += "  e" + std::to_string(i) + ": {from: " + previous + ", to: n" + std::to_string(i) +
            ", distance_km: 1}\n";
    previous = "n" + std::to_string(i);
  }
  yaml += "  last: {from: " + previous + ", to: b, distance_km: 1}\nflows:\n";
  for (int i = 0; i < count; ++i) {
    yaml += "  f" + std::to_string(i) + ": {from: a, to: b, cargo_class: general, teu_per_week: 1}\n";
  }
  return yaml;
}

TEST(load_limits, an_overlay_restating_ten_thousand_entries_of_each_kind_loads_in_linear_time) {
  constexpr int count = 10'000;
  const fs::path dir = fs::path(CORRIDOR_BINARY_DIR) / "test-output" / "large-overlay";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "base.yaml") << chain_scenario(count);
  std::string variant = "extends: base.yaml\nnodes:\n";
  for (int i = 0; i < count; ++i) variant += "  n" + std::to_string(i) + ": {lat: 46}\n";
  std::string removed, scaled;
  for (int i = 0; i < count; ++i) (i % 2 ? scaled : removed) += (i < 2 ? "f" : ", f") + std::to_string(i);
  variant += "remove: [" + removed + "]\nscale_demand: {factor: 2, flows: [" + scaled + "]}\n";
  const auto started = std::chrono::steady_clock::now();
  const auto s = load_scenario_text(variant, "variant.yaml", dir);
  // Coarse: ~1.5 s here; the look-ups by scanning it replaced took 45 s at this size.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(40));
  EXPECT_EQ(s.nodes.size(), count + 2u);
  EXPECT_EQ(s.find_node("n9999")->lat, 46.0);
  ASSERT_EQ(s.flows.size(), count / 2u);
  EXPECT_EQ(s.flows.front().id, "f1");
  EXPECT_EQ(s.flows.front().teu_per_week, 2.0);
}

TEST(load_limits, ten_thousand_dangling_references_cost_fifty_suggestions_not_ten_thousand) {
  std::string yaml = "regions: {china: [CN], central_asia: [KZ], europe: [PL]}\nnodes:\n";
  for (int i = 0; i < 10'000; ++i)
    yaml += "  n" + std::to_string(i) + ": {kind: junction, country: KZ, lat: 45, lon: 80}\n";
  yaml += "edges:\n";
  for (int i = 0; i < 10'000; ++i) {
    yaml += "  e" + std::to_string(i) + ": {from: m" + std::to_string(i) + ", to: n" + std::to_string(i) +
            ", distance_km: 1}\n";
  }
  const auto started = std::chrono::steady_clock::now();
  try {
    load_scenario_text(yaml, "t.yaml");
    FAIL() << "loaded";
  } catch (const scenario_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 50u);
    EXPECT_EQ(e.diagnostics().front().message, "edge 'e0' refers to unknown node 'm0'; did you mean 'n0'?");
  }
  // Coarse: ~1 s; a did-you-mean among 10,000 ids for each of 10,000 references took 40 s.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

TEST(load_limits, too_many_nodes_in_all_is_refused_where_the_count_is_crossed) {
  // 50 lists, each under the entry limit, hold 999,950 scalars: with the keys and lists, more than the
  // 1,000,000 nodes a load may have.
  std::string list = "[0";
  for (int i = 1; i < 19'999; ++i) list += ",0";
  list += "]";
  std::string yaml;
  for (int i = 0; i < 50; ++i) yaml += "k" + std::to_string(i) + ": " + list + "\n";
  const auto d = only_error_of_text(yaml);
  EXPECT_EQ(d.loc.line, 50);  // the root and 49 lines of 20,001 nodes (key, list, items): 980,050
  EXPECT_EQ(d.message, "more than 1000000 YAML nodes, the loader's limit (see Limits in docs/scenarios.md)");
}

TEST(load_limits, text_beyond_the_size_limit_is_refused_without_parsing) {
  const std::string yaml(5u << 20, '[');  // would also nest far too deep, were it read
  const auto d = only_error_of_text(yaml);
  EXPECT_EQ(d.loc.line, 0);
  EXPECT_EQ(
      d.message,
      "a file of 5242880 bytes takes the scenario beyond 4194304 bytes (4 MiB) of YAML, bases included, the "
      "loader's limit (see Limits in docs/scenarios.md)");
}

TEST(load_limits, an_extends_chain_longer_than_the_limit_is_refused_at_the_link_past_it) {
  const fs::path dir = fs::path(CORRIDOR_BINARY_DIR) / "test-output" / "long-chain";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(fixtures / "minimal.yaml", dir / "v0.yaml");
  for (int i = 1; i <= 17; ++i) {
    std::ofstream(dir / ("v" + std::to_string(i) + ".yaml")) << "extends: v" << i - 1 << ".yaml\n";
  }
  EXPECT_EQ(load_scenario(dir / "v15.yaml").nodes.size(), 3u);  // 16 files
  const auto d = only_error([&] { load_scenario(dir / "v16.yaml"); });
  EXPECT_EQ(d.loc.file, (dir / "v1.yaml").string());
  EXPECT_EQ(d.message,
            "more than 16 files in one extends chain, the loader's limit (see Limits in docs/scenarios.md)");
}

TEST(load_messages, lines_ended_by_a_bare_carriage_return_read_as_lines) {
  const std::string yaml = "extends: minimal.yaml\rhorizon_days: 30\rseed: -4\r";
  const auto d = only_error_of_text(yaml);
  EXPECT_EQ(d.loc.line, 3);
  EXPECT_EQ(d.message, "seed must be >= 0, got -4");
  const auto s = load_scenario_text("extends: minimal.yaml\rhorizon_days: 30\r", "cr.yaml", fixtures);
  EXPECT_EQ(s.horizon_days, 30.0);
}

TEST(load_messages, a_whole_file_read_as_one_scalar_is_echoed_only_in_part) {
  std::string passwd;
  for (int i = 0; i < 40; ++i) passwd += "user" + std::to_string(i) + ":x:1000:1000::home-u:nologin\n";
  const auto d = only_error_of_text(passwd);
  EXPECT_EQ(d.message,
            "expected a map of scenario keys, got 'user0:x:1000:1000::home-u:nologin "
            "user1:x:1000:1000::home-u:nolo'"
            "... (" +
                std::to_string(passwd.size() - 1) + " characters)");
}

}  // namespace

// `extends` as a hostile or careless file would use it: bases outside the scenario's folder tree are refused
// unless allowed, a file that is not a scenario is reported once and never echoed, and a bad or missing base
// gives one clear error that shows the path it tried.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "corridor/scenario.hpp"

namespace {

using namespace corridor;
namespace fs = std::filesystem;

const fs::path fixtures = fs::path(CORRIDOR_SOURCE_DIR) / "tests" / "scenario" / "fixtures";

// A fresh folder tree for one test: root/minimal.yaml and root/variants/.
fs::path fresh_tree(const std::string& name) {
  const fs::path root = fs::weakly_canonical(fs::path(CORRIDOR_BINARY_DIR) / "test-output" / name);
  fs::remove_all(root);
  fs::create_directories(root / "variants");
  fs::copy_file(fixtures / "minimal.yaml", root / "minimal.yaml");
  return root;
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

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

TEST(extends, refuses_a_base_outside_the_scenarios_folder_tree) {
  const fs::path root = fresh_tree("outside");
  write(root / "variants" / "v.yaml", "extends: ../minimal.yaml\nhorizon_days: 30\n");
  const auto d = only_error([&] { load_scenario(root / "variants" / "v.yaml"); });
  EXPECT_EQ(d.loc.line, 1);
  EXPECT_EQ(d.loc.column, 10);
  EXPECT_EQ(d.message, "base scenario '../minimal.yaml' ('" + (root / "minimal.yaml").string() +
                           "') is outside the scenario's folder tree '" + (root / "variants").string() +
                           "'; allow it with --allow-outside, or mark a folder above both with a file named "
                           ".corridor-root");
}

TEST(extends, loads_a_base_outside_the_tree_when_the_caller_allows_it) {
  const fs::path root = fresh_tree("allowed");
  write(root / "variants" / "v.yaml", "extends: ../minimal.yaml\nhorizon_days: 30\n");
  const auto s = load_scenario(root / "variants" / "v.yaml", {.allow_outside = true});
  EXPECT_EQ(s.horizon_days, 30.0);
}

TEST(extends, a_marker_file_widens_the_tree_to_its_folder) {
  const fs::path root = fresh_tree("marked");
  write(root / "variants" / "v.yaml", "extends: ../minimal.yaml\nhorizon_days: 30\n");
  write(root / ".corridor-root", "");
  EXPECT_EQ(load_scenario(root / "variants" / "v.yaml").horizon_days, 30.0);
}

TEST(extends, refuses_a_symbolic_link_in_the_tree_that_leads_out_of_it) {
  const fs::path root = fresh_tree("symlink");
  fs::create_symlink(root / "minimal.yaml", root / "variants" / "base.yaml");
  write(root / "variants" / "v.yaml", "extends: base.yaml\n");
  const auto d = only_error([&] { load_scenario(root / "variants" / "v.yaml"); });
  EXPECT_NE(d.message.find("is outside the scenario's folder tree"), std::string::npos) << d.message;
}

TEST(extends, refuses_an_absolute_path_to_a_system_file_before_reading_it) {
  const auto d = only_error([] { load_scenario_text("extends: /etc/passwd\n", "evil.yaml", fixtures); });
  EXPECT_EQ(d.message.rfind("base scenario '/etc/passwd' is outside the scenario's folder tree", 0), 0u)
      << d.message;
}

TEST(extends, reports_a_base_that_is_not_yaml_once_without_echoing_it) {
  const fs::path root = fresh_tree("not-yaml");
  std::string passwd, shadow;
  for (int i = 0; i < 30; ++i) {
    passwd += "user" + std::to_string(i) + ":x:1000:1000::home-secret:nologin\n";
    shadow += "user" + std::to_string(i) + ":$6$salt$secret:20228:0:99999:7:::\n";  // ends in ':', a key
  }
  write(root / "passwd", passwd);
  write(root / "shadow", shadow);
  write(root / "a.yaml", "extends: passwd\n");
  write(root / "b.yaml", "extends: shadow\n");
  const auto a = only_error([&] { load_scenario(root / "a.yaml", {.allow_outside = true}); });
  EXPECT_EQ(a.message, "base scenario '" + (root / "passwd").string() +
                           "' is not a scenario: expected a map of scenario keys, got a text of " +
                           std::to_string(passwd.size() - 1) + " characters");
  const auto b = only_error([&] { load_scenario(root / "b.yaml"); });
  EXPECT_EQ(b.message, "base scenario '" + (root / "shadow").string() +
                           "' is not a scenario: none of its 30 keys is or resembles a scenario key");
  EXPECT_EQ(b.loc.file, (root / "b.yaml").string());
}

TEST(extends, an_empty_list_or_map_value_is_one_clear_error) {
  const std::pair<const char*, const char*> cases[] = {
      {"extends: \"\"\n", "extends: expected the file name of a base scenario, got an empty name"},
      {"extends: [a.yaml]\n", "extends: expected the file name of a base scenario, got a list"},
      {"extends: {file: a.yaml}\n", "extends: expected the file name of a base scenario, got a map"},
      {"extends:\nhorizon_days: 3\n", "extends: expected the file name of a base scenario, got nothing"},
  };
  for (const auto& [yaml, message] : cases) {
    const auto d = only_error([&yaml = yaml] { load_scenario_text(yaml, "v.yaml", fixtures); });
    EXPECT_EQ(d.message, message) << yaml;
    EXPECT_EQ(d.loc.line, 1) << yaml;
  }
}

TEST(extends, a_missing_relative_base_shows_the_path_it_looked_for) {
  const fs::path root = fresh_tree("missing");
  write(root / "variants" / "v.yaml", "extends: minimal.yaml\n");  // meant ../minimal.yaml
  write(root / ".corridor-root", "");
  const auto d = only_error([&] { load_scenario(root / "variants" / "v.yaml"); });
  EXPECT_EQ(d.message, "cannot read base scenario 'minimal.yaml' ('" +
                           (root / "variants" / "minimal.yaml").string() + "'): no such file");
}

TEST(extends, a_base_beyond_the_size_limit_is_refused_unread) {
  const fs::path root = fresh_tree("huge-base");
  { std::ofstream(root / "huge.yaml"); }
  fs::resize_file(root / "huge.yaml", 50u << 20);  // sparse: 50 MB of NUL bytes, never read
  write(root / "v.yaml", "extends: huge.yaml\n");
  const auto d = only_error([&] { load_scenario(root / "v.yaml"); });
  EXPECT_EQ(d.message, "base scenario '" + (root / "huge.yaml").string() + "': a file of 52428800 bytes " +
                           "takes the scenario beyond 4194304 bytes (4 MiB) of YAML, bases included, the " +
                           "loader's limit (see Limits in docs/scenarios.md)");
  const auto top = only_error([&] { load_scenario(root / "huge.yaml"); });
  EXPECT_EQ(top.loc.line, 0);
  EXPECT_EQ(top.message.rfind("a file of 52428800 bytes takes the scenario beyond", 0), 0u) << top.message;
}

TEST(extends, a_file_that_is_not_a_scenario_is_named_so_at_the_top_level_too) {
  const auto d =
      only_error([] { load_scenario_text("base: x.yaml\nparameters: {}\nmetrics: []\n", "sweep.yaml"); });
  EXPECT_EQ(d.message, "not a scenario: none of its 3 keys is or resembles a scenario key");
  // One key that resembles a scenario key keeps the ordinary messages, with their suggestions.
  const auto typo = only_error(
      [] { load_scenario_text("extends: minimal.yaml\nhorizon_dayz: 3\n", "typo.yaml", fixtures); });
  EXPECT_EQ(typo.message, "unknown key 'horizon_dayz' in scenario; did you mean 'horizon_days'?");
}

}  // namespace

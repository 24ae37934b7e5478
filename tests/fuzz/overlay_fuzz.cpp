// libFuzzer target for overlays: the input is a base scenario and a variant, split at the first line
// "#--overlay--" (a YAML comment, so each half of a seed is plain YAML). The base is written to base.yaml in
// a private folder and the variant, which always begins with `extends: base.yaml`, is loaded from text there.
// Either it loads, and what it prints loads back, or it raises scenario_error; anything else is a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "corridor/scenario.hpp"

namespace {

constexpr std::string_view separator = "\n#--overlay--\n";

const std::filesystem::path& folder() {
  static const std::filesystem::path dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "corridor-overlay-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    return std::filesystem::path(pattern);
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto split = input.find(separator);
  const std::string_view base = input.substr(0, split);
  const std::string_view overlay =
      split == std::string_view::npos ? "" : input.substr(split + separator.size());
  {
    std::ofstream out(folder() / "base.yaml", std::ios::binary | std::ios::trunc);
    out.write(base.data(), static_cast<std::streamsize>(base.size()));
  }
  const std::string variant = "extends: base.yaml\n" + std::string(overlay);
  corridor::scenario s;
  try {
    s = corridor::load_scenario_text(variant, "variant.yaml", folder());
  } catch (const corridor::scenario_error&) {
    return 0;
  }
  try {
    corridor::load_scenario_text(corridor::to_yaml(s), "shown.yaml");
  } catch (const corridor::scenario_error& e) {
    std::fprintf(stderr, "round trip failed:\n%s\n--- printed:\n%s\n", e.what(),
                 corridor::to_yaml(s).c_str());
    std::abort();
  }
  return 0;
}

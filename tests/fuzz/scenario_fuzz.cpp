// libFuzzer target: any bytes given to the scenario loader either load or raise scenario_error; anything
// else (a crash, another exception, a sanitizer report, a hang) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "corridor/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  corridor::scenario s;
  try {
    s = corridor::load_scenario_text(text, "fuzz.yaml", "/nonexistent-fuzz-dir");
  } catch (const corridor::scenario_error&) {
    return 0;
  }
  // What loads must print and load back; a failure here is a bug in to_yaml or the loader.
  try {
    corridor::load_scenario_text(corridor::to_yaml(s), "shown.yaml");
  } catch (const corridor::scenario_error& e) {
    std::fprintf(stderr, "round trip failed:\n%s\n--- printed:\n%s\n", e.what(),
                 corridor::to_yaml(s).c_str());
    std::abort();
  }
  return 0;
}

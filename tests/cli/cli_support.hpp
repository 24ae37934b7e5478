#pragma once
// Running the built corridor binary from a test: its exit code and everything it printed.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace corridor::testing {

struct outcome {
  int exit_code = -1;  // -1 when it did not exit (a signal)
  std::string output;  // stdout and stderr together
};

inline outcome run_command(const std::string& cmd) {
  outcome o;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return o;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe) != nullptr) o.output += buf.data();
  const int status = pclose(pipe);
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return o;
}

inline outcome corridor(const std::string& args) {
  return run_command(std::string(CORRIDOR_EXE) + " " + args + " 2>&1");
}

// Only what corridor wrote to stderr.
inline outcome corridor_stderr(const std::string& args) {
  return run_command(std::string(CORRIDOR_EXE) + " " + args + " 2>&1 >/dev/null");
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::filesystem::path fresh_dir(const std::string& name) {
  const std::filesystem::path d = std::filesystem::path(CORRIDOR_BINARY_DIR) / "test-output" / name;
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d.parent_path());
  return d;
}

inline const std::string scenarios = std::string(CORRIDOR_SOURCE_DIR) + "/scenarios/";

}  // namespace corridor::testing

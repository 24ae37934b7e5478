#pragma once
// Reading scenario files: only regular files, refused from their size before they are read, and (for bases
// named by `extends`) only inside the scenario's folder tree. Internal to sim/scenario.
#include <cstddef>
#include <filesystem>
#include <string>

namespace corridor::detail {

// A file's text, or why it could not be had: "no such file", "is a folder", ... (then `text` is empty).
struct file_text {
  std::string text;
  std::string problem;
  std::size_t size = 0;  // bytes on disk, also when the file was refused for its size
  bool too_large = false;
};

// Reads `path` when it is a regular file of at most `max_bytes` (a device or a pipe, named by mistake or
// by a fuzzer, must not hang the loader; a huge file is refused unread).
file_text read_scenario_file(const std::filesystem::path& path, std::size_t max_bytes);

// The file a marker names: a folder holding it widens the folder tree of every scenario below it.
inline constexpr const char* tree_marker = ".corridor-root";

// The folder tree that `extends` may reach from a scenario in `dir`: `dir` itself, or the nearest folder
// above it that holds a `.corridor-root` file. Absolute, symbolic links resolved.
std::filesystem::path scenario_tree(const std::filesystem::path& dir);

// Whether `path` (symbolic links resolved) lies in the folder tree `root`.
bool inside_tree(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace corridor::detail

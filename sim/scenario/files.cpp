// Reading scenario files within the loader's limits, and the folder tree a scenario's `extends` may reach.
#include "files.hpp"

#include <fstream>
#include <iterator>

namespace corridor::detail {

namespace fs = std::filesystem;

file_text read_scenario_file(const fs::path& path, std::size_t max_bytes) {
  file_text out;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) {
    out.problem = "no such file";
  } else if (fs::is_directory(status)) {
    out.problem = "it is a folder";
  } else if (!fs::is_regular_file(status)) {
    out.problem = "it is not a regular file";
  }
  if (!out.problem.empty()) return out;
  out.size = static_cast<std::size_t>(fs::file_size(path, ec));
  if (ec) {
    out.problem = "cannot tell its size";
    return out;
  }
  if (out.size > max_bytes) {
    out.too_large = true;
    out.problem = "too large";
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.problem = "cannot open it (permissions?)";
    return out;
  }
  // Bounded by what is read, not by the size stated: a file in /proc says 0 bytes, one may grow meanwhile.
  std::string text;
  text.reserve(out.size);
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      out.size = text.size();
      out.too_large = true;
      out.problem = "too large";
      return out;
    }
  }
  if (in.bad()) {
    out.problem = "cannot read it";
    return out;
  }
  out.size = text.size();
  out.text = std::move(text);
  return out;
}

namespace {

fs::path resolved(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  if (ec) return path.lexically_normal();
  const fs::path canonical = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : canonical;
}

}  // namespace

fs::path scenario_tree(const fs::path& dir) {
  const fs::path own = resolved(dir.empty() ? fs::path(".") : dir);
  std::error_code ec;
  for (fs::path at = own;; at = at.parent_path()) {
    if (fs::is_regular_file(at / tree_marker, ec)) return at;
    if (at == at.parent_path() || at.empty()) break;
  }
  return own;
}

bool inside_tree(const fs::path& root, const fs::path& path) {
  const fs::path target = resolved(path);
  // Element by element: /data/scenarios-old is not inside /data/scenarios.
  auto r = root.begin();
  auto t = target.begin();
  for (; r != root.end(); ++r, ++t) {
    if (r->empty() && std::next(r) == root.end()) return true;  // a trailing separator
    if (t == target.end() || *r != *t) return false;
  }
  return true;
}

}  // namespace corridor::detail

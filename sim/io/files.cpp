// Files and number formatting shared by every writer. Atomic replacement uses POSIX calls directly because
// std::ofstream can neither fsync nor tell a full disk from success reliably.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <system_error>

#include "corridor/io.hpp"
#include "corridor/random.hpp"
#include "durable.hpp"

namespace corridor {
namespace {

std::string describe(const std::filesystem::path& path, std::string_view what) {
  if (path.empty()) return std::string(what);
  return path.string() + ": " + std::string(what);
}

std::string errno_text(const char* action) {
  return std::string(action) + ": " + std::strerror(errno);
}

// Writes all bytes, retrying short writes and EINTR.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

void sync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

io_error::io_error(const std::filesystem::path& path, std::string_view what)
    : std::runtime_error(describe(path, what)), path_(path) {}

void ensure_directory(const std::filesystem::path& dir) {
  if (dir.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw io_error(dir, "cannot create directory: " + ec.message());
  if (!std::filesystem::is_directory(dir, ec)) throw io_error(dir, "exists and is not a directory");
}

void write_file_atomic(const std::filesystem::path& path, std::string_view contents) {
  if (path.filename().empty()) throw io_error(path, "not a file path");
  ensure_directory(path.parent_path());
  // The pid tells processes apart, the counter threads and calls: two writers never share a temporary.
  static std::atomic<std::uint64_t> serial{0};
  std::filesystem::path tmp = path;
  tmp += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(serial.fetch_add(1));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw io_error(path, errno_text("cannot create temporary file"));
  std::string failure;
  if (!write_all(fd, contents)) failure = errno_text("cannot write");
  if (failure.empty() && ::fsync(fd) != 0) failure = errno_text("cannot sync");
  if (::close(fd) != 0 && failure.empty()) failure = errno_text("cannot close");
  if (failure.empty() && std::rename(tmp.c_str(), path.c_str()) != 0) failure = errno_text("cannot rename");
  if (!failure.empty()) {
    ::unlink(tmp.c_str());
    throw io_error(path, failure);
  }
  sync_directory(path.parent_path());
}

std::string read_file(const std::filesystem::path& path) {
  // Only a regular file: a folder or a pipe named by mistake must fail, not hang or read as empty.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw io_error(path, std::filesystem::exists(path, ec) ? "not a regular file" : "no such file");
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw io_error(path, errno_text("cannot open for reading"));
  std::string text;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string failure = errno_text("cannot read");
      ::close(fd);
      throw io_error(path, failure);
    }
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return text;
}

std::string hex16(std::uint64_t v) {
  char buf[17];
  auto [end, ec] = std::to_chars(buf, buf + 16, v, 16);
  const std::string hex(buf, end);
  return std::string(16 - hex.size(), '0') + hex;
}

std::string fnv1a_hex(std::string_view bytes) {
  return hex16(stable_id(bytes));
}

std::string format_number(double v) {
  if (!std::isfinite(v)) return {};
  if (v == 0.0) return "0";  // also for -0, so a sign never depends on summation order
  // Whole numbers as integers: exact below 1e15, and what a person (and a sweep id) expects to read.
  if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string comment_lines(std::string_view text) {
  std::string out;
  std::size_t from = 0;
  while (from < text.size()) {
    const auto nl = text.find('\n', from);
    const auto line = text.substr(from, nl == std::string_view::npos ? std::string_view::npos : nl - from);
    out += line.empty() ? "#\n" : "# " + std::string(line) + "\n";
    if (nl == std::string_view::npos) break;
    from = nl + 1;
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace corridor

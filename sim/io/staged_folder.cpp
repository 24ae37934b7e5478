// Output folders written whole: into a temporary sibling, then put in place with one rename. Linux's
// renameat2(RENAME_EXCHANGE) swaps the new folder with the old one atomically; where the file system cannot,
// the old folder is moved aside first (a crash in between leaves no folder, never a mixed one).
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>

#include "corridor/io.hpp"
#include "durable.hpp"

namespace corridor {
namespace {

namespace fs = std::filesystem;

// Files that only corridor's run and compare write: a folder holding one of them may be replaced whole.
constexpr const char* output_markers[] = {"summary.json", "run.json",       "compare.json",
                                          "ranking.json", "appraisal.json", "optimization.json"};

std::string temporary_prefix(const fs::path& dir) {
  return "." + dir.filename().string() + ".corridor-tmp.";
}

// Whether process `pid` is gone: its temporaries can be removed. A zombie is gone too: killed, and not yet
// reaped (an orphan waits for init, which in a container may take its time).
bool process_gone(std::string_view pid_text) {
  long pid = 0;
  const auto [end, ec] = std::from_chars(pid_text.data(), pid_text.data() + pid_text.size(), pid);
  if (ec != std::errc() || end != pid_text.data() + pid_text.size() || pid <= 0) return false;
  if (::kill(static_cast<pid_t>(pid), 0) != 0) return errno == ESRCH;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const auto after_name = line.rfind(')');  // "pid (comm) state ...": comm may hold spaces and parentheses
  return after_name != std::string::npos && line.size() > after_name + 2 && line[after_name + 2] == 'Z';
}

// Removes `.NAME.corridor-tmp.PID.N` folders beside `dir` whose process no longer runs (it was killed
// while writing, or while removing the folder it replaced).
void remove_stale_temporaries(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  for (fs::directory_iterator it(parent.empty() ? fs::path(".") : parent, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string_view rest = std::string_view(name).substr(prefix.size());
    if (!process_gone(rest.substr(0, rest.find('.')))) continue;
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
  }
}

bool is_output_folder(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_empty(dir, ec) && !ec) return true;
  for (const char* marker : output_markers) {
    if (fs::is_regular_file(dir / marker, ec)) return true;
  }
  return false;
}

}  // namespace

staged_folder::staged_folder(std::filesystem::path dir) : target_(std::move(dir)) {
  if (target_.filename().empty()) target_ = target_.parent_path();  // "out/" names the folder "out"
  if (target_.empty() || target_.filename() == "." || target_.filename() == "..") {
    throw io_error(target_.empty() ? fs::path(".") : target_,
                   "name a folder of its own for the outputs (it is replaced whole)");
  }
  std::error_code ec;
  const auto status = fs::status(target_, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) throw io_error(target_, "exists and is not a folder");
    if (!is_output_folder(target_)) {
      throw io_error(target_,
                     "exists and holds files that are not corridor outputs; the outputs replace the folder "
                     "whole, so name a new or empty folder");
    }
  }
  const fs::path parent = target_.parent_path();
  ensure_directory(parent);
  const std::string prefix = temporary_prefix(target_);
  remove_stale_temporaries(parent, prefix);
  static std::atomic<std::uint64_t> serial{0};
  staging_ = parent / (prefix + std::to_string(::getpid()) + "." + std::to_string(serial.fetch_add(1)));
  fs::create_directory(staging_, ec);
  if (ec) throw io_error(staging_, "cannot create the temporary folder: " + ec.message());
}

staged_folder::~staged_folder() {
  std::error_code ignored;
  if (!staging_.empty()) fs::remove_all(staging_, ignored);
}

void staged_folder::commit() {
  if (committed_) return;
  const fs::path parent = target_.parent_path();
  sync_directory(staging_);
  std::error_code ec;
  if (!fs::exists(target_, ec)) {
    if (std::rename(staging_.c_str(), target_.c_str()) != 0) {
      throw io_error(target_,
                     std::string("cannot rename the new folder into place: ") + std::strerror(errno));
    }
    staging_.clear();
  } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
    // The old folder now sits at the temporary's name; the destructor removes it.
  } else if (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP) {
    fs::path aside = staging_;
    aside += ".old";
    if (std::rename(target_.c_str(), aside.c_str()) != 0) {
      throw io_error(target_, std::string("cannot move the old folder aside: ") + std::strerror(errno));
    }
    if (std::rename(staging_.c_str(), target_.c_str()) != 0) {
      const std::string failure = std::strerror(errno);
      std::rename(aside.c_str(), target_.c_str());  // the old folder back in place
      throw io_error(target_, "cannot rename the new folder into place: " + failure);
    }
    staging_ = aside;
  } else {
    throw io_error(target_, std::string("cannot swap the new folder into place: ") + std::strerror(errno));
  }
  sync_directory(parent);
  committed_ = true;
  std::error_code ignored;
  if (!staging_.empty()) fs::remove_all(staging_, ignored);
  staging_.clear();
}

}  // namespace corridor

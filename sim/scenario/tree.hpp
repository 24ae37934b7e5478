#pragma once
// A YAML document as a plain tree in which every value remembers the file, line and column it came from,
// so that overlays can be merged before conversion and still report errors where the text was written.
// Also the diagnostic sink shared by the loader's stages. Internal to sim/scenario.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "corridor/scenario.hpp"
#include "limits.hpp"

namespace corridor::detail {

// Collects diagnostics up to a cap, then throws them all at once.
class diagnostics {
 public:
  static constexpr std::size_t max_count = 50;

  void error(const source_loc& loc, std::string message);
  // From now on, a location already reported is not reported again: a value that failed to convert keeps
  // its default, which the semantic checks would otherwise flag a second time.
  void freeze_locations();
  // Keeps later stages quiet about one location, whose problem has been reported elsewhere.
  void suppress(const source_loc& loc) { frozen_.push_back(loc); }
  // An error after which nothing further would make sense (bad YAML, an unreadable base, a cycle).
  void fatal(const source_loc& loc, std::string message);
  bool has_fatal() const noexcept { return fatal_; }
  bool empty() const noexcept { return list_.empty(); }
  std::size_t size() const noexcept { return list_.size(); }
  // Once full, a message is dropped: a caller whose message costs a search (a did-you-mean among thousands
  // of ids) asks first, or thousands of dangling references cost minutes.
  bool full() const noexcept { return list_.size() >= max_count; }
  // Throws scenario_error when anything was collected, ordered by file then position.
  void throw_if_any();

 private:
  std::vector<scenario_error::diagnostic> list_;
  std::vector<source_loc> frozen_;
  bool fatal_ = false;
};

struct tnode;
struct tentry;

enum class tkind { null, scalar, sequence, map };

struct tnode {
  tkind kind = tkind::null;
  std::string text;  // scalar text
  bool quoted = false;
  std::vector<tnode> items;     // sequence
  std::vector<tentry> entries;  // map, in document order
  source_loc loc;

  const tnode* find(std::string_view key) const noexcept;
  tnode* find(std::string_view key) noexcept;
  const tentry* find_entry(std::string_view key) const noexcept;
  bool erase(std::string_view key);
  // Describes the value for "got ..." in messages: 'text' (shortened), a map, a list or nothing.
  std::string describe() const;
};

// Text from a file, quoted for a message: at most a short token's worth, control characters escaped. A file
// that is not a scenario (named by mistake, or by a hostile `extends`) is never echoed beyond this.
std::string shown(std::string_view text);

struct tentry {
  std::string key;
  source_loc key_loc;
  tnode value;
};

// Positions of a map's entries by key, for look-ups by the thousand where tnode::find would scan. Holds
// copies of the keys: it stays right while entries are appended, not once one is erased.
std::unordered_map<std::string, std::size_t> index_of(const tnode& map);

// Parses YAML text into a tree; syntax errors and duplicate keys go to `diags`. `file` names the source in
// locations. Returns a null node when the text does not parse or exceeds what is left of `budget` (a fatal
// error, located where the limit was crossed).
tnode parse_tree(std::string_view yaml, const std::string& file, diagnostics& diags, load_budget& budget);
// The message for a file that would take a load beyond load_limits::max_bytes.
std::string too_large(std::size_t bytes);

// Edit distance (Levenshtein), and the closest candidate within a sensible distance, or "".
std::size_t edit_distance(std::string_view a, std::string_view b);
std::string closest(std::string_view word, const std::vector<std::string>& candidates);
// "; did you mean 'x'?" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace corridor::detail

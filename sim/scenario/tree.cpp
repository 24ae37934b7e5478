// The located tree's look-ups, the diagnostic sink, and "did you mean" suggestions. The parser is parse.cpp.
#include "tree.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace corridor::detail {

void diagnostics::error(const source_loc& loc, std::string message) {
  if (full()) return;
  const auto same = [&](const source_loc& f) {
    return f.file == loc.file && f.line == loc.line && f.column == loc.column;
  };
  if (std::any_of(frozen_.begin(), frozen_.end(), same)) return;
  // The same message at the same place says nothing new (one value standing for twelve months).
  for (const auto& d : list_) {
    if (same(d.loc) && d.message == message) return;
  }
  list_.push_back({loc, std::move(message)});
}

void diagnostics::fatal(const source_loc& loc, std::string message) {
  fatal_ = true;
  error(loc, std::move(message));
}

void diagnostics::freeze_locations() {
  for (const auto& d : list_) frozen_.push_back(d.loc);
}

void diagnostics::throw_if_any() {
  if (list_.empty()) return;
  // Files in order of first mention, then by position: reads like a compiler's output.
  std::map<std::string, std::size_t> file_rank;
  for (const auto& d : list_) file_rank.emplace(d.loc.file, file_rank.size());
  std::stable_sort(list_.begin(), list_.end(), [&](const auto& x, const auto& y) {
    const auto fx = file_rank[x.loc.file], fy = file_rank[y.loc.file];
    if (fx != fy) return fx < fy;
    if (x.loc.line != y.loc.line) return x.loc.line < y.loc.line;
    return x.loc.column < y.loc.column;
  });
  throw scenario_error(std::move(list_));
}

const tnode* tnode::find(std::string_view key) const noexcept {
  const auto* e = find_entry(key);
  return e ? &e->value : nullptr;
}

tnode* tnode::find(std::string_view key) noexcept {
  for (auto& e : entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

const tentry* tnode::find_entry(std::string_view key) const noexcept {
  for (const auto& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

bool tnode::erase(std::string_view key) {
  const auto it = std::find_if(entries.begin(), entries.end(), [&](const tentry& e) { return e.key == key; });
  if (it == entries.end()) return false;
  entries.erase(it);
  return true;
}

std::unordered_map<std::string, std::size_t> index_of(const tnode& map) {
  std::unordered_map<std::string, std::size_t> out;
  out.reserve(map.entries.size());
  for (std::size_t i = 0; i < map.entries.size(); ++i) out.emplace(map.entries[i].key, i);
  return out;
}

std::string tnode::describe() const {
  switch (kind) {
    case tkind::null:
      return "nothing";
    case tkind::scalar:
      return shown(text);
    case tkind::sequence:
      return "a list";
    case tkind::map:
      return "a map";
  }
  return "?";
}

std::string shown(std::string_view text) {
  // Long enough for any id, key or number a scenario holds; a whole file read as one scalar is cut short.
  constexpr std::size_t max_chars = 64;
  std::string out = "'";
  std::size_t i = 0;
  for (; i < text.size() && i < max_chars; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != 0x7f) {
      out += static_cast<char>(c);
    } else {
      static constexpr char hex[] = "0123456789abcdef";
      out += c == '\n' ? std::string("\\n") : std::string("\\x") + hex[c >> 4] + hex[c & 15];
    }
  }
  out += "'";
  if (i < text.size()) out += "... (" + std::to_string(text.size()) + " characters)";
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  // Within a third of the word's length (at least 1, at most 3 edits): close enough to be a typo.
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  // A prefix of a longer name ("expo") is a suggestion too.
  if (word.size() >= 3) {
    for (const auto& c : candidates) {
      if (c.size() > word.size() && c.compare(0, word.size(), word) == 0) return c;
    }
  }
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    const auto d = edit_distance(word, c);
    if (d < best_distance && d < word.size()) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto best = closest(word, candidates);
  return best.empty() ? std::string() : "; did you mean '" + best + "'?";
}

}  // namespace corridor::detail

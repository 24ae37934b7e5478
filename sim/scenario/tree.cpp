// Parsing YAML into a located tree, the diagnostic sink, and "did you mean" suggestions.
#include "tree.hpp"

#include <yaml-cpp/yaml.h>

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

std::string tnode::describe() const {
  switch (kind) {
    case tkind::null:
      return "nothing";
    case tkind::scalar:
      return "'" + text + "'";
    case tkind::sequence:
      return "a list";
    case tkind::map:
      return "a map";
  }
  return "?";
}

namespace {

source_loc to_loc(const YAML::Mark& mark, const std::string& file) {
  if (mark.line < 0) return {file, 1, 1};
  return {file, mark.line + 1, mark.column + 1};
}

tnode convert(const YAML::Node& node, const source_loc& fallback, const std::string& file,
              diagnostics& diags);

void convert_map(const YAML::Node& node, tnode& out, const std::string& file, diagnostics& diags) {
  for (auto it = node.begin(); it != node.end(); ++it) {
    const source_loc key_loc = to_loc(it->first.Mark(), file);
    if (!it->first.IsScalar()) {
      const char* got = it->first.IsMap() ? "a map" : it->first.IsSequence() ? "a list" : "nothing";
      diags.error(key_loc, std::string("expected a plain key, got ") + got);
      continue;
    }
    const std::string key = it->first.Scalar();
    if (const auto* first = out.find_entry(key)) {
      diags.error(key_loc, "duplicate key '" + key + "' (first at line " +
                               std::to_string(first->key_loc.line) + ", column " +
                               std::to_string(first->key_loc.column) + ")");
      continue;
    }
    // A missing value ("key:") is marked by yaml-cpp at the next token; the key is the better place.
    out.entries.push_back({key, key_loc, convert(it->second, key_loc, file, diags)});
  }
}

tnode convert(const YAML::Node& node, const source_loc& fallback, const std::string& file,
              diagnostics& diags) {
  tnode out;
  out.loc = node.IsNull() ? fallback : to_loc(node.Mark(), file);
  if (node.IsScalar()) {
    out.kind = tkind::scalar;
    out.text = node.Scalar();
    out.quoted = node.Tag() == "!";
  } else if (node.IsSequence()) {
    out.kind = tkind::sequence;
    for (const auto& item : node) out.items.push_back(convert(item, out.loc, file, diags));
  } else if (node.IsMap()) {
    out.kind = tkind::map;
    convert_map(node, out, file, diags);
  }
  return out;
}

}  // namespace

tnode parse_tree(std::string_view yaml, const std::string& file, diagnostics& diags) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    return convert(root, {file, 1, 1}, file, diags);
  } catch (const YAML::ParserException& e) {
    diags.fatal(to_loc(e.mark, file), "invalid YAML: " + e.msg);
  } catch (const YAML::Exception& e) {
    diags.fatal(to_loc(e.mark, file), "invalid YAML: " + e.msg);
  }
  tnode bad;
  bad.loc = {file, 1, 1};
  return bad;
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

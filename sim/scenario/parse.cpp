// YAML text into the located tree, within the load's limits. yaml-cpp's event parser feeds a builder
// directly, with no yaml-cpp node graph in between, so that every cost is counted where it arises: nesting
// when a map or list opens, entries as they are added, and an alias's nodes before it is copied. A hostile
// file is refused where it crosses a limit, not after it has been expanded. Duplicate keys are found through
// a hash index once a map is large: loading stays linear in the number of entries.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>

#include "tree.hpp"

namespace corridor::detail {
namespace {

// Thrown by the builder where a limit is crossed; parse_tree turns it into a fatal error.
struct limit_crossed {
  source_loc loc;
  std::string message;
};

source_loc to_loc(const YAML::Mark& mark, const std::string& file) {
  if (mark.line < 0) return {file, 1, 1};
  return {file, mark.line + 1, mark.column + 1};
}

std::size_t size_of(const tnode& n) {  // recursion bounded by max_depth
  std::size_t size = 1;
  for (const auto& item : n.items) size += size_of(item);
  for (const auto& e : n.entries) size += size_of(e.value) + 1;  // + the key
  return size;
}

class tree_builder final : public YAML::EventHandler {
 public:
  tree_builder(const std::string& file, diagnostics& diags, load_budget& budget)
      : file_(file), diags_(diags), budget_(budget) {
    root_.loc = {file, 1, 1};
  }

  tnode take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnAnchor(const YAML::Mark&, const std::string& name) override { anchor_name_ = name; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    tnode n;
    n.loc = to_loc(mark, file_);
    charge(n.loc, 1);
    complete(std::move(n), anchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    tnode n;
    n.kind = tkind::scalar;
    n.text = value;
    n.quoted = tag == "!";  // yaml-cpp's tag for a quoted scalar
    n.loc = to_loc(mark, file_);
    charge(n.loc, 1);
    complete(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const source_loc at = to_loc(mark, file_);
    if (anchor == 0 || anchor > anchors_.size()) throw limit_crossed{at, "an alias to an unknown anchor"};
    if (!anchors_[anchor - 1].complete) {
      throw limit_crossed{at, "alias '*" + anchors_[anchor - 1].name +
                                  "' refers to the map or list that "
                                  "contains it"};
    }
    const anchored& a = anchors_[anchor - 1];
    if (a.size > budget_.alias_nodes) {
      throw limit_crossed{at, "with alias '*" + a.name + "' aliases would stand for more than " +
                                  std::to_string(load_limits::max_alias_nodes) +
                                  " nodes, the loader's limit (see Limits in docs/scenarios.md)"};
    }
    budget_.alias_nodes -= a.size;
    charge(at, a.size);
    add(tnode(a.node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, tkind::sequence, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tkind::map, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct frame {
    tnode node;
    YAML::anchor_t anchor = 0;
    bool have_key = false;  // maps: a key has come and waits for its value
    bool key_ok = false;    // ... and is a new plain key (else the value is dropped)
    std::string key;
    source_loc key_loc;
    std::unordered_map<std::string, std::size_t> index;  // key -> entry, once the map is large
  };
  struct anchored {
    tnode node;
    std::size_t size = 0;
    bool complete = false;
    std::string name;
  };
  // Below this many entries a linear scan is cheaper than hashing.
  static constexpr std::size_t index_from = 16;

  const std::string& file_;
  diagnostics& diags_;
  load_budget& budget_;
  tnode root_;
  std::vector<frame> stack_;
  std::vector<anchored> anchors_;  // by yaml-cpp's anchor id, which counts from 1
  std::string anchor_name_;

  void charge(const source_loc& at, std::size_t nodes) {
    if (nodes > budget_.nodes) {
      throw limit_crossed{at, "more than " + std::to_string(load_limits::max_nodes) +
                                  " YAML nodes, the loader's limit (see Limits in docs/scenarios.md)"};
    }
    budget_.nodes -= nodes;
  }

  void open(const YAML::Mark& mark, tkind kind, YAML::anchor_t anchor) {
    const source_loc at = to_loc(mark, file_);
    if (stack_.size() >= load_limits::max_depth) {
      throw limit_crossed{at, "maps and lists nested more than " + std::to_string(load_limits::max_depth) +
                                  " deep, the loader's limit (a scenario needs 5)"};
    }
    charge(at, 1);
    if (anchor != 0) name_anchor(anchor);
    frame f;
    f.node.kind = kind;
    f.node.loc = at;
    f.anchor = anchor;
    stack_.push_back(std::move(f));
  }

  void close() {
    frame f = std::move(stack_.back());
    stack_.pop_back();
    remember(f.node, f.anchor);
    add(std::move(f.node));
  }

  void complete(tnode n, YAML::anchor_t anchor) {
    if (anchor != 0) {
      name_anchor(anchor);
      remember(n, anchor);
    }
    add(std::move(n));
  }

  void name_anchor(YAML::anchor_t anchor) {
    if (anchors_.size() < anchor) anchors_.resize(anchor);
    anchors_[anchor - 1].name = std::move(anchor_name_);
    anchor_name_.clear();
  }

  // Keeps a copy of an anchored node for its aliases; the copy is charged like any other node.
  void remember(const tnode& n, YAML::anchor_t anchor) {
    if (anchor == 0) return;
    anchored& a = anchors_[anchor - 1];
    a.size = size_of(n);
    charge(n.loc, a.size);
    a.node = n;
    a.complete = true;
  }

  void count_entry(const frame& f, const source_loc& at) {
    const std::size_t count = f.node.kind == tkind::map ? f.node.entries.size() : f.node.items.size();
    if (count < load_limits::max_entries) return;
    throw limit_crossed{at, std::string(f.node.kind == tkind::map ? "a map" : "a list") + " with more than " +
                                std::to_string(load_limits::max_entries) +
                                " entries, the loader's limit (see Limits in docs/scenarios.md)"};
  }

  const tentry* find_key(frame& f, const std::string& key) {
    auto& entries = f.node.entries;
    if (entries.size() < index_from) {
      for (const auto& e : entries) {
        if (e.key == key) return &e;
      }
      return nullptr;
    }
    // Entries are only appended and their keys are unique: the index catches up by count.
    for (std::size_t i = f.index.size(); i < entries.size(); ++i) f.index.emplace(entries[i].key, i);
    const auto it = f.index.find(key);
    return it == f.index.end() ? nullptr : &entries[it->second];
  }

  void add(tnode n) {
    if (stack_.empty()) {
      if (n.kind == tkind::null) n.loc = {file_, 1, 1};
      root_ = std::move(n);
      return;
    }
    frame& f = stack_.back();
    if (f.node.kind == tkind::sequence) {
      if (n.kind == tkind::null) n.loc = f.node.loc;
      count_entry(f, n.loc);
      f.node.items.push_back(std::move(n));
    } else if (!f.have_key) {
      take_key(f, std::move(n));
    } else {
      f.have_key = false;
      if (!f.key_ok) return;
      // A missing value ("key:") is marked by yaml-cpp at the next token; the key is the better place.
      if (n.kind == tkind::null) n.loc = f.key_loc;
      f.node.entries.push_back({std::move(f.key), f.key_loc, std::move(n)});
    }
  }

  void take_key(frame& f, tnode key) {
    f.have_key = true;
    f.key_ok = false;
    if (key.kind != tkind::scalar) {
      diags_.error(key.loc, "expected a plain key, got " + key.describe());
      return;
    }
    if (const auto* first = find_key(f, key.text)) {
      diags_.error(key.loc, "duplicate key " + shown(key.text) + " (first at line " +
                                std::to_string(first->key_loc.line) + ", column " +
                                std::to_string(first->key_loc.column) + ")");
      return;
    }
    count_entry(f, key.loc);
    f.key = std::move(key.text);
    f.key_loc = key.loc;
    f.key_ok = true;
  }
};

// YAML knows three line breaks; yaml-cpp only LF and CRLF. A file saved with bare CRs (classic Mac OS)
// would otherwise read as one line.
std::string with_line_feeds(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n')) out[i] = '\n';
  }
  return out;
}

// yaml-cpp's complaint about a tab in the indentation ("illegal map value", ...) names a symptom: the first
// line up to the error that is indented with a tab is the cause.
bool tab_in_indentation(std::string_view text, int error_line, source_loc& at) {
  int line = 0;
  for (std::size_t start = 0; start < text.size() && line <= error_line; ++line) {
    const auto end = std::min(text.find('\n', start), text.size());
    for (std::size_t i = start; i < end && (text[i] == ' ' || text[i] == '\t'); ++i) {
      if (text[i] != '\t') continue;
      at.line = line + 1;
      at.column = static_cast<int>(i - start) + 1;
      return true;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace

std::string too_large(std::size_t bytes) {
  return "a file of " + std::to_string(bytes) + " bytes takes the scenario beyond " +
         std::to_string(load_limits::max_bytes) +
         " bytes (4 MiB) of YAML, bases included, the loader's limit (see Limits in docs/scenarios.md)";
}

tnode parse_tree(std::string_view yaml, const std::string& file, diagnostics& diags, load_budget& budget) {
  tnode bad;
  bad.loc = {file, 1, 1};
  if (yaml.size() > budget.bytes) {
    diags.fatal({file, 0, 0}, too_large(yaml.size()));
    return bad;
  }
  budget.bytes -= yaml.size();
  const std::string text = with_line_feeds(yaml);
  std::istringstream in(text);
  tree_builder builder(file, diags, budget);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    return builder.take_root();
  } catch (const limit_crossed& e) {
    diags.fatal(e.loc, e.message);
  } catch (const YAML::DeepRecursion& e) {
    diags.fatal(to_loc(e.mark, file), "maps and lists nested too deep for the YAML parser");
  } catch (const YAML::Exception& e) {
    source_loc at{file, 0, 0};
    if (tab_in_indentation(text, e.mark.line, at)) {
      diags.fatal(at, "invalid YAML: tabs are not allowed in YAML indentation; indent with spaces");
    } else {
      diags.fatal(to_loc(e.mark, file), "invalid YAML: " + e.msg);
    }
  }
  return bad;
}

}  // namespace corridor::detail

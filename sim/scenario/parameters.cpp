// Parameter paths and overlay edits on the located tree. A path is resolved against the tree (aliases and
// wildcards expanded) with every miss reported at the edit's place, then each concrete target is set or
// scaled in a copy of the tree, which converts and validates like a file; an edited value carries the edit's
// place, so a value out of range is reported where the edit was written, not in the base file.
#include "corridor/parameters.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "keys.hpp"
#include "stages.hpp"

namespace corridor {
namespace {

using detail::tkind;
using detail::tnode;

[[noreturn]] void fail(const source_loc& loc, std::string message) {
  throw scenario_error({{loc, std::move(message)}});
}

// `crossings.` and the like: a collection filtered by one field of its entries.
struct alias {
  std::string_view name, collection, field, value, absent;  // `absent`: the field's value when not written
};
constexpr alias aliases[] = {{"crossings", "nodes", "kind", "crossing", ""},
                             {"terminals", "nodes", "kind", "terminal", ""},
                             {"ports", "nodes", "kind", "port", ""},
                             {"junctions", "nodes", "kind", "junction", ""},
                             {"ferries", "edges", "mode", "ferry", "rail"}};

std::vector<std::string> split(std::string_view path) {
  std::vector<std::string> out(1);
  for (char c : path) {
    if (c == '.') {
      out.emplace_back();
    } else {
      out.back().push_back(c);
    }
  }
  return out;
}

std::vector<std::string> keys_of(const tnode& map) {
  std::vector<std::string> keys;
  for (const auto& e : map.entries) keys.push_back(e.key);
  return keys;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// The key table's entry for a concrete path: a top-level key, a field of a top-level map, or a field of a
// collection entry. Null when the format has no such key.
const detail::key_spec* key_for(const std::vector<std::string>& segs) {
  const auto* top = detail::section("top").find(segs[0]);
  if (top == nullptr || segs.size() == 1) return segs.size() == 1 ? top : nullptr;
  if (segs.size() == 2 && top->type == detail::vtype::map) return detail::section(top->section).find(segs[1]);
  if (segs.size() == 3 && top->type == detail::vtype::id_map)
    return detail::section(top->section).find(segs[2]);
  return nullptr;
}

bool numeric(const tnode& n) {
  double v = 0.0;
  return n.kind == tkind::scalar && detail::parse_number(n.text, v);
}

struct resolver {
  std::string path;
  param_op op;
  source_loc loc;
  std::vector<std::string> segs;
  const alias* filter = nullptr;
  std::vector<std::string> found;

  [[noreturn]] void miss(const std::string& why) const { fail(loc, "parameter path '" + path + "': " + why); }

  bool passes(const tnode& entry, std::size_t depth) const {
    if (filter == nullptr || depth != 1) return true;
    const tnode* f = entry.kind == tkind::map ? entry.find(filter->field) : nullptr;
    const std::string_view have = f && f->kind == tkind::scalar ? std::string_view(f->text) : filter->absent;
    return have == filter->value;
  }

  void leaf(const tnode& n, const std::string& at) const {
    if (n.kind == tkind::map) miss("'" + at + "' is a map; address one of its fields: " + joined(keys_of(n)));
    if (n.kind == tkind::sequence) {
      for (const auto& item : n.items) {
        if (!numeric(item)) miss("'" + at + "' is a list of something other than numbers");
      }
    } else if (op == param_op::scale && !numeric(n)) {
      miss("'" + at + "' is " + n.describe() + ", not a number to scale");
    }
  }

  // A key the tree lacks: a field the file did not write (its default applies), or a top-level map holding
  // one, may be set; nothing else (an unknown id or key) may.
  void absent(const tnode& map, const std::string& key, std::size_t i, const std::string& at) {
    const bool concrete =
        std::none_of(segs.begin(), segs.end(), [](const std::string& s) { return s == "*"; });
    const bool field_level = i + 1 == segs.size() || (i == 0 && segs.size() == 2);
    if (concrete && field_level && key_for(segs) != nullptr) {
      if (op == param_op::scale) {
        miss("'" + path + "' is not written in the scenario (its default applies): set it instead");
      }
      found.push_back(path);
      return;
    }
    std::vector<std::string> names = keys_of(map);
    if (i + 1 == segs.size() && i == 2) {
      for (const auto& name : detail::section(detail::section("top").find(segs[0])->section).names()) {
        names.push_back(name);
      }
    }
    const std::string where = at.empty() ? "the scenario" : "'" + at.substr(0, at.size() - 1) + "'";
    const auto listed = keys_of(map);
    miss("no '" + key + "' in " + where + detail::did_you_mean(key, names) +
         (listed.size() <= 12 ? " (it has: " + joined(listed) + ")" : ""));
  }

  void walk(const tnode& n, std::size_t i, const std::string& at) {
    if (i == segs.size()) {
      const std::string here = at.substr(0, at.size() - 1);
      leaf(n, here);
      found.push_back(here);
      return;
    }
    const std::string& s = segs[i];
    if (s == "*") {
      if (n.kind == tkind::map) {
        for (const auto& e : n.entries) {
          if (passes(e.value, i)) walk(e.value, i + 1, at + e.key + ".");
        }
      } else if (n.kind == tkind::sequence) {
        for (std::size_t k = 0; k < n.items.size(); ++k)
          walk(n.items[k], i + 1, at + std::to_string(k) + ".");
      } else {
        miss("'*' after '" + at + "', which holds no map or list");
      }
      return;
    }
    if (n.kind == tkind::sequence) {
      std::size_t k = 0;
      const auto r = std::from_chars(s.data(), s.data() + s.size(), k);
      if (r.ec != std::errc() || r.ptr != s.data() + s.size() || k >= n.items.size()) {
        miss("'" + at.substr(0, at.size() - 1) + "' is a list of " + std::to_string(n.items.size()) + "; '" +
             s + "' is not an index in it");
      }
      return walk(n.items[k], i + 1, at + s + ".");
    }
    const tnode* child = n.kind == tkind::map ? n.find(s) : nullptr;
    if (n.kind != tkind::map)
      miss("'" + at.substr(0, at.size() - 1) + "' is " + n.describe() + ", not a map");
    if (child == nullptr) return absent(n, s, i, at);
    if (!passes(*child, i)) {
      miss("'" + at + s + "' is not one of the " + std::string(filter->name) + " (its " +
           std::string(filter->field) + " is not " + std::string(filter->value) + ")");
    }
    walk(*child, i + 1, at + s + ".");
  }
};

// The node at a concrete path, created (as the edit's, a map on the way) when the file did not write it.
tnode& target(tnode& root, const std::vector<std::string>& segs, const source_loc& loc) {
  tnode* cur = &root;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (cur->kind == tkind::sequence) {
      cur = &cur->items.at(static_cast<std::size_t>(std::stoul(segs[i])));
    } else if (tnode* child = cur->find(segs[i])) {
      cur = child;
    } else {
      const tkind kind = i + 1 == segs.size() ? tkind::scalar : tkind::map;
      cur->entries.push_back({segs[i], loc, tnode{kind, "", false, {}, {}, loc}});
      cur = &cur->entries.back().value;
    }
  }
  return *cur;
}

// A number as the scenario format writes it: an integer key takes a whole number without exponent.
std::string number_text(double v, const detail::key_spec* key) {
  if (key && key->type == detail::vtype::integer && v == std::floor(v) && std::abs(v) < 1e15) {
    return std::to_string(static_cast<long long>(v));
  }
  return detail::format_number(v);
}

void apply_parameter(const scenario_document& doc, tnode& root, const parameter_edit& e) {
  // An edit made outside any file (the studio) is reported under its path rather than at a base file's line.
  const source_loc at = e.loc.file.empty() ? source_loc{e.path, 0, 0} : e.loc;
  for (const auto& concrete : resolve_parameter(doc, e.path, e.op, e.loc)) {
    const auto segs = split(concrete);
    tnode& n = target(root, segs, at);
    const auto* key = key_for(segs);
    const auto edit = [&](tnode& scalar) {
      double v = 0.0;
      if (e.op == param_op::scale && detail::parse_number(scalar.text, v)) {
        scalar.text = number_text(v * e.value, key);
      } else {
        scalar.text = number_text(e.value, key);
      }
      scalar.kind = tkind::scalar, scalar.quoted = false, scalar.loc = at;
    };
    if (n.kind == tkind::sequence) {
      for (auto& item : n.items) edit(item);
    } else {
      edit(n);
    }
  }
}

void apply_overlay(tnode& root, const overlay_edit& e, detail::diagnostics& diags) {
  detail::load_budget budget;  // an overlay edit is held to the limits of a file
  const tnode overlay = detail::parse_tree(e.text, e.name, diags, budget);
  if (diags.has_fatal()) return;
  if (overlay.kind != tkind::map)
    return diags.error(overlay.loc, "an overlay is a map of scenario keys, got " + overlay.describe());
  if (const auto* ext = overlay.find_entry("extends")) {
    return diags.error(ext->key_loc,
                       "an overlay edit applies to the scenario being edited; it has no 'extends'");
  }
  detail::merge_layer(root, overlay, diags);
}

scenario load_tree(const tnode& root, const std::string& name, detail::diagnostics& diags) {
  diags.throw_if_any();
  scenario s = detail::convert_tree(root, name, std::filesystem::path(name).stem().string(), diags);
  diags.freeze_locations();
  detail::validate_into(s, detail::locator_for(root), diags);
  diags.throw_if_any();
  return s;
}

}  // namespace

const std::string& scenario_document::name() const noexcept {
  return impl_->name;
}

scenario_document parse_document(std::string_view yaml, std::string_view name,
                                 const std::filesystem::path& base_dir, const load_options& options) {
  auto doc = std::make_shared<scenario_document::impl>();
  doc->name = std::string(name);
  detail::diagnostics diags;
  doc->root = detail::resolve_overlays(yaml, doc->name, base_dir, options, diags);
  if (doc->root.kind != tkind::map && diags.empty()) {
    diags.error(doc->root.loc, "expected a map of scenario keys, got " + doc->root.describe());
  }
  load_tree(doc->root, doc->name, diags);  // a document that does not load is no base for edits
  return scenario_document(std::move(doc));
}

std::vector<std::string> resolve_parameter(const scenario_document& doc, std::string_view path, param_op op,
                                           const source_loc& loc) {
  resolver r{std::string(path), op, loc, split(path), nullptr, {}};
  if (std::any_of(r.segs.begin(), r.segs.end(), [](const std::string& s) { return s.empty(); })) {
    r.miss("an empty segment");
  }
  for (const auto& a : aliases) {
    if (r.segs[0] == a.name) r.segs[0] = std::string(a.collection), r.filter = &a;
  }
  r.walk(doc.tree().root, 0, "");
  if (r.found.empty()) r.miss("it matches nothing in the scenario");
  return r.found;
}

double parameter_value(const scenario_document& doc, std::string_view path, const source_loc& loc) {
  const tnode* cur = &doc.tree().root;
  for (const auto& s : split(path)) {
    if (cur->kind == tkind::sequence) {
      std::size_t k = 0;
      const auto r = std::from_chars(s.data(), s.data() + s.size(), k);
      cur = r.ec == std::errc() && k < cur->items.size() ? &cur->items[k] : nullptr;
    } else {
      cur = cur->kind == tkind::map ? cur->find(s) : nullptr;
    }
    if (cur == nullptr)
      fail(loc, "'" + std::string(path) + "' is not written in the scenario; give its value");
  }
  double v = 0.0;
  if (!numeric(*cur) || !detail::parse_number(cur->text, v)) {
    fail(loc, "'" + std::string(path) + "' holds " + cur->describe() + ", not one number");
  }
  return v;
}

namespace detail {

tnode edited_tree(const scenario_document& doc, const std::vector<scenario_edit>& edits, diagnostics& diags) {
  tnode root = doc.tree().root;
  for (const auto& e : edits) {
    if (const auto* p = std::get_if<parameter_edit>(&e)) {
      try {
        apply_parameter(doc, root, *p);
      } catch (const scenario_error& err) {
        for (const auto& d : err.diagnostics()) diags.error(d.loc, d.message);
      }
    } else {
      apply_overlay(root, std::get<overlay_edit>(e), diags);
    }
    if (diags.has_fatal()) break;
  }
  return root;
}

}  // namespace detail

scenario apply_edits(const scenario_document& doc, const std::vector<scenario_edit>& edits) {
  detail::diagnostics diags;
  const tnode root = detail::edited_tree(doc, edits, diags);
  return load_tree(root, doc.name(), diags);
}

}  // namespace corridor

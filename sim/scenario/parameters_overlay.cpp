// Parameter edits written back as an overlay file: the fields they touch, at the depth an overlay merge
// replaces (a field of a collection entry, a field of a top-level map, or a top-level value), with their
// edited values.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "corridor/parameters.hpp"
#include "keys.hpp"
#include "stages.hpp"

namespace corridor {
namespace {

using detail::tkind;
using detail::tnode;

std::string scalar_text(const tnode& n) {
  if (!n.quoted) return n.text;
  // JSON's escapes are valid in a YAML double-quoted scalar.
  return nlohmann::json(n.text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A value in YAML's flow style: a scalar, [a, b] or {k: v}.
std::string flow(const tnode& n) {
  std::string out;
  switch (n.kind) {
    case tkind::null:
      return "null";
    case tkind::scalar:
      return scalar_text(n);
    case tkind::sequence:
      for (const auto& item : n.items) out += (out.empty() ? "" : ", ") + flow(item);
      return "[" + out + "]";
    case tkind::map:
      for (const auto& e : n.entries) out += (out.empty() ? "" : ", ") + e.key + ": " + flow(e.value);
      return "{" + out + "}";
  }
  return out;
}

// An ordered tree of the touched keys: what to print, in the order first touched.
struct touched {
  std::string key;
  const tnode* value = nullptr;  // set at the depth an overlay replaces
  std::vector<touched> children;

  touched& child(const std::string& k) {
    const auto it =
        std::find_if(children.begin(), children.end(), [&](const touched& t) { return t.key == k; });
    if (it != children.end()) return *it;
    children.push_back({k, nullptr, {}});
    return children.back();
  }
};

void print(const touched& t, int depth, std::string& out) {
  out += std::string(static_cast<std::size_t>(2 * depth), ' ') + t.key + ":";
  if (t.value != nullptr) {
    out += " " + flow(*t.value) + "\n";
    return;
  }
  out += "\n";
  for (const auto& c : t.children) print(c, depth + 1, out);
}

}  // namespace

std::string edits_overlay_yaml(const scenario_document& doc, const std::vector<parameter_edit>& edits,
                               std::string_view extends) {
  const detail::tnode& base = doc.tree().root;
  // The edited tree, as apply_edits makes it but without loading it: only its text is wanted here.
  detail::diagnostics diags;
  const tnode edited =
      detail::edited_tree(doc, std::vector<scenario_edit>(edits.begin(), edits.end()), diags);
  diags.throw_if_any();
  touched top;
  for (const auto& e : edits) {
    for (const auto& path : resolve_parameter(doc, e.path, e.op, e.loc)) {
      std::vector<std::string> segs(1);
      for (char c : path) {
        if (c == '.') {
          segs.emplace_back();
        } else {
          segs.back().push_back(c);
        }
      }
      const tnode* first = base.find(segs[0]);
      const auto* key = detail::section("top").find(segs[0]);
      const bool collection = key != nullptr && key->type == detail::vtype::id_map;
      std::size_t depth = collection ? 3 : (first && first->kind == tkind::map ? 2 : 1);
      depth = std::min(depth, segs.size());
      touched* at = &top;
      const tnode* value = &edited;
      for (std::size_t k = 0; k < depth; ++k) {
        at = &at->child(segs[k]);
        value = value->kind == tkind::sequence ? &value->items.at(std::stoul(segs[k])) : value->find(segs[k]);
      }
      at->value = value;
    }
  }
  std::string out = "extends: " + std::string(extends) + "\n";
  for (const auto& t : top.children) print(t, 0, out);
  return out;
}

}  // namespace corridor

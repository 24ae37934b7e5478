#pragma once
// The loader's stages, in order: parse and resolve overlays into one located tree, convert the tree into the
// scenario structs (types, keys, enums), then validate the structs (ranges, references, the network).
// Internal to sim/scenario.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "corridor/parameters.hpp"
#include "corridor/scenario.hpp"
#include "tree.hpp"

namespace corridor::detail {

// Parses `yaml` (named `name` in messages) and applies its `extends` chain; the result has no `extends`,
// `remove` or `scale_demand` keys left. Bases must lie in the folder tree of `base_dir` unless `options`
// allow otherwise. Problems go to `diags`.
tnode resolve_overlays(std::string_view yaml, const std::string& name, const std::filesystem::path& base_dir,
                       const load_options& options, diagnostics& diags);

// Merges one overlay layer (a map of scenario keys, without `extends`) onto `base`: entries by id change the
// fields they state, `remove` drops entries, `scale_demand` multiplies demand. Problems go to `diags`.
void merge_layer(tnode& base, const tnode& variant, diagnostics& diags);

// Fills a scenario from a resolved tree: unknown, missing and mistyped keys go to `diags`. `stem` is the
// default name.
scenario convert_tree(const tnode& root, const std::string& file, const std::string& stem,
                      diagnostics& diags);

// Finds where a field was written: (collection key such as "nodes" or "" for top level / "route_choice",
// entity id, field key). Null when the field was not written (a default).
using field_locator = std::function<const tnode*(std::string_view, std::string_view, std::string_view)>;
field_locator locator_for(const tnode& root);

// Gauges at nodes, flow endpoints and reachability; assumes every reference resolves.
void check_network(const scenario& s, const field_locator& where, diagnostics& diags);

// The semantic checks; `where` may be empty (then entity locations are used).
void validate_into(const scenario& s, const field_locator& where, diagnostics& diags);

// The document's tree with the edits applied in order (parameters.cpp), not yet converted. Problems go to
// `diags`.
tnode edited_tree(const scenario_document& doc, const std::vector<scenario_edit>& edits, diagnostics& diags);

}  // namespace corridor::detail

namespace corridor {

struct scenario_document::impl {
  detail::tnode root;
  std::string name;
};

}  // namespace corridor

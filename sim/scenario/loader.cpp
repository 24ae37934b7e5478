// The public entry points: load a file or text (parse, overlays, conversion, validation) and validate.
#include <filesystem>
#include <map>
#include <memory>
#include <unordered_map>

#include "files.hpp"
#include "keys.hpp"
#include "stages.hpp"

namespace corridor {

namespace detail {

field_locator locator_for(const tnode& root) {
  // Validation asks for every entity at least once: each collection is indexed on its first question.
  using index = std::unordered_map<std::string_view, const tnode*>;
  auto indexes = std::make_shared<std::map<std::string, index, std::less<>>>();
  return [&root, indexes](std::string_view collection, std::string_view id,
                          std::string_view field) -> const tnode* {
    if (collection.empty()) return root.find(field);
    const tnode* c = root.find(collection);
    if (!c || c->kind != tkind::map) return nullptr;
    // A top-level map (route_choice, choice, report) holds fields, not entities.
    if (const auto* key = section("top").find(collection); key && key->type == vtype::map)
      return c->find(field);
    auto it = indexes->find(collection);
    if (it == indexes->end()) {
      it = indexes->emplace(std::string(collection), index()).first;
      for (const auto& e : c->entries) it->second.emplace(e.key, &e.value);
    }
    const auto found = it->second.find(id);
    const tnode* entity = found == it->second.end() ? nullptr : found->second;
    if (!entity || field.empty()) return entity;
    return entity->kind == tkind::map ? entity->find(field) : nullptr;
  };
}

}  // namespace detail

scenario load_scenario_text(std::string_view yaml, std::string_view name,
                            const std::filesystem::path& base_dir, const load_options& options) {
  const std::string file(name);
  detail::diagnostics diags;
  const detail::tnode root = detail::resolve_overlays(yaml, file, base_dir, options, diags);
  // A document that did not parse has been reported; converting nothing would only add noise.
  if (diags.has_fatal() || (root.kind != detail::tkind::map && !diags.empty())) diags.throw_if_any();
  scenario s = detail::convert_tree(root, file, std::filesystem::path(file).stem().string(), diags);
  if (root.kind != detail::tkind::map) diags.throw_if_any();
  diags.freeze_locations();
  detail::validate_into(s, detail::locator_for(root), diags);
  diags.throw_if_any();
  return s;
}

scenario load_scenario(const std::filesystem::path& file, const load_options& options) {
  auto read = detail::read_scenario_file(file, detail::load_limits::max_bytes);
  if (!read.problem.empty()) {
    scenario_error::diagnostic d;
    d.loc.file = file.string();
    d.message = read.too_large ? detail::too_large(read.size) : "cannot read scenario file: " + read.problem;
    throw scenario_error({std::move(d)});
  }
  return load_scenario_text(read.text, file.string(), file.parent_path(), options);
}

void validate(const scenario& s) {
  detail::diagnostics diags;
  detail::validate_into(s, {}, diags);
  diags.throw_if_any();
}

}  // namespace corridor

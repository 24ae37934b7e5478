// The public entry points: load a file or text (parse, overlays, conversion, validation) and validate.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "stages.hpp"

namespace corridor {

namespace detail {

field_locator locator_for(const tnode& root) {
  return [&root](std::string_view collection, std::string_view id, std::string_view field) -> const tnode* {
    if (collection.empty()) return root.find(field);
    const tnode* c = root.find(collection);
    if (!c || c->kind != tkind::map) return nullptr;
    if (collection == "route_choice" || collection == "report") return c->find(field);
    const tnode* entity = c->find(id);
    if (!entity || field.empty()) return entity;
    return entity->kind == tkind::map ? entity->find(field) : nullptr;
  };
}

}  // namespace detail

scenario load_scenario_text(std::string_view yaml, std::string_view name,
                            const std::filesystem::path& base_dir) {
  const std::string file(name);
  detail::diagnostics diags;
  const detail::tnode root = detail::resolve_overlays(yaml, file, base_dir, diags);
  // A document that did not parse has been reported; converting nothing would only add noise.
  if (diags.has_fatal() || (root.kind != detail::tkind::map && !diags.empty())) diags.throw_if_any();
  scenario s = detail::convert_tree(root, file, std::filesystem::path(file).stem().string(), diags);
  if (root.kind != detail::tkind::map) diags.throw_if_any();
  diags.freeze_locations();
  detail::validate_into(s, detail::locator_for(root), diags);
  diags.throw_if_any();
  return s;
}

scenario load_scenario(const std::filesystem::path& file) {
  std::error_code ec;
  std::ifstream in;
  if (std::filesystem::is_regular_file(file, ec)) in.open(file, std::ios::binary);
  if (!in.is_open()) {
    scenario_error::diagnostic d;
    d.loc.file = file.string();
    d.message = "cannot read scenario file";
    throw scenario_error({std::move(d)});
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_scenario_text(text.str(), file.string(), file.parent_path());
}

void validate(const scenario& s) {
  detail::diagnostics diags;
  detail::validate_into(s, {}, diags);
  diags.throw_if_any();
}

}  // namespace corridor

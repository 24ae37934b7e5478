// `extends` overlays, merged at the tree level so that every value keeps the file and line it came from:
// a variant's entry with an existing id changes only the fields it states; a new id adds an entry;
// `remove` drops base entries; `scale_demand` multiplies demand. Chains work; cycles are errors.
#include <algorithm>

#include "files.hpp"
#include "keys.hpp"
#include "stages.hpp"

namespace corridor::detail {
namespace {

namespace fs = std::filesystem;

// Top-level collections whose entries `remove` may drop; report shares too (report_shares below).
const std::vector<std::string_view> removable = {
    "nodes", "edges", "flows", "disruptions", "corridor_families", "alternatives", "markets", "wagon_pools"};

tnode* report_shares(tnode& root) {
  auto* report = root.find("report");
  auto* shares = report && report->kind == tkind::map ? report->find("shares") : nullptr;
  return shares && shares->kind == tkind::map ? shares : nullptr;
}

std::string chain_text(const std::vector<std::string>& names, const std::string& last) {
  std::string out;
  for (const auto& n : names) out += n + " -> ";
  return out + last;
}

// What one load carries down its `extends` chain: the files on the way (for cycles), what is left of the
// limits, where bases may be read from, and the sink.
struct chain {
  std::vector<std::string> keys;   // canonical paths, for cycles
  std::vector<std::string> names;  // as shown in messages
  load_budget budget;
  diagnostics& diags;
  fs::path top_dir;  // the folder of the scenario being loaded
  bool allow_outside = false;
  fs::path root;  // its folder tree, found when a base is first needed

  const fs::path& tree() {
    if (root.empty()) root = scenario_tree(top_dir);
    return root;
  }
};

tnode resolve_doc(tnode doc, const fs::path& base_dir, chain& ch);

// Replaces each field the variant states; nested values (distributions, lists) are replaced whole.
void merge_fields(tnode& base, const tnode& variant) {
  if (base.kind != tkind::map || variant.kind != tkind::map) {
    base = variant;
    return;
  }
  for (const auto& e : variant.entries) {
    if (auto* existing = base.find(e.key)) {
      *existing = e.value;
    } else {
      base.entries.push_back(e);
    }
  }
}

// A new entry of an overlay lacking required keys is most likely a base entry misspelt (`horgos:` for
// `khorgos:`): said so at its id, instead of the bare "missing required keys" the conversion would give.
void check_new_entry(const tentry& e, const section_spec& sec, const std::vector<std::string>& base_ids,
                     diagnostics& diags) {
  if (e.value.kind != tkind::map) return;
  std::vector<std::string_view> missing;
  for (const auto& k : sec.keys) {
    if (k.required && !e.value.find(k.name)) missing.push_back(k.name);
  }
  if (missing.empty() || diags.full()) return;
  const std::string suggestion = did_you_mean(e.key, base_ids);
  if (suggestion.empty()) return;
  std::string noun(sec.name);
  std::replace(noun.begin(), noun.end(), '_', ' ');
  std::string keys;
  for (auto k : missing) keys += (keys.empty() ? "'" : ", '") + std::string(k) + "'";
  diags.error(e.key_loc, noun + " " + shown(e.key) + " is not in the base, and a new " + noun + " needs " +
                             keys + suggestion);
  diags.suppress(e.key_loc);
}

// An overlay may restate thousands of entries: look-ups go through an index, not a scan each.
void merge_id_map(tnode& base, const tnode& variant, const section_spec& sec, diagnostics& diags) {
  if (base.kind != tkind::map || variant.kind != tkind::map) {
    base = variant;
    return;
  }
  const auto index = index_of(base);
  std::vector<std::string> base_ids;  // for suggestions, listed once if an entry is new
  for (const auto& e : variant.entries) {
    if (const auto it = index.find(e.key); it != index.end()) {
      merge_fields(base.entries[it->second].value, e.value);
      continue;
    }
    if (base_ids.empty()) {
      for (std::size_t i = 0; i < index.size(); ++i) base_ids.push_back(base.entries[i].key);
    }
    check_new_entry(e, sec, base_ids, diags);
    base.entries.push_back(e);  // the variant's keys are unique: no later look-up needs it
  }
}

// A top-level map (route_choice, choice, report): field by field, and its id maps (report shares) by id.
void merge_map(tnode& base, const tnode& variant, const section_spec& sec, diagnostics& diags) {
  if (base.kind != tkind::map || variant.kind != tkind::map) {
    base = variant;
    return;
  }
  for (const auto& e : variant.entries) {
    const auto* spec = sec.find(e.key);
    auto* existing = base.find(e.key);
    if (!existing) {
      base.entries.push_back(e);
    } else if (spec && spec->type == vtype::id_map) {
      merge_id_map(*existing, e.value, section(spec->section), diags);
    } else {
      *existing = e.value;
    }
  }
}

std::vector<std::string> ids_of(const tnode& root, const std::vector<std::string_view>& collections) {
  std::vector<std::string> out;
  for (auto c : collections) {
    if (const auto* m = root.find(c); m && m->kind == tkind::map) {
      for (const auto& e : m->entries) out.push_back(e.key);
    }
  }
  return out;
}

struct removed_id {
  std::string id;
  source_loc loc;  // in the overlay's `remove` list
};

// Drops the listed ids from the base: each collection indexed once and compacted once.
std::vector<removed_id> apply_remove(tnode& base, const tnode& list, diagnostics& diags) {
  std::vector<removed_id> removed;
  if (list.kind != tkind::sequence) {
    diags.error(list.loc, "remove: expected a list of ids, got " + list.describe());
    return removed;
  }
  struct collection {
    tnode* map;
    std::unordered_map<std::string, std::size_t> index;
    std::vector<bool> drop;
  };
  std::vector<collection> collections;
  for (auto c : removable) {
    if (auto* m = base.find(c); m && m->kind == tkind::map) {
      collections.push_back({m, index_of(*m), std::vector<bool>(m->entries.size())});
    }
  }
  if (auto* m = report_shares(base))
    collections.push_back({m, index_of(*m), std::vector<bool>(m->entries.size())});
  for (const auto& item : list.items) {
    if (item.kind != tkind::scalar) {
      diags.error(item.loc, "remove: expected an id, got " + item.describe());
      continue;
    }
    bool found = false;
    for (auto& c : collections) {
      const auto it = c.index.find(item.text);
      if (it == c.index.end() || c.drop[it->second]) continue;
      c.drop[it->second] = true;
      found = true;
    }
    if (found) {
      removed.push_back({item.text, item.loc});
    } else if (!diags.full()) {
      auto known = ids_of(base, removable);
      if (const auto* m = report_shares(base)) {
        for (const auto& e : m->entries) known.push_back(e.key);
      }
      diags.error(item.loc,
                  "cannot remove " + shown(item.text) +
                      ": the base has no node, edge, flow, disruption, corridor family, alternative, "
                      "market or report share with that id" +
                      did_you_mean(item.text, known));
    }
  }
  for (auto& c : collections) {
    std::size_t i = 0;
    std::erase_if(c.map->entries, [&](const tentry&) { return c.drop[i++]; });
  }
  return removed;
}

// Something still using a removed node or edge (that the overlay did not add back) is reported at the
// `remove` entry: that is where the planner's decision was written. One pass over each user collection.
void check_removed_references(const tnode& root, const std::vector<removed_id>& removed, diagnostics& diags) {
  if (removed.empty()) return;
  const struct {
    std::string_view collection, noun, field, target, target_noun;
  } refs[] = {{"edges", "edge", "from", "nodes", "node"},
              {"edges", "edge", "to", "nodes", "node"},
              {"flows", "flow", "from", "nodes", "node"},
              {"flows", "flow", "to", "nodes", "node"},
              {"disruptions", "disruption", "target", "nodes", "node"},
              {"disruptions", "disruption", "target", "edges", "edge"}};
  for (const auto& ref : refs) {
    const auto* users = root.find(ref.collection);
    if (!users || users->kind != tkind::map) continue;
    const auto* targets = root.find(ref.target);
    const auto present = targets && targets->kind == tkind::map
                             ? index_of(*targets)
                             : std::unordered_map<std::string, std::size_t>();
    std::unordered_map<std::string_view, const removed_id*> gone;  // removed, not added back
    for (const auto& r : removed) {
      if (!present.count(r.id)) gone.emplace(r.id, &r);
    }
    for (const auto& e : users->entries) {
      const auto* v = e.value.kind == tkind::map ? e.value.find(ref.field) : nullptr;
      if (!v || v->kind != tkind::scalar) continue;
      const auto it = gone.find(v->text);
      if (it == gone.end()) continue;
      const removed_id& r = *it->second;
      diags.error(r.loc, "cannot remove " + std::string(ref.target_noun) + " '" + r.id + "': " +
                             std::string(ref.noun) + " '" + e.key + "' still uses it (" + v->loc.file + ":" +
                             std::to_string(v->loc.line) + "); remove the " + std::string(ref.noun) + " too");
      diags.suppress(v->loc);
    }
  }
}

// Multiplies one entry's demand field (teu_per_week of a flow, teu_per_year of a market).
void scale_entry(tnode& entry, std::string_view field, double factor) {
  auto* teu = entry.kind == tkind::map ? entry.find(field) : nullptr;
  double v = 0.0;
  // A missing or malformed value is left for the conversion to report where it was written.
  if (teu && teu->kind == tkind::scalar && parse_number(teu->text, v)) teu->text = format_number(v * factor);
}

// Scales the entries of one collection: all of them (`only` null), or those listed.
void scale_collection(tnode& root, std::string_view collection, std::string_view field, std::string_view noun,
                      const tnode* only, double factor, diagnostics& diags) {
  auto* entries = root.find(collection);
  if (only != nullptr && only->kind != tkind::sequence) {
    return diags.error(only->loc, std::string(collection) + " of scale_demand: expected a list of " +
                                      std::string(noun) + " ids, got " + only->describe());
  }
  if (!entries || entries->kind != tkind::map) entries = nullptr;
  if (only == nullptr) {
    if (entries) {
      for (auto& e : entries->entries) scale_entry(e.value, field, factor);
    }
    return;
  }
  const auto index = entries ? index_of(*entries) : std::unordered_map<std::string, std::size_t>();
  for (const auto& id : only->items) {
    const auto it = id.kind == tkind::scalar ? index.find(id.text) : index.end();
    if (it != index.end()) {
      scale_entry(entries->entries[it->second].value, field, factor);
    } else if (!diags.full()) {
      diags.error(id.loc, "scale_demand refers to unknown " + std::string(noun) + " " + id.describe() +
                              did_you_mean(id.text, ids_of(root, {collection})));
    }
  }
}

void apply_scale(tnode& root, const tnode& scale, diagnostics& diags) {
  const tnode* factor_node = scale.kind == tkind::map ? scale.find("factor") : &scale;
  double factor = 0.0;
  if (scale.kind == tkind::map) {
    for (const auto& e : scale.entries) {
      if (e.key != "factor" && e.key != "flows" && e.key != "markets") {
        diags.error(e.key_loc, "unknown key '" + e.key + "' in scale_demand" +
                                   did_you_mean(e.key, section("scale_demand").names()));
      }
    }
    if (!factor_node) return diags.error(scale.loc, "scale_demand is missing required key 'factor'");
  }
  if (factor_node->kind != tkind::scalar || !parse_number(factor_node->text, factor)) {
    return diags.error(factor_node->loc, "scale_demand: expected a number, got " + factor_node->describe());
  }
  if (const auto& spec = section("scale_demand").at("factor"); !spec.in_range(factor)) {
    return diags.error(factor_node->loc,
                       "scale_demand must be " + spec.range_text() + ", got " + factor_node->text);
  }
  // With neither list, all demand scales; with one or both, only what they list.
  const tnode* flows = scale.kind == tkind::map ? scale.find("flows") : nullptr;
  const tnode* markets = scale.kind == tkind::map ? scale.find("markets") : nullptr;
  const bool all = flows == nullptr && markets == nullptr;
  if (all || flows) scale_collection(root, "flows", "teu_per_week", "flow", flows, factor, diags);
  if (all || markets) scale_collection(root, "markets", "teu_per_year", "market", markets, factor, diags);
}

}  // namespace

void merge_layer(tnode& base, const tnode& variant, diagnostics& diags) {
  std::vector<removed_id> removed;
  if (const auto* list = variant.find("remove")) removed = apply_remove(base, *list, diags);
  // A variant is its own scenario: without a name of its own it is named after its file, not its base.
  base.erase("name");
  const auto& top = section("top");
  for (const auto& e : variant.entries) {
    if (e.key == "extends" || e.key == "remove" || e.key == "scale_demand") continue;
    const auto* spec = top.find(e.key);
    auto* existing = base.find(e.key);
    if (!existing) {
      base.entries.push_back(e);
    } else if (spec && spec->type == vtype::id_map) {
      merge_id_map(*existing, e.value, section(spec->section), diags);
    } else if (spec && spec->type == vtype::map) {
      merge_map(*existing, e.value, section(spec->section), diags);
    } else {
      *existing = e.value;
    }
  }
  check_removed_references(base, removed, diags);
  if (const auto* scale = variant.find("scale_demand")) apply_scale(base, *scale, diags);
}

namespace {

// A base as written, and where that is when the text does not say: "'../base.yaml' ('/data/base.yaml')".
std::string written_and_resolved(const tnode& extends, const fs::path& path) {
  std::error_code ec;
  const auto absolute = fs::absolute(path, ec).lexically_normal();
  const std::string as_written = "'" + extends.text + "'";
  return ec || absolute == fs::path(extends.text) ? as_written
                                                  : as_written + " ('" + absolute.string() + "')";
}

// Guards against the wrong file (a sweep, /etc/shadow): a map none of whose keys is or resembles a scenario
// key is reported once, rather than as one "unknown key" per line of whatever it is.
bool looks_like_scenario(const tnode& doc) {
  if (doc.kind != tkind::map || doc.entries.empty()) return true;
  const auto& top = section("top");
  const auto names = top.names();
  return std::any_of(doc.entries.begin(), doc.entries.end(),
                     [&](const tentry& e) { return top.find(e.key) || !closest(e.key, names).empty(); });
}

std::string not_a_scenario(const tnode& doc) {
  return "not a scenario: none of its " + std::to_string(doc.entries.size()) +
         " keys is or resembles a scenario key";
}

tnode load_base(const tnode& extends, const fs::path& base_dir, chain& ch) {
  auto& diags = ch.diags;
  const fs::path path = base_dir / extends.text;
  const std::string name = path.lexically_normal().string();
  std::error_code ec;
  auto canonical = fs::weakly_canonical(path, ec);
  const std::string key = ec ? name : canonical.string();
  if (std::find(ch.keys.begin(), ch.keys.end(), key) != ch.keys.end()) {
    diags.fatal(extends.loc, "extends cycle: " + chain_text(ch.names, name));
    return {};
  }
  if (ch.keys.size() >= load_limits::max_chain) {
    diags.fatal(extends.loc,
                "more than " + std::to_string(load_limits::max_chain) +
                    " files in one extends chain, the loader's limit (see Limits in docs/scenarios.md)");
    return {};
  }
  if (!ch.allow_outside && !inside_tree(ch.tree(), path)) {
    diags.fatal(extends.loc,
                "base scenario " + written_and_resolved(extends, path) +
                    " is outside the scenario's folder tree '" + ch.tree().string() +
                    "'; allow it with --allow-outside, or mark a folder above both with a file " + "named " +
                    tree_marker);
    return {};
  }
  const file_text read = read_scenario_file(path, ch.budget.bytes);
  if (read.too_large) {
    diags.fatal(extends.loc, "base scenario '" + name + "': " + too_large(read.size));
    return {};
  }
  if (!read.problem.empty()) {
    diags.fatal(extends.loc,
                "cannot read base scenario " + written_and_resolved(extends, path) + ": " + read.problem);
    return {};
  }
  const std::size_t errors_before = diags.size();
  tnode parsed = parse_tree(read.text, name, diags, ch.budget);
  if (parsed.kind != tkind::map) {
    // Not even a map: whatever the file holds is not shown.
    const std::string got = parsed.kind == tkind::scalar
                                ? "a text of " + std::to_string(parsed.text.size()) + " characters"
                                : parsed.describe();
    if (diags.size() == errors_before) {
      diags.fatal(extends.loc, "base scenario '" + name +
                                   "' is not a scenario: expected a map of scenario "
                                   "keys, got " +
                                   got);
    }
    return {};
  }
  if (!looks_like_scenario(parsed)) {
    diags.fatal(extends.loc, "base scenario '" + name + "' is " + not_a_scenario(parsed));
    return {};
  }
  ch.keys.push_back(key);
  ch.names.push_back(name);
  tnode base = resolve_doc(std::move(parsed), path.parent_path(), ch);
  ch.keys.pop_back();
  ch.names.pop_back();
  return base;
}

tnode resolve_doc(tnode doc, const fs::path& base_dir, chain& ch) {
  auto& diags = ch.diags;
  if (doc.kind != tkind::map) return doc;  // the conversion reports what the top level should be
  const auto* extends = doc.find("extends");
  if (!extends) {
    for (const char* overlay_only : {"remove", "scale_demand"}) {
      if (const auto* e = doc.find_entry(overlay_only)) {
        diags.error(e->key_loc, "'" + e->key + "' is allowed only in a file that extends another");
      }
    }
    doc.erase("remove");
    doc.erase("scale_demand");
    return doc;
  }
  if (extends->kind != tkind::scalar || extends->text.empty()) {
    // Nothing after this could be right: the base's keys are missing, and so are its regions and nodes.
    diags.fatal(extends->loc, "extends: expected the file name of a base scenario, got " +
                                  (extends->kind == tkind::scalar ? "an empty name" : extends->describe()));
    return doc;
  }
  tnode base = load_base(*extends, base_dir, ch);
  if (base.kind != tkind::map) {
    doc.erase("extends");
    doc.erase("remove");
    doc.erase("scale_demand");
    return doc;
  }
  merge_layer(base, doc, diags);
  return base;
}

}  // namespace

tnode resolve_overlays(std::string_view yaml, const std::string& name, const fs::path& base_dir,
                       const load_options& options, diagnostics& diags) {
  chain ch{{}, {name}, {}, diags, base_dir, options.allow_outside, {}};
  std::error_code ec;
  const auto own = fs::weakly_canonical(base_dir / fs::path(name).filename(), ec);
  ch.keys.push_back(ec ? name : own.string());
  tnode doc = parse_tree(yaml, name, diags, ch.budget);
  if (!looks_like_scenario(doc)) {
    diags.fatal(doc.loc, not_a_scenario(doc));
    return {};
  }
  return resolve_doc(std::move(doc), base_dir, ch);
}

}  // namespace corridor::detail

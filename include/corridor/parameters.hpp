#pragma once
// Parameter paths: edits of a scenario by name (`nodes.khorgos.tracks`, `crossings.*.daily_cap_trains`,
// `flows.*.teu_per_week` scaled by 1.2) and overlays given as text, applied by the scenario module to its own
// located tree, the one `extends` overlays merge on. Every edited scenario then passes the conversion and
// validation a file passes, and a problem is reported where it was written: an unknown id or key at the
// edit's place (with a "did you mean"), a value out of range at the place of the edit that set it. Sweeps,
// calibration and the studio all edit scenarios through apply_edits(). Knows nothing of the engine.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "corridor/scenario.hpp"

namespace corridor {

// A scenario file's resolved tree (its `extends` chain merged), before conversion: what edits apply to. A
// cheap-to-copy immutable value; applying edits never changes it.
class scenario_document {
 public:
  struct impl;
  explicit scenario_document(std::shared_ptr<const impl> p) : impl_(std::move(p)) {}
  const impl& tree() const noexcept { return *impl_; }
  // The name that stands for the file in messages.
  const std::string& name() const noexcept;

 private:
  std::shared_ptr<const impl> impl_;
};

// Parses `yaml` (named `name` in messages; a relative `extends` resolves from `base_dir`), applies its
// overlays and checks that it loads as a scenario. Throws scenario_error with every problem.
scenario_document parse_document(std::string_view yaml, std::string_view name,
                                 const std::filesystem::path& base_dir = {},
                                 const load_options& options = {});

enum class param_op { set, scale };

// Sets the value a parameter path addresses, or multiplies what is there (every element of a list).
// `crossings.`, `terminals.`, `ports.` and `junctions.` address nodes of that kind, `ferries.` ferry edges;
// `*` stands for every key of a map or element of a list; a number indexes a list.
struct parameter_edit {
  std::string path;
  param_op op = param_op::set;
  double value = 0.0;
  source_loc loc;  // where the edit was written (a sweep or targets file); its problems are reported there
};

// An overlay as text (YAML, or JSON, which reads as YAML), merged on the document like a file that extends
// it: entries by id change only the fields they state, `remove` and `scale_demand` work as in files.
struct overlay_edit {
  std::string text;
  std::string name;  // stands for the overlay's file in messages
};

using scenario_edit = std::variant<parameter_edit, overlay_edit>;

// The concrete paths (wildcards and aliases expanded, e.g. nodes.dostyk.tracks) that `path` addresses in the
// document, in document order. Throws scenario_error at `loc` when it addresses nothing or something that is
// not a number (or list of numbers) to edit, naming what is there and the closest id or key.
std::vector<std::string> resolve_parameter(const scenario_document& doc, std::string_view path, param_op op,
                                           const source_loc& loc = {});

// The number at a concrete path. Throws scenario_error at `loc` when it holds something else.
double parameter_value(const scenario_document& doc, std::string_view path, const source_loc& loc = {});

// The scenario the document loads as with the edits applied in order. Throws scenario_error with every
// problem, each where it was written.
scenario apply_edits(const scenario_document& doc, const std::vector<scenario_edit>& edits);

// The fields the edits touch, with their edited values, as an overlay that extends `extends` (written as
// given): each collection entry's field (nodes.<id>.<field>; a list or distribution whole), each field of a
// top-level map (route_choice.<field>), or a top-level value. No comments: the caller adds a header.
std::string edits_overlay_yaml(const scenario_document& doc, const std::vector<parameter_edit>& edits,
                               std::string_view extends);

}  // namespace corridor

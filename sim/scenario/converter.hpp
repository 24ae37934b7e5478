#pragma once
// Conversion of a resolved tree into the scenario structs: the value readers (convert_values.cpp) and the
// entity readers (convert.cpp). Internal to sim/scenario.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "keys.hpp"
#include "stages.hpp"

namespace corridor::detail {

inline std::string in_quotes(std::string_view s) {
  return "'" + std::string(s) + "'";
}

inline std::string join(const std::vector<std::string_view>& words, std::string_view sep) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : std::string(sep)) + std::string(w);
  return out;
}

class converter {
 public:
  explicit converter(diagnostics& diags) : diags_(diags) {}

  scenario run(const tnode& root, const std::string& file, const std::string& stem);

 private:
  diagnostics& diags_;

  // The label of a field in messages: "tracks of node 'dostyk'", or "horizon_days" at top level.
  static std::string label(std::string_view key, const std::string& context) {
    return context.empty() ? std::string(key) : std::string(key) + " of " + context;
  }
  void wrong_type(const tnode& v, std::string_view key, const std::string& context,
                  std::string_view expected) {
    diags_.error(v.loc,
                 label(key, context) + ": expected " + std::string(expected) + ", got " + v.describe());
  }
  bool expect_map(const tnode& v, const source_loc& at, const std::string& what) {
    if (v.kind == tkind::map) return true;
    diags_.error(at, what + ": expected a map, got " + v.describe());
    return false;
  }

  // Unknown keys (with a suggestion), keys for another kind of node or edge, and missing required keys.
  // `kind` is what the entity is (applies::any when unknown); `kind_text` names it in messages.
  void check_keys(const tnode& map, const source_loc& at, const section_spec& sec, const std::string& context,
                  applies kind, std::string_view kind_text);
  void read_string(const tnode& m, std::string_view key, const std::string& ctx, std::string& out);
  void read_number(const tnode& m, std::string_view key, const std::string& ctx, double& out);
  void read_int(const tnode& m, std::string_view key, const std::string& ctx, int& out);
  void read_bool(const tnode& m, std::string_view key, const std::string& ctx, bool& out);
  template <class Enum>
  void read_choice(const tnode& m, const section_spec& sec, std::string_view key, const std::string& ctx,
                   Enum& out);
  void read_dist(const tnode& m, std::string_view key, const std::string& ctx, distribution& out);
  void read_weekdays(const tnode& m, std::string_view key, const std::string& ctx, std::vector<int>& out);
  void read_months(const tnode& m, std::string_view key, const std::string& ctx, std::array<double, 12>& out,
                   bool allow_one);
  bool number_list(const tnode& v, std::string_view key, const std::string& ctx, std::vector<double>& out);

  void read_top(const tnode& root, scenario& s);
  void read_node(const tentry& e, node_spec& n);
  void read_edge(const tentry& e, edge_spec& d);
  void read_flow(const tentry& e, flow_spec& f);
  void read_disruption(const tentry& e, disruption_spec& d);
  void read_cargo_class(const tentry& e, cargo_class_spec& c);
  void read_region(const tentry& e, region_spec& r);
  template <class Spec, class Read>
  void read_collection(const tnode& root, std::string_view key, std::string_view noun, std::vector<Spec>& out,
                       Read read);
};

template <class Enum>
void converter::read_choice(const tnode& m, const section_spec& sec, std::string_view key,
                            const std::string& ctx, Enum& out) {
  const auto* v = m.find(key);
  if (!v) return;
  const auto& choices = sec.at(key).choices;
  const auto it =
      v->kind == tkind::scalar ? std::find(choices.begin(), choices.end(), v->text) : choices.end();
  if (it != choices.end()) {
    out = static_cast<Enum>(it - choices.begin());
    return;
  }
  const std::vector<std::string> names(choices.begin(), choices.end());
  diags_.error(v->loc, label(key, ctx) + " must be one of " + join(choices, "|") + ", got " + v->describe() +
                           (v->kind == tkind::scalar ? did_you_mean(v->text, names) : ""));
}

}  // namespace corridor::detail

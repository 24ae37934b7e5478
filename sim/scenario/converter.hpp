#pragma once
// Conversion of a resolved tree into the scenario structs: the value readers (convert_values.cpp) and the
// entity readers (convert.cpp). Internal to sim/scenario.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
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
  void read_choice(const tnode& m, const section_spec& sec, std::string_view key, const std::string& ctx,
                   std::string& out);
  // The value's position among the key's choices; reported (with a suggestion) and npos when it is none.
  std::size_t choice_index(const tnode& v, const section_spec& sec, std::string_view key,
                           const std::string& ctx);
  void read_dist(const tnode& m, std::string_view key, const std::string& ctx, distribution& out);
  void read_weekdays(const tnode& m, std::string_view key, const std::string& ctx, std::vector<int>& out);
  void read_months(const tnode& m, std::string_view key, const std::string& ctx, std::array<double, 12>& out,
                   bool allow_one);
  bool number_list(const tnode& v, std::string_view key, const std::string& ctx, std::vector<double>& out);
  // A list of strings: `list` and `item` say what is expected in messages ("a list of ids", "an id").
  void strings(const tnode& v, std::string_view key, const std::string& ctx, std::vector<std::string>& out,
               std::string_view list, std::string_view item);
  void read_strings(const tnode& m, std::string_view key, const std::string& ctx,
                    std::vector<std::string>& out, std::string_view list = "a list of ids",
                    std::string_view item = "an id");
  void read_number_map(const tnode& m, std::string_view key, const std::string& ctx,
                       std::vector<std::pair<std::string, double>>& out);

  void read_top(const tnode& root, scenario& s);
  void read_node(const tentry& e, node_spec& n);
  void read_edge(const tentry& e, edge_spec& d);
  void read_flow(const tentry& e, flow_spec& f);
  void read_disruption(const tentry& e, disruption_spec& d);
  void read_cargo_class(const tentry& e, cargo_class_spec& c);
  void read_service_class(const tentry& e, service_class_spec& c);
  void read_wagon_pool(const tentry& e, wagon_pool_spec& w);
  void read_region(const tentry& e, region_spec& r);
  // convert_markets.cpp
  void read_choice_settings(const tnode& root, choice_spec& c);
  void read_report(const tnode& root, report_spec& r);
  void read_share(const tentry& e, share_spec& sh);
  void read_family(const tentry& e, family_spec& f);
  void read_alternative(const tentry& e, alternative_spec& a);
  void read_market(const tentry& e, market_spec& mk);
  void read_pair(const tentry& e, market_pair_spec& p, const std::string& market_ctx);
  void read_risks(const tnode& m, const std::string& ctx, std::vector<market_risk_spec>& out);
  // convert_years.cpp: multi-year runs, read once the rest is.
  void read_years(const tnode& root, scenario& s);
  void read_calendar(const tnode& root, scenario& s);
  void read_projects(const tnode& root, scenario& s);
  double read_opening(const tnode& v, std::string_view key, const std::string& ctx, const scenario& s);
  void read_path(const tnode& m, const section_spec& sec, std::string_view growth_key,
                 std::string_view list_key, const std::string& ctx, const scenario& s, double& growth,
                 std::vector<double>& list);
  // The id map at `key` of `parent` (`ctx` names the parent in messages, "" at top level): one spec per
  // entry, with its id and place, filled by `read` (a member function or a callable taking entry and spec).
  template <class Spec, class Read>
  void read_collection(const tnode& parent, std::string_view key, const std::string& ctx,
                       std::string_view noun, std::vector<Spec>& out, Read read);
};

template <class Spec, class Read>
void converter::read_collection(const tnode& parent, std::string_view key, const std::string& ctx,
                                std::string_view noun, std::vector<Spec>& out, Read read) {
  const auto* v = parent.find(key);
  if (!v) return;
  if (v->kind != tkind::map) return wrong_type(*v, key, ctx, "a map of id -> " + std::string(noun));
  for (const auto& e : v->entries) {
    if (!is_valid_id(e.key)) {
      diags_.error(e.key_loc,
                   "invalid " + std::string(noun) + " id " + shown(e.key) +
                       ": ids use letters, digits, '_', '-' and '.', starting with a letter or digit");
    }
    Spec spec;
    spec.id = e.key;
    spec.loc = e.key_loc;
    if constexpr (std::is_member_function_pointer_v<Read>) {
      (this->*read)(e, spec);
    } else {
      read(e, spec);
    }
    out.push_back(std::move(spec));
  }
}

template <class Enum>
void converter::read_choice(const tnode& m, const section_spec& sec, std::string_view key,
                            const std::string& ctx, Enum& out) {
  const auto* v = m.find(key);
  if (!v) return;
  const auto i = choice_index(*v, sec, key, ctx);
  if (i != static_cast<std::size_t>(-1)) out = static_cast<Enum>(i);
}

}  // namespace corridor::detail

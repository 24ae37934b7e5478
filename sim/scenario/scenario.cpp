// The scenario's error type and look-ups.
#include "corridor/scenario.hpp"

#include <algorithm>

namespace corridor {
namespace {

std::string format_diagnostic(const scenario_error::diagnostic& d) {
  const std::string at = to_string(d.loc);
  return (at.empty() ? "" : at + ": ") + "error: " + d.message;
}

std::string format_all(const std::vector<scenario_error::diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += (out.empty() ? "" : "\n") + format_diagnostic(d);
  return out.empty() ? std::string("error: invalid scenario") : out;
}

template <class Spec>
const Spec* find_by_id(const std::vector<Spec>& specs, std::string_view id) noexcept {
  const auto it = std::find_if(specs.begin(), specs.end(), [&](const Spec& s) { return s.id == id; });
  return it == specs.end() ? nullptr : &*it;
}

}  // namespace

std::string to_string(const source_loc& loc) {
  std::string out = loc.file;
  if (loc.line > 0) {
    out += (out.empty() ? "" : ":") + std::to_string(loc.line) + ":" + std::to_string(loc.column);
  }
  return out;
}

scenario_error::scenario_error(std::vector<diagnostic> diagnostics)
    : std::runtime_error(format_all(diagnostics)), diagnostics_(std::move(diagnostics)) {}

std::string_view to_string(node_kind k) noexcept {
  switch (k) {
    case node_kind::terminal:
      return "terminal";
    case node_kind::junction:
      return "junction";
    case node_kind::crossing:
      return "crossing";
    case node_kind::port:
      return "port";
  }
  return "node";
}

const node_spec* scenario::find_node(std::string_view id) const noexcept {
  return find_by_id(nodes, id);
}
const edge_spec* scenario::find_edge(std::string_view id) const noexcept {
  return find_by_id(edges, id);
}
const region_spec* scenario::find_region(std::string_view id) const noexcept {
  return find_by_id(regions, id);
}
const cargo_class_spec* scenario::find_cargo_class(std::string_view id) const noexcept {
  return find_by_id(cargo_classes, id);
}

const service_class_spec* scenario::find_service_class(std::string_view id) const noexcept {
  return find_by_id(service_classes, id);
}

const alternative_spec* scenario::find_alternative(std::string_view id) const noexcept {
  return find_by_id(alternatives, id);
}
const market_spec* scenario::find_market(std::string_view id) const noexcept {
  return find_by_id(markets, id);
}

bool scenario::node_in_region(std::string_view region, const node_spec& node) const noexcept {
  const auto* r = find_region(region);
  if (r == nullptr) return false;
  return std::find(r->countries.begin(), r->countries.end(), node.country) != r->countries.end() ||
         std::find(r->nodes.begin(), r->nodes.end(), node.id) != r->nodes.end();
}

std::string scenario::region_name(std::string_view region) const {
  if (const auto* r = find_region(region); r != nullptr && !r->name.empty()) return r->name;
  std::string out(region);
  bool word_start = true;
  for (char& c : out) {
    if (c == '_') c = ' ';
    if (word_start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    word_start = c == ' ';
  }
  return out;
}

share_spec headline_share(const report_spec& r) {
  if (!r.shares.empty()) return r.shares.front();
  return {"headline", r.origin_region, r.destination_region, r.share_region, "", {}};
}

bool scenario::in_region(std::string_view region, std::string_view country) const noexcept {
  const auto* r = find_region(region);
  return r && std::find(r->countries.begin(), r->countries.end(), country) != r->countries.end();
}

}  // namespace corridor

#pragma once
// The scenario format's keys, once: which keys each map allows, their types, ranges, units and meaning.
// The loader checks against it, validate() takes its ranges from it and the JSON Schema is printed from it,
// so the three cannot drift apart. Internal to sim/scenario.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::detail {

enum class vtype {
  string,        // free text or an id
  number,        // finite real
  integer,       // whole number
  boolean,       // true/false
  choice,        // one of `choices`
  distribution,  // a number (constant) or {dist: ..., params}
  weekdays,      // list of mon..sun
  months12,      // exactly 12 numbers, January first
  months1or12,   // one number for every month, or 12
  string_list,   // list of strings (countries, ids)
  number_map,    // a map id -> number (shares by cargo class or terminal); the range applies to the numbers
  map,           // a nested map with its own section
  id_map,        // a map id -> entry of a section
  scale,         // a number or {factor, flows, markets}
  number_list,   // a list of numbers (one per year of a multi-year run); the range applies to the numbers
};

// Keys that only make sense for one kind of node or edge.
enum class applies { any, crossing, port, rail, ferry };

struct key_spec {
  std::string_view name;
  vtype type = vtype::number;
  std::string_view description;
  std::string_view unit;
  bool required = false;
  applies only = applies::any;
  std::optional<double> min;  // inclusive unless min_exclusive
  std::optional<double> max;  // inclusive unless max_exclusive
  bool min_exclusive = false;
  bool max_exclusive = false;
  std::optional<double> nonzero_min;      // 0, or at least this (a fraction where 0 means "closed")
  std::vector<std::string_view> choices;  // vtype::choice
  std::vector<int> int_choices;           // integers limited to a set (gauges)
  std::string_view section;               // vtype::map / id_map: the section of the entries

  bool in_range(double v) const noexcept;
  // "> 0", ">= 1 and <= 16", "0 or >= 0.001 and < 1"; "" when unbounded.
  std::string range_text() const;
};

struct section_spec {
  std::string_view name;         // "top", "node", ...
  std::string_view description;  // for the schema
  std::vector<key_spec> keys;

  const key_spec* find(std::string_view key) const noexcept;
  const key_spec& at(std::string_view key) const;  // throws std::logic_error: a typo in the loader itself
  std::vector<std::string> names() const;
};

const section_spec& section(std::string_view name);  // throws std::logic_error on an unknown name

// Distribution kinds and their parameter names, in the order of distribution::a, b, c.
struct dist_spec {
  std::string_view name;
  std::vector<std::string_view> params;
  std::string_view description;
};
const std::vector<dist_spec>& dist_specs();
const dist_spec* find_dist(std::string_view name) noexcept;
// Every distribution parameter is a duration in hours (weights aside) of at most this, ~11 years: sampled
// times and expected costs stay finite however the parameters combine.
inline constexpr double dist_max_h = 1e5;
// A lognormal's mean is at least this (3.6 s): its log-scale parameters come from (sd / mean) squared.
inline constexpr double lognormal_min_mean_h = 1e-3;

// Corridor families in one scenario. With the implicit family "other" they make at most 16 nests; each
// family is a constrained path search per origin-destination pair, so their number multiplies the routing
// work, and the real corridors out of China number five or six.
inline constexpr std::size_t max_families = 15;
// Shares (cargo mix, origins, destinations, pairs) must sum to 1 within this: decimal shares that add up to 1
// do so within floating-point rounding (~1e-16), while a share mistyped by a ten-thousandth is caught.
inline constexpr double share_sum_tolerance = 1e-6;

// Ids of nodes, edges, flows ...: letters, digits, '_', '-', '.', starting with a letter or digit.
inline constexpr std::string_view id_pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";
bool is_valid_id(std::string_view id) noexcept;
// ISO 3166 alpha-2: two capital letters.
inline constexpr std::string_view country_pattern = "^[A-Z]{2}$";
bool is_country_code(std::string_view code) noexcept;

inline const std::vector<std::string_view> weekday_names = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
std::string format_number(double v);
// Whole-text parses; false for anything else (including inf and nan).
bool parse_number(std::string_view text, double& out) noexcept;
bool parse_integer(std::string_view text,
                   long long& out) noexcept;  // shortest text that reads back to the same double

}  // namespace corridor::detail

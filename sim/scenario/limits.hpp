#pragma once
// The loader's resource limits: what one load (a scenario and its whole `extends` chain) may cost, whatever
// the input. Each is far above any real scenario (the largest bundled one, baseline-2025.yaml, is 51 KB,
// nesting 5 deep, no aliases) and low enough that a hostile file is refused within seconds and a small part
// of a laptop's memory. yaml-cpp reads ~1.2 MB of YAML a second, so bytes bound the time, nodes the memory.
// docs/scenarios.md ("Limits") states them with these reasons. Internal to sim/scenario.
#include <cstddef>

namespace corridor::detail {

struct load_limits {
  // Bytes of YAML text, all files of an `extends` chain together: 80 times baseline-2025.yaml, about three
  // seconds of parsing. A file above it is refused from its size, before it is read.
  static constexpr std::size_t max_bytes = std::size_t{4} << 20;
  // YAML nodes (maps, lists, scalars, keys; an alias counts the nodes it stands for), all files together.
  // 20,000 nodes, 20,000 edges and 20,000 flows are ~600,000; the located tree takes ~150 bytes a node.
  static constexpr std::size_t max_nodes = 1'000'000;
  // Nodes that aliases (`*name`) stand for, all files together. Scenarios use aliases, if at all, for a
  // shared distribution or month table; an alias bomb (each level ten aliases of the one before) is refused
  // at this count, before it is expanded.
  static constexpr std::size_t max_alias_nodes = 100'000;
  // Entries of one map or items of one list: 20,000 nodes, edges or flows is a continent's rail network at
  // the level of terminals and junctions. An 80,000-entry map is refused after a quarter of it is read.
  static constexpr std::size_t max_entries = 20'000;
  // Nesting of maps and lists; a scenario needs 5 (top, nodes, a node, a distribution, its values).
  static constexpr std::size_t max_depth = 32;
  // Files in one `extends` chain (a variant of a variant of ...).
  static constexpr std::size_t max_chain = 16;
};

// What is left of the limits in one load; the parser and the overlay resolution draw on it.
struct load_budget {
  std::size_t bytes = load_limits::max_bytes;
  std::size_t nodes = load_limits::max_nodes;
  std::size_t alias_nodes = load_limits::max_alias_nodes;
};

}  // namespace corridor::detail

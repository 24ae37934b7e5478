// corridor diff A B: what two scenarios differ in after overlays, by parameter path. corridor map SCENARIO:
// the network on a map, nothing run.
#include <fmt/format.h>
#include <iostream>

#include "commands.hpp"
#include "corridor/io.hpp"
#include "corridor/study.hpp"
#include "corridor/text_table.hpp"

namespace corridor::cli {
namespace {

struct diff_args {
  std::string a, b;
  bool csv = false;
  bool allow_outside = false;
};

// A value cut to about `width` characters for the table (whole in --csv), never inside a UTF-8 sequence.
std::string shortened(const std::string& v, std::size_t width = 48) {
  if (v.size() <= width) return v;
  std::size_t cut = width;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
  return v.substr(0, cut) + "\xe2\x80\xa6";
}

void diff(const diff_args& args) {
  const load_options load{.allow_outside = args.allow_outside};
  const scenario a = load_scenario(args.a, load), b = load_scenario(args.b, load);
  const auto differences = diff_scenarios(a, b);
  const std::string absent = "(absent)";
  if (args.csv) {
    std::cout << "path," << csv_field(args.a) << ',' << csv_field(args.b) << '\n';
    for (const auto& d : differences) {
      std::cout << csv_field(d.path) << ',' << csv_field(d.a.value_or("")) << ','
                << csv_field(d.b.value_or("")) << '\n';
    }
    return;
  }
  std::cout << fmt::format("{} → {} · {} differences after overlays (parameter paths)\n\n", a.name, b.name,
                           differences.size());
  if (differences.empty()) return;
  text_table t({"Path", args.a, args.b});
  bool cut = false;
  for (const auto& d : differences) {
    const std::string va = d.a.value_or(absent), vb = d.b.value_or(absent);
    cut = cut || shortened(va) != va || shortened(vb) != vb;
    t.add_row({d.path, shortened(va), shortened(vb)});
  }
  std::cout << t.render();
  if (cut) std::cout << "\n  (long values cut; --csv prints them whole)\n";
}

void map(const std::string& file, const std::string& out, bool allow_outside) {
  const scenario s = load_scenario(file, {.allow_outside = allow_outside});
  write_file_atomic(out, map_html(s.name, network_of(s)));
  std::cout << fmt::format("map of {} ({} nodes, {} edges): {}\n", s.name, s.nodes.size(), s.edges.size(),
                           out);
}

}  // namespace

void add_explore_commands(CLI::App& app) {
  auto d = std::make_shared<diff_args>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "What two scenarios differ in after overlays and defaults, by parameter path (nothing is run)");
  cmd->add_option("a", d->a, "First scenario YAML")->required();
  cmd->add_option("b", d->b, "Second scenario YAML")->required();
  cmd->add_flag("--csv", d->csv, "Print CSV (path, a, b; empty where a side lacks the path)");
  add_allow_outside_flag(cmd, d->allow_outside);
  set_example(cmd, "corridor diff scenarios/baseline-2025.yaml scenarios/khorgos-expansion.yaml");
  cmd->callback([d] {
    require_file(d->a);
    require_file(d->b);
    diff(*d);
  });

  auto file = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto allow = std::make_shared<bool>(false);
  CLI::App* m =
      app.add_subcommand("map", "Draw a scenario's network on a self-contained HTML map (nothing is run)");
  m->add_option("scenario", *file, "Scenario YAML")->required();
  add_out_option(m, *out, "The HTML file to write")->required();
  add_allow_outside_flag(m, *allow);
  set_example(m, "corridor map scenarios/middle-corridor-2030.yaml -o map.html");
  m->callback([file, out, allow] {
    require_file(*file);
    map(*file, *out, *allow);
  });
}

}  // namespace corridor::cli

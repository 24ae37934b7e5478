// corridor validate / show / schema: check scenario files, print a resolved scenario, print the JSON Schema.
#include <iostream>

#include "commands.hpp"
#include "corridor/model.hpp"
#include "corridor/scenario.hpp"

namespace corridor::cli {

void add_scenario_commands(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto load = std::make_shared<load_options>();
  CLI::App* validate_cmd = app.add_subcommand("validate", "Check scenario files; list every problem found");
  validate_cmd->add_option("scenarios", *files, "Scenario YAML files")->required()->check(CLI::ExistingFile);
  add_allow_outside_flag(validate_cmd, load->allow_outside);
  validate_cmd->callback([files, load] {
    bool failed = false;
    for (const std::string& f : *files) {
      try {
        // Also builds the path sets: every OD must route.
        const prepared_scenario p(load_scenario(f, *load));
        std::cout << f << ": ok (" << p.spec.nodes.size() << " nodes, " << p.spec.edges.size() << " edges, "
                  << p.spec.flows.size() << " flows)\n";
      } catch (const scenario_error& e) {
        std::cerr << e.what() << '\n';  // one file's errors end before the next file's begin
        failed = true;
      }
    }
    if (failed) throw exit_request{2};
  });

  auto show_file = std::make_shared<std::string>();
  CLI::App* show = app.add_subcommand("show", "Print the fully resolved scenario (overlays applied) as YAML");
  show->add_option("scenario", *show_file, "Scenario YAML file")->required()->check(CLI::ExistingFile);
  add_allow_outside_flag(show, load->allow_outside);
  show->callback([show_file, load] { std::cout << to_yaml(load_scenario(*show_file, *load)); });

  CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema of scenario files");
  schema->callback([] { std::cout << scenario_json_schema() << "\n"; });
}

}  // namespace corridor::cli

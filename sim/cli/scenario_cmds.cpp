// corridor validate / show / schema: check scenario files, print a resolved scenario, print the JSON Schema.
#include <iostream>

#include "commands.hpp"
#include "corridor/model.hpp"
#include "corridor/scenario.hpp"

namespace corridor::cli {

void add_scenario_commands(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* validate_cmd = app.add_subcommand("validate", "Check scenario files; list every problem found");
  validate_cmd->add_option("scenarios", *files, "Scenario YAML files")->required()->check(CLI::ExistingFile);
  validate_cmd->callback([files] {
    bool failed = false;
    for (const std::string& f : *files) {
      try {
        const prepared_scenario p(load_scenario(f));  // also builds the path sets: every OD must route
        std::cout << f << ": ok (" << p.spec.nodes.size() << " nodes, " << p.spec.edges.size() << " edges, "
                  << p.spec.flows.size() << " flows)\n";
      } catch (const scenario_error& e) {
        std::cerr << e.what();
        failed = true;
      }
    }
    if (failed) throw exit_request{2};
  });

  auto show_file = std::make_shared<std::string>();
  CLI::App* show = app.add_subcommand("show", "Print the fully resolved scenario (overlays applied) as YAML");
  show->add_option("scenario", *show_file, "Scenario YAML file")->required()->check(CLI::ExistingFile);
  show->callback([show_file] { std::cout << to_yaml(load_scenario(*show_file)); });

  CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema of scenario files");
  schema->callback([] { std::cout << scenario_json_schema() << "\n"; });
}

}  // namespace corridor::cli

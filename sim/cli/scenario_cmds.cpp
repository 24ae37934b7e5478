// corridor validate / show / schema: check scenario files, print a resolved scenario, print the JSON Schema.
#include <iostream>

#include "commands.hpp"
#include "corridor/io.hpp"
#include "corridor/model.hpp"
#include "corridor/scenario.hpp"

namespace corridor::cli {

void add_scenario_commands(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto load = std::make_shared<load_options>();
  CLI::App* validate_cmd = app.add_subcommand("validate", "Check scenario files; list every problem found");
  validate_cmd->add_option("scenarios", *files, "Scenario YAML files")->required();
  add_allow_outside_flag(validate_cmd, load->allow_outside);
  set_example(validate_cmd, "corridor validate scenarios/*.yaml");
  validate_cmd->callback([files, load] {
    // Every file is checked; the exit code is the worst outcome: a file error over an invalid scenario.
    int code = exit_code::ok;
    for (const std::string& f : *files) {
      try {
        require_file(f);
        // Also builds the path sets: every OD must route.
        const prepared_scenario p(load_scenario(f, *load));
        std::cout << f << ": ok (" << p.spec.nodes.size() << " nodes, " << p.spec.edges.size() << " edges, "
                  << p.spec.flows.size() << " flows)\n";
      } catch (const scenario_error& e) {
        std::cerr << e.what() << '\n';  // one file's errors end before the next file's begin
        if (code == exit_code::ok) code = exit_code::invalid_input;
      } catch (const io_error& e) {
        std::cerr << "corridor: " << e.what() << '\n';
        code = exit_code::file_error;
      }
    }
    if (code != exit_code::ok) throw exit_request{code};
  });

  auto show_file = std::make_shared<std::string>();
  CLI::App* show = app.add_subcommand("show", "Print the fully resolved scenario (overlays applied) as YAML");
  show->add_option("scenario", *show_file, "Scenario YAML file")->required();
  add_allow_outside_flag(show, load->allow_outside);
  set_example(show, "corridor show scenarios/poland-closure-2025.yaml | head -40");
  show->callback([show_file, load] {
    require_file(*show_file);
    std::cout << to_yaml(load_scenario(*show_file, *load));
  });

  CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema of scenario files");
  set_example(schema, "corridor schema > scenario.schema.json");
  schema->callback([] { std::cout << scenario_json_schema() << "\n"; });
}

}  // namespace corridor::cli

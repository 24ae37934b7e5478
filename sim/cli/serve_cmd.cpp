// corridor serve [SCENARIO]: the studio, a page and a JSON API on a local port, where each edit re-runs the
// variant against the base with common random numbers.
#include <iostream>

#include "commands.hpp"
#include "corridor/serve.hpp"

namespace corridor::cli {
namespace {

struct serve_args {
  std::string scenario = "scenarios/baseline-2025.yaml";
  serve_options server;
  studio_options studio;
  bool allow_outside = false;
};

void execute(const serve_args& a) {
  studio app(a.scenario, a.studio, load_options{.allow_outside = a.allow_outside});
  http_server server(app, a.server);  // bound first: a port in use is said before the base runs
  std::cerr << "corridor serve: running the base (" << a.studio.replications << " replications)...\n";
  app.warm();
  std::cout << "corridor serve: " << a.scenario << " at " << server.url() << "  (Ctrl-C stops)" << std::endl;
  server.run();
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto a = std::make_shared<serve_args>();
  CLI::App* cmd = app.add_subcommand("serve", "The studio: edit a scenario in the browser and see it re-run");
  cmd->add_option("scenario", a->scenario, "Scenario YAML file (default scenarios/baseline-2025.yaml)");
  cmd->add_option("--port", a->server.port, "Port (default 8080; 0: any free port)")
      ->check(whole_in(0, 65535));
  cmd->add_option("--host", a->server.host, "Address to listen on (default 127.0.0.1: this machine only)");
  add_replications_option(
      cmd, a->studio.replications, 1,
      "Paired replications per answer unless the page asks otherwise (default 4, at most 32)");
  add_threads_option(cmd, a->studio.threads);
  add_allow_outside_flag(cmd, a->allow_outside);
  set_example(cmd,
              "corridor serve scenarios/baseline-2025.yaml --port 8080   # then open http://127.0.0.1:8080/");
  cmd->callback([a] {
    if (a->studio.replications > a->studio.max_replications) {
      throw CLI::ValidationError("--replications",
                                 "the studio takes at most " + std::to_string(a->studio.max_replications));
    }
    require_file(a->scenario);
    execute(*a);
  });
}

}  // namespace corridor::cli

// `corridor report DIR`: rebuilds DIR/report.html from the files a run or compare wrote into DIR.
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "corridor/io.hpp"

namespace corridor::cli {

void add_report_command(CLI::App& app) {
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write DIR/report.html, one self-contained page, from the outputs of run or compare in DIR");
  cmd->add_option("dir", *dir, "Output directory of `corridor run --out` or `corridor compare --out`")
      ->required();
  set_example(cmd, "corridor report out/baseline   # after: corridor run ... -o out/baseline");
  cmd->callback([dir] {
    require_directory(*dir);
    std::cout << write_report_html(*dir, read_report_input(*dir)).string() << "\n";
  });
}

}  // namespace corridor::cli

// Each command's arguments: add_<command> declares its subcommand, options and help on the
// command line's CLI11 app and returns what runs it once parsed (tools/cli/commands.hpp has the
// handlers). Checks that need several options at once run after parsing, as parse errors.
#pragma once

#include <functional>
#include <ostream>

namespace CLI {
class App;
}  // namespace CLI

namespace omnisim {

// A command as parsed: run(out) runs it (throwing on failure); `app` says whether it was given.
struct ParsedCommand {
  CLI::App* app = nullptr;
  std::function<void(std::ostream& out)> run;
};

// Where `run` and `sweep` show their progress: a bar when stderr is a terminal, else lines.
struct ProgressTarget {
  std::ostream* out = nullptr;
  bool interactive = false;
};

ParsedCommand add_validate(CLI::App& app);
ParsedCommand add_run(CLI::App& app, ProgressTarget progress);
ParsedCommand add_sweep(CLI::App& app, ProgressTarget progress);
ParsedCommand add_merge(CLI::App& app);
ParsedCommand add_report(CLI::App& app);

}  // namespace omnisim

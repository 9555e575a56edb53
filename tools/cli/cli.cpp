// The command-line grammar (CLI11): the commands' arguments (tools/cli/*_arguments.cpp) on one
// app, and the one place where errors become messages and exit statuses.
#include "tools/cli/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <streambuf>
#include <string>
#include <vector>

#include "models/scenario/loader.hpp"
#include "sim/task_farm.hpp"
#include "tools/cli/arguments.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

// `interactive`: stderr is a terminal, so a progress bar may be drawn on `err`.
int run_cli_with(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                 bool interactive) {
  CLI::App app{"omnisim: a parallel discrete-event simulator of omnichannel retail operations.",
               "omnisim"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("omnisim ") + OMNISIM_VERSION);
  app.footer(
      "Examples:\n"
      "  omnisim validate scenarios/examples/small.json --set horizon_days=28\n"
      "  omnisim run scenarios/examples/small.json --reps 20 --out results/small\n"
      "  omnisim run scenarios/half_live_promo.json scenarios/ads_into_stockouts.json "
      "scenarios/returns_spiral.json --out results\n"
      "  omnisim run scenarios/returns_spiral.json --no-control-tower --reps 50 --out "
      "results/status-quo\n"
      "  omnisim run scenarios/half_live_promo.json --report --out results/promo\n"
      "  omnisim report results/promo\n"
      "  omnisim sweep scenarios/half_live_promo.json --grid "
      "control_tower.rules.2.threshold=0.9,0.95,0.97 --reps 100 --out results/sweep\n"
      "\n"
      "'run' compares the status quo with the control tower on the same random numbers.\n"
      "Exit status: 0 success, 1 a failed run, 2 bad input, 130 (143) a sweep stopped by Ctrl-C "
      "(SIGTERM),\nwhich --resume finishes. 'omnisim COMMAND --help' for more.\n");

  const ProgressTarget progress{&err, interactive};
  const std::vector<ParsedCommand> commands = {add_validate(app), add_run(app, progress),
                                               add_sweep(app, progress), add_merge(app),
                                               add_report(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive as "errors" with status 0.
    if (e.get_exit_code() == 0) return app.exit(e, out, err);
    const auto parsed = app.get_subcommands();
    const std::string command =
        parsed.empty() ? "omnisim" : "omnisim " + parsed.front()->get_name();
    err << "omnisim: error: " << terminal_text(e.what()) << "\nRun '" << command
        << " --help' for usage.\n";
    return kExitBadInput;
  }
  try {
    for (const ParsedCommand& command : commands) {
      if (command.app->parsed()) command.run(out);
    }
    return kExitOk;
  } catch (const std::exception& e) {
    return report_error(e, err);
  }
}

// Swallows whatever is written to it.
class DiscardingBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
};

}  // namespace

int report_error(const std::exception& error, std::ostream& err) {
  if (const auto* interrupted = dynamic_cast<const Interrupted*>(&error)) {
    err << "omnisim: " << terminal_text(error.what()) << "\n";
    return 128 + interrupted->signal();
  }
  err << "omnisim: error: " << terminal_text(error.what()) << "\n";
  // Bad input; anything else (invariant violations, kernel errors, output failures) means the
  // input was fine and the run was not.
  const bool bad_input = dynamic_cast<const retail::ScenarioError*>(&error) != nullptr ||
                         dynamic_cast<const UsageError*>(&error) != nullptr ||
                         dynamic_cast<const sim::ProcessGroupError*>(&error) != nullptr;
  return bad_input ? kExitBadInput : kExitFailure;
}

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  return run_cli_with(argc, argv, out, err, false);
}

int run_process(int argc, char** argv) {
  try {
    const sim::ProcessGroup processes(argc, argv);
    if (sim::process_rank() == 0) {
      return run_cli_with(argc, argv, std::cout, std::cerr, ::isatty(STDERR_FILENO) == 1);
    }
    DiscardingBuffer discard;
    std::ostream quiet(&discard);
    return run_cli_with(argc, argv, quiet, quiet, false);
  } catch (const std::exception& e) {
    return report_error(e, std::cerr);
  }
}

}  // namespace omnisim

// omnisim merge SHARD... --out DIR [options]
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "models/scenario/loader.hpp"
#include "tools/cli/arguments.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/options.hpp"

namespace omnisim {

ParsedCommand add_merge(CLI::App& app) {
  const auto merge = std::make_shared<MergeOptions>();
  merge->objective = default_objective();
  CLI::App* merge_app = app.add_subcommand(
      "merge",
      "Combine the output directories of 'omnisim sweep --shard I/N' (every I once) into the "
      "files one unsharded sweep writes, and print its ranking");
  merge_app->add_option("shard", merge->shards, "The shards' output directories")
      ->required()
      ->type_name("DIR");
  merge_app->add_option("--out", merge->out, "Output directory. Required")
      ->required()
      ->type_name("DIR");
  merge_app->add_flag("--force", merge->force,
                      "Write into an output directory even if it is not empty. Default: off");
  merge_app
      ->add_option(
          "--objective", merge->objective,
          "The metric that ranks the points, as for sweep. Default: " + default_objective())
      ->type_name("METRIC");
  merge_app->add_option("--constraint", merge->constraints, "As for sweep. Repeatable")
      ->type_name("CONDITION")
      ->allow_extra_args(false);
  add_top(*merge_app, merge->top);
  merge_app->footer("Example:\n  omnisim merge shard-0 shard-1 shard-2 --out results/sweep\n");

  return {merge_app, [merge](std::ostream& out) { merge_command(*merge, out); }};
}

}  // namespace omnisim

#include "tools/cli/options.hpp"

#include "sim/threads.hpp"

namespace omnisim {

void add_overrides(CLI::App& command, std::vector<std::string>& overrides) {
  // One value per --set, so "--set a=1 scenario.json" does not swallow the scenario.
  command
      .add_option("--set", overrides,
                  "Override one scenario value before validation, as PATH=VALUE; PATH is dotted "
                  "(network.dcs.0.pickers) or a JSON pointer, VALUE is JSON or else a string. "
                  "Repeatable; later ones win. Default: none")
      ->type_name("PATH=VALUE")
      ->allow_extra_args(false);
}

void add_threads(CLI::App& command, unsigned& threads) {
  add_integer(command, "--threads", threads, 0, sim::kMaxThreads,
              "Worker threads (of each process under mpirun), 0 to " +
                  std::to_string(sim::kMaxThreads) +
                  ", 0 for every hardware thread; results do not depend on it. Default: 0")
      ->type_name("T");
}

void add_seed(CLI::App& command, std::optional<std::uint64_t>& seed, const std::string& help) {
  add_number(command, "--seed", seed, parse_seed, help)->type_name("S");
}

void add_memory_limit(CLI::App& command, std::optional<std::uint64_t>& limit,
                      const std::string& what) {
  add_number(command, "--memory-limit", limit, parse_size,
             "Refuse, before starting, a " + what +
                 " whose estimated peak memory exceeds SIZE (bytes, or with K, M, G or T: "
                 "512M, 4G), and stop it (exit status 1) if its resident memory passes SIZE "
                 "all the same. Default: 80 % of physical memory")
      ->type_name("SIZE");
}

void add_top(CLI::App& command, std::size_t& top) {
  add_integer(
      command, "--top", top, 1, kMaxRankingRows,
      "Rows of the printed ranking, 1 to " + std::to_string(kMaxRankingRows) + ". Default: 10")
      ->type_name("K");
}

}  // namespace omnisim

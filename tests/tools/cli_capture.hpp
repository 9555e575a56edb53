// Running the omnisim command line in-process with its output and errors captured.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "tools/cli/cli.hpp"

namespace omnisim::testing {

struct CliResult {
  int status;
  std::string out;
  std::string err;
};

// `omnisim args...`, as the executable would run it.
inline CliResult omnisim_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "omnisim");
  std::vector<const char*> argv;
  for (const auto& arg : args)
    argv.push_back(arg.c_str());
  std::ostringstream out;
  std::ostringstream err;
  const int status = omnisim::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {status, out.str(), err.str()};
}

}  // namespace omnisim::testing

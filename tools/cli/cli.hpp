// The omnisim command line: parses the arguments, runs a command, reports errors.
#pragma once

#include <ostream>

namespace omnisim {

// Returns the exit status: 0 success, 1 a failed run (a replication broke an invariant or the
// kernel's rules, or the results could not be written), 2 bad input (usage, scenario, --set,
// output directory). Errors go to `err` as "omnisim: error: ...". This one never draws a
// progress bar; the second, the executable's, draws one on std::cerr when it is a terminal.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
int run_cli(int argc, char** argv);

}  // namespace omnisim

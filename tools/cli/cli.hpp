// The omnisim command line: parses the arguments, runs a command, reports errors.
#pragma once

#include <exception>
#include <ostream>

namespace omnisim {

// Returns the exit status: 0 success, 1 a failed run (a replication broke an invariant or the
// kernel's rules, or the results could not be written), 2 bad input (usage, scenario, --set,
// output directory), 128 + the signal for an interrupted study. Errors go to `err` as
// "omnisim: error: ...". It never draws a progress bar.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

// The executable's: joins the processes of mpirun (if any), then runs the command line on
// std::cout and std::cerr (a progress bar when stderr is a terminal); under mpirun, processes
// other than 0 run silently, the collective steps of sim/task_farm.hpp failing them alike.
int run_process(int argc, char** argv);

// Writes `error` to `err` as omnisim reports every error and returns its exit status.
int report_error(const std::exception& error, std::ostream& err);

}  // namespace omnisim

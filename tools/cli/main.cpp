// The omnisim executable; everything but main lives in omnisim_cli, where the tests reach it.
// Under mpirun every process runs the same command line and process 0 speaks for all: the others
// run silently (the collective steps of sim/task_farm.hpp make them fail, and exit, alike).
#include <iostream>
#include <ostream>
#include <streambuf>

#include "sim/task_farm.hpp"
#include "tools/cli/cli.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/visible_text.hpp"

namespace {

// Swallows whatever is written to it.
class DiscardingBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
};

}  // namespace

int main(int argc, char** argv) {
  try {
    const sim::ProcessGroup processes(argc, argv);
    if (sim::process_rank() == 0) return omnisim::run_cli(argc, argv);
    DiscardingBuffer discard;
    std::ostream quiet(&discard);
    return omnisim::run_cli(argc, argv, quiet, quiet);
  } catch (const sim::ProcessGroupError& e) {
    std::cerr << "omnisim: error: " << omnisim::terminal_text(e.what()) << "\n";
    return omnisim::kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "omnisim: error: " << omnisim::terminal_text(e.what()) << "\n";
    return omnisim::kExitFailure;
  }
}

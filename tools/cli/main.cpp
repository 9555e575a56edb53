// The omnisim executable; everything but main lives in omnisim_cli, where the tests reach it.
#include "tools/cli/cli.hpp"

int main(int argc, char** argv) {
  return omnisim::run_process(argc, argv);
}

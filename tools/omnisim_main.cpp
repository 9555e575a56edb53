// The omnisim executable; everything but main lives in omnisim_cli, where the tests reach it.
#include "tools/cli.hpp"

int main(int argc, char** argv) {
  return omnisim::run_cli(argc, argv);
}

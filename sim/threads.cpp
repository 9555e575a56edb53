// Thread-count resolution shared by the parallel engine and the Monte Carlo runner.
#include "sim/threads.hpp"

#include <algorithm>
#include <thread>

namespace sim {

unsigned resolve_threads(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace sim

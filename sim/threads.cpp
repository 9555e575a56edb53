// Thread-count resolution shared by the parallel engine and the Monte Carlo runner.
#include "sim/threads.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <thread>

namespace sim {

unsigned resolve_threads(unsigned requested) {
  if (requested > kMaxThreads) {
    throw std::invalid_argument("cannot run on " + std::to_string(requested) +
                                " threads: at most " + std::to_string(kMaxThreads));
  }
  if (requested > 0) return requested;
  return std::clamp(std::thread::hardware_concurrency(), 1u, kMaxThreads);
}

}  // namespace sim

// Errors the kernel raises when a model breaks its contract.
#pragma once

#include <stdexcept>
#include <string>

namespace sim {

// A model asked for something the kernel must refuse (a message into the past, a delay below
// the lookahead, an unknown agent). The message names who, to whom, when and by how much.
class SimulationError : public std::runtime_error {
 public:
  explicit SimulationError(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace sim

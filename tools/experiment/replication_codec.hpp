// One replication's result as bytes and back, to send it from the process that ran it to the
// one that writes the outputs (sim/task_farm.hpp). The round trip is exact.
#pragma once

#include <string>

#include "models/world/simulation.hpp"

namespace omnisim {

std::string encode_replication(const retail::ReplicationResult& result);

// Throws (std::runtime_error, std::invalid_argument) when `bytes` are not what
// encode_replication wrote.
retail::ReplicationResult decode_replication(const std::string& bytes);

}  // namespace omnisim

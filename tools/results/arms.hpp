// The two arms of a run (the organisation without and with the control tower), as keys in the
// output files and words in the printed tables, and one replication of one arm as the files list
// it.
#pragma once

#include <cstdint>
#include <string_view>

#include "models/agents/control_tower.hpp"
#include "models/world/simulation.hpp"

namespace omnisim {

// "status_quo", "control_tower": the arm column of the CSV files and the keys of summary.json.
constexpr std::string_view arm_key(retail::Arm arm) {
  return arm == retail::Arm::status_quo ? "status_quo" : "control_tower";
}

// "status quo", "control tower": table headings.
constexpr std::string_view arm_label(retail::Arm arm) {
  return arm == retail::Arm::status_quo ? "status quo" : "control tower";
}

// One replication of one arm; the output files list them in (replication, arm) order, so the
// two arms of a replication are neighbours.
struct ArmReplication {
  std::uint64_t replication = 0;
  retail::Arm arm = retail::Arm::status_quo;
  const retail::ReplicationResult* result = nullptr;
};

}  // namespace omnisim

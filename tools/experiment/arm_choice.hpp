// Which arms a study runs: the organisation without the control tower, with it, or both.
#pragma once

#include <cstdint>
#include <vector>

#include "models/agents/control_tower.hpp"
#include "models/scenario/scenario.hpp"

namespace omnisim {

// Without control-tower rules the two arms are the same world and one runs.
enum class ArmChoice : std::uint8_t { both, status_quo_only, control_tower_only };

// The arms a run of `scenario` runs: both unless `choice` says one, and one when the scenario
// has no control-tower rules (status quo unless control_tower_only).
std::vector<retail::Arm> arms_to_run(const retail::Scenario& scenario, ArmChoice choice);

}  // namespace omnisim

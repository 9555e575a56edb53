#include "tools/experiment/arm_choice.hpp"

namespace omnisim {

std::vector<retail::Arm> arms_to_run(const retail::Scenario& scenario, ArmChoice choice) {
  switch (choice) {
    case ArmChoice::status_quo_only:
      return {retail::Arm::status_quo};
    case ArmChoice::control_tower_only:
      return {retail::Arm::control_tower};
    case ArmChoice::both:
      break;
  }
  // Without rules the control tower has nothing to do: a second arm would repeat the first.
  if (scenario.control_tower.rules.empty()) return {retail::Arm::status_quo};
  return {retail::Arm::status_quo, retail::Arm::control_tower};
}

}  // namespace omnisim

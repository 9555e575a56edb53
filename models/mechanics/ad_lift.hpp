// The demand multiplier an ad program's adstock buys, shared by the ad program, the planners who
// plan for it and the memory estimate.
#pragma once

#include <cmath>

#include "models/scenario/scenario.hpp"

namespace retail {

// Hill saturation: 1 + max_lift x A^n / (K^n + A^n), with A the adstock in cents.
inline double ad_lift(const AdProgram& program, double adstock_cents) {
  if (adstock_cents <= 0) return 1;
  const double a = std::pow(adstock_cents, program.hill_exponent);
  const double k =
      std::pow(static_cast<double>(program.half_saturation_cents), program.hill_exponent);
  return 1 + program.max_lift * a / (k + a);
}

// The lift of a steady daily budget: its adstock settles at budget / (1 - decay).
inline double steady_ad_lift(const AdProgram& program, double daily_budget_cents) {
  const double decay = program.adstock_decay;
  return ad_lift(program, decay < 1 ? daily_budget_cents / (1 - decay) : daily_budget_cents);
}

}  // namespace retail

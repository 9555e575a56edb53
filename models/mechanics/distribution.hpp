// A non-negative random duration or quantity, as scenarios describe them (fixed, uniform,
// exponential, triangular, lognormal), drawn from an agent's own random stream.
#pragma once

#include <string>

#include "sim/random.hpp"

namespace retail {

struct Distribution {
  enum class Kind { fixed, uniform, exponential, triangular, lognormal };
  Kind kind = Kind::fixed;
  // fixed: value; uniform: min, max; exponential: mean; triangular: min, mode, max;
  // lognormal: mean, sd (of the variable itself, not of its logarithm).
  double a = 0, b = 0, c = 0;

  static Distribution fixed(double value) { return {Kind::fixed, value, 0, 0}; }
  static Distribution uniform(double min, double max) { return {Kind::uniform, min, max, 0}; }
  static Distribution exponential(double mean) { return {Kind::exponential, mean, 0, 0}; }
  static Distribution triangular(double min, double mode, double max) {
    return {Kind::triangular, min, mode, max};
  }
  static Distribution lognormal(double mean, double sd) { return {Kind::lognormal, mean, sd, 0}; }

  double sample(sim::RandomStream& rng) const;
  double mean() const;
  // A description such as "uniform(24, 48)" for messages and reports.
  std::string describe() const;
};

}  // namespace retail

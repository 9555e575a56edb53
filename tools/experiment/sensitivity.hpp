// Which swept parameter moves the objective most: a least-squares response surface fitted over
// a sweep's grid points, and each parameter's swing along its range.
#pragma once

#include <cstddef>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "tools/experiment/sweep_grid.hpp"

namespace omnisim {

struct ParameterEffect {
  std::string path;
  double swing = 0;        // max - min of the fitted response along this parameter's swept range,
                           // the other parameters held at the centre of their ranges
  double linear = 0;       // slope per unit of the parameter at the centre of its range
  bool quadratic = false;  // whether a squared term was fitted (axis with >= 3 distinct values)
};

struct Sensitivity {
  std::vector<ParameterEffect> effects;  // numeric axes with >= 2 values, largest swing first
  std::vector<std::string> skipped;      // axes left out, each "path: reason"
  double r_squared = std::numeric_limits<double>::quiet_NaN();  // of the fit over the points
  std::size_t points = 0;  // points used (those with a defined objective)
  std::size_t terms = 0;   // columns of the design matrix (0 when nothing was fitted)
};

// Fits objective ~ b0 + sum b_i x_i + sum c_i x_i^2 (squared terms only for axes with >= 3
// values) + sum d_ij x_i x_j (interactions only when there are at least as many points as terms
// + 1 with them) by least squares, each parameter scaled to [-1, 1] over its swept range.
// `objective[p]` is point p's mean (one per grid point; NaN points are left out). With fewer
// points than terms the squared terms are dropped, and if still too few nothing is fitted (the
// axes are listed in `skipped` with the reason). Deterministic.
Sensitivity fit_sensitivity(const std::vector<GridAxis>& axes,
                            const std::vector<double>& objective);

// "Sensitivity of contribution_margin (least-squares response surface over 9 points, R² 0.93):"
// then one line per parameter (path, swing over its range, slope per unit, "<- matters most" on
// the first), then the axes left out.
void print_sensitivity(std::ostream& out, const Sensitivity& sensitivity,
                       std::string_view objective_metric);

}  // namespace omnisim

// The response surface is a quadratic in the swept parameters, scaled to [-1, 1] so that
// thresholds near 0.02 and budgets near 50000 condition the fit alike; a rank-revealing solver
// copes with points lost to an undefined objective.
#include "tools/experiment/sensitivity.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "tools/results/metric_summary.hpp"
#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

// An axis that enters the fit, with the range its values are scaled from.
struct Parameter {
  std::size_t axis = 0;
  std::vector<double> values;  // the axis's values as numbers
  double low = 0;
  double high = 0;
  bool squared = false;
};

struct Terms {
  bool squares = false;
  bool interactions = false;
  std::size_t count = 0;
};

std::vector<Parameter> fitted_parameters(const std::vector<GridAxis>& axes,
                                         std::vector<std::string>& skipped) {
  std::vector<Parameter> parameters;
  for (std::size_t a = 0; a < axes.size(); ++a) {
    if (!axes[a].numeric()) {
      skipped.push_back(axes[a].path + ": not numeric");
      continue;
    }
    Parameter parameter{a, {}, 0, 0, false};
    for (const auto& text : axes[a].values)
      parameter.values.push_back(*parse_number(text));
    std::vector<double> distinct = parameter.values;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() < 2) {
      skipped.push_back(axes[a].path + ": one value");
      continue;
    }
    parameter.low = distinct.front();
    parameter.high = distinct.back();
    parameter.squared = distinct.size() >= 3;
    parameters.push_back(std::move(parameter));
  }
  return parameters;
}

// The richest model the points can determine: interactions need a spare point beyond their
// terms, squared terms go before the fit is given up.
Terms choose_terms(const std::vector<Parameter>& parameters, std::size_t points) {
  const std::size_t k = parameters.size();
  const auto squares = static_cast<std::size_t>(std::count_if(
      parameters.begin(), parameters.end(), [](const Parameter& p) { return p.squared; }));
  const std::size_t interactions = k * (k - 1) / 2;
  const std::size_t quadratic = 1 + k + squares;
  if (interactions > 0 && points >= quadratic + interactions + 1) {
    return {true, true, quadratic + interactions};
  }
  if (points >= quadratic) return {true, false, quadratic};
  if (points >= 1 + k) return {false, false, 1 + k};
  return {false, false, 0};
}

double scaled(const Parameter& parameter, std::size_t index) {
  return 2 * (parameter.values[index] - parameter.low) / (parameter.high - parameter.low) - 1;
}

// One row of the design matrix for a point at `coordinates`: 1, x_i, x_i^2, x_i x_j.
Eigen::RowVectorXd design_row(const std::vector<Parameter>& parameters, const Terms& terms,
                              const std::vector<std::size_t>& coordinates) {
  Eigen::RowVectorXd row(static_cast<Eigen::Index>(terms.count));
  std::vector<double> x;
  for (const auto& parameter : parameters)
    x.push_back(scaled(parameter, coordinates[parameter.axis]));
  Eigen::Index column = 0;
  row(column++) = 1;
  for (const double value : x)
    row(column++) = value;
  if (terms.squares) {
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      if (parameters[i].squared) row(column++) = x[i] * x[i];
    }
  }
  if (terms.interactions) {
    for (std::size_t i = 0; i < x.size(); ++i) {
      for (std::size_t j = i + 1; j < x.size(); ++j)
        row(column++) = x[i] * x[j];
    }
  }
  return row;
}

// max - min of b x + c x^2 over x in [-1, 1]: at the ends, or at the vertex when inside.
double quadratic_swing(double b, double c) {
  const auto response = [b, c](double x) { return b * x + c * x * x; };
  double low = std::min(response(-1), response(1));
  double high = std::max(response(-1), response(1));
  if (c != 0) {
    const double vertex = -b / (2 * c);
    if (vertex > -1 && vertex < 1) {
      low = std::min(low, response(vertex));
      high = std::max(high, response(vertex));
    }
  }
  return high - low;
}

}  // namespace

Sensitivity fit_sensitivity(const std::vector<GridAxis>& axes,
                            const std::vector<double>& objective) {
  if (objective.size() != grid_size(axes)) {
    throw std::invalid_argument("fit_sensitivity: " + std::to_string(objective.size()) +
                                " objective values for a grid of " +
                                std::to_string(grid_size(axes)) + " points");
  }
  Sensitivity result;
  const auto parameters = fitted_parameters(axes, result.skipped);
  std::vector<std::size_t> used;
  for (std::size_t p = 0; p < objective.size(); ++p) {
    if (std::isfinite(objective[p])) used.push_back(p);
  }
  result.points = used.size();
  if (parameters.empty()) return result;
  const Terms terms = choose_terms(parameters, used.size());
  if (terms.count == 0) {
    const std::string reason = ": too few points with a defined objective (" +
                               std::to_string(used.size()) + " for " +
                               std::to_string(1 + parameters.size()) + " terms)";
    for (const auto& parameter : parameters)
      result.skipped.push_back(axes[parameter.axis].path + reason);
    return result;
  }
  result.terms = terms.count;

  Eigen::MatrixXd design(static_cast<Eigen::Index>(used.size()),
                         static_cast<Eigen::Index>(terms.count));
  Eigen::VectorXd response(static_cast<Eigen::Index>(used.size()));
  for (std::size_t r = 0; r < used.size(); ++r) {
    const auto row = static_cast<Eigen::Index>(r);
    design.row(row) = design_row(parameters, terms, grid_coordinates(axes, used[r]));
    response(row) = objective[used[r]];
  }
  const Eigen::VectorXd coefficients =
      Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd>(design).solve(response);
  const double residual = (design * coefficients - response).squaredNorm();
  const double total = (response.array() - response.mean()).matrix().squaredNorm();
  // A flat objective leaves nothing to explain.
  if (total > 0) result.r_squared = 1 - residual / total;

  const auto k = static_cast<Eigen::Index>(parameters.size());
  Eigen::Index square_column = 1 + k;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const Parameter& parameter = parameters[i];
    const double linear = coefficients(1 + static_cast<Eigen::Index>(i));
    const bool squared = terms.squares && parameter.squared;
    const double curvature = squared ? coefficients(square_column++) : 0;
    // x = 2 (v - low) / (high - low) - 1, so dy/dv = dy/dx * 2 / (high - low).
    result.effects.push_back({axes[parameter.axis].path, quadratic_swing(linear, curvature),
                              linear * 2 / (parameter.high - parameter.low), squared});
  }
  std::stable_sort(result.effects.begin(), result.effects.end(),
                   [](const ParameterEffect& a, const ParameterEffect& b) {
                     return std::fabs(a.swing) > std::fabs(b.swing);
                   });
  return result;
}

void print_sensitivity(std::ostream& out, const Sensitivity& sensitivity,
                       std::string_view objective_metric) {
  out << "Sensitivity of " << objective_metric;
  if (sensitivity.effects.empty()) {
    out << ": no response surface fitted.\n";
  } else {
    out << " (least-squares response surface over " << sensitivity.points << " points, R² "
        << format_for_table(sensitivity.r_squared) << "):\n";
    std::vector<std::vector<std::string>> rows = {{"parameter", "swing", "slope per unit"}};
    for (const auto& effect : sensitivity.effects) {
      rows.push_back(
          {effect.path, format_for_table(effect.swing), format_for_table(effect.linear)});
    }
    rows[1].emplace_back("<- matters most");
    print_columns(out, rows, "  ");
  }
  for (const auto& reason : sensitivity.skipped)
    out << "  left out: " << terminal_text(reason) << '\n';
}

}  // namespace omnisim

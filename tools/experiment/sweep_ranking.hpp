// Which grid point of a sweep is best: an objective metric to maximise or minimise, constraints
// every point must meet, the points ranked, and the ranking as a console table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "models/metrics/catalogue.hpp"
#include "tools/experiment/sweep_grid.hpp"
#include "tools/results/metric_summary.hpp"

namespace omnisim {

enum class Direction : std::uint8_t { maximize, minimize };

struct Objective {
  retail::MetricId metric = retail::MetricId::contribution_margin;
  Direction direction = Direction::maximize;
};

// "NAME" (the direction the catalogue says is better) or "NAME:max" / "NAME:min", NAME a key of
// the metric catalogue (a replications.csv column); an unknown name throws UsageError listing a
// few close names (those sharing a word) or, failing that, saying "see replications.csv's header
// for the names".
Objective parse_objective(std::string_view text);

enum class Comparison : std::uint8_t { at_least, at_most };  // >= and <=

struct Constraint {
  retail::MetricId metric = retail::MetricId::otif;
  Comparison comparison = Comparison::at_least;
  double bound = 0;
  std::string text;  // as given, without spaces: "otif>=0.95"
};

// "otif>=0.95", "cancellation_rate <= 0.02": only >= and <= (anything else is a UsageError that
// shows the expected form); spaces allowed around the operator. Unknown metric: as
// parse_objective.
Constraint parse_constraint(std::string_view text);

// Whether `value` meets the constraint; an undefined (NaN) value never does.
bool satisfies(const Constraint& constraint, double value);

struct RankedPoint {
  std::size_t point = 0;
  double objective = 0;               // mean of the objective metric (NaN if undefined)
  bool feasible = true;               // every constraint holds on the mean
  std::vector<std::string> violated;  // texts of the violated constraints
  // This point's objective minus the first-ranked point's, paired over the replications both
  // ran (they share random numbers, so this interval is far narrower than either point's own);
  // set by the caller, shown as a column when any point has it.
  std::optional<sim::Summary> versus_best;
};

// Points sorted best first by the objective's mean in its direction; infeasible points after all
// feasible ones (themselves sorted by objective); within each of the two groups a NaN objective
// comes last; ties by point index, so the order is total and deterministic. `summaries[p]` are
// point p's metric summaries (of the arm being ranked); a metric missing from them is a
// std::logic_error.
std::vector<RankedPoint> rank_points(const std::vector<std::vector<MetricSummary>>& summaries,
                                     const Objective& objective,
                                     const std::vector<Constraint>& constraints);

// The ranking as an aligned table: rank, one column per axis (headed by the path's last segment,
// or the full path when two axes share a last segment), the objective's mean, 95 % CI,
// half-width, replications (n) and, with constraints, the ones violated. At most `limit` rows,
// then "... and K more points"; a line above says what is ranked, in which arm (`arm_label`, e.g.
// "control tower"), under which constraints and how many points are feasible.
void print_ranking(std::ostream& out, const std::vector<GridAxis>& axes,
                   const std::vector<RankedPoint>& ranking,
                   const std::vector<std::vector<MetricSummary>>& summaries,
                   const Objective& objective, const std::vector<Constraint>& constraints,
                   std::string_view arm_label, std::size_t limit);

}  // namespace omnisim

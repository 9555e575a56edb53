// The parameter grid of `omnisim sweep`: --grid axes parsed from text, and each point of their
// full-factorial product as --set style overrides.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omnisim {

// The most points one sweep takes. Every point's scenario is loaded and kept while the sweep
// plans (10 000 points: 7 s and 90 MB for the small example, about 40 s and 400 MB for
// scenarios/medium_chain.json), and every point gets its replications in both arms; beyond this
// a grid is more likely a typo than a study.
inline constexpr std::size_t kMaxGridPoints = 10'000;

struct GridAxis {
  std::string path;  // as written: dotted (control_tower.rules.0.threshold) or JSON pointer
  std::vector<std::string> values;  // each value's text, as it goes into an override "path=value"
  bool numeric() const;             // every value parses fully as a finite number
};

// The number `text` spells, when all of it reads as a finite number (locale-independent).
std::optional<double> parse_number(std::string_view text);

// "path=v1,v2,v3" (a list; values are split on commas that are not inside [], {} or "...", and
// trimmed of spaces) or "path=start:stop:step" (numbers; start, start+step, ... up to stop
// inclusive, with a tolerance of 1e-9 of the step so 0.9:0.99:0.03 gives 0.9,0.93,0.96,0.99;
// values computed as start + i*step, never accumulated, and printed as the shortest text of the
// value rounded to 12 significant digits, so 0.1*3 prints "0.3"; a negative step counts down).
// A single value is a range only when its three ':'-separated parts all read as numbers, so a
// string such as "a:b" stays a list value.
// Throws UsageError naming the argument for: no '=', empty path, empty value list or empty value,
// duplicate values in one axis, step 0 or of the wrong sign, a non-finite number in a range, a
// range of more than 10000 values, and a path that the sweep's own options set for every point
// ("seed": --seed; "replications": --reps), saying which option to use.
GridAxis parse_grid_axis(std::string_view argument);

// Throws UsageError when two axes have the same path (naming it), when there are no axes, or when
// the grid has more than kMaxGridPoints points (from the axis sizes alone, before any point is
// built), saying how many and what to do instead.
void check_axes(const std::vector<GridAxis>& axes);

// Number of points of the full-factorial grid (product of the axis sizes).
std::size_t grid_size(const std::vector<GridAxis>& axes);

// Point p's value index on each axis: the FIRST axis varies slowest (row-major, like nested loops
// in the order the --grid options were given). std::out_of_range when p >= grid_size(axes).
std::vector<std::size_t> grid_coordinates(const std::vector<GridAxis>& axes, std::size_t point);

// The overrides of point p: {"path=value", ...} in axis order.
std::vector<std::string> point_overrides(const std::vector<GridAxis>& axes, std::size_t point);

}  // namespace omnisim

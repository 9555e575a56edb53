// Grid axes read with std::from_chars and written with std::to_chars, so that a sweep means the
// same on every machine whatever the locale.
#include "tools/experiment/sweep_grid.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <utility>

#include "tools/results/errors.hpp"

namespace omnisim {
namespace {

constexpr std::size_t kMaxRangeValues = 10000;
// A range's last value may overshoot `stop` by this fraction of the step (rounding of the
// quotient), so 0.9:0.99:0.03 still ends at 0.99.
constexpr double kStepTolerance = 1e-9;
constexpr int kSignificantDigits = 12;

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// The double all of `text` spells, "inf" and "nan" included.
std::optional<double> read_double(std::string_view text) {
  double value = 0;
  const char* const end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

[[noreturn]] void fail(std::string_view argument, const std::string& problem) {
  throw UsageError("--grid '" + std::string(argument) + "': " + problem);
}

// Splits on commas outside brackets, braces and JSON strings, so a value may be an array or an
// object: "a=[1,2],[3,4]" has two values.
std::vector<std::string_view> split_values(std::string_view text) {
  std::vector<std::string_view> parts;
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',' && depth == 0) {
      parts.push_back(trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(trim(text.substr(start)));
  return parts;
}

// start:stop:step when all three parts read as numbers.
std::optional<std::array<double, 3>> range_parts(std::string_view text) {
  std::array<double, 3> numbers{};
  std::size_t count = 0;
  std::size_t start = 0;
  while (true) {
    const auto colon = text.find(':', start);
    const auto part =
        trim(text.substr(start, colon == std::string_view::npos ? colon : colon - start));
    const auto number = read_double(part);
    if (!number || count == numbers.size()) return std::nullopt;
    numbers[count++] = *number;
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  if (count != numbers.size()) return std::nullopt;
  return numbers;
}

// The shortest text of `value` rounded to 12 significant digits, so 0.1*3 prints "0.3".
std::string range_value_text(double value) {
  std::array<char, 64> buffer{};
  char* const first = buffer.data();
  char* const last = buffer.data() + buffer.size();
  const auto rounded_end =
      std::to_chars(first, last, value, std::chars_format::scientific, kSignificantDigits - 1).ptr;
  double rounded = 0;
  std::from_chars(first, rounded_end, rounded);
  if (rounded == 0.0) rounded = 0.0;  // no "-0"
  return std::string(first, std::to_chars(first, last, rounded).ptr);
}

std::vector<std::string> range_values(std::string_view argument, double start, double stop,
                                      double step) {
  if (!std::isfinite(start) || !std::isfinite(stop) || !std::isfinite(step)) {
    fail(argument, "a range's start, stop and step must be finite numbers");
  }
  if (step == 0) fail(argument, "the step must not be 0");
  const double steps = (stop - start) / step;
  if (steps < -kStepTolerance) {
    fail(argument, step > 0 ? "the step must be negative to count down from start to stop"
                            : "the step must be positive to count up from start to stop");
  }
  if (!(steps + kStepTolerance < static_cast<double>(kMaxRangeValues))) {
    fail(argument, "the range has more than " + std::to_string(kMaxRangeValues) + " values");
  }
  const auto count = static_cast<std::size_t>(std::floor(steps + kStepTolerance)) + 1;
  std::vector<std::string> values;
  values.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    double value = start + static_cast<double>(i) * step;
    // A value meant to be zero (-0.3 + 3 * 0.1) would otherwise print as 5.55e-17.
    if (std::fabs(value) < kStepTolerance * std::fabs(step)) value = 0;
    values.push_back(range_value_text(value));
  }
  return values;
}

// The top-level scenario field a path names: "seed" for "seed", "/seed" and "seed.x".
std::string root_field(std::string_view path) {
  if (path.front() != '/') return std::string(path.substr(0, path.find('.')));
  const std::string_view token = path.substr(1, path.find('/', 1) - 1);
  // A JSON pointer's escapes: ~1 is '/', ~0 is '~'.
  std::string field;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const bool escape = token[i] == '~' && i + 1 < token.size();
    field += !escape ? token[i] : token[i + 1] == '1' ? '/' : '~';
    if (escape) ++i;
  }
  return field;
}

// The sweep sets these for every point alike, so an axis over them would be overridden or
// ignored.
void refuse_fields_set_by_options(std::string_view argument, std::string_view path) {
  const std::string field = root_field(path);
  if (field == "seed") {
    fail(argument,
         "every point of a sweep runs on the same random numbers, so that their differences are "
         "the parameters' and not chance's: set the seed with --seed S (to see other random "
         "numbers, run the sweep again with another --seed)");
  }
  if (field == "replications") {
    fail(argument,
         "every point of a sweep gets the same replications: set them with --reps N, or with "
         "--reps auto --ci-width W to add replications to each point until its interval is "
         "narrow enough");
  }
}

// Sorted rather than compared pairwise: a range may have 10000 values.
void check_values(std::string_view argument, const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty()) fail(argument, "value " + std::to_string(i + 1) + " is empty");
  }
  std::vector<std::string_view> texts(values.begin(), values.end());
  std::sort(texts.begin(), texts.end());
  const auto same_text = std::adjacent_find(texts.begin(), texts.end());
  if (same_text != texts.end()) {
    fail(argument, "the value '" + std::string(*same_text) + "' is given twice");
  }
  // "1" and "1.0" are different texts but the same value.
  std::vector<std::pair<double, std::string_view>> numbers;
  for (const auto& value : values) {
    if (const auto number = parse_number(value)) numbers.emplace_back(*number, value);
  }
  std::sort(numbers.begin(), numbers.end());
  const auto same_number =
      std::adjacent_find(numbers.begin(), numbers.end(),
                         [](const auto& a, const auto& b) { return a.first == b.first; });
  if (same_number != numbers.end()) {
    fail(argument, "'" + std::string(same_number->second) + "' and '" +
                       std::string(std::next(same_number)->second) + "' are the same number");
  }
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
  const auto value = read_double(text);
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return value;
}

bool GridAxis::numeric() const {
  return !values.empty() && std::all_of(values.begin(), values.end(), [](const std::string& v) {
    return parse_number(v).has_value();
  });
}

GridAxis parse_grid_axis(std::string_view argument) {
  const auto equals = argument.find('=');
  if (equals == std::string_view::npos) {
    fail(argument, "expected PATH=V1,V2,... or PATH=START:STOP:STEP");
  }
  GridAxis axis;
  axis.path = std::string(trim(argument.substr(0, equals)));
  if (axis.path.empty()) fail(argument, "the path before '=' is empty");
  refuse_fields_set_by_options(argument, axis.path);
  const auto text = trim(argument.substr(equals + 1));
  if (text.empty()) fail(argument, "no values after '='");
  const auto parts = split_values(text);
  const auto range = parts.size() == 1 ? range_parts(parts.front()) : std::nullopt;
  if (range) {
    axis.values = range_values(argument, (*range)[0], (*range)[1], (*range)[2]);
  } else {
    axis.values.assign(parts.begin(), parts.end());
  }
  check_values(argument, axis.values);
  return axis;
}

void check_axes(const std::vector<GridAxis>& axes) {
  if (axes.empty()) throw UsageError("a sweep needs at least one --grid PATH=VALUES");
  for (std::size_t i = 0; i < axes.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (axes[j].path == axes[i].path) {
        throw UsageError("--grid: the path '" + axes[i].path +
                         "' is given twice; put all its values in one --grid");
      }
    }
  }
  // In a double, which cannot overflow here: the count only has to be compared and shown.
  double points = 1;
  std::string sizes;
  for (const auto& axis : axes) {
    if (axis.values.empty()) throw UsageError("--grid: '" + axis.path + "' has no values");
    points *= static_cast<double>(axis.values.size());
    sizes += (sizes.empty() ? "" : " x ") + std::to_string(axis.values.size());
  }
  if (points > static_cast<double>(kMaxGridPoints)) {
    const std::string count = points < 1e15 ? std::to_string(static_cast<std::uint64_t>(points))
                                            : range_value_text(points);
    throw UsageError("--grid: " + sizes + " values make " + count + " grid points, more than the " +
                     std::to_string(kMaxGridPoints) +
                     " one sweep takes: use fewer values (a coarser step first, then a finer "
                     "one around the best points), or split the grid into several sweeps");
  }
}

std::size_t grid_size(const std::vector<GridAxis>& axes) {
  std::size_t size = 1;
  for (const auto& axis : axes)
    size *= axis.values.size();
  return size;
}

std::vector<std::size_t> grid_coordinates(const std::vector<GridAxis>& axes, std::size_t point) {
  if (point >= grid_size(axes)) {
    throw std::out_of_range("grid point " + std::to_string(point) + " is beyond the grid's " +
                            std::to_string(grid_size(axes)) + " points");
  }
  std::vector<std::size_t> coordinates(axes.size());
  // The last axis varies fastest, as the innermost of nested loops.
  for (std::size_t a = axes.size(); a-- > 0;) {
    coordinates[a] = point % axes[a].values.size();
    point /= axes[a].values.size();
  }
  return coordinates;
}

std::vector<std::string> point_overrides(const std::vector<GridAxis>& axes, std::size_t point) {
  const auto coordinates = grid_coordinates(axes, point);
  std::vector<std::string> overrides;
  overrides.reserve(axes.size());
  for (std::size_t a = 0; a < axes.size(); ++a) {
    overrides.push_back(axes[a].path + "=" + axes[a].values[coordinates[a]]);
  }
  return overrides;
}

}  // namespace omnisim

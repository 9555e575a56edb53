// Locale-independent number formatting (std::to_chars never consults the locale, so a report
// reads the same on every machine).
#include "tools/results/metric_format.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace omnisim {
namespace {

using enum retail::MetricKind;

// Fixed-point text with `decimals` digits and thousands separators in the integer part; beyond
// 1e15 (no KPI gets there) the shortest exponent form.
std::string fixed(double value, int decimals, bool separators) {
  std::array<char, 64> buffer{};
  const double magnitude = std::abs(value);
  const auto result = magnitude < 1e15
                          ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude,
                                          std::chars_format::fixed, decimals)
                          : std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude);
  const std::string_view digits(buffer.data(),
                                static_cast<std::size_t>(result.ptr - buffer.data()));
  std::size_t point = digits.find('.');
  if (point == std::string_view::npos) point = digits.size();
  std::string out;
  out.reserve(digits.size() + digits.size() / 3 + 1);
  // No "-0.0": a value that rounds to zero shows as zero.
  if (value < 0 && digits.find_first_not_of("0.") != std::string_view::npos) out.push_back('-');
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (separators && i > 0 && i < point && (point - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// Means of counts: whole numbers, or one decimal while small.
int count_decimals(double value) {
  return value == std::round(value) || std::abs(value) >= 100 ? 0 : 1;
}

}  // namespace

std::string format_value(double value, retail::MetricKind kind) {
  if (!std::isfinite(value)) return "n/a";
  switch (kind) {
    case share:
      return fixed(100 * value, 1, false) + " %";
    case ratio:
      return fixed(value, 4, false);
    case per_100:
      return fixed(value, 2, false);
    case count:
      return fixed(value, count_decimals(value), true);
    case money: {
      const std::string digits = fixed(value, 0, true);
      return digits.front() == '-' ? "-$" + digits.substr(1) : "$" + digits;
    }
    case hours: {
      const int decimals = value == std::round(value) ? 0 : std::abs(value) < 10 ? 2 : 1;
      return fixed(value, decimals, true) + " h";
    }
    case number:
      break;
  }
  return fixed(value, std::abs(value) >= 100 ? 1 : 2, true);
}

std::string format_difference(double value, retail::MetricKind kind) {
  if (!std::isfinite(value)) return "n/a";
  std::string text;
  if (kind == share) {
    text = fixed(100 * value, 2, false) + " pts";
  } else {
    text = format_value(value, kind);
  }
  return text.front() == '-' ? text : "+" + text;
}

std::string_view chart_format(retail::MetricKind kind) {
  switch (kind) {
    case share:
      // Trimmed, so 87.5 % reads "87.5%" and a cancellation rate's axis can tell 0.05 % steps.
      return ".2~%";
    case ratio:
      return ".4f";
    case per_100:
      return ".2f";
    case count:
      return ",.0f";
    case money:
      return "$,.0f";
    case hours:
      return ".2f";
    case number:
      break;
  }
  return ",.3~f";
}

std::string_view chart_difference_format(retail::MetricKind kind) {
  switch (kind) {
    case share:
      return ".2~%";
    case ratio:
      return ".4~f";
    case per_100:
      return ".3~f";
    case count:
      return ",.1~f";
    case money:
      return "$,.0f";
    case hours:
      return ".2~f";
    case number:
      break;
  }
  return ",.3~f";
}

}  // namespace omnisim

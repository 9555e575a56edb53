// CSV field formatting with std::to_chars, which never consults the locale.
#include "tools/results/csv.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace omnisim::csv {
namespace {

template <class Number>
void append_chars(std::string& row, Number value) {
  // Large enough for the longest shortest-round-trip double and any 64-bit integer.
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  row.append(buffer.data(), result.ptr);
}

// A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, which spreadsheets read as one.
bool is_number(std::string_view text) {
  std::size_t at = 0;
  const auto digits = [&] {
    const std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9')
      ++at;
    return at > start;
  };
  if (at < text.size() && text[at] == '-') ++at;
  if (at < text.size() && text[at] == '0') {
    ++at;
  } else if (!digits()) {
    return false;
  }
  if (at < text.size() && text[at] == '.') {
    ++at;
    if (!digits()) return false;
  }
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
    if (!digits()) return false;
  }
  return at == text.size();
}

bool starts_formula(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// Whether `text`, apostrophes aside, starts like a formula (see append_text).
bool guarded(std::string_view text) {
  const std::size_t first = text.find_first_not_of('\'');
  if (first == std::string_view::npos || !starts_formula(text[first])) return false;
  return first > 0 || !is_number(text);
}

}  // namespace

void append_number(std::string& row, double value) {
  if (!std::isfinite(value)) return;
  // Spreadsheets and some readers show "-0" oddly; it carries no information in a KPI.
  if (value == 0.0) value = 0.0;
  append_chars(row, value);
}

void append_integer(std::string& row, std::int64_t value) {
  append_chars(row, value);
}

void append_unsigned(std::string& row, std::uint64_t value) {
  append_chars(row, value);
}

void append_cents(std::string& row, std::int64_t cents) {
  // Integer arithmetic, because a double quotient is not exact for large amounts; the magnitude
  // is taken as unsigned so that the most negative value does not overflow.
  const std::uint64_t magnitude = cents < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(cents)
                                            : static_cast<std::uint64_t>(cents);
  if (cents < 0) row.push_back('-');
  append_chars(row, magnitude / 100);
  const auto fraction = static_cast<char>(magnitude % 100);
  row.push_back('.');
  row.push_back(static_cast<char>('0' + fraction / 10));
  row.push_back(static_cast<char>('0' + fraction % 10));
}

void append_text(std::string& row, std::string_view text) {
  const std::string_view guard = guarded(text) ? "'" : "";
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    row.append(guard).append(text);
    return;
  }
  row.push_back('"');
  row.append(guard);
  for (const char c : text) {
    if (c == '"') row.push_back('"');
    row.push_back(c);
  }
  row.push_back('"');
}

std::string_view text_of(std::string_view field) {
  if (field.starts_with('\'') && guarded(field)) field.remove_prefix(1);
  return field;
}

}  // namespace omnisim::csv

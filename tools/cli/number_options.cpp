// The command line's number readers: std::from_chars on text checked character by character
// first, since from_chars alone takes "inf", "nan" and (for doubles) a leading '-'.
#include "tools/cli/number_options.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <system_error>

#include "tools/cli/memory_limit.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {
namespace {

// A refused value is shown, not echoed: a huge one must not make a huge message, nor a control
// character reach the terminal.
constexpr std::size_t kShownBytes = 40;

std::string shown(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, kShownBytes)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      constexpr std::string_view kHex = "0123456789abcdef";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    } else {
      out += c;
    }
  }
  if (text.size() > kShownBytes) out += "...";
  return out;
}

bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// All of `text` as an unsigned integer, digits only; nullopt when it is not, or overflows.
std::optional<std::uint64_t> read_unsigned(std::string_view text) {
  if (!all_digits(text)) return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string integer_range(std::uint64_t min, std::uint64_t max) {
  return "an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

}  // namespace

void refuse_number(std::string_view option, std::string_view expected, std::string_view text) {
  throw UsageError(std::string(option) + ": expected " + std::string(expected) + ", got '" +
                   shown(text) + "'");
}

std::uint64_t parse_integer(std::string_view option, std::string_view text, std::uint64_t min,
                            std::uint64_t max) {
  const std::optional<std::uint64_t> value = read_unsigned(text);
  if (!value || *value < min || *value > max) refuse_number(option, integer_range(min, max), text);
  return *value;
}

std::optional<std::uint64_t> parse_integer_or_word(std::string_view option, std::string_view text,
                                                   std::uint64_t min, std::uint64_t max,
                                                   std::string_view word) {
  if (text == word) return std::nullopt;
  const std::optional<std::uint64_t> value = read_unsigned(text);
  if (!value || *value < min || *value > max) {
    refuse_number(option, integer_range(min, max) + " or '" + std::string(word) + "'", text);
  }
  return *value;
}

double parse_positive_real(std::string_view option, std::string_view text) {
  // Decimal digits, one point and an exponent only: no sign, "inf", "nan" or hexadecimal.
  const bool decimal = !text.empty() &&
                       (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '.') &&
                       text.find_first_not_of("0123456789.eE+-") == std::string_view::npos;
  double value = 0;
  const auto [end, error] = decimal
                                ? std::from_chars(text.data(), text.data() + text.size(), value)
                                : std::from_chars_result{text.data(), std::errc::invalid_argument};
  // result_out_of_range: beyond a double's range or below its smallest positive value.
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      !(value > 0)) {
    refuse_number(option, "a finite number greater than 0", text);
  }
  return value;
}

std::uint64_t parse_size(std::string_view option, std::string_view text) {
  const std::optional<std::uint64_t> bytes = parse_byte_size(text);
  if (!bytes) {
    refuse_number(option,
                  "a size of at least 1 byte, in bytes or with K, M, G or T (such as 512M or 4G)",
                  text);
  }
  return *bytes;
}

Shard parse_shard(std::string_view option, std::string_view text) {
  const auto slash = text.find('/');
  const std::optional<std::uint64_t> index =
      slash == std::string_view::npos ? std::nullopt : read_unsigned(text.substr(0, slash));
  const std::optional<std::uint64_t> count =
      slash == std::string_view::npos ? std::nullopt : read_unsigned(text.substr(slash + 1));
  if (!index || !count || *count == 0 || *count > kMaxShards || *index >= *count) {
    refuse_number(option,
                  "I/N, two integers with 0 <= I < N <= " + std::to_string(kMaxShards) +
                      " (such as 0/4, the first of four shards)",
                  text);
  }
  return {static_cast<std::uint32_t>(*index), static_cast<std::uint32_t>(*count)};
}

}  // namespace omnisim

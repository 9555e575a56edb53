// The numbers of the command line, one strict reader per kind, shared by every option of every
// command so that each kind has the same rules everywhere and every refusal one wording:
//   --seed: expected an integer from 0 to 18446744073709551615, got '-1'
// Each throws UsageError (exit status 2) with that message; nothing is rounded, wrapped or
// saturated into range.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "tools/experiment/shard.hpp"

namespace omnisim {

// --top: more rows than a sweep can have points would print nothing more.
inline constexpr std::uint64_t kMaxRankingRows = 10'000;
// --shard I/N: far more than any batch scheduler's array of jobs.
inline constexpr std::uint32_t kMaxShards = 1'000'000;

// "--option: expected <expected>, got '<text>'" (the text shortened, control characters shown
// as \xNN), the one wording of every refused number.
[[noreturn]] void refuse_number(std::string_view option, std::string_view expected,
                                std::string_view text);

// An integer from `min` to `max`, in decimal digits only: no sign, space, fraction, exponent or
// leading '+', so "-1", "1e23", "7.0" and "18446744073709551616" are refused, not converted.
std::uint64_t parse_integer(std::string_view option, std::string_view text, std::uint64_t min,
                            std::uint64_t max);

// An integer from 0 to 2^64 - 1, each a different seed.
inline std::uint64_t parse_seed(std::string_view option, std::string_view text) {
  return parse_integer(option, text, 0, std::numeric_limits<std::uint64_t>::max());
}

// `word` (nullopt) or an integer from `min` to `max` (as parse_integer): --reps N|auto.
std::optional<std::uint64_t> parse_integer_or_word(std::string_view option, std::string_view text,
                                                   std::uint64_t min, std::uint64_t max,
                                                   std::string_view word);

// A finite number greater than 0 in decimal ("5000", "0.5", "2.5e3"): not "nan", "inf", 0, a
// negative, hexadecimal, nor a number too large or too small for a double.
double parse_positive_real(std::string_view option, std::string_view text);

// Bytes, or a number with K, M, G or T (see parse_byte_size): "512M", "4G"; at least 1 byte and
// below 2^64.
std::uint64_t parse_size(std::string_view option, std::string_view text);

// --shard I/N, 0 <= I < N <= kMaxShards.
Shard parse_shard(std::string_view option, std::string_view text);

}  // namespace omnisim

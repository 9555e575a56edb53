// The command line's number readers: each kind's range, exactly, and the one wording of a refusal.
#include "tools/cli/number_options.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "tools/results/errors.hpp"

namespace omnisim {
namespace {

// The message a reader refuses `text` with ("" when it accepts it).
template <class Read>
std::string refusal(Read read) {
  try {
    read();
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(ParseSeed, TakesEveryUnsigned64BitIntegerExactly) {
  EXPECT_EQ(parse_seed("--seed", "0"), 0u);
  EXPECT_EQ(parse_seed("--seed", "7"), 7u);
  EXPECT_EQ(parse_seed("--seed", "18446744073709551615"),
            std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(parse_seed("--seed", "18446744073709551614"),
            std::numeric_limits<std::uint64_t>::max() - 1);
}

TEST(ParseSeed, RefusesNegativeOverflowingAndFloatingPointText) {
  for (const char* text : {"-1", "18446744073709551616", "99999999999999999999999", "1e23", "7.0",
                           "+7", " 7", "7 ", "0x10", "", "seven"}) {
    EXPECT_EQ(refusal([&] { parse_seed("--seed", text); }),
              std::string("--seed: expected an integer from 0 to 18446744073709551615, got '") +
                  text + "'")
        << text;
  }
}

TEST(ParseInteger, KeepsToItsBounds) {
  EXPECT_EQ(parse_integer("--threads", "4096", 0, 4096), 4096u);
  EXPECT_EQ(parse_integer("--threads", "0", 0, 4096), 0u);
  EXPECT_EQ(refusal([] { parse_integer("--threads", "4097", 0, 4096); }),
            "--threads: expected an integer from 0 to 4096, got '4097'");
  EXPECT_EQ(refusal([] { parse_integer("--threads", "2147483648", 0, 4096); }),
            "--threads: expected an integer from 0 to 4096, got '2147483648'");
  EXPECT_EQ(refusal([] { parse_integer("--reps", "0", 1, 1000000); }),
            "--reps: expected an integer from 1 to 1000000, got '0'");
}

TEST(ParseInteger, ShowsARefusedValueShortAndWithoutControlCharacters) {
  EXPECT_EQ(refusal([] { parse_integer("--top", "\x1b]0;owned\x07", 1, 10); }),
            "--top: expected an integer from 1 to 10, got '\\x1b]0;owned\\x07'");
  EXPECT_EQ(refusal([] { parse_integer("--top", std::string(100, '9'), 1, 10); }),
            "--top: expected an integer from 1 to 10, got '" + std::string(40, '9') + "...'");
}

TEST(ParseIntegerOrWord, TheWordIsNullopt) {
  EXPECT_EQ(parse_integer_or_word("--reps", "auto", 1, 1000000, "auto"), std::nullopt);
  EXPECT_EQ(parse_integer_or_word("--reps", "20", 1, 1000000, "auto"), 20u);
  EXPECT_EQ(refusal([] { parse_integer_or_word("--reps", "-3", 1, 1000000, "auto"); }),
            "--reps: expected an integer from 1 to 1000000 or 'auto', got '-3'");
}

TEST(ParsePositiveReal, TakesFiniteDecimalNumbersAboveZero) {
  EXPECT_EQ(parse_positive_real("--ci-width", "5000"), 5000.0);
  EXPECT_EQ(parse_positive_real("--ci-width", "0.5"), 0.5);
  EXPECT_EQ(parse_positive_real("--ci-width", ".5"), 0.5);
  EXPECT_EQ(parse_positive_real("--ci-width", "2.5e3"), 2500.0);
  EXPECT_EQ(parse_positive_real("--ci-width", "1e-3"), 0.001);
}

TEST(ParsePositiveReal, RefusesNanInfinityZeroNegativeAndOutOfRange) {
  for (const char* text : {"nan", "NaN", "inf", "infinity", "0", "0.0", "-5", "+5", "1e400",
                           "1e-400", "0x1p3", "5 ", "", "1e", "five"}) {
    EXPECT_EQ(
        refusal([&] { parse_positive_real("--ci-width", text); }),
        std::string("--ci-width: expected a finite number greater than 0, got '") + text + "'")
        << text;
  }
}

TEST(ParseSize, TakesBytesAndBinarySuffixes) {
  EXPECT_EQ(parse_size("--memory-limit", "4G"), 4ull << 30);
  EXPECT_EQ(parse_size("--memory-limit", "512M"), 512ull << 20);
  EXPECT_EQ(parse_size("--memory-limit", "1048576"), 1048576u);
  for (const char* text : {"0", "-1G", "nan", "1e3", "16777216T", "4X"}) {
    EXPECT_EQ(refusal([&] { parse_size("--memory-limit", text); }),
              std::string("--memory-limit: expected a size of at least 1 byte, in bytes or with K, "
                          "M, G or T (such as 512M or 4G), got '") +
                  text + "'")
        << text;
  }
}

TEST(ParseShard, TakesIOfN) {
  const Shard shard = parse_shard("--shard", "2/8");
  EXPECT_EQ(shard.index, 2u);
  EXPECT_EQ(shard.count, 8u);
  for (const char* text :
       {"3/3", "0/0", "-1/4", "1", "1/", "/4", "1/4/2", "0/4294967296", "0/1000001", "a/b"}) {
    EXPECT_EQ(refusal([&] { parse_shard("--shard", text); }),
              std::string("--shard: expected I/N, two integers with 0 <= I < N <= 1000000 (such "
                          "as 0/4, the first of four shards), got '") +
                  text + "'")
        << text;
  }
}

}  // namespace
}  // namespace omnisim

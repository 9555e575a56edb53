// SHA-256 against the test vectors of FIPS 180-4 (NIST's examples), fed whole and in pieces.
#include "tools/results/sha256.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

std::string sha256(const std::string& text, std::size_t piece = std::string::npos) {
  omnisim::Sha256 hash;
  for (std::size_t at = 0; at < text.size(); at += piece)
    hash.update(std::string_view(text).substr(at, piece));
  return hash.hex_digest();
}

TEST(Sha256, MatchesTheStandardsExamples) {
  EXPECT_EQ(sha256(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PiecesOfAnySizeGiveTheSameDigest) {
  std::string text;
  for (int i = 0; i < 1000; ++i)
    text += std::to_string(i * 7919) + ",";
  const std::string whole = sha256(text);
  for (const std::size_t piece : {1u, 3u, 63u, 64u, 65u, 1000u})
    EXPECT_EQ(sha256(text, piece), whole) << piece;
}

}  // namespace

// SHA-256 (FIPS 180-4), to record in an output set what each file held when it was written.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace omnisim {

// Fed in pieces of any size; hex_digest() once at the end.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  // The digest as 64 lowercase hex digits; the object is spent afterwards.
  std::string hex_digest();

 private:
  void compress(const unsigned char* block);

  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> block_{};
  std::size_t block_used_ = 0;
  std::uint64_t total_bytes_ = 0;
};

}  // namespace omnisim

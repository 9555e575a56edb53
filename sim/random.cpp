// Seeding of random streams from their StreamId.
#include "sim/random.hpp"

#include <array>

namespace sim {

RandomStream::RandomStream(const StreamId& id) {
  // taus88 combines three shift-register generators; give each its own 32-bit word, the mix of
  // the stream's seed plus a counter.
  const std::uint64_t seed = stream_seed(id);
  std::array<std::uint32_t, 3> words{};
  for (std::uint64_t i = 0; i < words.size(); ++i) {
    words[i] = static_cast<std::uint32_t>(mix64(seed + i) >> 32);
  }
  auto first = words.begin();
  engine_.seed(first, words.end());
}

}  // namespace sim

// Independent, reproducible random streams, one per (master seed, replication, agent, purpose).
#pragma once

#include <boost/random/taus88.hpp>
#include <cstdint>
#include <string_view>

namespace sim {

// Names one stream. agent_key is a stable key of the agent (a hash of its name), not its index,
// so adding agents does not shift anyone else's stream.
struct StreamId {
  std::uint64_t master_seed;
  std::uint64_t replication;
  std::uint64_t agent_key;
  std::uint64_t purpose;
};

// splitmix64's finaliser: a bijective mix in which every input bit affects every output bit.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The 64-bit seed of a stream: each field is folded in through the mix in turn.
constexpr std::uint64_t stream_seed(const StreamId& id) {
  std::uint64_t h = mix64(id.master_seed);
  h = mix64(h ^ mix64(id.replication + 0x632be59bd9b4e019ULL));
  h = mix64(h ^ mix64(id.agent_key + 0x8cb92ba72f3d8dd7ULL));
  return mix64(h ^ mix64(id.purpose + 0xd6e8feb86659fd93ULL));
}

// A stable 64-bit key for a name (FNV-1a, then mixed).
constexpr std::uint64_t name_key(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

// A stream: Boost's taus88 (12 bytes of state, so a stream per agent stays cache-friendly even
// with tens of thousands of agents). Satisfies UniformRandomBitGenerator, so every
// Boost.Random distribution can draw from it.
class RandomStream {
 public:
  using result_type = boost::random::taus88::result_type;

  explicit RandomStream(const StreamId& id);

  // taus88 yields all 32-bit words (Boost's min()/max() are not constexpr).
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return 0xffffffffU; }
  result_type operator()() { return engine_(); }

  // A uniform draw in [0, 1) with 53 random bits.
  double uniform01() {
    const std::uint64_t hi = engine_() >> 5;  // 27 bits
    const std::uint64_t lo = engine_() >> 6;  // 26 bits
    return static_cast<double>((hi << 26) | lo) * 0x1.0p-53;
  }

 private:
  boost::random::taus88 engine_;
};

}  // namespace sim

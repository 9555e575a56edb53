// An event: a message to an agent at a time, with the key that totally orders all events.
#pragma once

#include <cstdint>

#include "sim/time.hpp"

namespace sim {

using AgentId = std::uint32_t;

// The tie-break packs the sender's id above the sender's sequence number, so events at the same
// time are ordered by who sent them and in which order — never by insertion order or address.
inline constexpr int kSequenceBits = 40;
inline constexpr std::uint64_t kMaxSequence = (std::uint64_t{1} << kSequenceBits) - 1;
inline constexpr std::uint64_t kMaxAgents = std::uint64_t{1} << (64 - kSequenceBits);

constexpr std::uint64_t make_tie_break(AgentId sender, std::uint64_t sequence) {
  return (std::uint64_t{sender} << kSequenceBits) | sequence;
}

template <class Msg>
struct Event {
  Time time;
  std::uint64_t tie_break;
  AgentId target;
  Msg msg;

  AgentId sender() const { return static_cast<AgentId>(tie_break >> kSequenceBits); }
  std::uint64_t sequence() const { return tie_break & kMaxSequence; }
};

// (time, tie-break) as one unsigned 128-bit number (time's sign bit flipped so that negative
// times sort first): one branch-free comparison instead of two data-dependent branches.
__extension__ using OrderKey = unsigned __int128;

template <class Msg>
constexpr OrderKey order_key(const Event<Msg>& e) {
  const std::uint64_t biased_time = static_cast<std::uint64_t>(e.time) ^ (std::uint64_t{1} << 63);
  return (static_cast<OrderKey>(biased_time) << 64) | e.tie_break;
}

// The total event order: time first, then the sender's tie-break key.
template <class Msg>
constexpr bool precedes(const Event<Msg>& a, const Event<Msg>& b) {
  return order_key(a) < order_key(b);
}

}  // namespace sim

// An agent (logical process): owns its state and reacts to the events addressed to it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/event.hpp"
#include "sim/random.hpp"
#include "sim/time.hpp"

namespace sim {

template <class Msg>
class Context;
template <class Msg>
class World;

// What the kernel needs to know about an agent, declared when it is added to a World.
struct AgentSpec {
  // Unique; names the agent in errors and keys its random streams (so streams stay stable when
  // other agents are added).
  std::string name;
  // The smallest delay with which this agent ever messages an agent (kNever: it never does).
  // The global lookahead of the parallel engine is the minimum over all agents.
  Time min_send_delay = kNever;
  // How many independent random streams ("purposes") the agent draws from.
  std::uint32_t streams = 1;
};

// "<prefix><n>", e.g. numbered_name("store-", 12) == "store-12": the usual way to name agents.
inline std::string numbered_name(std::string_view prefix, std::uint64_t n) {
  std::string name(prefix);
  name += std::to_string(n);
  return name;
}

template <class Msg>
class Agent {
 public:
  Agent() = default;
  Agent(const Agent&) = delete;
  Agent& operator=(const Agent&) = delete;
  virtual ~Agent() = default;

  // Called once, at time zero, before any event is handled: schedule initial events here. What
  // it sends may arrive at any time from 0 on (it is delivered before the first window).
  virtual void start(Context<Msg>& ctx) { (void)ctx; }

  // Handles one event addressed to this agent. Interacts with the world only through ctx.
  virtual void handle(const Event<Msg>& event, Context<Msg>& ctx) = 0;

 private:
  friend class World<Msg>;
  friend class Context<Msg>;

  // The kernel's bookkeeping, kept inside the agent so that handling an event touches one
  // object rather than several parallel arrays.
  struct KernelState {
    Time min_send_delay = kNever;
    std::uint64_t next_sequence = 0;
    AgentId id = 0;
    RandomStream first_stream{StreamId{0, 0, 0, 0}};
    std::vector<RandomStream> more_streams;
  };
  KernelState kernel_;
};

}  // namespace sim

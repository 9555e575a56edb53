// A world: the agents of one replication, their declarations and their kernel bookkeeping.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "sim/agent.hpp"
#include "sim/errors.hpp"
#include "sim/random.hpp"

namespace sim {

template <class Msg>
class World {
 public:
  World(std::uint64_t master_seed, std::uint64_t replication)
      : master_seed_(master_seed), replication_(replication) {}

  // Adds an agent; its id is the number of agents added before it.
  template <class A, class... Args>
  A& add(AgentSpec spec, Args&&... args) {
    auto agent = std::make_unique<A>(std::forward<Args>(args)...);
    A& ref = *agent;
    add(std::move(spec), std::move(agent));
    return ref;
  }

  AgentId add(AgentSpec spec, std::unique_ptr<Agent<Msg>> agent) {
    if (agents_.size() >= kMaxAgents) {
      throw SimulationError("too many agents: the kernel supports at most " +
                            std::to_string(kMaxAgents));
    }
    if (spec.min_send_delay <= 0) {
      throw SimulationError("agent '" + spec.name + "' declares a minimum send delay of " +
                            format_duration(spec.min_send_delay) + "; it must be positive");
    }
    if (spec.streams == 0) {
      throw SimulationError("agent '" + spec.name + "' declares no random stream; it needs one");
    }
    if (!names_.insert(spec.name).second) {
      throw SimulationError("two agents are named '" + spec.name + "'; names must be unique");
    }
    const auto id = static_cast<AgentId>(agents_.size());
    auto& kernel = agent->kernel_;
    kernel.id = id;
    kernel.min_send_delay = spec.min_send_delay;
    const std::uint64_t key = name_key(spec.name);
    kernel.first_stream = RandomStream(StreamId{master_seed_, replication_, key, 0});
    for (std::uint32_t purpose = 1; purpose < spec.streams; ++purpose) {
      kernel.more_streams.emplace_back(StreamId{master_seed_, replication_, key, purpose});
    }
    lookahead_ = std::min(lookahead_, spec.min_send_delay);
    agents_.push_back(std::move(agent));
    specs_.push_back(std::move(spec));
    return id;
  }

  std::size_t size() const { return agents_.size(); }
  Agent<Msg>& agent(AgentId id) { return *agents_[id]; }
  const AgentSpec& spec(AgentId id) const { return specs_[id]; }

  // A hint that agent `id` is handled soon: pulls its first cache lines towards the core.
  void prefetch(AgentId id) const {
    const auto* bytes = reinterpret_cast<const char*>(agents_[id].get());
    __builtin_prefetch(bytes);
    __builtin_prefetch(bytes + 64);
  }

  // The global lookahead: the minimum declared send delay over all agents.
  Time lookahead() const { return lookahead_; }

  std::uint64_t master_seed() const { return master_seed_; }
  std::uint64_t replication() const { return replication_; }

  // The random stream `purpose` of agent `id` (see AgentSpec::streams).
  RandomStream& stream(AgentId id, std::uint32_t purpose) {
    auto& kernel = agents_[id]->kernel_;
    if (purpose == 0) return kernel.first_stream;
    if (purpose > kernel.more_streams.size()) {
      throw SimulationError("agent " + describe(id) + " asked for random stream " +
                            std::to_string(purpose) + " but declared " +
                            std::to_string(specs_[id].streams));
    }
    return kernel.more_streams[purpose - 1];
  }

  std::string describe(AgentId id) const {
    return "'" + specs_[id].name + "' (#" + std::to_string(id) + ")";
  }

 private:
  std::uint64_t master_seed_;
  std::uint64_t replication_;
  std::vector<std::unique_ptr<Agent<Msg>>> agents_;
  std::vector<AgentSpec> specs_;
  std::unordered_set<std::string> names_;
  Time lookahead_ = kNever;
};

}  // namespace sim

// The context of a handler: the only way an agent reads the clock, draws random numbers and
// reaches other agents.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "sim/errors.hpp"
#include "sim/partition.hpp"
#include "sim/world.hpp"

namespace sim {

template <class Msg>
class Context {
 public:
  Context(World<Msg>& world, PartitionSet<Msg>& partitions, std::uint32_t partition)
      : world_(world), partitions_(partitions), partition_(partition) {}

  Time now() const { return now_; }
  AgentId self() const { return self_->kernel_.id; }

  // The agent's own random stream for `purpose` (see AgentSpec::streams).
  RandomStream& rng(std::uint32_t purpose = 0) {
    return purpose == 0 ? self_->kernel_.first_stream : world_.stream(self(), purpose);
  }

  // Sends `msg` to agent `to`, arriving after `delay`; the delay must be at least the sender's
  // declared minimum send delay, which is what makes parallel windows safe. In start() any delay
  // from 0 on will do: what agents send there is delivered before the first window.
  void send(AgentId to, Time delay, Msg&& msg) {
    if (to >= world_.size()) {
      throw SimulationError("agent " + world_.describe(self()) + " sent a message to agent #" +
                            std::to_string(to) + " at " + format_time(now_) +
                            ", which does not exist (" + std::to_string(world_.size()) +
                            " agents)");
    }
    const Time min_delay = starting_ ? 0 : self_->kernel_.min_send_delay;
    if (delay < min_delay) {
      throw SimulationError("agent " + world_.describe(self()) + " sent a message to " +
                            world_.describe(to) + " at " + format_time(now_) + " with delay " +
                            format_duration(delay) + ", below its declared minimum send delay " +
                            format_duration(min_delay) + " (the lookahead)");
    }
    enqueue(to, delay, std::move(msg));
  }

  // Schedules `msg` for this agent itself after `delay` (zero allowed, the past is not).
  void schedule(Time delay, Msg&& msg) {
    if (delay < 0) {
      throw SimulationError("agent " + world_.describe(self()) + " scheduled an event at " +
                            format_time(now_) + " with negative delay " + format_duration(delay) +
                            ", which is in the past");
    }
    enqueue(self(), delay, std::move(msg));
  }

  // Used by the engines: the clock and the handling agent for the next handler call, or the
  // agent to start (at time 0, before any event is handled).
  void enter(Time now, Agent<Msg>& agent) {
    now_ = now;
    self_ = &agent;
    starting_ = false;
  }
  void enter_start(Agent<Msg>& agent) {
    now_ = 0;
    self_ = &agent;
    starting_ = true;
  }

 private:
  void enqueue(AgentId to, Time delay, Msg&& msg) {
    if (delay > kNever - now_) {
      throw SimulationError("agent " + world_.describe(self()) + " used delay " +
                            format_duration(delay) + " at " + format_time(now_) +
                            ", beyond the end of representable time");
    }
    Event<Msg> event{now_ + delay, next_tie_break(), to, std::move(msg)};
    auto& here = partitions_[partition_];
    const std::uint32_t destination = partitions_.size() == 1 ? 0 : partitions_.partition_of(to);
    if (destination == partition_) {
      here.queue.push(std::move(event));
    } else {
      here.outbox_min = std::min(here.outbox_min, event.time);
      here.outboxes[partitions_.parity()][destination].push_back(std::move(event));
    }
  }

  // The tie-break key of the next message the current agent sends.
  std::uint64_t next_tie_break() {
    const std::uint64_t sequence = self_->kernel_.next_sequence++;
    if (sequence > kMaxSequence) {
      throw SimulationError("agent " + world_.describe(self()) + " sent more than " +
                            std::to_string(kMaxSequence) + " messages");
    }
    return make_tie_break(self(), sequence);
  }

  World<Msg>& world_;
  PartitionSet<Msg>& partitions_;
  std::uint32_t partition_;
  Time now_ = 0;
  Agent<Msg>* self_ = nullptr;
  bool starting_ = false;
};

}  // namespace sim

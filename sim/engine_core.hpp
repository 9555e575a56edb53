// The steps both engines share: starting agents and handling a partition's events up to a time.
#pragma once

#include <cstdint>

#include "sim/context.hpp"

namespace sim {

// What a run did, summed over partitions.
struct RunStats {
  std::uint64_t committed_events = 0;  // events handled
  std::uint64_t windows = 0;           // synchronisation windows (1 per run_until when sequential)
  std::uint64_t pending_events = 0;    // events left for a later run_until
  Time now = 0;                        // the time the run reached
};

namespace detail {

// Calls start() on every agent at time zero, in id order, and delivers what they sent.
template <class Msg>
void start_agents(World<Msg>& world, PartitionSet<Msg>& partitions) {
  for (AgentId id = 0; id < world.size(); ++id) {
    Context<Msg> ctx(world, partitions, partitions.partition_of(id));
    Agent<Msg>& agent = world.agent(id);
    ctx.enter_start(agent);
    agent.start(ctx);
  }
  partitions.flush_all();
}

// Handles, in the total event order, partition p's events earlier than `end`.
template <class Msg>
void handle_until(World<Msg>& world, PartitionSet<Msg>& partitions, std::uint32_t p, Time end) {
  Partition<Msg>& partition = partitions[p];
  Context<Msg> ctx(world, partitions, p);
  std::uint64_t handled = 0;
  // next_time() and next_target() read the heap entry, not the event behind it, which is
  // usually a cache miss in large worlds: the next event and its agent are loaded while this one
  // is handled.
  while (!partition.queue.empty() && partition.queue.next_time() < end) {
    const Event<Msg> event = partition.queue.pop();
    if (!partition.queue.empty()) {
      world.prefetch(partition.queue.next_target());
      partition.queue.prefetch_next();
    }
    Agent<Msg>& agent = world.agent(event.target);
    ctx.enter(event.time, agent);
    agent.handle(event, ctx);
    ++handled;
  }
  partition.committed += handled;
}

template <class Msg>
RunStats stats_of(const PartitionSet<Msg>& partitions, std::uint64_t windows, Time now) {
  return RunStats{partitions.committed(), windows, partitions.pending(), now};
}

}  // namespace detail
}  // namespace sim

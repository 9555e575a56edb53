// Partitions: disjoint sets of agents, each with its own pending events, processed by one thread
// at a time. Messages between partitions wait in per-destination outboxes until the barrier.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/errors.hpp"
#include "sim/event_queue.hpp"

namespace sim {

template <class Msg>
struct alignas(64) Partition {
  EventQueue<Msg> queue;
  // Outboxes are double-buffered by window parity: a window writes one side while the
  // destinations drain what the previous window wrote to the other.
  std::array<std::vector<std::vector<Event<Msg>>>, 2> outboxes;
  Time outbox_min = kNever;
  Time next_time = kNever;
  std::uint64_t committed = 0;
};

template <class Msg>
class PartitionSet {
 public:
  // partition_of[agent] names the partition of every agent; it must cover all agents.
  PartitionSet(std::vector<std::uint32_t> partition_of, std::uint32_t partitions)
      : partition_of_(std::move(partition_of)), partitions_(partitions) {
    if (partitions == 0) throw SimulationError("a run needs at least one partition");
    for (std::size_t agent = 0; agent < partition_of_.size(); ++agent) {
      if (partition_of_[agent] >= partitions) {
        throw SimulationError("agent #" + std::to_string(agent) + " is mapped to partition " +
                              std::to_string(partition_of_[agent]) + " of only " +
                              std::to_string(partitions));
      }
    }
    for (auto& partition : partitions_) {
      for (auto& side : partition.outboxes)
        side.resize(partitions);
    }
  }

  std::uint32_t size() const { return static_cast<std::uint32_t>(partitions_.size()); }
  Partition<Msg>& operator[](std::uint32_t p) { return partitions_[p]; }
  std::uint32_t partition_of(AgentId agent) const { return partition_of_[agent]; }
  std::size_t agents() const { return partition_of_.size(); }

  int parity() const { return parity_; }
  void flip_parity() { parity_ ^= 1; }

  // Moves into partition p's queue every message the other partitions sent it in the previous
  // window. Only p's thread touches these vectors during a window.
  void drain_inbox(std::uint32_t p) {
    const int previous = parity_ ^ 1;
    for (auto& source : partitions_)
      deliver(source.outboxes[previous][p], p);
  }

  // Delivers every outbox on both sides (single-threaded: after start, at the end of a run).
  void flush_all() {
    for (int side = 0; side < 2; ++side) {
      for (auto& source : partitions_) {
        for (std::uint32_t p = 0; p < size(); ++p)
          deliver(source.outboxes[side][p], p);
        source.outbox_min = kNever;
      }
    }
  }

  // The earliest time of any pending event, queued or in an outbox.
  Time next_time() const {
    Time t = kNever;
    for (const auto& partition : partitions_) {
      t = std::min({t, partition.queue.next_time(), partition.outbox_min});
    }
    return t;
  }

  std::uint64_t committed() const {
    std::uint64_t n = 0;
    for (const auto& partition : partitions_)
      n += partition.committed;
    return n;
  }

  // Visits every pending event, queued or in an outbox, in no particular order.
  template <class Visit>
  void for_each_pending(Visit&& visit) const {
    for (const auto& partition : partitions_) {
      partition.queue.for_each(visit);
      for (const auto& side : partition.outboxes) {
        for (const auto& box : side) {
          for (const auto& event : box)
            visit(event);
        }
      }
    }
  }

  std::uint64_t pending() const {
    std::uint64_t n = 0;
    for (const auto& partition : partitions_) {
      n += partition.queue.size();
      for (const auto& side : partition.outboxes) {
        for (const auto& box : side)
          n += box.size();
      }
    }
    return n;
  }

 private:
  // Moves every event of `box` into partition p's queue and empties the box.
  void deliver(std::vector<Event<Msg>>& box, std::uint32_t p) {
    for (auto& event : box)
      partitions_[p].queue.push(std::move(event));
    box.clear();
  }

  std::vector<std::uint32_t> partition_of_;
  std::vector<Partition<Msg>> partitions_;
  int parity_ = 0;
};

}  // namespace sim

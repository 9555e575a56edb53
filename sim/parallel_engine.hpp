// The parallel engine: conservative time windows. With lookahead L (the smallest declared send
// delay), nothing sent during [T, T+L) can arrive before T+L, so every partition handles its
// window independently on oneTBB; cross-partition messages are delivered at the barrier. The
// total event order makes the result bit-identical to the sequential engine's.
#pragma once

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim/engine_core.hpp"
#include "sim/threads.hpp"

namespace sim {

struct ParallelOptions {
  unsigned threads = 0;  // 0: every hardware thread
  // partition_of[agent] for every agent; empty: contiguous blocks of agents, one per thread. It
  // may name more partitions than there are threads.
  std::vector<std::uint32_t> partition_of = {};
};

// Contiguous blocks of agent ids, as even as possible, one per partition.
std::vector<std::uint32_t> block_partition(std::size_t agents, std::uint32_t partitions);
// Contiguous blocks of agent ids with about equal total weight (e.g. expected events per agent).
std::vector<std::uint32_t> weighted_block_partition(const std::vector<double>& weights,
                                                    std::uint32_t partitions);

template <class Msg>
class ParallelEngine {
 public:
  // Starts every agent of `world`; add all agents before constructing the engine.
  ParallelEngine(World<Msg>& world, ParallelOptions options)
      : world_(world),
        arena_(static_cast<int>(resolve_threads(options.threads))),
        partitions_(make_partitions(world, options)) {
    detail::start_agents(world_, partitions_);
  }

  // Handles every event earlier than `end`, window by window; a later call continues from there.
  // Within a window the threads take partitions one at a time as they come free, so with more
  // partitions than threads a window's uneven work evens out between them.
  RunStats run_until(Time end) {
    const Time lookahead = world_.lookahead();
    Time window_start = partitions_.next_time();
    while (window_start < end) {
      const Time window_end = std::min(saturating_add(window_start, lookahead), end);
      arena_.execute([&] {
        tbb::parallel_for(
            tbb::blocked_range<std::uint32_t>(0, partitions_.size(), 1),
            [&](const tbb::blocked_range<std::uint32_t>& range) {
              for (std::uint32_t p = range.begin(); p != range.end(); ++p)
                run_window(p, window_end);
            },
            tbb::simple_partitioner());
      });
      partitions_.flip_parity();
      ++windows_;
      window_start = kNever;
      for (std::uint32_t p = 0; p < partitions_.size(); ++p) {
        window_start = std::min(window_start, partitions_[p].next_time);
      }
    }
    partitions_.flush_all();
    return detail::stats_of(partitions_, windows_, end);
  }

  // Visits every event not yet handled (e.g. messages in flight at the end of a run), in no
  // particular order: how a model audits what is still travelling between its agents.
  template <class Visit>
  void for_each_pending(Visit&& visit) const {
    partitions_.for_each_pending(visit);
  }

 private:
  static PartitionSet<Msg> make_partitions(const World<Msg>& world, ParallelOptions& options) {
    if (options.partition_of.empty()) {
      const auto count = static_cast<std::uint32_t>(std::max<std::size_t>(
          1, std::min<std::size_t>(resolve_threads(options.threads), world.size())));
      return PartitionSet<Msg>(block_partition(world.size(), count), count);
    }
    if (options.partition_of.size() != world.size()) {
      throw SimulationError("the partition map covers " +
                            std::to_string(options.partition_of.size()) +
                            " agents, the world has " + std::to_string(world.size()));
    }
    const std::uint32_t count =
        *std::max_element(options.partition_of.begin(), options.partition_of.end()) + 1;
    return PartitionSet<Msg>(std::move(options.partition_of), count);
  }

  void run_window(std::uint32_t p, Time window_end) {
    Partition<Msg>& partition = partitions_[p];
    partitions_.drain_inbox(p);
    partition.outbox_min = kNever;
    detail::handle_until(world_, partitions_, p, window_end);
    partition.next_time = std::min(partition.queue.next_time(), partition.outbox_min);
  }

  World<Msg>& world_;
  tbb::task_arena arena_;
  PartitionSet<Msg> partitions_;
  std::uint64_t windows_ = 0;
};

}  // namespace sim

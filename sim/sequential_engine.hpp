// The sequential engine: one pending-event set, events handled one by one in the total order.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/engine_core.hpp"

namespace sim {

template <class Msg>
class SequentialEngine {
 public:
  // Starts every agent of `world`; add all agents before constructing the engine.
  explicit SequentialEngine(World<Msg>& world)
      : world_(world), partitions_(std::vector<std::uint32_t>(world.size(), 0), 1) {
    detail::start_agents(world_, partitions_);
  }

  // Handles every event earlier than `end`; a later call continues from there.
  RunStats run_until(Time end) {
    detail::handle_until(world_, partitions_, 0, end);
    ++runs_;
    return detail::stats_of(partitions_, runs_, end);
  }

  // Visits every event not yet handled (e.g. messages in flight at the end of a run), in no
  // particular order: how a model audits what is still travelling between its agents.
  template <class Visit>
  void for_each_pending(Visit&& visit) const {
    partitions_.for_each_pending(visit);
  }

 private:
  World<Msg>& world_;
  PartitionSet<Msg> partitions_;
  std::uint64_t runs_ = 0;
};

}  // namespace sim

// Default partitioning for the parallel engine.
#include "sim/parallel_engine.hpp"

namespace sim {

std::vector<std::uint32_t> block_partition(std::size_t agents, std::uint32_t partitions) {
  std::vector<std::uint32_t> partition_of(agents);
  for (std::size_t agent = 0; agent < agents; ++agent) {
    partition_of[agent] = static_cast<std::uint32_t>(agent * partitions / agents);
  }
  return partition_of;
}

}  // namespace sim

// Partitioning agents into contiguous blocks for the parallel engine.
#include "sim/parallel_engine.hpp"

namespace sim {

std::vector<std::uint32_t> block_partition(std::size_t agents, std::uint32_t partitions) {
  std::vector<std::uint32_t> partition_of(agents);
  for (std::size_t agent = 0; agent < agents; ++agent) {
    partition_of[agent] = static_cast<std::uint32_t>(agent * partitions / agents);
  }
  return partition_of;
}

std::vector<std::uint32_t> weighted_block_partition(const std::vector<double>& weights,
                                                    std::uint32_t partitions) {
  double total = 0;
  for (const double w : weights)
    total += w;
  std::vector<std::uint32_t> partition_of(weights.size());
  if (total <= 0) return block_partition(weights.size(), partitions);
  // An agent goes to the block where the midpoint of its weight falls.
  double before = 0;
  for (std::size_t agent = 0; agent < weights.size(); ++agent) {
    const double midpoint = before + weights[agent] / 2;
    partition_of[agent] =
        std::min(partitions - 1, static_cast<std::uint32_t>(midpoint / total * partitions));
    before += weights[agent];
  }
  return partition_of;
}

}  // namespace sim

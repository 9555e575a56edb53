// A pool of weighted members that grows and whose weights change, drawn from in proportion to
// weight: a Fenwick (binary indexed) tree of the weights, so a draw, an append and a change
// each take O(log n) — a million customers are twenty steps.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/random.hpp"

namespace retail {

class WeightedPool {
 public:
  // Adds a member of weight `weight` (>= 0); returns its index, the count before it.
  std::uint32_t append(double weight);
  // Changes member `index`'s weight (0 takes it out of the draws).
  void set(std::uint32_t index, double weight);
  double weight(std::uint32_t index) const { return weights_[index]; }
  double total() const { return total_; }
  std::size_t size() const { return weights_.size(); }
  // A member drawn in proportion to weight; the pool's total must be positive.
  std::uint32_t draw(sim::RandomStream& rng) const;

 private:
  double prefix(std::size_t count) const;  // the weights of the first `count` members

  std::vector<double> weights_;
  std::vector<double> tree_;  // tree_[i - 1]: the weights of members (i - lowbit(i), i]
  double total_ = 0;
};

}  // namespace retail

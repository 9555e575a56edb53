#include "models/mechanics/weighted_pool.hpp"

#include <bit>
#include <stdexcept>

namespace retail {

namespace {
std::size_t lowbit(std::size_t i) {
  return i & (~i + 1);
}
}  // namespace

double WeightedPool::prefix(std::size_t count) const {
  double sum = 0;
  for (std::size_t i = count; i > 0; i -= lowbit(i))
    sum += tree_[i - 1];
  return sum;
}

std::uint32_t WeightedPool::append(double weight) {
  const std::size_t i = weights_.size() + 1;
  weights_.push_back(weight);
  // Node i covers members (i - lowbit(i), i]: its own weight and the prefix difference before it.
  tree_.push_back(weight + prefix(i - 1) - prefix(i - lowbit(i)));
  total_ += weight;
  return static_cast<std::uint32_t>(i - 1);
}

void WeightedPool::set(std::uint32_t index, double weight) {
  const double change = weight - weights_[index];
  weights_[index] = weight;
  for (std::size_t i = index + 1; i <= tree_.size(); i += lowbit(i))
    tree_[i - 1] += change;
  total_ += change;
  // Sums of many changes drift by rounding; an empty pool is exactly empty.
  if (total_ < 0) total_ = 0;
}

std::uint32_t WeightedPool::draw(sim::RandomStream& rng) const {
  if (!(total_ > 0)) throw std::logic_error("a draw from a weighted pool with no weight");
  double u = rng.uniform01() * total_;
  std::size_t at = 0;  // members before the one drawn
  for (std::size_t step = std::bit_floor(tree_.size()); step > 0; step >>= 1) {
    if (at + step <= tree_.size() && tree_[at + step - 1] <= u) {
      at += step;
      u -= tree_[at - 1];
    }
  }
  // Rounding can carry u past the last weighted member, or onto a member of weight 0.
  if (at >= weights_.size()) at = weights_.size() - 1;
  while (weights_[at] <= 0 && at > 0)
    --at;
  return static_cast<std::uint32_t>(at);
}

}  // namespace retail

// Each stocking node's days: its stock position at the end of the day and its replenishment
// orders by category, for the per-node and replenishment-order files (where the bullwhip effect
// is measured). Kept only when the scenario asks (kpi.node_days): dense, so a day without orders
// is a zero, not a gap.
#pragma once

#include <cstdint>
#include <vector>

#include "models/agents/messages.hpp"

namespace retail {

// A node's replenishment of one category in one day. 32 bits a count (the table is days x
// nodes x categories: tens of MB at 500 stores); add() refuses a day that would overflow one.
struct ReplenishmentCell {
  std::int32_t orders = 0;
  std::int32_t units = 0;
  bool operator==(const ReplenishmentCell&) const = default;
};

class NodeDays {
 public:
  // None kept.
  NodeDays() = default;
  NodeDays(std::uint32_t days, std::uint32_t nodes, std::size_t categories);
  // Rebuilt from its storage (std::invalid_argument when the sizes do not fit).
  NodeDays(std::uint32_t days, std::uint32_t nodes, std::size_t categories,
           std::vector<NodeStock> stock, std::vector<ReplenishmentCell> orders);

  // Days at or beyond the horizon are ignored; a node day when none are kept is a bug.
  void add(const NodeDay& report);

  bool kept() const { return nodes_ > 0; }
  std::uint32_t days() const { return days_; }
  std::uint32_t nodes() const { return nodes_; }
  std::size_t categories() const { return categories_; }
  const NodeStock& stock(std::uint32_t day, std::uint32_t node) const;
  const ReplenishmentCell& orders(std::uint32_t day, std::uint32_t node, CategoryId category) const;

  const std::vector<NodeStock>& stock() const { return stock_; }
  const std::vector<ReplenishmentCell>& orders() const { return orders_; }
  bool operator==(const NodeDays&) const = default;

 private:
  std::uint32_t days_ = 0;
  std::uint32_t nodes_ = 0;
  std::size_t categories_ = 0;
  std::vector<NodeStock> stock_;           // [day][node]
  std::vector<ReplenishmentCell> orders_;  // [day][node][category]
};

}  // namespace retail

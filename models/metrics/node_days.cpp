// Storing node days densely by day, node and category.
#include "models/metrics/node_days.hpp"

#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

namespace retail {

NodeDays::NodeDays(std::uint32_t days, std::uint32_t nodes, std::size_t categories)
    : days_(days),
      nodes_(nodes),
      categories_(categories),
      stock_(static_cast<std::size_t>(days) * nodes),
      orders_(static_cast<std::size_t>(days) * nodes * categories) {}

NodeDays::NodeDays(std::uint32_t days, std::uint32_t nodes, std::size_t categories,
                   std::vector<NodeStock> stock, std::vector<ReplenishmentCell> orders)
    : days_(days),
      nodes_(nodes),
      categories_(categories),
      stock_(std::move(stock)),
      orders_(std::move(orders)) {
  const std::size_t node_days = static_cast<std::size_t>(days) * nodes;
  if (stock_.size() != node_days || orders_.size() != node_days * categories) {
    throw std::invalid_argument(
        "node days of " + std::to_string(days) + " days, " + std::to_string(nodes) + " nodes and " +
        std::to_string(categories) + " categories cannot hold " + std::to_string(stock_.size()) +
        " stock positions and " + std::to_string(orders_.size()) + " replenishment cells");
  }
}

void NodeDays::add(const NodeDay& report) {
  const std::uint32_t day = report.day;
  if (report.node >= nodes_) {
    throw std::logic_error("a day of node " + std::to_string(report.node) + " for a table of " +
                           std::to_string(nodes_) + " nodes");
  }
  if (day >= days_) return;
  stock_[static_cast<std::size_t>(day) * nodes_ + report.node] = report.stock;
  for (const ReplenishmentCount& count : report.orders) {
    if (count.category >= categories_)
      throw std::logic_error("replenishment orders of category " + std::to_string(count.category) +
                             " out of range");
    ReplenishmentCell& cell =
        orders_[(static_cast<std::size_t>(day) * nodes_ + report.node) * categories_ +
                count.category];
    const std::int64_t orders = cell.orders + count.orders;
    const std::int64_t units = cell.units + count.units;
    if (orders > std::numeric_limits<std::int32_t>::max() ||
        units > std::numeric_limits<std::int32_t>::max() || orders < 0 || units < 0) {
      throw std::overflow_error("node " + std::to_string(report.node) + " ordered " +
                                std::to_string(units) + " units in " + std::to_string(orders) +
                                " orders of category " + std::to_string(count.category) +
                                " on day " + std::to_string(day) +
                                ": more than a node day's table holds (2^31 - 1 of each)");
    }
    cell.orders = static_cast<std::int32_t>(orders);
    cell.units = static_cast<std::int32_t>(units);
  }
}

const NodeStock& NodeDays::stock(std::uint32_t day, std::uint32_t node) const {
  return stock_.at(static_cast<std::size_t>(day) * nodes_ + node);
}

const ReplenishmentCell& NodeDays::orders(std::uint32_t day, std::uint32_t node,
                                          CategoryId category) const {
  return orders_.at((static_cast<std::size_t>(day) * nodes_ + node) * categories_ + category);
}

}  // namespace retail

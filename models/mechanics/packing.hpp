// A node's packing bench under orders.line_routing ship_complete: the lines of an order are held
// until every line sent to the node is ready (or was cancelled there), then handed over together,
// so the carrier collects them as one parcel. A line whose order needs no gathering passes
// straight through, without touching the bench.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "models/agents/messages.hpp"

namespace retail {

class PackingBench {
 public:
  // `line` is ready to hand over (picked, or taken off the shelf): `hand_over` is called with it
  // at once when its order needs no gathering, with each of the order's lines once the last is
  // ready, or not yet.
  template <class HandOver>
  void ready(const OrderLine& line, HandOver&& hand_over) {
    if (line.pack_with <= 1) {
      hand_over(line);
      return;
    }
    Gathering& order = orders_[line.id];
    order.expected = line.pack_with;
    order.lines.push_back(line);
    ++held_;
    complete(line.id, order, hand_over);
  }
  // A line of `line`'s order could not be filled here: the rest need not wait for it.
  template <class HandOver>
  void cancelled(const OrderLine& line, HandOver&& hand_over) {
    if (line.pack_with <= 1) return;
    Gathering& order = orders_[line.id];
    order.expected = line.pack_with;
    ++order.cancelled;
    complete(line.id, order, hand_over);
  }
  // Lines held, waiting for the rest of their order.
  std::int64_t held() const { return held_; }

 private:
  struct Gathering {
    std::vector<OrderLine> lines;
    std::uint32_t cancelled = 0;
    std::uint32_t expected = 0;
  };
  template <class HandOver>
  void complete(std::uint64_t id, Gathering& order, HandOver& hand_over) {
    if (order.lines.size() + order.cancelled < order.expected) return;
    held_ -= static_cast<std::int64_t>(order.lines.size());
    const std::vector<OrderLine> lines = std::move(order.lines);
    orders_.erase(id);
    for (const OrderLine& line : lines)
      hand_over(line);
  }

  std::unordered_map<std::uint64_t, Gathering> orders_;
  std::int64_t held_ = 0;
};

}  // namespace retail

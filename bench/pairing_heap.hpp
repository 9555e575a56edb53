// A pairing heap over a node pool: the design sim::EventQueue (a 4-ary heap) was measured
// against in event_queue_bench.cpp. Kept here so the comparison can be rerun.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "sim/event.hpp"

namespace bench {

template <class Msg>
class PairingHeap {
 public:
  bool empty() const { return root_ == kNone; }

  const sim::Event<Msg>& top() const { return nodes_[root_].event; }

  void push(sim::Event<Msg> event) {
    const std::uint32_t node = allocate(std::move(event));
    root_ = root_ == kNone ? node : meld(root_, node);
  }

  sim::Event<Msg> pop() {
    const std::uint32_t old_root = root_;
    sim::Event<Msg> earliest = std::move(nodes_[old_root].event);
    root_ = merge_pairs(nodes_[old_root].child);
    free_.push_back(old_root);
    return earliest;
  }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  struct Node {
    sim::Event<Msg> event;
    std::uint32_t child;
    std::uint32_t sibling;
  };

  std::uint32_t allocate(sim::Event<Msg> event) {
    if (!free_.empty()) {
      const std::uint32_t node = free_.back();
      free_.pop_back();
      nodes_[node] = Node{std::move(event), kNone, kNone};
      return node;
    }
    nodes_.push_back(Node{std::move(event), kNone, kNone});
    return static_cast<std::uint32_t>(nodes_.size() - 1);
  }

  // Makes the later of two roots the first child of the earlier.
  std::uint32_t meld(std::uint32_t a, std::uint32_t b) {
    if (sim::precedes(nodes_[b].event, nodes_[a].event)) std::swap(a, b);
    nodes_[b].sibling = nodes_[a].child;
    nodes_[a].child = b;
    return a;
  }

  // The standard two-pass merge: pair siblings left to right, then meld right to left.
  std::uint32_t merge_pairs(std::uint32_t first) {
    pairs_.clear();
    while (first != kNone) {
      const std::uint32_t second = nodes_[first].sibling;
      if (second == kNone) {
        pairs_.push_back(first);
        break;
      }
      const std::uint32_t next = nodes_[second].sibling;
      nodes_[first].sibling = kNone;
      nodes_[second].sibling = kNone;
      pairs_.push_back(meld(first, second));
      first = next;
    }
    if (pairs_.empty()) return kNone;
    std::uint32_t root = pairs_.back();
    for (std::size_t i = pairs_.size() - 1; i-- > 0;)
      root = meld(pairs_[i], root);
    nodes_[root].sibling = kNone;
    return root;
  }

  std::vector<Node> nodes_;
  std::vector<std::uint32_t> free_;
  std::vector<std::uint32_t> pairs_;
  std::uint32_t root_ = kNone;
};

}  // namespace bench

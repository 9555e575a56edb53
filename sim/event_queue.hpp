// The pending-event set: a 4-ary min-heap in one contiguous array, ordered by sim::precedes.
// Chosen over a pairing heap and a binary heap by bench/event_queue_bench.cpp (README,
// "Performance"). Small trivially copyable events live in the heap itself; larger ones (such as
// a std::variant of messages, whose moves are not plain copies) stay put in a side array while
// the heap moves 24-byte handles.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

#include "sim/event.hpp"

namespace sim {

namespace detail {

// A heap entry standing for an event stored elsewhere: its ordering key, where it is, and its
// target (in what would be padding), so the engine can name the next agent without a cache miss.
struct EventHandle {
  Time time;
  std::uint64_t tie_break;
  std::uint32_t slot;
  AgentId target;
};

constexpr OrderKey order_key(const EventHandle& handle) {
  const std::uint64_t biased_time =
      static_cast<std::uint64_t>(handle.time) ^ (std::uint64_t{1} << 63);
  return (static_cast<OrderKey>(biased_time) << 64) | handle.tie_break;
}

}  // namespace detail

template <class Msg>
class EventQueue {
  static constexpr bool kInline =
      std::is_trivially_copyable_v<Event<Msg>> && sizeof(Event<Msg>) <= 32;
  using Node = std::conditional_t<kInline, Event<Msg>, detail::EventHandle>;

 public:
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  void reserve(std::size_t n) {
    heap_.reserve(n);
    if constexpr (!kInline) slots_.reserve(n);
  }

  const Event<Msg>& top() const {
    assert(!heap_.empty());
    return event_of(heap_.front());
  }

  // Time of the earliest pending event, or kNever when there is none.
  Time next_time() const { return heap_.empty() ? kNever : heap_.front().time; }
  // The earliest pending event's target (the queue must not be empty).
  AgentId next_target() const {
    assert(!heap_.empty());
    return heap_.front().target;
  }
  // A hint that the earliest pending event is popped soon: pulls it towards the core.
  void prefetch_next() const {
    if constexpr (!kInline) {
      if (heap_.empty()) return;
      const auto* bytes = reinterpret_cast<const char*>(&slots_[heap_.front().slot]);
      for (std::size_t offset = 0; offset < sizeof(Event<Msg>); offset += 64)
        __builtin_prefetch(bytes + offset);
    }
  }

  void push(Event<Msg> event) {
    heap_.push_back(store(std::move(event)));
    sift_up(heap_.size() - 1);
  }

  // Visits every pending event, in no particular order.
  template <class Visit>
  void for_each(Visit&& visit) const {
    for (const auto& node : heap_)
      visit(event_of(node));
  }

  Event<Msg> pop() {
    assert(!heap_.empty());
    Node earliest = std::move(heap_.front());
    Node last = std::move(heap_.back());
    heap_.pop_back();
    if (!heap_.empty()) sift_down(std::move(last));
    return take(earliest);
  }

 private:
  static constexpr std::size_t kArity = 4;

  Node store(Event<Msg>&& event) {
    if constexpr (kInline) {
      return std::move(event);
    } else {
      std::uint32_t slot;
      if (free_.empty()) {
        slot = static_cast<std::uint32_t>(slots_.size());
        slots_.push_back(std::move(event));
      } else {
        slot = free_.back();
        free_.pop_back();
        slots_[slot] = std::move(event);
      }
      return detail::EventHandle{slots_[slot].time, slots_[slot].tie_break, slot,
                                 slots_[slot].target};
    }
  }

  Event<Msg> take(Node& node) {
    if constexpr (kInline) {
      return std::move(node);
    } else {
      free_.push_back(node.slot);
      return std::move(slots_[node.slot]);
    }
  }

  const Event<Msg>& event_of(const Node& node) const {
    if constexpr (kInline) {
      return node;
    } else {
      return slots_[node.slot];
    }
  }

  static OrderKey key_of(const Node& node) {
    if constexpr (kInline) {
      return order_key(node);
    } else {
      return detail::order_key(node);
    }
  }

  void sift_up(std::size_t hole) {
    Node moving = std::move(heap_[hole]);
    const OrderKey moving_key = key_of(moving);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!(moving_key < key_of(heap_[parent]))) break;
      heap_[hole] = std::move(heap_[parent]);
      hole = parent;
    }
    heap_[hole] = std::move(moving);
  }

  // Places `moving` starting from an empty root, promoting the earliest child while it precedes.
  void sift_down(Node moving) {
    const std::size_t n = heap_.size();
    const OrderKey moving_key = key_of(moving);
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first = hole * kArity + 1;
      if (first >= n) break;
      const std::size_t end = first + kArity < n ? first + kArity : n;
      // In heaps larger than the cache, fetch the grandchildren (the next level's candidates)
      // while this level is compared.
      const std::size_t grandchildren = first * kArity + 1;
      if (grandchildren < n) {
        const auto* bytes = reinterpret_cast<const char*>(&heap_[grandchildren]);
        for (std::size_t offset = 0; offset < kArity * kArity * sizeof(Node); offset += 64) {
          __builtin_prefetch(bytes + offset);
        }
      }
      std::size_t best = first;
      OrderKey best_key = key_of(heap_[first]);
      for (std::size_t child = first + 1; child < end; ++child) {
        const OrderKey key = key_of(heap_[child]);
        if (key < best_key) {
          best = child;
          best_key = key;
        }
      }
      if (!(best_key < moving_key)) break;
      heap_[hole] = std::move(heap_[best]);
      hole = best;
    }
    heap_[hole] = std::move(moving);
  }

  std::vector<Node> heap_;
  std::vector<Event<Msg>> slots_;  // events behind handles (unused when kInline)
  std::vector<std::uint32_t> free_;
};

}  // namespace sim

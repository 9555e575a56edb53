// The pending-event set: a 4-ary min-heap in one contiguous array, ordered by sim::precedes.
// Chosen over a pairing heap and a binary heap by bench/event_queue_bench.cpp (README,
// "Performance").
#pragma once

#include <cassert>
#include <cstddef>
#include <utility>
#include <vector>

#include "sim/event.hpp"

namespace sim {

template <class Msg>
class EventQueue {
 public:
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  void reserve(std::size_t n) { heap_.reserve(n); }

  const Event<Msg>& top() const {
    assert(!heap_.empty());
    return heap_.front();
  }

  // Time of the earliest pending event, or kNever when there is none.
  Time next_time() const { return heap_.empty() ? kNever : heap_.front().time; }

  void push(Event<Msg> event) {
    heap_.push_back(std::move(event));
    sift_up(heap_.size() - 1);
  }

  // Visits every pending event, in no particular order.
  template <class Visit>
  void for_each(Visit&& visit) const {
    for (const auto& event : heap_)
      visit(event);
  }

  Event<Msg> pop() {
    assert(!heap_.empty());
    Event<Msg> earliest = std::move(heap_.front());
    Event<Msg> last = std::move(heap_.back());
    heap_.pop_back();
    if (!heap_.empty()) sift_down(std::move(last));
    return earliest;
  }

 private:
  static constexpr std::size_t kArity = 4;

  void sift_up(std::size_t hole) {
    Event<Msg> moving = std::move(heap_[hole]);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!precedes(moving, heap_[parent])) break;
      heap_[hole] = std::move(heap_[parent]);
      hole = parent;
    }
    heap_[hole] = std::move(moving);
  }

  // Places `moving` starting from an empty root, promoting the earliest child while it precedes.
  void sift_down(Event<Msg> moving) {
    const std::size_t n = heap_.size();
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
        for (std::size_t offset = 0; offset < kArity * kArity * sizeof(Event<Msg>); offset += 64) {
          __builtin_prefetch(bytes + offset);
        }
      }
      std::size_t best = first;
      OrderKey best_key = order_key(heap_[first]);
      for (std::size_t child = first + 1; child < end; ++child) {
        const OrderKey key = order_key(heap_[child]);
        if (key < best_key) {
          best = child;
          best_key = key;
        }
      }
      if (!(best_key < order_key(moving))) break;
      heap_[hole] = std::move(heap_[best]);
      hole = best;
    }
    heap_[hole] = std::move(moving);
  }

  std::vector<Event<Msg>> heap_;
};

}  // namespace sim

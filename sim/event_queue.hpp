// The pending-event set: a 4-ary min-heap in one contiguous array, ordered by sim::precedes, for
// the events due soon, and hour-long buckets for the rest. In the heap, small trivially copyable
// events live in the heap itself; larger ones (such as a std::variant of messages, whose moves
// are not plain copies) stay put in a side array while the heap moves 24-byte handles. Buckets
// keep their events whole, in the order they came, so that a bucket poured into the heap is read
// in one sweep rather than each event from a slot gone cold in the days it waited (15 % faster on
// the large planned chain of bench/retail_bench.cpp than bucketed handles).
//
// Why buckets: a model that schedules days ahead (parcels in transit, returns, timers) keeps
// hundreds of thousands of events pending, and a heap that large sifts through memory, not
// cache. An event due after the heap's horizon waits, unsorted, in the bucket of its ~72-minute
// span (2^32 ticks) and joins the heap when the heap has emptied and its bucket is the earliest,
// so the heap holds about one span's events. Every event in the heap precedes every bucketed
// one, so events still leave in the total order. The 4-ary heap was chosen over a pairing heap
// and a binary heap by bench/event_queue_bench.cpp (README, "Performance").
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
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
  // The heap is empty only when no event is bucketed either.
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size() + ring_count_ + overflow_count_; }

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

  void push(Event<Msg>&& event) {
    if (event.time < horizon_) {
      push_heap(store(std::move(event)));
      return;
    }
    const Time bucket = event.time >> kSpanBits;
    if (bucket - first_bucket_ < kRingBuckets) {
      ring_[ring_slot(bucket)].push_back(std::move(event));
      ++ring_count_;
    } else {
      overflow_[bucket].push_back(std::move(event));
      ++overflow_count_;
    }
    if (heap_.empty()) refill();
  }

  // Visits every pending event, in no particular order.
  template <class Visit>
  void for_each(Visit&& visit) const {
    for (const auto& node : heap_)
      visit(event_of(node));
    for (const auto& bucket : ring_) {
      for (const auto& event : bucket)
        visit(event);
    }
    for (const auto& [index, bucket] : overflow_) {
      for (const auto& event : bucket)
        visit(event);
    }
  }

  Event<Msg> pop() {
    assert(!heap_.empty());
    Node earliest = std::move(heap_.front());
    Node last = std::move(heap_.back());
    heap_.pop_back();
    if (!heap_.empty()) {
      sift_down(std::move(last));
    } else {
      refill();
    }
    return take(earliest);
  }

 private:
  static constexpr std::size_t kArity = 4;
  static constexpr int kSpanBits = 32;  // a bucket spans 2^32 ticks: 71.6 minutes of microseconds
  // Buckets within 4,096 spans (203 days) of the heap's horizon are found by index; later ones
  // (rare) wait in an ordered map until they come within range.
  static constexpr Time kRingBuckets = 4096;

  static std::size_t ring_slot(Time bucket) {
    return static_cast<std::size_t>(bucket & (kRingBuckets - 1));
  }

  void push_heap(Node node) {
    heap_.push_back(std::move(node));
    sift_up(heap_.size() - 1);
  }

  // With the heap empty, moves the earliest bucket's events into it (into slots, when they are
  // kept behind handles) and moves the horizon past that bucket's span.
  void refill() {
    if (ring_count_ == 0) {
      if (overflow_count_ == 0) return;
      first_bucket_ = overflow_.begin()->first;
      admit_overflow();
    }
    while (ring_[ring_slot(first_bucket_)].empty())
      ++first_bucket_;
    std::vector<Event<Msg>> bucket;
    bucket.swap(ring_[ring_slot(first_bucket_)]);  // its memory goes with it
    ring_count_ -= bucket.size();
    for (Event<Msg>& event : bucket)
      push_heap(store(std::move(event)));
    horizon_ = first_bucket_ >= (kNever >> kSpanBits) ? kNever : (first_bucket_ + 1) << kSpanBits;
    ++first_bucket_;
    admit_overflow();
  }

  // Moves the overflow buckets now within the ring's range into the ring.
  void admit_overflow() {
    while (!overflow_.empty() && overflow_.begin()->first - first_bucket_ < kRingBuckets) {
      auto& [index, events] = *overflow_.begin();
      auto& slot = ring_[ring_slot(index)];
      for (Event<Msg>& event : events)
        slot.push_back(std::move(event));
      ring_count_ += events.size();
      overflow_count_ -= events.size();
      overflow_.erase(overflow_.begin());
    }
  }

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
  // Events at or after horizon_ are bucketed; before it, in the heap. Nothing is poured yet: the
  // first push goes to a bucket and is poured at once.
  Time horizon_ = std::numeric_limits<Time>::min();
  Time first_bucket_ = std::numeric_limits<Time>::min() >> kSpanBits;  // the next to pour
  // Bucketed events are kept whole, in the order they came: read back in one sweep when poured,
  // rather than each from a slot gone cold in the days it waited.
  std::vector<std::vector<Event<Msg>>> ring_ = std::vector<std::vector<Event<Msg>>>(kRingBuckets);
  std::size_t ring_count_ = 0;
  std::map<Time, std::vector<Event<Msg>>> overflow_;
  std::size_t overflow_count_ = 0;
};

}  // namespace sim

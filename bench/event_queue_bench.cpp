// The pending-event set under the classic "hold" workload (pop the earliest event, push one
// later by an exponential delay), at a constant size: sim::EventQueue (4-ary heap and buckets)
// vs a pairing heap vs std::priority_queue (binary heap). Hold: delays of mean 1 s, so every
// event is due within the queue's first bucket (a heap alone); HoldDays: mean 2 days, as in a
// retail model whose parcels and returns are pending for days. items_per_second counts hold
// operations.
#include <benchmark/benchmark.h>

#include <boost/random/exponential_distribution.hpp>
#include <cstdint>
#include <queue>
#include <vector>

#include "pairing_heap.hpp"
#include "sim/event_queue.hpp"
#include "sim/random.hpp"

namespace {

struct Payload {
  std::uint64_t word;
};
using Event = sim::Event<Payload>;

struct Later {
  bool operator()(const Event& a, const Event& b) const { return sim::precedes(b, a); }
};

// std::priority_queue with the same interface as the others.
class BinaryHeap {
 public:
  bool empty() const { return heap_.empty(); }
  void push(Event e) { heap_.push(e); }
  Event pop() {
    Event e = heap_.top();
    heap_.pop();
    return e;
  }

 private:
  std::priority_queue<Event, std::vector<Event>, Later> heap_;
};

template <class Queue, sim::Time kMeanDelay = sim::kTicksPerSecond>
void BM_Hold(benchmark::State& state) {
  const auto size = static_cast<std::uint64_t>(state.range(0));
  sim::RandomStream rng(sim::StreamId{1, 0, 0, 0});
  boost::random::exponential_distribution<double> exp1(1.0);
  auto delay = [&] { return static_cast<sim::Time>(exp1(rng) * kMeanDelay); };
  Queue queue;
  std::uint64_t sequence = 0;
  for (std::uint64_t i = 0; i < size; ++i) {
    queue.push(Event{delay(), sim::make_tie_break(0, sequence++), 0, {i}});
  }
  for (auto _ : state) {
    Event e = queue.pop();
    e.time += delay();
    e.tie_break = sim::make_tie_break(0, sequence++);
    queue.push(std::move(e));
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_Hold<sim::EventQueue<Payload>>)
    ->Name("Hold/quaternary_heap_and_buckets")
    ->ArgName("size")
    ->Range(1 << 10, 1 << 22);
BENCHMARK(BM_Hold<bench::PairingHeap<Payload>>)
    ->Name("Hold/pairing_heap")
    ->ArgName("size")
    ->Range(1 << 10, 1 << 22);
BENCHMARK(BM_Hold<BinaryHeap>)->Name("Hold/binary_heap")->ArgName("size")->Range(1 << 10, 1 << 22);

constexpr sim::Time kTwoDays = 2 * sim::kTicksPerDay;
BENCHMARK(BM_Hold<sim::EventQueue<Payload>, kTwoDays>)
    ->Name("HoldDays/quaternary_heap_and_buckets")
    ->ArgName("size")
    ->Range(1 << 10, 1 << 22);
BENCHMARK(BM_Hold<BinaryHeap, kTwoDays>)
    ->Name("HoldDays/binary_heap")
    ->ArgName("size")
    ->Range(1 << 10, 1 << 22);

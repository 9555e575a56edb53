// PHOLD on the sequential engine and on the parallel engine at 1 and 2 threads:
// committed events per second (items_per_second) at 1,024 and 65,536 LPs,
// remote 0.25, lookahead 1, mean 1, one initial event per LP.
#include <benchmark/benchmark.h>

#include "phold.hpp"
#include "sim/parallel_engine.hpp"
#include "sim/sequential_engine.hpp"

namespace {

// Simulated time per run, so that each run commits a few million events at either size.
sim::Time end_time(std::uint32_t lps) {
  return lps <= 1024 ? 4000 * sim::kTicksPerSecond : 100 * sim::kTicksPerSecond;
}

template <class MakeEngine>
void run_phold(benchmark::State& state, MakeEngine make_engine) {
  phold::Config config;
  config.lps = static_cast<std::uint32_t>(state.range(0));
  std::uint64_t committed = 0;
  std::uint64_t seed = 1;
  for (auto _ : state) {
    state.PauseTiming();
    sim::World<phold::Msg> world(seed++, 0);
    phold::build(world, config);
    auto engine = make_engine(world);
    state.ResumeTiming();
    committed += engine.run_until(end_time(config.lps)).committed_events;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(committed));
}

void BM_PholdSequential(benchmark::State& state) {
  run_phold(state,
            [](sim::World<phold::Msg>& world) { return sim::SequentialEngine<phold::Msg>(world); });
}

void BM_PholdParallel(benchmark::State& state) {
  const auto threads = static_cast<unsigned>(state.range(1));
  run_phold(state, [threads](sim::World<phold::Msg>& world) {
    return sim::ParallelEngine<phold::Msg>(world, {threads, {}});
  });
}

}  // namespace

BENCHMARK(BM_PholdSequential)
    ->ArgName("lps")
    ->Arg(1024)
    ->Arg(65536)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_PholdParallel)
    ->ArgNames({"lps", "threads"})
    ->ArgsProduct({{1024, 65536}, {1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

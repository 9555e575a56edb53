// Whole replications of generated retail chains: wall time per 26-week replication and simulated
// events per second (items_per_second), at the medium scale (50 stores, 2 DCs, 3 carriers,
// 200 SKUs) on one thread, and at the large scale (500 stores, 5 DCs, 4 carriers, 5,000 SKUs)
// on 1 and 2 threads. The label is a digest of the run's KPIs: equal labels, equal results.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>

#include "models/world/simulation.hpp"
#include "models/world/synthetic.hpp"
#include "sim/random.hpp"

namespace {

retail::SyntheticSize medium() {
  return retail::SyntheticSize{10, 50, 2, 3, 200, 10, 182, 20};
}

retail::SyntheticSize large() {
  return retail::SyntheticSize{50, 500, 5, 4, 5000, 50, 182, 20};
}

std::string digest_of(const retail::KpiTable& kpis) {
  std::uint64_t digest = 0;
  for (std::size_t c = 0; c < retail::kCounters; ++c) {
    digest = sim::mix64(digest ^
                        static_cast<std::uint64_t>(kpis.total(static_cast<retail::Counter>(c))));
  }
  char text[32];
  std::snprintf(text, sizeof text, "kpi digest %016llx", static_cast<unsigned long long>(digest));
  return text;
}

void run_chain(benchmark::State& state, const retail::SyntheticSize& size) {
  const auto threads = static_cast<unsigned>(state.range(0));
  const retail::Scenario scenario = retail::synthetic_scenario(size);
  std::uint64_t events = 0;
  std::string digest;
  for (auto _ : state) {
    const auto result = retail::run_replication(scenario, 0, threads);
    events += result.stats.committed_events;
    digest = digest_of(result.kpis);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.SetLabel(digest);
}

void BM_MediumChain(benchmark::State& state) {
  run_chain(state, medium());
}
void BM_LargeChain(benchmark::State& state) {
  run_chain(state, large());
}

}  // namespace

BENCHMARK(BM_MediumChain)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_LargeChain)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

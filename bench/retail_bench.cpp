// Whole replications of generated retail chains: wall time per 26-week replication and simulated
// events per second (items_per_second), at the medium scale (50 stores, 2 DCs, 3 carriers,
// 200 SKUs) on one thread, and at the large scale (500 stores, 5 DCs, 4 carriers, 5,000 SKUs)
// on 1 and 2 threads; each as generated ((s,S) replenishment) and with the planning world on
// (forecast-driven replenishment at every store and DC, customer backorders offered, node days
// kept), and the medium chain with a base of a million identified customers who remember
// (BM_MediumChainCustomers). The label is a digest of the run's KPIs: equal labels, equal results.
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

// The generated chain with every node re-planning weekly from its forecast (a 28-day moving
// average), online customers offered backorders, and each node's days kept.
retail::Scenario planned(retail::Scenario s) {
  retail::ReplenishmentPolicy policy;
  policy.kind = retail::ReplenishmentPolicy::Kind::forecast_order_up_to;
  for (retail::Store& store : s.stores)
    store.replenishment = policy;
  for (retail::Dc& dc : s.dcs)
    dc.replenishment = policy;
  s.orders.offer_backorders = true;
  s.kpi.node_days = true;
  return s;
}

// The planning world with a million customers who remember, spread over the zones.
retail::Scenario remembering(retail::Scenario s) {
  s = planned(std::move(s));
  s.customers.enabled = true;
  s.customers.initial = 1'000'000;
  return s;
}

void run_chain(benchmark::State& state, const retail::Scenario& scenario) {
  const auto threads = static_cast<unsigned>(state.range(0));
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
  run_chain(state, retail::synthetic_scenario(medium()));
}
void BM_LargeChain(benchmark::State& state) {
  run_chain(state, retail::synthetic_scenario(large()));
}
void BM_MediumChainPlanned(benchmark::State& state) {
  run_chain(state, planned(retail::synthetic_scenario(medium())));
}
void BM_LargeChainPlanned(benchmark::State& state) {
  run_chain(state, planned(retail::synthetic_scenario(large())));
}
void BM_MediumChainCustomers(benchmark::State& state) {
  run_chain(state, remembering(retail::synthetic_scenario(medium())));
}

// A medium chain replicates in well under a second: timed over as many runs as it takes; a large
// one takes tens of seconds: once per thread count.
void medium_runs(benchmark::internal::Benchmark* b) {
  b->ArgName("threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
}
void large_runs(benchmark::internal::Benchmark* b) {
  b->ArgName("threads")->Arg(1)->Arg(2)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
}

}  // namespace

BENCHMARK(BM_MediumChain)->Apply(medium_runs);
BENCHMARK(BM_LargeChain)->Apply(large_runs);
BENCHMARK(BM_MediumChainPlanned)->Apply(medium_runs);
BENCHMARK(BM_LargeChainPlanned)->Apply(large_runs);
BENCHMARK(BM_MediumChainCustomers)->Apply(medium_runs);

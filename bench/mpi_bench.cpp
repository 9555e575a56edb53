// Monte Carlo throughput across MPI processes: replications per second (items_per_second) of
// run_all_replications on the half-live promo scenario, shortened to two weeks, on one thread per
// process. Compare `mpirun -np 1 omnisim-bench-mpi` with `mpirun -np 2 omnisim-bench-mpi`: every
// process runs the same fixed number of iterations (each one a collective step) and only process
// 0 reports.
#include <benchmark/benchmark.h>

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "models/scenario/loader.hpp"
#include "sim/task_farm.hpp"
#include "tools/experiment/replication_runner.hpp"

namespace {

constexpr std::uint32_t kReplications = 24;

retail::Scenario shortened_promo() {
  retail::Scenario scenario =
      retail::load_scenario(std::string(OMNISIM_SOURCE_DIR) + "/scenarios/half_live_promo.json",
                            {"horizon_days=14"})
          .scenario;
  scenario.replications = kReplications;
  return scenario;
}

void BM_ReplicationsAcrossProcesses(benchmark::State& state) {
  static const retail::Scenario scenario = shortened_promo();
  const std::vector<retail::Arm> arms = {retail::Arm::status_quo, retail::Arm::control_tower};
  for (auto _ : state) {
    auto results = omnisim::run_all_replications(scenario, arms, 1);
    benchmark::DoNotOptimize(results);
  }
  state.SetItemsProcessed(state.iterations() * kReplications * static_cast<int>(arms.size()));
  const int processes = sim::process_count();
  state.SetLabel(std::to_string(processes) + (processes == 1 ? " process" : " processes") +
                 " x 1 thread");
}

// What the processes other than 0 report: nothing.
class SilentReporter : public benchmark::BenchmarkReporter {
 public:
  bool ReportContext(const Context&) override { return true; }
  void ReportRuns(const std::vector<Run>&) override {}
};

}  // namespace

BENCHMARK(BM_ReplicationsAcrossProcesses)->Iterations(3)->UseRealTime()->Unit(benchmark::kSecond);

int main(int argc, char** argv) {
  try {
    const sim::ProcessGroup processes(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (sim::process_rank() == 0) {
      benchmark::RunSpecifiedBenchmarks();
    } else {
      SilentReporter silent;
      benchmark::RunSpecifiedBenchmarks(&silent);
    }
    benchmark::Shutdown();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "omnisim-bench-mpi: " << e.what() << "\n";
    return 1;
  }
}

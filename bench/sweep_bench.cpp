// Monte Carlo throughput and the cost of streaming results, for `omnisim sweep`: replications per
// second of run_all_replications over 4 replications x both arms of the half-live promo (issue 6
// asks 2 threads >= 1.9x 1 thread), and what one journal record costs to format and to append,
// and what rewriting the manifest costs, to set against the replication a record stands for
// (issue 6: bookkeeping < 2 % of run time).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "models/scenario/loader.hpp"
#include "models/world/simulation.hpp"
#include "tools/experiment/replication_runner.hpp"
#include "tools/experiment/sweep_journal.hpp"
#include "tools/experiment/sweep_manifest.hpp"
#include "tools/experiment/sweep_plan.hpp"
#include "tools/experiment/sweep_results.hpp"

namespace {

namespace fs = std::filesystem;

const retail::Scenario& half_live_promo() {
  // The whole five weeks (about 0.2 s a replication), since the promotion starts on day 18.
  static const retail::Scenario scenario =
      retail::load_scenario(fs::path(OMNISIM_SOURCE_DIR) / "scenarios" / "half_live_promo.json",
                            {"replications=4"})
          .scenario;
  return scenario;
}

// A record as a sweep writes it: the spine metrics of a real replication.
const omnisim::TaskRecord& realistic_record() {
  static const omnisim::TaskRecord record = [] {
    omnisim::SweepPlan plan;
    plan.arms = {retail::Arm::status_quo, retail::Arm::control_tower};
    return omnisim::task_record(plan, {12, 137, 1}, retail::run_replication(half_live_promo(), 0));
  }();
  return record;
}

void BM_MonteCarlo(benchmark::State& state) {
  const retail::Scenario& scenario = half_live_promo();
  const std::vector<retail::Arm> arms{retail::Arm::status_quo, retail::Arm::control_tower};
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto results = omnisim::run_all_replications(scenario, arms, threads);
    benchmark::DoNotOptimize(results);
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(arms.size() * scenario.replications));
}

void BM_JournalLine(benchmark::State& state) {
  const omnisim::TaskRecord& record = realistic_record();
  for (auto _ : state) {
    std::string line = omnisim::journal_line(record);
    benchmark::DoNotOptimize(line);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(omnisim::journal_line(record).size()));
  state.SetLabel(std::to_string(record.metrics.size()) + " metrics");
}

void BM_JournalAppend(benchmark::State& state) {
  const omnisim::TaskRecord& record = realistic_record();
  const fs::path file =
      fs::temp_directory_path() / ("omnisim-bench-journal-" + std::to_string(::getpid()) + ".csv");
  fs::remove(file);
  {
    omnisim::JournalWriter writer(file);
    std::int64_t since_emptied = 0;
    for (auto _ : state) {
      writer.append(record);
      // Emptied now and then so that millions of iterations do not fill /tmp; appends with
      // O_APPEND simply continue at the new end.
      if (++since_emptied == 10000) {
        state.PauseTiming();
        fs::resize_file(file, 0);
        since_emptied = 0;
        state.ResumeTiming();
      }
    }
  }
  fs::remove(file);
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(omnisim::journal_line(record).size()));
  state.SetLabel(std::to_string(record.metrics.size()) + " metrics");
}

// The other bookkeeping: manifest.json rewritten (to a temporary, fsynced, renamed) every two
// seconds while a sweep runs, here with the definition of a 3 x 3 grid over the half-live promo.
void BM_ManifestWrite(benchmark::State& state) {
  omnisim::SweepRequest request;
  request.scenario = fs::path(OMNISIM_SOURCE_DIR) / "scenarios" / "half_live_promo.json";
  request.grid = {"control_tower.rules.0.threshold=0.9,0.95,0.97",
                  "control_tower.rules.0.timebox_hours=12,24,48"};
  request.replications = 200;
  request.objective = "contribution_margin";
  const omnisim::Manifest manifest{omnisim::plan_sweep(request).definition,
                                   omnisim::SweepStatus::running, 1234, 3600};
  const fs::path directory =
      fs::temp_directory_path() / ("omnisim-bench-manifest-" + std::to_string(::getpid()));
  fs::create_directories(directory);
  for (auto _ : state)
    omnisim::write_manifest(directory, manifest);
  fs::remove_all(directory);
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_MonteCarlo)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_JournalLine);
BENCHMARK(BM_JournalAppend);
BENCHMARK(BM_ManifestWrite)->Unit(benchmark::kMicrosecond);

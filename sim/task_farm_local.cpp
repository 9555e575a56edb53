// One process's share of a task farm: the tasks side by side on a oneTBB arena, spare threads
// shared out, and the lowest failure kept whatever the scheduling.
#include "sim/task_farm_local.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <numeric>
#include <utility>

#include "sim/threads.hpp"

namespace sim {

void keep_lowest(std::optional<FailedTask>& lowest, FailedTask candidate) {
  if (!lowest || candidate.position < lowest->position) lowest = std::move(candidate);
}

std::optional<FailedTask> run_share(const std::vector<std::uint64_t>& tasks, int rank, int ranks,
                                    unsigned threads, const RunTask& run,
                                    const ShareFinished& finished, const ErrorKinds& kinds,
                                    const std::atomic<bool>* stop) {
  // A block (see block_start) rather than every ranks-th task, which would tie each rank to a few
  // grid points and arms and leave the ranks with the cheap ones idle.
  const auto share_start = [&](int r) {
    return static_cast<std::size_t>(block_start(tasks.size(), static_cast<std::uint64_t>(r),
                                                static_cast<std::uint64_t>(ranks)));
  };
  std::vector<std::size_t> positions(share_start(rank + 1) - share_start(rank));
  std::iota(positions.begin(), positions.end(), share_start(rank));
  if (positions.empty()) return std::nullopt;
  // resolve_threads refuses a count beyond kMaxThreads, which the arena's int could not hold.
  threads = sim::resolve_threads(std::max(1u, threads));
  // Tasks are independent, so running them side by side scales best; only threads no task can
  // use go to the parallelism inside one.
  const unsigned per_task =
      positions.size() >= threads ? 1u : threads / static_cast<unsigned>(positions.size());

  std::mutex failure_mutex;
  std::optional<FailedTask> lowest;
  // Tasks after a failed one are skipped, those before still run: the failure reported is then
  // always the lowest, whatever the scheduling.
  std::atomic<std::size_t> lowest_position{tasks.size()};
  const auto fail = [&](std::size_t p, const char* message, ErrorKinds::Kind kind) {
    const std::lock_guard lock(failure_mutex);
    keep_lowest(lowest, {p, tasks[p], message, kind});
    lowest_position = lowest->position;
  };

  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, positions.size(), 1),
                      [&](const auto& range) {
                        for (std::size_t i = range.begin(); i != range.end(); ++i) {
                          const std::size_t p = positions[i];
                          if (p > lowest_position.load() || (stop != nullptr && stop->load()))
                            continue;
                          try {
                            finished(p, run(tasks[p], per_task));
                          } catch (const std::exception& e) {
                            fail(p, e.what(), kinds.classify(e));
                          } catch (...) {
                            fail(p, "an exception that is not a std::exception", 0);
                          }
                        }
                      });
  });
  return lowest;
}

void run_task_farm_alone(const std::vector<std::uint64_t>& tasks, unsigned threads,
                         const RunTask& run, const CollectTask& collect, const ErrorKinds& kinds,
                         const std::atomic<bool>* stop) {
  std::mutex collecting;
  const std::optional<FailedTask> failure = run_share(
      tasks, 0, 1, threads, run,
      [&](std::size_t p, std::string bytes) {
        const std::lock_guard lock(collecting);
        collect(tasks[p], std::move(bytes));
      },
      kinds, stop);
  if (failure) throw TaskFailure(failure->task, failure->message, failure->kind);
}

bool started_by_mpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr;
}

}  // namespace sim

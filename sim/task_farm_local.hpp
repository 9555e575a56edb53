// What both implementations of the task farm (task_farm_mpi.cpp, task_farm_serial.cpp) share:
// running one process's tasks on oneTBB, the farm of a single process, and whether mpirun
// started this process.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/task_farm.hpp"

namespace sim {

// A failed task; a process keeps the one lowest in the farm's order.
struct FailedTask {
  std::size_t position = 0;  // in the farm's `tasks`
  std::uint64_t task = 0;
  std::string message;
  ErrorKinds::Kind kind = 0;
};

// Replaces `lowest` with `candidate` when it comes earlier in the farm's order.
void keep_lowest(std::optional<FailedTask>& lowest, FailedTask candidate);

// Receives a task's result, by the task's position in the farm's `tasks`, on the worker thread
// that ran it; when it throws the task counts as failed.
using ShareFinished = std::function<void(std::size_t position, std::string bytes)>;

// Runs this process's share of the farm, the rank-th of `ranks` contiguous blocks of `tasks`
// (sizes differing by at most one), on `threads` threads as run_task_farm describes, passing each
// result to `finished`. Returns the failed task lowest in the farm's order, if any; tasks after it
// in that order are skipped.
std::optional<FailedTask> run_share(const std::vector<std::uint64_t>& tasks, int rank, int ranks,
                                    unsigned threads, const RunTask& run,
                                    const ShareFinished& finished, const ErrorKinds& kinds,
                                    const std::atomic<bool>* stop);

// run_task_farm with one process: every task here, collect called under a mutex.
void run_task_farm_alone(const std::vector<std::uint64_t>& tasks, unsigned threads,
                         const RunTask& run, const CollectTask& collect, const ErrorKinds& kinds,
                         const std::atomic<bool>* stop);

// mpirun (Open MPI's, or any PMIx launcher) put this process in an MPI job.
bool started_by_mpirun();

}  // namespace sim

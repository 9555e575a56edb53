// An experiment: every (point, replication, arm) of a study is a task of the task farm
// (task_farm.hpp), whatever a point, an arm and a result are to the caller. One numbering serves
// every study, a run being the study of one point; each result is shipped to rank 0 in the
// caller's bytes, except that rank 0 keeps its own tasks' results as they are.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/task_farm.hpp"

namespace sim {

struct TaskAt {
  std::uint64_t point = 0;
  std::uint64_t replication = 0;
  std::size_t arm = 0;  // index into the study's arms

  bool operator==(const TaskAt&) const = default;
};

// Replication by replication, so that all points advance together (an interrupted or adaptive
// study has every point at about the same count) and a contiguous block of numbers (an MPI
// rank's share, a shard) holds every point and arm alike. A run, one point, numbers its task
// replication * arms + arm.
class TaskNumbering {
 public:
  TaskNumbering(std::uint64_t points, std::size_t arms) : points_(points), arms_(arms) {}

  std::uint64_t task(std::uint64_t point, std::uint64_t replication, std::size_t arm) const {
    return (replication * points_ + point) * arms_ + arm;
  }
  std::uint64_t task(const TaskAt& at) const { return task(at.point, at.replication, at.arm); }
  TaskAt at(std::uint64_t task) const {
    return {(task / arms_) % points_, task / arms_ / points_,
            static_cast<std::size_t>(task % arms_)};
  }

 private:
  std::uint64_t points_;
  std::uint64_t arms_;
};

// How a Result travels from the rank that computed it to rank 0; decode(encode(r)) must be r.
template <class Result>
struct ResultCodec {
  std::function<std::string(const Result&)> encode;
  std::function<Result(const std::string&)> decode;  // may throw on bytes encode did not write
};

// Computes the task at these coordinates on so many threads; may throw.
template <class Result>
using RunExperimentTask = std::function<Result(const TaskAt& at, unsigned threads)>;
// Receives a finished task on rank 0, one call at a time, in no particular order.
template <class Result>
using CollectExperimentTask =
    std::function<void(std::uint64_t task, const TaskAt& at, Result result)>;

struct RoundOutcome {
  std::size_t tasks = 0;  // how many were asked for
  bool stopped = false;   // *stop was set on some rank: not every task may have run
};

// Collective: rank 0's `tasks` on every rank.
std::vector<std::uint64_t> broadcast_tasks(const std::vector<std::uint64_t>& tasks);

namespace detail {

// The results of rank 0's own tasks, between their run and their collect.
template <class Result>
class KeptResults {
 public:
  void put(std::uint64_t task, Result result) {
    const std::lock_guard lock(mutex_);
    results_.emplace(task, std::move(result));
  }
  std::optional<Result> take(std::uint64_t task) {
    const std::lock_guard lock(mutex_);
    const auto found = results_.find(task);
    if (found == results_.end()) return std::nullopt;
    Result result = std::move(found->second);
    results_.erase(found);
    return result;
  }

 private:
  std::mutex mutex_;
  std::map<std::uint64_t, Result> results_;
};

}  // namespace detail

// Collective. Runs rank 0's `tasks` (the other ranks' lists are ignored) across the processes on
// `threads` threads per process, as run_task_farm does, and calls `collect` on rank 0 for each
// finished one with its coordinates under `numbering`. Once *stop (if given) is true on a rank, no
// further task starts there; running ones finish and are collected. When tasks fail (or their
// collect throws), every rank throws run_task_farm's TaskFailure for the lowest-numbered one, its
// kind classified by `kinds`.
template <class Result>
RoundOutcome run_experiment(const TaskNumbering& numbering, const std::vector<std::uint64_t>& tasks,
                            unsigned threads, const RunExperimentTask<Result>& run,
                            const ResultCodec<Result>& codec,
                            const CollectExperimentTask<Result>& collect, const ErrorKinds& kinds,
                            const std::atomic<bool>* stop = nullptr) {
  const std::vector<std::uint64_t> to_run = broadcast_tasks(tasks);
  const bool root = process_rank() == 0;
  detail::KeptResults<Result> kept;
  const auto run_task = [&](std::uint64_t task, unsigned share) {
    Result result = run(numbering.at(task), share);
    if (!root) return codec.encode(result);
    kept.put(task, std::move(result));
    return std::string();
  };
  const auto collect_task = [&](std::uint64_t task, const std::string& bytes) {
    std::optional<Result> result = kept.take(task);
    collect(task, numbering.at(task), result ? std::move(*result) : codec.decode(bytes));
  };
  if (!to_run.empty()) run_task_farm(to_run, threads, run_task, collect_task, kinds, stop);
  return {to_run.size(), any_rank(stop != nullptr && stop->load())};
}

}  // namespace sim

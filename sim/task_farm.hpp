// A task farm over the processes of an MPI run (`mpirun -np K program ...`) and the threads of
// each: tasks are split statically across processes, results stream to rank 0, which writes all
// output. Without MPI (a build without it, or a run without mpirun) there is one process and
// everything here is a thin layer over oneTBB. The farm knows nothing of what its tasks compute:
// a task is a number, its result bytes, and the caller says which of its exceptions must arrive
// on every process as themselves (ErrorKinds).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

namespace sim {

// The processes of this run: 1 without MPI, K under `mpirun -np K`. Rank 0 writes all output.
int process_rank();   // 0 when MPI is not in use
int process_count();  // 1 when MPI is not in use

// The process group cannot work as the program was started: under mpirun in a build without MPI,
// or one process failed where process 0 did not. A usage problem, not a failed computation.
class ProcessGroupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// For main(): initialises MPI (asking for MPI_THREAD_SERIALIZED) only when the process was
// started by mpirun (OMPI_COMM_WORLD_SIZE or PMIX_RANK in the environment) and the program was
// built with MPI, and finalises it on destruction; a run without mpirun never touches MPI. Throws
// ProcessGroupError under mpirun in a build without MPI (every process would run the whole
// study), and std::runtime_error when the MPI library lacks the thread support needed.
class ProcessGroup {
 public:
  ProcessGroup(int& argc, char**& argv);
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;
  ~ProcessGroup();

 private:
  [[maybe_unused]] bool initialised_mpi_ = false;  // a build without MPI never sets it
};

// The exception types of the caller that must survive the trip between processes as themselves
// (a collective step's error, a failed task's kind), each rebuilt from its message; any other
// exception arrives as a std::runtime_error with the same message. Kinds are tried in the order
// added, so add a derived type before its base.
class ErrorKinds {
 public:
  // Kind 0: none of the added types.
  using Kind = std::uint8_t;

  // E must be constructible from a std::string.
  template <class E>
  ErrorKinds& add() {
    kinds_.push_back({&typeid(E),
                      [](const std::exception& e) { return dynamic_cast<const E*>(&e) != nullptr; },
                      [](const std::string& message) { throw E(message); }});
    return *this;
  }

  // The kind of `error`: 1 + the index of the first added type it is, else 0.
  Kind classify(const std::exception& error) const;
  // The kind E was added as (0 when it was not).
  template <class E>
  Kind kind_of() const {
    for (std::size_t k = 0; k < kinds_.size(); ++k) {
      if (*kinds_[k].type == typeid(E)) return static_cast<Kind>(k + 1);
    }
    return 0;
  }
  // Throws an exception of `kind` (std::runtime_error for 0 or an unknown kind) with `message`.
  [[noreturn]] void rethrow(Kind kind, const std::string& message) const;

 private:
  struct Entry {
    const std::type_info* type;
    bool (*matches)(const std::exception&);
    void (*raise)(const std::string&);
  };
  std::vector<Entry> kinds_;
};

// A task of the farm failed; every rank throws the same one (see run_task_farm).
class TaskFailure : public std::runtime_error {
 public:
  TaskFailure(std::uint64_t task, const std::string& message, ErrorKinds::Kind kind)
      : std::runtime_error(message), task_(task), kind_(kind) {}
  std::uint64_t task() const { return task_; }
  // What the task threw, as the farm's ErrorKinds classified it.
  ErrorKinds::Kind kind() const { return kind_; }

 private:
  std::uint64_t task_;
  ErrorKinds::Kind kind_;
};

// Where the `part`-th of `parts` contiguous blocks of `size` items starts (block sizes differ by at
// most one; part == parts gives size). Tasks are numbered replication by replication, so a block
// holds every grid point and arm alike: each rank, and each --shard, gets a fair share of work.
constexpr std::uint64_t block_start(std::uint64_t size, std::uint64_t part, std::uint64_t parts) {
  return size * part / parts;
}

// Runs a task on so many threads and returns its result as bytes; may throw.
using RunTask = std::function<std::string(std::uint64_t task, unsigned threads)>;
// Receives a finished task's result on rank 0.
using CollectTask = std::function<void(std::uint64_t task, std::string bytes)>;

// Collective. With `kinds` classifying what a task throws, runs run(k, threads_for_task) for every
// k in `tasks` exactly once across all ranks (rank r takes the r-th of process_count() contiguous
// blocks of `tasks`) and within a rank on `threads` threads (one task per thread; when a rank has
// fewer tasks than threads each gets threads / its task count). On rank 0 collect(k, bytes) is
// called for every finished task of every rank as its result arrives, one call at a time, in no
// particular order; on other ranks never. Once *stop (if given) is true no further task starts on
// that rank; running ones finish and are collected, and the function returns normally. A task that
// throws (or whose collect throws) is not collected; after every rank has finished, every rank
// throws TaskFailure for the failed task lowest in `tasks` order. Tasks after a failed one in
// `tasks` order may be skipped.
void run_task_farm(const std::vector<std::uint64_t>& tasks, unsigned threads, const RunTask& run,
                   const CollectTask& collect, const ErrorKinds& kinds,
                   const std::atomic<bool>* stop = nullptr);

// Collective: rank 0's `bytes` on every rank (identity with one process).
std::string broadcast_from_root(std::string bytes);

// Collective: the logical OR of `value` over ranks (e.g. "was any rank interrupted").
bool any_rank(bool value);

// Collective: runs `step` on every rank (e.g. loading and checking the input) and, when it throws
// on any, throws on all, so that none waits forever for the others: rank 0's exception (of the
// same kind among `kinds`, with the same message) when rank 0's step threw, else a
// ProcessGroupError saying that another process failed.
void on_every_rank(const std::function<void()>& step, const ErrorKinds& kinds);

// Collective: runs `step` on rank 0 only (e.g. writing outputs and printing) and, when it
// throws, throws an exception of the same kind among `kinds` and message on every rank.
void on_root(const std::function<void()>& step, const ErrorKinds& kinds);

}  // namespace sim

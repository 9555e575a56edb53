// The task farm over MPI. Tasks are split statically over the ranks; each rank runs its share on
// oneTBB and its workers send every result to rank 0 as it finishes, then the rank says it has
// finished and how many it sent. Rank 0 receives on one thread that polls and sleeps (a blocking
// receive would spin a core its own workers need) and collects remote and local results alike.
#include <mpi.h>

#include <chrono>
#include <climits>
#include <iostream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>

#include "sim/byte_stream.hpp"
#include "sim/task_farm.hpp"
#include "sim/task_farm_local.hpp"

namespace sim {
namespace {

// This process's place in the MPI job, set by ProcessGroup (MPI itself is process-wide).
struct MpiJob {
  bool active = false;
  int rank = 0;
  int size = 1;
  // A duplicate of MPI_COMM_WORLD, so that the farm's messages can match nothing else.
  MPI_Comm farm = MPI_COMM_NULL;
  // MPI_THREAD_SERIALIZED: one MPI call at a time in this process.
  std::mutex mutex;
};

MpiJob& job() {
  static MpiJob instance;
  return instance;
}

constexpr int kResultTag = 1;    // the task's position in the farm, then its result
constexpr int kFinishedTag = 2;  // how many results the rank sent, then its lowest failure
constexpr auto kPollInterval = std::chrono::milliseconds(1);

int message_size(std::size_t bytes) {
  if (bytes > static_cast<std::size_t>(INT_MAX)) {
    throw std::runtime_error("a message of " + std::to_string(bytes) +
                             " bytes is more than MPI sends at once");
  }
  return static_cast<int>(bytes);
}

void send_to_root(const std::string& message, int tag) {
  const int size = message_size(message.size());
  const std::lock_guard lock(job().mutex);
  MPI_Send(message.data(), size, MPI_BYTE, 0, tag, job().farm);
}

struct Message {
  int tag = 0;
  std::string bytes;
};

// A message that has arrived from any rank, received whole; none if nothing has arrived.
std::optional<Message> receive_if_arrived() {
  const std::lock_guard lock(job().mutex);
  int arrived = 0;
  MPI_Status status;
  MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, job().farm, &arrived, &status);
  if (arrived == 0) return std::nullopt;
  int size = 0;
  MPI_Get_count(&status, MPI_BYTE, &size);
  Message message{status.MPI_TAG, std::string(static_cast<std::size_t>(size), '\0')};
  MPI_Recv(message.bytes.data(), size, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, job().farm,
           MPI_STATUS_IGNORE);
  return message;
}

void write_failure(ByteWriter& out, const std::optional<FailedTask>& failure) {
  out.put<std::uint8_t>(failure ? 1 : 0);
  if (!failure) return;
  out.put<std::uint64_t>(failure->position);
  out.put(failure->task);
  out.put(failure->kind);
  out.put_string(failure->message);
}

std::optional<FailedTask> read_failure(ByteReader& in) {
  if (in.get<std::uint8_t>() == 0) return std::nullopt;
  FailedTask failure;
  failure.position = in.get<std::uint64_t>();
  failure.task = in.get<std::uint64_t>();
  failure.kind = in.get<ErrorKinds::Kind>();
  failure.message = in.get_string();
  return failure;
}

// Rank 0's receiver: collects the other ranks' results until every rank has finished and every
// result it announced has arrived; returns the lowest failure they reported or collect raised.
std::optional<FailedTask> receive_other_ranks(const std::vector<std::uint64_t>& tasks,
                                              const ShareFinished& collect_at,
                                              const ErrorKinds& kinds) {
  int finished = 0;
  std::uint64_t received = 0;
  std::uint64_t announced = 0;
  std::optional<FailedTask> lowest;
  while (finished < job().size - 1 || received < announced) {
    std::optional<Message> message = receive_if_arrived();
    if (!message) {
      std::this_thread::sleep_for(kPollInterval);
      continue;
    }
    ByteReader in(message->bytes);
    if (message->tag == kFinishedTag) {
      ++finished;
      announced += in.get<std::uint64_t>();
      if (std::optional<FailedTask> failure = read_failure(in)) keep_lowest(lowest, *failure);
      continue;
    }
    ++received;
    const auto position = in.get<std::uint64_t>();
    if (position >= tasks.size()) {
      throw std::runtime_error("a result for task position " + std::to_string(position) + " of " +
                               std::to_string(tasks.size()));
    }
    message->bytes.erase(0, sizeof position);
    try {
      collect_at(position, std::move(message->bytes));
    } catch (const std::exception& e) {
      keep_lowest(lowest, {position, tasks[position], e.what(), kinds.classify(e)});
    }
  }
  return lowest;
}

// Rank 0: runs its share while a receiver thread collects the others' results.
std::optional<FailedTask> run_as_root(const std::vector<std::uint64_t>& tasks, unsigned threads,
                                      const RunTask& run, const CollectTask& collect,
                                      const ErrorKinds& kinds, const std::atomic<bool>* stop) {
  std::mutex collecting;
  const ShareFinished collect_at = [&](std::size_t position, std::string bytes) {
    const std::lock_guard lock(collecting);
    collect(tasks[position], std::move(bytes));
  };
  std::optional<FailedTask> remote_failure;
  std::optional<FailedTask> failure;
  {
    std::jthread receiver([&] {
      try {
        remote_failure = receive_other_ranks(tasks, collect_at, kinds);
      } catch (const std::exception& e) {
        // The other ranks would wait for rank 0 forever.
        std::cerr << "error: the results of the other processes could not be read: " << e.what()
                  << "\n";
        MPI_Abort(job().farm, 1);
      }
    });
    failure = run_share(tasks, 0, job().size, threads, run, collect_at, kinds, stop);
  }
  if (remote_failure) keep_lowest(failure, std::move(*remote_failure));
  return failure;
}

// Any other rank: runs its share, sending each result to rank 0, then says it has finished.
std::optional<FailedTask> run_as_worker(const std::vector<std::uint64_t>& tasks, unsigned threads,
                                        const RunTask& run, const ErrorKinds& kinds,
                                        const std::atomic<bool>* stop) {
  std::atomic<std::uint64_t> sent{0};
  const std::optional<FailedTask> failure = run_share(
      tasks, job().rank, job().size, threads, run,
      [&](std::size_t position, std::string bytes) {
        ByteWriter message;
        message.put<std::uint64_t>(position);
        send_to_root(message.take() + bytes, kResultTag);
        ++sent;
      },
      kinds, stop);
  ByteWriter finished;
  finished.put(sent.load());
  write_failure(finished, failure);
  send_to_root(finished.take(), kFinishedTag);
  return failure;
}

}  // namespace

int process_rank() {
  return job().rank;
}

int process_count() {
  return job().size;
}

ProcessGroup::ProcessGroup(int& argc, char**& argv) {
  if (!started_by_mpirun()) return;
  int provided = MPI_THREAD_SINGLE;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided);
  if (provided < MPI_THREAD_SERIALIZED) {
    MPI_Finalize();
    throw std::runtime_error(
        "this MPI library does not let threads take turns calling it (MPI_THREAD_SERIALIZED), "
        "which the task farm needs to send results from its worker threads; use an MPI built with "
        "thread support");
  }
  MpiJob& mpi = job();
  MPI_Comm_dup(MPI_COMM_WORLD, &mpi.farm);
  MPI_Comm_rank(mpi.farm, &mpi.rank);
  MPI_Comm_size(mpi.farm, &mpi.size);
  mpi.active = true;
  initialised_mpi_ = true;
}

ProcessGroup::~ProcessGroup() {
  if (!initialised_mpi_) return;
  MpiJob& mpi = job();
  MPI_Comm_free(&mpi.farm);
  mpi.active = false;
  mpi.rank = 0;
  mpi.size = 1;
  MPI_Finalize();
}

void run_task_farm(const std::vector<std::uint64_t>& tasks, unsigned threads, const RunTask& run,
                   const CollectTask& collect, const ErrorKinds& kinds,
                   const std::atomic<bool>* stop) {
  if (job().size == 1) {
    run_task_farm_alone(tasks, threads, run, collect, kinds, stop);
    return;
  }
  std::optional<FailedTask> failure = job().rank == 0
                                          ? run_as_root(tasks, threads, run, collect, kinds, stop)
                                          : run_as_worker(tasks, threads, run, kinds, stop);
  // Every rank throws the lowest failure of all, which only rank 0 knows.
  ByteWriter lowest;
  write_failure(lowest, failure);
  const std::string bytes = broadcast_from_root(lowest.take());
  ByteReader in(bytes);
  if (std::optional<FailedTask> first = read_failure(in)) {
    throw TaskFailure(first->task, first->message, first->kind);
  }
}

std::string broadcast_from_root(std::string bytes) {
  if (!job().active) return bytes;
  const std::lock_guard lock(job().mutex);
  std::uint64_t size = bytes.size();
  MPI_Bcast(&size, 1, MPI_UINT64_T, 0, job().farm);
  bytes.resize(size);
  MPI_Bcast(bytes.data(), message_size(size), MPI_BYTE, 0, job().farm);
  return bytes;
}

bool any_rank(bool value) {
  if (!job().active) return value;
  const std::lock_guard lock(job().mutex);
  const int mine = value ? 1 : 0;
  int any = 0;
  MPI_Allreduce(&mine, &any, 1, MPI_INT, MPI_LOR, job().farm);
  return any != 0;
}

}  // namespace sim

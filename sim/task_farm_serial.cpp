// The task farm of a build without MPI: always one process, and a clear refusal under mpirun.
#include "sim/task_farm.hpp"
#include "sim/task_farm_local.hpp"

namespace sim {

int process_rank() {
  return 0;
}

int process_count() {
  return 1;
}

ProcessGroup::ProcessGroup(int& /*argc*/, char**& /*argv*/) {
  if (started_by_mpirun()) {
    throw ProcessGroupError(
        "this program was built without MPI, so under mpirun every process would run the whole "
        "study and write the same files; run it without mpirun, or rebuild it with MPI "
        "(libopenmpi-dev installed, cmake -DOMNISIM_MPI=ON)");
  }
}

ProcessGroup::~ProcessGroup() = default;

void run_task_farm(const std::vector<std::uint64_t>& tasks, unsigned threads, const RunTask& run,
                   const CollectTask& collect, const ErrorKinds& kinds,
                   const std::atomic<bool>* stop) {
  run_task_farm_alone(tasks, threads, run, collect, kinds, stop);
}

std::string broadcast_from_root(std::string bytes) {
  return bytes;
}

bool any_rank(bool value) {
  return value;
}

}  // namespace sim

// Ctrl-C and `kill` as a request to stop cleanly: a long sweep finishes the tasks it is running,
// records them and says how to resume, instead of dying mid-write.
#pragma once

#include <atomic>
#include <csignal>

namespace omnisim {

// While alive, SIGINT and SIGTERM set a flag instead of killing the process. A second one restores
// the default action and raises it again, so that a stuck run can still be stopped. The previous
// handlers come back on destruction. Only one may be alive at a time (std::logic_error otherwise).
class InterruptGuard {
 public:
  InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  ~InterruptGuard();

  // True once a signal has arrived; workers poll it between tasks.
  const std::atomic<bool>& flag() const;
  // The signal that arrived (SIGINT or SIGTERM), 0 if none.
  int signal() const;

 private:
  struct sigaction previous_interrupt_ {};
  struct sigaction previous_terminate_ {};
};

}  // namespace omnisim

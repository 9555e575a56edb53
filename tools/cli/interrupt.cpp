// The signal handler only stores to lock-free atomics, which is all that is async-signal-safe,
// besides the sigaction and raise of a second signal.
#include "tools/cli/interrupt.hpp"

#include <stdexcept>

namespace omnisim {
namespace {

static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "a signal handler may only touch lock-free atomics");

std::atomic<bool> guard_alive{false};
std::atomic<bool> interrupted{false};
std::atomic<int> first_signal{0};

extern "C" void on_stop_signal(int number) {
  int none = 0;
  if (!first_signal.compare_exchange_strong(none, number)) {
    // The second: the run did not stop soon enough, so let the signal do what it normally does.
    // It is blocked while this handler runs and arrives as soon as the handler returns.
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(number, &default_action, nullptr);
    raise(number);
    return;
  }
  interrupted.store(true);
}

}  // namespace

InterruptGuard::InterruptGuard() {
  if (guard_alive.exchange(true))
    throw std::logic_error("only one InterruptGuard may be alive at a time");
  interrupted.store(false);
  first_signal.store(0);
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  // Restart interrupted system calls (reads, writes), so that the run's I/O does not see EINTR.
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &previous_interrupt_);
  sigaction(SIGTERM, &action, &previous_terminate_);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &previous_interrupt_, nullptr);
  sigaction(SIGTERM, &previous_terminate_, nullptr);
  guard_alive.store(false);
}

const std::atomic<bool>& InterruptGuard::flag() const {
  return interrupted;
}

int InterruptGuard::signal() const {
  return first_signal.load();
}

}  // namespace omnisim

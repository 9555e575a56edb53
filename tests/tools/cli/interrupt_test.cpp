// Ctrl-C and kill during a sweep: the first signal only raises the flag, a second one stops the
// process as it normally would, and the handlers from before the guard come back after it.
#include "tools/cli/interrupt.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

namespace {

using omnisim::InterruptGuard;

std::atomic<int> calls_to_test_handler{0};

extern "C" void count_call(int) {
  calls_to_test_handler.fetch_add(1);
}

// Installs count_call for `number`, putting back what was there on destruction.
class TestHandler {
 public:
  explicit TestHandler(int number) : number_(number) {
    struct sigaction action {};
    action.sa_handler = count_call;
    sigemptyset(&action.sa_mask);
    sigaction(number_, &action, &previous_);
  }
  TestHandler(const TestHandler&) = delete;
  TestHandler& operator=(const TestHandler&) = delete;
  ~TestHandler() { sigaction(number_, &previous_, nullptr); }

 private:
  int number_;
  struct sigaction previous_ {};
};

TEST(InterruptGuard, StartsWithNoSignal) {
  const InterruptGuard guard;
  EXPECT_FALSE(guard.flag().load());
  EXPECT_EQ(guard.signal(), 0);
}

TEST(InterruptGuard, ASigintSetsTheFlagInsteadOfKilling) {
  const InterruptGuard guard;
  std::raise(SIGINT);
  EXPECT_TRUE(guard.flag().load());
  EXPECT_EQ(guard.signal(), SIGINT);
}

TEST(InterruptGuard, ASigtermSetsTheFlagInsteadOfKilling) {
  const InterruptGuard guard;
  std::raise(SIGTERM);
  EXPECT_TRUE(guard.flag().load());
  EXPECT_EQ(guard.signal(), SIGTERM);
}

TEST(InterruptGuard, ANewGuardForgetsTheSignalsOfTheLastOne) {
  {
    const InterruptGuard first;
    std::raise(SIGINT);
  }
  const InterruptGuard second;
  EXPECT_FALSE(second.flag().load());
  EXPECT_EQ(second.signal(), 0);
}

TEST(InterruptGuard, PutsBackThePreviousHandlers) {
  const TestHandler on_interrupt(SIGINT);
  const TestHandler on_terminate(SIGTERM);
  {
    const InterruptGuard guard;
    std::raise(SIGINT);
  }
  EXPECT_EQ(calls_to_test_handler.load(), 0);
  std::raise(SIGINT);
  std::raise(SIGTERM);
  EXPECT_EQ(calls_to_test_handler.load(), 2);
}

TEST(InterruptGuard, OnlyOneMayBeAlive) {
  const InterruptGuard guard;
  EXPECT_THROW(InterruptGuard(), std::logic_error);
  // The failed one took nothing over: the first still works.
  std::raise(SIGTERM);
  EXPECT_EQ(guard.signal(), SIGTERM);
}

TEST(InterruptGuardDeathTest, ASecondSignalStopsTheProcessAsUsual) {
  EXPECT_EXIT(
      {
        const InterruptGuard guard;
        std::raise(SIGINT);
        std::raise(SIGINT);
        std::exit(0);
      },
      ::testing::KilledBySignal(SIGINT), "");
  EXPECT_EXIT(
      {
        const InterruptGuard guard;
        std::raise(SIGINT);
        std::raise(SIGTERM);
        std::exit(0);
      },
      ::testing::KilledBySignal(SIGTERM), "");
}

}  // namespace

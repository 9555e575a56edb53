// The run's memory limit: sizes as people write them (512M, 4G), the default from the machine's
// physical memory, the check that refuses a run whose estimate does not fit, and the watchdog
// that stops a run whose real memory passes the limit all the same.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "models/scenario/scenario.hpp"

namespace omnisim {

// Bytes, or a number with a binary suffix K, M, G or T (optionally followed by B or iB, any
// case): "1048576", "512M", "1.5G", "4GiB". nullopt when malformed, zero, or beyond 2^64.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

// "800 B", "12.0 KiB", "1.5 GiB": one decimal in the largest unit that keeps the number >= 1.
std::string format_bytes(std::uint64_t bytes);

// 80 % of the machine's physical memory: room for the OS and whatever else runs beside.
std::uint64_t default_memory_limit();

// Throws UsageError when the run of `scenario` (its replications in each of `arms` arms,
// `threads` of them at a time) is estimated to need more than `limit` bytes
// (default_memory_limit() when unset), giving the estimate, the limit and what to change.
void check_memory(const retail::Scenario& scenario, unsigned threads,
                  std::optional<std::uint64_t> limit, unsigned arms = 1);

// This process's resident memory now (from /proc/self/statm), 0 where unknown.
std::uint64_t resident_bytes();

// While alive, a thread reads the resident memory every `interval` and calls `exceeded` (on that
// thread, once) when it is above `limit_bytes`. It only reads /proc: the run computes the same.
class MemoryWatchdog {
 public:
  using Exceeded = std::function<void(std::uint64_t resident_bytes)>;
  MemoryWatchdog(std::uint64_t limit_bytes, Exceeded exceeded,
                 std::chrono::milliseconds interval = std::chrono::milliseconds(100));
  MemoryWatchdog(const MemoryWatchdog&) = delete;
  MemoryWatchdog& operator=(const MemoryWatchdog&) = delete;
  ~MemoryWatchdog();

 private:
  void watch(std::uint64_t limit_bytes, const Exceeded& exceeded,
             std::chrono::milliseconds interval);

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

// "memory limit 512.0 MiB (--memory-limit) exceeded: 530.1 MiB resident ..." with what to do.
std::string memory_exceeded_message(std::uint64_t limit_bytes, bool limit_given,
                                    std::uint64_t resident_bytes);

// The watchdog of a run (or sweep) under `limit` (default_memory_limit() when unset): past it,
// prints memory_exceeded_message as an error and exits with status 1 at once, since the memory
// may be taken inside one replication. nullptr in sanitizer builds, whose shadow memory counts
// as resident (the estimate's check before the run still applies).
std::unique_ptr<MemoryWatchdog> watch_memory(std::optional<std::uint64_t> limit);

}  // namespace omnisim

// Memory limit parsing, formatting, the pre-run check against the scenario's estimate and the
// watchdog while it runs.
#include "tools/cli/memory_limit.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "models/world/memory_estimate.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {

namespace {

constexpr std::string_view kUnits = "KMGT";

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string one_decimal(double value) {
  std::array<char, 32> buffer{};
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                 std::chars_format::fixed, 1)
                       .ptr;
  return std::string(buffer.data(), end);
}

}  // namespace

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  // Digits and at most one point only: from_chars alone would also take "inf", "1e3" or "-1".
  const std::size_t number_end = text.find_first_not_of("0123456789.");
  const std::string_view number = text.substr(0, number_end);
  if (number.empty() || std::ranges::count(number, '.') > 1) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc() || end != number.data() + number.size()) return std::nullopt;

  std::string_view suffix = number_end == std::string_view::npos ? "" : text.substr(number_end);
  double multiplier = 1;
  if (!suffix.empty()) {
    const auto unit =
        kUnits.find(static_cast<char>(std::toupper(static_cast<unsigned char>(suffix[0]))));
    if (unit != std::string_view::npos) {
      multiplier = std::pow(1024.0, static_cast<double>(unit + 1));
      suffix.remove_prefix(1);
      if (equals_ignoring_case(suffix, "iB")) suffix = "";
    }
    if (equals_ignoring_case(suffix, "B")) suffix = "";
    if (!suffix.empty()) return std::nullopt;
  }
  const double bytes = std::floor(value * multiplier);
  // 2^64 is exactly representable; anything from it up does not fit.
  if (bytes < 1 || bytes >= 18446744073709551616.0) return std::nullopt;
  return static_cast<std::uint64_t>(bytes);
}

std::string format_bytes(std::uint64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  for (value /= 1024; value >= 1024 && unit + 1 < kUnits.size(); value /= 1024)
    ++unit;
  return one_decimal(value) + " " + kUnits[unit] + "iB";
}

std::uint64_t default_memory_limit() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGESIZE);
  // Unknown physical memory: no limit rather than a guess.
  if (pages <= 0 || page_size <= 0) return std::numeric_limits<std::uint64_t>::max();
  return static_cast<std::uint64_t>(pages) / 5 * 4 * static_cast<std::uint64_t>(page_size);
}

void check_memory(const retail::Scenario& scenario, unsigned threads,
                  std::optional<std::uint64_t> limit, unsigned arms) {
  const std::uint64_t limit_bytes = limit.value_or(default_memory_limit());
  arms = std::max(1u, arms);
  // Each arm's replications are runs of their own, and every run's KPI table is kept.
  const std::uint64_t replications64 = std::uint64_t{scenario.replications} * arms;
  const auto replications = static_cast<std::uint32_t>(
      std::min<std::uint64_t>(replications64, std::numeric_limits<std::uint32_t>::max()));
  const unsigned at_once = std::max(1u, std::min<unsigned>(threads, replications));
  const std::uint64_t needed = retail::estimate_run_bytes(scenario, at_once, replications);
  if (needed <= limit_bytes) return;

  const std::string in_arms = arms == 1 ? ""
                                        : " (" + std::to_string(scenario.replications) +
                                              " in each of " + std::to_string(arms) + " arms)";
  std::string message = "this run needs an estimated " + format_bytes(needed) + " of memory (" +
                        std::to_string(at_once) + " of " + std::to_string(replications) +
                        (replications == 1 ? " replication" : " replications") + in_arms +
                        " at a time), more than the limit of " + format_bytes(limit_bytes) +
                        (limit ? " (--memory-limit)" : " (80 % of physical memory)") + ". ";
  unsigned fits = at_once - 1;
  while (fits > 0 && retail::estimate_run_bytes(scenario, fits, replications) > limit_bytes)
    --fits;
  if (fits > 0) {
    message += "Run fewer replications at a time (--threads " + std::to_string(fits) +
               "), or raise the limit with --memory-limit SIZE (such as 32G).";
  } else {
    message += "Even one replication at a time needs " +
               format_bytes(retail::estimate_run_bytes(scenario, 1, replications)) +
               ": raise the limit with --memory-limit SIZE if the machine has the memory, or run "
               "a smaller scenario (fewer stores x SKUs, a shorter horizon, fewer --reps).";
  }
  throw UsageError(message);
}

std::uint64_t resident_bytes() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm == nullptr) return 0;
  unsigned long long size_pages = 0;
  unsigned long long resident_pages = 0;
  const int read = std::fscanf(statm, "%llu %llu", &size_pages, &resident_pages);
  std::fclose(statm);
  const long page_size = sysconf(_SC_PAGESIZE);
  if (read != 2 || page_size <= 0) return 0;
  return resident_pages * static_cast<std::uint64_t>(page_size);
}

MemoryWatchdog::MemoryWatchdog(std::uint64_t limit_bytes, Exceeded exceeded,
                               std::chrono::milliseconds interval)
    : thread_([this, limit_bytes, exceeded = std::move(exceeded), interval] {
        watch(limit_bytes, exceeded, interval);
      }) {}

MemoryWatchdog::~MemoryWatchdog() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void MemoryWatchdog::watch(std::uint64_t limit_bytes, const Exceeded& exceeded,
                           std::chrono::milliseconds interval) {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval, [this] { return stopping_; })) {
    const std::uint64_t resident = resident_bytes();
    if (resident > limit_bytes) {
      exceeded(resident);
      return;
    }
  }
}

std::string memory_exceeded_message(std::uint64_t limit_bytes, bool limit_given,
                                    std::uint64_t resident_bytes) {
  return "memory limit " + format_bytes(limit_bytes) +
         (limit_given ? " (--memory-limit)" : " (80 % of physical memory)") +
         " exceeded: " + format_bytes(resident_bytes) +
         " resident, more than the estimate before the run allowed for. Run fewer replications "
         "at a time (--threads N), or raise the limit with --memory-limit SIZE if the machine has "
         "the memory.";
}

namespace {

constexpr bool kSanitized =
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
    true;
#else
    false;
#endif
#else
    false;
#endif

}  // namespace

std::unique_ptr<MemoryWatchdog> watch_memory(std::optional<std::uint64_t> limit) {
  if (kSanitized) return nullptr;
  const std::uint64_t limit_bytes = limit.value_or(default_memory_limit());
  return std::make_unique<MemoryWatchdog>(
      limit_bytes, [limit_bytes, given = limit.has_value()](std::uint64_t resident) {
        // Straight to the descriptor and out: the other threads are still running, and the
        // memory may be going fast.
        const std::string message =
            "omnisim: error: " + memory_exceeded_message(limit_bytes, given, resident) + "\n";
        [[maybe_unused]] const auto written = ::write(2, message.data(), message.size());
        std::_Exit(kExitFailure);
      });
}

}  // namespace omnisim

// The run's memory limit: sizes as people write them (512M, 4G), the default from the machine's
// physical memory, and the check that refuses a run whose estimate does not fit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "models/config.hpp"

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

}  // namespace omnisim

// How many worker threads a run uses.
#pragma once

namespace sim {

// The most worker threads a run takes: far beyond any machine's cores, and well within the int
// a oneTBB arena is sized with.
inline constexpr unsigned kMaxThreads = 4096;

// `requested`, or every hardware thread (at most kMaxThreads) when it is 0;
// std::invalid_argument when `requested` is above kMaxThreads.
unsigned resolve_threads(unsigned requested);

}  // namespace sim

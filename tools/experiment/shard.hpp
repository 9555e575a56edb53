// A slice of a study for one job of a batch scheduler (--shard I/N).
#pragma once

#include <cstdint>

namespace omnisim {

// This process runs the I-th of N contiguous blocks of the study's task numbers (index I of
// count N).
struct Shard {
  std::uint32_t index = 0;
  std::uint32_t count = 1;
};

}  // namespace omnisim

// A DC's pick/pack station: identical pickers serving orders first come, first served; orders
// wait when every picker is busy.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>

#include "models/messages.hpp"

namespace retail {

class PickStation {
 public:
  struct Job {
    OrderLine line;
    sim::Time arrived = 0;
  };

  explicit PickStation(std::uint32_t pickers) : pickers_(pickers) {}

  // An order arrives: the job a picker starts at once, if one is free (else it queues).
  std::optional<Job> arrive(const OrderLine& line, sim::Time now);
  // A picker finishes: the queued job it starts next, if any.
  std::optional<Job> finish();

  // Orders queued or being picked.
  std::int64_t in_system() const { return static_cast<std::int64_t>(queue_.size()) + busy_; }

 private:
  std::uint32_t pickers_;
  std::uint32_t busy_ = 0;
  std::deque<Job> queue_;
};

}  // namespace retail

// A service station: identical servers serving jobs first come, first served; jobs wait when
// every server is busy. DC pickers and contact-centre agents are both one.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <stdexcept>

#include "sim/time.hpp"

namespace retail {

template <class Item>
class FifoStation {
 public:
  struct Job {
    Item item;
    sim::Time arrived = 0;
  };

  explicit FifoStation(std::uint32_t servers) : servers_(servers) {}

  // A job arrives: the job a server starts at once, if one is free (else it queues).
  std::optional<Job> arrive(const Item& item, sim::Time now) {
    if (busy_ < servers_) {
      ++busy_;
      return Job{item, now};
    }
    queue_.push_back(Job{item, now});
    return std::nullopt;
  }

  // A server finishes: the queued job it starts next, if any.
  std::optional<Job> finish() {
    if (busy_ == 0) throw std::logic_error("a job finished while no server was busy");
    if (queue_.empty()) {
      --busy_;
      return std::nullopt;
    }
    Job next = queue_.front();
    queue_.pop_front();
    return next;
  }

  // Jobs queued or in service.
  std::int64_t in_system() const { return static_cast<std::int64_t>(queue_.size()) + busy_; }

 private:
  std::uint32_t servers_;
  std::uint32_t busy_ = 0;
  std::deque<Job> queue_;
};

}  // namespace retail

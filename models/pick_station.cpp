// First-come, first-served service by a fixed number of pickers.
#include "models/pick_station.hpp"

#include <stdexcept>

namespace retail {

std::optional<PickStation::Job> PickStation::arrive(const OrderLine& line, sim::Time now) {
  if (busy_ < pickers_) {
    ++busy_;
    return Job{line, now};
  }
  queue_.push_back(Job{line, now});
  return std::nullopt;
}

std::optional<PickStation::Job> PickStation::finish() {
  if (busy_ == 0) throw std::logic_error("a pick finished while no picker was busy");
  if (queue_.empty()) {
    --busy_;
    return std::nullopt;
  }
  Job next = queue_.front();
  queue_.pop_front();
  return next;
}

}  // namespace retail

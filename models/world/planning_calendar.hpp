// What supply planners know of the demand lifts ahead: the promotions and ad programs announced
// to them, each with the lift planned for it and the day planners learn of it. A forecast-driven
// node adds the lifts it knows of to its forecast, weighed by the share of its demand on the
// channels each one lifts, and takes them out of the demand it observes (its baseline).
#pragma once

#include <array>
#include <vector>

#include "models/scenario/scenario.hpp"

namespace retail {

// The share of a node's demand that comes through each channel (summing to 1).
using ChannelMix = std::array<double, kChannels>;

class PlanningCalendar {
 public:
  explicit PlanningCalendar(const Scenario& scenario);

  // The planned demand multiplier of `sku` at a node of `mix`, integrated over the days
  // [from_day, to_day): the days themselves plus the lifts planners know of on `as_of_day`.
  double planned_days(SkuId sku, const ChannelMix& mix, double from_day, double to_day,
                      double as_of_day) const;
  // The SKUs some announced event lifts, in id order.
  const std::vector<SkuId>& planned_skus() const { return planned_skus_; }

 private:
  struct Event {
    double known_from_day;
    double start_day;
    double end_day;
    std::array<double, kChannels> lift;  // extra demand share per channel (0.5: +50 %)
  };
  std::vector<std::vector<Event>> events_by_sku_;
  std::vector<SkuId> planned_skus_;
};

}  // namespace retail

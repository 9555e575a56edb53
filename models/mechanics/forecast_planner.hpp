// The planner of a forecast-driven node: it counts the node's demand per SKU and, at the end of
// every review_days-th day, sets each SKU's order-up-to level from the forecast over lead time +
// review period, with the lifts planners know of, plus safety stock for the forecast error.
#pragma once

#include <cstdint>
#include <vector>

#include "models/mechanics/forecast.hpp"
#include "models/mechanics/inventory.hpp"
#include "models/world/planning_calendar.hpp"

namespace retail {

class ForecastPlanner {
 public:
  // `expected_daily`: the node's expected demand per SKU; `lead_days`: order placed -> on hand;
  // `node`: the node's index, which staggers its review day among the others' (node n reviews
  // at the end of the days d with (d + 1 + n) % review_days == 0), as a chain spreads its stores'
  // order days over the week.
  ForecastPlanner(const ReplenishmentPolicy& policy, const PlanningCalendar& calendar,
                  const ChannelMix& mix, double lead_days, std::vector<double> expected_daily,
                  std::uint32_t node = 0);

  void record(SkuId sku, std::int32_t units) { forecast_.record(sku, units); }
  // Ends the day; on a review day sets the order-up-to level of every SKU in `stock` (an order
  // is then due wherever the inventory position is below it) and returns true.
  bool end_day(Inventory& stock);

  const DemandForecast& forecast() const { return forecast_; }

 private:
  const ReplenishmentPolicy& policy_;
  const PlanningCalendar& calendar_;
  ChannelMix mix_;
  double span_days_;
  std::uint32_t phase_;
  DemandForecast forecast_;
};

}  // namespace retail

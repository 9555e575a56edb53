// Baseline demand in, order-up-to levels out.
#include "models/mechanics/forecast_planner.hpp"

#include <utility>

namespace retail {

ForecastPlanner::ForecastPlanner(const ReplenishmentPolicy& policy,
                                 const PlanningCalendar& calendar, const ChannelMix& mix,
                                 double lead_days, std::vector<double> expected_daily,
                                 std::uint32_t node)
    : policy_(policy),
      calendar_(calendar),
      mix_(mix),
      span_days_(planning_span_days(policy, lead_days)),
      phase_(node % policy.review_days),
      forecast_(policy.forecast, policy.forecast_error_window_days, std::move(expected_daily)) {}

bool ForecastPlanner::end_day(Inventory& stock) {
  const double day = forecast_.days_seen();
  // The baseline: today's demand without the lifts planners knew of today.
  for (const SkuId sku : calendar_.planned_skus()) {
    if (forecast_.today(sku) == 0) continue;
    const double planned = calendar_.planned_days(sku, mix_, day, day + 1, day);
    if (planned != 1) forecast_.set_today(sku, forecast_.today(sku) / planned);
  }
  forecast_.close_day();
  if ((forecast_.days_seen() + phase_) % policy_.review_days != 0) return false;
  const double now = forecast_.days_seen();
  for (SkuId sku = 0; sku < stock.skus(); ++sku) {
    const DemandForecast::Estimate estimate = forecast_.estimate(sku);
    const double planned_days = calendar_.planned_days(sku, mix_, now, now + span_days_, now);
    const std::int32_t level =
        forecast_order_up_to(policy_, estimate.daily * planned_days, estimate.error_sd, span_days_);
    stock.set_levels(sku, {level - 1, level});
  }
  return true;
}

}  // namespace retail

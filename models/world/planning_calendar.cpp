// The planned lifts: a promotion's price effect, an ad program's steady lift along the budget
// path marketing intends.
#include "models/world/planning_calendar.hpp"

#include <algorithm>

#include "models/mechanics/ad_lift.hpp"
#include "models/mechanics/price_effect.hpp"

namespace retail {

PlanningCalendar::PlanningCalendar(const Scenario& scenario)
    : events_by_sku_(scenario.catalog.skus.size()) {
  for (const Promotion& promotion : scenario.promotions) {
    if (!promotion.announced_to_planners) continue;
    Event event{promotion.start_day - promotion.planning_lead_days,
                promotion.start_day,
                promotion.end_day,
                {}};
    // Planned as executed: the discount on every channel, from the planned launch.
    event.lift.fill(price_effect_of(1 - promotion.discount, scenario.demand) - 1);
    for (const SkuId sku : promotion.skus)
      events_by_sku_[sku].push_back(event);
  }
  const AdScaling& scaling = scenario.advertising.scaling;
  const auto horizon = static_cast<double>(scenario.horizon_days);
  for (const AdProgram& program : scenario.advertising.programs) {
    if (!program.announced_to_planners) continue;
    const auto channel = static_cast<std::size_t>(program.channel);
    const auto plan = [&](double from_day, double to_day, double budget_cents) {
      Event event{0, from_day, to_day, {}};
      event.lift[channel] = steady_ad_lift(program, budget_cents) - 1;
      for (const SkuId sku : program.skus)
        events_by_sku_[sku].push_back(event);
    };
    // The budget path marketing intends: with scaling, `step` more a day up to the cap (each
    // day planned at the steady lift of its budget); without, the day-0 budget throughout.
    const auto cap = static_cast<double>(
        scaling.enabled ? std::max(program.max_daily_budget_cents, program.daily_budget_cents)
                        : program.daily_budget_cents);
    double budget = static_cast<double>(program.daily_budget_cents);
    double day = 0;
    for (; budget < cap && scaling.step > 0 && day < horizon; ++day) {
      plan(day, day + 1, budget);
      budget = std::min(budget * (1 + scaling.step), cap);
    }
    if (day < horizon) plan(day, horizon, budget);
  }
  for (SkuId sku = 0; sku < events_by_sku_.size(); ++sku) {
    if (!events_by_sku_[sku].empty()) planned_skus_.push_back(sku);
  }
}

double PlanningCalendar::planned_days(SkuId sku, const ChannelMix& mix, double from_day,
                                      double to_day, double as_of_day) const {
  double days = to_day - from_day;
  for (const Event& event : events_by_sku_[sku]) {
    if (as_of_day < event.known_from_day) continue;
    const double overlap = std::min(to_day, event.end_day) - std::max(from_day, event.start_day);
    if (overlap <= 0) continue;
    double lift = 0;
    for (std::size_t c = 0; c < kChannels; ++c)
      lift += mix[c] * event.lift[c];
    days += overlap * lift;
  }
  return days;
}

}  // namespace retail

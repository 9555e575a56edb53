// Ad program behaviour: the daily spend decision, adstock and lift, attribution and actions.
#include "models/agents/ad_program.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "models/mechanics/ad_lift.hpp"

namespace retail {

AdProgramAgent::AdProgramAgent(const Network& network, std::uint32_t program)
    : RetailAgent(network),
      config_(network.scenario.advertising.programs[program]),
      index_(program),
      skus_(config_.skus),
      budget_cents_(static_cast<double>(config_.daily_budget_cents)),
      cap_cents_(static_cast<double>(config_.max_daily_budget_cents)) {}

double AdProgramAgent::adstock_per_planned_sku() const {
  if (skus_.empty()) return 0;
  return adstock_cents_ * static_cast<double>(config_.skus.size()) /
         static_cast<double>(skus_.size());
}

void AdProgramAgent::start(Context& ctx) {
  start_days(ctx);
  spend_today(ctx);
}

void AdProgramAgent::handle(const Event& event, Context& ctx) {
  std::visit([&](const auto& message) { on(message, ctx); }, event.msg);
}

template <class Unexpected>
void AdProgramAgent::on(const Unexpected&, Context& ctx) {
  throw std::logic_error("ad program '" + config_.name + "' received an unexpected message at " +
                         sim::format_time(ctx.now()));
}

void AdProgramAgent::on(const AdAttribution& report, Context&) {
  if (attributed_by_day_.size() <= report.day) attributed_by_day_.resize(report.day + 1, 0);
  attributed_by_day_[report.day] += report.revenue_cents;
}

void AdProgramAgent::on(const Intervention& intervention, Context& ctx) {
  const Action& action = action_of(intervention);
  switch (action.kind) {
    case Action::Kind::cut_ads:
      // A cut constrains the program: the scaling policy may not grow it back past the cut cap.
      budget_cents_ *= action.factor;
      cap_cents_ *= action.factor;
      return;
    case Action::Kind::pause_ads:
      paused_ = true;
      return;
    case Action::Kind::resume_ads:
      paused_ = false;
      return;
    case Action::Kind::pivot_ads:
      skus_ = action.skus;
      return;
    default:
      misrouted(intervention, "ad program '" + config_.name + "'", ctx);
  }
}

void AdProgramAgent::on(const DayEnd&, Context& ctx) {
  end_day(ctx);
  ++today_;
  spend_today(ctx);
}

double AdProgramAgent::reported_roas() const {
  // Yesterday's attribution is still on its way: the last complete day is the one before.
  if (today_ < 2) return -1;
  const std::uint32_t window = network().scenario.advertising.scaling.window_days;
  const std::uint32_t last = today_ - 2;
  const std::uint32_t first = last + 1 >= window ? last + 1 - window : 0;
  Cents spend = 0;
  Cents revenue = 0;
  for (std::uint32_t day = first; day <= last; ++day) {
    spend += spend_by_day_[day];
    if (day < attributed_by_day_.size()) revenue += attributed_by_day_[day];
  }
  return spend == 0 ? -1 : static_cast<double>(revenue) / static_cast<double>(spend);
}

void AdProgramAgent::spend_today(Context& ctx) {
  const AdScaling& scaling = network().scenario.advertising.scaling;
  if (scaling.enabled && !paused_ && reported_roas() > scaling.roas_target) {
    budget_cents_ = std::min(budget_cents_ * (1 + scaling.step), cap_cents_);
  }
  const Cents spend = paused_ || skus_.empty() ? 0 : std::llround(budget_cents_);
  spend_by_day_.push_back(spend);
  spent_cents_ += spend;
  adstock_cents_ = static_cast<double>(spend) + config_.adstock_decay * adstock_cents_;
  // The spend is booked against the advertised SKUs' categories, in proportion to their count;
  // cumulative rounding makes the parts add up to the whole.
  if (spend > 0) {
    std::vector<std::int64_t> by_category(network().scenario.catalog.categories.size(), 0);
    for (const SkuId sku : skus_)
      ++by_category[network().scenario.catalog.skus[sku].category];
    std::int64_t counted = 0;
    Cents booked = 0;
    for (CategoryId category = 0; category < by_category.size(); ++category) {
      if (by_category[category] == 0) continue;
      counted += by_category[category];
      const Cents upto = spend * counted / static_cast<std::int64_t>(skus_.size());
      kpis().add(config_.channel, category, Counter::ad_spend_cents, upto - booked);
      booked = upto;
    }
  }
  const auto channels = static_cast<std::uint8_t>(1U << static_cast<unsigned>(config_.channel));
  for (const sim::AgentId demand : network().ids.demand) {
    ctx.send(demand, network().routing_latency,
             DemandLift{DemandLift::Source::ad_program, index_, channels,
                        ad_lift(config_, adstock_per_planned_sku()), skus_});
  }
}

}  // namespace retail

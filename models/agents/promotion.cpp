// Promotion behaviour: plan the execution, launch, channels going live, the end, and the
// integrity it reports along the way.
#include "models/agents/promotion.hpp"

#include <algorithm>
#include <stdexcept>

namespace retail {

namespace {

sim::Time at_day(double day) {
  return sim::hours(24 * day);
}
}  // namespace

PromotionAgent::PromotionAgent(const Network& network, std::uint32_t promotion)
    : RetailAgent(network),
      config_(network.scenario.promotions[promotion]),
      index_(promotion),
      lift_(price_effect_of(1 - config_.discount, network.scenario.demand)) {
  for (const SkuId sku : config_.skus)
    category_.push_back(network.scenario.catalog.skus[sku].category);
}

void PromotionAgent::start(Context& ctx) {
  start_days(ctx);
  plan(ctx);
}

void PromotionAgent::plan(Context& ctx) {
  auto& rng = ctx.rng();
  const sim::Time planned = at_day(config_.start_day);
  sim::Time latest = planned;
  for (std::size_t c = 0; c < kChannels; ++c) {
    const PromoExecution& execution = config_.execution[c];
    live_at_[c] = planned + sim::hours(execution.lag_hours.sample(rng));
    latest = std::max(latest, live_at_[c]);
    auto& slots = once_live_[c];
    slots.assign(config_.skus.size(), PromoSlot::correct);
    for (auto& slot : slots) {
      if (rng.uniform01() >= execution.error_probability) continue;
      slot = rng.uniform01() < config_.misapplied_share ? PromoSlot::misapplied : PromoSlot::wrong;
      if (config_.preflight.enabled && rng.uniform01() < config_.preflight.detection_probability)
        slot = PromoSlot::correct;  // caught before launch and fixed
    }
  }
  launch_ = planned;
  if (config_.preflight.enabled)
    launch_ = std::min(latest, planned + sim::hours(config_.preflight.max_delay_hours));
  const sim::Time end = at_day(config_.end_day);
  if (launch_ >= end) return;  // held past its end: it never runs
  ctx.schedule(launch_ - ctx.now(), PromoPhase{PromoPhase::Kind::launch, Channel::store});
  for (std::size_t c = 0; c < kChannels; ++c) {
    if (live_at_[c] > launch_ && live_at_[c] < end)
      ctx.schedule(live_at_[c] - ctx.now(),
                   PromoPhase{PromoPhase::Kind::channel_live, static_cast<Channel>(c)});
  }
  ctx.schedule(end - ctx.now(), PromoPhase{PromoPhase::Kind::end, Channel::store});
}

void PromotionAgent::handle(const Event& event, Context& ctx) {
  std::visit([&](const auto& message) { on(message, ctx); }, event.msg);
}

template <class Unexpected>
void PromotionAgent::on(const Unexpected&, Context& ctx) {
  throw std::logic_error("promotion '" + config_.name + "' received an unexpected message at " +
                         sim::format_time(ctx.now()));
}

void PromotionAgent::on(const PromoPhase& phase, Context& ctx) {
  if (frozen_) return;
  accrue(ctx.now());
  switch (phase.kind) {
    case PromoPhase::Kind::launch:
      active_ = true;
      for (std::size_t c = 0; c < kChannels; ++c)
        live_[c] = live_at_[c] <= ctx.now();
      send_lift(lift_, ctx);
      for (std::size_t c = 0; c < kChannels; ++c)
        publish(static_cast<Channel>(c), ctx);
      break;
    case PromoPhase::Kind::channel_live:
      live_[static_cast<std::size_t>(phase.channel)] = true;
      publish(phase.channel, ctx);
      break;
    case PromoPhase::Kind::end:
      active_ = false;
      send_lift(1, ctx);
      for (std::size_t c = 0; c < kChannels; ++c)
        publish(static_cast<Channel>(c), ctx);
      break;
  }
}

void PromotionAgent::on(const Intervention& intervention, Context& ctx) {
  const Action& action = action_of(intervention);
  accrue(ctx.now());
  switch (action.kind) {
    case Action::Kind::pause_promo: {
      const auto c = static_cast<std::size_t>(action.channel);
      if (paused_[c]) return;
      paused_[c] = true;
      if (!active_) return;
      publish(action.channel, ctx);
      send_lift(lift_, ctx);
      return;
    }
    case Action::Kind::fix_promo:
      for (std::size_t c = 0; c < kChannels; ++c) {
        if (!action.all_channels && c != static_cast<std::size_t>(action.channel)) continue;
        std::fill(once_live_[c].begin(), once_live_[c].end(), PromoSlot::correct);
        if (active_ && live_[c]) publish(static_cast<Channel>(c), ctx);
      }
      return;
    case Action::Kind::freeze_promos:
      if (!active_ && ctx.now() < launch_) frozen_ = true;
      return;
    default:
      misrouted(intervention, "promotion '" + config_.name + "'", ctx);
  }
}

void PromotionAgent::on(const DayEnd&, Context& ctx) {
  accrue(ctx.now());
  end_day(ctx);
}

void PromotionAgent::accrue(sim::Time now) {
  // Whole seconds between absolute clock readings, so the pieces add up exactly.
  const std::int64_t seconds = now / sim::kTicksPerSecond - accrued_to_ / sim::kTicksPerSecond;
  accrued_to_ = now;
  if (!active_ || seconds == 0) return;
  for (std::size_t c = 0; c < kChannels; ++c) {
    if (paused_[c]) continue;  // withdrawn: no longer advertised there
    const auto channel = static_cast<Channel>(c);
    for (std::size_t i = 0; i < category_.size(); ++i) {
      kpis().add(channel, category_[i], Counter::promo_slot_seconds, seconds);
      if (live_[c] && once_live_[c][i] == PromoSlot::correct)
        kpis().add(channel, category_[i], Counter::promo_correct_seconds, seconds);
    }
  }
}

void PromotionAgent::publish(Channel channel, Context& ctx) {
  const std::size_t c = static_cast<std::size_t>(channel);
  PromoSlotUpdate update{channel, config_.discount, config_.misapplied_discount, {}};
  update.slots.reserve(config_.skus.size());
  for (std::size_t i = 0; i < config_.skus.size(); ++i) {
    const PromoSlot state = !active_ || paused_[c]
                                ? PromoSlot::none
                                : (live_[c] ? once_live_[c][i] : PromoSlot::pending);
    update.slots.emplace_back(config_.skus[i], state);
  }
  const auto& recipients =
      channel == Channel::store ? network().ids.store : network().ids.order_manager;
  for (const sim::AgentId agent : recipients)
    ctx.send(agent, network().routing_latency, update);
}

void PromotionAgent::send_lift(double lift, Context& ctx) {
  std::uint8_t channels = 0;
  for (std::size_t c = 0; c < kChannels; ++c) {
    if (!paused_[c]) channels |= static_cast<std::uint8_t>(1U << c);
  }
  for (const sim::AgentId demand : network().ids.demand) {
    ctx.send(demand, network().routing_latency,
             DemandLift{DemandLift::Source::promotion, index_, channels, lift, config_.skus});
  }
}

}  // namespace retail

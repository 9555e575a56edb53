// Drawing customers: Poisson counts per hour and channel, uniform times within the hour, and the
// SKU from the base mix or, in proportion to the demand they add, from the lifted SKUs.
#include "models/agents/demand.hpp"

#include <algorithm>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <stdexcept>
#include <string>

namespace retail {

namespace {
enum Stream : std::uint32_t { kArrivals, kChoices, kBaskets };
}

DemandAgent::DemandAgent(const Network& network, ZoneId zone)
    : RetailAgent(network),
      zone_(zone),
      category_choice_(network.skus_by_category, network.sku_daily_demand),
      promotion_lifts_(network.scenario.promotions.size()),
      ad_lifts_(network.scenario.advertising.programs.size()) {
  const auto& scenario = network.scenario;
  for (std::size_t c = 0; c < kChannels; ++c) {
    const Distribution& lines = scenario.channels[c].basket_size;
    baskets_[c] = !(lines.kind == Distribution::Kind::fixed && lines.a == 1);
    base_per_hour_[c] = network.chain_daily_demand * scenario.zones[zone].demand_share *
                        scenario.channels[c].demand_share / 24 /
                        scenario.channels[c].basket_size.mean();
  }
  std::vector<double> store_weights;
  for (const StoreId store : network.stores_by_zone[zone])
    store_weights.push_back(scenario.stores[store].demand_share);
  if (!store_weights.empty()) {
    store_choice_ = boost::random::discrete_distribution<std::uint32_t, double>(
        store_weights.begin(), store_weights.end());
  }
}

double DemandAgent::rate_per_hour(Channel channel, std::uint64_t hour) const {
  const auto& config = network().scenario.channels[static_cast<std::size_t>(channel)];
  const std::size_t c = static_cast<std::size_t>(channel);
  const double chain = network().chain_daily_demand;
  // Without demand there is nothing to lift (and 0 / 0 would make the rate NaN).
  if (!(chain > 0)) return 0;
  const double lifted = 1 + lifted_daily_[c] / chain;
  return base_per_hour_[c] * lifted * config.day_of_week[(hour / 24) % 7] *
         config.hour_of_day[hour % 24];
}

void DemandAgent::start(Context& ctx) {
  // The first hour has no hour before it to be drawn in; at start a message may arrive at once.
  draw_hour(0, ctx);
  ctx.schedule(0, DemandTick{});
}

void DemandAgent::handle(const Event& event, Context& ctx) {
  if (const auto* lift = std::get_if<DemandLift>(&event.msg)) {
    on(*lift);
    return;
  }
  if (!std::holds_alternative<DemandTick>(event.msg)) {
    throw std::logic_error("demand of zone '" + network().scenario.zones[zone_].name +
                           "' received an unexpected message at " + sim::format_time(ctx.now()));
  }
  draw_hour(static_cast<std::uint64_t>(ctx.now() / sim::kTicksPerHour) + 1, ctx);
  ctx.schedule(sim::kTicksPerHour, DemandTick{});
}

void DemandAgent::on(const DemandLift& message) {
  auto& sources = message.source == DemandLift::Source::promotion ? promotion_lifts_ : ad_lifts_;
  Lift& lift = sources.at(message.index);
  const std::uint8_t touched = lift.channels | message.channels;
  lift.channels = message.channels;
  lift.lift = message.lift;
  lift.covers.assign(network().scenario.catalog.skus.size(), 0);
  for (const SkuId sku : message.skus)
    lift.covers[sku] = 1;
  for (std::size_t c = 0; c < kChannels; ++c) {
    if (touched & (1U << c)) combine(c);
  }
}

void DemandAgent::combine(std::size_t channel) {
  const std::size_t skus = network().scenario.catalog.skus.size();
  std::vector<double> promotion(skus, 1.0);
  std::vector<double> ads(skus, 1.0);
  bool advertised = false;
  const auto apply = [&](const std::vector<Lift>& sources, std::vector<double>& lifts) {
    for (const Lift& source : sources) {
      if (!(source.channels & (1U << channel))) continue;
      for (SkuId sku = 0; sku < skus; ++sku) {
        if (source.covers[sku]) lifts[sku] *= source.lift;
      }
    }
  };
  apply(promotion_lifts_, promotion);
  apply(ad_lifts_, ads);
  std::vector<double> added(skus, 0.0);
  double total = 0;
  for (SkuId sku = 0; sku < skus; ++sku) {
    added[sku] = network().sku_daily_demand[sku] * (promotion[sku] * ads[sku] - 1);
    total += added[sku];
    advertised = advertised || ads[sku] > 1;
  }
  lifted_daily_[channel] = total;
  if (total > 0) lifted_choice_[channel] = SkuChoice(added.begin(), added.end());
  if (advertised) {
    ad_lift_[channel] = std::move(ads);
  } else {
    ad_lift_[channel].clear();
  }
}

SkuId DemandAgent::draw_sku(std::size_t channel, sim::RandomStream& rng) const {
  const double lifted = lifted_daily_[channel];
  // Without lifts the draw is exactly the unlifted one, so scenarios without promotions or ads
  // keep their random streams.
  if (!(lifted > 0)) return network().sku_choice(rng);
  const double base = network().chain_daily_demand;
  if (rng.uniform01() * (base + lifted) < base) return network().sku_choice(rng);
  return lifted_choice_[channel](rng);
}

std::int32_t DemandAgent::draw_ad_program(std::size_t channel, SkuId sku,
                                          sim::RandomStream& rng) const {
  const auto& lifts = ad_lift_[channel];
  if (lifts.empty() || !(lifts[sku] > 1)) return CustomerArrival::kNoAd;
  // Of the customers for `sku`, the share (lift - 1) / lift came because of the ads.
  if (rng.uniform01() * lifts[sku] >= lifts[sku] - 1) return CustomerArrival::kNoAd;
  // Then one of the programs advertising it here, in proportion to the demand each adds.
  const auto weight = [&](const Lift& source) {
    const bool covers = (source.channels & (1U << channel)) && source.covers[sku];
    return covers ? std::max(0.0, source.lift - 1) : 0.0;
  };
  double total = 0;
  for (const Lift& source : ad_lifts_)
    total += weight(source);
  double u = rng.uniform01() * total;
  std::int32_t last = CustomerArrival::kNoAd;
  for (std::size_t program = 0; program < ad_lifts_.size(); ++program) {
    const double w = weight(ad_lifts_[program]);
    if (w <= 0) continue;
    last = static_cast<std::int32_t>(program);
    if (u < w) break;
    u -= w;
  }
  return last;
}

void DemandAgent::send_basket(CustomerArrival customer, sim::AgentId to, sim::Time at,
                              Context& ctx) {
  const ChannelConfig& config =
      network().scenario.channels[static_cast<std::size_t>(customer.channel)];
  if (!baskets_[static_cast<std::size_t>(customer.channel)]) {
    ctx.send(to, at - ctx.now(), customer);
    return;
  }
  auto& rng = ctx.rng(kBaskets);
  customer.basket_lines = static_cast<std::uint8_t>(draw_basket_lines(config.basket_size, rng));
  const SkuId first = customer.sku;
  ctx.send(to, at - ctx.now(), customer);
  for (std::uint8_t line = 1; line < customer.basket_lines; ++line) {
    // With affinity the line stays in the first line's category; else it is drawn as the first
    // was. Either way a SKU's share of the units is its share of the catalogue's demand.
    const bool same_category =
        config.category_affinity > 0 && rng.uniform01() < config.category_affinity;
    customer.sku = same_category
                       ? category_choice_.draw(network().scenario.catalog.skus[first].category, rng)
                       : draw_sku(static_cast<std::size_t>(customer.channel), rng);
    customer.basket_line = line;
    ctx.send(to, at - ctx.now(), customer);
  }
}

void DemandAgent::draw_hour(std::uint64_t hour, Context& ctx) {
  auto& arrivals = ctx.rng(kArrivals);
  auto& choices = ctx.rng(kChoices);
  const sim::Time hour_start = static_cast<sim::Time>(hour) * sim::kTicksPerHour;
  boost::random::uniform_real_distribution<double> within_hour(0.0, 1.0);
  for (std::size_t c = 0; c < kChannels; ++c) {
    const auto channel = static_cast<Channel>(c);
    const double mean = rate_per_hour(channel, hour);
    // Written so that NaN draws nothing: Boost's Poisson draw never returns for a NaN mean.
    if (!(mean > 0)) continue;
    if (!(mean <= kMostArrivalsPerHour))
      throw std::logic_error("demand of zone '" + network().scenario.zones[zone_].name +
                             "' reached " + std::to_string(mean) + " customers per hour on the " +
                             kChannelNames[c] + " channel, beyond what the scenario loader admits");
    const auto count = boost::random::poisson_distribution<std::int64_t, double>(mean)(arrivals);
    for (std::int64_t i = 0; i < count; ++i) {
      const sim::Time at =
          hour_start + static_cast<sim::Time>(within_hour(arrivals) * sim::kTicksPerHour);
      const SkuId sku = draw_sku(c, choices);
      CustomerArrival customer{
          .sku = sku, .channel = channel, .ad_program = draw_ad_program(c, sku, choices)};
      sim::AgentId to = network().order_manager_of(zone_);
      if (channel == Channel::store || channel == Channel::bopis) {
        customer.store = network().stores_by_zone[zone_][store_choice_(choices)];
        if (channel == Channel::store) to = network().ids.store[customer.store];
      }
      send_basket(customer, to, at, ctx);
    }
  }
}

}  // namespace retail

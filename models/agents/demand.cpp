// Drawing customers: Poisson counts per hour and channel, uniform times within the hour, and the
// SKU from the base mix or, in proportion to the demand they add, from the lifted SKUs.
#include "models/agents/demand.hpp"

#include <algorithm>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <stdexcept>
#include <string>

namespace retail {

namespace {
enum Stream : std::uint32_t { kArrivals, kChoices, kBaskets, kCustomerBase };

// The years of margin a churned customer takes away: the horizon's annuity of a unit margin
// rate, discounted continuously at ln(1 + rate) and weighed by a neutral customer's survival.
double lifetime_years(const Customers& customers) {
  const double rate = std::log1p(customers.discount_rate_per_year) + customers.churn_per_year;
  const double horizon = customers.lifetime_horizon_years;
  return rate > 0 ? -std::expm1(-rate * horizon) / rate : horizon;
}

// The gross margin of a unit sold at list demand's mix, in cents.
double margin_per_unit(const Network& network) {
  double margin = 0;
  double units = 0;
  for (SkuId sku = 0; sku < network.scenario.catalog.skus.size(); ++sku) {
    const Sku& item = network.scenario.catalog.skus[sku];
    margin += network.sku_daily_demand[sku] *
              static_cast<double>(item.price_cents - item.unit_cost_cents);
    units += network.sku_daily_demand[sku];
  }
  return units > 0 ? margin / units : 0;
}

bool closes_an_order(Experience experience) {
  return experience == Experience::on_time || experience == Experience::late ||
         experience == Experience::cancelled || experience == Experience::damaged;
}
}  // namespace

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
  if (scenario.customers.enabled) {
    const double zone_customers = scenario.customers.initial * scenario.zones[zone].demand_share;
    const double years = lifetime_years(scenario.customers);
    const double margin = margin_per_unit(network);
    for (std::size_t c = 0; c < kChannels; ++c) {
      initial_customers_[c] = zone_customers * scenario.channels[c].demand_share;
      if (!(initial_customers_[c] > 0)) continue;
      // A customer of relative rate 1 makes the channel's visits over its initial customers.
      const double visits_per_year = base_per_hour_[c] * 24 * 365 / initial_customers_[c];
      lifetime_cents_per_rate_[c] =
          visits_per_year * scenario.channels[c].basket_size.mean() * margin * years;
    }
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
  const Scenario& s = network().scenario;
  if (s.customers.enabled) {
    std::array<double, kChannels> shares{};
    for (std::size_t c = 0; c < kChannels; ++c)
      shares[c] = s.channels[c].demand_share;
    std::vector<double> category_weights(s.catalog.categories.size(), 0.0);
    for (SkuId sku = 0; sku < s.catalog.skus.size(); ++sku)
      category_weights[s.catalog.skus[sku].category] += network().sku_daily_demand[sku];
    customers_.emplace(s.customers, initial_customers_,
                       s.customers.daily_acquisition() * s.zones[zone_].demand_share, shares,
                       category_weights, ctx.rng(kCustomerBase));
    start_days(ctx);
    advance_customers(ctx);
  }
  // The first hour has no hour before it to be drawn in; at start a message may arrive at once.
  draw_hour(0, ctx);
  ctx.schedule(0, DemandTick{});
}

void DemandAgent::handle(const Event& event, Context& ctx) {
  if (const auto* lift = std::get_if<DemandLift>(&event.msg)) {
    on(*lift);
    return;
  }
  if (const auto* touch = std::get_if<CustomerTouch>(&event.msg)) {
    on(*touch, ctx);
    return;
  }
  if (customers_ && std::holds_alternative<DayEnd>(event.msg)) {
    for (std::size_t c = 0; c < kChannels; ++c) {
      for (CategoryId category = 0; category < customers_->categories(); ++category) {
        kpis().add(static_cast<Channel>(c), category, Counter::active_customer_days,
                   customers_->active_in(static_cast<Channel>(c), category));
      }
    }
    end_day(ctx);
    return;
  }
  if (!std::holds_alternative<DemandTick>(event.msg)) {
    throw std::logic_error("demand of zone '" + network().scenario.zones[zone_].name +
                           "' received an unexpected message at " + sim::format_time(ctx.now()));
  }
  if (customers_) advance_customers(ctx);
  draw_hour(static_cast<std::uint64_t>(ctx.now() / sim::kTicksPerHour) + 1, ctx);
  ctx.schedule(sim::kTicksPerHour, DemandTick{});
}

void DemandAgent::count(CustomerId customer, Counter counter, std::int64_t value) {
  kpis().add(customers_->channel(customer), customers_->category(customer), counter, value);
}

Cents DemandAgent::lifetime_value(CustomerId customer) const {
  return std::llround(
      lifetime_cents_per_rate_[static_cast<std::size_t>(customers_->channel(customer))] *
      customers_->relative_rate(customer));
}

void DemandAgent::advance_customers(Context& ctx) {
  const auto changes = customers_->advance(sim::to_hours(ctx.now()), 1, ctx.rng(kCustomerBase));
  for (const CustomerId customer : changes.acquired)
    count(customer, Counter::customers_acquired);
  for (const CustomerId customer : changes.churned) {
    const Cents lost = lifetime_value(customer);
    count(customer, Counter::customers_churned);
    count(customer, Counter::lifetime_value_lost_cents, lost);
    lifetime_value_lost_cents_ += lost;
  }
  for (const CustomerId customer : changes.won_back)
    count(customer, Counter::customers_won_back);
  acquired_ += static_cast<std::int64_t>(changes.acquired.size());
  churned_ += static_cast<std::int64_t>(changes.churned.size());
  won_back_ += static_cast<std::int64_t>(changes.won_back.size());
}

void DemandAgent::on(const CustomerTouch& touch, Context& ctx) {
  if (!customers_)
    throw std::logic_error("demand of zone '" + network().scenario.zones[zone_].name +
                           "' heard of customer " + std::to_string(touch.customer) +
                           " but keeps no customer base");
  const auto response =
      customers_->experience(touch.customer, touch.experience, sim::to_hours(ctx.now()));
  if (!closes_an_order(touch.experience)) return;
  count(touch.customer, Counter::nps_responses);
  count(touch.customer, Counter::nps_promoters, response == CustomerBase::Response::promoter);
  count(touch.customer, Counter::nps_detractors, response == CustomerBase::Response::detractor);
  if (touch.experience == Experience::cancelled) return;
  count(touch.customer, Counter::customer_purchases);
  count(touch.customer, Counter::repeat_purchases, customers_->purchases(touch.customer) > 0);
  customers_->record_purchase(touch.customer);
}

std::optional<CustomerId> DemandAgent::visitor(const CustomerArrival& arrival, sim::Time at,
                                               Context& ctx) {
  if (!customers_) return kAnonymous;
  auto& rng = ctx.rng(kCustomerBase);
  const double hours = sim::to_hours(at);
  const CategoryId category = network().scenario.catalog.skus[arrival.sku].category;
  if (arrival.ad_program == CustomerArrival::kNoAd) {
    const auto customer = customers_->visitor(arrival.channel, hours, rng);
    if (customer) customers_->visit_category(*customer, category);
    return customer;
  }
  // Someone new, whom the ads brought.
  if (!customers_->keeps_newcomer(rng)) return std::nullopt;
  const CustomerId customer = customers_->acquire(arrival.channel, true, hours, rng);
  customers_->visit_category(customer, category);
  count(customer, Counter::customers_acquired);
  count(customer, Counter::customers_ad_acquired);
  ++acquired_;
  return customer;
}

void DemandAgent::audit(Audit& audit) const {
  if (!customers_) return;
  for (const double initial : initial_customers_)
    audit.customers_initial += std::llround(initial);
  audit.customers_acquired += acquired_;
  audit.customers_churned += churned_;
  audit.customers_won_back += won_back_;
  audit.customers_active += static_cast<std::int64_t>(customers_->active_count());
  audit.lifetime_value_lost_cents += lifetime_value_lost_cents_;
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
    // With a base, visits are proposed at its bound and thinned customer by customer.
    const double mean =
        rate_per_hour(channel, hour) * (customers_ ? customers_->proposal_factor(channel) : 1);
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
      const auto who = visitor(customer, at, ctx);
      if (!who) continue;
      customer.customer = *who;
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

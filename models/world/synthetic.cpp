// A synthetic retail chain: zones round-robin over DCs and carriers, stores round-robin over
// zones, Zipf-like SKU popularity, diurnal and weekly seasonality per channel.
#include "models/world/synthetic.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/agent.hpp"

namespace retail {

namespace {

// Store, web, marketplace, BOPIS.
constexpr std::array<double, kChannels> kChannelShares = {0.62, 0.25, 0.08, 0.05};

ReplenishmentPolicy days_of_cover(double reorder_point, double order_up_to) {
  ReplenishmentPolicy policy;
  policy.kind = ReplenishmentPolicy::Kind::s_S;
  policy.reorder_point = reorder_point;
  policy.order_up_to = order_up_to;
  policy.in_days_of_cover = true;
  return policy;
}

// Normalised to mean 1, as the loader does.
template <std::size_t N>
std::array<double, N> mean_one(std::array<double, N> values) {
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / N;
  for (auto& value : values)
    value /= mean;
  return values;
}

// A promotion every four weeks on one category in turn, launched on a Friday for ten days; each
// channel goes live with its own lag and makes a few errors.
void add_promotions(Scenario& s, const SyntheticSize& size) {
  for (std::uint32_t start = 4, k = 0; start + 10 <= size.horizon_days; start += 28, ++k) {
    Promotion promo;
    promo.name = sim::numbered_name("promo-", k);
    const CategoryId category = k % size.categories;
    for (SkuId sku = 0; sku < s.catalog.skus.size(); ++sku) {
      if (s.catalog.skus[sku].category == category) promo.skus.push_back(sku);
    }
    promo.discount = 0.2;
    promo.start_day = start;
    promo.end_day = start + 10;
    promo.execution[static_cast<std::size_t>(Channel::store)] = {Distribution::uniform(0, 24),
                                                                 0.03};
    promo.execution[static_cast<std::size_t>(Channel::web)] = {Distribution::fixed(1), 0.01};
    promo.execution[static_cast<std::size_t>(Channel::marketplace)] = {
        Distribution::uniform(12, 48), 0.02};
    promo.execution[static_cast<std::size_t>(Channel::bopis)] = {Distribution::fixed(1), 0.01};
    promo.misapplied_share = 0.3;
    promo.misapplied_discount = 0.4;
    s.promotions.push_back(promo);
  }
}

// Web and marketplace ads on the most popular twentieth of the catalogue, each budgeted at about
// 5 % of the revenue those SKUs bring through the channel, scaled up while ROAS beats 4.
void add_advertising(Scenario& s, const SyntheticSize& size) {
  const SkuId advertised = std::max<SkuId>(1, size.skus / 20);
  for (const Channel channel : {Channel::web, Channel::marketplace}) {
    AdProgram program;
    program.name = std::string(kChannelNames[static_cast<std::size_t>(channel)]) + "-ads";
    program.channel = channel;
    double revenue_per_day = 0;
    for (SkuId sku = 0; sku < advertised; ++sku) {
      program.skus.push_back(sku);
      revenue_per_day += s.catalog.skus[sku].base_demand_per_day *
                         static_cast<double>(s.catalog.skus[sku].price_cents) *
                         kChannelShares[static_cast<std::size_t>(channel)];
    }
    program.daily_budget_cents = std::llround(0.05 * revenue_per_day);
    program.max_daily_budget_cents = 3 * program.daily_budget_cents;
    program.adstock_decay = 0.5;
    program.max_lift = 0.5;
    program.half_saturation_cents = 3 * program.daily_budget_cents;
    s.advertising.programs.push_back(program);
  }
  s.advertising.scaling = {true, 4, 0.05, 7};
}

}  // namespace

Scenario synthetic_scenario(const SyntheticSize& size, std::uint64_t seed) {
  Scenario s;
  s.name = "synthetic " + std::to_string(size.stores) + " stores, " + std::to_string(size.skus) +
           " SKUs";
  s.description = "A generated chain for benchmarks and scale tests.";
  s.seed = seed;
  s.horizon_days = size.horizon_days;

  for (std::uint32_t c = 0; c < size.categories; ++c)
    s.catalog.categories.push_back(sim::numbered_name("category-", c));
  // Zipf-like popularity with exponent 0.8, scaled to the requested mean.
  double harmonic = 0;
  for (std::uint32_t i = 0; i < size.skus; ++i)
    harmonic += std::pow(i + 1.0, -0.8);
  for (std::uint32_t i = 0; i < size.skus; ++i) {
    Sku sku;
    sku.name = sim::numbered_name("SKU-", i);
    sku.category = i % size.categories;
    sku.list_price_cents = 1999 + 500 * static_cast<Cents>(i % 17);
    sku.price_cents = sku.list_price_cents;
    sku.unit_cost_cents = sku.list_price_cents * 45 / 100;
    sku.hero = i < 2;
    sku.return_propensity = 0.08;
    sku.base_demand_per_day =
        size.mean_demand_per_sku * size.skus * std::pow(i + 1.0, -0.8) / harmonic;
    s.catalog.skus.push_back(sku);
  }

  for (std::uint32_t z = 0; z < size.zones; ++z) {
    s.zones.push_back(
        Zone{sim::numbered_name("zone-", z), 1.0 / size.zones, z % size.dcs, z % size.carriers});
  }
  for (std::uint32_t d = 0; d < size.dcs; ++d) {
    Dc dc;
    dc.name = sim::numbered_name("dc-", d);
    // Enough pickers to run at about 60 % on average: online orders queue at evening peaks
    // and clear overnight rather than piling up for the whole horizon.
    constexpr double kPickMinutes = 4;
    const double online_orders_per_day =
        size.mean_demand_per_sku * size.skus *
        (kChannelShares[static_cast<std::size_t>(Channel::web)] +
         kChannelShares[static_cast<std::size_t>(Channel::marketplace)]) /
        size.dcs;
    dc.pickers = Staffing::around_the_clock(std::max<std::uint32_t>(
        2, static_cast<std::uint32_t>(
               std::ceil(online_orders_per_day * kPickMinutes / (24 * 60) / 0.6))));
    dc.pick_minutes = Distribution::exponential(kPickMinutes);
    dc.supplier_lead_days = Distribution::uniform(7, 14);
    dc.replenishment = days_of_cover(14, 28);
    dc.initial_days_of_cover = 24;
    dc.handling_hours = 8;
    s.dcs.push_back(dc);
  }
  std::vector<std::uint32_t> stores_in_zone(size.zones, 0);
  for (std::uint32_t i = 0; i < size.stores; ++i)
    ++stores_in_zone[i % size.zones];
  for (std::uint32_t i = 0; i < size.stores; ++i) {
    Store store;
    store.name = sim::numbered_name("store-", i);
    store.zone = i % size.zones;
    store.dc = s.zones[store.zone].dc;
    store.lane_transit_hours = Distribution::triangular(12, 24, 48);
    store.online_allocation = 0.8;
    store.demand_share = 1.0 / stores_in_zone[store.zone];
    store.replenishment = days_of_cover(4, 10);
    store.initial_days_of_cover = 8;
    store.ship_from_store = i % 3 == 0;
    s.stores.push_back(store);
  }
  for (std::uint32_t c = 0; c < size.carriers; ++c) {
    Carrier carrier;
    carrier.name = sim::numbered_name("carrier-", c);
    carrier.pickup_cutoff_hour = 17;
    carrier.capacity_per_day = 20000;
    carrier.exception_rate = 0.03;
    carrier.damage_share = 0.25;
    carrier.late_scan_delay_hours = Distribution::uniform(12, 48);
    carrier.services[0] = {Distribution::triangular(1, 2, 4), 4, 650};
    carrier.services[1] = {Distribution::uniform(0.5, 1.2), 1, 1500};
    s.carriers.push_back(carrier);
  }

  const std::array<double, 7> store_week = {0.85, 0.85, 0.9, 0.95, 1.1, 1.35, 1.0};
  const std::array<double, 7> web_week = {1.05, 1.0, 1.0, 1.0, 0.95, 0.95, 1.05};
  std::array<double, 24> store_day{};
  std::array<double, 24> web_day{};
  for (int h = 0; h < 24; ++h) {
    store_day[h] = (h >= 9 && h < 21) ? 1.0 + 0.5 * std::sin((h - 9) * 3.14159 / 12) : 0.0;
    web_day[h] = 0.3 + std::exp(-0.5 * std::pow((h - 20) / 3.0, 2)) + 0.4 * (h >= 8 && h < 18);
  }
  for (std::size_t c = 0; c < kChannels; ++c) {
    const bool in_store = c == static_cast<std::size_t>(Channel::store);
    s.channels[c].demand_share = kChannelShares[c];
    s.channels[c].day_of_week = mean_one(in_store ? store_week : web_week);
    s.channels[c].hour_of_day = mean_one(in_store ? store_day : web_day);
  }
  s.channels[static_cast<std::size_t>(Channel::marketplace)].service = Service::expedited;

  s.demand.price_elasticity = 1.5;
  s.demand.out_of_stock = {0.3, 0.2, Distribution::uniform(24, 72), 1};
  s.orders.bopis_pickup_delay_hours = Distribution::exponential(6);
  s.availability.sync_interval_minutes = 30;
  s.returns.decision_days = Distribution::uniform(3, 14);
  s.returns.transit_days = Distribution::uniform(2, 5);
  s.returns.grading_hours = Distribution::uniform(24, 72);
  s.service.reasons = {ContactReasonConfig{0.3, 0.25, 1000}, ContactReasonConfig{0.4, 0.3, 500},
                       ContactReasonConfig{0.6, 0.5, 1500}, ContactReasonConfig{0.15, 0.05, 500},
                       ContactReasonConfig{0.35, 0.2, 500}};
  s.service.agents = Staffing::around_the_clock(2 + size.stores / 20);
  s.service.marketplace_chargeback_cents = 500;
  s.orders.reship_damaged = true;
  add_promotions(s, size);
  add_advertising(s, size);
  return s;
}

}  // namespace retail

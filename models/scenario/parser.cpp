// parse_scenario: the document's top level, catalog, channels, demand, availability, orders,
// returns, customer service and KPI sections (the network and carriers are in
// scenario_network_parser.cpp, promotions and advertising in scenario_levers_parser.cpp, the
// control tower and the status quo in scenario_control_parser.cpp).
#include <algorithm>
#include <numeric>
#include <optional>

#include "models/mechanics/price_effect.hpp"
#include "models/scenario/loader.hpp"
#include "models/scenario/parser.hpp"

namespace retail {

namespace scenario {
namespace {

// A day-of-week or hour-of-day profile: N non-negative weights, scaled to mean 1.
template <std::size_t N>
struct Profile {
  std::string_view items;
  std::array<double, N> operator()(const Node& node) const {
    std::array<double, N> weights{};
    std::size_t i = 0;
    for (const Node& element : node.array(N, N, items))
      weights[i++] = non_negative(element);
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (sum <= 0) node.reject("has no positive weight (expected " + expected() + ")");
    for (double& w : weights)
      w *= N / sum;
    return weights;
  }
  std::string expected() const {
    return std::to_string(N) + " non-negative " + std::string(items) + ", with a positive sum";
  }
};

// A case pack or minimum order: whole units, at most a million (far beyond any one order).
constexpr Integer<std::int32_t> kUnitsPerOrder{1, 1'000'000};

Catalog read_catalog(const Object& catalog, Names& names) {
  Catalog out;
  for (const Node& element :
       catalog.at("categories", "an array of names").array(1, kMaxCategories, "categories"))
    names.categories.add(element, element.path());
  out.categories = names.categories.names();
  for (const Node& element : catalog.at("skus", "an array").array(1, kMaxSkus, "SKUs")) {
    const Object f = element.object(formats::sku);
    Sku& sku = out.skus.emplace_back();
    sku.name = names.skus.add(f);
    sku.category = names.categories.resolve(f.at("category", "a category name"));
    sku.list_price_cents = f.get("list_price", positive_money);
    sku.price_cents = f.get("price", positive_money, sku.list_price_cents);
    sku.unit_cost_cents = f.get("unit_cost", money);
    sku.hero = f.get("hero", boolean, false);
    sku.return_propensity = f.get("return_propensity", probability, 0.0);
    sku.base_demand_per_day = f.get("base_demand_per_day", non_negative);
    sku.case_pack = f.get("case_pack", kUnitsPerOrder, sku.case_pack);
    sku.supplier_moq = f.get("supplier_moq", kUnitsPerOrder, sku.supplier_moq);
  }
  return out;
}

// A basket size: a DIST whose every draw lies between 1 and kMostBasketLines lines.
Distribution basket_size(const Node& node) {
  const Distribution lines = distribution(node);
  using Kind = Distribution::Kind;
  if (lines.kind == Kind::exponential || lines.kind == Kind::lognormal)
    node.reject("is " + lines.describe() +
                ", which can draw fewer than 1 line (expected a number, or a fixed, uniform or "
                "triangular distribution, from 1 to " +
                show_number(kMostBasketLines) + " lines)");
  const double least = lines.a;
  const double most = lines.kind == Kind::fixed     ? lines.a
                      : lines.kind == Kind::uniform ? lines.b
                                                    : lines.c;
  if (least < 1 || most > kMostBasketLines)
    node.reject("is " + lines.describe() + " (expected every draw from 1 to " +
                show_number(kMostBasketLines) + " lines: an order has at least one line)");
  return lines;
}

std::array<ChannelConfig, kChannels> read_channels(const Object& channels) {
  std::array<ChannelConfig, kChannels> out;
  const Choice<Service> service{{kServiceNames.begin(), kServiceNames.end()}, "a service"};
  double total_weight = 0;
  for (std::size_t c = 0; c < kChannels; ++c) {
    ChannelConfig& channel = out[c];
    channel.hour_of_day.fill(1);
    const std::optional<Node> node = channels.find(kChannelNames[c]);
    if (!node) continue;
    const Object f = node->object(formats::channel);
    channel.demand_share = f.get("demand_weight", non_negative);
    channel.day_of_week =
        f.get("day_of_week", Profile<7>{"daily weights, Monday first"}, channel.day_of_week);
    channel.hour_of_day =
        f.get("hour_of_day", Profile<24>{"hourly weights from midnight"}, channel.hour_of_day);
    channel.service = f.get("service", service, Service::standard);
    if (const std::optional<Node> acceptance = f.find("backorder_acceptance")) {
      if (static_cast<Channel>(c) == Channel::store)
        acceptance->reject(
            "is not for the store channel (walk-in customers are not offered "
            "backorders; expected the field on web, marketplace or bopis)");
      channel.backorder_acceptance = probability(*acceptance);
    }
    if (const std::optional<Node> lines = f.find("basket_size"))
      channel.basket_size = basket_size(*lines);
    channel.category_affinity = f.get("category_affinity", probability, 0.0);
    total_weight += channel.demand_share;
  }
  if (total_weight <= 0)
    fail_at(channels.path(), "no channel has a positive demand_weight (at least one must)");
  for (ChannelConfig& channel : out)
    channel.demand_share /= total_weight;
  return out;
}

Demand read_demand(const Object& demand) {
  Demand out;
  // Elasticities of real retail categories lie well inside this range.
  out.price_elasticity = demand.get("price_elasticity", Number{0, 50}, out.price_elasticity);
  const Object oos = demand.optional_object("out_of_stock", formats::out_of_stock);
  OutOfStockBehaviour& b = out.out_of_stock;
  b.substitute = oos.get("substitute", probability, 0.0);
  b.defer = oos.get("defer", probability, 0.0);
  if (b.substitute + b.defer > 1)
    fail_at(oos.path(), "substitute + defer is " + show_number(b.substitute + b.defer) +
                            " (expected at most 1: they are shares of customers, the rest walk "
                            "away)");
  b.defer_hours = oos.get("defer_hours", distribution, Distribution::fixed(24));
  b.max_deferrals = oos.get("max_deferrals", Integer<std::uint32_t>{0, 1000}, 1);
  const Object mismatch = demand.optional_object("promo_mismatch", formats::promo_mismatch);
  PromoMismatchBehaviour& m = out.promo_mismatch;
  m.abandon = mismatch.get("abandon", probability, m.abandon);
  m.return_uplift = mismatch.get("return_uplift", probability, m.return_uplift);
  return out;
}

// The shortest periods of the repeating publications: a period that rounds to no time at all
// would repeat forever at one instant, and far below these it only multiplies events.
constexpr Number kSyncIntervalMinutes{0.1};
constexpr Number kFeedIntervalHours{0.01};

AvailabilityView read_availability(const Object& availability) {
  AvailabilityView out;
  out.sync_interval_minutes =
      availability.get("sync_interval_minutes", kSyncIntervalMinutes, out.sync_interval_minutes);
  out.latency_minutes = availability.get("latency_minutes", positive, out.latency_minutes);
  out.marketplace_feed_hours =
      availability.get("marketplace_feed_hours", kFeedIntervalHours, out.marketplace_feed_hours);
  out.safety_stock_units = availability.get(
      "safety_stock_units", Integer<std::uint32_t>{0, 1'000'000'000}, out.safety_stock_units);
  return out;
}

Orders read_orders(const Object& orders) {
  Orders out;
  const Choice<Orders::Oversell> oversell{{"cancel", "backorder"}, "an oversell policy"};
  out.oversell = orders.get("oversell", oversell, out.oversell);
  out.routing_latency_minutes =
      orders.get("routing_latency_minutes", positive, out.routing_latency_minutes);
  out.promise_handling_hours =
      orders.get("promise_handling_hours", non_negative, out.promise_handling_hours);
  out.bopis_ready_hours = orders.get("bopis_ready_hours", non_negative, out.bopis_ready_hours);
  out.bopis_pickup_delay_hours =
      orders.get("bopis_pickup_delay_hours", distribution, Distribution::fixed(4));
  out.reship_damaged = orders.get("reship_damaged", boolean, out.reship_damaged);
  out.offer_backorders = orders.get("offer_backorders", boolean, out.offer_backorders);
  const Choice<Orders::LineRouting> routing{{"split", "ship_complete"}, "a line routing"};
  out.line_routing = orders.get("line_routing", routing, out.line_routing);
  return out;
}

// How far a return reason's share may drift per day, relative to its share on day 0: +-10% a
// day doubles or erases a share within ten days, more than any trend a scenario needs.
constexpr Number kReturnDriftPerDay{-0.1, 0.1};
// A return reason's effect on its returns per unit of missing quality (sizing, packaging).
constexpr Number kReturnSensitivity{0, 100};

Returns read_returns(const Object& returns) {
  Returns out;
  const Object reasons = returns.optional_object("reasons", formats::return_reasons);
  double total_share = 0;
  for (std::size_t r = 0; r < kReturnReasons; ++r) {
    ReturnReasonConfig& reason = out.reasons[r];
    // A reason left out keeps its defaults (share 0.25, no drift, all restocked).
    const Object f = reasons.optional_object(kReturnReasonNames[r], formats::return_reason);
    reason.share = f.get("share", non_negative, reason.share);
    reason.drift_per_day = f.get("drift_per_day", kReturnDriftPerDay, reason.drift_per_day);
    reason.disposition = f.get("disposition", disposition, reason.disposition);
    total_share += reason.share;
  }
  if (total_share <= 0)
    fail_at(reasons.path(),
            "no return reason has a positive share (at least one must; a reason left out has "
            "share 0.25)");
  for (ReturnReasonConfig& reason : out.reasons)
    reason.share /= total_share;
  out.sizing_content_quality =
      returns.get("sizing_content_quality", probability, out.sizing_content_quality);
  out.sizing_sensitivity =
      returns.get("sizing_sensitivity", kReturnSensitivity, out.sizing_sensitivity);
  out.packaging_standard = returns.get("packaging_standard", probability, out.packaging_standard);
  out.packaging_sensitivity =
      returns.get("packaging_sensitivity", kReturnSensitivity, out.packaging_sensitivity);
  out.decision_days = returns.get("decision_days", distribution, out.decision_days);
  out.transit_days = returns.get("transit_days", distribution, out.transit_days);
  out.grading_hours = returns.get("grading_hours", distribution, out.grading_hours);
  out.refurbish_days = returns.get("refurbish_days", distribution, out.refurbish_days);
  out.label_cost_cents = returns.get("label_cost", money, out.label_cost_cents);
  out.handling_cost_cents = returns.get("handling_cost", money, out.handling_cost_cents);
  out.refurbish_cost_cents = returns.get("refurbish_cost", money, out.refurbish_cost_cents);
  out.destroy_cost_cents = returns.get("destroy_cost", money, out.destroy_cost_cents);
  out.liquidation_recovery =
      returns.get("liquidation_recovery", probability, out.liquidation_recovery);
  return out;
}

// How much an hour's wait raises the appeasement rate (a probability, so 10 is already extreme).
constexpr Number kWaitAppeasementPerHour{0, 10};

CustomerService read_customer_service(const Object& service) {
  CustomerService out;
  const Object reasons = service.optional_object("reasons", formats::contact_reasons);
  for (std::size_t r = 0; r < kContactReasons; ++r) {
    ContactReasonConfig& reason = out.reasons[r];
    // A reason left out keeps its defaults: no contacts.
    const Object f = reasons.optional_object(kContactReasonNames[r], formats::contact_reason);
    reason.probability = f.get("probability", probability, reason.probability);
    reason.appeasement_rate = f.get("appeasement_rate", probability, reason.appeasement_rate);
    reason.appeasement_cents = f.get("appeasement", money, reason.appeasement_cents);
  }
  out.agents = read_staffing(service, "agents", out.agents);
  out.handle_minutes = service.get("handle_minutes", distribution, out.handle_minutes);
  if (const std::optional<Node> patience = service.find("patience_minutes"))
    out.patience_minutes = distribution(*patience);
  out.cost_per_contact_cents = service.get("cost_per_contact", money, out.cost_per_contact_cents);
  out.wait_appeasement_per_hour = service.get("wait_appeasement_per_hour", kWaitAppeasementPerHour,
                                              out.wait_appeasement_per_hour);
  out.answer_target_seconds =
      service.get("answer_target_seconds", positive, out.answer_target_seconds);
  out.marketplace_chargeback_cents =
      service.get("marketplace_chargeback", money, out.marketplace_chargeback_cents);
  return out;
}

// The most customers a day the chain may draw, at the peak of every lift: Poisson draws of far
// more would overflow their count, and a world that busy could not be simulated anyway.
constexpr double kMostUnitsPerDay = kLargestNumber;

std::string units_per_day(double units) {
  return show_number(units) + " units per day (at most " + show_number(kMostUnitsPerDay) +
         " are supported)";
}

// The largest factor each SKU's demand is multiplied by: by the promotion discounting it (they
// never overlap), and by 1 + max_lift of the ad programs that advertise it or may pivot to it.
struct PeakLifts {
  std::vector<double> promotion, ads;
};

PeakLifts peak_lifts(const Scenario& s) {
  PeakLifts peak{std::vector<double>(s.catalog.skus.size(), 1.0),
                 std::vector<double>(s.catalog.skus.size(), 1.0)};
  for (const Promotion& promotion : s.promotions) {
    const double lift = price_effect_of(1 - promotion.discount, s.demand);
    for (const SkuId sku : promotion.skus)
      peak.promotion[sku] = std::max(peak.promotion[sku], lift);
  }
  const auto advertise = [&](const AdProgram& program, const std::vector<SkuId>& skus) {
    for (const SkuId sku : skus)
      peak.ads[sku] = std::max(peak.ads[sku], 1 + program.max_lift);
  };
  for (const AdProgram& program : s.advertising.programs)
    advertise(program, program.skus);
  for (const Rule& rule : s.control_tower.rules)
    for (const Action& action : rule.actions)
      if (action.kind == Action::Kind::pivot_ads)
        advertise(s.advertising.programs[action.program], action.skus);
  return peak;
}

// Demand must be there, and within what Poisson arrivals can draw, whatever lifts are in force.
// The field blamed is the one that takes a SKU past the limit: its price (the price effect), a
// promotion's discount or an ad program's max_lift; else the catalog as a whole.
void check_demand(const Scenario& s) {
  const Pointer skus("/catalog/skus");
  const PeakLifts peak = peak_lifts(s);
  // Units per day of each SKU at its price, before any lift.
  std::vector<double> daily(s.catalog.skus.size());
  for (SkuId i = 0; i < s.catalog.skus.size(); ++i) {
    const Sku& sku = s.catalog.skus[i];
    const double price_effect = price_effect_of(
        static_cast<double>(sku.price_cents) / static_cast<double>(sku.list_price_cents), s.demand);
    daily[i] = sku.base_demand_per_day * price_effect;
    if (!(daily[i] <= kMostUnitsPerDay))
      fail_at(skus / i / "price",
              "with price_elasticity " + show_number(s.demand.price_elasticity) +
                  ", the price effect (price / list_price)^-elasticity = " +
                  show_number(price_effect) + " takes demand to " + units_per_day(daily[i]));
  }
  const auto sku_name = [&](SkuId sku) { return show(Json(s.catalog.skus[sku].name)); };
  for (std::size_t p = 0; p < s.promotions.size(); ++p) {
    const double lift = price_effect_of(1 - s.promotions[p].discount, s.demand);
    for (const SkuId sku : s.promotions[p].skus)
      if (!(daily[sku] * lift <= kMostUnitsPerDay))
        fail_at(Pointer("/promotions") / p / "discount",
                "with price_elasticity " + show_number(s.demand.price_elasticity) +
                    ", the discount multiplies demand by " + show_number(lift) + ", taking SKU " +
                    sku_name(sku) + " to " + units_per_day(daily[sku] * lift));
  }
  for (std::size_t a = 0; a < s.advertising.programs.size(); ++a) {
    const double lift = 1 + s.advertising.programs[a].max_lift;
    for (const SkuId sku : s.advertising.programs[a].skus)
      if (!(daily[sku] * peak.promotion[sku] * lift <= kMostUnitsPerDay))
        fail_at(Pointer("/advertising/programs") / a / "max_lift",
                "takes SKU " + sku_name(sku) + ", with its promotion, to " +
                    units_per_day(daily[sku] * peak.promotion[sku] * lift));
  }
  double at_price = 0;
  double at_peak = 0;
  for (SkuId i = 0; i < s.catalog.skus.size(); ++i) {
    at_price += daily[i];
    at_peak += daily[i] * peak.promotion[i] * peak.ads[i];
  }
  if (!(at_price > 0))
    fail_at(skus,
            "no SKU has a positive demand (base_demand_per_day x the price effect "
            "(price / list_price)^-price_elasticity is 0 for all): without customers there "
            "is nothing to simulate");
  if (!(at_peak <= kMostUnitsPerDay))
    fail_at(skus,
            "at its peak (base demand x price effect x the largest promotion and ad lifts), the "
            "SKUs' demand adds up to " +
                units_per_day(at_peak));
}

Freight read_freight(const Object& freight, Freight defaults) {
  Freight out;
  out.per_shipment_cents = freight.get("per_shipment", money, defaults.per_shipment_cents);
  out.per_unit_cents = freight.get("per_unit", money, defaults.per_unit_cents);
  return out;
}

// A carrying rate above 10 a year (1000 %) is no rate any chain pays: a typo for a percentage.
constexpr Number kHoldingRate{0, 10};

// Flexible hours cost at least the rostered rate; ten times it is a typo.
constexpr Number kFlexiblePremium{1, 10};

Costs read_costs(const Object& costs) {
  Costs out;
  out.holding_rate_per_year =
      costs.get("holding_rate_per_year", kHoldingRate, out.holding_rate_per_year);
  out.purchase_order_cents = costs.get("purchase_order", money, out.purchase_order_cents);
  out.store_delivery =
      read_freight(costs.optional_object("store_delivery", formats::freight), out.store_delivery);
  out.transfer = read_freight(costs.optional_object("transfer", formats::freight), out.transfer);
  out.picker_hour_cents = costs.get("picker_hour", money, out.picker_hour_cents);
  out.agent_hour_cents = costs.get("agent_hour", money, out.agent_hour_cents);
  out.flexible_premium = costs.get("flexible_premium", kFlexiblePremium, out.flexible_premium);
  return out;
}

Kpi read_kpi(const Object& kpi, std::uint32_t horizon_days) {
  Kpi out;
  out.report_latency_minutes =
      kpi.get("report_latency_minutes", positive, out.report_latency_minutes);
  // At least one day is left to score.
  out.warmup_days =
      kpi.get("warmup_days", Integer<std::uint32_t>{0, horizon_days - 1}, out.warmup_days);
  out.node_days = kpi.get("node_days", boolean, out.node_days);
  out.pick_wait_target_minutes =
      kpi.get("pick_wait_target_minutes", positive, out.pick_wait_target_minutes);
  return out;
}

}  // namespace

std::array<double, kDispositions> DispositionReader::operator()(const Node& node) const {
  const Object f = node.object(formats::disposition);
  std::array<double, kDispositions> p{};
  for (std::size_t d = 0; d < kDispositions; ++d)
    p[d] = f.get(kDispositionNames[d], probability, 0.0);
  const double sum = std::accumulate(p.begin(), p.end(), 0.0);
  if (sum <= 0) node.reject("has no positive probability (expected " + expected() + ")");
  for (double& x : p)
    x /= sum;
  return p;
}

std::string DispositionReader::expected() const {
  return "probabilities of restock, refurbish, liquidate and destroy, with a positive sum";
}

}  // namespace scenario

Scenario parse_scenario(const nlohmann::json& document) {
  using namespace scenario;
  const Object root = Node(document, Pointer{}).object(formats::scenario);
  if (const std::optional<Node> extends = root.find("extends"))
    extends->reject(
        "is not resolved (parse_scenario takes a document whose extends "
        "load_scenario has already merged)");
  Names names;
  Scenario s;
  s.name = root.get("name", name);
  s.description = root.get("description", text, std::string{});
  s.seed = root.get("seed", Integer<std::uint64_t>{}, 1);
  s.replications = root.get("replications", Integer<std::uint32_t>{1, kMaxReplications}, 1);
  s.horizon_days = root.get("horizon_days", Integer<std::uint32_t>{1, 3660});
  s.catalog = read_catalog(root.object("catalog", formats::catalog), names);
  s.carriers = read_carriers(root.at("carriers", "an array"), names);
  s.channels = read_channels(root.object("channels", formats::channels));
  read_network(root, s, names);
  s.demand = read_demand(root.optional_object("demand", formats::demand));
  s.availability = read_availability(root.optional_object("availability", formats::availability));
  s.orders = read_orders(root.optional_object("orders", formats::orders));
  s.returns = read_returns(root.optional_object("returns", formats::returns));
  // Without the section no event leads to a contact, and there is no contact centre to staff.
  if (root.find("customer_service"))
    s.service = read_customer_service(root.object("customer_service", formats::customer_service));
  else
    s.service.agents = Staffing{};
  if (const std::optional<Node> promotions = root.find("promotions"))
    s.promotions = read_promotions(*promotions, s, names);
  s.advertising =
      read_advertising(root.optional_object("advertising", formats::advertising), s, names);
  s.costs = read_costs(root.optional_object("costs", formats::costs));
  if (root.find("customers"))
    s.customers = read_customers(root.object("customers", formats::customers));
  s.kpi = read_kpi(root.optional_object("kpi", formats::kpi), s.horizon_days);
  // Actions name ad programs and promotions, and the evaluation hour depends on the KPI latency.
  s.control_tower =
      read_control_tower(root.optional_object("control_tower", formats::control_tower), s, names);
  s.status_quo = read_status_quo(root.optional_object("status_quo", formats::status_quo), s, names);
  check_demand(s);
  return s;
}

}  // namespace retail

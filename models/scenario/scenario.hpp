// The scenario as plain data: what the scenario loader fills in and the agents read.
// Names carry their units (_cents, _hours, _per_day); ids are indexes into the vectors here.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/mechanics/distribution.hpp"
#include "models/metrics/catalogue.hpp"

namespace retail {

using SkuId = std::uint32_t;
using CategoryId = std::uint32_t;
using ZoneId = std::uint32_t;
using StoreId = std::uint32_t;
using DcId = std::uint32_t;
using CarrierId = std::uint32_t;
using Cents = std::int64_t;

enum class Channel : std::uint8_t { store, web, marketplace, bopis };
inline constexpr std::size_t kChannels = 4;
inline constexpr std::array<const char*, kChannels> kChannelNames = {"store", "web", "marketplace",
                                                                     "bopis"};

enum class Service : std::uint8_t { standard, expedited };
inline constexpr std::size_t kServices = 2;
inline constexpr std::array<const char*, kServices> kServiceNames = {"standard", "expedited"};

struct Sku {
  std::string name;
  CategoryId category = 0;
  Cents list_price_cents = 0;  // the reference price demand is calibrated at
  Cents price_cents = 0;       // the selling price; price effect = (price / list)^-elasticity
  Cents unit_cost_cents = 0;
  bool hero = false;
  double return_propensity = 0.0;    // base probability a delivered unit is returned (issue 4)
  double base_demand_per_day = 0.0;  // chain-wide units per day at list price, all channels
  // Replenishment orders come in whole cases of case_pack units; a purchase order from the
  // supplier is at least supplier_moq units (then rounded up to whole cases).
  std::int32_t case_pack = 1;
  std::int32_t supplier_moq = 1;
};

struct Catalog {
  std::vector<std::string> categories;
  std::vector<Sku> skus;
};

// How a forecast-driven node predicts tomorrow's demand for a SKU from the days it has seen.
struct Forecast {
  enum class Method : std::uint8_t { moving_average, exponential_smoothing };
  Method method = Method::moving_average;
  std::uint32_t window_days = 28;  // moving average: the days averaged
  double alpha = 0.2;              // exponential smoothing: the weight of the newest day
};

// How a node decides when and how much to reorder. (s,S) and base-stock levels are in units per
// SKU, or in days of cover, which Network converts with each node's expected demand for the SKU.
// forecast_order_up_to re-plans at every review: level = forecast over lead time + review period
// (with the lifts of the promotions and ad programs planners know of) + safety_factor x the
// forecast error's standard deviation over that span.
struct ReplenishmentPolicy {
  enum class Kind : std::uint8_t { s_S, base_stock, forecast_order_up_to };
  Kind kind = Kind::s_S;
  double reorder_point = 0;  // s (base stock: S - 1)
  double order_up_to = 0;    // S
  bool in_days_of_cover = false;
  // 0: continuous review (after every change); otherwise review every so many hours.
  double review_every_hours = 0;
  // forecast_order_up_to only.
  Forecast forecast;
  std::uint32_t review_days = 7;
  double safety_factor = 1.65;
  std::uint32_t forecast_error_window_days = 28;
};

struct Zone {
  std::string name;
  double demand_share = 0;  // share of chain demand arising in this zone
  DcId dc = 0;              // the DC that ships this zone's web and marketplace orders
  CarrierId carrier = 0;    // the carrier that delivers parcels into this zone
};

struct Store {
  std::string name;
  ZoneId zone = 0;
  DcId dc = 0;                      // where it replenishes from (the source of its lane)
  Distribution lane_transit_hours;  // DC -> store replenishment transit
  double online_allocation = 1.0;   // share of on-hand offered to BOPIS / ship-from-store
  double demand_share = 0;          // share of its zone's store and BOPIS demand
  ReplenishmentPolicy replenishment;
  double initial_days_of_cover = 0;
  bool ship_from_store = false;
};

// Who is on duty in each hour of the week, Monday 00:00 to 01:00 first: a crew around the clock,
// or the sum of the shifts on duty that hour (the loader adds them up).
inline constexpr std::size_t kHoursPerWeek = 7 * 24;
struct Staffing {
  std::array<std::uint32_t, kHoursPerWeek> on_duty{};

  static Staffing around_the_clock(std::uint32_t staff) {
    Staffing staffing;
    staffing.on_duty.fill(staff);
    return staffing;
  }
  // The staff on duty at the week's hour `hour` (0 to 167).
  std::uint32_t at(std::size_t hour) const { return on_duty[hour]; }
  // Staff on duty on average over the week.
  double mean() const {
    double total = 0;
    for (const std::uint32_t staff : on_duty)
      total += staff;
    return total / static_cast<double>(kHoursPerWeek);
  }
  bool operator==(const Staffing&) const = default;
};

struct Dc {
  std::string name;
  Staffing pickers = Staffing::around_the_clock(1);  // parallel pick/pack stations, by hour
  Distribution pick_minutes;                         // time one picker spends on one order
  Distribution supplier_lead_days;                   // purchase order -> receipt
  ReplenishmentPolicy replenishment;
  double initial_days_of_cover = 0;
  double handling_hours = 0;  // receipt -> available to sell
};

struct CarrierServiceLevel {
  Distribution transit_days;
  double promise_days = 0;  // what promise logic quotes for this service
  Cents cost_cents = 0;     // per parcel
};

struct Carrier {
  std::string name;
  double pickup_cutoff_hour = 17;      // parcels tendered before this hour leave today
  std::uint32_t capacity_per_day = 0;  // parcels picked up per node per day
  double exception_rate = 0;           // share of parcels with a delivery exception
  double damage_share = 0;  // share of exceptions that damage the parcel (else a late scan)
  Distribution late_scan_delay_hours;
  std::array<CarrierServiceLevel, kServices> services;
};

// N multipliers of 1: no seasonality.
template <std::size_t N>
constexpr std::array<double, N> flat() {
  std::array<double, N> ones{};
  ones.fill(1.0);
  return ones;
}

// The most lines an order (or a walk-in visit) may have: a basket is carried line by line, each
// line knowing how many its order has in a byte.
inline constexpr double kMostBasketLines = 100;

struct ChannelConfig {
  double demand_share = 0;
  std::array<double, 7> day_of_week = flat<7>();    // Monday first; mean 1
  std::array<double, 24> hour_of_day = flat<24>();  // mean 1
  Service service = Service::standard;              // parcels of this channel
  // With orders.offer_backorders: the share of online customers told "out of stock, ships in N
  // days" who accept the wait (store walk-ins are not offered one).
  double backorder_acceptance = 0.15;
  // Lines (one unit each) per order, or per walk-in visit on the store channel: each draw is
  // rounded to a whole number of lines at random (down or up, keeping the mean), never below 1.
  Distribution basket_size = Distribution::fixed(1);
  // The probability that each line after the first comes from the first line's category (by the
  // category's own popularity); otherwise it is drawn from the whole catalogue's popularity.
  double category_affinity = 0;
};

// What a customer does on finding the SKU unavailable; walk-away is the remainder.
struct OutOfStockBehaviour {
  double substitute = 0;  // buys another in-stock SKU of the same category
  double defer = 0;       // comes back later
  Distribution defer_hours = Distribution::fixed(24);
  std::uint32_t max_deferrals = 1;  // after this many, a deferring customer walks away
};

// What a customer does on meeting a promotion mismatch (the advertised discount missing from the
// shelf, PDP, feed or cart); buying at the price shown is the remainder. Contacts about it come
// from service.reasons.promo_mismatch.
struct PromoMismatchBehaviour {
  double abandon = 0.2;  // walks away: a lost sale
  // Extra probability that a unit bought through a mismatch comes back as "not as described".
  double return_uplift = 0.1;
};

struct Demand {
  double price_elasticity = 1.5;  // own-price elasticity, as a positive number
  OutOfStockBehaviour out_of_stock;
  PromoMismatchBehaviour promo_mismatch;
};

// The availability the web and marketplace show: a copy of node inventory that lags reality.
struct AvailabilityView {
  double sync_interval_minutes = 15;     // nodes publish changes this often
  double latency_minutes = 5;            // publication -> visible
  double marketplace_feed_hours = 4;     // the marketplace refreshes its copy this often
  std::uint32_t safety_stock_units = 0;  // shown unavailable at or below this
};

struct Orders {
  enum class Oversell : std::uint8_t { cancel, backorder };
  Oversell oversell = Oversell::cancel;
  double routing_latency_minutes = 5;  // order placed -> node receives it
  double promise_handling_hours = 24;  // node handling time promise logic assumes
  double bopis_ready_hours = 2;        // BOPIS promise: ready for pickup within
  Distribution bopis_pickup_delay_hours = Distribution::fixed(4);  // ready -> collected
  // A parcel that arrives damaged is replaced from the zone's DC (a re-ship) instead of refunded.
  bool reship_damaged = false;
  // An online customer who finds the SKU unavailable is offered a backorder from the node that
  // would ship it, promised as if ordered one node lead time later.
  bool offer_backorders = false;
  // How an order of several lines is routed: each line on its own (split: an order may ship
  // from several nodes, in several parcels), or all from one node, which holds the lines it has
  // until the last arrives (ship_complete).
  enum class LineRouting : std::uint8_t { split, ship_complete };
  LineRouting line_routing = LineRouting::split;
};

// Why a customer sends a unit back, and what grading decides to do with it.
enum class ReturnReason : std::uint8_t { size_fit, damaged, not_as_described, changed_mind };
inline constexpr std::size_t kReturnReasons = 4;
inline constexpr std::array<const char*, kReturnReasons> kReturnReasonNames = {
    "size_fit", "damaged", "not_as_described", "changed_mind"};
enum class Disposition : std::uint8_t { restock, refurbish, liquidate, destroy };
inline constexpr std::size_t kDispositions = 4;
inline constexpr std::array<const char*, kDispositions> kDispositionNames = {
    "restock", "refurbish", "liquidate", "destroy"};

struct ReturnReasonConfig {
  // Share of a SKU's return propensity that comes from this reason (shares are normalised).
  double share = 0.25;
  // Relative drift per day: the reason's share on day d is share x (1 + drift_per_day x d).
  double drift_per_day = 0;
  // What grading does with a unit returned for this reason (probabilities, normalised).
  std::array<double, kDispositions> disposition{1, 0, 0, 0};
};

// Returns of delivered web and marketplace orders: requested after a delay (refunded then),
// carried back to the DC that shipped them, graded, and restocked, refurbished, liquidated or
// destroyed.
struct Returns {
  std::array<ReturnReasonConfig, kReturnReasons> reasons;
  // PDP sizing guidance quality (0..1): size/fit returns x (1 + sizing_sensitivity x (1 - q)).
  double sizing_content_quality = 1;
  double sizing_sensitivity = 2;
  // Packaging standard (0..1): damaged returns x (1 + packaging_sensitivity x (1 - p)).
  double packaging_standard = 1;
  double packaging_sensitivity = 2;
  Distribution decision_days = Distribution::fixed(7);  // delivery -> return requested
  Distribution transit_days = Distribution::fixed(3);   // customer -> DC
  Distribution grading_hours = Distribution::fixed(24);
  Distribution refurbish_days = Distribution::fixed(7);
  Cents label_cost_cents = 600;     // return shipping, paid by the retailer
  Cents handling_cost_cents = 300;  // receiving and grading
  Cents refurbish_cost_cents = 500;
  Cents destroy_cost_cents = 100;
  double liquidation_recovery = 0.3;  // share of unit cost a liquidator pays
};

// Why a customer contacts customer service.
enum class ContactReason : std::uint8_t {
  late_delivery,
  cancellation,
  damaged,
  return_request,
  promo_mismatch
};
inline constexpr std::size_t kContactReasons = 5;
inline constexpr std::array<const char*, kContactReasons> kContactReasonNames = {
    "late_delivery", "cancellation", "damaged", "return_request", "promo_mismatch"};

struct ContactReasonConfig {
  double probability = 0;       // that the event makes the customer contact us
  double appeasement_rate = 0;  // that the contact ends with a credit (before any wait)
  Cents appeasement_cents = 0;  // the credit
};

// The contact centre: contacts queue for `agents` first come, first served; each costs
// cost_per_contact beyond the agents' paid hours; a wait raises the appeasement rate by
// wait_appeasement_per_hour per hour.
struct CustomerService {
  std::array<ContactReasonConfig, kContactReasons> reasons;
  // Staff on duty; a scenario without a customer_service section has nobody (and no contacts).
  Staffing agents = Staffing::around_the_clock(10);
  Distribution handle_minutes = Distribution::exponential(8);
  // How long a contact that has to wait will wait before it abandons; absent: nobody abandons.
  std::optional<Distribution> patience_minutes;
  Cents cost_per_contact_cents = 100;
  double wait_appeasement_per_hour = 0.02;
  // The service level counts contacts answered within this wait.
  double answer_target_seconds = 20;
  // Marketplace penalty per late or cancelled marketplace order.
  Cents marketplace_chargeback_cents = 0;
};

// How one channel carries out a promotion: it goes live lag_hours after the launch, and each SKU
// slot on it is then wrong with error_probability (a wrong or missing price, missing content).
struct PromoExecution {
  Distribution lag_hours = Distribution::fixed(0);
  double error_probability = 0;
};

// A readiness check at the planned launch: it catches each wrong slot with detection_probability
// (fixed before launch) and holds the launch, up to max_delay_hours, until every channel is live.
struct PreflightGate {
  bool enabled = false;
  double detection_probability = 0.9;
  double max_delay_hours = 72;
};

// A discount on some SKUs from start_day to end_day (days from the start of the run, Monday
// 00:00), advertised on every channel and executed by each channel on its own.
struct Promotion {
  std::string name;
  std::vector<SkuId> skus;
  double discount = 0;  // share off the SKU's price
  double start_day = 0;
  double end_day = 0;
  std::array<PromoExecution, kChannels> execution;
  // Share of wrong slots where the bundle/coupon rule misapplies the discount: the customer pays
  // misapplied_discount off (margin dilution) instead of meeting a missing discount.
  double misapplied_share = 0;
  double misapplied_discount = 0;
  PreflightGate preflight;
  // Forecast-driven nodes add the promotion's expected lift to their forecast from
  // planning_lead_days before its start, if planners are told of it at all.
  bool announced_to_planners = true;
  double planning_lead_days = 28;
};

// Paid advertising for some SKUs on one online channel. Demand for them is multiplied by
// 1 + max_lift x A^n / (K^n + A^n), where the adstock A = today's spend + adstock_decay x
// yesterday's A, K = half_saturation_cents and n = hill_exponent.
struct AdProgram {
  std::string name;
  Channel channel = Channel::web;
  std::vector<SkuId> skus;
  Cents daily_budget_cents = 0;      // the budget on day 0
  Cents max_daily_budget_cents = 0;  // the scaling policy's cap
  double adstock_decay = 0.5;
  double max_lift = 1;
  Cents half_saturation_cents = 100000;
  double hill_exponent = 1;
  // Forecast-driven nodes plan for the lift of the day-0 budget if planners are told of the
  // program (it runs from day 0, so they know of it from the start or not at all).
  bool announced_to_planners = true;
};

// Marketing's scaling policy, blind to inventory: when ROAS as marketing sees it (revenue of
// ad-driven orders placed, over spend, in the last window_days reported) beats roas_target, a
// program's budget grows by step (0.1 = 10 %) a day, up to its cap.
struct AdScaling {
  bool enabled = false;
  double roas_target = 4;
  double step = 0.1;
  std::uint32_t window_days = 7;
};

struct Advertising {
  std::vector<AdProgram> programs;
  AdScaling scaling;
};

// One item of the decision menu, carried out by the agents it concerns after delay_hours.
struct Action {
  enum class Kind : std::uint8_t {
    cut_ads,                // program's budget x factor
    pause_ads,              // program
    resume_ads,             // program
    pivot_ads,              // program advertises `skus` instead
    transfer_inventory,     // share of `skus` on hand at node `from` moves to node `to`
    widen_promise,          // promises (of `zone`, or all) quote `hours` more
    switch_carrier,         // parcels of `zone` go with `carrier`
    expedite,               // `channel`'s orders (of `zone`, or all) ship expedited
    pause_promo,            // promotion withdrawn from `channel`
    fix_promo,              // promotion's wrong slots on `channel` (or all) corrected
    freeze_promos,          // promotions not yet launched never launch
    update_sizing_content,  // returns.sizing_content_quality := value
    change_packaging,       // returns.packaging_standard := value
    tighten_disposition,    // returns graded as `reason` are disposed of by `disposition` odds
    add_labour,             // `staff` more on duty at `station` (of `dc`, or all) for `hours`
  };
  static constexpr std::size_t kKinds = 15;
  // Where add_labour calls staff in: DC pickers or contact-centre agents.
  enum class Station : std::uint8_t { pickers, agents };
  Kind kind = Kind::cut_ads;
  double delay_hours = 0;
  std::uint32_t program = 0;
  std::uint32_t promotion = 0;
  double factor = 1;        // cut_ads
  std::vector<SkuId> skus;  // pivot_ads, transfer_inventory
  std::uint32_t from = 0;   // transfer_inventory: node ids in Network order (DCs, then stores)
  std::uint32_t to = 0;
  double share = 0;           // transfer_inventory
  double transit_hours = 24;  // transfer_inventory
  bool all_zones = true;      // widen_promise, switch_carrier, expedite
  ZoneId zone = 0;
  double hours = 0;                              // widen_promise, add_labour
  CarrierId carrier = 0;                         // switch_carrier
  bool all_channels = true;                      // fix_promo
  Channel channel = Channel::web;                // expedite, pause_promo, fix_promo
  double value = 0;                              // update_sizing_content, change_packaging
  ReturnReason reason = ReturnReason::size_fit;  // tighten_disposition
  std::array<double, kDispositions> disposition{1, 0, 0, 0};
  Station station = Station::pickers;  // add_labour
  std::uint32_t staff = 0;
  bool all_dcs = true;
  DcId dc = 0;
};

// The actions' names in scenarios, in the order of Action::Kind.
inline constexpr std::array<const char*, Action::kKinds> kActionNames = {"cut_ads",
                                                                         "pause_ads",
                                                                         "resume_ads",
                                                                         "pivot_ads",
                                                                         "transfer_inventory",
                                                                         "widen_promise",
                                                                         "switch_carrier",
                                                                         "expedite",
                                                                         "pause_promo",
                                                                         "fix_promo",
                                                                         "freeze_promos",
                                                                         "update_sizing_content",
                                                                         "change_packaging",
                                                                         "tighten_disposition",
                                                                         "add_labour"};

// Which reports a rule's metric is computed from; an unset part means all.
struct RuleScope {
  std::optional<Channel> channel;
  std::optional<CategoryId> category;
  std::optional<ZoneId> zone;         // the zone's order manager and stores
  std::optional<std::uint32_t> node;  // one DC or store, in Network node order (DCs, then stores)
};

// A threshold rule: when `metric` (one of the daily flow metrics) over the last window_days has
// compared to `threshold` for sustained_for_hours, it fires; the owner decides within
// timebox_hours (decision_hours, capped by the timebox), or at the next weekly review when the
// rule is on the weekly cadence; the actions follow, each after its own delay. It does not fire
// again until cooldown_hours after its actions took effect.
struct Rule {
  enum class Comparator : std::uint8_t { less, less_equal, greater, greater_equal };
  std::string name;
  MetricId metric = MetricId::otif;  // a flow metric, checked at load
  RuleScope scope;
  std::uint32_t window_days = 1;
  Comparator comparator = Comparator::greater;
  double threshold = 0;
  double sustained_for_hours = 0;
  std::string owner;
  double timebox_hours = 48;
  Distribution decision_hours = Distribution::uniform(0, 48);
  double cooldown_hours = 168;
  bool weekly = false;
  std::vector<Action> actions;
};

// The control tower arm: rules evaluated every day at evaluation_hour on the reports of the days
// before, and a weekly reallocation review on review_day (0 = Monday) at review_hour.
struct ControlTower {
  double evaluation_hour = 6;
  std::uint32_t review_day = 0;
  double review_hour = 10;
  std::vector<Rule> rules;
};

// How the organisation reacts without a control tower: a periodic review (every review_every_days
// from first_review_day, at review_hour) that looks at the listed rules' metrics over its window
// and, where a threshold is crossed, decides after decision_hours with the same menu.
struct StatusQuo {
  double first_review_day = 28;
  double review_every_days = 28;
  double review_hour = 10;
  Distribution decision_hours = Distribution::uniform(24, 120);
  // The days a review looks back over (0: each rule's own window); a monthly review that reads
  // the month's average sees a trend later than a rolling week does.
  std::uint32_t window_days = 0;
  std::vector<std::uint32_t> rules;  // indexes into ControlTower::rules
};

// Moving stock between nodes: a truck per shipment, plus handling per unit.
struct Freight {
  Cents per_shipment_cents = 0;
  Cents per_unit_cents = 0;
};

// What holding and moving stock and paying staff cost beyond any one order (the rest of the cost
// to serve). The defaults and their sources are in scenarios/README.md.
struct Costs {
  double holding_rate_per_year = 0.25;  // of unit cost, per unit on hand for a year
  Cents purchase_order_cents = 3588;    // per purchase order a DC sends its supplier
  Freight store_delivery{25000, 0};     // DC -> store replenishment
  Freight transfer{25000, 0};           // transfer_inventory moves
  Cents picker_hour_cents = 2542;       // a DC picker on duty for an hour, fully loaded
  Cents agent_hour_cents = 2264;        // a contact-centre agent on duty for an hour
  double flexible_premium = 1.5;        // an add_labour hour costs this times the hourly rate
};

struct Kpi {
  double report_latency_minutes = 10;
  // The start-up transient: days excluded from every spine metric, kept in the daily files.
  std::uint32_t warmup_days = 0;
  // The pick service level counts online orders a picker started within this wait.
  double pick_wait_target_minutes = 60;
  // Keep each DC's and store's days (stock position, receipts, replenishment orders by category)
  // and write them (nodes.csv, replenishment.csv): rows grow as days x nodes x categories.
  bool node_days = false;
};

// What a customer lives through on a touch with the retailer; each shifts their satisfaction.
enum class Experience : std::uint8_t {
  on_time,             // an order delivered (or ready, or bought in store) when promised
  late,                // delivered after its promise
  cancelled,           // an order line cancelled
  damaged,             // delivered damaged
  promo_mismatch,      // an advertised discount that was not there
  stockout,            // the wanted SKU unavailable
  backorder_accepted,  // told "out of stock, ships in N days" and waited
  contact_wait,        // waited longer than the answer target for an agent, or hung up
  appeasement,         // a credit from customer service
  returned,            // sent a unit back
};
inline constexpr std::size_t kExperiences = 10;
inline constexpr std::array<const char*, kExperiences> kExperienceNames = {
    "on_time",        "late",     "cancelled",          "damaged",
    "promo_mismatch", "stockout", "backorder_accepted", "contact_wait",
    "appeasement",    "returned"};

// Customers who remember (a base per zone; absent from the document: visits are anonymous).
// Satisfaction s in [-1, 1] starts at 0, moves by each experience's effect, decays towards 0 with
// a half-life, and drives the visit rate (x exp(visit_sensitivity s)) and the churn hazard
// (x exp(-churn_sensitivity s)). The defaults and their sources are in scenarios/README.md.
struct Customers {
  bool enabled = false;
  std::uint32_t initial = 100'000;  // identified customers at the start, chain-wide
  double visit_rate_shape = 1;      // gamma shape of the visit rates across customers (NBD)
  double churn_per_year = 0.5;      // a neutral customer's churn hazard
  // New customers a day, chain-wide, besides those ads bring; default: churn_per_year / 365 x
  // initial, the birth-death steady state at the initial base.
  std::optional<double> acquisition_per_day;
  double ad_acquired_churn_multiplier = 2;  // an ad-acquired customer is new and fragile
  double satisfaction_half_life_days = 60;
  double visit_sensitivity = 0.4;
  double churn_sensitivity = 1.4;
  std::array<double, kExperiences> effects = {0.05, -0.15, -0.3, -0.25, -0.15,
                                              -0.1, -0.05, -0.1, 0.1,   -0.05};
  double win_back_probability = 0.1;  // a churned customer comes back, some day
  double win_back_mean_days = 90;     // ... after this long on average
  // The NPS proxy: after each order closes, promoters are at or above, detractors at or below.
  double promoter_min_satisfaction = 0.05;
  double detractor_max_satisfaction = -0.1;
  // Lifetime value lost at a churn: the customer's expected margin over the horizon, discounted.
  double discount_rate_per_year = 0.1;
  double lifetime_horizon_years = 3;
  double daily_acquisition() const {
    return acquisition_per_day ? *acquisition_per_day : churn_per_year / 365 * initial;
  }
};

// The most replications a scenario's "replications", --reps or --max-reps asks for.
inline constexpr std::uint32_t kMaxReplications = 1'000'000;

struct Scenario {
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  std::uint32_t replications = 1;
  std::uint32_t horizon_days = 0;
  Catalog catalog;
  std::vector<Zone> zones;
  std::vector<Store> stores;
  std::vector<Dc> dcs;
  std::vector<Carrier> carriers;
  std::array<ChannelConfig, kChannels> channels;
  Demand demand;
  AvailabilityView availability;
  Orders orders;
  Returns returns;
  CustomerService service;
  std::vector<Promotion> promotions;
  Advertising advertising;
  ControlTower control_tower;
  StatusQuo status_quo;
  Costs costs;
  Customers customers;
  Kpi kpi;
};

}  // namespace retail

// The field lists of every scenario object kind, in the order schema.json documents them.
#include "models/scenario/format.hpp"

#include <array>

#include "models/scenario/scenario.hpp"

namespace retail::scenario {

namespace {

template <std::size_t N>
using Fields = std::array<std::string_view, N>;

// Fields named after the values of an enum, in the enum's order: the names come from
// models/scenario/scenario.hpp, which the parser indexes by enum value.
template <std::size_t N>
constexpr Fields<N> named_after(const std::array<const char*, N>& names) {
  Fields<N> fields{};
  for (std::size_t i = 0; i < N; ++i)
    fields[i] = names[i];
  return fields;
}

constexpr Fields<24> kScenario{"name",
                               "description",
                               "extends",
                               "seed",
                               "replications",
                               "horizon_days",
                               "catalog",
                               "network",
                               "replenishment",
                               "initial_days_of_cover",
                               "channels",
                               "demand",
                               "carriers",
                               "availability",
                               "orders",
                               "returns",
                               "customer_service",
                               "promotions",
                               "advertising",
                               "control_tower",
                               "status_quo",
                               "costs",
                               "customers",
                               "kpi"};
constexpr Fields<2> kCatalog{"categories", "skus"};
constexpr Fields<10> kSku{"name",      "category",    "list_price",        "price",
                          "unit_cost", "hero",        "return_propensity", "base_demand_per_day",
                          "case_pack", "supplier_moq"};
constexpr Fields<4> kNetwork{"zones", "dcs", "stores", "lanes"};
constexpr Fields<4> kZone{"name", "demand_weight", "dc", "carrier"};
constexpr Fields<8> kDc{"name",
                        "pickers",
                        "shifts",
                        "pick_minutes",
                        "supplier_lead_days",
                        "handling_hours",
                        "replenishment",
                        "initial_days_of_cover"};
constexpr Fields<4> kShift{"staff", "start_hour", "hours", "days"};
constexpr Fields<7> kStore{"name",
                           "zone",
                           "demand_weight",
                           "online_allocation",
                           "ship_from_store",
                           "replenishment",
                           "initial_days_of_cover"};
constexpr Fields<3> kLane{"from", "to", "transit_hours"};
constexpr Fields<2> kNodePolicies{"stores", "dcs"};
constexpr Fields<kChannels> kChannelFields = named_after(kChannelNames);
constexpr Fields<7> kChannel{"demand_weight",        "day_of_week", "hour_of_day",      "service",
                             "backorder_acceptance", "basket_size", "category_affinity"};
constexpr Fields<3> kDemand{"price_elasticity", "out_of_stock", "promo_mismatch"};
constexpr Fields<4> kOutOfStock{"substitute", "defer", "defer_hours", "max_deferrals"};
constexpr Fields<2> kPromoMismatch{"abandon", "return_uplift"};
constexpr Fields<7> kCarrier{"name",           "pickup_cutoff_hour", "capacity_per_day",
                             "exception_rate", "damage_share",       "late_scan_delay_hours",
                             "services"};
constexpr Fields<kServices> kCarrierServices = named_after(kServiceNames);
constexpr Fields<3> kServiceLevel{"transit_days", "promise_days", "cost"};
constexpr Fields<4> kAvailability{"sync_interval_minutes", "latency_minutes",
                                  "marketplace_feed_hours", "safety_stock_units"};
constexpr Fields<8> kOrders{"oversell",
                            "routing_latency_minutes",
                            "promise_handling_hours",
                            "bopis_ready_hours",
                            "bopis_pickup_delay_hours",
                            "reship_damaged",
                            "offer_backorders",
                            "line_routing"};
constexpr Fields<14> kReturns{"reasons",
                              "sizing_content_quality",
                              "sizing_sensitivity",
                              "packaging_standard",
                              "packaging_sensitivity",
                              "decision_days",
                              "transit_days",
                              "grading_hours",
                              "refurbish_days",
                              "label_cost",
                              "handling_cost",
                              "refurbish_cost",
                              "destroy_cost",
                              "liquidation_recovery"};
constexpr Fields<kReturnReasons> kReturnReasonFields = named_after(kReturnReasonNames);
constexpr Fields<3> kReturnReason{"share", "drift_per_day", "disposition"};
constexpr Fields<kDispositions> kDisposition = named_after(kDispositionNames);
constexpr Fields<9> kCustomerService{"reasons",
                                     "agents",
                                     "shifts",
                                     "handle_minutes",
                                     "cost_per_contact",
                                     "wait_appeasement_per_hour",
                                     "marketplace_chargeback",
                                     "answer_target_seconds",
                                     "patience_minutes"};
constexpr Fields<kContactReasons> kContactReasonFields = named_after(kContactReasonNames);
constexpr Fields<3> kContactReason{"probability", "appeasement_rate", "appeasement"};
constexpr Fields<12> kPromotion{"name",
                                "skus",
                                "categories",
                                "discount",
                                "start_day",
                                "end_day",
                                "execution",
                                "misapplied_share",
                                "misapplied_discount",
                                "preflight",
                                "announced_to_planners",
                                "planning_lead_days"};
constexpr Fields<2> kChannelExecution{"lag_hours", "error_probability"};
constexpr Fields<3> kPreflightGate{"enabled", "detection_probability", "max_delay_hours"};
constexpr Fields<2> kAdvertising{"programs", "scaling"};
constexpr Fields<11> kAdProgram{"name",
                                "channel",
                                "skus",
                                "categories",
                                "daily_budget",
                                "max_daily_budget",
                                "adstock_decay",
                                "max_lift",
                                "half_saturation",
                                "hill_exponent",
                                "announced_to_planners"};
constexpr Fields<4> kAdScaling{"enabled", "roas_target", "step", "window_days"};
constexpr Fields<3> kControlTower{"evaluation_hour", "review", "rules"};
constexpr Fields<2> kWeeklyReview{"day", "hour"};
constexpr Fields<13> kRule{"name",
                           "metric",
                           "scope",
                           "window_days",
                           "comparator",
                           "threshold",
                           "sustained_for_hours",
                           "owner",
                           "timebox_hours",
                           "decision_hours",
                           "cooldown_hours",
                           "cadence",
                           "actions"};
constexpr Fields<4> kRuleScope{"channel", "category", "zone", "node"};
constexpr Fields<6> kStatusQuo{"first_review_day", "review_every_days", "review_hour",
                               "decision_hours",   "window_days",       "rules"};
// Actions: the tag and delay of every kind, then the kind's own fields.
constexpr Fields<4> kCutAds{"action", "delay_hours", "program", "factor"};
constexpr Fields<3> kProgramAction{"action", "delay_hours", "program"};
constexpr Fields<5> kPivotAds{"action", "delay_hours", "program", "skus", "categories"};
constexpr Fields<8> kTransferInventory{"action", "delay_hours", "from",  "to",
                                       "skus",   "categories",  "share", "transit_hours"};
constexpr Fields<4> kWidenPromise{"action", "delay_hours", "zone", "hours"};
constexpr Fields<4> kSwitchCarrier{"action", "delay_hours", "zone", "carrier"};
constexpr Fields<4> kExpedite{"action", "delay_hours", "channel", "zone"};
constexpr Fields<4> kPromotionAction{"action", "delay_hours", "promotion", "channel"};
constexpr Fields<2> kFreezePromos{"action", "delay_hours"};
constexpr Fields<3> kValueAction{"action", "delay_hours", "value"};
constexpr Fields<4> kTightenDisposition{"action", "delay_hours", "reason", "disposition"};
constexpr Fields<6> kAddLabour{"action", "delay_hours", "station", "dc", "staff", "hours"};
// In the order of Action::Kind (models/scenario/scenario.hpp).
constexpr Fields<Action::kKinds> kActionKinds = named_after(kActionNames);
constexpr Fields<7> kCosts{"holding_rate_per_year", "purchase_order", "store_delivery",  "transfer",
                           "picker_hour",           "agent_hour",     "flexible_premium"};
constexpr Fields<2> kFreight{"per_shipment", "per_unit"};
constexpr Fields<15> kCustomers{"initial",
                                "visit_rate_shape",
                                "churn_per_year",
                                "acquisition_per_day",
                                "ad_acquired_churn_multiplier",
                                "satisfaction_half_life_days",
                                "visit_sensitivity",
                                "churn_sensitivity",
                                "effects",
                                "win_back_probability",
                                "win_back_mean_days",
                                "promoter_min_satisfaction",
                                "detractor_max_satisfaction",
                                "discount_rate_per_year",
                                "lifetime_horizon_years"};
// In the order of Experience (models/scenario/scenario.hpp).
constexpr Fields<kExperiences> kExperienceEffects = named_after(kExperienceNames);
constexpr Fields<4> kKpi{"report_latency_minutes", "warmup_days", "node_days",
                         "pick_wait_target_minutes"};
// In the order of Distribution::Kind (models/mechanics/distribution.hpp).
constexpr Fields<5> kDistributionKinds{"fixed", "uniform", "exponential", "triangular",
                                       "lognormal"};
constexpr Fields<2> kFixed{"distribution", "value"};
constexpr Fields<3> kUniform{"distribution", "min", "max"};
constexpr Fields<2> kExponential{"distribution", "mean"};
constexpr Fields<4> kTriangular{"distribution", "min", "mode", "max"};
constexpr Fields<3> kLognormal{"distribution", "mean", "sd"};
constexpr Fields<5> kSS{"policy", "reorder_point", "order_up_to", "unit", "review_every_hours"};
constexpr Fields<4> kBaseStock{"policy", "level", "unit", "review_every_hours"};
constexpr Fields<5> kForecastOrderUpTo{"policy", "forecast", "review_days", "safety_factor",
                                       "forecast_error_window_days"};
// In the order of ReplenishmentPolicy::Kind (models/scenario/scenario.hpp).
constexpr Fields<3> kPolicyKinds{"s_S", "base_stock", "forecast_order_up_to"};
constexpr Fields<2> kMovingAverage{"method", "window_days"};
constexpr Fields<2> kExponentialSmoothing{"method", "alpha"};
// In the order of Forecast::Method (models/scenario/scenario.hpp).
constexpr Fields<2> kForecastMethods{"moving_average", "exponential_smoothing"};

}  // namespace

namespace formats {
constexpr ObjectFormat scenario{"scenario", kScenario};
constexpr ObjectFormat catalog{"catalog", kCatalog};
constexpr ObjectFormat sku{"sku", kSku};
constexpr ObjectFormat network{"network", kNetwork};
constexpr ObjectFormat zone{"zone", kZone};
constexpr ObjectFormat dc{"dc", kDc};
constexpr ObjectFormat shift{"shift", kShift};
constexpr ObjectFormat store{"store", kStore};
constexpr ObjectFormat lane{"lane", kLane};
constexpr ObjectFormat node_policies{"node_policies", kNodePolicies};
constexpr ObjectFormat initial_cover{"initial_cover", kNodePolicies};
constexpr ObjectFormat channels{"channels", kChannelFields};
constexpr ObjectFormat channel{"channel", kChannel};
constexpr ObjectFormat demand{"demand", kDemand};
constexpr ObjectFormat out_of_stock{"out_of_stock", kOutOfStock};
constexpr ObjectFormat promo_mismatch{"promo_mismatch", kPromoMismatch};
constexpr ObjectFormat carrier{"carrier", kCarrier};
constexpr ObjectFormat carrier_services{"carrier_services", kCarrierServices};
constexpr ObjectFormat service_level{"service_level", kServiceLevel};
constexpr ObjectFormat availability{"availability", kAvailability};
constexpr ObjectFormat orders{"orders", kOrders};
constexpr ObjectFormat returns{"returns", kReturns};
constexpr ObjectFormat return_reasons{"return_reasons", kReturnReasonFields};
constexpr ObjectFormat return_reason{"return_reason", kReturnReason};
constexpr ObjectFormat disposition{"disposition", kDisposition};
constexpr ObjectFormat customer_service{"customer_service", kCustomerService};
constexpr ObjectFormat contact_reasons{"contact_reasons", kContactReasonFields};
constexpr ObjectFormat contact_reason{"contact_reason", kContactReason};
constexpr ObjectFormat promotion{"promotion", kPromotion};
constexpr ObjectFormat promotion_execution{"promotion_execution", kChannelFields};
constexpr ObjectFormat channel_execution{"channel_execution", kChannelExecution};
constexpr ObjectFormat preflight_gate{"preflight_gate", kPreflightGate};
constexpr ObjectFormat advertising{"advertising", kAdvertising};
constexpr ObjectFormat ad_program{"ad_program", kAdProgram};
constexpr ObjectFormat ad_scaling{"ad_scaling", kAdScaling};
constexpr ObjectFormat control_tower{"control_tower", kControlTower};
constexpr ObjectFormat weekly_review{"weekly_review", kWeeklyReview};
constexpr ObjectFormat rule{"rule", kRule};
constexpr ObjectFormat rule_scope{"rule_scope", kRuleScope};
constexpr ObjectFormat status_quo{"status_quo", kStatusQuo};
constexpr ObjectFormat costs{"costs", kCosts};
constexpr ObjectFormat freight{"freight", kFreight};
constexpr ObjectFormat customers{"customers", kCustomers};
constexpr ObjectFormat experience_effects{"experience_effects", kExperienceEffects};
constexpr ObjectFormat kpi{"kpi", kKpi};
constexpr ObjectFormat fixed{"distribution_fixed", kFixed};
constexpr ObjectFormat uniform{"distribution_uniform", kUniform};
constexpr ObjectFormat exponential{"distribution_exponential", kExponential};
constexpr ObjectFormat triangular{"distribution_triangular", kTriangular};
constexpr ObjectFormat lognormal{"distribution_lognormal", kLognormal};
constexpr ObjectFormat s_S{"policy_s_S", kSS};
constexpr ObjectFormat base_stock{"policy_base_stock", kBaseStock};
constexpr ObjectFormat forecast_order_up_to{"policy_forecast_order_up_to", kForecastOrderUpTo};
constexpr ObjectFormat moving_average{"forecast_moving_average", kMovingAverage};
constexpr ObjectFormat exponential_smoothing{"forecast_exponential_smoothing",
                                             kExponentialSmoothing};
}  // namespace formats

namespace {
constexpr ObjectFormat kCutAdsFormat{"action_cut_ads", kCutAds};
constexpr ObjectFormat kPauseAdsFormat{"action_pause_ads", kProgramAction};
constexpr ObjectFormat kResumeAdsFormat{"action_resume_ads", kProgramAction};
constexpr ObjectFormat kPivotAdsFormat{"action_pivot_ads", kPivotAds};
constexpr ObjectFormat kTransferInventoryFormat{"action_transfer_inventory", kTransferInventory};
constexpr ObjectFormat kWidenPromiseFormat{"action_widen_promise", kWidenPromise};
constexpr ObjectFormat kSwitchCarrierFormat{"action_switch_carrier", kSwitchCarrier};
constexpr ObjectFormat kExpediteFormat{"action_expedite", kExpedite};
constexpr ObjectFormat kPausePromoFormat{"action_pause_promo", kPromotionAction};
constexpr ObjectFormat kFixPromoFormat{"action_fix_promo", kPromotionAction};
constexpr ObjectFormat kFreezePromosFormat{"action_freeze_promos", kFreezePromos};
constexpr ObjectFormat kUpdateSizingContentFormat{"action_update_sizing_content", kValueAction};
constexpr ObjectFormat kChangePackagingFormat{"action_change_packaging", kValueAction};
constexpr ObjectFormat kTightenDispositionFormat{"action_tighten_disposition", kTightenDisposition};
constexpr ObjectFormat kAddLabourFormat{"action_add_labour", kAddLabour};
constexpr std::array<const ObjectFormat*, kActionKinds.size()> kActionFormats{
    &kCutAdsFormat,          &kPauseAdsFormat,           &kResumeAdsFormat,
    &kPivotAdsFormat,        &kTransferInventoryFormat,  &kWidenPromiseFormat,
    &kSwitchCarrierFormat,   &kExpediteFormat,           &kPausePromoFormat,
    &kFixPromoFormat,        &kFreezePromosFormat,       &kUpdateSizingContentFormat,
    &kChangePackagingFormat, &kTightenDispositionFormat, &kAddLabourFormat};
}  // namespace

namespace formats {
constexpr TaggedFormat action{"action", "action", kActionKinds, kActionFormats};
}  // namespace formats

namespace {
constexpr std::array<const ObjectFormat*, kDistributionKinds.size()> kDistributionFormats{
    &formats::fixed, &formats::uniform, &formats::exponential, &formats::triangular,
    &formats::lognormal};
constexpr std::array<const ObjectFormat*, kPolicyKinds.size()> kPolicyFormats{
    &formats::s_S, &formats::base_stock, &formats::forecast_order_up_to};
constexpr std::array<const ObjectFormat*, kForecastMethods.size()> kForecastFormats{
    &formats::moving_average, &formats::exponential_smoothing};
}  // namespace

namespace formats {
constexpr TaggedFormat distribution{"distribution", "distribution", kDistributionKinds,
                                    kDistributionFormats};
constexpr TaggedFormat policy{"policy", "policy", kPolicyKinds, kPolicyFormats};
constexpr TaggedFormat forecast{"forecast", "method", kForecastMethods, kForecastFormats};
}  // namespace formats

std::span<const ObjectFormat* const> all_object_formats() {
  using namespace formats;
  static constexpr std::array kAll{
      // The document and its sections.
      &scenario, &catalog, &sku, &network, &zone, &dc, &shift, &store, &lane, &node_policies,
      &initial_cover, &channels, &channel, &demand, &out_of_stock, &promo_mismatch, &carrier,
      &carrier_services, &service_level, &availability, &orders, &returns, &return_reasons,
      &return_reason, &disposition, &customer_service, &contact_reasons, &contact_reason,
      &promotion, &promotion_execution, &channel_execution, &preflight_gate, &advertising,
      &ad_program, &ad_scaling, &control_tower, &weekly_review, &rule, &rule_scope, &status_quo,
      &costs, &freight, &customers, &experience_effects, &kpi,
      // The kinds of control-tower action.
      &kCutAdsFormat, &kPauseAdsFormat, &kResumeAdsFormat, &kPivotAdsFormat,
      &kTransferInventoryFormat, &kWidenPromiseFormat, &kSwitchCarrierFormat, &kExpediteFormat,
      &kPausePromoFormat, &kFixPromoFormat, &kFreezePromosFormat, &kUpdateSizingContentFormat,
      &kChangePackagingFormat, &kTightenDispositionFormat, &kAddLabourFormat,
      // The shapes of DIST and POLICY values, and a policy's forecast.
      &fixed, &uniform, &exponential, &triangular, &lognormal, &s_S, &base_stock,
      &forecast_order_up_to, &moving_average, &exponential_smoothing};
  return kAll;
}

std::span<const TaggedFormat* const> all_tagged_formats() {
  static constexpr std::array kAll{&formats::action, &formats::distribution, &formats::policy,
                                   &formats::forecast};
  return kAll;
}

}  // namespace retail::scenario

// Scenario loading: the example converts as expected; every kind of bad input is a ScenarioError
// naming the JSON pointer, the value and what was expected; extends and --set overrides.
#include "models/scenario/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>

#include "models/metrics/kpi.hpp"

namespace {

using nlohmann::json;
using retail::ScenarioError;
using testing::AllOf;
using testing::HasSubstr;
using testing::StartsWith;

const std::filesystem::path kSmall = OMNISIM_SOURCE_DIR "/scenarios/examples/small.json";

json small_document() {
  return retail::load_scenario(kSmall).document;
}

// The document with the value at `pointer` replaced.
json with(json document, const std::string& pointer, json value) {
  document[json::json_pointer(pointer)] = std::move(value);
  return document;
}

json without(json document, const std::string& pointer) {
  const json::json_pointer p(pointer);
  json& parent = document[p.parent_pointer()];
  if (parent.is_array())
    parent.erase(std::stoul(p.back()));
  else
    parent.erase(p.back());
  return document;
}

// The message parse_scenario rejects `document` with ("" if it accepts it).
std::string error_of(const json& document) {
  try {
    retail::parse_scenario(document);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

std::string override_error(std::string_view assignment) {
  json document = small_document();
  try {
    retail::apply_override(document, assignment);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

// The example with every commercial lever: promotion mismatch behaviour, re-ships, the
// promo_mismatch contact reason, two promotions back to back and two ad programs with scaling.
json levers_document() {
  json d = small_document();
  d["demand"]["promo_mismatch"] = {{"abandon", 0.35}, {"return_uplift", 0.05}};
  d["orders"]["reship_damaged"] = true;
  d["customer_service"]["reasons"]["promo_mismatch"] = {
      {"probability", 0.2}, {"appeasement_rate", 0.5}, {"appeasement", 7.5}};
  const json store_lag = {{"distribution", "uniform"}, {"min", 2}, {"max", 10}};
  d["promotions"] = {
      {{"name", "spring"},
       {"skus", {"SKU-020", "SKU-007", "SKU-017"}},  // SKU-007 is footwear too: counted once
       {"categories", {"footwear"}},
       {"discount", 0.25},
       {"start_day", 7},
       {"end_day", 14.5},
       {"execution",
        {{"store", {{"lag_hours", store_lag}, {"error_probability", 0.05}}},
         {"marketplace", {{"lag_hours", 12}}}}},
       {"misapplied_share", 0.3},
       {"misapplied_discount", 0.5},
       {"preflight", {{"enabled", true}, {"detection_probability", 0.8}, {"max_delay_hours", 48}}},
       {"planning_lead_days", 3.5}},
      // Starts as spring ends: they share SKU-007 without overlapping.
      {{"name", "clearance"},
       {"skus", {"SKU-007"}},
       {"discount", 0.5},
       {"start_day", 14.5},
       {"end_day", 80}}};
  d["advertising"] = {
      {"programs",
       {{{"name", "search"},
         {"channel", "web"},
         {"categories", {"apparel"}},
         {"daily_budget", 250},
         {"max_daily_budget", 1000},
         {"adstock_decay", 0.6},
         {"max_lift", 0.8},
         {"half_saturation", 400},
         {"hill_exponent", 2},
         {"announced_to_planners", false}},
        // Another channel: it may advertise a SKU search advertises.
        {{"name", "sponsored"},
         {"channel", "marketplace"},
         {"skus", {"SKU-001"}},
         {"daily_budget", 50.005}}}},
      {"scaling", {{"enabled", true}, {"roas_target", 3}, {"step", 0.2}, {"window_days", 14}}}};
  return d;
}

// The example with a control tower of two rules between them taking every kind of action, and a
// status quo that reviews one of them. The example has the promotion "apparel-weekend" and the ad
// program "web-heroes"; its one DC is node 0 and its stores nodes 1 to 5.
json control_document() {
  json d = small_document();
  d["control_tower"] = {
      {"evaluation_hour", 7.5},
      {"review", {{"day", "thursday"}, {"hour", 9}}},
      {"rules",
       {{{"name", "cancellations"},
         {"metric", "cancellation_rate"},
         {"scope", {{"channel", "web"}, {"zone", "north"}}},
         {"window_days", 3},
         {"comparator", ">"},
         {"threshold", 0.02},
         {"sustained_for_hours", 72},
         {"owner", "ecommerce-ops"},
         {"timebox_hours", 36},
         {"decision_hours",
          {{"distribution", "triangular"}, {"min", 4}, {"mode", 12}, {"max", 36}}},
         {"cooldown_hours", 336},
         {"actions",
          {{{"action", "cut_ads"}, {"program", "web-heroes"}, {"factor", 0.5}},
           {{"action", "widen_promise"}, {"hours", 24}},
           {{"action", "expedite"},
            {"channel", "marketplace"},
            {"zone", "south"},
            {"delay_hours", 2}},
           {{"action", "switch_carrier"}, {"zone", "north"}, {"carrier", "swiftship"}},
           {{"action", "pause_promo"}, {"promotion", "apparel-weekend"}, {"channel", "store"}},
           {{"action", "fix_promo"}, {"promotion", "apparel-weekend"}}}}},
        {{"name", "footwear-availability"},
         {"metric", "in_stock_rate"},
         {"scope", {{"node", "store-north-2"}, {"category", "footwear"}}},
         {"comparator", "<="},
         {"threshold", 0.9},
         {"owner", "supply-planning"},
         {"timebox_hours", 96},
         {"cadence", "weekly"},
         {"actions",
          {{{"action", "transfer_inventory"},
            {"from", "dc-east"},
            {"to", "store-north-2"},
            {"categories", {"footwear"}},
            {"skus", {"SKU-001"}},
            {"share", 0.5},
            {"transit_hours", 12}},
           {{"action", "pivot_ads"}, {"program", "web-heroes"}, {"skus", {"SKU-003"}}},
           {{"action", "pause_ads"}, {"program", "web-heroes"}, {"delay_hours", 1}},
           {{"action", "resume_ads"}, {"program", "web-heroes"}, {"delay_hours", 168}},
           {{"action", "freeze_promos"}},
           {{"action", "update_sizing_content"}, {"value", 0.9}},
           {{"action", "change_packaging"}, {"value", 0.8}},
           {{"action", "tighten_disposition"},
            {"reason", "damaged"},
            {"disposition", {{"restock", 0.1}, {"liquidate", 0.3}}}},
           {{"action", "fix_promo"}, {"promotion", "apparel-weekend"}, {"channel", "bopis"}}}}}}}};
  d["status_quo"] = {{"first_review_day", 14}, {"review_every_days", 7},
                     {"review_hour", 11},      {"decision_hours", 48},
                     {"window_days", 28},      {"rules", {"footwear-availability"}}};
  return d;
}

// The pointer of action `a` of rule `r` in control_document().
std::string action_at(int r, int a) {
  return "/control_tower/rules/" + std::to_string(r) + "/actions/" + std::to_string(a);
}

TEST(ScenarioExample, LoadsWithTheExpectedShape) {
  const retail::LoadedScenario loaded = retail::load_scenario(kSmall);
  const retail::Scenario& s = loaded.scenario;
  EXPECT_EQ(s.name, "small example");
  EXPECT_FALSE(s.description.empty());
  EXPECT_EQ(s.seed, 42u);
  EXPECT_EQ(s.replications, 10u);
  EXPECT_EQ(s.horizon_days, 56u);
  EXPECT_EQ(s.stores.size(), 5u);
  EXPECT_EQ(s.zones.size(), 3u);
  EXPECT_EQ(s.dcs.size(), 1u);
  EXPECT_EQ(s.carriers.size(), 2u);
  EXPECT_EQ(s.catalog.skus.size(), 20u);
  EXPECT_EQ(s.catalog.categories.size(), 4u);
  EXPECT_EQ(std::ranges::count_if(s.catalog.skus, [](const retail::Sku& sku) { return sku.hero; }),
            2);
  EXPECT_EQ(loaded.document["name"], "small example");
}

TEST(ScenarioExample, ConvertsMoneyReferencesAndDefaults) {
  const retail::Scenario s = retail::load_scenario(kSmall).scenario;
  const retail::Sku& markdown = s.catalog.skus[2];
  EXPECT_EQ(markdown.list_price_cents, 4999);
  EXPECT_EQ(markdown.price_cents, 4499);
  EXPECT_EQ(markdown.unit_cost_cents, 2000);
  EXPECT_EQ(s.catalog.skus[0].price_cents, s.catalog.skus[0].list_price_cents);
  EXPECT_EQ(s.catalog.categories[s.catalog.skus[6].category], "footwear");
  EXPECT_EQ(s.carriers[1].services[1].cost_cents, 1500);
  EXPECT_EQ(s.carriers[0].services[1].transit_days.kind, retail::Distribution::Kind::fixed);
  EXPECT_EQ(s.zones[2].carrier, 1u);
  EXPECT_EQ(s.stores[3].zone, 2u);
  EXPECT_EQ(s.stores[3].lane_transit_hours.describe(), "triangular(20, 28, 48)");
  EXPECT_TRUE(s.stores[0].replenishment.in_days_of_cover);
  EXPECT_EQ(s.stores[0].replenishment.order_up_to, 12);
  EXPECT_EQ(s.stores[0].initial_days_of_cover, 10);
  EXPECT_EQ(s.stores[4].replenishment.order_up_to, 14);  // its own policy
  EXPECT_EQ(s.stores[4].initial_days_of_cover, 12);
  EXPECT_EQ(s.dcs[0].initial_days_of_cover, 21);
  EXPECT_EQ(s.dcs[0].pick_minutes.describe(), "lognormal(mean 6, sd 2)");
  EXPECT_EQ(s.demand.out_of_stock.defer_hours.describe(), "uniform(24, 72)");
}

TEST(ScenarioExample, NormalizesSharesAndProfiles) {
  const retail::Scenario s = retail::load_scenario(kSmall).scenario;
  double zones = 0, channels = 0;
  for (const retail::Zone& z : s.zones)
    zones += z.demand_share;
  for (const retail::ChannelConfig& c : s.channels)
    channels += c.demand_share;
  EXPECT_DOUBLE_EQ(zones, 1);
  EXPECT_DOUBLE_EQ(channels, 1);
  EXPECT_DOUBLE_EQ(s.zones[0].demand_share, 3.0 / 7);
  EXPECT_DOUBLE_EQ(s.channels[0].demand_share, 0.55);
  EXPECT_DOUBLE_EQ(s.stores[0].demand_share, 0.6);  // 1.2 of 2 in the north zone
  EXPECT_DOUBLE_EQ(s.stores[2].demand_share, 1);
  for (const retail::ChannelConfig& c : s.channels) {
    EXPECT_NEAR(std::accumulate(c.day_of_week.begin(), c.day_of_week.end(), 0.0), 7, 1e-9);
    EXPECT_NEAR(std::accumulate(c.hour_of_day.begin(), c.hour_of_day.end(), 0.0), 24, 1e-9);
  }
  EXPECT_EQ(s.channels[0].hour_of_day[3], 0);
}

TEST(ScenarioExample, ReadsReturns) {
  const retail::Returns r = retail::load_scenario(kSmall).scenario.returns;
  using retail::Disposition;
  using retail::ReturnReason;
  const auto reason = [&](ReturnReason why) { return r.reasons[static_cast<std::size_t>(why)]; };
  const auto p = [](const retail::ReturnReasonConfig& c, Disposition d) {
    return c.disposition[static_cast<std::size_t>(d)];
  };
  EXPECT_DOUBLE_EQ(reason(ReturnReason::size_fit).share, 0.45);
  EXPECT_DOUBLE_EQ(reason(ReturnReason::changed_mind).share, 0.25);
  EXPECT_DOUBLE_EQ(p(reason(ReturnReason::size_fit), Disposition::restock), 0.85);
  EXPECT_DOUBLE_EQ(p(reason(ReturnReason::damaged), Disposition::destroy), 0.4);
  EXPECT_EQ(p(reason(ReturnReason::damaged), Disposition::restock), 0);  // missing: 0
  EXPECT_EQ(reason(ReturnReason::damaged).drift_per_day, 0);
  EXPECT_DOUBLE_EQ(r.sizing_content_quality, 0.85);
  EXPECT_EQ(r.decision_days.describe(), "uniform(3, 14)");
  EXPECT_EQ(r.transit_days.describe(), "uniform(2, 5)");
  EXPECT_EQ(r.grading_hours.describe(), "uniform(24, 72)");
  EXPECT_EQ(r.label_cost_cents, 650);
  EXPECT_EQ(r.handling_cost_cents, 300);
  double shares = 0;
  for (const retail::ReturnReasonConfig& c : r.reasons) {
    shares += c.share;
    EXPECT_NEAR(std::accumulate(c.disposition.begin(), c.disposition.end(), 0.0), 1, 1e-12);
  }
  EXPECT_NEAR(shares, 1, 1e-12);
}

TEST(ScenarioExample, ReadsCustomerService) {
  const retail::CustomerService cs = retail::load_scenario(kSmall).scenario.service;
  using retail::ContactReason;
  const auto reason = [&](ContactReason why) { return cs.reasons[static_cast<std::size_t>(why)]; };
  EXPECT_DOUBLE_EQ(reason(ContactReason::late_delivery).probability, 0.3);
  EXPECT_DOUBLE_EQ(reason(ContactReason::late_delivery).appeasement_rate, 0.25);
  EXPECT_EQ(reason(ContactReason::late_delivery).appeasement_cents, 1000);
  EXPECT_DOUBLE_EQ(reason(ContactReason::cancellation).probability, 0.4);
  EXPECT_DOUBLE_EQ(reason(ContactReason::cancellation).appeasement_rate, 0.3);
  EXPECT_EQ(reason(ContactReason::cancellation).appeasement_cents, 500);
  EXPECT_DOUBLE_EQ(reason(ContactReason::damaged).probability, 0.6);
  EXPECT_DOUBLE_EQ(reason(ContactReason::damaged).appeasement_rate, 0.5);
  EXPECT_EQ(reason(ContactReason::damaged).appeasement_cents, 1500);
  EXPECT_DOUBLE_EQ(reason(ContactReason::return_request).probability, 0.15);
  EXPECT_DOUBLE_EQ(reason(ContactReason::return_request).appeasement_rate, 0.05);
  EXPECT_EQ(reason(ContactReason::return_request).appeasement_cents, 500);
  EXPECT_EQ(cs.agents, retail::Staffing::around_the_clock(3));
  EXPECT_EQ(cs.handle_minutes.describe(), "exponential(mean 8)");
  EXPECT_EQ(cs.cost_per_contact_cents, 100);
  EXPECT_DOUBLE_EQ(cs.wait_appeasement_per_hour, 0.02);
  EXPECT_EQ(cs.marketplace_chargeback_cents, 500);
}

TEST(ScenarioDefaults, OptionalSectionsTakeConfigDefaults) {
  json d = small_document();
  for (const char* section :
       {"/demand", "/availability", "/orders", "/returns", "/customer_service", "/kpi", "/seed"})
    d = without(d, section);
  d = without(d, "/channels/web/hour_of_day");
  const retail::Scenario s = retail::parse_scenario(d);
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.demand.price_elasticity, retail::Demand{}.price_elasticity);
  EXPECT_EQ(s.demand.out_of_stock.substitute, 0);
  EXPECT_EQ(s.demand.out_of_stock.defer_hours.describe(), "fixed(24)");
  EXPECT_EQ(s.demand.out_of_stock.max_deferrals, 1u);
  EXPECT_EQ(s.availability.sync_interval_minutes, retail::AvailabilityView{}.sync_interval_minutes);
  EXPECT_EQ(s.orders.oversell, retail::Orders::Oversell::cancel);
  EXPECT_EQ(s.orders.bopis_pickup_delay_hours.describe(), "fixed(4)");
  EXPECT_EQ(s.kpi.report_latency_minutes, retail::Kpi{}.report_latency_minutes);
  EXPECT_EQ(s.channels[1].hour_of_day[0], 1);  // flat
}

TEST(ScenarioDefaults, ReturnsTakeConfigDefaults) {
  const retail::Returns defaults;
  for (const json& returns : {json(nullptr), json::object(), json{{"reasons", json::object()}}}) {
    SCOPED_TRACE(returns.dump());
    json d = small_document();
    if (returns.is_null())
      d = without(d, "/returns");
    else
      d["returns"] = returns;
    const retail::Returns r = retail::parse_scenario(d).returns;
    for (const retail::ReturnReasonConfig& reason : r.reasons) {
      EXPECT_EQ(reason.share, 0.25);
      EXPECT_EQ(reason.drift_per_day, 0);
      EXPECT_EQ(reason.disposition, (std::array<double, retail::kDispositions>{1, 0, 0, 0}));
    }
    EXPECT_EQ(r.sizing_content_quality, defaults.sizing_content_quality);
    EXPECT_EQ(r.sizing_sensitivity, defaults.sizing_sensitivity);
    EXPECT_EQ(r.packaging_standard, defaults.packaging_standard);
    EXPECT_EQ(r.packaging_sensitivity, defaults.packaging_sensitivity);
    EXPECT_EQ(r.decision_days.describe(), "fixed(7)");
    EXPECT_EQ(r.transit_days.describe(), "fixed(3)");
    EXPECT_EQ(r.grading_hours.describe(), "fixed(24)");
    EXPECT_EQ(r.refurbish_days.describe(), "fixed(7)");
    EXPECT_EQ(r.label_cost_cents, 600);
    EXPECT_EQ(r.handling_cost_cents, 300);
    EXPECT_EQ(r.refurbish_cost_cents, 500);
    EXPECT_EQ(r.destroy_cost_cents, 100);
    EXPECT_EQ(r.liquidation_recovery, defaults.liquidation_recovery);
  }
}

TEST(ScenarioDefaults, ReturnSharesAndDispositionsAreNormalized) {
  const json returns = {
      {"reasons",
       {{"size_fit", {{"share", 3}, {"drift_per_day", -0.01}}},
        {"damaged",
         {{"share", 1}, {"disposition", {{"restock", 0.5}, {"liquidate", 0.5}, {"destroy", 1}}}}},
        {"changed_mind", {{"share", 0}, {"disposition", {{"refurbish", 0.2}}}}}}},
      {"liquidation_recovery", 0.25},
      {"refurbish_cost", 4.5}};
  const retail::Returns r =
      retail::parse_scenario(with(small_document(), "/returns", returns)).returns;
  const double total = 3 + 1 + 0.25 + 0;  // not_as_described is left out: 0.25
  EXPECT_DOUBLE_EQ(r.reasons[0].share, 3 / total);
  EXPECT_DOUBLE_EQ(r.reasons[1].share, 1 / total);
  EXPECT_DOUBLE_EQ(r.reasons[2].share, 0.25 / total);
  EXPECT_EQ(r.reasons[3].share, 0);
  EXPECT_EQ(r.reasons[0].drift_per_day, -0.01);
  EXPECT_EQ(r.reasons[0].disposition, (std::array<double, 4>{1, 0, 0, 0}));  // no disposition
  EXPECT_EQ(r.reasons[1].disposition, (std::array<double, 4>{0.25, 0, 0.25, 0.5}));
  EXPECT_EQ(r.reasons[3].disposition, (std::array<double, 4>{0, 1, 0, 0}));
  EXPECT_EQ(r.liquidation_recovery, 0.25);
  EXPECT_EQ(r.refurbish_cost_cents, 450);
  EXPECT_EQ(r.label_cost_cents, 600);  // defaults for the rest
}

TEST(ScenarioDefaults, CustomerServiceTakesConfigDefaults) {
  const retail::CustomerService defaults;
  for (const json& service : {json(nullptr), json::object(), json{{"reasons", json::object()}},
                              json{{"reasons", {{"damaged", json::object()}}}}}) {
    SCOPED_TRACE(service.dump());
    json d = small_document();
    if (service.is_null())
      d = without(d, "/customer_service");
    else
      d["customer_service"] = service;
    const retail::CustomerService cs = retail::parse_scenario(d).service;
    for (const retail::ContactReasonConfig& reason : cs.reasons) {
      EXPECT_EQ(reason.probability, 0);
      EXPECT_EQ(reason.appeasement_rate, 0);
      EXPECT_EQ(reason.appeasement_cents, 0);
    }
    // Without the section there is no contact centre to staff.
    EXPECT_EQ(cs.agents,
              service.is_null() ? retail::Staffing{} : retail::Staffing::around_the_clock(10));
    EXPECT_EQ(cs.handle_minutes.describe(), "exponential(mean 8)");
    EXPECT_EQ(cs.cost_per_contact_cents, 100);
    EXPECT_EQ(cs.wait_appeasement_per_hour, defaults.wait_appeasement_per_hour);
    EXPECT_EQ(cs.marketplace_chargeback_cents, 0);
    EXPECT_FALSE(cs.patience_minutes) << "nobody abandons unless told a patience";
  }
}

TEST(ScenarioStaffing, ShiftsAddUpHourByHourAndRunPastMidnight) {
  json d = small_document();
  d["customer_service"].erase("agents");
  d["customer_service"]["shifts"] = {
      {{"staff", 3}, {"start_hour", 8}, {"hours", 8}, {"days", {"monday", "tuesday"}}},
      {{"staff", 2}, {"start_hour", 14}, {"hours", 4}, {"days", {"monday"}}},
      {{"staff", 1}, {"start_hour", 22}, {"hours", 4}, {"days", {"sunday"}}}};
  const retail::Staffing agents = retail::parse_scenario(d).service.agents;
  EXPECT_EQ(agents.at(7), 0u);
  EXPECT_EQ(agents.at(8), 3u);
  EXPECT_EQ(agents.at(14), 5u);  // both Monday shifts
  EXPECT_EQ(agents.at(15), 5u);
  EXPECT_EQ(agents.at(16), 2u);  // the early shift ends at 16:00, the late one at 18:00
  EXPECT_EQ(agents.at(18), 0u);
  EXPECT_EQ(agents.at(24 + 8), 3u);   // Tuesday
  EXPECT_EQ(agents.at(24 + 14), 3u);  // the 14:00 shift is Mondays only
  EXPECT_EQ(agents.at(6 * 24 + 23), 1u);
  EXPECT_EQ(agents.at(0), 1u);  // Sunday's night shift runs into Monday
  EXPECT_EQ(agents.at(1), 1u);
  EXPECT_EQ(agents.at(2), 0u);
  EXPECT_DOUBLE_EQ(agents.mean(), (3.0 * 8 * 2 + 2 * 4 + 1 * 4) / 168);
}

TEST(ScenarioStaffing, ADcNeedsPickersOrShifts) {
  json d = small_document();
  d["network"]["dcs"][0].erase("pickers");
  EXPECT_EQ(error_of(d),
            "/network/dcs/0/pickers: missing required field (expected a number of staff, or "
            "shifts)");
  d["network"]["dcs"][0]["shifts"] = {{{"staff", 4}, {"start_hour", 6}, {"hours", 16}}};
  EXPECT_EQ(retail::parse_scenario(d).dcs[0].pickers.at(5), 0u);
  EXPECT_EQ(retail::parse_scenario(d).dcs[0].pickers.at(6), 4u);
  d["network"]["dcs"][0]["shifts"][0]["hours"] = 25;
  EXPECT_THAT(error_of(d), StartsWith("/network/dcs/0/shifts/0/hours: 25 is out of range"));
}

TEST(ScenarioDefaults, CustomerServiceReasonsDefaultFieldByField) {
  const json service = {{"reasons",
                         {{"late_delivery", {{"probability", 0.5}}},
                          {"return_request", {{"appeasement_rate", 0.1}, {"appeasement", 2.499}}}}},
                        {"agents", 100000},
                        {"handle_minutes", 6},
                        {"patience_minutes", {{"distribution", "exponential"}, {"mean", 3}}},
                        {"wait_appeasement_per_hour", 0}};
  const retail::CustomerService cs =
      retail::parse_scenario(with(small_document(), "/customer_service", service)).service;
  EXPECT_EQ(cs.reasons[0].probability, 0.5);
  EXPECT_EQ(cs.reasons[0].appeasement_rate, 0);
  EXPECT_EQ(cs.reasons[0].appeasement_cents, 0);
  EXPECT_EQ(cs.reasons[1].probability, 0);  // cancellation left out
  EXPECT_EQ(cs.reasons[3].probability, 0);
  EXPECT_EQ(cs.reasons[3].appeasement_rate, 0.1);
  EXPECT_EQ(cs.reasons[3].appeasement_cents, 250);  // rounded to the nearest cent
  EXPECT_EQ(cs.agents, retail::Staffing::around_the_clock(100000));
  EXPECT_EQ(cs.handle_minutes.describe(), "fixed(6)");
  ASSERT_TRUE(cs.patience_minutes);
  EXPECT_EQ(cs.patience_minutes->describe(), "exponential(mean 3)");
  EXPECT_EQ(cs.wait_appeasement_per_hour, 0);
  EXPECT_EQ(cs.cost_per_contact_cents, 100);  // defaults for the rest
  EXPECT_EQ(cs.marketplace_chargeback_cents, 0);
}

TEST(ScenarioDefaults, BaseStockAndMissingChannels) {
  json d = with(small_document(), "/replenishment/dcs",
                {{"policy", "base_stock"}, {"level", 40}, {"review_every_hours", 12}});
  d = without(without(d, "/channels/marketplace"), "/channels/bopis");
  const retail::Scenario s = retail::parse_scenario(d);
  EXPECT_EQ(s.dcs[0].replenishment.kind, retail::ReplenishmentPolicy::Kind::base_stock);
  EXPECT_EQ(s.dcs[0].replenishment.reorder_point, 39);
  EXPECT_EQ(s.dcs[0].replenishment.order_up_to, 40);
  EXPECT_FALSE(s.dcs[0].replenishment.in_days_of_cover);
  EXPECT_EQ(s.channels[2].demand_share, 0);
  EXPECT_DOUBLE_EQ(s.channels[0].demand_share, 55.0 / 85);
}

TEST(ScenarioDefaults, BackordersAreNotOfferedAndAcceptedByFifteenPercent) {
  const retail::Scenario s = retail::parse_scenario(small_document());
  EXPECT_FALSE(s.orders.offer_backorders);
  for (const retail::ChannelConfig& channel : s.channels)
    EXPECT_EQ(channel.backorder_acceptance, 0.15);
  const retail::Scenario offered =
      retail::parse_scenario(with(with(small_document(), "/orders/offer_backorders", true),
                                  "/channels/web/backorder_acceptance", 0.4));
  EXPECT_TRUE(offered.orders.offer_backorders);
  EXPECT_EQ(offered.channels[static_cast<std::size_t>(retail::Channel::web)].backorder_acceptance,
            0.4);
}

TEST(ScenarioErrors, BackorderAcceptanceIsAProbabilityOfAnOnlineChannel) {
  EXPECT_THAT(error_of(with(small_document(), "/channels/web/backorder_acceptance", 1.5)),
              StartsWith("/channels/web/backorder_acceptance: 1.5 is not a probability"));
  EXPECT_THAT(error_of(with(small_document(), "/channels/store/backorder_acceptance", 0.2)),
              StartsWith("/channels/store/backorder_acceptance: 0.2 is not for the store channel "
                         "(walk-in customers are not offered backorders"));
}

TEST(ScenarioDefaults, CustomersAreAnonymousUnlessTheSectionIsThere) {
  const retail::Scenario anonymous = retail::parse_scenario(small_document());
  EXPECT_FALSE(anonymous.customers.enabled);
  const retail::Scenario s =
      retail::parse_scenario(with(small_document(), "/customers", json::object()));
  EXPECT_TRUE(s.customers.enabled);
  EXPECT_EQ(s.customers.initial, 100'000U);
  EXPECT_FALSE(s.customers.acquisition_per_day.has_value());
  // The birth-death steady state at the initial base: 0.5 / 365 x 100,000.
  EXPECT_DOUBLE_EQ(s.customers.daily_acquisition(), 0.5 / 365 * 100'000);
  EXPECT_EQ(s.customers.effects[static_cast<std::size_t>(retail::Experience::cancelled)], -0.3);
}

TEST(ScenarioDefaults, CustomersConvert) {
  const json customers = {{"initial", 5000},
                          {"acquisition_per_day", 12.5},
                          {"churn_per_year", 0.8},
                          {"effects", {{"late", -0.4}, {"appeasement", 0.2}}},
                          {"win_back_probability", 0.25}};
  const retail::Scenario s =
      retail::parse_scenario(with(small_document(), "/customers", customers));
  EXPECT_EQ(s.customers.initial, 5000U);
  EXPECT_DOUBLE_EQ(s.customers.daily_acquisition(), 12.5);
  EXPECT_EQ(s.customers.churn_per_year, 0.8);
  EXPECT_EQ(s.customers.effects[static_cast<std::size_t>(retail::Experience::late)], -0.4);
  EXPECT_EQ(s.customers.effects[static_cast<std::size_t>(retail::Experience::appeasement)], 0.2);
  EXPECT_EQ(s.customers.effects[static_cast<std::size_t>(retail::Experience::on_time)], 0.05);
  EXPECT_EQ(s.customers.win_back_probability, 0.25);
}

TEST(ScenarioErrors, CustomersFields) {
  const auto customers = [](json value) { return with(small_document(), "/customers", value); };
  EXPECT_THAT(error_of(customers({{"initial", 0}})),
              StartsWith("/customers/initial: 0 is out of range"));
  EXPECT_THAT(error_of(customers({{"churn_per_year", -1}})),
              StartsWith("/customers/churn_per_year: -1 is out of range"));
  EXPECT_THAT(error_of(customers({{"effects", {{"late", -2}}}})),
              StartsWith("/customers/effects/late: -2 is out of range"));
  EXPECT_THAT(error_of(customers({{"effects", {{"lost", -0.2}}}})),
              StartsWith("/customers/effects/lost: unknown field"));
  EXPECT_THAT(error_of(customers({{"promoter_min_satisfaction", -0.2}})),
              StartsWith("/customers/detractor_max_satisfaction: must be below "
                         "promoter_min_satisfaction (-0.2)"));
  EXPECT_THAT(error_of(customers({{"visit_rate_shape", 0}})),
              StartsWith("/customers/visit_rate_shape: 0 is out of range"));
}

TEST(ScenarioDefaults, OrdersHaveOneLineAndAreSplitUnlessSaidOtherwise) {
  const retail::Scenario s = retail::parse_scenario(small_document());
  EXPECT_EQ(s.orders.line_routing, retail::Orders::LineRouting::split);
  for (const retail::ChannelConfig& channel : s.channels) {
    EXPECT_EQ(channel.basket_size.kind, retail::Distribution::Kind::fixed);
    EXPECT_EQ(channel.basket_size.mean(), 1.0);
    EXPECT_EQ(channel.category_affinity, 0.0);
  }
  json baskets = with(small_document(), "/orders/line_routing", "ship_complete");
  baskets = with(baskets, "/channels/web/basket_size",
                 {{"distribution", "triangular"}, {"min", 1}, {"mode", 2}, {"max", 6}});
  baskets = with(baskets, "/channels/store/basket_size", 2.5);
  baskets = with(baskets, "/channels/web/category_affinity", 0.6);
  const retail::Scenario read = retail::parse_scenario(baskets);
  EXPECT_EQ(read.orders.line_routing, retail::Orders::LineRouting::ship_complete);
  const retail::ChannelConfig& web = read.channels[static_cast<std::size_t>(retail::Channel::web)];
  EXPECT_EQ(web.basket_size.mean(), 3.0);
  EXPECT_EQ(web.category_affinity, 0.6);
  EXPECT_EQ(read.channels[static_cast<std::size_t>(retail::Channel::store)].basket_size.mean(),
            2.5);
}

TEST(ScenarioErrors, ABasketHasOneToAHundredLinesAndAKnownRouting) {
  const auto basket_error = [](json size) {
    return error_of(with(small_document(), "/channels/web/basket_size", std::move(size)));
  };
  EXPECT_THAT(basket_error(0.5), AllOf(StartsWith("/channels/web/basket_size: "),
                                       HasSubstr("an order has at least one line")));
  EXPECT_THAT(basket_error({{"distribution", "uniform"}, {"min", 0}, {"max", 3}}),
              HasSubstr("an order has at least one line"));
  EXPECT_THAT(basket_error({{"distribution", "lognormal"}, {"mean", 3}, {"sd", 1}}),
              HasSubstr("which can draw fewer than 1 line"));
  EXPECT_THAT(basket_error(101), HasSubstr("from 1 to 100 lines"));
  EXPECT_THAT(error_of(with(small_document(), "/channels/bopis/category_affinity", -0.1)),
              StartsWith("/channels/bopis/category_affinity: -0.1 is not a probability"));
  EXPECT_THAT(
      error_of(with(small_document(), "/orders/line_routing", "whole")),
      AllOf(StartsWith("/orders/line_routing: "), HasSubstr("split"), HasSubstr("ship_complete")));
}

TEST(ScenarioDefaults, ForecastOrderUpToFieldsDefault) {
  const retail::Scenario s = retail::parse_scenario(
      with(small_document(), "/replenishment/stores", {{"policy", "forecast_order_up_to"}}));
  const retail::ReplenishmentPolicy& p = s.stores[0].replenishment;
  const retail::ReplenishmentPolicy defaults;
  EXPECT_EQ(p.kind, retail::ReplenishmentPolicy::Kind::forecast_order_up_to);
  EXPECT_EQ(p.forecast.method, retail::Forecast::Method::moving_average);
  EXPECT_EQ(p.forecast.window_days, 28u);
  EXPECT_EQ(p.review_days, defaults.review_days);
  EXPECT_EQ(p.safety_factor, 1.65);
  EXPECT_EQ(p.forecast_error_window_days, 28u);
  EXPECT_EQ(p.review_every_hours, 0);
}

TEST(ScenarioDefaults, ForecastOrderUpToConverts) {
  const retail::Scenario s = retail::parse_scenario(
      with(small_document(), "/replenishment/dcs",
           {{"policy", "forecast_order_up_to"},
            {"forecast", {{"method", "exponential_smoothing"}, {"alpha", 0.3}}},
            {"review_days", 1},
            {"safety_factor", 0},
            {"forecast_error_window_days", 14}}));
  const retail::ReplenishmentPolicy& p = s.dcs[0].replenishment;
  EXPECT_EQ(p.forecast.method, retail::Forecast::Method::exponential_smoothing);
  EXPECT_EQ(p.forecast.alpha, 0.3);
  EXPECT_EQ(p.review_days, 1u);
  EXPECT_EQ(p.safety_factor, 0);
  EXPECT_EQ(p.forecast_error_window_days, 14u);
}

TEST(ScenarioErrors, ForecastOrderUpToOutOfRange) {
  const json d = with(small_document(), "/replenishment/stores",
                      {{"policy", "forecast_order_up_to"},
                       {"forecast", {{"method", "moving_average"}, {"window_days", 7}}}});
  const std::string at = "/replenishment/stores";
  EXPECT_THAT(error_of(with(d, at + "/review_days", 0)),
              StartsWith(at + "/review_days: 0 is out of range (expected an integer"));
  EXPECT_THAT(error_of(with(d, at + "/safety_factor", 6)),
              StartsWith(at + "/safety_factor: 6 is out of range"));
  EXPECT_THAT(error_of(with(d, at + "/forecast_error_window_days", 1)),
              StartsWith(at + "/forecast_error_window_days: 1 is out of range"));
  EXPECT_THAT(error_of(with(d, at + "/forecast/window_days", 0)),
              StartsWith(at + "/forecast/window_days: 0 is out of range"));
  EXPECT_THAT(error_of(with(d, at + "/forecast/method", "holt")),
              StartsWith(at + R"(/forecast/method: "holt" is not a forecast method)"));
  // alpha belongs to smoothing, and review_every_hours to (s,S) and base stock.
  EXPECT_THAT(error_of(with(d, at + "/forecast/alpha", 0.2)),
              StartsWith(at + "/forecast/alpha: unknown field"));
  EXPECT_THAT(error_of(with(d, at + "/review_every_hours", 24)),
              StartsWith(at + "/review_every_hours: unknown field"));
  const json smoothed =
      with(d, at + "/forecast", {{"method", "exponential_smoothing"}, {"alpha", 0}});
  EXPECT_THAT(error_of(smoothed), StartsWith(at + "/forecast/alpha: 0 is out of range"));
}

TEST(ScenarioLevers, PromotionsAdvertisingAndScalingConvert) {
  const retail::Scenario s = retail::parse_scenario(levers_document());
  using retail::Channel;
  const auto channel = [](Channel c) { return static_cast<std::size_t>(c); };
  EXPECT_EQ(s.demand.promo_mismatch.abandon, 0.35);
  EXPECT_EQ(s.demand.promo_mismatch.return_uplift, 0.05);
  EXPECT_TRUE(s.orders.reship_damaged);
  const retail::ContactReasonConfig& mismatch =
      s.service.reasons[static_cast<std::size_t>(retail::ContactReason::promo_mismatch)];
  EXPECT_EQ(mismatch.probability, 0.2);
  EXPECT_EQ(mismatch.appeasement_rate, 0.5);
  EXPECT_EQ(mismatch.appeasement_cents, 750);

  ASSERT_EQ(s.promotions.size(), 2u);
  const retail::Promotion& spring = s.promotions[0];
  EXPECT_EQ(spring.name, "spring");
  // Footwear (SKU-007 to SKU-011) and SKU-017 and SKU-020, once each, in catalog order.
  EXPECT_EQ(spring.skus, (std::vector<retail::SkuId>{6, 7, 8, 9, 10, 16, 19}));
  EXPECT_EQ(spring.discount, 0.25);
  EXPECT_EQ(spring.start_day, 7);
  EXPECT_EQ(spring.end_day, 14.5);
  EXPECT_EQ(spring.execution[channel(Channel::store)].lag_hours.describe(), "uniform(2, 10)");
  EXPECT_EQ(spring.execution[channel(Channel::store)].error_probability, 0.05);
  EXPECT_EQ(spring.execution[channel(Channel::marketplace)].lag_hours.describe(), "fixed(12)");
  EXPECT_EQ(spring.execution[channel(Channel::marketplace)].error_probability, 0);
  EXPECT_EQ(spring.execution[channel(Channel::web)].lag_hours.describe(), "fixed(0)");
  EXPECT_EQ(spring.misapplied_share, 0.3);
  EXPECT_EQ(spring.misapplied_discount, 0.5);
  EXPECT_TRUE(spring.preflight.enabled);
  EXPECT_EQ(spring.preflight.detection_probability, 0.8);
  EXPECT_EQ(spring.preflight.max_delay_hours, 48);
  EXPECT_TRUE(spring.announced_to_planners);
  EXPECT_EQ(spring.planning_lead_days, 3.5);
  EXPECT_EQ(s.promotions[1].skus, (std::vector<retail::SkuId>{6}));

  ASSERT_EQ(s.advertising.programs.size(), 2u);
  const retail::AdProgram& search = s.advertising.programs[0];
  EXPECT_EQ(search.name, "search");
  EXPECT_EQ(search.channel, Channel::web);
  EXPECT_EQ(search.skus, (std::vector<retail::SkuId>{0, 1, 2, 3, 4, 5}));  // apparel
  EXPECT_EQ(search.daily_budget_cents, 25000);
  EXPECT_EQ(search.max_daily_budget_cents, 100000);
  EXPECT_EQ(search.adstock_decay, 0.6);
  EXPECT_EQ(search.max_lift, 0.8);
  EXPECT_EQ(search.half_saturation_cents, 40000);
  EXPECT_EQ(search.hill_exponent, 2);
  EXPECT_FALSE(search.announced_to_planners);
  const retail::AdProgram& sponsored = s.advertising.programs[1];
  EXPECT_EQ(sponsored.channel, Channel::marketplace);
  EXPECT_EQ(sponsored.skus, (std::vector<retail::SkuId>{0}));
  EXPECT_EQ(sponsored.daily_budget_cents, 5001);      // rounded to the nearest cent
  EXPECT_EQ(sponsored.max_daily_budget_cents, 5001);  // default: the daily budget
  const retail::AdScaling& scaling = s.advertising.scaling;
  EXPECT_TRUE(scaling.enabled);
  EXPECT_EQ(scaling.roas_target, 3);
  EXPECT_EQ(scaling.step, 0.2);
  EXPECT_EQ(scaling.window_days, 14u);
}

TEST(ScenarioDefaults, LeversTakeConfigDefaults) {
  json d = small_document();
  for (const char* lever :
       {"/demand/promo_mismatch", "/orders/reship_damaged",
        "/customer_service/reasons/promo_mismatch", "/promotions", "/advertising"})
    if (d.contains(json::json_pointer(lever))) d = without(d, lever);
  const retail::Scenario s = retail::parse_scenario(d);
  const retail::PromoMismatchBehaviour mismatch;
  EXPECT_EQ(s.demand.promo_mismatch.abandon, mismatch.abandon);
  EXPECT_EQ(s.demand.promo_mismatch.return_uplift, mismatch.return_uplift);
  EXPECT_FALSE(s.orders.reship_damaged);
  const retail::ContactReasonConfig& reason =
      s.service.reasons[static_cast<std::size_t>(retail::ContactReason::promo_mismatch)];
  EXPECT_EQ(reason.probability, 0);
  EXPECT_EQ(reason.appeasement_cents, 0);
  EXPECT_TRUE(s.promotions.empty());
  EXPECT_TRUE(s.advertising.programs.empty());
  const retail::AdScaling scaling;
  EXPECT_EQ(s.advertising.scaling.enabled, scaling.enabled);
  EXPECT_EQ(s.advertising.scaling.roas_target, scaling.roas_target);
  EXPECT_EQ(s.advertising.scaling.step, scaling.step);
  EXPECT_EQ(s.advertising.scaling.window_days, scaling.window_days);
  EXPECT_EQ(retail::parse_scenario(with(small_document(), "/advertising", json::object()))
                .advertising.programs.size(),
            0u);
}

TEST(ScenarioDefaults, PromotionAndAdProgramFieldsDefault) {
  json d = small_document();
  d["demand"]["promo_mismatch"] = {{"abandon", 0.5}};
  d["promotions"] = {{{"name", "p"},
                      {"categories", {"home"}},
                      {"discount", 0.1},
                      {"start_day", 0},
                      {"end_day", 7},
                      {"misapplied_discount", 0.05}}};  // below the discount: no share uses it
  d["advertising"] = {
      {"programs",
       {{{"name", "a"}, {"channel", "bopis"}, {"skus", {"SKU-003"}}, {"daily_budget", 0}}}}};
  const retail::Scenario s = retail::parse_scenario(d);
  EXPECT_EQ(s.demand.promo_mismatch.abandon, 0.5);
  EXPECT_EQ(s.demand.promo_mismatch.return_uplift, retail::PromoMismatchBehaviour{}.return_uplift);
  const retail::Promotion& p = s.promotions.at(0);
  EXPECT_EQ(p.skus, (std::vector<retail::SkuId>{16, 17, 18, 19}));
  for (const retail::PromoExecution& e : p.execution) {
    EXPECT_EQ(e.lag_hours.describe(), "fixed(0)");
    EXPECT_EQ(e.error_probability, 0);
  }
  EXPECT_EQ(p.misapplied_share, 0);
  EXPECT_EQ(p.misapplied_discount, 0.05);
  const retail::PreflightGate gate;
  EXPECT_EQ(p.preflight.enabled, gate.enabled);
  EXPECT_EQ(p.preflight.detection_probability, gate.detection_probability);
  EXPECT_EQ(p.preflight.max_delay_hours, gate.max_delay_hours);
  EXPECT_TRUE(p.announced_to_planners);
  EXPECT_EQ(p.planning_lead_days, 28);
  const retail::AdProgram& a = s.advertising.programs.at(0);
  EXPECT_TRUE(a.announced_to_planners);
  const retail::AdProgram program;
  EXPECT_EQ(a.channel, retail::Channel::bopis);
  EXPECT_EQ(a.daily_budget_cents, 0);
  EXPECT_EQ(a.max_daily_budget_cents, 0);
  EXPECT_EQ(a.adstock_decay, program.adstock_decay);
  EXPECT_EQ(a.max_lift, program.max_lift);
  EXPECT_EQ(a.half_saturation_cents, program.half_saturation_cents);
  EXPECT_EQ(a.hill_exponent, program.hill_exponent);
  EXPECT_FALSE(s.advertising.scaling.enabled);
}

TEST(ScenarioControl, RulesActionsAndStatusQuoConvert) {
  const retail::Scenario s = retail::parse_scenario(control_document());
  using retail::Action;
  using retail::Channel;
  using Kind = retail::Action::Kind;
  const retail::ControlTower& tower = s.control_tower;
  EXPECT_EQ(tower.evaluation_hour, 7.5);
  EXPECT_EQ(tower.review_day, 3u);  // thursday
  EXPECT_EQ(tower.review_hour, 9);
  ASSERT_EQ(tower.rules.size(), 2u);

  const retail::Rule& cancellations = tower.rules[0];
  EXPECT_EQ(cancellations.name, "cancellations");
  EXPECT_EQ(cancellations.metric, retail::MetricId::cancellation_rate);
  EXPECT_EQ(cancellations.scope.channel, Channel::web);
  EXPECT_EQ(cancellations.scope.zone, 0u);
  EXPECT_FALSE(cancellations.scope.category);
  EXPECT_FALSE(cancellations.scope.node);
  EXPECT_EQ(cancellations.window_days, 3u);
  EXPECT_EQ(cancellations.comparator, retail::Rule::Comparator::greater);
  EXPECT_EQ(cancellations.threshold, 0.02);
  EXPECT_EQ(cancellations.sustained_for_hours, 72);
  EXPECT_EQ(cancellations.owner, "ecommerce-ops");
  EXPECT_EQ(cancellations.timebox_hours, 36);
  EXPECT_EQ(cancellations.decision_hours.describe(), "triangular(4, 12, 36)");
  EXPECT_EQ(cancellations.cooldown_hours, 336);
  EXPECT_FALSE(cancellations.weekly);
  ASSERT_EQ(cancellations.actions.size(), 6u);
  const Action& cut = cancellations.actions[0];
  EXPECT_EQ(cut.kind, Kind::cut_ads);
  EXPECT_EQ(cut.program, 0u);
  EXPECT_EQ(cut.factor, 0.5);
  EXPECT_EQ(cut.delay_hours, 0);
  const Action& widen = cancellations.actions[1];
  EXPECT_EQ(widen.kind, Kind::widen_promise);
  EXPECT_TRUE(widen.all_zones);
  EXPECT_EQ(widen.hours, 24);
  const Action& expedite = cancellations.actions[2];
  EXPECT_EQ(expedite.kind, Kind::expedite);
  EXPECT_EQ(expedite.channel, Channel::marketplace);
  EXPECT_FALSE(expedite.all_zones);
  EXPECT_EQ(expedite.zone, 2u);
  EXPECT_EQ(expedite.delay_hours, 2);
  const Action& carrier = cancellations.actions[3];
  EXPECT_EQ(carrier.kind, Kind::switch_carrier);
  EXPECT_FALSE(carrier.all_zones);
  EXPECT_EQ(carrier.zone, 0u);
  EXPECT_EQ(carrier.carrier, 1u);
  const Action& pause_promo = cancellations.actions[4];
  EXPECT_EQ(pause_promo.kind, Kind::pause_promo);
  EXPECT_EQ(pause_promo.promotion, 0u);
  EXPECT_EQ(pause_promo.channel, Channel::store);
  const Action& fix_everywhere = cancellations.actions[5];
  EXPECT_EQ(fix_everywhere.kind, Kind::fix_promo);
  EXPECT_TRUE(fix_everywhere.all_channels);

  const retail::Rule& availability = tower.rules[1];
  EXPECT_EQ(availability.scope.node, 2u);  // after the one DC, the second store
  EXPECT_EQ(availability.scope.category, 1u);
  EXPECT_FALSE(availability.scope.channel);
  EXPECT_FALSE(availability.scope.zone);
  EXPECT_EQ(availability.comparator, retail::Rule::Comparator::less_equal);
  EXPECT_TRUE(availability.weekly);
  EXPECT_EQ(availability.decision_hours.describe(), "uniform(0, 96)");  // over its own timebox
  ASSERT_EQ(availability.actions.size(), 9u);
  const Action& transfer = availability.actions[0];
  EXPECT_EQ(transfer.kind, Kind::transfer_inventory);
  EXPECT_EQ(transfer.from, 0u);
  EXPECT_EQ(transfer.to, 2u);
  EXPECT_EQ(transfer.skus, (std::vector<retail::SkuId>{0, 6, 7, 8, 9, 10}));
  EXPECT_EQ(transfer.share, 0.5);
  EXPECT_EQ(transfer.transit_hours, 12);
  const Action& pivot = availability.actions[1];
  EXPECT_EQ(pivot.kind, Kind::pivot_ads);
  EXPECT_EQ(pivot.skus, (std::vector<retail::SkuId>{2}));
  EXPECT_EQ(availability.actions[2].kind, Kind::pause_ads);
  EXPECT_EQ(availability.actions[2].delay_hours, 1);
  EXPECT_EQ(availability.actions[3].kind, Kind::resume_ads);
  EXPECT_EQ(availability.actions[3].delay_hours, 168);
  EXPECT_EQ(availability.actions[4].kind, Kind::freeze_promos);
  EXPECT_EQ(availability.actions[5].kind, Kind::update_sizing_content);
  EXPECT_EQ(availability.actions[5].value, 0.9);
  EXPECT_EQ(availability.actions[6].kind, Kind::change_packaging);
  EXPECT_EQ(availability.actions[6].value, 0.8);
  const Action& tighten = availability.actions[7];
  EXPECT_EQ(tighten.kind, Kind::tighten_disposition);
  EXPECT_EQ(tighten.reason, retail::ReturnReason::damaged);
  EXPECT_DOUBLE_EQ(tighten.disposition[0], 0.25);  // restock 0.1 of 0.4
  EXPECT_EQ(tighten.disposition[1], 0);
  EXPECT_DOUBLE_EQ(tighten.disposition[2], 0.75);
  EXPECT_EQ(tighten.disposition[3], 0);
  const Action& fix_bopis = availability.actions[8];
  EXPECT_FALSE(fix_bopis.all_channels);
  EXPECT_EQ(fix_bopis.channel, Channel::bopis);

  const retail::StatusQuo& quo = s.status_quo;
  EXPECT_EQ(quo.first_review_day, 14);
  EXPECT_EQ(quo.review_every_days, 7);
  EXPECT_EQ(quo.review_hour, 11);
  EXPECT_EQ(quo.decision_hours.describe(), "fixed(48)");
  EXPECT_EQ(quo.window_days, 28u);
  EXPECT_EQ(quo.rules, (std::vector<std::uint32_t>{1}));
}

TEST(ScenarioDefaults, ControlTowerAndStatusQuoTakeConfigDefaults) {
  const retail::ControlTower tower;
  const retail::StatusQuo quo;
  for (const json& d :
       {small_document(), with(small_document(), "/control_tower", json::object())}) {
    const retail::Scenario s = retail::parse_scenario(d);
    EXPECT_EQ(s.control_tower.evaluation_hour, tower.evaluation_hour);
    EXPECT_EQ(s.control_tower.review_day, tower.review_day);
    EXPECT_EQ(s.control_tower.review_hour, tower.review_hour);
    EXPECT_TRUE(s.control_tower.rules.empty());
    EXPECT_EQ(s.status_quo.first_review_day, quo.first_review_day);
    EXPECT_EQ(s.status_quo.review_every_days, quo.review_every_days);
    EXPECT_EQ(s.status_quo.review_hour, quo.review_hour);
    EXPECT_EQ(s.status_quo.decision_hours.describe(), quo.decision_hours.describe());
    EXPECT_EQ(s.status_quo.window_days, quo.window_days);
    EXPECT_TRUE(s.status_quo.rules.empty());
  }
}

TEST(ScenarioDefaults, RuleAndActionFieldsDefault) {
  json d = small_document();
  const json minimal = {{"name", "late"},
                        {"metric", "on_time_rate"},
                        {"comparator", "<"},
                        {"threshold", 0.9},
                        {"owner", "logistics"},
                        {"actions",
                         {{{"action", "transfer_inventory"},
                           {"from", "store-south-1"},
                           {"to", "store-south-2"},
                           {"skus", {"SKU-002"}},
                           {"share", 1}},
                          {{"action", "switch_carrier"}, {"carrier", "parcelco"}},
                          {{"action", "expedite"}, {"channel", "web"}}}}};
  json short_timebox = minimal;
  short_timebox["name"] = "quick";
  short_timebox["timebox_hours"] = 10;
  d["control_tower"] = {{"rules", {minimal, short_timebox}}};
  const retail::Scenario s = retail::parse_scenario(d);
  const retail::Rule defaults;
  const retail::Rule& r = s.control_tower.rules.at(0);
  EXPECT_FALSE(r.scope.channel || r.scope.category || r.scope.zone || r.scope.node);
  EXPECT_EQ(r.window_days, defaults.window_days);
  EXPECT_EQ(r.sustained_for_hours, defaults.sustained_for_hours);
  EXPECT_EQ(r.timebox_hours, defaults.timebox_hours);
  EXPECT_EQ(r.decision_hours.describe(), "uniform(0, 48)");
  EXPECT_EQ(r.cooldown_hours, defaults.cooldown_hours);
  EXPECT_FALSE(r.weekly);
  const retail::Action& transfer = r.actions.at(0);
  EXPECT_EQ(transfer.from, 4u);  // stores follow the one DC
  EXPECT_EQ(transfer.to, 5u);
  EXPECT_EQ(transfer.share, 1);
  EXPECT_EQ(transfer.transit_hours, retail::Action{}.transit_hours);
  EXPECT_EQ(transfer.delay_hours, 0);
  EXPECT_TRUE(r.actions.at(1).all_zones);
  EXPECT_EQ(r.actions.at(1).carrier, 0u);
  EXPECT_TRUE(r.actions.at(2).all_zones);
  EXPECT_EQ(r.actions.at(2).channel, retail::Channel::web);
  // The default decision time follows the rule's own timebox.
  EXPECT_EQ(s.control_tower.rules.at(1).decision_hours.describe(), "uniform(0, 10)");
  // Without a list, the status quo reviews every rule, in order.
  EXPECT_EQ(s.status_quo.rules, (std::vector<std::uint32_t>{0, 1}));
}

TEST(ScenarioErrors, UnknownFieldSuggestsTheClosestKnownOne) {
  const json d = with(small_document(), "/network/dcs/0/pikers", 4);
  EXPECT_EQ(error_of(d),
            R"(/network/dcs/0/pikers: unknown field "pikers" (did you mean "pickers"?))");
}

TEST(ScenarioErrors, UnknownFieldListsTheKnownOnesWhenNoneIsClose) {
  const json d = with(small_document(), "/kpi/colour", "blue");
  EXPECT_EQ(
      error_of(d),
      R"(/kpi/colour: unknown field "colour" (fields here: report_latency_minutes, warmup_days, node_days, pick_wait_target_minutes))");
}

TEST(ScenarioErrors, WrongType) {
  EXPECT_EQ(error_of(with(small_document(), "/horizon_days", "56")),
            R"(/horizon_days: "56" is not an integer (expected an integer between 1 and 3660))");
  EXPECT_THAT(error_of(with(small_document(), "/network/stores/0/ship_from_store", 1)),
              StartsWith("/network/stores/0/ship_from_store: 1 is not a boolean"));
  EXPECT_THAT(error_of(with(small_document(), "/catalog", json::array())),
              StartsWith("/catalog: [] is not an object"));
  EXPECT_THAT(error_of(with(small_document(), "/network/dcs/0/pickers", 2.5)),
              StartsWith("/network/dcs/0/pickers: 2.5 is not an integer"));
}

TEST(ScenarioErrors, NegativeRatesAndAmounts) {
  EXPECT_EQ(error_of(with(small_document(), "/catalog/skus/2/base_demand_per_day", -1)),
            "/catalog/skus/2/base_demand_per_day: -1 is out of range (expected a number >= 0 and "
            "at most 1000000000)");
  EXPECT_THAT(error_of(with(small_document(), "/catalog/skus/0/unit_cost", -0.5)),
              AllOf(StartsWith("/catalog/skus/0/unit_cost: -0.5 is out of range"),
                    HasSubstr("money >= 0")));
  EXPECT_THAT(error_of(with(small_document(), "/carriers/0/exception_rate", -0.1)),
              StartsWith("/carriers/0/exception_rate: -0.1 is not a probability"));
  EXPECT_THAT(
      error_of(with(small_document(), "/availability/latency_minutes", 0)),
      StartsWith("/availability/latency_minutes: 0 is out of range (expected a number > 0"));
  EXPECT_THAT(error_of(with(small_document(), "/catalog/skus/0/list_price", 0)),
              StartsWith("/catalog/skus/0/list_price: 0 is out of range"));
}

TEST(ScenarioErrors, SeedTakesTheWholeUnsigned64BitRange) {
  EXPECT_EQ(retail::parse_scenario(with(small_document(), "/seed", 18446744073709551615u)).seed,
            18446744073709551615u);
  EXPECT_EQ(error_of(with(small_document(), "/seed", -1)),
            "/seed: -1 is out of range (expected an integer between 0 and 18446744073709551615)");
}

TEST(ScenarioErrors, AnIntegerWrittenWithAFractionBeyond2To53IsRefusedNotRounded) {
  // 12345678901234567891.0 is read as the double 12345678901234567168: a different seed.
  EXPECT_EQ(error_of(with(small_document(), "/seed", 12345678901234567891.0)),
            "/seed: 1.2345678901234567e+19 is not an exact integer: beyond 2^53, a number with a "
            "fraction or an exponent is rounded (expected an integer between 0 and "
            "18446744073709551615, written in digits only)");
  EXPECT_THAT(error_of(with(small_document(), "/seed", 1e23)),
              AllOf(StartsWith("/seed: "), HasSubstr("e+22 is out of range")));
  // Up to 2^53 a double is every integer exactly, so 7.0 is still the integer 7.
  EXPECT_EQ(retail::parse_scenario(with(small_document(), "/seed", 7.0)).seed, 7u);
  EXPECT_EQ(retail::parse_scenario(with(small_document(), "/seed", 9007199254740992.0)).seed,
            9007199254740992u);
}

TEST(ScenarioErrors, NonFiniteAndHugeNumbers) {
  EXPECT_THAT(error_of(with(small_document(), "/demand/price_elasticity",
                            std::numeric_limits<double>::quiet_NaN())),
              StartsWith("/demand/price_elasticity: null is not a number"));
  EXPECT_THAT(error_of(with(small_document(), "/network/dcs/0/handling_hours",
                            std::numeric_limits<double>::infinity())),
              StartsWith("/network/dcs/0/handling_hours: null is not a number"));
  EXPECT_THAT(error_of(with(small_document(), "/network/dcs/0/handling_hours", 1e300)),
              StartsWith("/network/dcs/0/handling_hours: 1e+300 is out of range"));
  EXPECT_THAT(error_of(with(small_document(), "/replications", 1e12)),
              StartsWith("/replications: 1000000000000.0 is out of range (expected an integer "
                         "between 1 and 1000000)"));
}

TEST(ScenarioErrors, ProbabilityAboveOne) {
  EXPECT_EQ(error_of(with(small_document(), "/demand/out_of_stock/substitute", 1.3)),
            "/demand/out_of_stock/substitute: 1.3 is not a probability (expected a number between "
            "0 and 1)");
  EXPECT_THAT(
      error_of(with(small_document(), "/demand/out_of_stock/defer", 0.8)),
      AllOf(StartsWith("/demand/out_of_stock: substitute + defer is 1.1"), HasSubstr("at most 1")));
}

TEST(ScenarioErrors, UnknownReferenceListsValidNames) {
  EXPECT_EQ(error_of(with(small_document(), "/network/stores/3/zone", "nrth")),
            R"(/network/stores/3/zone: "nrth" is not a zone name (did you mean "north"? zones: )"
            "north, central, south)");
  EXPECT_THAT(error_of(with(small_document(), "/network/zones/1/dc", "dc-west")),
              StartsWith(R"(/network/zones/1/dc: "dc-west" is not a DC name)"));
  EXPECT_THAT(error_of(with(small_document(), "/catalog/skus/4/category", "toys")),
              StartsWith(R"(/catalog/skus/4/category: "toys" is not a category name)"));
  EXPECT_THAT(
      error_of(with(small_document(), "/network/lanes/0/from", "store-north-2")),
      StartsWith(R"(/network/lanes/0/from: "store-north-2" is not a DC name (DCs: dc-east))"));
}

TEST(ScenarioErrors, DuplicateNames) {
  EXPECT_EQ(error_of(with(small_document(), "/catalog/skus/5/name", "SKU-001")),
            R"(/catalog/skus/5/name: "SKU-001" is a duplicate SKU name (already the name of )"
            "/catalog/skus/0)");
  EXPECT_THAT(error_of(with(small_document(), "/catalog/categories/3", "apparel")),
              StartsWith(R"(/catalog/categories/3: "apparel" is a duplicate category name)"));
  EXPECT_THAT(error_of(with(small_document(), "/network/stores/1/name", "dc-east")),
              StartsWith(R"(/network/stores/1/name: "dc-east" is already the name of the DC)"));
}

TEST(ScenarioErrors, EveryStoreNeedsExactlyOneLane) {
  EXPECT_EQ(error_of(without(small_document(), "/network/lanes/4")),
            R"(/network/lanes: no lane to store "store-south-2" (/network/stores/4): every store )"
            "needs exactly one lane from a DC");
  EXPECT_THAT(
      error_of(with(small_document(), "/network/lanes/1/to", "store-north-1")),
      StartsWith(R"(/network/lanes/1/to: "store-north-1" already has a lane (/network/lanes/0)"));
}

TEST(ScenarioErrors, HorizonAndMissingFields) {
  EXPECT_EQ(error_of(with(small_document(), "/horizon_days", 0)),
            "/horizon_days: 0 is out of range (expected an integer between 1 and 3660)");
  EXPECT_EQ(error_of(without(small_document(), "/name")),
            "/name: missing required field (expected a name (a non-empty string))");
  EXPECT_THAT(error_of(without(small_document(), "/carriers/1/services/expedited")),
              StartsWith("/carriers/1/services/expedited: missing required field"));
  EXPECT_THAT(error_of(with(small_document(), "/name", "")),
              StartsWith(R"(/name: "" is not a valid name)"));
}

TEST(ScenarioErrors, DistributionsAndPolicies) {
  EXPECT_THAT(error_of(with(small_document(), "/network/dcs/0/supplier_lead_days/max", 3)),
              StartsWith("/network/dcs/0/supplier_lead_days/max: 3 is out of range (expected a "
                         "number >= 7"));
  EXPECT_THAT(
      error_of(with(small_document(), "/orders/bopis_pickup_delay_hours/distribution", "gamma")),
      AllOf(StartsWith(R"(/orders/bopis_pickup_delay_hours/distribution: "gamma" is not a )"
                       "distribution kind"),
            HasSubstr(R"("lognormal")")));
  EXPECT_THAT(error_of(with(small_document(), "/carriers/1/late_scan_delay_hours/sd", 3)),
              StartsWith(R"(/carriers/1/late_scan_delay_hours/sd: unknown field "sd")"));
  EXPECT_THAT(error_of(with(small_document(), "/carriers/0/late_scan_delay_hours", "soon")),
              StartsWith(R"(/carriers/0/late_scan_delay_hours: "soon" is not a distribution)"));
  EXPECT_THAT(error_of(with(small_document(), "/replenishment/stores/order_up_to", 5)),
              StartsWith("/replenishment/stores/order_up_to: 5 is out of range (expected a number "
                         "> 5"));
  EXPECT_THAT(error_of(with(small_document(), "/replenishment/dcs/unit", "weeks")),
              StartsWith(R"(/replenishment/dcs/unit: "weeks" is not a policy unit)"));
  EXPECT_THAT(error_of(without(small_document(), "/replenishment/dcs/policy")),
              StartsWith("/replenishment/dcs/policy: missing required field"));
}

TEST(ScenarioErrors, ChannelsAndProfiles) {
  EXPECT_THAT(
      error_of(with(small_document(), "/channels/web/day_of_week", {1, 1, 1})),
      StartsWith("/channels/web/day_of_week: [1,1,1] has too few elements (expected an array of "
                 "exactly 7 daily weights, Monday first)"));
  EXPECT_THAT(error_of(with(small_document(), "/channels/web/hour_of_day", json::array_t(24, 0))),
              StartsWith("/channels/web/hour_of_day: [0,0,0,"));
  EXPECT_THAT(error_of(with(small_document(), "/channels/store/service", "overnight")),
              StartsWith(R"(/channels/store/service: "overnight" is not a service)"));
  json no_demand = small_document();
  for (const char* c : {"store", "web", "marketplace", "bopis"})
    no_demand["channels"][c]["demand_weight"] = 0;
  EXPECT_THAT(error_of(no_demand),
              StartsWith("/channels: no channel has a positive demand_weight"));
}

TEST(ScenarioErrors, Returns) {
  const json d = small_document();
  EXPECT_EQ(error_of(with(d, "/returns/reasons/size_fit/share", -0.2)),
            "/returns/reasons/size_fit/share: -0.2 is out of range (expected a number >= 0 and at "
            "most 1000000000)");
  EXPECT_EQ(error_of(with(d, "/returns/reasons/damaged/disposition/liquidate", 1.5)),
            "/returns/reasons/damaged/disposition/liquidate: 1.5 is not a probability (expected a "
            "number between 0 and 1)");
  EXPECT_EQ(error_of(with(d, "/returns/reasons/damaged/shar", 0.1)),
            R"(/returns/reasons/damaged/shar: unknown field "shar" (did you mean "share"?))");
  EXPECT_EQ(error_of(with(d, "/returns/reasons/sizefit", json::object())),
            R"(/returns/reasons/sizefit: unknown field "sizefit" (did you mean "size_fit"?))");
  EXPECT_THAT(error_of(with(d, "/returns/reasons/changed_mind/disposition/resell", 0.1)),
              StartsWith(R"(/returns/reasons/changed_mind/disposition/resell: unknown field )"
                         R"("resell" (fields here: restock, refurbish, liquidate, destroy))"));
  EXPECT_THAT(error_of(with(d, "/returns/refunds", true)),
              StartsWith(R"(/returns/refunds: unknown field "refunds")"));
  EXPECT_EQ(error_of(with(d, "/returns/decision_days/max", 2)),
            "/returns/decision_days/max: 2 is out of range (expected a number >= 3 and at most "
            "1000000000)");
  EXPECT_THAT(error_of(with(d, "/returns/transit_days", "a week")),
              StartsWith(R"(/returns/transit_days: "a week" is not a distribution)"));
  EXPECT_THAT(error_of(with(d, "/returns/grading_hours/distribution", "weibull")),
              StartsWith(R"(/returns/grading_hours/distribution: "weibull" is not a distribution )"
                         "kind"));
  EXPECT_EQ(error_of(with(d, "/returns/reasons/size_fit/drift_per_day", 0.2)),
            "/returns/reasons/size_fit/drift_per_day: 0.2 is out of range (expected a number "
            "between -0.1 and 0.1)");
  EXPECT_THAT(error_of(with(d, "/returns/sizing_sensitivity", 101)),
              StartsWith("/returns/sizing_sensitivity: 101 is out of range (expected a number "
                         "between 0 and 100)"));
  EXPECT_THAT(error_of(with(d, "/returns/packaging_standard", 1.2)),
              StartsWith("/returns/packaging_standard: 1.2 is not a probability"));
  EXPECT_THAT(
      error_of(with(d, "/returns/label_cost", -6.5)),
      AllOf(StartsWith("/returns/label_cost: -6.5 is out of range"), HasSubstr("money >= 0")));
  EXPECT_THAT(error_of(with(d, "/returns/reasons/damaged/disposition", json::array())),
              StartsWith("/returns/reasons/damaged/disposition: [] is not an object"));
}

TEST(ScenarioErrors, ReturnSharesAndDispositionsNeedAPositiveSum) {
  json zero = small_document();
  for (const char* reason : retail::kReturnReasonNames)
    zero["returns"]["reasons"][reason]["share"] = 0;
  EXPECT_EQ(error_of(zero),
            "/returns/reasons: no return reason has a positive share (at least one must; a reason "
            "left out has share 0.25)");
  // Three reasons at 0 leave the fourth: its default share makes the sum positive.
  zero = without(zero, "/returns/reasons/changed_mind");
  EXPECT_EQ(retail::parse_scenario(zero).returns.reasons[3].share, 1);
  EXPECT_EQ(error_of(with(small_document(), "/returns/reasons/damaged/disposition",
                          {{"liquidate", 0}, {"destroy", 0}})),
            R"(/returns/reasons/damaged/disposition: {"destroy":0,"liquidate":0} has no positive )"
            "probability (expected probabilities of restock, refurbish, liquidate and destroy, "
            "with a positive sum)");
  EXPECT_THAT(
      error_of(with(small_document(), "/returns/reasons/damaged/disposition", json::object())),
      StartsWith("/returns/reasons/damaged/disposition: {} has no positive probability"));
}

TEST(ScenarioErrors, CustomerService) {
  const json d = small_document();
  EXPECT_EQ(error_of(with(d, "/customer_service/reasons/late_delivery/probability", 1.2)),
            "/customer_service/reasons/late_delivery/probability: 1.2 is not a probability "
            "(expected a number between 0 and 1)");
  EXPECT_THAT(error_of(with(d, "/customer_service/reasons/damaged/appeasement_rate", -0.1)),
              StartsWith("/customer_service/reasons/damaged/appeasement_rate: -0.1 is not a "
                         "probability"));
  EXPECT_EQ(error_of(with(d, "/customer_service/agents", 0)),
            "/customer_service/agents: 0 is out of range (expected an integer between 1 and "
            "100000)");
  EXPECT_THAT(error_of(with(d, "/customer_service/agents", 100001)),
              StartsWith("/customer_service/agents: 100001 is out of range"));
  EXPECT_THAT(error_of(with(d, "/customer_service/agents", 2.5)),
              StartsWith("/customer_service/agents: 2.5 is not an integer"));
  EXPECT_THAT(error_of(with(d, "/customer_service/cost_per_contact", -4)),
              AllOf(StartsWith("/customer_service/cost_per_contact: -4 is out of range"),
                    HasSubstr("money >= 0")));
  EXPECT_THAT(error_of(with(d, "/customer_service/marketplace_chargeback", -5)),
              AllOf(StartsWith("/customer_service/marketplace_chargeback: -5 is out of range"),
                    HasSubstr("money >= 0")));
  EXPECT_THAT(
      error_of(with(d, "/customer_service/reasons/cancellation/appeasement", -5)),
      AllOf(StartsWith("/customer_service/reasons/cancellation/appeasement: -5 is out of range"),
            HasSubstr("money >= 0")));
  EXPECT_EQ(error_of(with(d, "/customer_service/wait_appeasement_per_hour", 11)),
            "/customer_service/wait_appeasement_per_hour: 11 is out of range (expected a number "
            "between 0 and 10)");
  EXPECT_EQ(error_of(with(d, "/customer_service/agent", 3)),
            R"(/customer_service/agent: unknown field "agent" (did you mean "agents"?))");
  EXPECT_EQ(error_of(with(d, "/customer_service/reasons/late_delivry", json::object())),
            R"(/customer_service/reasons/late_delivry: unknown field "late_delivry" (did you )"
            R"(mean "late_delivery"?))");
  EXPECT_THAT(error_of(with(d, "/customer_service/reasons/damaged/credit", 10)),
              StartsWith(R"(/customer_service/reasons/damaged/credit: unknown field "credit" )"
                         R"((fields here: probability, appeasement_rate, appeasement))"));
  EXPECT_THAT(error_of(with(d, "/customer_service/handle_minutes", "eight")),
              StartsWith(R"(/customer_service/handle_minutes: "eight" is not a distribution)"));
  EXPECT_THAT(error_of(with(d, "/customer_service/handle_minutes/distribution", "weibull")),
              StartsWith(R"(/customer_service/handle_minutes/distribution: "weibull" is not a )"
                         "distribution kind"));
  EXPECT_THAT(error_of(with(d, "/customer_service/handle_minutes/mean", -8)),
              StartsWith("/customer_service/handle_minutes/mean: -8 is out of range"));
  EXPECT_THAT(error_of(with(d, "/customer_service/reasons", json::array())),
              StartsWith("/customer_service/reasons: [] is not an object"));
}

TEST(ScenarioErrors, OverlappingPromotionsMustNotShareASku) {
  json d = levers_document();
  d["promotions"].push_back({{"name", "flash"},
                             {"categories", {"home"}},
                             {"discount", 0.1},
                             {"start_day", 10},
                             {"end_day", 12}});
  EXPECT_EQ(error_of(d),
            R"(/promotions/2: promotions "spring" (/promotions/0) and "flash" both discount SKU )"
            R"("SKU-017" between day 10 and day 12 (a SKU may be in one promotion at a time))");
  // Named later but starting first, and ending inside spring.
  d["promotions"][2] = {{"name", "early"},
                        {"skus", {"SKU-011"}},
                        {"discount", 0.1},
                        {"start_day", 0},
                        {"end_day", 8}};
  EXPECT_EQ(error_of(d),
            R"(/promotions/2: promotions "spring" (/promotions/0) and "early" both discount SKU )"
            R"("SKU-011" between day 7 and day 8 (a SKU may be in one promotion at a time))");
  // Ending as spring starts, or sharing no SKU, is fine.
  d["promotions"][2]["end_day"] = 7;
  EXPECT_EQ(error_of(d), "");
  d["promotions"][2] = {{"name", "bedding"},
                        {"skus", {"SKU-018"}},
                        {"discount", 0.1},
                        {"start_day", 0},
                        {"end_day", 56}};
  EXPECT_EQ(error_of(d), "");
}

TEST(ScenarioErrors, PromotionFields) {
  const json d = levers_document();
  EXPECT_THAT(error_of(with(d, "/promotions/0/skus/1", "SKU-0O7")),
              StartsWith(R"(/promotions/0/skus/1: "SKU-0O7" is not a SKU name (did you mean )"
                         R"("SKU-007"? SKUs: SKU-001, SKU-002)"));
  EXPECT_THAT(error_of(with(d, "/promotions/0/categories/0", "shoes")),
              StartsWith(R"(/promotions/0/categories/0: "shoes" is not a category name)"));
  EXPECT_EQ(error_of(with(d, "/promotions/0/end_day", 7)),
            "/promotions/0/end_day: 7 is out of range (expected a number > 7 and at most "
            "1000000000)");
  // Planned past the horizon (say, after --set horizon_days=7): it loads and never runs.
  EXPECT_EQ(error_of(with(with(d, "/promotions/0/start_day", 156), "/promotions/0/end_day", 160)),
            "");
  EXPECT_THAT(error_of(with(d, "/promotions/0/start_day", -1)),
              StartsWith("/promotions/0/start_day: -1 is out of range"));
  for (const int discount : {0, 1})
    EXPECT_EQ(error_of(with(d, "/promotions/0/discount", discount)),
              "/promotions/0/discount: " + std::to_string(discount) +
                  " is out of range (expected a number > 0 and < 1)");
  EXPECT_EQ(error_of(with(d, "/promotions/0/misapplied_discount", 0.25)),
            "/promotions/0/misapplied_discount: 0.25 is not above the discount (expected a number "
            "> the discount, 0.25, and < 1 when misapplied_share is positive: a misapplied rule "
            "over-discounts)");
  EXPECT_THAT(error_of(without(d, "/promotions/0/misapplied_discount")),
              StartsWith("/promotions/0/misapplied_discount: missing required field (expected a "
                         "number > the discount, 0.25"));
  EXPECT_THAT(error_of(with(d, "/promotions/0/misapplied_discount", 1)),
              StartsWith("/promotions/0/misapplied_discount: 1 is out of range"));
  EXPECT_THAT(error_of(with(d, "/promotions/0/misapplied_share", 1.5)),
              StartsWith("/promotions/0/misapplied_share: 1.5 is not a probability"));
  EXPECT_EQ(error_of(without(without(d, "/promotions/1/skus"), "/promotions/1/categories")),
            "/promotions/1/skus: missing required field (expected SKU names in skus, category "
            "names in categories, or both)");
  EXPECT_EQ(error_of(with(d, "/promotions/1/skus", json::array())),
            "/promotions/1: selects no SKU (skus and categories together must name at least one)");
  EXPECT_EQ(error_of(with(d, "/promotions/1/name", "spring")),
            R"(/promotions/1/name: "spring" is a duplicate promotion name (already the name of )"
            "/promotions/0)");
  EXPECT_EQ(error_of(with(d, "/promotions/0/discout", 0.2)),
            R"(/promotions/0/discout: unknown field "discout" (did you mean "discount"?))");
  EXPECT_THAT(error_of(with(d, "/promotions/0/execution/email", json::object())),
              StartsWith(R"(/promotions/0/execution/email: unknown field "email")"));
  EXPECT_THAT(error_of(with(d, "/promotions/0/execution/web/lag_hours", "soon")),
              StartsWith(R"(/promotions/0/execution/web/lag_hours: "soon" is not a distribution)"));
  EXPECT_THAT(error_of(with(d, "/promotions/0/preflight/max_delay_hours", -1)),
              StartsWith("/promotions/0/preflight/max_delay_hours: -1 is out of range"));
  EXPECT_THAT(error_of(with(d, "/promotions", json::object())),
              StartsWith("/promotions: {} is not an array"));
  EXPECT_EQ(error_of(with(d, "/promotions", json::array_t(1001))),
            "/promotions: has 1001 elements: at most 1000 promotions are supported");
}

TEST(ScenarioErrors, AdPrograms) {
  const json d = levers_document();
  EXPECT_EQ(error_of(with(d, "/advertising/programs/0/channel", "store")),
            R"(/advertising/programs/0/channel: "store" is not an advertising channel (in-store )"
            R"(sales cannot be attributed to ads; expected one of "web", "marketplace", "bopis"))");
  EXPECT_EQ(error_of(with(d, "/advertising/programs/0/channel", "email")),
            R"(/advertising/programs/0/channel: "email" is not an advertising channel (expected )"
            R"(one of "web", "marketplace", "bopis"))");
  EXPECT_EQ(error_of(with(d, "/advertising/programs/1/channel", "web")),
            R"(/advertising/programs/1: ad programs "search" (/advertising/programs/0) and )"
            R"("sponsored" both advertise SKU "SKU-001" on the web channel (a SKU may be in one )"
            "program per channel: an order is attributed to one)");
  EXPECT_EQ(error_of(with(d, "/advertising/programs/0/max_daily_budget", 100)),
            "/advertising/programs/0/max_daily_budget: 100 is below daily_budget (expected an "
            "amount of money >= daily_budget, 250)");
  EXPECT_THAT(error_of(without(d, "/advertising/programs/0/channel")),
              StartsWith("/advertising/programs/0/channel: missing required field (expected one "
                         R"(of "web", "marketplace", "bopis"))"));
  EXPECT_THAT(error_of(without(d, "/advertising/programs/0/daily_budget")),
              StartsWith("/advertising/programs/0/daily_budget: missing required field"));
  EXPECT_EQ(error_of(with(d, "/advertising/programs/1/name", "search")),
            R"(/advertising/programs/1/name: "search" is a duplicate ad program name (already the )"
            "name of /advertising/programs/0)");
  EXPECT_THAT(error_of(with(d, "/advertising/programs/1/skus/0", "SKU-1")),
              StartsWith(R"(/advertising/programs/1/skus/0: "SKU-1" is not a SKU name)"));
  EXPECT_EQ(error_of(with(d, "/advertising/programs/0/adstock_decay", 1)),
            "/advertising/programs/0/adstock_decay: 1 is out of range (expected a number >= 0 "
            "and < 1)");
  EXPECT_EQ(error_of(with(d, "/advertising/programs/0/hill_exponent", 0)),
            "/advertising/programs/0/hill_exponent: 0 is out of range (expected a number > 0 and "
            "<= 10)");
  EXPECT_THAT(error_of(with(d, "/advertising/programs/0/max_lift", -0.5)),
              StartsWith("/advertising/programs/0/max_lift: -0.5 is out of range"));
  EXPECT_THAT(error_of(with(d, "/advertising/programs/0/half_saturation", 0)),
              AllOf(StartsWith("/advertising/programs/0/half_saturation: 0 is out of range"),
                    HasSubstr("money > 0")));
  EXPECT_THAT(error_of(with(d, "/advertising/scaling/roas_target", 0)),
              StartsWith("/advertising/scaling/roas_target: 0 is out of range"));
  EXPECT_EQ(error_of(with(d, "/advertising/scaling/window_days", 0)),
            "/advertising/scaling/window_days: 0 is out of range (expected an integer between 1 "
            "and 3660)");
  EXPECT_THAT(error_of(with(d, "/advertising/scaling/enabled", "yes")),
              StartsWith(R"(/advertising/scaling/enabled: "yes" is not a boolean)"));
  EXPECT_EQ(error_of(with(d, "/advertising/programs", json::array_t(1001))),
            "/advertising/programs: has 1001 elements: at most 1000 ad programs are supported");
}

TEST(ScenarioErrors, MismatchReshipAndContactReason) {
  const json d = levers_document();
  EXPECT_THAT(error_of(with(d, "/demand/promo_mismatch/abandon", 1.1)),
              StartsWith("/demand/promo_mismatch/abandon: 1.1 is not a probability"));
  EXPECT_EQ(error_of(with(d, "/demand/promo_mismatch/return_uplif", 0.1)),
            R"(/demand/promo_mismatch/return_uplif: unknown field "return_uplif" (did you mean )"
            R"("return_uplift"?))");
  EXPECT_THAT(error_of(with(d, "/orders/reship_damaged", "yes")),
              StartsWith(R"(/orders/reship_damaged: "yes" is not a boolean)"));
  EXPECT_THAT(
      error_of(with(d, "/customer_service/reasons/promo_mismatch/appeasement", -1)),
      StartsWith("/customer_service/reasons/promo_mismatch/appeasement: -1 is out of range"));
}

TEST(ScenarioErrors, RuleOnAnUnknownMetric) {
  const json d = control_document();
  EXPECT_THAT(error_of(with(d, "/control_tower/rules/0/metric", "cancelation_rate")),
              StartsWith(R"(/control_tower/rules/0/metric: "cancelation_rate" is not a metric a )"
                         R"(rule can watch (did you mean "cancellation_rate"? metrics: )"
                         "availability_integrity, in_stock_rate, otif,"));
  // Without a close one, every metric is listed.
  const std::string message = error_of(with(d, "/control_tower/rules/0/metric", "happiness"));
  EXPECT_THAT(message, StartsWith(R"(/control_tower/rules/0/metric: "happiness" is not a metric a )"
                                  "rule can watch (metrics: availability_integrity,"));
  for (const retail::MetricId metric : retail::flow_metric_ids())
    EXPECT_THAT(message, HasSubstr(std::string(retail::metric_key(metric))));
  EXPECT_THAT(error_of(without(d, "/control_tower/rules/0/metric")),
              StartsWith("/control_tower/rules/0/metric: missing required field (expected a flow "
                         R"(metric name such as "cancellation_rate"))"));
}

TEST(ScenarioErrors, ActionFieldsBelongToTheirKind) {
  const json d = control_document();
  EXPECT_EQ(error_of(with(d, action_at(1, 2) + "/factor", 0.5)),
            action_at(1, 2) +
                R"(/factor: unknown field "factor" for a pause_ads action (a field of cut_ads )"
                "actions; pause_ads takes action, delay_hours and program)");
  EXPECT_EQ(error_of(with(d, action_at(0, 1) + "/channel", "web")),
            action_at(0, 1) +
                R"(/channel: unknown field "channel" for a widen_promise action (a field of )"
                "expedite, pause_promo and fix_promo actions; widen_promise takes action, "
                "delay_hours, zone and hours)");
  EXPECT_EQ(error_of(with(d, action_at(0, 0) + "/programme", "web-heroes")),
            action_at(0, 0) +
                R"(/programme: unknown field "programme" for a cut_ads action (did you mean )"
                R"("program"? cut_ads takes action, delay_hours, program and factor))");
  EXPECT_EQ(error_of(with(d, action_at(1, 4) + "/promotion", "apparel-weekend")),
            action_at(1, 4) +
                R"(/promotion: unknown field "promotion" for a freeze_promos action (a field of )"
                "pause_promo and fix_promo actions; freeze_promos takes action and delay_hours)");
  EXPECT_THAT(error_of(with(d, action_at(0, 0) + "/action", "cut_add")),
              StartsWith(action_at(0, 0) + R"(/action: "cut_add" is not an action kind (did you )"
                                           R"(mean "cut_ads"? expected one of "cut_ads", )"));
  EXPECT_THAT(error_of(with(d, action_at(0, 0) + "/action", "reorder")),
              StartsWith(action_at(0, 0) + R"(/action: "reorder" is not an action kind )"
                                           R"((expected one of "cut_ads", "pause_ads",)"));
  EXPECT_THAT(error_of(without(d, action_at(0, 0) + "/action")),
              StartsWith(action_at(0, 0) + R"(/action: missing required field (expected one of )"));
  EXPECT_THAT(error_of(with(d, action_at(0, 0), "cut_ads")),
              StartsWith(action_at(0, 0) + R"(: "cut_ads" is not an action (expected an object)"));
  EXPECT_THAT(error_of(without(d, action_at(0, 0) + "/factor")),
              StartsWith(action_at(0, 0) + "/factor: missing required field (expected a number "
                                           "between 0 and 1)"));
}

TEST(ScenarioErrors, ActionsNameWhatExists) {
  const json d = control_document();
  EXPECT_EQ(error_of(with(d, action_at(0, 0) + "/program", "web-hero")),
            action_at(0, 0) + R"(/program: "web-hero" is not an ad program name (did you mean )"
                              R"("web-heroes"? ad programs: web-heroes))");
  EXPECT_THAT(error_of(with(d, action_at(0, 4) + "/promotion", "spring")),
              StartsWith(action_at(0, 4) + R"(/promotion: "spring" is not a promotion name )"
                                           "(promotions: apparel-weekend)"));
  EXPECT_EQ(error_of(with(d, action_at(1, 0) + "/to", "store-north-3")),
            action_at(1, 0) +
                R"(/to: "store-north-3" is not a DC or store name (did you mean "store-north-1"? )"
                "DCs: dc-east; stores: store-north-1, store-north-2, store-central-1, "
                "store-south-1, store-south-2)");
  EXPECT_THAT(error_of(with(d, "/control_tower/rules/1/scope/node", "dc-west")),
              StartsWith(R"(/control_tower/rules/1/scope/node: "dc-west" is not a DC or store )"
                         R"(name (did you mean "dc-east"?)"));
  EXPECT_THAT(error_of(with(d, action_at(0, 3) + "/carrier", "fastco")),
              StartsWith(action_at(0, 3) + R"(/carrier: "fastco" is not a carrier name)"));
  EXPECT_THAT(error_of(with(d, action_at(0, 2) + "/zone", "east")),
              StartsWith(action_at(0, 2) + R"(/zone: "east" is not a zone name)"));
  EXPECT_THAT(error_of(with(d, action_at(1, 1) + "/skus/0", "SKU-300")),
              StartsWith(action_at(1, 1) + R"(/skus/0: "SKU-300" is not a SKU name)"));
  EXPECT_THAT(error_of(with(d, "/control_tower/rules/0/scope/zone", "nort")),
              StartsWith(R"(/control_tower/rules/0/scope/zone: "nort" is not a zone name)"));
  EXPECT_THAT(error_of(with(d, "/control_tower/rules/1/scope/category", "shoes")),
              StartsWith(R"(/control_tower/rules/1/scope/category: "shoes" is not a category )"));
  EXPECT_THAT(error_of(with(d, "/control_tower/rules/0/scope/channel", "email")),
              StartsWith(R"(/control_tower/rules/0/scope/channel: "email" is not a channel)"));
  EXPECT_THAT(error_of(with(d, action_at(1, 7) + "/reason", "too_big")),
              StartsWith(action_at(1, 7) + R"(/reason: "too_big" is not a return reason)"));
}

TEST(ScenarioErrors, TransfersAndExpediting) {
  const json d = control_document();
  EXPECT_EQ(error_of(with(d, action_at(1, 0) + "/to", "dc-east")),
            action_at(1, 0) + R"(/to: "dc-east" is the node the transfer is from (expected a )"
                              "different DC or store)");
  EXPECT_EQ(
      error_of(without(without(d, action_at(1, 0) + "/skus"), action_at(1, 0) + "/categories")),
      action_at(1, 0) +
          "/skus: missing required field (expected SKU names in skus, "
          "category names in categories, or both)");
  EXPECT_THAT(error_of(with(d, action_at(1, 0) + "/share", 0)),
              StartsWith(action_at(1, 0) + "/share: 0 is out of range (expected a number > 0 and "
                                           "<= 1)"));
  EXPECT_THAT(error_of(without(d, action_at(1, 0) + "/from")),
              StartsWith(action_at(1, 0) + "/from: missing required field (expected a DC or "
                                           "store name)"));
  for (const char* channel : {"store", "bopis"})
    EXPECT_EQ(error_of(with(d, action_at(0, 2) + "/channel", channel)),
              action_at(0, 2) + "/channel: \"" + channel +
                  "\" is not a channel shipped by carrier (store sales leave with the customer "
                  "and BOPIS orders are collected, so there is nothing to expedite; expected one "
                  R"(of "web", "marketplace"))");
  EXPECT_EQ(error_of(with(d, action_at(0, 2) + "/channel", "email")),
            action_at(0, 2) + R"(/channel: "email" is not a channel shipped by carrier )"
                              R"((expected one of "web", "marketplace"))");
}

TEST(ScenarioErrors, RuleFields) {
  const json d = control_document();
  const std::string rule = "/control_tower/rules/0";
  EXPECT_EQ(error_of(with(d, "/control_tower/rules/1/name", "cancellations")),
            R"(/control_tower/rules/1/name: "cancellations" is a duplicate rule name (already )"
            "the name of /control_tower/rules/0)");
  EXPECT_EQ(error_of(with(d, rule + "/window_days", 57)),
            rule + "/window_days: 57 is out of range (expected an integer between 1 and 56)");
  EXPECT_EQ(
      error_of(with(d, rule + "/comparator", "=")),
      rule + R"(/comparator: "=" is not a comparator (expected one of "<", "<=", ">", ">="))");
  EXPECT_THAT(error_of(with(d, rule + "/threshold", "2%")),
              StartsWith(rule + R"(/threshold: "2%" is not a number)"));
  EXPECT_THAT(error_of(without(d, rule + "/threshold")),
              StartsWith(rule + "/threshold: missing required field"));
  EXPECT_THAT(error_of(with(d, rule + "/owner", "")),
              StartsWith(rule + R"(/owner: "" is not a valid name)"));
  EXPECT_THAT(error_of(without(d, rule + "/owner")),
              StartsWith(rule + "/owner: missing required field"));
  EXPECT_THAT(error_of(with(d, rule + "/timebox_hours", 0)),
              StartsWith(rule + "/timebox_hours: 0 is out of range (expected a number > 0"));
  EXPECT_THAT(error_of(with(d, rule + "/sustained_for_hours", -1)),
              StartsWith(rule + "/sustained_for_hours: -1 is out of range"));
  EXPECT_THAT(error_of(with(d, rule + "/cooldown_hours", -1)),
              StartsWith(rule + "/cooldown_hours: -1 is out of range"));
  EXPECT_EQ(
      error_of(with(d, rule + "/cadence", "monthly")),
      rule + R"(/cadence: "monthly" is not a cadence (expected one of "immediate", "weekly"))");
  EXPECT_THAT(error_of(with(d, rule + "/scope/shop", "x")),
              StartsWith(rule + R"(/scope/shop: unknown field "shop")"));
  EXPECT_EQ(error_of(with(d, rule + "/actions", json::array())),
            rule + "/actions: [] has too few elements (expected an array of 1 to 100 actions)");
  EXPECT_EQ(error_of(with(d, rule + "/actions",
                          json::array_t(101, d["control_tower"]["rules"][0]["actions"][1]))),
            rule + "/actions: has 101 elements: at most 100 actions are supported");
  EXPECT_EQ(error_of(with(d, "/control_tower/rules", json::array_t(1001))),
            "/control_tower/rules: has 1001 elements: at most 1000 rules are supported");
  EXPECT_THAT(error_of(with(d, action_at(0, 0) + "/factor", 1.5)),
              StartsWith(action_at(0, 0) + "/factor: 1.5 is out of range (expected a number "
                                           "between 0 and 1)"));
  EXPECT_THAT(error_of(with(d, action_at(0, 1) + "/hours", 0)),
              StartsWith(action_at(0, 1) + "/hours: 0 is out of range"));
  EXPECT_THAT(error_of(with(d, action_at(1, 5) + "/value", 2)),
              StartsWith(action_at(1, 5) + "/value: 2 is out of range"));
  EXPECT_THAT(error_of(with(d, action_at(1, 3) + "/delay_hours", -1)),
              StartsWith(action_at(1, 3) + "/delay_hours: -1 is out of range"));
  EXPECT_EQ(error_of(with(d, action_at(1, 7) + "/disposition", {{"restock", 0}})),
            action_at(1, 7) + R"(/disposition: {"restock":0} has no positive probability )"
                              "(expected probabilities of restock, refurbish, liquidate and "
                              "destroy, with a positive sum)");
  EXPECT_THAT(error_of(with(d, "/control_tower/review/day", "funday")),
              StartsWith(R"(/control_tower/review/day: "funday" is not a day of the week)"));
  EXPECT_THAT(error_of(with(d, "/control_tower/review/hour", 24)),
              StartsWith("/control_tower/review/hour: 24 is out of range (expected a number >= 0 "
                         "and < 24)"));
}

TEST(ScenarioErrors, EvaluationMustFollowTheReportLatency) {
  const json d = with(control_document(), "/kpi/report_latency_minutes", 480);
  EXPECT_EQ(error_of(d),
            "/control_tower/evaluation_hour: 7.5 is not later in the day than the report latency "
            "(expected an hour after kpi.report_latency_minutes, 480 minutes after midnight: the "
            "reports of the previous day must have arrived)");
  EXPECT_EQ(error_of(without(d, "/control_tower/evaluation_hour")),
            "/control_tower/evaluation_hour: the default, 6, is not later in the day than the "
            "report latency (expected an hour after kpi.report_latency_minutes, 480 minutes after "
            "midnight: the reports of the previous day must have arrived)");
  EXPECT_EQ(error_of(with(d, "/control_tower/evaluation_hour", 8)).find("8 is not later"),
            std::string("/control_tower/evaluation_hour: ").size());  // equal is not later
  EXPECT_EQ(error_of(with(d, "/control_tower/evaluation_hour", 8.25)), "");
  // Without rules the default hour is never used, so a long latency is no error.
  EXPECT_EQ(error_of(without(without(d, "/control_tower"), "/status_quo")), "");
  EXPECT_THAT(error_of(with(control_document(), "/control_tower/evaluation_hour", 24)),
              StartsWith("/control_tower/evaluation_hour: 24 is out of range (expected a number "
                         ">= 0 and < 24)"));
}

TEST(ScenarioErrors, StatusQuo) {
  const json d = control_document();
  EXPECT_EQ(error_of(with(d, "/status_quo/rules/0", "footwear-avilability")),
            R"(/status_quo/rules/0: "footwear-avilability" is not a rule name (did you mean )"
            R"("footwear-availability"? rules: cancellations, footwear-availability))");
  EXPECT_EQ(error_of(with(d, "/status_quo/rules/1", "footwear-availability")),
            R"(/status_quo/rules/1: "footwear-availability" is listed twice (already at )"
            "/status_quo/rules/0)");
  EXPECT_EQ(error_of(without(d, "/control_tower")),
            R"(/status_quo/rules/0: "footwear-availability" is not a rule name )"
            "(control_tower.rules defines none)");
  EXPECT_THAT(
      error_of(with(d, "/status_quo/review_every_days", 0)),
      StartsWith("/status_quo/review_every_days: 0 is out of range (expected a number >= 0.01"));
  EXPECT_THAT(error_of(with(d, "/status_quo/first_review_day", -7)),
              StartsWith("/status_quo/first_review_day: -7 is out of range"));
  EXPECT_EQ(error_of(with(d, "/status_quo/window_days", 57)),
            "/status_quo/window_days: 57 is out of range (expected an integer between 0 and 56)");
  EXPECT_EQ(error_of(with(d, "/status_quo/window_days", 0)), "");  // each rule's own window
  EXPECT_THAT(error_of(with(d, "/status_quo/review_hour", 25)),
              StartsWith("/status_quo/review_hour: 25 is out of range"));
  EXPECT_THAT(error_of(with(d, "/status_quo/decision_hours", "slow")),
              StartsWith(R"(/status_quo/decision_hours: "slow" is not a distribution)"));
  EXPECT_THAT(error_of(with(d, "/status_quo/review_evry_days", 7)),
              StartsWith(R"(/status_quo/review_evry_days: unknown field "review_evry_days" (did )"
                         R"(you mean "review_every_days"?))"));
}

// An amount that rounds to no cents would be a zero divisor: a list price or an ad response's
// half-saturation spend.
TEST(ScenarioErrors, PositiveMoneyMustNotRoundToZeroCents) {
  EXPECT_THAT(error_of(with(small_document(), "/catalog/skus/0/list_price", 0.004)),
              StartsWith("/catalog/skus/0/list_price: 0.004 rounds to 0 cents (expected an amount "
                         "of money > 0"));
  EXPECT_THAT(error_of(with(levers_document(), "/advertising/programs/0/half_saturation", 0.001)),
              StartsWith("/advertising/programs/0/half_saturation: 0.001 rounds to 0 cents"));
  EXPECT_EQ(retail::parse_scenario(with(small_document(), "/catalog/skus/0/list_price", 0.005))
                .catalog.skus[0]
                .list_price_cents,
            1);
}

TEST(ScenarioErrors, ZoneWithStoreDemandButNoStore) {
  json d = small_document();
  d["network"]["stores"][2]["zone"] = "north";  // central loses its only store
  EXPECT_THAT(error_of(d), StartsWith(R"(/network/zones/1: zone "central" has store and BOPIS )"));
}

TEST(ScenarioErrors, CountsAboveTheCaps) {
  EXPECT_EQ(error_of(with(small_document(), "/network/stores", json::array_t(100'001))),
            "/network/stores: has 100001 elements: at most 100000 stores are supported");
  EXPECT_THAT(error_of(with(small_document(), "/carriers", json::array())),
              StartsWith("/carriers: [] has too few elements (expected an array of 1 to 1000 "
                         "carriers)"));
}

TEST(ScenarioErrors, LongValuesAreShortenedInMessages) {
  const std::string message =
      error_of(with(small_document(), "/horizon_days", std::string(500, 'x')));
  EXPECT_THAT(message, HasSubstr("xxx... is not an integer"));
  EXPECT_LT(message.size(), 200u);
}

TEST(ScenarioDemand, NoDemandInOneSkuZoneChannelOrHourIsAllowed) {
  json d = with(small_document(), "/catalog/skus/0/base_demand_per_day", 0);
  d = with(d, "/network/zones/0/demand_weight", 0);
  d = with(d, "/channels/marketplace/demand_weight", 0);
  json hours = json::array();
  for (int h = 0; h < 24; ++h)
    hours.push_back(h == 12 ? 1 : 0);
  d = with(d, "/channels/web/hour_of_day", hours);
  EXPECT_EQ(error_of(d), "");
}

TEST(ScenarioDemand, NoDemandAtAllIsRefused) {
  json d = small_document();
  for (json& sku : d["catalog"]["skus"])
    sku["base_demand_per_day"] = 0;
  EXPECT_THAT(error_of(d), StartsWith("/catalog/skus: no SKU has a positive demand"));
  // Positive base demand that the price effect brings to nothing is no demand either.
  for (json& sku : d["catalog"]["skus"]) {
    sku["base_demand_per_day"] = 1;
    sku["list_price"] = 0.01;
    sku["price"] = 1e9;
  }
  d = with(d, "/demand/price_elasticity", 50);
  EXPECT_THAT(error_of(d), StartsWith("/catalog/skus: no SKU has a positive demand"));
}

TEST(ScenarioDemand, DemandBeyondWhatCanBeDrawnIsRefusedAtTheFieldThatCausesIt) {
  const json d = small_document();
  EXPECT_THAT(
      error_of(with(with(d, "/catalog/skus/3/price", 0.01), "/catalog/skus/3/list_price", 1e6)),
      StartsWith("/catalog/skus/3/price: with price_elasticity 1.5, the price effect"));
  // The discount is 0.2 at /promotions/0; its misapplied rule must stay above it.
  EXPECT_THAT(error_of(with(with(d, "/promotions/0/discount", 0.9999999),
                            "/promotions/0/misapplied_discount", 0.99999999)),
              StartsWith("/promotions/0/discount: with price_elasticity 1.5, the discount "
                         "multiplies demand by"));
  EXPECT_THAT(error_of(with(with(d, "/catalog/skus/0/base_demand_per_day", 5e8),
                            "/advertising/programs/0/max_lift", 2)),
              StartsWith("/advertising/programs/0/max_lift: takes SKU \"SKU-001\""));
  json busy = d;
  for (json& sku : busy["catalog"]["skus"])
    sku["base_demand_per_day"] = 1e8;
  EXPECT_THAT(error_of(busy), AllOf(StartsWith("/catalog/skus: at its peak"),
                                    HasSubstr("units per day (at most 1000000000 are supported)")));
}

TEST(ScenarioDemand, PeriodsThatRoundToNoTimeAreRefused) {
  const json d = small_document();
  EXPECT_THAT(error_of(with(d, "/availability/sync_interval_minutes", 1e-9)),
              StartsWith("/availability/sync_interval_minutes: 1e-09 is out of range"));
  EXPECT_THAT(error_of(with(d, "/availability/marketplace_feed_hours", 1e-9)),
              StartsWith("/availability/marketplace_feed_hours: 1e-09 is out of range"));
  EXPECT_THAT(error_of(with(d, "/replenishment/dcs/review_every_hours", 1e-9)),
              StartsWith("/replenishment/dcs/review_every_hours: 1e-09 is too short a review"));
  EXPECT_EQ(error_of(with(d, "/replenishment/dcs/review_every_hours", 0)), "");
  EXPECT_EQ(error_of(with(d, "/replenishment/dcs/review_every_hours", 0.01)), "");
}

TEST(ScenarioErrors, UnresolvedExtendsIsRejectedByTheParser) {
  EXPECT_THAT(error_of(with(small_document(), "/extends", "base.json")),
              StartsWith(R"(/extends: "base.json" is not resolved)"));
}

TEST(ScenarioErrors, RootMustBeAnObject) {
  EXPECT_THAT(error_of(json::array()), StartsWith("(root): [] is not an object"));
}

// Every scalar in the example, replaced by a value of the wrong shape, is rejected at its own
// place in the document: no field escapes validation.
TEST(ScenarioErrors, EveryFieldOfTheExampleIsValidated) {
  const json document = small_document();
  const json leaves = document.flatten();
  for (const auto& [pointer, value] : leaves.items()) {
    for (const json& bad : {json::array(), json(-1)}) {
      const std::string message = error_of(with(document, pointer, bad));
      EXPECT_THAT(message, StartsWith(pointer)) << "setting " << pointer << " to " << bad.dump();
    }
  }
}

// The same for every field of the levers: promotions, advertising and their small additions.
TEST(ScenarioErrors, EveryFieldOfTheLeversIsValidated) {
  const json document = levers_document();
  const json leaves = document.flatten();
  std::size_t checked = 0;
  for (const auto& [pointer, value] : leaves.items()) {
    if (!pointer.starts_with("/promotions") && !pointer.starts_with("/advertising") &&
        !pointer.starts_with("/demand/promo_mismatch") && pointer != "/orders/reship_damaged" &&
        !pointer.starts_with("/customer_service/reasons/promo_mismatch"))
      continue;
    ++checked;
    for (const json& bad : {json::array(), json(-1)}) {
      const std::string message = error_of(with(document, pointer, bad));
      EXPECT_THAT(message, StartsWith(pointer)) << "setting " << pointer << " to " << bad.dump();
    }
  }
  EXPECT_GT(checked, 40u);
}

// The same for every field of the control tower and the status quo (a threshold may be any
// number, so only [] is wrong there).
TEST(ScenarioErrors, EveryFieldOfTheControlTowerIsValidated) {
  const json document = control_document();
  const json leaves = document.flatten();
  std::size_t checked = 0;
  for (const auto& [pointer, value] : leaves.items()) {
    if (!pointer.starts_with("/control_tower") && !pointer.starts_with("/status_quo")) continue;
    ++checked;
    for (const json& bad : {json::array(), json(-1)}) {
      if (pointer.ends_with("/threshold") && bad == json(-1)) continue;
      const std::string message = error_of(with(document, pointer, bad));
      EXPECT_THAT(message, StartsWith(pointer)) << "setting " << pointer << " to " << bad.dump();
    }
  }
  EXPECT_GT(checked, 60u);
}

TEST(ScenarioText, MalformedJsonGivesLineAndColumn) {
  try {
    retail::parse_scenario_text("{\n  \"name\": \"x\",\n  \"seed\": tru\n}", "bad.json");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_THAT(e.what(), StartsWith("bad.json: line 3, column 14: malformed JSON: syntax error"));
  }
}

TEST(ScenarioText, ColumnsCountCharactersNotBytes) {
  try {
    retail::parse_scenario_text("{\"café\": }", "");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_THAT(e.what(), StartsWith("line 1, column 10: malformed JSON"));
  }
}

TEST(ScenarioText, NonUtf8IsACleanError) {
  try {
    retail::parse_scenario_text("{\"name\": \"caf\xe9\"}", "latin1.json");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_THAT(e.what(), AllOf(StartsWith("latin1.json: line 1, column 15: malformed JSON"),
                                HasSubstr("UTF-8")));
  }
}

TEST(ScenarioText, DuplicateKeysAreErrors) {
  EXPECT_THROW(
      {
        try {
          retail::parse_scenario_text(R"({"a": [1, {"b": 2}, {"c": 1, "c": 2}]})", "dup.json");
        } catch (const ScenarioError& e) {
          EXPECT_THAT(e.what(), StartsWith("dup.json: /a/2/c: duplicate key"));
          throw;
        }
      },
      ScenarioError);
  EXPECT_NO_THROW(retail::parse_scenario_text(R"({"a": {"c": 1}, "b": {"c": 2}})", ""));
}

// Files for the extends and load_scenario tests, in a directory of their own.
class ScenarioFiles : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(testing::TempDir()) /
           ("scenario_files_" +
            std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path write(const std::string& name, const std::string& text) {
    const std::filesystem::path file = dir_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
    return file;
  }
  std::filesystem::path write_json(const std::string& name, const json& document) {
    return write(name, document.dump(2));
  }
  std::string load_error(const std::filesystem::path& file,
                         const std::vector<std::string>& overrides = {}) {
    try {
      retail::load_scenario(file, overrides);
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "";
  }

  std::filesystem::path dir_;
};

TEST_F(ScenarioFiles, ExtendsMergesRecursivelyRelativeToEachFile) {
  write_json("base/grand.json", small_document());
  write_json("base/parent.json", json{{"extends", "grand.json"},
                                      {"horizon_days", 28},
                                      {"demand", {{"out_of_stock", {{"substitute", 0.5}}}}}});
  json apparel = json::array();
  const json base = small_document();
  for (const json& sku : base["catalog"]["skus"])
    if (sku["category"] == "apparel") apparel.push_back(sku);
  const auto child =
      write_json("child.json", json{{"extends", "base/parent.json"},
                                    {"name", "child"},
                                    {"kpi", nullptr},
                                    {"advertising", nullptr},  // it advertises footwear
                                    {"catalog", {{"categories", {"apparel"}}, {"skus", apparel}}}});
  const retail::LoadedScenario loaded = retail::load_scenario(child);
  EXPECT_EQ(loaded.scenario.name, "child");
  EXPECT_EQ(loaded.scenario.horizon_days, 28u);
  EXPECT_EQ(loaded.scenario.demand.out_of_stock.substitute, 0.5);
  EXPECT_EQ(loaded.scenario.demand.out_of_stock.defer, 0.2);  // merged, not replaced
  EXPECT_EQ(loaded.scenario.catalog.skus.size(), 6u);         // arrays replace
  EXPECT_FALSE(loaded.document.contains("kpi"));              // null deletes
  EXPECT_FALSE(loaded.document.contains("extends"));
  EXPECT_EQ(loaded.scenario.kpi.report_latency_minutes, retail::Kpi{}.report_latency_minutes);
}

TEST_F(ScenarioFiles, ExtendsCyclesAreErrors) {
  write_json("a.json", json{{"extends", "b.json"}});
  const auto b = write_json("b.json", json{{"extends", "./a.json"}});
  EXPECT_THAT(load_error(b), AllOf(HasSubstr("a.json: /extends: \"b.json\" makes a cycle"),
                                   HasSubstr("b.json extends a.json extends b.json")));
  const auto self = write_json("self.json", json{{"extends", "self.json"}});
  EXPECT_THAT(load_error(self), HasSubstr("makes a cycle"));
}

TEST_F(ScenarioFiles, BadExtendsAndMissingFiles) {
  const auto child = write_json("child.json", json{{"extends", "nowhere.json"}});
  EXPECT_THAT(load_error(child),
              AllOf(HasSubstr("nowhere.json: no such file"), HasSubstr("extended by")));
  const auto number = write_json("number.json", json{{"extends", 3}});
  EXPECT_THAT(load_error(number), HasSubstr("number.json: /extends: 3 is not a file path"));
  EXPECT_THAT(load_error(dir_ / "absent.json"), HasSubstr("absent.json: no such file"));
  EXPECT_THAT(load_error(dir_), HasSubstr("not a regular file"));
}

TEST_F(ScenarioFiles, EmptyFileIsMalformed) {
  EXPECT_THAT(load_error(write("empty.json", "")),
              AllOf(HasSubstr("empty.json: line 1, column 1: malformed JSON"),
                    HasSubstr("unexpected end of input")));
}

TEST_F(ScenarioFiles, MalformedFileNamesTheFile) {
  const auto file = write("broken.json", "{\n  \"name\": \"x\",\n}\n");
  EXPECT_THAT(load_error(file), AllOf(HasSubstr("broken.json: line 3, column 1: malformed JSON"),
                                      HasSubstr("expected string literal")));
}

TEST_F(ScenarioFiles, ValidationErrorsNameTheFile) {
  const auto file =
      write_json("scenario.json", with(small_document(), "/network/stores/3/zone", "nrth"));
  EXPECT_THAT(load_error(file), HasSubstr("scenario.json: /network/stores/3/zone: \"nrth\""));
}

TEST(ScenarioOverrides, DottedPointerAndNamedPaths) {
  const retail::LoadedScenario loaded = retail::load_scenario(
      kSmall,
      {"network.dcs.0.pickers=6", "/horizon_days=28", "carriers.parcelco.capacity_per_day=2500",
       "network.stores.store-south-1.zone=north", "orders.oversell=backorder",
       R"(demand.out_of_stock.defer_hours={"distribution": "exponential", "mean": 12})"});
  const retail::Scenario& s = loaded.scenario;
  EXPECT_EQ(s.dcs[0].pickers, retail::Staffing::around_the_clock(6));
  EXPECT_EQ(s.horizon_days, 28u);
  EXPECT_EQ(s.carriers[0].capacity_per_day, 2500u);
  EXPECT_EQ(s.stores[3].zone, 0u);
  EXPECT_EQ(s.orders.oversell, retail::Orders::Oversell::backorder);
  EXPECT_EQ(s.demand.out_of_stock.defer_hours.describe(), "exponential(mean 12)");
  EXPECT_EQ(loaded.document["network"]["dcs"][0]["pickers"], 6);
}

TEST(ScenarioOverrides, CreatesObjectsAndNullDeletes) {
  json d = without(small_document(), "/demand");
  retail::apply_override(d, "demand.out_of_stock.substitute=0.4");
  retail::apply_override(d, "kpi=null");
  EXPECT_EQ(d["demand"]["out_of_stock"]["substitute"], 0.4);
  EXPECT_FALSE(d.contains("kpi"));
  EXPECT_EQ(retail::parse_scenario(d).demand.out_of_stock.substitute, 0.4);
}

TEST(ScenarioOverrides, BadSyntax) {
  EXPECT_EQ(override_error("horizon_days"),
            R"(--set "horizon_days": expected path=value, such as network.dcs.0.pickers=6)");
  EXPECT_THAT(override_error("=3"), HasSubstr("expected path=value"));
  EXPECT_THAT(override_error("network..dcs=3"),
              StartsWith(R"(--set "network..dcs=3": the dotted path has an empty segment)"));
  EXPECT_THAT(override_error("/network/~2=3"), HasSubstr("not a valid JSON pointer"));
  EXPECT_THAT(override_error("name=caf\xe9"), HasSubstr("not valid UTF-8"));
}

TEST(ScenarioOverrides, MissingElementsAndScalars) {
  EXPECT_EQ(override_error("network.dcs.5.pickers=1"),
            R"(--set "network.dcs.5.pickers=1": /network/dcs: no element 5 (the array has 1 )"
            "elements)");
  EXPECT_EQ(override_error("carriers.fastco.capacity_per_day=1"),
            R"(--set "carriers.fastco.capacity_per_day=1": /carriers: no element named "fastco" )"
            "(names: parcelco, swiftship)");
  EXPECT_THAT(override_error("horizon_days.weeks=8"), HasSubstr("/horizon_days: 56 has no fields"));
}

TEST(ScenarioOverrides, DigitsThatAreAnIndexAndAnotherElementsNameAreAmbiguous) {
  // Store numbers are often names: "3" names store 1 here, and 3 is also an index.
  json d = small_document();
  retail::apply_override(d, R"(network.stores.1.name="3")");
  json ambiguous = d;
  try {
    retail::apply_override(ambiguous, "network.stores.3.demand_weight=2");
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()),
              R"(--set "network.stores.3.demand_weight=2": /network/stores: "3" is ambiguous: )"
              R"(element 3 by index, or element 1 by its name "3" (a JSON pointer addresses by )"
              "index only: /network/stores/3 or /network/stores/1)");
  }
  // A JSON pointer addresses by index, as RFC 6901 says.
  json by_pointer = d;
  retail::apply_override(by_pointer, "/network/stores/3/demand_weight=2");
  EXPECT_EQ(by_pointer["network"]["stores"][3]["demand_weight"], 2);
  // Digits that are no index of the array, or that name the element at that index, are clear.
  retail::apply_override(d, R"(network.stores.4.name="4")");
  retail::apply_override(d, "network.stores.4.demand_weight=5");
  EXPECT_EQ(d["network"]["stores"][4]["demand_weight"], 5);
  retail::apply_override(d, R"(network.stores.2.name="07")");
  retail::apply_override(d, "network.stores.07.demand_weight=6");
  EXPECT_EQ(d["network"]["stores"][2]["demand_weight"], 6);
}

TEST(ScenarioOverrides, UnknownFieldFailsValidation) {
  try {
    retail::load_scenario(kSmall, {"network.dcs.0.pikers=3"});
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("small.json: /network/dcs/0/pikers: unknown field"),
                                HasSubstr("did you mean \"pickers\"?")));
  }
  json d = small_document();
  retail::apply_override(d, "avilability.latency_minutes=3");
  EXPECT_THAT(error_of(d), StartsWith("/avilability: unknown field \"avilability\" (did you mean "
                                      "\"availability\"?)"));
}

TEST(ScenarioOverrides, BareWordsAreStringsAndStringsStayValidated) {
  json d = small_document();
  retail::apply_override(d, "horizon_days=eight weeks");
  EXPECT_EQ(d["horizon_days"], "eight weeks");
  EXPECT_THAT(error_of(d), StartsWith(R"(/horizon_days: "eight weeks" is not an integer)"));
}

}  // namespace

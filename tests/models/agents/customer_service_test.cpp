// Customer service and the margin leakage it and other failures cause: contacts follow failed
// promises, queues raise appeasement, impatient customers abandon at no cost, marketplace
// failures cost chargebacks, and the leakage components add up to the total.
#include "models/agents/customer_service.hpp"

#include <gtest/gtest.h>

#include "models/world/simulation.hpp"
#include "tests/models/metric_lookup.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

Scenario chain() {
  Scenario s = test_chain(30, 3, 42, Levers::synthetic);
  for (auto& reason : s.service.reasons)
    reason = {1.0, 0.2, 500};
  return s;
}

double metric(const KpiTable& kpis, const std::string& name) {
  return metric_value(spine_metrics(kpis), name);
}

double mean_metric(const Scenario& scenario, const std::string& name, int replications = 3) {
  double sum = 0;
  for (int r = 0; r < replications; ++r)
    sum += metric(run_replication(scenario, r).kpis, name);
  return sum / replications;
}

TEST(CustomerService, LateDeliveriesDriveContacts) {
  Scenario on_time = chain();
  Scenario late = on_time;
  for (auto& carrier : late.carriers)
    carrier.capacity_per_day = 30;  // parcels wait for pickup, promises slip
  EXPECT_GT(mean_metric(late, "contacts_per_100_orders"),
            mean_metric(on_time, "contacts_per_100_orders") + 5);
}

TEST(CustomerService, AShortStaffedCentreMakesCustomersWaitAndCostsMoreCredits) {
  Scenario staffed = chain();
  staffed.service.wait_appeasement_per_hour = 0.1;
  Scenario short_staffed = staffed;
  short_staffed.service.agents = Staffing::around_the_clock(1);
  short_staffed.service.handle_minutes = Distribution::exponential(120);
  EXPECT_GT(mean_metric(short_staffed, "mean_contact_wait_hours"),
            10 * mean_metric(staffed, "mean_contact_wait_hours"));
  // Waiting at all, and answering within 20 seconds, tell the same story as the mean.
  EXPECT_GT(mean_metric(short_staffed, "contact_wait_probability"),
            mean_metric(staffed, "contact_wait_probability") + 0.5);
  EXPECT_LT(mean_metric(short_staffed, "contact_service_level"),
            mean_metric(staffed, "contact_service_level") - 0.5);
  // Credits per handled contact: a saturated centre handles fewer contacts in the horizon.
  const auto credit_per_contact = [](const Scenario& s) {
    std::int64_t credits = 0;
    std::int64_t handled = 0;
    for (int r = 0; r < 3; ++r) {
      const KpiTable kpis = run_replication(s, r).kpis;
      credits += kpis.total(Counter::appeasement_cents);
      handled += kpis.total(Counter::contacts_handled);
    }
    return static_cast<double>(credits) / static_cast<double>(handled);
  };
  EXPECT_GT(credit_per_contact(short_staffed), 1.5 * credit_per_contact(staffed));
}

// One agent for far more contacts than an hour-long handling time allows, and every answered
// contact credited: what the centre pays shows which contacts it answered.
Scenario overloaded() {
  Scenario s = chain();
  for (auto& reason : s.service.reasons)
    reason = {1.0, 1.0, 500};
  s.service.agents = Staffing::around_the_clock(1);
  s.service.handle_minutes = Distribution::exponential(60);
  return s;
}

TEST(CustomerService, AbandonedContactsCostNothingAndGetNoCredit) {
  Scenario impatient = overloaded();
  impatient.service.patience_minutes = Distribution::exponential(10);
  const KpiTable kpis = run_replication(impatient, 0).kpis;
  const std::int64_t handled = kpis.total(Counter::contacts_handled);
  const std::int64_t abandoned = kpis.total(Counter::contacts_abandoned);
  ASSERT_GT(handled, 100);
  ASSERT_GT(abandoned, handled);
  EXPECT_EQ(kpis.total(Counter::contact_cost_cents),
            impatient.service.cost_per_contact_cents * handled);
  EXPECT_EQ(kpis.total(Counter::appeasement_cents), 500 * handled);
  // Shares of the contacts offered: an abandoned contact waited, and missed the target.
  const auto offered = static_cast<double>(handled + abandoned);
  EXPECT_DOUBLE_EQ(metric(kpis, "contact_abandonment_rate"), abandoned / offered);
  EXPECT_DOUBLE_EQ(metric(kpis, "contact_wait_probability"),
                   (kpis.total(Counter::contacts_waited) + abandoned) / offered);
  EXPECT_DOUBLE_EQ(metric(kpis, "contact_service_level"),
                   kpis.total(Counter::contacts_within_target) / offered);
}

TEST(CustomerService, WithoutAPatienceNobodyAbandons) {
  const KpiTable kpis = run_replication(overloaded(), 0).kpis;
  const std::int64_t handled = kpis.total(Counter::contacts_handled);
  ASSERT_GT(kpis.total(Counter::contacts_waited), 100);
  EXPECT_EQ(kpis.total(Counter::contacts_abandoned), 0);
  EXPECT_EQ(metric(kpis, "contact_abandonment_rate"), 0);
  // The shares keep their answered-only values exactly.
  EXPECT_EQ(
      metric(kpis, "contact_wait_probability"),
      static_cast<double>(kpis.total(Counter::contacts_waited)) / static_cast<double>(handled));
  EXPECT_EQ(metric(kpis, "contact_service_level"),
            static_cast<double>(kpis.total(Counter::contacts_within_target)) /
                static_cast<double>(handled));
}

TEST(CustomerService, AbandonmentIsTheSameForAnyThreadCount) {
  Scenario impatient = overloaded();
  impatient.service.patience_minutes = Distribution::uniform(5, 30);
  const KpiTable sequential = run_replication(impatient, 2, 1).kpis;
  ASSERT_GT(sequential.total(Counter::contacts_abandoned), 0);
  EXPECT_TRUE(run_replication(impatient, 2, 3).kpis == sequential);
}

TEST(CustomerService, ThePatienceTimerDoesNotWidenMessages) {
  // Every pending event holds the largest message: 80 bytes on x86-64 before PatienceEnds too.
  EXPECT_LE(sizeof(Msg), 80u);
}

TEST(CustomerService, NoContactsWhenNobodyCalls) {
  Scenario quiet = chain();
  for (auto& reason : quiet.service.reasons)
    reason.probability = 0;
  const KpiTable kpis = run_replication(quiet, 0).kpis;
  EXPECT_EQ(kpis.total(Counter::contacts_handled), 0);
  EXPECT_EQ(kpis.total(Counter::appeasement_cents), 0);
}

TEST(CustomerService, MarketplaceFailuresCostAChargebackEach) {
  Scenario scenario = chain();
  scenario.service.marketplace_chargeback_cents = 700;
  for (auto& carrier : scenario.carriers)
    carrier.capacity_per_day = 30;
  const KpiTable kpis = run_replication(scenario, 0).kpis;
  std::int64_t failed = 0;
  for (std::uint32_t day = 0; day < kpis.days(); ++day) {
    for (CategoryId category = 0; category < kpis.categories(); ++category) {
      const auto at = [&](Counter c) { return kpis.at(day, Channel::marketplace, category, c); };
      failed += at(Counter::orders_cancelled) + at(Counter::orders_delivered) -
                at(Counter::orders_on_time);
    }
  }
  ASSERT_GT(failed, 0);
  EXPECT_EQ(kpis.total(Counter::chargeback_cents), 700 * failed);
}

TEST(MarginLeakage, ComponentsAddUpToTheTotal) {
  Scenario scenario = chain();
  scenario.service.marketplace_chargeback_cents = 500;
  for (auto& sku : scenario.catalog.skus)
    sku.return_propensity = 0.2;
  for (auto& reason : scenario.returns.reasons)
    reason.disposition = {0.6, 0.1, 0.2, 0.1};
  const KpiTable kpis = run_replication(scenario, 1).kpis;
  const double parts = metric(kpis, "expedited_shipping") + metric(kpis, "appeasements") +
                       metric(kpis, "chargebacks") + metric(kpis, "returns_cost") +
                       metric(kpis, "liquidation_loss") + metric(kpis, "reship_cost") +
                       metric(kpis, "promo_dilution");
  for (const char* component : {"expedited_shipping", "appeasements", "chargebacks", "returns_cost",
                                "liquidation_loss", "reship_cost", "promo_dilution"})
    EXPECT_GT(metric(kpis, component), 0) << component;
  EXPECT_NEAR(metric(kpis, "margin_leakage"), parts, 1e-6);
}

}  // namespace
}  // namespace retail

// Customers who remember, in a running chain: visits calibrated to the base, touches reported by
// the agents that have them, churn that follows bad experiences, ads that bring newcomers, and
// the base's conservation and determinism.
#include <gtest/gtest.h>

#include "models/world/simulation.hpp"
#include "tests/models/test_chain.hpp"

namespace retail {
namespace {

Scenario remembering(Levers levers = Levers::none) {
  Scenario s = test_chain(60, 4, 42, levers);
  s.customers.enabled = true;
  s.customers.initial = 20'000;
  return s;
}

double total(const ReplicationResult& result, Counter counter) {
  return static_cast<double>(result.kpis.total(counter));
}

TEST(CustomerMemory, VisitsKeepTheDemandTheChainWasCalibratedFor) {
  Scenario neutral = remembering();
  neutral.customers.effects.fill(0);
  neutral.customers.churn_per_year = 0;
  Scenario anonymous = neutral;
  anonymous.customers.enabled = false;
  double with_base = 0;
  double without = 0;
  for (std::uint64_t r = 0; r < 4; ++r) {
    with_base += total(run_replication(neutral, r), Counter::visits);
    without += total(run_replication(anonymous, r), Counter::visits);
  }
  // Thinning keeps 1 / exp(a) of the proposals at the bound exp(a): the same visits on average.
  EXPECT_NEAR(with_base / without, 1, 0.02);
}

TEST(CustomerMemory, EveryClosedOrderIsSurveyedAndEveryPurchaseCounted) {
  const ReplicationResult result = run_replication(remembering(), 0);
  const double purchases = total(result, Counter::customer_purchases);
  ASSERT_GT(purchases, 1000);
  // In-store purchases and closed online orders not cancelled are purchases; each closed order is
  // a survey.
  EXPECT_GE(total(result, Counter::nps_responses), purchases);
  EXPECT_GT(total(result, Counter::repeat_purchases), 0);
  EXPECT_LT(total(result, Counter::repeat_purchases), purchases);
  EXPECT_LE(total(result, Counter::nps_promoters) + total(result, Counter::nps_detractors),
            total(result, Counter::nps_responses));
  EXPECT_GT(total(result, Counter::customers_churned), 0);
  EXPECT_GT(total(result, Counter::lifetime_value_lost_cents), 0);
  EXPECT_GT(total(result, Counter::active_customer_days), 42 * 15'000.0);
}

TEST(CustomerMemory, StockoutsDriveCustomersAwayAndMakeDetractors) {
  Scenario fed = remembering();
  fed.customers.churn_sensitivity = 5;
  Scenario starved = fed;
  for (Store& store : starved.stores) {
    store.initial_days_of_cover = 0;
    store.replenishment.order_up_to = store.replenishment.reorder_point = 0;
  }
  const ReplicationResult hurt = run_replication(starved, 0);
  const ReplicationResult served = run_replication(fed, 0);
  EXPECT_GT(total(hurt, Counter::lost_sales_units), 10 * total(served, Counter::lost_sales_units));
  EXPECT_GT(total(hurt, Counter::customers_churned),
            1.5 * total(served, Counter::customers_churned));
  const auto nps = [](const ReplicationResult& r) {
    return (total(r, Counter::nps_promoters) - total(r, Counter::nps_detractors)) /
           total(r, Counter::nps_responses);
  };
  EXPECT_LT(nps(hurt), nps(served));
}

TEST(CustomerMemory, AdsBringNewAndFragileCustomers) {
  const ReplicationResult result = run_replication(remembering(Levers::synthetic), 0);
  EXPECT_GT(total(result, Counter::customers_ad_acquired), 0);
  EXPECT_GE(total(result, Counter::customers_acquired),
            total(result, Counter::customers_ad_acquired));
}

TEST(CustomerMemory, TheBaseIsConservedAndTheSameOnAnyThreadCount) {
  const Scenario s = remembering(Levers::synthetic);
  const ReplicationResult sequential = run_replication(s, 1);
  const Audit& a = sequential.audit;
  EXPECT_EQ(a.customers_initial, 20'000);
  EXPECT_EQ(a.customers_initial + a.customers_acquired - a.customers_churned + a.customers_won_back,
            a.customers_active);
  for (const unsigned threads : {2u, 3u})
    EXPECT_TRUE(run_replication(s, 1, threads).kpis == sequential.kpis) << threads << " threads";
}

}  // namespace
}  // namespace retail

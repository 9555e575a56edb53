// A replication's result survives the trip through bytes exactly (what rank 0 receives under
// MPI), for real replications of both arms, and garbled bytes are an error.
#include "tools/experiment/replication_codec.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include "models/scenario/loader.hpp"

namespace {

const std::string kSmall = std::string(OMNISIM_SOURCE_DIR) + "/scenarios/examples/small.json";
const std::string kWithRules =
    std::string(OMNISIM_SOURCE_DIR) + "/tests/data/small_with_rules.json";

// Equal, or both NaN with the same bits: the codec copies doubles bit for bit.
bool same_double(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

void expect_same_audit(const retail::Audit& a, const retail::Audit& b) {
  EXPECT_EQ(a.initial_units, b.initial_units);
  EXPECT_EQ(a.received_units, b.received_units);
  EXPECT_EQ(a.returned_units, b.returned_units);
  EXPECT_EQ(a.sold_units, b.sold_units);
  EXPECT_EQ(a.on_hand_units, b.on_hand_units);
  EXPECT_EQ(a.in_process_units, b.in_process_units);
  EXPECT_EQ(a.in_transit_units, b.in_transit_units);
  EXPECT_EQ(a.damaged_units, b.damaged_units);
  EXPECT_EQ(a.liquidated_units, b.liquidated_units);
  EXPECT_EQ(a.destroyed_units, b.destroyed_units);
  EXPECT_EQ(a.orders_placed, b.orders_placed);
  EXPECT_EQ(a.orders_delivered, b.orders_delivered);
  EXPECT_EQ(a.orders_cancelled, b.orders_cancelled);
  EXPECT_EQ(a.orders_open, b.orders_open);
  EXPECT_EQ(a.reships_sent, b.reships_sent);
  EXPECT_EQ(a.reships_delivered, b.reships_delivered);
  EXPECT_EQ(a.reships_cancelled, b.reships_cancelled);
  EXPECT_EQ(a.revenue_cents, b.revenue_cents);
  EXPECT_EQ(a.cogs_cents, b.cogs_cents);
  EXPECT_EQ(a.shipping_cost_cents, b.shipping_cost_cents);
  EXPECT_EQ(a.refunds_cents, b.refunds_cents);
  EXPECT_EQ(a.returned_cogs_cents, b.returned_cogs_cents);
  EXPECT_EQ(a.returns_cost_cents, b.returns_cost_cents);
  EXPECT_EQ(a.liquidation_loss_cents, b.liquidation_loss_cents);
  EXPECT_EQ(a.contact_cost_cents, b.contact_cost_cents);
  EXPECT_EQ(a.appeasement_cents, b.appeasement_cents);
  EXPECT_EQ(a.chargeback_cents, b.chargeback_cents);
  EXPECT_EQ(a.expedited_shipping_cents, b.expedited_shipping_cents);
  EXPECT_EQ(a.reship_cost_cents, b.reship_cost_cents);
  EXPECT_EQ(a.promo_dilution_cents, b.promo_dilution_cents);
  EXPECT_EQ(a.ad_spend_cents, b.ad_spend_cents);
}

void expect_same_result(const retail::ReplicationResult& a, const retail::ReplicationResult& b) {
  EXPECT_EQ(a.kpis.days(), b.kpis.days());
  EXPECT_EQ(a.kpis.categories(), b.kpis.categories());
  EXPECT_EQ(a.kpis.warmup_days(), b.kpis.warmup_days());
  EXPECT_TRUE(a.kpis.cells() == b.kpis.cells());
  EXPECT_TRUE(a.kpis.stock() == b.kpis.stock());
  EXPECT_EQ(a.kpis.open_orders_by_day(), b.kpis.open_orders_by_day());
  EXPECT_TRUE(a.kpis == b.kpis);
  expect_same_audit(a.audit, b.audit);
  EXPECT_EQ(a.stats.committed_events, b.stats.committed_events);
  EXPECT_EQ(a.stats.windows, b.stats.windows);
  EXPECT_EQ(a.stats.pending_events, b.stats.pending_events);
  EXPECT_EQ(a.stats.now, b.stats.now);
  ASSERT_EQ(a.decisions.size(), b.decisions.size());
  for (std::size_t d = 0; d < a.decisions.size(); ++d) {
    const retail::DecisionRecord& x = a.decisions[d];
    const retail::DecisionRecord& y = b.decisions[d];
    EXPECT_EQ(x.rule, y.rule) << "decision " << d;
    EXPECT_EQ(x.fired_at, y.fired_at) << "decision " << d;
    EXPECT_EQ(x.decided_at, y.decided_at) << "decision " << d;
    EXPECT_EQ(x.executed_at, y.executed_at) << "decision " << d;
    EXPECT_TRUE(same_double(x.value_at_fire, y.value_at_fire)) << "decision " << d;
    EXPECT_TRUE(same_double(x.value_after, y.value_after)) << "decision " << d;
  }
}

// Replication 1 of `file` over four weeks in `arm`.
retail::ReplicationResult replicate(const std::string& file, retail::Arm arm,
                                    std::vector<std::string> overrides = {}) {
  overrides.push_back("horizon_days=28");
  const retail::Scenario scenario = retail::load_scenario(file, overrides).scenario;
  return retail::run_replication(scenario, 1, 1, arm);
}

TEST(ReplicationCodec, RoundTripsARealReplicationInBothArms) {
  for (const retail::Arm arm : {retail::Arm::status_quo, retail::Arm::control_tower}) {
    const retail::ReplicationResult original = replicate(kSmall, arm);
    ASSERT_GT(original.kpis.total(retail::Counter::orders_placed), 0);
    ASSERT_GT(original.stats.committed_events, 0u);
    expect_same_result(omnisim::decode_replication(omnisim::encode_replication(original)),
                       original);
  }
}

TEST(ReplicationCodec, KeepsTheWarmUpTheSpineLeavesOut) {
  const retail::ReplicationResult original =
      replicate(kSmall, retail::Arm::status_quo, {"kpi.warmup_days=7"});
  ASSERT_EQ(original.kpis.warmup_days(), 7u);
  const retail::ReplicationResult copy =
      omnisim::decode_replication(omnisim::encode_replication(original));
  expect_same_result(copy, original);
  EXPECT_EQ(retail::spine_metrics(copy.kpis).front().value,
            retail::spine_metrics(original.kpis).front().value);
}

TEST(ReplicationCodec, CarriesTheNodeDays) {
  const retail::ReplicationResult original =
      replicate(kSmall, retail::Arm::status_quo, {"kpi.node_days=true"});
  ASSERT_TRUE(original.kpis.node_days().kept());
  const retail::ReplicationResult copy =
      omnisim::decode_replication(omnisim::encode_replication(original));
  EXPECT_TRUE(copy.kpis.node_days() == original.kpis.node_days());
  EXPECT_TRUE(copy.kpis == original.kpis);
}

TEST(ReplicationCodec, RoundTripsDecisionRecordsWithTheirUndefinedValues) {
  // A rule that fires whenever web orders were placed, and a status quo reviewing weekly.
  const retail::ReplicationResult original =
      replicate(kWithRules, retail::Arm::control_tower,
                {"control_tower.rules.web-cancellations.comparator=\">=\""});
  ASSERT_FALSE(original.decisions.empty());
  expect_same_result(omnisim::decode_replication(omnisim::encode_replication(original)), original);
}

TEST(ReplicationCodec, RefusesTruncatedOrExtendedBytes) {
  const std::string bytes = omnisim::encode_replication(replicate(kSmall, retail::Arm::status_quo));
  EXPECT_THROW(omnisim::decode_replication(bytes.substr(0, bytes.size() - 1)), std::runtime_error);
  EXPECT_THROW(omnisim::decode_replication(bytes.substr(0, 3)), std::runtime_error);
  EXPECT_THROW(omnisim::decode_replication(bytes + "x"), std::runtime_error);
  EXPECT_THROW(omnisim::decode_replication("not a replication at all"), std::runtime_error);
}

}  // namespace

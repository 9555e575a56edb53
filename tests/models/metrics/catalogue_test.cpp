// The metric catalogue: one described entry per metric, in the order the KPI code computes them,
// found by key and by nothing else.
#include "models/metrics/catalogue.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "models/metrics/kpi.hpp"

namespace retail {
namespace {

std::vector<MetricId> ids_of(const std::vector<Metric>& metrics) {
  std::vector<MetricId> ids;
  for (const Metric& metric : metrics)
    ids.push_back(metric.id);
  return ids;
}

std::vector<MetricId> as_vector(std::span<const MetricId> ids) {
  return {ids.begin(), ids.end()};
}

TEST(MetricCatalogue, EveryMetricHasItsOwnKeyALabelAndAMeaning) {
  std::set<std::string_view> keys;
  for (const MetricId id : spine_metric_ids()) {
    const MetricDefinition& metric = metric_definition(id);
    EXPECT_EQ(metric.id, id);
    EXPECT_FALSE(metric.key.empty());
    EXPECT_TRUE(keys.insert(metric.key).second) << "repeated key " << metric.key;
    EXPECT_FALSE(metric.label.empty()) << metric.key;
    EXPECT_TRUE(metric.meaning.ends_with('.')) << metric.key << ": one sentence";
    EXPECT_EQ(metric_key(id), metric.key);
  }
  EXPECT_EQ(keys.size(), kMetrics);
}

TEST(MetricCatalogue, TheKpisComeInCatalogueOrder) {
  const KpiTable table(2, 1);
  EXPECT_EQ(ids_of(spine_metrics(table)), as_vector(spine_metric_ids()));
  EXPECT_EQ(ids_of(daily_metrics(table, 1, Channel::web, 0)), as_vector(flow_metric_ids()));
  EXPECT_EQ(ids_of(flow_metrics(CounterTotals{})), as_vector(flow_metric_ids()));
}

TEST(MetricCatalogue, FlowMetricsComeFirstThenTheWholeRunOnes) {
  ASSERT_EQ(flow_metric_ids().size(), kFlowMetrics);
  for (std::size_t i = 0; i < kMetrics; ++i) {
    const MetricId id = spine_metric_ids()[i];
    EXPECT_EQ(metric_index(id), i);
    EXPECT_EQ(is_flow_metric(id), i < kFlowMetrics) << metric_key(id);
  }
  EXPECT_TRUE(is_flow_metric(MetricId::contribution_margin));
  EXPECT_FALSE(is_flow_metric(MetricId::inventory_turns));
}

TEST(MetricCatalogue, FindsAMetricByItsExactKeyOnly) {
  EXPECT_EQ(find_metric("otif"), MetricId::otif);
  EXPECT_EQ(find_metric("inventory_turns"), MetricId::inventory_turns);
  for (const MetricId id : spine_metric_ids())
    EXPECT_EQ(find_metric(metric_key(id)), id);
  EXPECT_EQ(find_metric("otiff"), std::nullopt);
  EXPECT_EQ(find_metric("OTIF"), std::nullopt);
  EXPECT_EQ(find_metric(" otif"), std::nullopt);
  EXPECT_EQ(find_metric(""), std::nullopt);
}

TEST(MetricCatalogue, SaysWhichWayIsBetter) {
  EXPECT_EQ(metric_definition(MetricId::otif).label, "OTIF");
  EXPECT_EQ(metric_definition(MetricId::otif).kind, MetricKind::share);
  EXPECT_TRUE(metric_definition(MetricId::contribution_margin).higher_is_better);
  EXPECT_FALSE(metric_definition(MetricId::margin_leakage).higher_is_better);
  EXPECT_FALSE(metric_definition(MetricId::cancellation_rate).higher_is_better);
}

// Every cent of leakage is in one component, and every component is a cost.
TEST(MetricCatalogue, LeakageComponentsAddUpToMarginLeakage) {
  CounterTotals totals{};
  std::int64_t cents = 100;
  for (const Counter counter :
       {Counter::expedited_shipping_cents, Counter::appeasement_cents, Counter::chargeback_cents,
        Counter::reship_cost_cents, Counter::returns_cost_cents, Counter::liquidation_loss_cents,
        Counter::promo_dilution_cents}) {
    totals[static_cast<std::size_t>(counter)] = cents;
    cents *= 2;
  }
  const std::vector<Metric> metrics = flow_metrics(totals);
  double sum = 0;
  for (const MetricId id : leakage_components()) {
    EXPECT_EQ(metric_definition(id).kind, MetricKind::money);
    EXPECT_FALSE(metric_definition(id).higher_is_better);
    sum += metrics[metric_index(id)].value;
  }
  EXPECT_DOUBLE_EQ(sum, metrics[metric_index(MetricId::margin_leakage)].value);
  EXPECT_DOUBLE_EQ(sum, (cents - 100) / 100.0);
}

}  // namespace
}  // namespace retail

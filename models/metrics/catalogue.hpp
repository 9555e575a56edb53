// The metric catalogue: every KPI of the execution spine and money, named once. Its key is the
// name in the output files, scenario rules and --objective; its label, kind, better direction
// and meaning are what the console and the report say about it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace retail {

// In the order of spine_metrics() (models/metrics/kpi.hpp): first the flow metrics, computed from
// the counters of any slice (a day, a channel, a rule's scope) and the only ones a rule may watch;
// then those only the whole run has (averages over its days).
enum class MetricId : std::uint8_t {
  availability_integrity,
  in_stock_rate,
  otif,
  on_time_rate,
  in_full_rate,
  promo_integrity,
  promo_mismatches,
  cancellation_rate,
  orders_placed,
  orders_cancelled,
  lost_sales_units,
  lost_sales_value,
  backorders,
  mean_backorder_age_hours,
  units_sold,
  returns_per_order,
  size_fit_returns_per_order,
  damaged_returns_per_order,
  liquidation_rate,
  contacts_per_100_orders,
  mean_contact_wait_hours,
  contact_wait_probability,
  contact_service_level,
  contact_abandonment_rate,
  agent_utilisation,
  mean_contact_queue,
  revenue,
  refunds,
  cogs,
  gross_margin,
  shipping_cost,
  returns_cost,
  liquidation_loss,
  appeasements,
  chargebacks,
  contact_cost,
  holding_cost,
  purchase_order_cost,
  store_delivery_cost,
  transfer_freight,
  picker_cost,
  agent_cost,
  expedited_shipping,
  reship_cost,
  promo_dilution,
  margin_leakage,
  ad_spend,
  attributed_roas,
  contribution_margin,
  mean_pick_wait_hours,
  pick_wait_probability,
  pick_service_level,
  picker_utilisation,
  mean_pick_queue,
  mean_order_cycle_hours,
  order_otif,
  order_on_time_rate,
  order_in_full_rate,
  split_shipment_rate,
  customer_orders,
  lines_per_order,
  parcels_shipped,
  new_customers,
  ad_acquired_customers,
  churned_customers,
  won_back_customers,
  churn_rate,
  repeat_purchase_rate,
  nps,
  revenue_per_customer,
  lifetime_value_lost,
  // Whole-run metrics from here on.
  average_open_orders,
  average_inventory_units,
  average_inventory_value,
  inventory_turns,
  average_active_customers,
};

inline constexpr std::size_t kFlowMetrics = static_cast<std::size_t>(MetricId::average_open_orders);
inline constexpr std::size_t kMetrics =
    static_cast<std::size_t>(MetricId::average_active_customers) + 1;

// How a value reads: what its number formats and differences look like.
enum class MetricKind : std::uint8_t {
  share,    // a rate in [0, 1], shown as a percentage; differences in percentage points
  ratio,    // a small ratio (returns per order)
  per_100,  // a rate per 100 (contacts per 100 orders)
  count,    // units, orders
  money,    // currency units
  hours,    // a duration in hours
  number,   // anything else
};

struct MetricDefinition {
  MetricId id;
  std::string_view key;    // "availability_integrity"
  std::string_view label;  // "Availability integrity"
  MetricKind kind;
  bool higher_is_better;
  std::string_view meaning;  // one sentence for a client
};

const MetricDefinition& metric_definition(MetricId id);
std::string_view metric_key(MetricId id);
// The metric named `key`, or nullopt: callers say what they were reading.
std::optional<MetricId> find_metric(std::string_view key);

// The position of a metric in spine_metrics(), and of a flow metric in flow_metrics().
constexpr std::size_t metric_index(MetricId id) {
  return static_cast<std::size_t>(id);
}
constexpr bool is_flow_metric(MetricId id) {
  return metric_index(id) < kFlowMetrics;
}

// Every metric, in spine_metrics() order.
std::span<const MetricId> spine_metric_ids();
// The flow metrics, in flow_metrics() and daily_metrics() order.
std::span<const MetricId> flow_metric_ids();
// What margin leakage adds up, in the order the report stacks them.
std::span<const MetricId> leakage_components();

}  // namespace retail

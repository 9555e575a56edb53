// The catalogue's one table, checked at compile time to follow MetricId order with unique keys.
#include "models/metrics/catalogue.hpp"

#include <array>
#include <utility>

namespace retail {
namespace {

using enum MetricKind;

constexpr std::array<MetricDefinition, kMetrics> kDefinitions = {
    MetricDefinition{MetricId::availability_integrity, "availability_integrity",
                     "Availability integrity", share, true,
                     "Orders shown as available that their node, once they reached it, could "
                     "really fulfil."},
    MetricDefinition{MetricId::in_stock_rate, "in_stock_rate", "In-stock rate", share, true,
                     "Visits that found the SKU available (substitutions excluded)."},
    MetricDefinition{
        MetricId::otif, "otif", "OTIF", share, true,
        "Order lines delivered on time and in full, against the promise made at checkout."},
    MetricDefinition{MetricId::on_time_rate, "on_time_rate", "On time", share, true,
                     "Order lines delivered by the promised date."},
    MetricDefinition{MetricId::in_full_rate, "in_full_rate", "In full", share, true,
                     "Order lines delivered complete (undamaged)."},
    MetricDefinition{MetricId::promo_integrity, "promo_integrity", "Promo integrity", share, true,
                     "Promotion slots (SKU x channel) live with the right price and content, over "
                     "the time they were advertised."},
    MetricDefinition{MetricId::promo_mismatches, "promo_mismatches", "Promo mismatches", count,
                     false, "Customers who met an advertised discount that was not there."},
    MetricDefinition{MetricId::cancellation_rate, "cancellation_rate", "Cancellation rate", share,
                     false, "Orders cancelled, over orders placed."},
    MetricDefinition{MetricId::orders_placed, "orders_placed", "Orders placed", count, true,
                     "Order lines placed online (an order of several lines counts each)."},
    MetricDefinition{MetricId::orders_cancelled, "orders_cancelled", "Orders cancelled", count,
                     false, "Orders cancelled."},
    MetricDefinition{MetricId::lost_sales_units, "lost_sales_units", "Lost sales (units)", count,
                     false,
                     "Customers who walked away from an unavailable SKU or a promotion mismatch."},
    MetricDefinition{MetricId::lost_sales_value, "lost_sales_value", "Lost sales (value)", money,
                     false, "The price of the units lost."},
    MetricDefinition{MetricId::backorders, "backorders", "Backorders", count, false,
                     "Customer order lines a node queued for want of stock (accepted "
                     "backorders, and oversold orders under oversell: backorder)."},
    MetricDefinition{MetricId::mean_backorder_age_hours, "mean_backorder_age_hours",
                     "Backorder age", hours, false,
                     "Mean time a filled backorder waited in its node's queue."},
    MetricDefinition{MetricId::units_sold, "units_sold", "Units sold", count, true, "Units sold."},
    MetricDefinition{MetricId::returns_per_order, "returns_per_order", "Returns per order", ratio,
                     false, "Return requests over orders delivered."},
    MetricDefinition{MetricId::size_fit_returns_per_order, "size_fit_returns_per_order",
                     "Size/fit returns per order", ratio, false,
                     "Return requests for size or fit, over orders delivered."},
    MetricDefinition{MetricId::damaged_returns_per_order, "damaged_returns_per_order",
                     "Damaged returns per order", ratio, false,
                     "Return requests for damage, over orders delivered."},
    MetricDefinition{MetricId::liquidation_rate, "liquidation_rate", "Liquidation rate", share,
                     false, "Returned units liquidated, over units returned."},
    MetricDefinition{MetricId::contacts_per_100_orders, "contacts_per_100_orders",
                     "Contacts per 100 orders", per_100, false,
                     "Customer-service contacts per 100 orders placed."},
    MetricDefinition{MetricId::mean_contact_wait_hours, "mean_contact_wait_hours", "Contact wait",
                     hours, false,
                     "Mean wait for a customer-service agent of the contacts answered."},
    MetricDefinition{MetricId::contact_wait_probability, "contact_wait_probability",
                     "Contacts that waited", share, false,
                     "Contacts that had to wait for an agent (answered after a wait, or "
                     "abandoned), over contacts offered (answered + abandoned)."},
    MetricDefinition{MetricId::contact_service_level, "contact_service_level",
                     "Contact service level", share, true,
                     "Contacts answered within customer_service.answer_target_seconds, over "
                     "contacts offered (answered + abandoned): an abandoned contact is a miss."},
    MetricDefinition{MetricId::contact_abandonment_rate, "contact_abandonment_rate",
                     "Contact abandonment", share, false,
                     "Contacts that hung up before an agent answered (their "
                     "customer_service.patience_minutes ran out), over contacts offered "
                     "(answered + abandoned)."},
    MetricDefinition{MetricId::agent_utilisation, "agent_utilisation", "Agent utilisation", share,
                     true, "Agents' time busy with a contact, over their time on duty."},
    MetricDefinition{MetricId::mean_contact_queue, "mean_contact_queue", "Contact queue", number,
                     false, "Contacts waiting for an agent, on average over time."},
    MetricDefinition{MetricId::revenue, "revenue", "Revenue", money, true, "Sales net of refunds."},
    MetricDefinition{MetricId::refunds, "refunds", "Refunds", money, false,
                     "Prices refunded on returns."},
    MetricDefinition{MetricId::cogs, "cogs", "COGS", money, false,
                     "Cost of goods sold, net of returned units."},
    MetricDefinition{MetricId::gross_margin, "gross_margin", "Gross margin", money, true,
                     "Revenue - COGS."},
    MetricDefinition{MetricId::shipping_cost, "shipping_cost", "Shipping cost", money, false,
                     "Parcel costs, expedited service and re-ships included."},
    MetricDefinition{MetricId::returns_cost, "returns_cost", "Returns cost", money, false,
                     "Return labels, handling, refurbishing and destruction."},
    MetricDefinition{MetricId::liquidation_loss, "liquidation_loss", "Liquidation loss", money,
                     false,
                     "Returned stock written off: liquidated net of recovery, or destroyed."},
    MetricDefinition{MetricId::appeasements, "appeasements", "Appeasements", money, false,
                     "Credits granted to customers who contacted us."},
    MetricDefinition{MetricId::chargebacks, "chargebacks", "Chargebacks", money, false,
                     "Marketplace penalties for late and cancelled orders."},
    MetricDefinition{MetricId::contact_cost, "contact_cost", "Contact cost", money, false,
                     "Cost of handling contacts."},
    MetricDefinition{MetricId::holding_cost, "holding_cost", "Holding cost", money, false,
                     "Carrying cost of the stock on hand at DCs and stores: the annual rate x "
                     "unit cost x the time each unit is held."},
    MetricDefinition{MetricId::purchase_order_cost, "purchase_order_cost", "Purchase orders", money,
                     false, "The cost of raising the DCs' purchase orders to suppliers."},
    MetricDefinition{MetricId::store_delivery_cost, "store_delivery_cost", "Store deliveries",
                     money, false,
                     "Freight of DC -> store replenishment: per shipment and per unit."},
    MetricDefinition{MetricId::transfer_freight, "transfer_freight", "Transfer freight", money,
                     false, "Freight of the control tower's inventory transfers."},
    MetricDefinition{MetricId::picker_cost, "picker_cost", "Picker labour", money, false,
                     "DC pickers' hours on duty x costs.picker_hour; hours the control tower "
                     "adds at costs.flexible_premium times the rate."},
    MetricDefinition{MetricId::agent_cost, "agent_cost", "Agent labour", money, false,
                     "Contact-centre agents' hours on duty x costs.agent_hour; hours the control "
                     "tower adds at costs.flexible_premium times the rate."},
    MetricDefinition{MetricId::expedited_shipping, "expedited_shipping", "Expedited shipping",
                     money, false, "The part of shipping paid for expedited service."},
    MetricDefinition{MetricId::reship_cost, "reship_cost", "Re-ships", money, false,
                     "Shipping replacements for parcels delivered damaged."},
    MetricDefinition{MetricId::promo_dilution, "promo_dilution", "Promo dilution", money, false,
                     "Discount given beyond the promotion's by misapplied rules."},
    MetricDefinition{MetricId::margin_leakage, "margin_leakage", "Margin leakage", money, false,
                     "Expedited shipping + appeasements + chargebacks + re-ships + returns cost + "
                     "liquidation loss + promo dilution + customer lifetime value lost."},
    MetricDefinition{MetricId::ad_spend, "ad_spend", "Ad spend", money, false,
                     "Advertising spend."},
    MetricDefinition{
        MetricId::attributed_roas, "attributed_roas", "Attributed ROAS", number, true,
        "Revenue of the orders ads brought (cancelled or not) per unit of ad spend, as "
        "marketing sees it."},
    MetricDefinition{
        MetricId::contribution_margin, "contribution_margin", "Contribution margin", money, true,
        "Gross margin - shipping - returns, liquidation and contact costs - appeasements "
        "- chargebacks - holding, purchase-order, store-delivery and transfer costs - "
        "picker and agent labour - ad spend."},
    MetricDefinition{MetricId::mean_pick_wait_hours, "mean_pick_wait_hours", "DC pick wait", hours,
                     false, "Mean wait of an online order for a free picker at the DC."},
    MetricDefinition{MetricId::pick_wait_probability, "pick_wait_probability", "Picks that waited",
                     share, false,
                     "Online orders that waited for a free picker, over picks started."},
    MetricDefinition{MetricId::pick_service_level, "pick_service_level", "Pick service level",
                     share, true,
                     "Online orders a picker started within kpi.pick_wait_target_minutes, over "
                     "picks started."},
    MetricDefinition{MetricId::picker_utilisation, "picker_utilisation", "Picker utilisation",
                     share, true, "DC pickers' time busy with a pick, over their time on duty."},
    MetricDefinition{MetricId::mean_pick_queue, "mean_pick_queue", "DC pick queue", number, false,
                     "Online orders waiting for a picker at a DC, on average over time (per DC "
                     "when several are in scope)."},
    MetricDefinition{MetricId::mean_order_cycle_hours, "mean_order_cycle_hours", "Order cycle time",
                     hours, false, "Mean time from order to delivery."},
    MetricDefinition{MetricId::order_otif, "order_otif", "Order OTIF", share, true,
                     "Customer orders whose every line was delivered by its promise and "
                     "undamaged, over the orders closed (every line delivered or cancelled): an "
                     "order with a cancelled line is not in full."},
    MetricDefinition{MetricId::order_on_time_rate, "order_on_time_rate", "Order on time", share,
                     true,
                     "Customer orders whose every line was delivered by its promise, over the "
                     "orders closed."},
    MetricDefinition{MetricId::order_in_full_rate, "order_in_full_rate", "Order in full", share,
                     true,
                     "Customer orders whose every line was delivered undamaged, over the orders "
                     "closed."},
    MetricDefinition{MetricId::split_shipment_rate, "split_shipment_rate", "Split shipments", share,
                     false,
                     "Closed orders of which two or more lines went by carrier that went in more "
                     "than one parcel."},
    MetricDefinition{MetricId::customer_orders, "customer_orders", "Customer orders", count, true,
                     "Orders placed online, each of one or more lines."},
    MetricDefinition{MetricId::lines_per_order, "lines_per_order", "Lines per order", ratio, true,
                     "Order lines placed over customer orders placed."},
    MetricDefinition{MetricId::parcels_shipped, "parcels_shipped", "Parcels", count, false,
                     "Parcels carriers collected: the lines of one order waiting at one node at "
                     "a pickup, re-ships included."},
    MetricDefinition{MetricId::new_customers, "new_customers", "New customers", count, true,
                     "Customers acquired, by the base rate and by ads."},
    MetricDefinition{MetricId::ad_acquired_customers, "ad_acquired_customers",
                     "Ad-acquired customers", count, true,
                     "New customers ads brought (fragile: a higher churn hazard)."},
    MetricDefinition{MetricId::churned_customers, "churned_customers", "Churned customers", count,
                     false, "Customers who stopped visiting."},
    MetricDefinition{MetricId::won_back_customers, "won_back_customers", "Won-back customers",
                     count, true, "Churned customers who came back."},
    MetricDefinition{MetricId::churn_rate, "churn_rate", "Churn rate", number, false,
                     "Churned customers per customer-year active: the annual churn hazard the "
                     "base showed."},
    MetricDefinition{MetricId::repeat_purchase_rate, "repeat_purchase_rate", "Repeat purchases",
                     share, true,
                     "Purchases (orders delivered, ready or bought in store) by customers who had "
                     "bought before, over all purchases."},
    MetricDefinition{MetricId::nps, "nps", "NPS proxy", number, true,
                     "Promoters - detractors per 100 customers surveyed after each closed order, "
                     "by their satisfaction then (customers.promoter_min_satisfaction, "
                     "customers.detractor_max_satisfaction)."},
    MetricDefinition{MetricId::revenue_per_customer, "revenue_per_customer",
                     "Revenue per customer-year", money, true,
                     "Revenue (net of refunds) per active customer per year."},
    MetricDefinition{MetricId::lifetime_value_lost, "lifetime_value_lost",
                     "Customer lifetime value lost", money, false,
                     "Churned customers' expected future margin over customers."
                     "lifetime_horizon_years, discounted at customers.discount_rate_per_year."},
    MetricDefinition{MetricId::average_open_orders, "average_open_orders", "Open orders", count,
                     false, "Orders placed and neither delivered nor cancelled, on average."},
    MetricDefinition{MetricId::average_inventory_units, "average_inventory_units",
                     "Average inventory (units)", count, false,
                     "Units on hand at the end of the day, on average."},
    MetricDefinition{MetricId::average_inventory_value, "average_inventory_value",
                     "Average inventory (value)", money, false,
                     "Stock at cost at the end of the day, on average."},
    MetricDefinition{MetricId::inventory_turns, "inventory_turns", "Inventory turns", number, true,
                     "Annualised COGS over average inventory at cost."},
    MetricDefinition{MetricId::average_active_customers, "average_active_customers",
                     "Active customers", count, true,
                     "Customers of the base still visiting, at the end of the day, on average."},
};

constexpr bool in_id_order() {
  for (std::size_t i = 0; i < kDefinitions.size(); ++i) {
    if (metric_index(kDefinitions[i].id) != i) return false;
  }
  return true;
}
static_assert(in_id_order(), "kDefinitions must list the metrics in MetricId order");

constexpr bool keys_unique() {
  for (std::size_t i = 0; i < kDefinitions.size(); ++i) {
    for (std::size_t j = i + 1; j < kDefinitions.size(); ++j) {
      if (kDefinitions[i].key == kDefinitions[j].key) return false;
    }
  }
  return true;
}
static_assert(keys_unique(), "two metrics share a key");

template <std::size_t... I>
constexpr std::array<MetricId, sizeof...(I)> ids(std::index_sequence<I...>) {
  return {static_cast<MetricId>(I)...};
}
constexpr auto kAllIds = ids(std::make_index_sequence<kMetrics>{});

constexpr std::array kLeakageComponents = {
    MetricId::expedited_shipping, MetricId::appeasements,       MetricId::chargebacks,
    MetricId::reship_cost,        MetricId::returns_cost,       MetricId::liquidation_loss,
    MetricId::promo_dilution,     MetricId::lifetime_value_lost};

}  // namespace

const MetricDefinition& metric_definition(MetricId id) {
  return kDefinitions.at(metric_index(id));
}

std::string_view metric_key(MetricId id) {
  return metric_definition(id).key;
}

std::optional<MetricId> find_metric(std::string_view key) {
  for (const MetricDefinition& definition : kDefinitions) {
    if (definition.key == key) return definition.id;
  }
  return std::nullopt;
}

std::span<const MetricId> spine_metric_ids() {
  return kAllIds;
}

std::span<const MetricId> flow_metric_ids() {
  return std::span<const MetricId>(kAllIds).first(kFlowMetrics);
}

std::span<const MetricId> leakage_components() {
  return kLeakageComponents;
}

}  // namespace retail

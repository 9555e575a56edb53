// The conservation laws every run must satisfy, and what messages in flight contribute to them.
#include "models/metrics/audit.hpp"

#include <string>

#include "models/metrics/kpi.hpp"

namespace retail {

namespace {

template <class... Handlers>
struct Overloaded : Handlers... {
  using Handlers::operator()...;
};
// Spelled out for compilers (clang 14) without C++20's implicit aggregate deduction guides.
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

std::string n(std::int64_t value) {
  return std::to_string(value);
}

void require_equal(std::int64_t ledger, std::int64_t reported, const char* what,
                   std::uint64_t replication) {
  if (ledger != reported) {
    throw InvariantViolation("replication " + std::to_string(replication) + ": " + what +
                             " do not balance: the agents' ledgers say " + n(ledger) +
                             ", the KPI reports say " + n(reported));
  }
}

// Each ledger total the agents keep against the KPI counter reporting the same flow.
struct LedgerCheck {
  std::int64_t Audit::*ledger;
  Counter counter;
  const char* what;
};
constexpr LedgerCheck kLedgerChecks[] = {
    {&Audit::revenue_cents, Counter::revenue_cents, "revenue (cents)"},
    {&Audit::cogs_cents, Counter::cogs_cents, "cost of goods sold (cents)"},
    {&Audit::shipping_cost_cents, Counter::shipping_cost_cents, "shipping costs (cents)"},
    {&Audit::refunds_cents, Counter::refunds_cents, "refunds (cents)"},
    {&Audit::returned_cogs_cents, Counter::returned_cogs_cents, "returned cost of goods (cents)"},
    {&Audit::returns_cost_cents, Counter::returns_cost_cents, "returns costs (cents)"},
    {&Audit::liquidation_loss_cents, Counter::liquidation_loss_cents, "liquidation losses (cents)"},
    {&Audit::contact_cost_cents, Counter::contact_cost_cents, "contact costs (cents)"},
    {&Audit::appeasement_cents, Counter::appeasement_cents, "appeasements (cents)"},
    {&Audit::chargeback_cents, Counter::chargeback_cents, "chargebacks (cents)"},
    {&Audit::expedited_shipping_cents, Counter::expedited_shipping_cents,
     "expedited shipping (cents)"},
    {&Audit::reship_cost_cents, Counter::reship_cost_cents, "re-ship costs (cents)"},
    {&Audit::promo_dilution_cents, Counter::promo_dilution_cents, "promotion dilution (cents)"},
    {&Audit::ad_spend_cents, Counter::ad_spend_cents, "ad spend (cents)"},
    {&Audit::holding_cost_cents, Counter::holding_cost_cents, "holding costs (cents)"},
    {&Audit::purchase_order_cost_cents, Counter::purchase_order_cost_cents,
     "purchase-order costs (cents)"},
    {&Audit::store_delivery_cost_cents, Counter::store_delivery_cost_cents,
     "store-delivery freight (cents)"},
    {&Audit::transfer_freight_cents, Counter::transfer_freight_cents, "transfer freight (cents)"},
    {&Audit::picker_cost_cents, Counter::picker_cost_cents, "picker labour (cents)"},
    {&Audit::agent_cost_cents, Counter::agent_cost_cents, "agent labour (cents)"},
    {&Audit::lifetime_value_lost_cents, Counter::lifetime_value_lost_cents,
     "customer lifetime value lost (cents)"},
    {&Audit::customers_acquired, Counter::customers_acquired, "customers acquired"},
    {&Audit::customers_churned, Counter::customers_churned, "customers churned"},
    {&Audit::customers_won_back, Counter::customers_won_back, "customers won back"},
    {&Audit::reships_sent, Counter::reships, "re-ships"},
    {&Audit::sold_units, Counter::units_sold, "units sold"},
    {&Audit::returned_units, Counter::units_returned, "returned units"},
    {&Audit::liquidated_units, Counter::units_liquidated, "liquidated units"},
    {&Audit::destroyed_units, Counter::units_destroyed, "destroyed units"},
    {&Audit::damaged_units, Counter::units_damaged, "damaged units"},
    {&Audit::orders_placed, Counter::orders_placed, "orders placed"},
    {&Audit::orders_delivered, Counter::orders_delivered, "orders delivered"},
    {&Audit::orders_cancelled, Counter::orders_cancelled, "orders cancelled"},
    {&Audit::customer_orders, Counter::customer_orders, "customer orders placed"},
    {&Audit::customer_orders_closed, Counter::customer_orders_closed, "customer orders closed"},
    {&Audit::parcels, Counter::parcels_shipped, "parcels"},
    {&Audit::contacts_handled, Counter::contacts_handled, "contacts handled"},
    {&Audit::contacts_abandoned, Counter::contacts_abandoned, "contacts abandoned"},
};

// Every placed line belongs to one customer order, and every order, like every line, ends closed
// or is open at the horizon.
void check_customer_orders(const Audit& a, std::uint64_t replication) {
  const std::string in = "replication " + std::to_string(replication) + ": ";
  if (a.customer_order_lines != a.orders_placed)
    throw InvariantViolation(in + "order lines do not add up to orders: the customer orders hold " +
                             n(a.customer_order_lines) + " lines, but " + n(a.orders_placed) +
                             " lines were placed");
  if (a.customer_orders != a.customer_orders_closed + a.customer_orders_open)
    throw InvariantViolation(in + "customer orders are not conserved: placed " +
                             n(a.customer_orders) + ", but closed " + n(a.customer_orders_closed) +
                             " + open " + n(a.customer_orders_open) + " = " +
                             n(a.customer_orders_closed + a.customer_orders_open));
  const std::int64_t reships_open = a.reships_sent - a.reships_delivered - a.reships_cancelled;
  if (a.customer_order_lines_open != a.orders_open - reships_open)
    throw InvariantViolation(in + "open customer orders hold " + n(a.customer_order_lines_open) +
                             " lines not yet delivered or cancelled, but " + n(a.orders_open) +
                             " lines are open, " + n(reships_open) + " of them re-ships");
}

}  // namespace

void audit_in_flight(const Msg& message, Audit& audit) {
  std::visit(Overloaded{
                 [&](const Shipment& shipment) {
                   for (const StockLine& line : shipment.lines)
                     audit.in_transit_units += line.units;
                 },
                 [&](const Tender&) {
                   ++audit.in_transit_units;
                   ++audit.orders_open;
                 },
                 [&](const Delivered& delivery) {
                   // A BOPIS "ready" notice: the unit is still held at the store, counted there.
                   if (delivery.line.channel != Channel::bopis) ++audit.in_transit_units;
                   ++audit.orders_open;
                 },
                 [&](const FulfillOrder&) { ++audit.orders_open; },
                 [&](const OrderCancelled&) { ++audit.orders_open; },
                 [](const auto&) {},
             },
             message);
}

void check_invariants(const Audit& a, const KpiTable& kpis, std::uint64_t replication) {
  const std::int64_t in = a.initial_units + a.received_units + a.returned_units;
  const std::int64_t out = a.sold_units + a.on_hand_units + a.in_process_units +
                           a.in_transit_units + a.damaged_units + a.liquidated_units +
                           a.destroyed_units;
  if (in != out) {
    throw InvariantViolation(
        "replication " + std::to_string(replication) + ": units are not conserved: initial " +
        n(a.initial_units) + " + received " + n(a.received_units) + " + returned " +
        n(a.returned_units) + " = " + n(in) + ", but sold " + n(a.sold_units) + " + on hand " +
        n(a.on_hand_units) + " + in process " + n(a.in_process_units) + " + in transit " +
        n(a.in_transit_units) + " + damaged " + n(a.damaged_units) + " + liquidated " +
        n(a.liquidated_units) + " + destroyed " + n(a.destroyed_units) + " = " + n(out));
  }
  const std::int64_t lines = a.orders_placed + a.reships_sent;
  const std::int64_t accounted = a.orders_delivered + a.reships_delivered + a.orders_cancelled +
                                 a.reships_cancelled + a.orders_open;
  if (lines != accounted) {
    throw InvariantViolation("replication " + std::to_string(replication) +
                             ": orders are not conserved: placed " + n(a.orders_placed) +
                             " + re-ships " + n(a.reships_sent) + " = " + n(lines) +
                             ", but delivered " + n(a.orders_delivered) + " + re-ships delivered " +
                             n(a.reships_delivered) + " + cancelled " + n(a.orders_cancelled) +
                             " + re-ships cancelled " + n(a.reships_cancelled) + " + open " +
                             n(a.orders_open) + " = " + n(accounted));
  }
  check_customer_orders(a, replication);
  const std::int64_t contacts_out = a.contacts_handled + a.contacts_abandoned + a.contacts_waiting;
  if (a.contacts_arrived != contacts_out) {
    throw InvariantViolation(
        "replication " + std::to_string(replication) + ": contacts are not conserved: arrived " +
        n(a.contacts_arrived) + ", but handled " + n(a.contacts_handled) + " + abandoned " +
        n(a.contacts_abandoned) + " + waiting " + n(a.contacts_waiting) + " = " + n(contacts_out));
  }
  const std::int64_t customers_kept =
      a.customers_initial + a.customers_acquired - a.customers_churned + a.customers_won_back;
  if (customers_kept != a.customers_active) {
    throw InvariantViolation(
        "replication " + std::to_string(replication) + ": customers are not conserved: initial " +
        n(a.customers_initial) + " + acquired " + n(a.customers_acquired) + " - churned " +
        n(a.customers_churned) + " + won back " + n(a.customers_won_back) + " = " +
        n(customers_kept) + ", but " + n(a.customers_active) + " are active");
  }
  for (const LedgerCheck& check : kLedgerChecks)
    require_equal(a.*check.ledger, kpis.total(check.counter), check.what, replication);
  std::int64_t contacts_reported = 0;
  for (std::size_t r = 0; r < kContactReasons; ++r)
    contacts_reported += kpis.total(contacts_counter(static_cast<ContactReason>(r)));
  require_equal(a.contacts_arrived, contacts_reported, "contacts arrived", replication);
}

}  // namespace retail

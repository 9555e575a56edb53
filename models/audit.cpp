// The conservation laws every run must satisfy, and what messages in flight contribute to them.
#include "models/audit.hpp"

#include <string>

#include "models/kpi.hpp"

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

}  // namespace

void audit_in_flight(const Msg& message, Audit& audit) {
  std::visit(Overloaded{
                 [&](const Shipment& shipment) { audit.in_transit_units += shipment.quantity; },
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
  require_equal(a.revenue_cents, kpis.total(Counter::revenue_cents), "revenue (cents)",
                replication);
  require_equal(a.cogs_cents, kpis.total(Counter::cogs_cents), "cost of goods sold (cents)",
                replication);
  require_equal(a.shipping_cost_cents, kpis.total(Counter::shipping_cost_cents),
                "shipping costs (cents)", replication);
  require_equal(a.refunds_cents, kpis.total(Counter::refunds_cents), "refunds (cents)",
                replication);
  require_equal(a.returned_cogs_cents, kpis.total(Counter::returned_cogs_cents),
                "returned cost of goods (cents)", replication);
  require_equal(a.returns_cost_cents, kpis.total(Counter::returns_cost_cents),
                "returns costs (cents)", replication);
  require_equal(a.liquidation_loss_cents, kpis.total(Counter::liquidation_loss_cents),
                "liquidation losses (cents)", replication);
  require_equal(a.contact_cost_cents, kpis.total(Counter::contact_cost_cents),
                "contact costs (cents)", replication);
  require_equal(a.appeasement_cents, kpis.total(Counter::appeasement_cents), "appeasements (cents)",
                replication);
  require_equal(a.chargeback_cents, kpis.total(Counter::chargeback_cents), "chargebacks (cents)",
                replication);
  require_equal(a.expedited_shipping_cents, kpis.total(Counter::expedited_shipping_cents),
                "expedited shipping (cents)", replication);
  require_equal(a.reship_cost_cents, kpis.total(Counter::reship_cost_cents),
                "re-ship costs (cents)", replication);
  require_equal(a.promo_dilution_cents, kpis.total(Counter::promo_dilution_cents),
                "promotion dilution (cents)", replication);
  require_equal(a.ad_spend_cents, kpis.total(Counter::ad_spend_cents), "ad spend (cents)",
                replication);
  require_equal(a.reships_sent, kpis.total(Counter::reships), "re-ships", replication);
  require_equal(a.sold_units, kpis.total(Counter::units_sold), "units sold", replication);
  require_equal(a.returned_units, kpis.total(Counter::units_returned), "returned units",
                replication);
  require_equal(a.liquidated_units, kpis.total(Counter::units_liquidated), "liquidated units",
                replication);
  require_equal(a.destroyed_units, kpis.total(Counter::units_destroyed), "destroyed units",
                replication);
  require_equal(a.damaged_units, kpis.total(Counter::units_damaged), "damaged units", replication);
  require_equal(a.orders_placed, kpis.total(Counter::orders_placed), "orders placed", replication);
  require_equal(a.orders_delivered, kpis.total(Counter::orders_delivered), "orders delivered",
                replication);
  require_equal(a.orders_cancelled, kpis.total(Counter::orders_cancelled), "orders cancelled",
                replication);
}

}  // namespace retail

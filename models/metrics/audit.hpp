// The end-of-run audit: units, orders and money counted independently by every agent and in every
// message still in flight, checked against the conservation laws. A violation is an error.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "models/agents/messages.hpp"

namespace retail {

class KpiTable;

class InvariantViolation : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Audit {
  // Units: initial + received + returned
  //        = sold + on_hand + in_process + in_transit + damaged + liquidated + destroyed.
  std::int64_t initial_units = 0;
  std::int64_t received_units = 0;    // supplier receipts into DCs
  std::int64_t returned_units = 0;    // customer returns received at DCs
  std::int64_t sold_units = 0;        // store sales, BOPIS collections, web deliveries
  std::int64_t on_hand_units = 0;     // on shelves and in DC stock
  std::int64_t in_process_units = 0;  // allocated to an order, not yet handed over
  std::int64_t in_transit_units = 0;  // on trucks and in parcels
  std::int64_t damaged_units = 0;
  std::int64_t liquidated_units = 0;
  std::int64_t destroyed_units = 0;

  // Order lines: placed + re-ships sent
  //              = delivered + re-ships delivered + cancelled + re-ships cancelled + open.
  std::int64_t orders_placed = 0;
  std::int64_t orders_delivered = 0;
  std::int64_t orders_cancelled = 0;
  std::int64_t orders_open = 0;  // lines on their way, original or re-ship
  std::int64_t reships_sent = 0;
  std::int64_t reships_delivered = 0;
  std::int64_t reships_cancelled = 0;

  // Customer orders, each of one or more of the lines above (re-ships belong to none):
  //   lines of the orders placed = order lines placed;
  //   orders placed = closed (every line delivered or cancelled) + open;
  //   lines still to be delivered or cancelled in open orders = lines open - re-ships open.
  std::int64_t customer_orders = 0;
  std::int64_t customer_orders_closed = 0;
  std::int64_t customer_orders_open = 0;
  std::int64_t customer_order_lines = 0;       // lines the orders were placed with
  std::int64_t customer_order_lines_open = 0;  // their lines not yet delivered or cancelled
  std::int64_t parcels = 0;                    // parcels carriers collected

  // Contacts: arrived at customer service = handled (an agent took them) + abandoned + waiting.
  std::int64_t contacts_arrived = 0;
  std::int64_t contacts_handled = 0;
  std::int64_t contacts_abandoned = 0;
  std::int64_t contacts_waiting = 0;

  // The customer bases: initial + acquired - churned + won back = active.
  std::int64_t customers_initial = 0;
  std::int64_t customers_acquired = 0;
  std::int64_t customers_churned = 0;
  std::int64_t customers_won_back = 0;
  std::int64_t customers_active = 0;

  // Money, in cents, from the agents' own ledgers.
  std::int64_t revenue_cents = 0;
  std::int64_t cogs_cents = 0;
  std::int64_t shipping_cost_cents = 0;
  std::int64_t refunds_cents = 0;
  std::int64_t returned_cogs_cents = 0;
  std::int64_t returns_cost_cents = 0;
  std::int64_t liquidation_loss_cents = 0;
  std::int64_t contact_cost_cents = 0;
  std::int64_t appeasement_cents = 0;
  std::int64_t chargeback_cents = 0;
  std::int64_t expedited_shipping_cents = 0;
  std::int64_t reship_cost_cents = 0;
  std::int64_t promo_dilution_cents = 0;
  std::int64_t ad_spend_cents = 0;
  std::int64_t holding_cost_cents = 0;
  std::int64_t purchase_order_cost_cents = 0;
  std::int64_t store_delivery_cost_cents = 0;
  std::int64_t transfer_freight_cents = 0;
  std::int64_t picker_cost_cents = 0;
  std::int64_t agent_cost_cents = 0;
  std::int64_t lifetime_value_lost_cents = 0;
};

// Adds what a message in flight carries: units in transit, orders still open.
void audit_in_flight(const Msg& message, Audit& audit);

// Throws InvariantViolation naming the law, both sides and the replication when one fails; the
// KPI table (with every report collected) must agree with the ledgers and order counts.
void check_invariants(const Audit& audit, const KpiTable& kpis, std::uint64_t replication);

}  // namespace retail

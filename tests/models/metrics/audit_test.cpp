// The end-of-run audit: what messages in flight carry, and each conservation law failing loudly.
#include "models/metrics/audit.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "models/metrics/kpi.hpp"

namespace retail {
namespace {

using ::testing::HasSubstr;

std::string violation(const Audit& audit, const KpiTable& kpis) {
  try {
    check_invariants(audit, kpis, 7);
  } catch (const InvariantViolation& e) {
    return e.what();
  }
  return "";
}

TEST(Audit, MessagesInFlightCarryUnitsAndOpenOrders) {
  Audit audit;
  audit_in_flight(Shipment{{{0, 5}, {1, 7}}}, audit);
  audit_in_flight(Tender{}, audit);
  OrderLine bopis;
  bopis.channel = Channel::bopis;
  audit_in_flight(Delivered{.line = bopis}, audit);  // the unit is still at the store
  audit_in_flight(Delivered{}, audit);
  audit_in_flight(FulfillOrder{}, audit);
  audit_in_flight(CustomerArrival{}, audit);
  EXPECT_EQ(audit.in_transit_units, 12 + 1 + 1);
  EXPECT_EQ(audit.orders_open, 4);
}

TEST(Audit, ABalancedRunPasses) {
  Audit audit;
  audit.initial_units = 10;
  audit.received_units = 5;
  audit.on_hand_units = 14;
  audit.in_transit_units = 1;
  const KpiTable kpis(1, 1);
  EXPECT_EQ(violation(audit, kpis), "");
}

TEST(Audit, EachLawNamesItselfAndTheNumbers) {
  const KpiTable kpis(1, 1);
  Audit units;
  units.initial_units = 10;
  units.on_hand_units = 9;
  EXPECT_THAT(violation(units, kpis), HasSubstr("replication 7: units are not conserved"));
  EXPECT_THAT(violation(units, kpis), HasSubstr("initial 10"));

  Audit orders;
  orders.orders_placed = 3;
  orders.orders_delivered = 1;
  EXPECT_THAT(violation(orders, kpis), HasSubstr("orders are not conserved: placed 3"));

  Audit money;
  money.revenue_cents = 500;
  EXPECT_THAT(violation(money, kpis), HasSubstr("revenue (cents) do not balance"));

  Audit contacts;
  contacts.contacts_arrived = 5;
  contacts.contacts_handled = 3;
  contacts.contacts_abandoned = 1;
  EXPECT_THAT(violation(contacts, kpis),
              HasSubstr("contacts are not conserved: arrived 5, but handled 3 + abandoned 1 + "
                        "waiting 0 = 4"));

  Audit unreported;  // conserved, but no KPI report counts the abandonments
  unreported.contacts_arrived = 2;
  unreported.contacts_abandoned = 2;
  EXPECT_THAT(violation(unreported, kpis), HasSubstr("contacts abandoned do not balance"));
}

TEST(Audit, CustomerOrdersHoldThePlacedLinesAndEndClosedOrOpen) {
  const KpiTable kpis(1, 1);
  // Three lines placed and open, in orders whose lines do not add up to them.
  const Audit lines{.orders_placed = 3,
                    .orders_open = 3,
                    .customer_orders = 1,
                    .customer_orders_open = 1,
                    .customer_order_lines = 2,
                    .customer_order_lines_open = 2};
  EXPECT_THAT(violation(lines, kpis),
              HasSubstr("order lines do not add up to orders: the customer orders hold 2 lines, "
                        "but 3 lines were placed"));

  Audit orders = lines;
  orders.customer_order_lines = orders.customer_order_lines_open = 3;
  orders.customer_orders_open = 0;
  EXPECT_THAT(violation(orders, kpis),
              HasSubstr("customer orders are not conserved: placed 1, but closed 0 + open 0"));

  // The order book says two lines are still to come, the nodes and messages hold three.
  Audit open = lines;
  open.customer_order_lines = 3;
  EXPECT_THAT(violation(open, kpis), HasSubstr("open customer orders hold 2 lines not yet "
                                               "delivered or cancelled, but 3 lines are open"));
}

}  // namespace
}  // namespace retail

// The daily outputs in tidy CSV: flows per replication x arm x day x channel x category
// (timeseries.csv), end-of-day stock per replication x arm x day x category (inventory.csv),
// orders open at the end of each day (open_orders.csv), and, when the scenario keeps node days,
// each DC's and store's stock position per day (nodes.csv) and its replenishment orders per day and
// category (replenishment.csv).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "models/metrics/kpi.hpp"
#include "tools/results/arms.hpp"

namespace omnisim {

// Header: replication,arm,day,channel,category, then the flow metrics of daily_metrics(), then
// the raw counters that are not also a metric (as integers). Days count from 0; undefined metrics
// are empty fields. Rows follow `runs` (each run's KPI table), then day, channel, category;
// `categories` names the category ids.
void write_timeseries_csv(std::ostream& out, const std::vector<ArmReplication>& runs,
                          const std::vector<std::string>& categories);

// Header: replication,arm,day,category,units,value; value is the stock at cost, in currency units
// with two decimals.
void write_inventory_csv(std::ostream& out, const std::vector<ArmReplication>& runs,
                         const std::vector<std::string>& categories);

// Header: replication,arm,day,open_orders: orders placed and neither delivered nor cancelled at
// the end of the day, chain-wide.
void write_open_orders_csv(std::ostream& out, const std::vector<ArmReplication>& runs);

// Header: replication,arm,day,node,on_hand,on_order,backordered,inventory_position,receipts;
// units at the end of the day (receipts: during it). `nodes` names the nodes in Network order
// (DCs, then stores). No rows when the runs kept no node days.
void write_nodes_csv(std::ostream& out, const std::vector<ArmReplication>& runs,
                     const std::vector<std::string>& nodes);

// Header: replication,arm,day,node,category,orders,units: the replenishment orders the node
// placed (a store's to its DC, a DC's to its supplier), every day x node x category, zeros
// included, so each series is complete for bullwhip ratios.
void write_replenishment_csv(std::ostream& out, const std::vector<ArmReplication>& runs,
                             const std::vector<std::string>& nodes,
                             const std::vector<std::string>& categories);

}  // namespace omnisim

// The daily outputs in tidy CSV: flows per replication x arm x day x channel x category
// (timeseries.csv) and end-of-day stock per replication x arm x day x category (inventory.csv).
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

}  // namespace omnisim

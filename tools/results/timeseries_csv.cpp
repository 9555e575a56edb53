// Rows are built in one reused string and written whole, so a large run streams to disk
// without holding the file in memory.
#include "tools/results/timeseries_csv.hpp"

#include <algorithm>
#include <string_view>

#include "tools/results/csv.hpp"

namespace omnisim {
namespace {

// The columns of daily_metrics().
std::vector<std::string_view> daily_metric_names() {
  std::vector<std::string_view> names;
  for (const retail::MetricId id : retail::flow_metric_ids())
    names.push_back(retail::metric_key(id));
  return names;
}

// The raw counters not already a flow metric of the same name (orders_placed, units_sold, ...):
// those carry the same value, and a repeated column name would break data-frame readers.
std::vector<retail::Counter> extra_counters(const std::vector<std::string_view>& metric_names) {
  std::vector<retail::Counter> counters;
  for (std::size_t c = 0; c < retail::kCounters; ++c) {
    const std::string_view name = retail::counter_names()[c];
    if (std::find(metric_names.begin(), metric_names.end(), name) == metric_names.end())
      counters.push_back(static_cast<retail::Counter>(c));
  }
  return counters;
}

// "replication,arm," of a run's rows.
void append_run(std::string& row, const ArmReplication& run) {
  csv::append_unsigned(row, run.replication);
  row.push_back(',');
  csv::append_text(row, arm_key(run.arm));
  row.push_back(',');
}

void write_line(std::ostream& out, std::string& row) {
  row.push_back('\n');
  out.write(row.data(), static_cast<std::streamsize>(row.size()));
  row.clear();
}

}  // namespace

void write_timeseries_csv(std::ostream& out, const std::vector<ArmReplication>& runs,
                          const std::vector<std::string>& categories) {
  const std::vector<std::string_view> metric_names = daily_metric_names();
  const std::vector<retail::Counter> counters = extra_counters(metric_names);
  std::string row = "replication,arm,day,channel,category";
  for (const auto& name : metric_names) {
    row.push_back(',');
    csv::append_text(row, name);
  }
  for (const retail::Counter counter : counters) {
    row.push_back(',');
    csv::append_text(row, retail::counter_names()[static_cast<std::size_t>(counter)]);
  }
  write_line(out, row);

  for (const ArmReplication& run : runs) {
    const retail::KpiTable& table = run.result->kpis;
    for (std::uint32_t day = 0; day < table.days(); ++day) {
      for (std::size_t c = 0; c < retail::kChannels; ++c) {
        const auto channel = static_cast<retail::Channel>(c);
        for (retail::CategoryId category = 0; category < table.categories(); ++category) {
          append_run(row, run);
          csv::append_unsigned(row, day);
          row.push_back(',');
          csv::append_text(row, retail::kChannelNames[c]);
          row.push_back(',');
          csv::append_text(row, categories.at(category));
          for (const auto& metric : retail::daily_metrics(table, day, channel, category)) {
            row.push_back(',');
            csv::append_number(row, metric.value);
          }
          for (const retail::Counter counter : counters) {
            row.push_back(',');
            csv::append_integer(row, table.at(day, channel, category, counter));
          }
          write_line(out, row);
        }
      }
    }
  }
}

void write_inventory_csv(std::ostream& out, const std::vector<ArmReplication>& runs,
                         const std::vector<std::string>& categories) {
  std::string row = "replication,arm,day,category,units,value";
  write_line(out, row);
  for (const ArmReplication& run : runs) {
    const retail::KpiTable& table = run.result->kpis;
    for (std::uint32_t day = 0; day < table.days(); ++day) {
      for (retail::CategoryId category = 0; category < table.categories(); ++category) {
        append_run(row, run);
        csv::append_unsigned(row, day);
        row.push_back(',');
        csv::append_text(row, categories.at(category));
        row.push_back(',');
        csv::append_integer(row, table.stock_units(day, category));
        row.push_back(',');
        csv::append_cents(row, table.stock_cost_cents(day, category));
        write_line(out, row);
      }
    }
  }
}

void write_open_orders_csv(std::ostream& out, const std::vector<ArmReplication>& runs) {
  std::string row = "replication,arm,day,open_orders";
  write_line(out, row);
  for (const ArmReplication& run : runs) {
    const retail::KpiTable& table = run.result->kpis;
    for (std::uint32_t day = 0; day < table.days(); ++day) {
      append_run(row, run);
      csv::append_unsigned(row, day);
      row.push_back(',');
      csv::append_integer(row, table.open_orders(day));
      write_line(out, row);
    }
  }
}

namespace {

// "day,node," of a node's row.
void append_node_day(std::string& row, std::uint32_t day, const std::string& node) {
  csv::append_unsigned(row, day);
  row.push_back(',');
  csv::append_text(row, node);
  row.push_back(',');
}

}  // namespace

void write_nodes_csv(std::ostream& out, const std::vector<ArmReplication>& runs,
                     const std::vector<std::string>& nodes) {
  std::string row =
      "replication,arm,day,node,on_hand,on_order,backordered,inventory_position,receipts";
  write_line(out, row);
  for (const ArmReplication& run : runs) {
    const retail::NodeDays& table = run.result->kpis.node_days();
    for (std::uint32_t day = 0; day < table.days(); ++day) {
      for (std::uint32_t node = 0; node < table.nodes(); ++node) {
        const retail::NodeStock& stock = table.stock(day, node);
        append_run(row, run);
        append_node_day(row, day, nodes.at(node));
        for (const std::int64_t value :
             {stock.on_hand, stock.on_order, stock.backordered, stock.position(), stock.receipts}) {
          csv::append_integer(row, value);
          row.push_back(',');
        }
        row.pop_back();
        write_line(out, row);
      }
    }
  }
}

void write_replenishment_csv(std::ostream& out, const std::vector<ArmReplication>& runs,
                             const std::vector<std::string>& nodes,
                             const std::vector<std::string>& categories) {
  std::string row = "replication,arm,day,node,category,orders,units";
  write_line(out, row);
  for (const ArmReplication& run : runs) {
    const retail::NodeDays& table = run.result->kpis.node_days();
    for (std::uint32_t day = 0; day < table.days(); ++day) {
      for (std::uint32_t node = 0; node < table.nodes(); ++node) {
        for (retail::CategoryId category = 0; category < table.categories(); ++category) {
          const retail::ReplenishmentCell& cell = table.orders(day, node, category);
          append_run(row, run);
          append_node_day(row, day, nodes.at(node));
          csv::append_text(row, categories.at(category));
          row.push_back(',');
          csv::append_integer(row, cell.orders);
          row.push_back(',');
          csv::append_integer(row, cell.units);
          write_line(out, row);
        }
      }
    }
  }
}

}  // namespace omnisim

// CSV output: numbers read back exactly whatever the locale, undefined values are empty fields,
// and the tidy layout has one row per replication x arm x day x channel x category.
#include "tools/results/csv.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <set>
#include <sstream>

#include "models/metrics/kpi.hpp"
#include "tests/tools/scratch_dir.hpp"
#include "tools/results/timeseries_csv.hpp"

namespace {

using omnisim::testing::lines;

using ::testing::StartsWith;

std::string number(double value) {
  std::string row;
  omnisim::csv::append_number(row, value);
  return row;
}

std::string cents(std::int64_t value) {
  std::string row;
  omnisim::csv::append_cents(row, value);
  return row;
}

std::string text(std::string_view value) {
  std::string row;
  omnisim::csv::append_text(row, value);
  return row;
}

TEST(CsvNumbers, AreShortestRoundTrip) {
  EXPECT_EQ(number(0.1), "0.1");
  EXPECT_EQ(number(1.0), "1");
  EXPECT_EQ(number(-2.5), "-2.5");
  EXPECT_EQ(number(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(number(1e-7), "1e-07");
  EXPECT_EQ(number(123456789.25), "123456789.25");
  EXPECT_EQ(number(-0.0), "0");
  for (const double value : {1.0 / 3.0, 2.0 / 3.0, 1e300, 4.9e-324, 0.97312, 1234567.89}) {
    const std::string written = number(value);
    double back = 0;
    std::from_chars(written.data(), written.data() + written.size(), back);
    EXPECT_EQ(back, value) << written;
  }
}

TEST(CsvNumbers, UndefinedIsAnEmptyField) {
  EXPECT_EQ(number(std::numeric_limits<double>::quiet_NaN()), "");
  EXPECT_EQ(number(std::numeric_limits<double>::infinity()), "");
}

TEST(CsvNumbers, IntegersAndCentsAreExact) {
  std::string row;
  omnisim::csv::append_integer(row, std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(row, "-9223372036854775808");
  row.clear();
  omnisim::csv::append_unsigned(row, std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(row, "18446744073709551615");
  EXPECT_EQ(cents(0), "0.00");
  EXPECT_EQ(cents(5), "0.05");
  EXPECT_EQ(cents(-1205), "-12.05");
  EXPECT_EQ(cents(123456789), "1234567.89");
  // Beyond what a double holds to the cent.
  EXPECT_EQ(cents(9007199254740993), "90071992547409.93");
  EXPECT_EQ(cents(std::numeric_limits<std::int64_t>::min()), "-92233720368547758.08");
}

TEST(CsvText, IsQuotedOnlyWhenNeeded) {
  EXPECT_EQ(text("apparel"), "apparel");
  EXPECT_EQ(text("home, garden"), "\"home, garden\"");
  EXPECT_EQ(text("12\" frames"), "\"12\"\" frames\"");
  EXPECT_EQ(text("two\nlines"), "\"two\nlines\"");
}

TEST(CsvText, ThatASpreadsheetWouldRunAsAFormulaGetsAnApostrophe) {
  EXPECT_EQ(text("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(text("+1 owner"), "'+1 owner");
  EXPECT_EQ(text("-rule"), "'-rule");
  EXPECT_EQ(text("@SUM(A1:A9)"), "'@SUM(A1:A9)");
  EXPECT_EQ(text("\tcmd"), "'\tcmd");
  EXPECT_EQ(text("\rcmd"), "\"'\rcmd\"");
  EXPECT_EQ(text("=a,b"), "\"'=a,b\"");
  // Text that starts with an apostrophe before one of those gets one more: readers take one off.
  EXPECT_EQ(text("'=x"), "''=x");
  EXPECT_EQ(text("'quoted'"), "'quoted'");
}

TEST(CsvText, NumbersAndOtherTextStayAsTheyAre) {
  for (const char* number : {"-3.5", "-0", "-12", "-1e-7", "-2.5E+10", "0.9", "12"})
    EXPECT_EQ(text(number), number);
  // Not numbers a spreadsheet would read as such: guarded.
  for (const char* not_number : {"-", "-inf", "-nan", "-1.", "-.5", "-1e", "+3", "-3 days"})
    EXPECT_EQ(text(not_number), std::string("'") + not_number) << not_number;
  EXPECT_EQ(text("web-heroes"), "web-heroes");
  EXPECT_EQ(text("a=b"), "a=b");
}

TEST(CsvText, TextOfTakesOffTheApostropheAppendTextAdded) {
  for (const std::string original :
       {"=1+1", "-rule", "@x", "+y", "'=x", "''-z", "'plain", "plain", "-3.5", "'", ""}) {
    std::string field = text(original);
    if (field.size() >= 2 && field.front() == '"') field = field.substr(1, field.size() - 2);
    EXPECT_EQ(omnisim::csv::text_of(field), original) << field;
  }
}

// A run of a replication in an arm, with `table` as its KPIs.
retail::ReplicationResult result_with(retail::KpiTable table) {
  return {std::move(table), {}, {}, {}};
}

TEST(TimeseriesCsv, HasOneRowPerReplicationArmDayChannelCategory) {
  retail::KpiTable first(2, 2);
  first.add(
      1, {{retail::Channel::web, 1, static_cast<std::uint8_t>(retail::Counter::visits), 4},
          {retail::Channel::web, 1, static_cast<std::uint8_t>(retail::Counter::shown_available), 3},
          {retail::Channel::web, 1, static_cast<std::uint8_t>(retail::Counter::availability_checks),
           3}});
  const retail::ReplicationResult status_quo = result_with(std::move(first));
  const retail::ReplicationResult control_tower = result_with(retail::KpiTable(2, 2));
  std::ostringstream out;
  omnisim::write_timeseries_csv(
      out,
      {{0, retail::Arm::status_quo, &status_quo}, {0, retail::Arm::control_tower, &control_tower}},
      {"apparel", "home, garden"});
  const auto rows = lines(out.str());
  ASSERT_EQ(rows.size(), 1 + 2 * 2 * retail::kChannels * 2);
  EXPECT_THAT(rows[0], StartsWith("replication,arm,day,channel,category,availability_integrity,"
                                  "in_stock_rate,"));
  // Every counter is a column once: those that are also metrics (orders_placed, ...) as metrics.
  std::istringstream header(rows[0]);
  std::set<std::string> columns;
  for (std::string column; std::getline(header, column, ',');)
    EXPECT_TRUE(columns.insert(column).second) << "repeated column " << column;
  for (const char* counter : retail::counter_names())
    EXPECT_TRUE(columns.count(counter)) << counter;
  // Day 1, web (channel 1), category 1: rows ordered as the runs, then day, channel, category.
  const std::string& web = rows[1 + (1 * retail::kChannels + 1) * 2 + 1];
  // Nothing fulfillable of 3 checked: integrity 0; 3 of 4 visits in stock: 0.75.
  EXPECT_THAT(web, StartsWith("0,status_quo,1,web,\"home, garden\",0,0.75,,"));
  EXPECT_THAT(web, ::testing::HasSubstr(",4,3,3,0,"));
  EXPECT_THAT(rows.back(), StartsWith("0,control_tower,1,bopis,\"home, garden\",,,"));
}

TEST(OpenOrdersCsv, HasOneRowPerReplicationArmDayWithEveryAgentsOpenOrders) {
  retail::KpiTable table(2, 1);
  for (const std::int64_t open : {4, 7}) {
    retail::KpiReport report;
    report.day = 1;
    report.open_orders = open;
    table.add(report);
  }
  const retail::ReplicationResult run = result_with(std::move(table));
  std::ostringstream out;
  omnisim::write_open_orders_csv(out, {{2, retail::Arm::status_quo, &run}});
  EXPECT_EQ(out.str(),
            "replication,arm,day,open_orders\n"
            "2,status_quo,0,0\n"
            "2,status_quo,1,11\n");
}

TEST(InventoryCsv, HasOneRowPerReplicationArmDayCategory) {
  retail::KpiTable table(2, 2);
  retail::KpiReport report;
  report.day = 1;
  report.stock = {{0, 12, 34567}, {1, 3, -5}};
  table.add(report);
  const retail::ReplicationResult run = result_with(std::move(table));
  std::ostringstream out;
  omnisim::write_inventory_csv(out, {{3, retail::Arm::control_tower, &run}}, {"apparel", "home"});
  EXPECT_EQ(out.str(),
            "replication,arm,day,category,units,value\n"
            "3,control_tower,0,apparel,0,0.00\n"
            "3,control_tower,0,home,0,0.00\n"
            "3,control_tower,1,apparel,12,345.67\n"
            "3,control_tower,1,home,3,-0.05\n");
}

// A table of two days, two nodes and two categories where the store (node 1) ordered on day 1.
retail::ReplicationResult with_node_days() {
  retail::KpiTable table(2, 2, 0, 2);
  table.add(retail::NodeDay{1, 1, {4, 10, 1, 6}, {{1, 2, 9}}});
  return result_with(std::move(table));
}

TEST(NodesCsv, HasOneRowPerReplicationArmDayNode) {
  const retail::ReplicationResult run = with_node_days();
  std::ostringstream out;
  omnisim::write_nodes_csv(out, {{0, retail::Arm::status_quo, &run}}, {"dc-1", "store, north"});
  EXPECT_EQ(out.str(),
            "replication,arm,day,node,on_hand,on_order,backordered,inventory_position,receipts\n"
            "0,status_quo,0,dc-1,0,0,0,0,0\n"
            "0,status_quo,0,\"store, north\",0,0,0,0,0\n"
            "0,status_quo,1,dc-1,0,0,0,0,0\n"
            "0,status_quo,1,\"store, north\",4,10,1,13,6\n");
}

TEST(ReplenishmentCsv, HasEveryDayNodeAndCategoryZerosIncluded) {
  const retail::ReplicationResult run = with_node_days();
  std::ostringstream out;
  omnisim::write_replenishment_csv(out, {{2, retail::Arm::control_tower, &run}},
                                   {"dc-1", "store-1"}, {"apparel", "home"});
  const auto rows = lines(out.str());
  ASSERT_EQ(rows.size(), 1u + 2 * 2 * 2);
  EXPECT_EQ(rows[0], "replication,arm,day,node,category,orders,units");
  EXPECT_EQ(rows[1], "2,control_tower,0,dc-1,apparel,0,0");
  EXPECT_EQ(rows.back(), "2,control_tower,1,store-1,home,2,9");
}

}  // namespace

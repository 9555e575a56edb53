// Reading an output directory back for the report: RFC 4180 rows, timeseries.csv's counters
// summed into the slices the report shows, the daily KPIs recomputed from them (per day and over
// a rule's rolling window), decisions with their empty fields, and clear errors on bad files.
#include "tools/report/run_data.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "tools/results/csv_reader.hpp"
#include "tools/results/errors.hpp"

namespace {

using omnisim::CsvReader;
using omnisim::SliceFilter;
using omnisim::UsageError;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::vector<std::string>> read_all(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in, "test.csv");
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> fields;
  while (reader.next(fields))
    rows.push_back(fields);
  return rows;
}

TEST(CsvReader, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  const auto rows = read_all(
      "a,b,c\n"
      "1,\"x, y\",\"say \"\"hi\"\"\"\n"
      "2,\"two\nlines\",\n"
      ",,\r\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_THAT(rows[0], ElementsAre("a", "b", "c"));
  EXPECT_THAT(rows[1], ElementsAre("1", "x, y", "say \"hi\""));
  EXPECT_THAT(rows[2], ElementsAre("2", "two\nlines", ""));
  EXPECT_THAT(rows[3], ElementsAre("", "", ""));
}

TEST(CsvReader, ReadsFormulaGuardedTextBackAsItWas) {
  const auto rows = read_all("'=cmd,\"'=a,b\",''-x,'plain,-3.5\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_THAT(rows[0], ElementsAre("=cmd", "=a,b", "'-x", "'plain", "-3.5"));
}

TEST(CsvReader, NumbersRowsByTheLineTheyStartOn) {
  std::istringstream in("h\n\"a\nb\"\nc\n");
  CsvReader reader(in, "test.csv");
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.line(), 1u);
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.line(), 2u);
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.line(), 4u);
  EXPECT_THAT(fields, ElementsAre("c"));
  EXPECT_FALSE(reader.next(fields));
}

TEST(CsvReader, AnUnclosedQuoteIsAnErrorNamingTheFileAndLine) {
  try {
    read_all("h\n\"open\n");
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("test.csv:2"));
    EXPECT_THAT(e.what(), HasSubstr("not closed"));
  }
}

// A timeseries.csv header with every counter, and rows with a few counters set.
std::string timeseries_header() {
  std::string header = "replication,arm,day,channel,category,otif";
  for (const char* counter : retail::counter_names())
    header += std::string(",") + counter;
  return header + "\n";
}

std::string timeseries_row(std::uint64_t replication, const std::string& arm, int day,
                           const std::string& channel, const std::string& category,
                           std::int64_t delivered, std::int64_t otif,
                           const std::string& visits = "0") {
  std::string row = std::to_string(replication) + "," + arm + "," + std::to_string(day) + "," +
                    channel + "," + category + ",0.5";
  for (const char* counter : retail::counter_names()) {
    const std::string name = counter;
    std::int64_t value = 0;
    if (name == "orders_delivered") value = delivered;
    if (name == "orders_otif") value = otif;
    if (name == "orders_placed") value = delivered;
    row += "," + (name == "visits" ? visits : std::to_string(value));
  }
  return row + "\n";
}

std::size_t counter(retail::Counter c) {
  return static_cast<std::size_t>(c);
}

TEST(ReadDailyCounters, SumsEachSliceOverItsChannelsAndCategories) {
  std::istringstream in(timeseries_header() +
                        timeseries_row(0, "status_quo", 0, "web", "shoes", 10, 9) +
                        timeseries_row(0, "status_quo", 0, "store", "shoes", 20, 20) +
                        timeseries_row(0, "status_quo", 1, "web", "tops", 5, 1) +
                        timeseries_row(1, "control_tower", 0, "web", "shoes", 4, 4));
  const auto slices = omnisim::read_daily_counters(
      in, "timeseries.csv", {SliceFilter{}, SliceFilter{"web", ""}, SliceFilter{"web", "shoes"}});
  ASSERT_EQ(slices.size(), 3u);
  const auto& all = slices[0].runs.at("status_quo").at(0);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0][counter(retail::Counter::orders_delivered)], 30);
  EXPECT_EQ(all[0][counter(retail::Counter::orders_otif)], 29);
  EXPECT_EQ(all[1][counter(retail::Counter::orders_delivered)], 5);
  const auto& web = slices[1].runs.at("status_quo").at(0);
  EXPECT_EQ(web[0][counter(retail::Counter::orders_delivered)], 10);
  EXPECT_EQ(web[1][counter(retail::Counter::orders_delivered)], 5);
  const auto& web_shoes = slices[2].runs.at("status_quo").at(0);
  ASSERT_EQ(web_shoes.size(), 1u);  // no web shoes row on day 1
  EXPECT_EQ(web_shoes[0][counter(retail::Counter::orders_otif)], 9);
  EXPECT_EQ(slices[0].runs.at("control_tower").at(1)[0][counter(retail::Counter::orders_otif)], 4);
}

TEST(ReadDailyCounters, AMissingCounterColumnNamesIt) {
  std::istringstream in("replication,arm,day,channel,category\n");
  try {
    omnisim::read_daily_counters(in, "timeseries.csv", {SliceFilter{}});
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("timeseries.csv: no column 'visits'"));
  }
}

TEST(ReadDailyCounters, AMalformedCountNamesTheLineAndColumn) {
  std::istringstream in(timeseries_header() +
                        timeseries_row(0, "status_quo", 0, "web", "shoes", 10, 9, "x"));
  try {
    omnisim::read_daily_counters(in, "timeseries.csv", {SliceFilter{}});
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("timeseries.csv:2: column 'visits'"));
  }
}

TEST(FlowSeries, RecomputesTheDailyKpisFromTheCounters) {
  std::istringstream in(timeseries_header() +
                        timeseries_row(0, "status_quo", 0, "web", "shoes", 10, 9) +
                        timeseries_row(0, "status_quo", 0, "store", "shoes", 10, 7) +
                        timeseries_row(0, "status_quo", 1, "web", "shoes", 0, 0) +
                        timeseries_row(0, "status_quo", 2, "web", "shoes", 20, 10));
  const auto slices = omnisim::read_daily_counters(in, "timeseries.csv", {SliceFilter{}});
  const std::size_t otif = retail::metric_index(retail::MetricId::otif);
  const auto daily =
      omnisim::metric_series(omnisim::flow_series(slices[0].runs.at("status_quo"), 1), otif);
  ASSERT_EQ(daily.size(), 1u);
  ASSERT_EQ(daily[0].size(), 3u);
  EXPECT_DOUBLE_EQ(daily[0][0], 16.0 / 20);
  EXPECT_TRUE(std::isnan(daily[0][1]));  // nothing delivered that day
  EXPECT_DOUBLE_EQ(daily[0][2], 0.5);

  // Over a two-day window, as a rule with window_days 2 sees it once the day is over.
  const auto windowed =
      omnisim::metric_series(omnisim::flow_series(slices[0].runs.at("status_quo"), 2), otif);
  EXPECT_TRUE(std::isnan(windowed[0][0]));
  EXPECT_DOUBLE_EQ(windowed[0][1], 16.0 / 20);
  EXPECT_DOUBLE_EQ(windowed[0][2], 10.0 / 20);
}

TEST(ReadDecisions, EmptyTimesAreUndefined) {
  std::istringstream in(
      "replication,arm,rule,owner,metric,scope,comparator,threshold,fired_at_hours,"
      "value_at_fire,decided_at_hours,executed_at_hours,actions,value_after\n"
      "2,control_tower,\"<b>rule</b>, one\",ops,otif,channel=web,<,0.97,30,0.9,40.5,,"
      "\"widen_promise(all zones, +24h); expedite(web)\",\n");
  const auto rows = omnisim::read_decisions(in, "decisions.csv");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].replication, 2u);
  EXPECT_EQ(rows[0].rule, "<b>rule</b>, one");
  EXPECT_DOUBLE_EQ(rows[0].threshold, 0.97);
  EXPECT_DOUBLE_EQ(rows[0].decided_at_hours, 40.5);
  EXPECT_TRUE(std::isnan(rows[0].executed_at_hours));
  EXPECT_TRUE(std::isnan(rows[0].value_after));
  EXPECT_EQ(rows[0].actions, "widen_promise(all zones, +24h); expedite(web)");
}

TEST(ReadReplications, KeepsEachArmsValuesPerReplication) {
  std::istringstream in(
      "replication,arm,otif,revenue\n0,status_quo,0.9,100\n0,control_tower,,120\n");
  const auto table = omnisim::read_replications(in, "replications.csv");
  EXPECT_THAT(table.metrics, ElementsAre("otif", "revenue"));
  EXPECT_EQ(table.index("revenue"), 1u);
  EXPECT_FALSE(table.index("nope").has_value());
  EXPECT_DOUBLE_EQ(table.rows.at("status_quo").at(0)[0], 0.9);
  EXPECT_TRUE(std::isnan(table.rows.at("control_tower").at(0)[0]));
  EXPECT_DOUBLE_EQ(table.rows.at("control_tower").at(0)[1], 120);
}

TEST(RuleSlice, ChannelAndCategoryScopesAreSlicesZonesAndNodesAreNot) {
  const auto rule = [](omnisim::RuleScopeNames scope) {
    omnisim::RuleRecord record;
    record.scope = std::move(scope);
    return record;
  };
  EXPECT_EQ(omnisim::rule_slice(rule({})), SliceFilter{});
  EXPECT_EQ(omnisim::rule_slice(rule({"web", "tops", std::nullopt, std::nullopt})),
            (SliceFilter{"web", "tops"}));
  EXPECT_FALSE(omnisim::rule_slice(rule({std::nullopt, std::nullopt, "north", std::nullopt})));
  EXPECT_FALSE(omnisim::rule_slice(rule({"web", std::nullopt, std::nullopt, "dc-east"})));
}

}  // namespace

// omnisim report on a sweep's output directory: the page's charts and ranking come from sweep.csv
// (checked value by value), grids of one and three axes, and incomplete or broken sweeps refused
// with exit status 2 and no report.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/tools/cli_capture.hpp"
#include "tests/tools/scratch_dir.hpp"
#include "tools/report/sweep_data.hpp"
#include "tools/results/errors.hpp"

namespace {

namespace fs = std::filesystem;
using omnisim::testing::CliResult;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::lines;
using omnisim::testing::listing;
using omnisim::testing::omnisim_cli;
using omnisim::testing::read_file;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kWithRules =
    std::string(OMNISIM_SOURCE_DIR) + "/tests/data/small_with_rules.json";
const std::string kThreshold = "control_tower.rules.0.threshold";
const std::string kTimebox = "control_tower.rules.0.timebox_hours";

// A 2 x 2 sweep (or the grid given) of small_with_rules.json with 3 replications per point.
CliResult sweep(const fs::path& out, const std::vector<std::string>& grid = {kThreshold + "=0,0.05",
                                                                             kTimebox + "=12,48"}) {
  std::vector<std::string> args = {"sweep", kWithRules};
  for (const std::string& axis : grid) {
    args.emplace_back("--grid");
    args.push_back(axis);
  }
  for (const char* arg : {"--reps", "3", "--threads", "2", "--out"})
    args.emplace_back(arg);
  args.push_back(out.string());
  return omnisim_cli(args);
}

// The charts' specs, as the page's script reads them.
nlohmann::json charts_of(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"omnisim-charts\">";
  const std::size_t begin = html.find(open);
  if (begin == std::string::npos) return nullptr;
  const std::size_t start = begin + open.size();
  return nlohmann::json::parse(html.substr(start, html.find("</script>", start) - start));
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, ',');)
    fields.push_back(field);
  return fields;
}

// sweep.csv's `column` per (arm, point); the sweeps here have no quoted fields.
std::map<std::pair<std::string, std::string>, double> column_of(const fs::path& csv,
                                                                const std::string& column) {
  const std::vector<std::string> rows = lines(read_file(csv));
  const std::vector<std::string> header = split(rows.at(0));
  const auto at = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  std::map<std::pair<std::string, std::string>, double> values;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string> fields = split(rows[r]);
    values[{fields.at(at("arm")), fields.at(0)}] = std::stod(fields.at(at(column)));
  }
  return values;
}

// The point index of a 2 x 2 cell, the first axis varying slowest.
std::string point_of(const nlohmann::json& cell) {
  const int row = cell["row"] == "0" ? 0 : 1;
  const int column = cell["column"] == "12" ? 0 : 1;
  return std::to_string(2 * row + column);
}

void set_manifest_status(const fs::path& out, const std::string& status) {
  nlohmann::json manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
  manifest["status"] = status;
  std::ofstream(out / "manifest.json") << manifest.dump(2);
}

// Replaces the first occurrence of `from` in `file` by `to`.
void edit(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = read_file(file);
  const std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << text;
}

TEST(SweepReport, HeatmapsHoldEachPointsMeanFromSweepCsv) {
  const fs::path out = fresh_scratch_dir() / "sweep";
  const CliResult swept = sweep(out);
  ASSERT_EQ(swept.status, 0) << swept.err;
  const CliResult result = omnisim_cli({"report", out.string()});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out, "Wrote " + (out / "report.html").string() + " (5 charts)\n");

  const std::string html = read_file(out / "report.html");
  EXPECT_THAT(html, StartsWith("<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("<h1>Sweep: small example with a control-tower rule</h1>"));
  EXPECT_THAT(html, HasSubstr("4 points (2 &times; 2) &middot; 3 replications per point and arm "
                              "&middot; seed 42"));
  for (const char* section :
       {"<h2>Grid</h2>", "<h2>Objective over the grid</h2>", "<h2>Ranking</h2>",
        "<h2>Trade-offs</h2>", "<code>control_tower.rules.0.timebox_hours</code>"})
    EXPECT_THAT(html, HasSubstr(section));
  EXPECT_THAT(html, HasSubstr("omnisim report</code> has no <code>--objective</code>"));
  EXPECT_THAT(html.substr(html.find("<footer>")),
              HasSubstr("from manifest.json and sweep.csv (the same directory). Charts drawn with "
                        "vega "));

  // The objective and its paired difference, then OTIF, cancellation rate and margin leakage.
  const nlohmann::json charts = charts_of(html);
  ASSERT_TRUE(charts.is_array());
  ASSERT_EQ(charts.size(), 5u);
  const auto margin = column_of(out / "sweep.csv", "contribution_margin_mean");
  const auto otif = column_of(out / "sweep.csv", "otif_mean");
  const std::vector<
      std::pair<std::string, const std::map<std::pair<std::string, std::string>, double>*>>
      expected = {{"control_tower", &margin}, {"difference", &margin}, {"control_tower", &otif}};
  for (std::size_t c = 0; c < expected.size(); ++c) {
    const nlohmann::json& values = charts[c]["spec"]["data"]["values"];
    ASSERT_EQ(values.size(), 4u) << "chart " << c;
    std::set<std::string> points;
    for (const nlohmann::json& cell : values) {
      const std::string point = point_of(cell);
      points.insert(point);
      EXPECT_EQ(cell["mean"].get<double>(), expected[c].second->at({expected[c].first, point}))
          << "chart " << c << ", point " << point;
      EXPECT_EQ(cell["n"], 3);
    }
    EXPECT_EQ(points.size(), 4u) << "chart " << c;
    const nlohmann::json& x = charts[c]["spec"]["layer"][0]["encoding"]["x"];
    EXPECT_EQ(x["sort"], nlohmann::json::array({"12", "48"}));
    EXPECT_EQ(x["title"], "timebox_hours");
  }
  // The difference is on a diverging scale centred at 0.
  const nlohmann::json& scale = charts[1]["spec"]["layer"][0]["encoding"]["color"]["scale"];
  EXPECT_EQ(scale["scheme"], "redblue");
  EXPECT_EQ(scale["domain"][0].get<double>(), -scale["domain"][1].get<double>());
}

TEST(SweepReport, RanksThePointsByTheControlTowersMargin) {
  const fs::path out = fresh_scratch_dir() / "sweep";
  ASSERT_EQ(sweep(out).status, 0);
  // Point 3 (threshold 0.05, timebox 48) made the best by far, point 0 the worst.
  std::vector<std::string> rows = lines(read_file(out / "sweep.csv"));
  const std::vector<std::string> header = split(rows[0]);
  const auto column = static_cast<std::size_t>(
      std::find(header.begin(), header.end(), "contribution_margin_mean") - header.begin());
  std::string text = rows[0] + "\n";
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::vector<std::string> fields = split(rows[r]);
    if (fields[0] == "3" && fields[3] == "control_tower") fields[column] = "9999999";
    if (fields[0] == "0" && fields[3] == "control_tower") fields[column] = "-9999999";
    for (std::size_t f = 0; f < fields.size(); ++f)
      text += (f ? "," : "") + fields[f];
    text += "\n";
  }
  std::ofstream(out / "sweep.csv", std::ios::binary) << text;

  ASSERT_EQ(omnisim_cli({"report", out.string()}).status, 0);
  const std::string html = read_file(out / "report.html");
  const std::size_t ranking = html.find("<h2>Ranking</h2>");
  ASSERT_NE(ranking, std::string::npos);
  const std::string table = html.substr(ranking, html.find("</table>", ranking) - ranking);
  const std::size_t first = table.find("<tr><td class=\"num\">1</td>");
  const std::size_t last = table.find("<tr><td class=\"num\">4</td>");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(last, std::string::npos);
  EXPECT_THAT(table.substr(first, table.find("</tr>", first) - first),
              HasSubstr("<td><code>0.05</code></td><td><code>48</code></td><td class=\"num\">"
                        "$9,999,999</td>"));
  EXPECT_THAT(table.substr(last), HasSubstr("<td><code>0</code></td><td><code>12</code></td>"
                                            "<td class=\"num\">-$9,999,999</td>"));
  const nlohmann::json charts = charts_of(html);
  EXPECT_THAT(charts[0]["spec"]["data"]["values"].dump(), HasSubstr("\"mean\":9999999.0"));
}

TEST(SweepReport, OneAxisIsOneRowAndMoreThanTwoAreStackedHeatmaps) {
  const fs::path scratch = fresh_scratch_dir();
  const fs::path one = scratch / "one";
  ASSERT_EQ(sweep(one, {kTimebox + "=6,12,48"}).status, 0);
  ASSERT_EQ(omnisim_cli({"report", one.string()}).status, 0);
  const nlohmann::json single = charts_of(read_file(one / "report.html"))[0]["spec"];
  EXPECT_EQ(single["data"]["values"].size(), 3u);
  EXPECT_FALSE(single["data"]["values"][0].contains("row"));
  EXPECT_FALSE(single["layer"][0]["encoding"].contains("y"));

  const fs::path three = scratch / "three";
  ASSERT_EQ(sweep(three, {kThreshold + "=0,0.05", kTimebox + "=12,48",
                          "control_tower.rules.0.window_days=1,2,3"})
                .status,
            0);
  ASSERT_EQ(omnisim_cli({"report", three.string()}).status, 0);
  const std::string html = read_file(three / "report.html");
  EXPECT_THAT(html, HasSubstr("one heatmap per combination of the other axes"));
  const nlohmann::json stacked = charts_of(html)[0]["spec"];
  EXPECT_EQ(stacked["data"]["values"].size(), 12u);
  EXPECT_EQ(stacked["facet"]["row"]["sort"],
            nlohmann::json::array({"window_days = 1", "window_days = 2", "window_days = 3"}));
  EXPECT_EQ(stacked["data"]["values"][1]["facet"], "window_days = 2");
}

TEST(SweepReport, AnUnreadableScenarioIsNamedByItsFile) {
  const fs::path out = fresh_scratch_dir() / "sweep";
  ASSERT_EQ(sweep(out).status, 0);
  nlohmann::json manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
  manifest["definition"]["scenario"] = (out / "moved" / "promo.json").string();
  std::ofstream(out / "manifest.json") << manifest.dump(2);
  ASSERT_EQ(omnisim_cli({"report", out.string()}).status, 0);
  EXPECT_THAT(read_file(out / "report.html"), HasSubstr("<h1>Sweep: promo.json</h1>"));
}

TEST(SweepReport, AnIncompleteSweepIsRefused) {
  const fs::path out = fresh_scratch_dir() / "sweep";
  ASSERT_EQ(sweep(out).status, 0);
  for (const char* status : {"running", "interrupted"}) {
    set_manifest_status(out, status);
    const CliResult result = omnisim_cli({"report", out.string()});
    EXPECT_EQ(result.status, 2) << status;
    EXPECT_THAT(result.err, HasSubstr((out / "manifest.json").string() + ": the sweep is"));
    EXPECT_THAT(result.err, HasSubstr("--resume"));
    EXPECT_THAT(listing(out), Not(Contains("report.html")));
  }
}

TEST(SweepReport, AMissingOrMalformedSweepCsvIsBadInputNamingIt) {
  const fs::path out = fresh_scratch_dir() / "sweep";
  ASSERT_EQ(sweep(out).status, 0);
  const fs::path csv = out / "sweep.csv";
  const std::string original = read_file(csv);

  // Line 2 is point 0's status quo row: its threshold becomes one the grid does not have.
  edit(csv, "\n0,0,12,status_quo,", "\n0,0.5,12,status_quo,");
  CliResult result = omnisim_cli({"report", out.string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr(csv.string() + ":2: point 0 has " + kThreshold + " = '0.5'"));

  // Cut short before point 3.
  std::ofstream(csv, std::ios::binary) << original.substr(0, original.find("\n3,") + 1);
  result = omnisim_cli({"report", out.string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr(csv.string() + ": no status_quo row for point 3"));

  std::ofstream(csv, std::ios::binary) << original;
  edit(csv, "_mean,", "_average,");
  result = omnisim_cli({"report", out.string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr(csv.string() + ":1: column "));

  fs::remove(csv);
  result = omnisim_cli({"report", out.string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("cannot read '" + csv.string() + "'"));
  EXPECT_THAT(listing(out), Not(Contains("report.html")));
}

TEST(SweepTable, EveryPointNeedsARowPerArm) {
  const std::vector<omnisim::GridAxis> axes = {{"a.b", {"1", "2"}}};
  std::istringstream missing(
      "point,a.b,arm,replications,x_mean,x_std,x_ci_low,x_ci_high\n"
      "0,1,status_quo,2,1,0,1,1\n"
      "1,2,status_quo,2,3,0,3,3\n");
  EXPECT_THROW(
      {
        try {
          omnisim::read_sweep_table(missing, "s.csv", axes, {"status_quo", "control_tower"});
        } catch (const omnisim::UsageError& error) {
          EXPECT_THAT(error.what(), HasSubstr("s.csv: no control_tower row for point 0"));
          throw;
        }
      },
      omnisim::UsageError);

  std::istringstream complete(
      "point,a.b,arm,replications,x_mean,x_std,x_ci_low,x_ci_high\n"
      "0,1,status_quo,2,1,0.5,0.25,1.75\n"
      "1,2,status_quo,4,,,,\n");
  const omnisim::SweepTable table =
      omnisim::read_sweep_table(complete, "s.csv", axes, {"status_quo"});
  EXPECT_EQ(table.metrics, std::vector<std::string>{"x"});
  EXPECT_FALSE(table.arms.count("difference"));
  const auto& rows = table.arms.at("status_quo");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].metrics[0].summary.ci_low, 0.25);
  EXPECT_EQ(rows[1].replications, 4u);
  EXPECT_TRUE(std::isnan(rows[1].metrics[0].summary.mean));
}

}  // namespace

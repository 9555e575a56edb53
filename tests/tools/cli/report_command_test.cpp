// omnisim report and run --report end to end on small runs: one self-contained page with every
// chart's spec, text from the scenario escaped, reports for every scenario of a multi-scenario
// output, the summary read back as written, and bad directories and summaries refused with exit
// status 2. (The page is drawn in a real browser by report_browser_test.sh.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "tests/tools/cli_capture.hpp"
#include "tests/tools/scratch_dir.hpp"
#include "tools/report/assets.hpp"
#include "tools/results/sha256.hpp"
#include "tools/results/summary_json.hpp"

namespace {

namespace fs = std::filesystem;
using omnisim::testing::CliResult;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::listing;
using omnisim::testing::omnisim_cli;
using omnisim::testing::read_file;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kData = std::string(OMNISIM_SOURCE_DIR) + "/tests/data/";
const std::string kWithRules = kData + "small_with_rules.json";
const std::string kHostile = kData + "report_hostile_name.json";
const std::string kWithoutRules =
    std::string(OMNISIM_SOURCE_DIR) + "/scenarios/examples/small.json";

CliResult run(const std::string& scenario, const fs::path& out, bool report = true) {
  std::vector<std::string> args = {"run",   scenario,          "--reps", "2",
                                   "--set", "horizon_days=21", "--out",  out.string()};
  if (report) args.push_back("--report");
  return omnisim_cli(args);
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

// The charts' specs, as the page's script reads them.
nlohmann::json charts_of(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"omnisim-charts\">";
  const std::size_t begin = html.find(open);
  if (begin == std::string::npos) return nullptr;
  const std::size_t start = begin + open.size();
  return nlohmann::json::parse(html.substr(start, html.find("</script>", start) - start));
}

TEST(RunReport, WritesASelfContainedPageAfterTheOtherFiles) {
  const fs::path out = fresh_scratch_dir() / "run";
  const CliResult result = run(kWithRules, out);
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(listing(out), Contains("report.html"));
  EXPECT_THAT(result.out, HasSubstr("decisions.csv and\nreport.html to"));

  const std::string html = read_file(out / "report.html");
  EXPECT_THAT(html, StartsWith("<!DOCTYPE html>"));
  // Every library inlined, nothing fetched.
  for (const omnisim::EmbeddedScript& script : omnisim::embedded_scripts()) {
    EXPECT_GT(script.source.size(), 10000u) << script.name;
    EXPECT_THAT(html, HasSubstr(script.source.substr(0, 200))) << script.name;
  }
  // The footer says where the page came from and credits each library at its pinned version.
  const std::string footer = html.substr(html.find("<footer>"));
  EXPECT_THAT(footer, HasSubstr("from summary.json, replications.csv"));
  for (const omnisim::EmbeddedScript& script : omnisim::embedded_scripts())
    EXPECT_THAT(footer, HasSubstr(script.name + " " + script.version));
  EXPECT_THAT(html, Not(HasSubstr("<script src")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  // One container per chart spec.
  const nlohmann::json charts = charts_of(html);
  ASSERT_TRUE(charts.is_array());
  EXPECT_GE(charts.size(), 10u);
  EXPECT_EQ(count(html, "<div class=\"chart\""), charts.size());
  for (const auto& chart : charts)
    EXPECT_THAT(html, HasSubstr("id=\"" + chart["id"].get<std::string>() + "\""));
  for (const char* section : {"The story", "Parameters", "With and without the control tower",
                              "The execution spine over time", "Paired differences",
                              "Control-tower decisions", "Margin leakage"})
    EXPECT_THAT(html, HasSubstr(section));
  EXPECT_THAT(html, HasSubstr("web-cancellations"));
  EXPECT_THAT(html, HasSubstr("--set horizon_days=21"));
}

TEST(RunReport, SummaryRecordsEveryRuleInFullForTheReport) {
  const fs::path out = fresh_scratch_dir() / "run";
  ASSERT_EQ(run(kWithRules, out, false).status, 0);
  const auto summary = nlohmann::json::parse(read_file(out / "summary.json"));
  const auto& scenario = summary["scenario"];
  EXPECT_EQ(scenario["control_tower_rules"], nlohmann::json::array({"web-cancellations"}));
  const auto& rule = scenario["control_tower"]["rules"].at(0);
  EXPECT_EQ(rule["name"], "web-cancellations");
  EXPECT_EQ(rule["owner"], "ops");
  EXPECT_EQ(rule["metric"], "cancellation_rate");
  EXPECT_EQ(rule["scope"], nlohmann::json({{"channel", "web"}}));
  EXPECT_EQ(rule["scope_text"], "channel=web");
  EXPECT_EQ(rule["comparator"], ">");
  EXPECT_EQ(rule["threshold"], 0.0);
  EXPECT_EQ(rule["timebox_hours"], 24.0);
  EXPECT_EQ(rule["cadence"], "immediate");
  EXPECT_EQ(rule["actions"], nlohmann::json::array({"widen_promise(all zones, +24h)"}));
  EXPECT_EQ(scenario["status_quo"]["first_review_day"], 28.0);
  EXPECT_EQ(scenario["status_quo"]["review_every_days"], 28.0);
  EXPECT_THAT(scenario["description"].get<std::string>(), HasSubstr("one control-tower rule"));
}

TEST(RunReport, WithoutTheFlagNoReport) {
  const fs::path out = fresh_scratch_dir() / "run";
  ASSERT_EQ(run(kWithRules, out, false).status, 0);
  EXPECT_THAT(listing(out), Not(Contains("report.html")));
}

TEST(ReportCommand, RewritesTheReportFromTheFilesOfARun) {
  const fs::path out = fresh_scratch_dir() / "run";
  ASSERT_EQ(run(kWithRules, out, false).status, 0);
  const CliResult result = omnisim_cli({"report", out.string()});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("Wrote " + (out / "report.html").string() + " ("));
  EXPECT_THAT(listing(out), Contains("report.html"));
  // Written atomically: no temporary left beside it (the six files, files.json, report.html).
  EXPECT_EQ(listing(out).size(), 8u);
}

TEST(ReportCommand, ASingleArmRunHasNoPairedSection) {
  const fs::path out = fresh_scratch_dir() / "run";
  ASSERT_EQ(run(kWithoutRules, out).status, 0);
  const std::string html = read_file(out / "report.html");
  EXPECT_THAT(html, HasSubstr("One arm ran"));
  EXPECT_THAT(html, Not(HasSubstr("Paired differences")));
  EXPECT_THAT(html, Not(HasSubstr("Control-tower decisions")));
  EXPECT_GE(charts_of(html).size(), 8u);
}

TEST(ReportCommand, WritesOneReportPerScenarioOfAMultiScenarioOutput) {
  const fs::path out = fresh_scratch_dir() / "runs";
  const CliResult ran = omnisim_cli({"run", kWithRules, kWithoutRules, "--reps", "1", "--set",
                                     "horizon_days=14", "--out", out.string()});
  ASSERT_EQ(ran.status, 0) << ran.err;
  const CliResult result = omnisim_cli({"report", out.string()});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(fs::exists(out / "small" / "report.html"));
  EXPECT_TRUE(fs::exists(out / "small_with_rules" / "report.html"));
}

TEST(ReportCommand, ScenarioTextIsEscapedEverywhere) {
  const fs::path out = fresh_scratch_dir() / "run";
  const CliResult result = run(kHostile, out);
  ASSERT_EQ(result.status, 0) << result.err;
  const std::string html = read_file(out / "report.html");
  EXPECT_THAT(html, HasSubstr("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  EXPECT_THAT(html, HasSubstr("<title>&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;b&gt;web-otif&lt;/b&gt;"));
  EXPECT_THAT(html, HasSubstr("&lt;i&gt;ops&lt;/i&gt;&#39;&quot;&gt;&lt;svg onload=alert(4)&gt;"));
  for (const char* raw : {"<script>alert", "<img src=x", "<b>web-otif", "<i>ops", "<svg onload",
                          "</script><script>alert(2)", "<!-- and"})
    EXPECT_THAT(html, Not(HasSubstr(raw))) << raw;
  // Only our own scripts: the error hook, three libraries, the chart data and the drawing code.
  EXPECT_EQ(count(html, "<script"), 6u);
  EXPECT_EQ(count(html, "</script>"), 6u);
  // The data still carries the text itself.
  const nlohmann::json charts = charts_of(html);
  EXPECT_THAT(charts.dump(), HasSubstr("<i>ops</i>"));
  // A right-to-left override shows as \u202E, in the page and in the charts' labels alike.
  const std::string override_character = "\u202E";
  EXPECT_THAT(html, Not(HasSubstr(override_character)));
  EXPECT_THAT(html, HasSubstr("report\\u202Efdp.exe"));
  EXPECT_THAT(html, HasSubstr("invoice\\u202Egnp.exe"));
  // (dump() writes the label's backslash as \\).
  EXPECT_NE(charts.dump().find(R"(invoice\\u202Egnp.exe)"), std::string::npos);
  EXPECT_EQ(charts.dump().find(override_character), std::string::npos);
}

TEST(ReportCommand, FormulaLikeNamesAreGuardedInTheCsvAndReadBackAsTheyWere) {
  const fs::path out = fresh_scratch_dir() / "out";
  const std::string owner = "=HYPERLINK(\"http://x\")";
  const CliResult result =
      omnisim_cli({"run", kHostile, "--reps", "2", "--set", "horizon_days=21", "--set",
                   "control_tower.rules.0.owner=" + nlohmann::json(owner).dump(), "--set",
                   R"(control_tower.rules.0.name="-web-otif")", "--out", out.string()});
  ASSERT_EQ(result.status, 0) << result.err;
  const std::string decisions = read_file(out / "decisions.csv");
  EXPECT_THAT(decisions, HasSubstr(R"csv(,'-web-otif,"'=HYPERLINK(""http://x"")",)csv"));
  EXPECT_THAT(decisions, Not(HasSubstr(",-web-otif,")));
  ASSERT_EQ(omnisim_cli({"report", out.string()}).status, 0);
  // The charts' data, from decisions.csv: the names as they were, apostrophes gone.
  const nlohmann::json charts = charts_of(read_file(out / "report.html"));
  EXPECT_THAT(charts.dump(), HasSubstr(nlohmann::json(owner).dump()));
  EXPECT_THAT(charts.dump(), Not(HasSubstr("'=HYPERLINK")));
}

TEST(ReportCommand, RefusesADirectoryWithoutARunsFiles) {
  const fs::path dir = fresh_scratch_dir();
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"report", (dir / "missing").string()}, {"report", dir.string()}, {"report"}}) {
    const CliResult result = omnisim_cli(args);
    EXPECT_EQ(result.status, 2) << ::testing::PrintToString(args);
    EXPECT_THAT(result.err, StartsWith("omnisim: error: "));
  }
  EXPECT_TRUE(listing(dir).empty());
}

TEST(ReportCommand, AMissingOrBrokenFileIsBadInputNamingIt) {
  const fs::path out = fresh_scratch_dir() / "run";
  ASSERT_EQ(run(kWithRules, out, false).status, 0);
  fs::remove(out / "decisions.csv");
  CliResult result = omnisim_cli({"report", out.string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("decisions.csv is missing"));
  {
    std::ofstream broken(out / "summary.json");
    broken << "{\"scenario\": ";
  }
  result = omnisim_cli({"report", out.string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("summary.json differs from what run"));
  EXPECT_FALSE(fs::exists(out / "report.html"));
}

// Rewrites `directory`'s summary.json as `edit` makes it, and its listing to match, so that the
// set still verifies and the report reads the edited summary.
void edit_summary(const fs::path& directory,
                  const std::function<void(nlohmann::ordered_json&)>& edit) {
  auto summary = nlohmann::ordered_json::parse(read_file(directory / "summary.json"));
  edit(summary);
  const std::string text = summary.dump(2) + "\n";
  std::ofstream(directory / "summary.json", std::ios::binary) << text;
  auto listing_json = nlohmann::ordered_json::parse(read_file(directory / "files.json"));
  for (auto& file : listing_json["files"]) {
    if (file["name"] != "summary.json") continue;
    omnisim::Sha256 digest;
    digest.update(text);
    file["bytes"] = text.size();
    file["sha256"] = digest.hex_digest();
  }
  std::ofstream(directory / "files.json", std::ios::binary) << listing_json.dump(2) << "\n";
}

TEST(ReportCommand, ASummaryWithAKeyMissingIsBadInputNamingTheKeyAndWritesNothing) {
  const fs::path out = fresh_scratch_dir() / "run";
  ASSERT_EQ(run(kWithRules, out, false).status, 0);
  edit_summary(out,
               [](auto& summary) { summary["scenario"]["status_quo"].erase("decision_hours"); });
  const std::vector<std::string> files = listing(out);
  const CliResult result = omnisim_cli({"report", out.string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_EQ(result.err, "omnisim: error: " + (out / "summary.json").string() +
                            ": /scenario/status_quo/decision_hours: missing\n");
  // Not even a temporary of report.html.
  EXPECT_EQ(listing(out), files);
  EXPECT_THAT(files, Not(Contains("report.html")));
}

TEST(ReportCommand, ASummaryWithAWrongTypeIsBadInputNamingTheKey) {
  const fs::path out = fresh_scratch_dir() / "run";
  ASSERT_EQ(run(kWithRules, out, false).status, 0);
  edit_summary(out, [](auto& summary) {
    summary["arms"]["control_tower"]["metrics"]["otif"]["mean"] = "abc";
  });
  const CliResult result = omnisim_cli({"report", out.string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("summary.json: /arms/control_tower/metrics/otif/mean: "
                                    "expected a number or null, got \"abc\""));
  EXPECT_FALSE(fs::exists(out / "report.html"));
}

TEST(RunReport, TheSummaryReadsBackToTheBytesWritten) {
  const fs::path dir = fresh_scratch_dir();
  for (const std::string& scenario : {kWithRules, kWithoutRules}) {
    const fs::path out = dir / fs::path(scenario).stem();
    ASSERT_EQ(run(scenario, out, false).status, 0);
    const std::string written = read_file(out / "summary.json");
    EXPECT_EQ(omnisim::summary_json_text(omnisim::read_run_summary(out / "summary.json")), written)
        << scenario;
  }
}

TEST(ReportCommand, RefusesFilesOfTwoRunsNamingThem) {
  const fs::path dir = fresh_scratch_dir();
  ASSERT_EQ(run(kWithRules, dir / "one", false).status, 0);
  ASSERT_EQ(omnisim_cli({"run", kWithRules, "--reps", "2", "--seed", "99", "--set",
                         "horizon_days=21", "--out", (dir / "two").string()})
                .status,
            0);
  // What a disk full under the old file-by-file writing left: two files of the new run.
  for (const char* file : {"summary.json", "replications.csv"})
    fs::copy_file(dir / "two" / file, dir / "one" / file, fs::copy_options::overwrite_existing);
  const CliResult result = omnisim_cli({"report", (dir / "one").string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("does not hold the files of one run: summary.json and "
                                    "replications.csv differ from what run"));
  EXPECT_FALSE(fs::exists(dir / "one" / "report.html"));

  // A listing copied along with them does not help: the other files are not in it.
  fs::copy_file(dir / "two" / "files.json", dir / "one" / "files.json",
                fs::copy_options::overwrite_existing);
  const CliResult again = omnisim_cli({"report", (dir / "one").string()});
  EXPECT_EQ(again.status, 2);
  EXPECT_THAT(again.err, HasSubstr("timeseries.csv, inventory.csv and open_orders.csv differ"));
}

TEST(RunReport, ForceWithoutTheFlagLeavesNoReportOfTheEarlierRun) {
  const fs::path out = fresh_scratch_dir() / "run";
  ASSERT_EQ(run(kWithRules, out).status, 0);
  ASSERT_TRUE(fs::exists(out / "report.html"));
  ASSERT_EQ(omnisim_cli({"run", kWithRules, "--reps", "2", "--set", "horizon_days=21", "--out",
                         out.string(), "--force"})
                .status,
            0);
  EXPECT_THAT(listing(out), Not(Contains("report.html")));
}

TEST(RunReport, TheReportIsPartOfTheSet) {
  const fs::path out = fresh_scratch_dir() / "run";
  ASSERT_EQ(run(kWithRules, out).status, 0);
  EXPECT_THAT(listing(out), Contains("report.html"));
  // Nothing of the run was left beside its directory.
  EXPECT_THAT(listing(out.parent_path()), ::testing::ElementsAre("run"));
}

}  // namespace

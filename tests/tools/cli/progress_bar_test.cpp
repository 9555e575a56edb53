// Progress where stderr is not a terminal (a line per tenth) and of resumed runs (work done
// before counts as done, not in the rate); the bar's own text is tested in arm_comparison_test.
#include "tools/cli/progress_bar.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "tests/tools/scratch_dir.hpp"

namespace {

using omnisim::ProgressBar;
using omnisim::ProgressStyle;
using omnisim::testing::lines;
using ::testing::StartsWith;

// The percentages of `printed` lines ("progress: 30 % (...").
std::vector<int> percents(const std::vector<std::string>& printed) {
  std::vector<int> out;
  for (const auto& line : printed)
    out.push_back(std::stoi(line.substr(line.find(' ') + 1)));
  return out;
}

TEST(ProgressLine, ShowsThePercentCountRateAndTimeLeft) {
  EXPECT_EQ(omnisim::format_progress_line(0, 3600, 0.5),
            "progress: 0 % (0/3600 replications), -/s, ETA -:--");
  EXPECT_EQ(omnisim::format_progress_line(1080, 3600, 87.8),
            "progress: 30 % (1080/3600 replications), 12.3/s, ETA 3:25");
  // Rounded down: 100 % only when all is done.
  EXPECT_EQ(omnisim::format_progress_line(3599, 3600, 3599.0),
            "progress: 99 % (3599/3600 replications), 1.0/s, ETA 0:01");
  EXPECT_EQ(omnisim::format_progress_line(3600, 3600, 100.0),
            "progress: 100 % (3600/3600 replications), 36.0/s, ETA 0:00");
  EXPECT_EQ(omnisim::format_progress_line(0, 0, 1.0),
            "progress: 100 % (0/0 replications), -/s, ETA -:--");
}

TEST(ProgressText, NamesWhatItCounts) {
  // A sweep's planning counts grid points, not replications.
  EXPECT_EQ(omnisim::format_progress_line(3000, 10000, 2.0, 1000, "grid points planned"),
            "progress: 30 % (3000/10000 grid points planned), 1000.0/s, ETA 0:07");
  EXPECT_EQ(omnisim::format_progress(5000, 10000, 4.0, 0, "grid points planned"),
            "[##########..........] 5000/10000 grid points planned, 1250.0/s, ETA 0:04");
}

TEST(ProgressText, WorkResumedFromAnEarlierRunCountsAsDoneButNotInTheRate) {
  EXPECT_EQ(omnisim::format_progress(150, 200, 10.0, 100),
            "[###############.....] 150/200 replications, 5.0/s, ETA 0:10");
  EXPECT_EQ(omnisim::format_progress(100, 200, 10.0, 100),
            "[##########..........] 100/200 replications, -/s, ETA -:--");
  EXPECT_EQ(omnisim::format_progress_line(150, 200, 10.0, 100),
            "progress: 75 % (150/200 replications), 5.0/s, ETA 0:10");
}

TEST(ProgressLines, StartWithALineAndEndWithOneHundredPercentOnce) {
  std::ostringstream out;
  {
    ProgressBar progress(&out, 10, ProgressStyle::lines);
    for (int i = 0; i < 10; ++i)
      progress.advance();
    progress.finish();
    progress.finish();  // idempotent
  }
  const std::string text = out.str();
  EXPECT_EQ(text.find('\r'), std::string::npos);
  const auto printed = lines(text);
  ASSERT_GE(printed.size(), 2u);
  EXPECT_EQ(printed.front(), "progress: 0 % (0/10 replications), -/s, ETA -:--");
  EXPECT_THAT(printed.back(), StartsWith("progress: 100 % (10/10 replications), "));
  // Whenever the drawer looked, each line is another tenth: never the same percent twice.
  const auto shown = percents(printed);
  EXPECT_TRUE(std::is_sorted(shown.begin(), shown.end()));
  EXPECT_EQ(std::adjacent_find(shown.begin(), shown.end()), shown.end());
}

TEST(ProgressLines, WithNothingDoneOnlyTheFirstLineIsPrinted) {
  std::ostringstream out;
  ProgressBar progress(&out, 10, ProgressStyle::lines);
  progress.finish();
  EXPECT_EQ(out.str(), "progress: 0 % (0/10 replications), -/s, ETA -:--\n");
}

TEST(ProgressLines, AResumedRunStartsFromWhatWasDone) {
  std::ostringstream out;
  ProgressBar progress(&out, 10, ProgressStyle::lines, 4);
  progress.finish();
  EXPECT_EQ(out.str(), "progress: 40 % (4/10 replications), -/s, ETA -:--\n");
}

TEST(ProgressLines, ATotalRaisedOnTheWayEndsAtTheNewTotal) {
  std::ostringstream out;
  {
    ProgressBar progress(&out, 2, ProgressStyle::lines);
    progress.advance();
    progress.advance();
    progress.add_to_total(2);
    progress.advance();
    progress.advance();
  }
  EXPECT_THAT(lines(out.str()).back(), StartsWith("progress: 100 % (4/4 replications), "));
}

TEST(ProgressBar, AResumedBarStartsFromWhatWasDone) {
  std::ostringstream out;
  {
    ProgressBar progress(&out, 10, ProgressStyle::bar, 4);
    progress.finish();
  }
  EXPECT_THAT(out.str(), StartsWith("\r[########............] 4/10 replications, -/s, ETA -:--"));
}

}  // namespace

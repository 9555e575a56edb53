// The run memory estimate and limit: sizes as written on the command line, an estimate that
// grows with the chain and errs high of measured peaks, and runs refused before anything starts.
#include "tools/cli/memory_limit.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <malloc.h>

#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "models/scenario/loader.hpp"
#include "models/world/memory_estimate.hpp"
#include "models/world/synthetic.hpp"
#include "tests/tools/cli_capture.hpp"
#include "tests/tools/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using omnisim::format_bytes;
using omnisim::parse_byte_size;
using omnisim::testing::fresh_scratch_dir;
using omnisim::testing::omnisim_cli;
using ::testing::HasSubstr;
using ::testing::Optional;

const std::string kSmall = std::string(OMNISIM_SOURCE_DIR) + "/scenarios/examples/small.json";
constexpr std::uint64_t kMiB = 1024 * 1024;

TEST(ParseByteSize, ReadsBytesAndBinarySuffixes) {
  EXPECT_THAT(parse_byte_size("1000"), Optional(1000u));
  EXPECT_THAT(parse_byte_size("1K"), Optional(1024u));
  EXPECT_THAT(parse_byte_size("512M"), Optional(512 * kMiB));
  EXPECT_THAT(parse_byte_size("4G"), Optional(4096 * kMiB));
  EXPECT_THAT(parse_byte_size("1.5g"), Optional(1536 * kMiB));
  EXPECT_THAT(parse_byte_size("4GiB"), Optional(4096 * kMiB));
  EXPECT_THAT(parse_byte_size("4gb"), Optional(4096 * kMiB));
  EXPECT_THAT(parse_byte_size("2T"), Optional(2 * 1024 * 1024 * kMiB));
}

TEST(ParseByteSize, RejectsWhatIsNotASize) {
  for (const char* text : {"", "G", "-1", "+1", "1X", "1e3", "inf", "nan", "0", "0.4", "1..5M",
                           "1.5.2G", " 4G", "4G ", "4 G", "4GG", "4iB", "99999999T"})
    EXPECT_EQ(parse_byte_size(text), std::nullopt) << '"' << text << '"';
}

TEST(FormatBytes, UsesTheLargestUnitWithOneDecimal) {
  EXPECT_EQ(format_bytes(800), "800 B");
  EXPECT_EQ(format_bytes(1536), "1.5 KiB");
  EXPECT_EQ(format_bytes(5 * 1024 * kMiB), "5.0 GiB");
  EXPECT_EQ(format_bytes(kMiB * 1024 * 1024 * 3072), "3072.0 TiB");
}

retail::Scenario chain(std::uint32_t stores, std::uint32_t skus, std::uint32_t days = 182) {
  return retail::synthetic_scenario({50, stores, 5, 4, skus, 50, days, 20});
}

TEST(EstimateRunBytes, GrowsWithStoresTimesSkus) {
  const std::uint64_t base = retail::estimate_replication_bytes(chain(500, 5000));
  EXPECT_GT(retail::estimate_replication_bytes(chain(1000, 5000)), base);
  EXPECT_GT(retail::estimate_replication_bytes(chain(500, 10000)), base);
  // Over a week (before queues build up) per store and SKU vectors dominate a big chain: four
  // times the cells, nearly four times the memory (demand, and so pending events, only doubles).
  const double ratio =
      static_cast<double>(retail::estimate_replication_bytes(chain(2000, 20000, 7))) /
      static_cast<double>(retail::estimate_replication_bytes(chain(1000, 10000, 7)));
  EXPECT_GT(ratio, 3.0);
  EXPECT_LT(ratio, 4.0);
}

TEST(EstimateRunBytes, CountsTheForecastHistoryOfForecastDrivenNodes) {
  retail::Scenario s = chain(500, 5000, 7);
  const std::uint64_t fixed_levels = retail::estimate_replication_bytes(s);
  for (retail::Store& store : s.stores)
    store.replenishment.kind = retail::ReplenishmentPolicy::Kind::forecast_order_up_to;
  // 28 + 28 days of single-precision demand per store and SKU, at least.
  const double history = 500.0 * 5000 * 56 * sizeof(float);
  EXPECT_GE(static_cast<double>(retail::estimate_replication_bytes(s) - fixed_levels), history);
}

TEST(EstimateRunBytes, CountsTheNodeDaysKept) {
  retail::Scenario s = chain(500, 5000, 28);
  const std::uint64_t without = retail::estimate_run_bytes(s, 1, 10);
  s.kpi.node_days = true;
  // Ten tables of 28 days x 505 nodes, each a stock position (4 x 8 bytes) and 50 categories of
  // orders (2 x 4 bytes each).
  const double tables = 10.0 * 28 * 505 * (4 * 8 + 50 * 8);
  EXPECT_GE(static_cast<double>(retail::estimate_run_bytes(s, 1, 10) - without), tables);
}

TEST(EstimateRunBytes, CountsReplicationsAtOnceAndTheTablesKept) {
  const retail::Scenario s = chain(50, 200);
  const std::uint64_t one = retail::estimate_run_bytes(s, 1, 1);
  EXPECT_GT(retail::estimate_run_bytes(s, 2, 10), retail::estimate_run_bytes(s, 1, 10));
  EXPECT_GT(retail::estimate_run_bytes(s, 1, 10), one);
  // More threads than replications run no more at once.
  EXPECT_EQ(retail::estimate_run_bytes(s, 8, 1), one);
}

TEST(EstimateRunBytes, ErrsHighOfMeasuredPeaksWithinTwice) {
  // Peak RSS from /usr/bin/time -v of one replication of the benchmark chains (bench/
  // retail_bench.cpp's sizes, 182 days, 2 threads). Recalibrate when the models' memory changes.
  // Measured 2026-12-04, after agents' KPI buffers became day logs and promotion slots shrank.
  struct Measured {
    retail::SyntheticSize size;
    std::uint64_t peak_bytes;
  };
  for (const auto& [size, peak] : {
           Measured{{10, 50, 2, 3, 200, 10, 182, 20}, 16 * kMiB},     // medium
           Measured{{50, 500, 5, 4, 5000, 50, 182, 20}, 295 * kMiB},  // large
           Measured{{50, 500, 5, 4, 5000, 50, 28, 20}, 270 * kMiB},   // large, 4 weeks
           Measured{{50, 250, 5, 4, 5000, 50, 182, 20}, 222 * kMiB},  // half the stores
       }) {
    const std::uint64_t estimate =
        retail::estimate_run_bytes(retail::synthetic_scenario(size), 1, 1);
    EXPECT_GE(estimate, peak) << size.stores << " stores x " << size.skus << " SKUs";
    EXPECT_LE(estimate, 2 * peak) << size.stores << " stores x " << size.skus << " SKUs";
  }
}

// --set assignments giving every service of the three carriers of scenarios/medium_chain.json
// and ads_into_stockouts.json a transit of `days` days and a promise of 5 more.
std::vector<std::string> slow_carriers(int days) {
  std::vector<std::string> overrides;
  for (const char* carrier : {"parcelco", "swiftship", "regional-express"}) {
    for (const char* service : {"standard", "expedited"}) {
      const std::string at = std::string("carriers.") + carrier + ".services." + service;
      overrides.push_back(at + ".transit_days=" + std::to_string(days));
      overrides.push_back(at + ".promise_days=" + std::to_string(days + 5));
    }
  }
  return overrides;
}

TEST(EstimateRunBytes, CountsWhatIsInFlightForTheScenariosOwnTimes) {
  // Peak RSS from /usr/bin/time -v of `omnisim run FILE --reps 1 --threads 1`. With a fixed five
  // days in flight, a 60-day transit was estimated as low as a 3-day one (and peaked at twice).
  struct Measured {
    const char* file;
    std::vector<std::string> overrides;
    std::uint64_t peak_bytes;
  };
  std::vector<std::string> slow_returns = slow_carriers(60);
  slow_returns.push_back("returns.decision_days=60");
  slow_returns.push_back("returns.transit_days=20");
  const std::string dir = std::string(OMNISIM_SOURCE_DIR) + "/scenarios/";
  std::uint64_t previous = 0;
  for (const auto& [file, overrides, peak] : {
           Measured{"medium_chain.json", {}, 13720 * 1024},
           Measured{"medium_chain.json", slow_carriers(60), 28072 * 1024},
           Measured{"medium_chain.json", slow_returns, 28052 * 1024},
           Measured{"ads_into_stockouts.json", {}, 16432 * 1024},
           Measured{"ads_into_stockouts.json", slow_carriers(60), 37924 * 1024},
       }) {
    const retail::Scenario scenario = retail::load_scenario(dir + file, overrides).scenario;
    const std::uint64_t estimate = retail::estimate_run_bytes(scenario, 1, 1);
    EXPECT_GE(estimate, peak) << file << " with " << overrides.size() << " overrides";
    EXPECT_LE(estimate, 2 * peak) << file << " with " << overrides.size() << " overrides";
    if (std::string(file) == "medium_chain.json") {
      EXPECT_GT(estimate, previous) << "longer times in flight, more memory";
      previous = estimate;
    }
  }
}

TEST(MemoryLimit, RefusesARunOverTheLimitBeforeAnything) {
  const fs::path out = fresh_scratch_dir() / "out";
  const auto result =
      omnisim_cli({"run", kSmall, "--threads", "2", "--memory-limit", "1K", "--out", out.string()});
  EXPECT_EQ(result.status, 2);
  const retail::Scenario small = retail::load_scenario(kSmall).scenario;
  EXPECT_THAT(result.err, HasSubstr("needs an estimated " + format_bytes(retail::estimate_run_bytes(
                                                                small, 2, small.replications))));
  EXPECT_THAT(result.err, HasSubstr("more than the limit of 1.0 KiB (--memory-limit)"));
  EXPECT_THAT(result.err, HasSubstr("raise the limit with --memory-limit"));
  EXPECT_EQ(result.out, "");
  EXPECT_FALSE(fs::exists(out));
}

TEST(MemoryLimit, SuggestsFewerThreadsWhenThatFits) {
  const retail::Scenario small = retail::load_scenario(kSmall).scenario;
  const std::uint64_t one_at_a_time = retail::estimate_run_bytes(small, 1, small.replications);
  const auto result =
      omnisim_cli({"run", kSmall, "--threads", "4", "--memory-limit", std::to_string(one_at_a_time),
                   "--out", (fresh_scratch_dir() / "out").string()});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("4 of 10 replications at a time"));
  EXPECT_THAT(result.err, HasSubstr("(--threads 1)"));
}

TEST(MemoryLimit, CountsTheRunsOfBothArms) {
  const std::string with_rules =
      std::string(OMNISIM_SOURCE_DIR) + "/tests/data/small_with_rules.json";
  const retail::Scenario scenario = retail::load_scenario(with_rules).scenario;
  // Enough for one arm's 10 replications four at a time, not for both arms' 20.
  const std::uint64_t one_arm = retail::estimate_run_bytes(scenario, 4, scenario.replications);
  const std::uint64_t both_arms =
      retail::estimate_run_bytes(scenario, 4, 2 * scenario.replications);
  ASSERT_LT(one_arm, both_arms);
  const std::vector<std::string> args = {"run",
                                         with_rules,
                                         "--threads",
                                         "4",
                                         "--memory-limit",
                                         std::to_string(one_arm),
                                         "--out",
                                         (fresh_scratch_dir() / "out").string()};
  const auto refused = omnisim_cli(args);
  EXPECT_EQ(refused.status, 2);
  EXPECT_THAT(refused.err, HasSubstr("needs an estimated " + format_bytes(both_arms)));
  EXPECT_THAT(refused.err, HasSubstr("4 of 20 replications (10 in each of 2 arms) at a time"));

  std::vector<std::string> one = args;
  one.push_back("--no-control-tower");
  one.push_back("--reps");
  one.push_back("1");
  // The watchdog holds the whole process to the limit, and here that is this test program too.
  one[5] = std::to_string(one_arm + omnisim::resident_bytes());
  EXPECT_EQ(omnisim_cli(one).status, 0);
}

TEST(MemoryLimit, RunsWithinALimitGivenOnTheCommandLine) {
  const fs::path out = fresh_scratch_dir() / "out";
  const auto result = omnisim_cli({"run", kSmall, "--reps", "1", "--set", "horizon_days=28",
                                   "--memory-limit", "1G", "--out", out.string()});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(fs::exists(out / "summary.json"));
}

TEST(MemoryLimit, RejectsAMalformedSize) {
  const auto result =
      omnisim_cli({"run", kSmall, "--memory-limit", "lots", "--out", "never-created"});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("--memory-limit: expected a size"));
  EXPECT_FALSE(fs::exists("never-created"));
}

TEST(MemoryLimit, RefusesAHundredThousandStoresTimesAHundredThousandSkus) {
  // A valid chain far beyond any machine: 10^10 store-SKU cells.
  constexpr int kCount = 100'000;
  std::string skus, stores, lanes;
  for (int i = 0; i < kCount; ++i) {
    const std::string n = std::to_string(i);
    const std::string comma = i ? "," : "";
    skus.append(comma)
        .append("{\"name\":\"k")
        .append(n)
        .append(
            "\",\"category\":\"c\",\"list_price\":1,\"unit_cost\":0,\"base_demand_per_day\":1}");
    stores.append(comma).append("{\"name\":\"s").append(n).append("\",\"zone\":\"z\"}");
    lanes.append(comma)
        .append("{\"from\":\"dc-east\",\"to\":\"s")
        .append(n)
        .append("\",\"transit_hours\":24}");
  }
  const fs::path dir = fresh_scratch_dir();
  const fs::path file = dir / "huge_chain.json";
  std::ofstream(file) << "{\"extends\": " << nlohmann::json(kSmall).dump()
                      << ", \"promotions\": [], \"advertising\": {\"programs\": []}"
                      << ", \"catalog\": {\"categories\": [\"c\"], \"skus\": [" << skus
                      << "]}, \"network\": {\"zones\": [{\"name\": \"z\", \"demand_weight\": 1, "
                         "\"dc\": \"dc-east\", \"carrier\": \"parcelco\"}], \"stores\": ["
                      << stores << "], \"lanes\": [" << lanes << "]}}";

  const auto result =
      omnisim_cli({"run", file.string(), "--reps", "1", "--out", (dir / "out").string()});
  fs::remove(file);  // 15 MB, not worth keeping
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("this run needs an estimated"));
  EXPECT_THAT(result.err, HasSubstr("GiB of memory"));
  EXPECT_THAT(result.err, HasSubstr("(80 % of physical memory)"));
  EXPECT_THAT(result.err, HasSubstr("Even one replication at a time needs"));
  EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(MemoryWatchdog, ReadsTheResidentMemory) {
  ::malloc_trim(0);  // what earlier tests freed leaves now, not while this one measures
  const std::uint64_t before = omnisim::resident_bytes();
  EXPECT_GT(before, 1 * kMiB);
  std::vector<char> touched(64 * kMiB, 1);
  EXPECT_GT(omnisim::resident_bytes(), before + 32 * kMiB);
  EXPECT_EQ(touched[12345], 1);
}

TEST(MemoryWatchdog, CallsOutOnceTheLimitIsPassedAndNotBefore) {
  std::atomic<std::uint64_t> seen{0};
  ::malloc_trim(0);
  const std::uint64_t limit = omnisim::resident_bytes() + 48 * kMiB;
  {
    omnisim::MemoryWatchdog watchdog(
        limit, [&](std::uint64_t resident) { seen = resident; }, std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(seen.load(), 0u);
    std::vector<char> touched(96 * kMiB, 1);
    for (int i = 0; i < 200 && seen.load() == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_EQ(touched[777], 1);
  }
  EXPECT_GT(seen.load(), limit);
}

TEST(MemoryWatchdog, SaysWhichLimitWasPassedAndByHowMuch) {
  const std::string message = omnisim::memory_exceeded_message(512 * kMiB, true, 530 * kMiB);
  EXPECT_THAT(message, ::testing::StartsWith(
                           "memory limit 512.0 MiB (--memory-limit) exceeded: 530.0 MiB resident"));
  EXPECT_THAT(message, HasSubstr("--threads"));
  EXPECT_THAT(omnisim::memory_exceeded_message(kMiB, false, 2 * kMiB),
              HasSubstr("(80 % of physical memory)"));
}

TEST(MemoryWatchdog, StopsARunThatPassesTheLimitWithAClearError) {
  if (omnisim::watch_memory(std::nullopt) == nullptr)
    GTEST_SKIP() << "no watchdog in a sanitizer build";
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const retail::Scenario small = retail::load_scenario(kSmall, {"horizon_days=365"}).scenario;
  // What the run was estimated at passes the check before it; the process then holds more.
  const std::uint64_t limit = retail::estimate_run_bytes(small, 1, 4);
  const fs::path out = fresh_scratch_dir() / "out";
  EXPECT_EXIT(
      {
        std::vector<char> ballast(limit + 64 * kMiB, 1);
        omnisim_cli({"run", kSmall, "--set", "horizon_days=365", "--reps", "4", "--threads", "1",
                     "--memory-limit", std::to_string(limit), "--out", out.string()});
        std::exit(ballast[99] == 1 ? 0 : 3);
      },
      ::testing::ExitedWithCode(1),
      "omnisim: error: memory limit .* \\(--memory-limit\\) exceeded");
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace

// Inputs the fuzzers (tests/fuzz, tools/fuzz.sh) found to break the loader, each kept as a test
// of its fix, through the command line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/tools/cli_capture.hpp"

namespace {

using omnisim::testing::omnisim_cli;
using ::testing::HasSubstr;

const std::string kSmall = std::string(OMNISIM_SOURCE_DIR) + "/scenarios/examples/small.json";

TEST(FuzzFindings, DeletingInsideAMissingObjectChangesNothing) {
  // Found by set_override_fuzzer: the missing parent became null, and erasing from null threw
  // nlohmann's type_error, reported as a failed run (exit 1).
  const auto result = omnisim_cli({"validate", kSmall, "--set", "no_such_section.field=null",
                                   "--set", "kpi.report_latency_minutes=null"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("with 2 overrides"));
}

}  // namespace

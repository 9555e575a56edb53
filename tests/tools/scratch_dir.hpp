// A fresh, empty directory per test under the build tree, kept afterwards for inspection.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace omnisim::testing {

inline std::filesystem::path fresh_scratch_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  // Per test, so tests run in parallel by CTest never share files.
  const std::filesystem::path dir = std::filesystem::path(CLI_TESTS_SCRATCH_DIR) /
                                    (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// The names in `dir`, sorted, to compare directory contents.
inline std::vector<std::string> listing(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace omnisim::testing

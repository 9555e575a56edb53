// omnisim report: report.html from the files a run wrote, for one output directory or for each
// scenario's directory under a multi-scenario run's output; or a sweep's report for a sweep's
// output directory.
#include <algorithm>
#include <fstream>

#include "tools/cli/commands.hpp"
#include "tools/report/assets.hpp"
#include "tools/report/escape.hpp"
#include "tools/report/page.hpp"
#include "tools/report/run_data.hpp"
#include "tools/report/sections.hpp"
#include "tools/report/sweep_report.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/output_files.hpp"
#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

namespace fs = std::filesystem;

bool has_summary(const fs::path& directory) {
  std::error_code error;
  return fs::is_regular_file(directory / "summary.json", error);
}

// `directory` itself when it holds a run's or a sweep's files, else its subdirectories that hold a
// run's (sorted).
std::vector<fs::path> report_directories(const fs::path& directory) {
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    throw UsageError("'" + directory.string() +
                     "' is not a directory (give the --out DIR of "
                     "'omnisim run' or 'omnisim sweep')");
  }
  if (has_summary(directory) || is_sweep_directory(directory)) return {directory};
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    // Hidden ones are a run's temporaries (tools/results/output_files.hpp).
    const bool hidden = entry.path().filename().string().starts_with(".");
    if (!hidden && entry.is_directory(error) && has_summary(entry.path()))
      found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  if (found.empty()) {
    throw UsageError("'" + directory.string() +
                     "' holds no summary.json, nor do its subdirectories: give the --out DIR "
                     "of 'omnisim run' (or a scenario's directory under it) or of 'omnisim "
                     "sweep'");
  }
  return found;
}

std::string footer_html(const ReportInput& input) {
  return "Written by omnisim " + escape_html(input.summary.version) +
         " from summary.json, replications.csv, timeseries.csv and decisions.csv (the same "
         "directory).";
}

}  // namespace

std::size_t write_report(const fs::path& directory) {
  const ReportInput input = load_report_input(directory);
  ReportPage page(input.summary.scenario.name);
  add_report_sections(page, input);
  const std::string html = page.render(footer_html(input), embedded_scripts());
  write_file_atomically(directory / "report.html", [&](std::ostream& file) { file << html; });
  return page.chart_count();
}

void report_command(const ReportOptions& options, std::ostream& out) {
  if (options.directories.empty()) throw UsageError("report needs an output directory");
  // Every directory is checked before any report is written.
  std::vector<fs::path> directories;
  for (const fs::path& directory : options.directories) {
    for (fs::path& found : report_directories(directory))
      directories.push_back(std::move(found));
  }
  for (const fs::path& directory : directories) {
    const std::size_t charts =
        has_summary(directory) ? write_report(directory) : write_sweep_report(directory);
    out << "Wrote " << terminal_text((directory / "report.html").string()) << " (" << charts
        << (charts == 1 ? " chart" : " charts") << ")\n";
  }
}

}  // namespace omnisim

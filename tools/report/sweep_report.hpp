// report.html for a sweep's output directory: the grid, heatmaps of the objective (contribution
// margin) and of its paired difference over the first two axes, the points ranked, and heatmaps
// of a few spine metrics to show what the best points trade away.
#pragma once

#include <cstddef>
#include <filesystem>

#include "tools/report/page.hpp"
#include "tools/report/sweep_data.hpp"

namespace omnisim {

// Adds the sweep report's sections (and subtitle) for `input` to `page`.
void add_sweep_report_sections(ReportPage& page, const SweepReportInput& input);

// Writes report.html into `directory` from the files a complete `omnisim sweep` wrote there
// (manifest.json, sweep.csv), atomically; returns how many charts it has. Throws UsageError when
// the sweep is not complete or a file is missing or malformed (nothing is written then).
std::size_t write_sweep_report(const std::filesystem::path& directory);

}  // namespace omnisim

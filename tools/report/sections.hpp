// The sections of report.html, in reading order: the story, the parameters, the comparison table,
// the execution spine over time, the paired differences, the control tower's decisions, margin
// leakage by component. (A sweep's report is tools/report/sweep_report.hpp.)
#pragma once

#include "tools/report/page.hpp"
#include "tools/report/run_data.hpp"

namespace omnisim {

// Adds every section that `input` has data for to `page` (and its subtitle).
void add_report_sections(ReportPage& page, const ReportInput& input);

}  // namespace omnisim

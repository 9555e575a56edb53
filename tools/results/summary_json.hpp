// summary.json: a RunSummary (tools/results/run_summary.hpp) as JSON and back. What ran
// (scenario, overrides, seed), each arm's metrics with their intervals and what its rules did,
// the paired difference between the arms, and how it ran.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "sim/statistics.hpp"
#include "tools/results/run_summary.hpp"

namespace omnisim {

// {"mean", "stddev", "ci_low", "ci_high", "n", "confidence"}; undefined values (NaN, and the
// spread and interval when n < 2) are null, since JSON has no NaN.
nlohmann::ordered_json summary_to_json(const sim::Summary& summary);

// {"owner", "firings", "fired_per_replication", "decided", "executed", "mean_hours_to_decision",
// "mean_hours_to_execution"}, the means null when nothing was decided (executed).
nlohmann::ordered_json activity_to_json(const RuleActivity& activity);

// Keys in the order a reader wants them: "omnisim" (its version); what ran, "scenario" (its
// name, description, file, seed, replications, horizon, overrides, rule names, and for the
// report its "control_tower" settings with every rule in full and its "status_quo" review); per
// arm ("status_quo", "control_tower", those that ran) its "metrics" in spine order and its
// "decisions" per rule; the "paired_difference" (control tower - status quo) per metric, null
// unless both arms ran; how it ran, "run". Undefined numbers are null.
nlohmann::ordered_json to_json(const RunSummary& summary);

// The file's text: to_json indented by two spaces, invalid UTF-8 replaced, a newline at the end.
std::string summary_json_text(const RunSummary& summary);

// Reads back what to_json wrote; `file` names the input in errors. Every key to_json writes is
// required and no other is accepted (summary.json is omnisim's own, so an unknown key means a
// file this omnisim did not write and could not write back whole); null reads as NaN. Throws
// SummaryFormatError "<file>: <JSON pointer>: <what is wrong>" (also when the arms do not have
// the same metrics, or the paired difference is not there exactly when both arms are), e.g.
// "out/summary.json: /run/events: missing".
RunSummary from_json(const nlohmann::ordered_json& document, const std::string& file);

// Parses and reads `file`; throws SummaryFormatError when it cannot be read, is not JSON or
// from_json refuses it.
RunSummary read_run_summary(const std::filesystem::path& file);

}  // namespace omnisim

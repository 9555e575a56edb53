// summary.json as an nlohmann::ordered_json document; nlohmann prints doubles shortest
// round-trip and independent of the locale.
#include "tools/summary_json.hpp"

#include <cmath>

namespace omnisim {
namespace {

nlohmann::ordered_json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json summary_to_json(const sim::Summary& summary) {
  const bool spread = summary.has_interval();
  return {
      {"mean", number_or_null(summary.mean)},
      {"stddev", spread ? number_or_null(summary.stddev) : nlohmann::ordered_json(nullptr)},
      {"ci_low", spread ? number_or_null(summary.ci_low) : nlohmann::ordered_json(nullptr)},
      {"ci_high", spread ? number_or_null(summary.ci_high) : nlohmann::ordered_json(nullptr)},
      {"n", summary.n},
      {"confidence", summary.confidence},
  };
}

nlohmann::ordered_json make_summary_json(const retail::Scenario& scenario, const RunRecord& run,
                                         const std::vector<MetricSummary>& metrics) {
  nlohmann::ordered_json metric_object = nlohmann::ordered_json::object();
  for (const auto& metric : metrics)
    metric_object[metric.name] = summary_to_json(metric.summary);
  return {
      {"omnisim", {{"version", OMNISIM_VERSION}}},
      {"scenario",
       {{"name", scenario.name},
        {"description", scenario.description},
        {"file", run.scenario_file},
        {"seed", scenario.seed},
        {"replications", scenario.replications},
        {"horizon_days", scenario.horizon_days},
        {"overrides", run.overrides}}},
      {"metrics", std::move(metric_object)},
      {"run",
       {{"events", run.committed_events},
        {"wall_seconds", run.wall_seconds},
        {"threads", run.threads}}},
  };
}

}  // namespace omnisim

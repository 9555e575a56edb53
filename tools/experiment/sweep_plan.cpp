// Every point is loaded (and so validated) up front: a typo in the last grid value fails before
// the first replication runs, naming the point.
#include "tools/experiment/sweep_plan.hpp"

#include <cstdio>

#include "models/metrics/catalogue.hpp"
#include "models/scenario/loader.hpp"
#include "tools/experiment/arm_choice.hpp"
#include "tools/results/arms.hpp"
#include "tools/results/errors.hpp"

namespace omnisim {
namespace {

// FNV-1a over the resolved scenario: a resumed or merged study must have run the same world.
std::string digest_of(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  std::array<char, 17> hex{};
  std::snprintf(hex.data(), hex.size(), "%016llx", static_cast<unsigned long long>(hash));
  return hex.data();
}

nlohmann::json metric_keys(const std::vector<retail::MetricId>& metrics) {
  nlohmann::json keys = nlohmann::json::array();
  for (const retail::MetricId metric : metrics)
    keys.push_back(retail::metric_key(metric));
  return keys;
}

nlohmann::json make_definition(const SweepRequest& request, const SweepPlan& plan,
                               const nlohmann::json& document) {
  nlohmann::json grid = nlohmann::json::array();
  for (const GridAxis& axis : plan.axes)
    grid.push_back({{"path", axis.path}, {"values", axis.values}});
  nlohmann::json arms = nlohmann::json::array();
  for (const retail::Arm arm : plan.arms)
    arms.push_back(arm_key(arm));
  nlohmann::json definition = {
      {"omnisim", OMNISIM_VERSION},
      {"scenario", request.scenario.string()},
      {"scenario_digest", digest_of(document.dump())},
      {"overrides", plan.overrides},
      {"grid", grid},
      {"arms", arms},
      {"seed", plan.points.front().seed},
      {"metrics", metric_keys(plan.metrics)},
  };
  if (plan.auto_replications) {
    // Which replications run depends on the objective's intervals, so it is part of the study.
    definition["replications"] = {{"auto",
                                   {{"ci_width", plan.auto_replications->ci_width},
                                    {"min", plan.auto_replications->min},
                                    {"max", plan.auto_replications->max},
                                    {"objective", retail::metric_key(plan.objective.metric)},
                                    {"arm", arm_key(plan.arms[plan.ranked_arm()])}}}};
  } else {
    definition["replications"] = plan.replications;
  }
  if (plan.shard) {
    definition["shard"] = {{"index", plan.shard->index}, {"count", plan.shard->count}};
  }
  return definition;
}

// The scenario of a point: `document` (the file with extends and --set applied) with the point's
// overrides, its errors named as load_scenario names them.
retail::Scenario load_point(const std::filesystem::path& file, nlohmann::json document,
                            const std::vector<std::string>& overrides) {
  for (const std::string& assignment : overrides)
    retail::apply_override(document, assignment);
  try {
    return retail::parse_scenario(document);
  } catch (const retail::ScenarioError& e) {
    throw retail::ScenarioError(file.string() + ": " + e.what());
  }
}

}  // namespace

std::string describe_point(const SweepPlan& plan, std::size_t point) {
  std::string text;
  for (const std::string& assignment : point_overrides(plan.axes, point)) {
    if (!text.empty()) text += ", ";
    text += assignment;
  }
  return text;
}

std::string scenario_digest(const nlohmann::json& document) {
  return digest_of(document.dump());
}

SweepPlan plan_sweep(const SweepRequest& request, const PointLoaded& point_loaded) {
  SweepPlan plan;
  plan.file = request.scenario;
  plan.overrides = request.overrides;
  const std::span<const retail::MetricId> spine = retail::spine_metric_ids();
  plan.metrics.assign(spine.begin(), spine.end());
  for (const std::string& argument : request.grid)
    plan.axes.push_back(parse_grid_axis(argument));
  check_axes(plan.axes);
  plan.objective = parse_objective(request.objective);
  for (const std::string& text : request.constraints)
    plan.constraints.push_back(parse_constraint(text));
  plan.auto_replications = request.auto_replications;
  plan.shard = request.shard;
  if (plan.shard && plan.auto_replications) {
    throw UsageError(
        "--shard needs a fixed --reps N: with --reps auto, how many replications a point gets "
        "depends on all of its results, which no single shard sees");
  }

  // The file is read and its extends resolved once; each point applies its overrides to a copy,
  // as load_scenario(file, --set overrides + the point's) would.
  const retail::LoadedScenario base = retail::load_scenario(request.scenario, request.overrides);
  const std::size_t points = grid_size(plan.axes);
  for (std::size_t p = 0; p < points; ++p) {
    retail::Scenario scenario;
    try {
      scenario = load_point(request.scenario, base.document, point_overrides(plan.axes, p));
    } catch (const retail::ScenarioError& e) {
      throw retail::ScenarioError("grid point " + std::to_string(p) + " (" +
                                  describe_point(plan, p) + "): " + e.what());
    }
    if (request.replications) scenario.replications = *request.replications;
    if (request.seed) scenario.seed = *request.seed;
    plan.points.push_back(std::move(scenario));
    const std::vector<retail::Arm> arms = arms_to_run(plan.points.back(), ArmChoice::both);
    if (p == 0) {
      plan.arms = arms;
    } else if (arms != plan.arms) {
      throw UsageError("grid point " + std::to_string(p) + " (" + describe_point(plan, p) +
                       ") has " + (arms.size() == 1 ? "no " : "") +
                       "control-tower rules and point 0 " +
                       (arms.size() == 1 ? "has" : "has none") +
                       ": every point of a sweep must run the same arms");
    }
    if (point_loaded) point_loaded(p + 1, points);
  }
  plan.replications = plan.points.front().replications;
  plan.definition = make_definition(request, plan, base.document);
  return plan;
}

}  // namespace omnisim

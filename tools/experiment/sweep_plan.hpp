// A sweep as the command line gave it, checked before anything runs: the grid, every point's
// scenario, the arms, how many replications, and the study's definition for manifest.json.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "models/agents/control_tower.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/experiment.hpp"
#include "tools/experiment/shard.hpp"
#include "tools/experiment/sweep_grid.hpp"
#include "tools/experiment/sweep_ranking.hpp"

namespace omnisim {

// --reps auto --ci-width W: replications are added, in rounds, to each point whose objective's
// 95 % interval is wider than `ci_width`, from `min` up to at most `max`.
struct AutoReplications {
  double ci_width = 0;
  std::uint32_t min = 10;
  std::uint32_t max = 1000;
};

struct SweepPlan {
  std::filesystem::path file;
  std::vector<std::string> overrides;  // --set, before every point's own
  std::vector<GridAxis> axes;
  std::vector<retail::Scenario> points;  // the scenario of each grid point
  std::vector<retail::Arm> arms;         // the same for every point
  std::uint32_t replications = 0;        // per point, when fixed
  std::optional<AutoReplications> auto_replications;
  Objective objective;
  std::vector<Constraint> constraints;
  std::optional<Shard> shard;
  std::vector<retail::MetricId> metrics;  // the spine metrics, the columns of every record
  nlohmann::json definition;              // what --resume and merge compare

  // The arm the ranking, the constraints and --reps auto look at: the control tower when the
  // study runs it, else the only arm.
  std::size_t ranked_arm() const { return arms.size() - 1; }
  // How the study's tasks are numbered, for the journal, --shard and the executor alike.
  sim::TaskNumbering numbering() const { return {points.size(), arms.size()}; }
};

struct SweepRequest {
  std::filesystem::path scenario;
  std::vector<std::string> grid;
  std::vector<std::string> overrides;
  std::optional<std::uint32_t> replications;  // else the scenario's; not with auto
  std::optional<AutoReplications> auto_replications;
  std::optional<std::uint64_t> seed;
  std::string objective;
  std::vector<std::string> constraints;
  std::optional<Shard> shard;
};

// Called after each point's scenario is loaded with how many are and how many the grid has.
using PointLoaded = std::function<void(std::size_t loaded, std::size_t points)>;

// Parses the grid (refusing one of more than kMaxGridPoints before loading any point), objective
// and constraints and loads every point's scenario (bad input throws ScenarioError or UsageError
// naming the point's values), calling `point_loaded`, when given, after each.
SweepPlan plan_sweep(const SweepRequest& request, const PointLoaded& point_loaded = {});

// The overrides that make grid point `point`, as "path=value, path=value".
std::string describe_point(const SweepPlan& plan, std::size_t point);

// A digest of a resolved scenario document (after extends and overrides): a resumed or merged
// study, or a resumed run, must have run the same world.
std::string scenario_digest(const nlohmann::json& document);

}  // namespace omnisim

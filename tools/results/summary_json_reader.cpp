// Reading summary.json back into a RunSummary: each value checked where it is read, so that an
// error names the file and the JSON pointer of what is missing or wrong.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <string_view>

#include "tools/results/arms.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/summary_json.hpp"

namespace omnisim {
namespace {

using json = nlohmann::ordered_json;
using Keys = std::initializer_list<std::string_view>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A key as a JSON pointer token (RFC 6901).
std::string pointer_token(std::string_view key) {
  std::string token;
  for (const char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

// What an error says it found: a scalar as written (cut short), a container by its kind.
std::string found(const json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

// A value of the document and where it is, for errors.
class Node {
 public:
  Node(const json& value, std::string pointer, const std::string& file)
      : value_(value), pointer_(std::move(pointer)), file_(file) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw SummaryFormatError(file_ + ": " + (pointer_.empty() ? "/" : pointer_) + ": " + what);
  }

  [[noreturn]] void expected(const std::string& what) const {
    fail("expected " + what + ", got " + found(value_));
  }

  // This object's members, which are `required` and (where present) `optional`, nothing else.
  const Node& object(Keys required, Keys optional = {}) const {
    if (!value_.is_object()) expected("an object");
    for (const std::string_view key : required) {
      if (!value_.contains(std::string(key))) member(key).fail("missing");
    }
    for (const auto& [key, ignored] : value_.items()) {
      const auto is_key = [&key](std::string_view known) { return known == key; };
      if (std::none_of(required.begin(), required.end(), is_key) &&
          std::none_of(optional.begin(), optional.end(), is_key)) {
        member(key).fail("unknown key");
      }
    }
    return *this;
  }

  bool has(std::string_view key) const { return value_.contains(std::string(key)); }

  // A member of an object checked by object().
  Node operator[](std::string_view key) const { return member(key); }

  // Each member of an object whose keys are names (metrics, rules, arms), in file order.
  template <typename Visit>
  void each_member(Visit visit) const {
    if (!value_.is_object()) expected("an object");
    for (const auto& [key, ignored] : value_.items())
      visit(key, member(key));
  }

  template <typename Visit>
  void each_element(Visit visit) const {
    if (!value_.is_array()) expected("an array");
    for (std::size_t i = 0; i < value_.size(); ++i)
      visit(Node(value_[i], pointer_ + "/" + std::to_string(i), file_));
  }

  bool is_null() const { return value_.is_null(); }

  // A number; null (how an undefined value is written) is NaN.
  double number() const {
    if (value_.is_null()) return kNaN;
    if (!value_.is_number()) expected("a number or null");
    return value_.get<double>();
  }

  // A whole number as parsed (unsigned) or as to_json holds a signed one.
  template <typename Whole>
  Whole whole() const {
    const bool negative = value_.is_number_integer() && !value_.is_number_unsigned() &&
                          value_.get<std::int64_t>() < 0;
    if (!value_.is_number_integer() || negative) expected("a non-negative integer");
    const auto value = value_.get<std::uint64_t>();
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<Whole>::max());
    if (value > kMax) expected("an integer up to " + std::to_string(kMax));
    return static_cast<Whole>(value);
  }

  std::string text() const {
    if (!value_.is_string()) expected("a string");
    return value_.get<std::string>();
  }

  std::vector<std::string> texts() const {
    std::vector<std::string> out;
    each_element([&out](const Node& element) { out.push_back(element.text()); });
    return out;
  }

 private:
  Node member(std::string_view key) const {
    static const json kAbsent;
    const auto at = value_.find(std::string(key));
    return Node(at != value_.end() ? *at : kAbsent, pointer_ + "/" + pointer_token(key), file_);
  }

  const json& value_;
  std::string pointer_;
  const std::string& file_;
};

sim::Summary read_statistics(const Node& node) {
  node.object({"mean", "stddev", "ci_low", "ci_high", "n", "confidence"});
  return {node["n"].whole<std::size_t>(), node["mean"].number(),    node["stddev"].number(),
          node["ci_low"].number(),        node["ci_high"].number(), node["confidence"].number()};
}

std::vector<MetricSummary> read_metrics(const Node& node) {
  std::vector<MetricSummary> metrics;
  node.each_member([&metrics](const std::string& name, const Node& summary) {
    metrics.push_back({name, read_statistics(summary)});
  });
  return metrics;
}

RuleActivity read_activity(const std::string& rule, const Node& node) {
  node.object({"owner", "firings", "fired_per_replication", "decided", "executed",
               "mean_hours_to_decision", "mean_hours_to_execution"});
  return {rule,
          node["owner"].text(),
          node["firings"].whole<std::uint64_t>(),
          node["fired_per_replication"].number(),
          node["decided"].whole<std::uint64_t>(),
          node["executed"].whole<std::uint64_t>(),
          node["mean_hours_to_decision"].number(),
          node["mean_hours_to_execution"].number()};
}

ArmSummary read_arm(retail::Arm arm, const Node& node) {
  node.object({"metrics", "decisions"});
  ArmSummary summary{arm, read_metrics(node["metrics"]), {}};
  node["decisions"].each_member([&summary](const std::string& rule, const Node& activity) {
    summary.decisions.push_back(read_activity(rule, activity));
  });
  return summary;
}

std::vector<ArmSummary> read_arms(const Node& node) {
  std::vector<ArmSummary> arms;
  node.each_member([&arms](const std::string& key, const Node& arm) {
    for (const retail::Arm candidate : {retail::Arm::status_quo, retail::Arm::control_tower}) {
      if (key == arm_key(candidate)) {
        arms.push_back(read_arm(candidate, arm));
        return;
      }
    }
    arm.fail("unknown arm (expected \"status_quo\" or \"control_tower\")");
  });
  if (arms.empty()) node.fail("no arm (expected \"status_quo\" or \"control_tower\" or both)");
  return arms;
}

std::optional<std::string> optional_text(const Node& node, std::string_view key) {
  if (!node.has(key)) return std::nullopt;
  return node[key].text();
}

RuleRecord read_rule(const Node& node) {
  node.object({"name", "owner", "metric", "scope", "scope_text", "window_days", "comparator",
               "threshold", "sustained_for_hours", "timebox_hours", "decision_hours", "cadence",
               "cooldown_hours", "actions"});
  const Node scope = node["scope"];
  scope.object({}, {"channel", "category", "zone", "node"});
  const std::string cadence = node["cadence"].text();
  if (cadence != "weekly" && cadence != "immediate")
    node["cadence"].expected("\"weekly\" or \"immediate\"");
  return {
      .name = node["name"].text(),
      .owner = node["owner"].text(),
      .metric = node["metric"].text(),
      .scope = {optional_text(scope, "channel"), optional_text(scope, "category"),
                optional_text(scope, "zone"), optional_text(scope, "node")},
      .scope_text = node["scope_text"].text(),
      .window_days = node["window_days"].whole<std::uint32_t>(),
      .comparator = node["comparator"].text(),
      .threshold = node["threshold"].number(),
      .sustained_for_hours = node["sustained_for_hours"].number(),
      .timebox_hours = node["timebox_hours"].number(),
      .decision_hours = node["decision_hours"].text(),
      .weekly = cadence == "weekly",
      .cooldown_hours = node["cooldown_hours"].number(),
      .actions = node["actions"].texts(),
  };
}

ControlTowerRecord read_control_tower(const Node& node) {
  node.object({"evaluation_hour", "review_day", "review_hour", "rules"});
  ControlTowerRecord control_tower{
      .evaluation_hour = node["evaluation_hour"].number(),
      .review_day = node["review_day"].whole<std::uint32_t>(),
      .review_hour = node["review_hour"].number(),
      .rules = {},
  };
  node["rules"].each_element(
      [&control_tower](const Node& rule) { control_tower.rules.push_back(read_rule(rule)); });
  return control_tower;
}

StatusQuoRecord read_status_quo(const Node& node) {
  node.object({"first_review_day", "review_every_days", "review_hour", "window_days",
               "decision_hours", "rules"});
  return {
      .first_review_day = node["first_review_day"].number(),
      .review_every_days = node["review_every_days"].number(),
      .review_hour = node["review_hour"].number(),
      .window_days = node["window_days"].whole<std::uint32_t>(),
      .decision_hours = node["decision_hours"].text(),
      .rules = node["rules"].texts(),
  };
}

ScenarioRecord read_scenario(const Node& node) {
  node.object({"name", "description", "file", "seed", "replications", "horizon_days", "overrides",
               "control_tower_rules", "control_tower", "status_quo"});
  ScenarioRecord scenario{
      .name = node["name"].text(),
      .description = node["description"].text(),
      .file = node["file"].text(),
      .seed = node["seed"].whole<std::uint64_t>(),
      .replications = node["replications"].whole<std::uint32_t>(),
      .horizon_days = node["horizon_days"].whole<std::uint32_t>(),
      .overrides = node["overrides"].texts(),
      .control_tower = read_control_tower(node["control_tower"]),
      .status_quo = read_status_quo(node["status_quo"]),
  };
  // The rule names again, for readers that want only them: written from the rules, so the same.
  std::vector<std::string> names;
  for (const RuleRecord& rule : scenario.control_tower.rules)
    names.push_back(rule.name);
  if (node["control_tower_rules"].texts() != names)
    node["control_tower_rules"].fail("not the names of /scenario/control_tower/rules");
  return scenario;
}

RunRecord read_run(const Node& node) {
  node.object({"run_id", "events", "wall_seconds", "threads", "processes"});
  return {node["run_id"].text(), node["events"].whole<std::uint64_t>(),
          node["wall_seconds"].number(), node["threads"].whole<unsigned>(),
          node["processes"].whole<int>()};
}

}  // namespace

RunSummary from_json(const nlohmann::ordered_json& document, const std::string& file) {
  const Node root(document, "", file);
  root.object({"omnisim", "scenario", "arms", "paired_difference", "run"});
  root["omnisim"].object({"version"});
  RunSummary summary{
      .version = root["omnisim"]["version"].text(),
      .scenario = read_scenario(root["scenario"]),
      .arms = read_arms(root["arms"]),
      .paired_difference = std::nullopt,
      .run = read_run(root["run"]),
  };
  // What the writer guarantees and the report relies on: the same metrics in every arm, and
  // their paired difference exactly when both arms ran.
  const auto names = [](const std::vector<MetricSummary>& metrics) {
    std::vector<std::string> out;
    for (const MetricSummary& metric : metrics)
      out.push_back(metric.name);
    return out;
  };
  const std::vector<std::string> metrics = names(summary.arms.front().metrics);
  for (const ArmSummary& arm : summary.arms) {
    if (names(arm.metrics) != metrics) {
      root["arms"][arm_key(arm.arm)]["metrics"].fail("not the metrics of the first arm");
    }
  }
  const Node difference = root["paired_difference"];
  if (difference.is_null() != (summary.arms.size() < 2))
    difference.fail(summary.arms.size() < 2 ? "expected null when one arm ran"
                                            : "expected the metrics when both arms ran");
  if (!difference.is_null()) {
    summary.paired_difference = read_metrics(difference);
    if (names(*summary.paired_difference) != metrics)
      difference.fail("not the metrics of the arms");
  }
  return summary;
}

RunSummary read_run_summary(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw SummaryFormatError(name + ": cannot be read");
  json document;
  try {
    document = json::parse(in);
  } catch (const json::exception& e) {
    throw SummaryFormatError(name + ": not valid JSON: " + e.what());
  }
  return from_json(document, name);
}

}  // namespace omnisim

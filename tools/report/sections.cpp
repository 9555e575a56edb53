// Section builders. Every string of the run summary or decisions.csv (which carry the scenario's
// names, description, owners and actions) goes through escape_html here or into a chart's data;
// metrics are described by the catalogue and formatted by metric_format.
#include "tools/report/sections.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "models/metrics/catalogue.hpp"
#include "tools/report/charts.hpp"
#include "tools/report/escape.hpp"
#include "tools/report/quantiles.hpp"
#include "tools/results/arms.hpp"
#include "tools/results/metric_format.hpp"

namespace omnisim {
namespace {

using retail::MetricDefinition;
using retail::MetricId;
using retail::MetricKind;

// The spine KPIs the report follows day by day, in order.
constexpr std::array kDailySpine = {
    MetricId::availability_integrity,  MetricId::in_stock_rate,     MetricId::otif,
    MetricId::promo_integrity,         MetricId::cancellation_rate, MetricId::returns_per_order,
    MetricId::contacts_per_100_orders, MetricId::margin_leakage,    MetricId::contribution_margin};
static_assert(std::ranges::all_of(kDailySpine, retail::is_flow_metric),
              "the daily series has only the flow metrics");

// The spine KPIs whose paired differences the report shows beside contribution margin's.
constexpr std::array kPairedSpine = {
    MetricId::availability_integrity,  MetricId::in_stock_rate,     MetricId::otif,
    MetricId::promo_integrity,         MetricId::cancellation_rate, MetricId::returns_per_order,
    MetricId::contacts_per_100_orders, MetricId::lost_sales_units,  MetricId::margin_leakage};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// An undefined summary: what the table shows for a metric an arm (or the difference) lacks.
const sim::Summary kUndefined{0, kNaN, kNaN, kNaN, kNaN, kNaN};

const sim::Summary& summary_of(const std::vector<MetricSummary>& metrics, std::string_view name) {
  const MetricSummary* metric = find_metric(metrics, name);
  return metric != nullptr ? metric->summary : kUndefined;
}

// A metric of summary.json as a table names and formats it: from the catalogue, or for a key
// this version does not know (a summary written by another version) under its key, as a number.
struct ShownMetric {
  std::string label;
  std::string meaning;
  MetricKind kind = MetricKind::number;
  bool higher_is_better = true;
};

ShownMetric shown_metric(const std::string& key) {
  const std::optional<MetricId> id = retail::find_metric(key);
  if (!id) return {key, "", MetricKind::number, true};
  const MetricDefinition& metric = retail::metric_definition(*id);
  return {std::string(metric.label), std::string(metric.meaning), metric.kind,
          metric.higher_is_better};
}

// Whole numbers as such ("1,234"), others with two decimals.
std::string plain_number(double value) {
  if (std::isfinite(value) && value == std::round(value))
    return format_value(value, MetricKind::count);
  return format_value(value, MetricKind::per_100);
}

std::string hours_text(double hours) {
  if (!std::isfinite(hours)) return "n/a";
  return format_value(hours, MetricKind::hours);
}

std::string row(const std::vector<std::string>& cells, const std::vector<bool>& numeric = {}) {
  std::string html = "<tr>";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const bool number = i < numeric.size() && numeric[i];
    html += number ? "<td class=\"num\">" : "<td>";
    html += cells[i];
    html += "</td>";
  }
  return html + "</tr>\n";
}

std::string header_row(const std::vector<std::string>& cells,
                       const std::vector<bool>& numeric = {}) {
  std::string html = "<tr>";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const bool number = i < numeric.size() && numeric[i];
    html += number ? "<th class=\"num\" scope=\"col\">" : "<th scope=\"col\">";
    html += cells[i];
    html += "</th>";
  }
  return html + "</tr>\n";
}

bool has_arm(const ReportInput& input, const std::string& arm) {
  return std::find(input.arms.begin(), input.arms.end(), arm) != input.arms.end();
}

bool paired(const ReportInput& input) {
  return has_arm(input, "status_quo") && has_arm(input, "control_tower");
}

const std::vector<RuleRecord>& rules_of(const ReportInput& input) {
  return input.summary.scenario.control_tower.rules;
}

const std::vector<MetricSummary>& metrics_of(const ReportInput& input, retail::Arm arm) {
  static const std::vector<MetricSummary> kNone;
  const ArmSummary* summary = find_arm(input.summary, arm);
  return summary != nullptr ? summary->metrics : kNone;
}

const std::vector<MetricSummary>& paired_difference_of(const ReportInput& input) {
  static const std::vector<MetricSummary> kNone;
  return input.summary.paired_difference ? *input.summary.paired_difference : kNone;
}

// ---- the story and the parameters ----

void add_story(ReportPage& page, const ReportInput& input) {
  const std::string& description = input.summary.scenario.description;
  std::string body;
  if (description.empty()) {
    body = "<p class=\"note\">The scenario file has no description.</p>\n";
  } else {
    body = "<p class=\"story\">" + escape_html(description) + "</p>\n";
  }
  if (paired(input)) {
    body +=
        "<p>Every replication ran twice on the same random numbers: once as the organisation "
        "works today (<strong>status quo</strong>, reacting at its periodic review) and once with "
        "the <strong>control tower</strong> (threshold rules with owners and timeboxes). Their "
        "difference, replication by replication, is the effect of the control tower.</p>\n";
  }
  page.add_section("story", "The story", body);
}

std::string describe_rule_trigger(const RuleRecord& rule) {
  const ShownMetric metric = shown_metric(rule.metric);
  std::string text = escape_html(metric.label) + " " + escape_html(rule.comparator) + " " +
                     escape_html(format_value(rule.threshold, metric.kind));
  const double sustained = rule.sustained_for_hours;
  if (std::isfinite(sustained) && sustained > 0)
    text += " for " + escape_html(hours_text(sustained));
  const double window = rule.window_days;
  text += ", over " + escape_html(plain_number(window)) + (window == 1 ? " day" : " days");
  return text;
}

// The rule's actions, escaped, joined by `separator` (HTML).
std::string action_list(const RuleRecord& rule, const std::string& separator = "<br>") {
  if (rule.actions.empty()) return "none";
  std::string html;
  for (const std::string& action : rule.actions) {
    if (!html.empty()) html += separator;
    html += isolated_html(action);
  }
  return html;
}

void add_parameters(ReportPage& page, const ReportInput& input) {
  const ScenarioRecord& scenario = input.summary.scenario;
  const RunRecord& run = input.summary.run;
  std::string body = "<table>\n";
  body += row({"Scenario file", "<code>" + escape_html(scenario.file) + "</code>"});
  body += row({"Horizon", escape_html(plain_number(scenario.horizon_days)) + " days"});
  body += row({"Replications", escape_html(plain_number(scenario.replications)) +
                                   (input.arms.size() > 1 ? " per arm" : "")});
  body += row({"Master seed", escape_html(std::to_string(scenario.seed))});
  std::string overrides;
  for (const std::string& item : scenario.overrides) {
    if (!overrides.empty()) overrides += "<br>";
    overrides += "<code>--set " + escape_html(item) + "</code>";
  }
  body += row({"Overrides", overrides.empty() ? "none" : overrides});
  std::string arms;
  for (const std::string& arm : input.arms)
    arms += (arms.empty() ? "" : ", ") + escape_html(arm_display(arm));
  body += row({"Arms", arms});
  body += row({"Run", escape_html(plain_number(static_cast<double>(run.committed_events))) +
                          " events in " +
                          escape_html(format_value(run.wall_seconds, MetricKind::per_100)) +
                          " s on " + escape_html(plain_number(run.threads)) + " threads"});
  body += "</table>\n";

  const std::vector<RuleRecord>& rules = rules_of(input);
  if (!rules.empty()) {
    body +=
        "<h3>Control-tower rules</h3>\n<p class=\"note\">Each morning the tower computes each "
        "rule's metric over its window from the daily reports; a rule fires when the "
        "comparison holds, its owner decides within the timebox, and the actions take effect "
        "after their delays.</p>\n<table>\n";
    body += header_row({"Rule", "Owner", "Scope", "Fires when", "Decision", "Actions", "Cooldown"});
    for (const RuleRecord& rule : rules) {
      std::string decision = "within " + escape_html(hours_text(rule.timebox_hours));
      if (!rule.decision_hours.empty()) decision += " (" + escape_html(rule.decision_hours) + " h)";
      if (rule.weekly) decision += ", at the weekly review";
      body += row({escape_html(rule.name), escape_html(rule.owner), escape_html(rule.scope_text),
                   describe_rule_trigger(rule), decision, action_list(rule),
                   escape_html(hours_text(rule.cooldown_hours))});
    }
    body += "</table>\n";
  }
  const StatusQuoRecord& status_quo = scenario.status_quo;
  if (!rules.empty()) {
    std::string reviewed;
    for (const std::string& name : status_quo.rules) {
      if (!reviewed.empty()) reviewed += ", ";
      reviewed += isolated_html(name);
    }
    const std::uint32_t window = status_quo.window_days;
    body += "<h3>Status quo</h3>\n<p>Without the control tower the organisation reviews " +
            (reviewed.empty() ? std::string("none of the rules") : reviewed) + " on day " +
            escape_html(plain_number(status_quo.first_review_day)) + " and then every " +
            escape_html(plain_number(status_quo.review_every_days)) + " days, looking back over " +
            (window > 0 ? escape_html(plain_number(window)) + " days"
                        : std::string("each rule's own window")) +
            ", and decides after " + escape_html(status_quo.decision_hours) +
            " hours with the same menu.</p>\n";
  }
  page.add_section("parameters", "Parameters", body);
}

// ---- the comparison table ----

std::string interval_text(const sim::Summary& summary, MetricKind kind, bool difference) {
  const double low = summary.ci_low;
  const double high = summary.ci_high;
  if (!std::isfinite(low) || !std::isfinite(high)) return "n/a";
  return difference
             ? "[" + format_difference(low, kind) + ", " + format_difference(high, kind) + "]"
             : "[" + format_value(low, kind) + ", " + format_value(high, kind) + "]";
}

void add_comparison(ReportPage& page, const ReportInput& input) {
  const std::vector<MetricSummary>& first = input.summary.arms.front().metrics;
  std::string body;
  if (paired(input)) {
    const std::vector<MetricSummary>& status_quo = metrics_of(input, retail::Arm::status_quo);
    const std::vector<MetricSummary>& control_tower = metrics_of(input, retail::Arm::control_tower);
    const std::vector<MetricSummary>& difference = paired_difference_of(input);
    body =
        "<p>Means over the replications of each arm, and the paired difference (control tower "
        "- status quo) with its 95 % Student-t interval. A difference whose interval excludes 0 "
        "is shown in <span style=\"color:#17663a\">green</span> when it is an improvement and "
        "<span style=\"color:#a12a1b\">red</span> when it is not. Rates differ in percentage "
        "points (pts).</p>\n<table>\n";
    body += header_row({"Metric", "Status quo", "Control tower", "Difference", "95 % interval"},
                       {false, true, true, true, true});
    for (const MetricSummary& entry : status_quo) {
      const std::string& key = entry.name;
      const ShownMetric metric = shown_metric(key);
      const sim::Summary& delta = summary_of(difference, key);
      const double mean = delta.mean;
      const double low = delta.ci_low;
      const double high = delta.ci_high;
      std::string cell_class = "num";
      if (std::isfinite(low) && std::isfinite(high) && (low > 0 || high < 0)) {
        const bool up = low > 0;
        cell_class += up == metric.higher_is_better ? " better" : " worse";
      }
      body += "<tr><th scope=\"row\" title=\"" + escape_html(metric.meaning) + "\">" +
              escape_html(metric.label) + "</th><td class=\"num\">" +
              escape_html(format_value(entry.summary.mean, metric.kind)) +
              "</td><td class=\"num\">" +
              escape_html(format_value(summary_of(control_tower, key).mean, metric.kind)) +
              "</td><td class=\"" + cell_class + "\">" +
              escape_html(format_difference(mean, metric.kind)) + "</td><td class=\"num\">" +
              escape_html(interval_text(delta, metric.kind, true)) + "</td></tr>\n";
    }
    body += "</table>\n";
  } else {
    body = "<p>One arm ran (" + escape_html(arm_display(input.arms.front())) +
           "): means over its replications with their 95 % Student-t intervals.</p>\n<table>\n";
    body += header_row({"Metric", "Mean", "95 % interval"}, {false, true, true});
    for (const MetricSummary& entry : first) {
      const ShownMetric metric = shown_metric(entry.name);
      body += "<tr><th scope=\"row\" title=\"" + escape_html(metric.meaning) + "\">" +
              escape_html(metric.label) + "</th><td class=\"num\">" +
              escape_html(format_value(entry.summary.mean, metric.kind)) +
              "</td><td class=\"num\">" +
              escape_html(interval_text(entry.summary, metric.kind, false)) + "</td></tr>\n";
    }
    body += "</table>\n";
  }
  page.add_section("comparison", paired(input) ? "With and without the control tower" : "Results",
                   body);
}

// ---- the execution spine over time ----

bool any_defined(const std::vector<BandPoint>& band) {
  return std::any_of(band.begin(), band.end(), [](const BandPoint& p) { return p.n > 0; });
}

void add_spine(ReportPage& page, const ReportInput& input) {
  if (input.daily.empty()) return;
  const DailyCounters& all = input.daily.front();
  std::map<std::string, FlowSeries> series;
  for (const std::string& arm : input.arms) {
    const auto runs = all.runs.find(arm);
    if (runs != all.runs.end()) series[arm] = flow_series(runs->second);
  }
  std::string body =
      "<p>Each KPI per day over all channels and categories, computed in each replication from "
      "the day's counters; the line is the median across replications and the shaded band holds "
      "the middle 90 % of them (5 % to 95 %).</p>\n<div class=\"grid\">\n";
  std::string missing;
  for (const MetricId id : kDailySpine) {
    const MetricDefinition& metric = retail::metric_definition(id);
    std::vector<BandPoint> band;
    for (const std::string& arm : input.arms) {
      const auto values = series.find(arm);
      if (values == series.end()) continue;
      std::vector<BandPoint> arm_band =
          daily_band(arm, metric_series(values->second, retail::metric_index(id)));
      band.insert(band.end(), arm_band.begin(), arm_band.end());
    }
    if (!any_defined(band)) {
      missing += (missing.empty() ? "" : ", ") + std::string(metric.label);
      continue;
    }
    body += page.figure(metric.label, std::string(metric.meaning), daily_band_chart(metric, band));
  }
  body += "</div>\n";
  if (!missing.empty()) {
    body += "<p class=\"note\">Not defined on any day of this scenario (nothing to measure): " +
            escape_html(missing) + ".</p>\n";
  }
  page.add_section("spine", "The execution spine over time", body);
}

// ---- paired differences ----

std::vector<PairedPoint> paired_metric(const ReplicationTable& table, MetricId metric) {
  const std::optional<std::size_t> index = table.index(std::string(retail::metric_key(metric)));
  const auto status_quo = table.rows.find("status_quo");
  const auto control_tower = table.rows.find("control_tower");
  if (!index || status_quo == table.rows.end() || control_tower == table.rows.end()) return {};
  std::vector<std::uint64_t> replications;
  std::vector<double> before;
  std::vector<double> after;
  for (const auto& [replication, values] : status_quo->second) {
    const auto other = control_tower->second.find(replication);
    if (other == control_tower->second.end()) continue;
    replications.push_back(replication);
    before.push_back(values.at(*index));
    after.push_back(other->second.at(*index));
  }
  return paired_points(replications, before, after);
}

void add_paired(ReportPage& page, const ReportInput& input) {
  if (!paired(input)) return;
  std::string body =
      "<p>Replication i of both arms drew the same random numbers, so each replication gives "
      "one paired difference (control tower - status quo); their spread is how much the effect "
      "varies from one world to the next.</p>\n";
  const MetricDefinition& margin = retail::metric_definition(MetricId::contribution_margin);
  const std::vector<PairedPoint> margin_points = paired_metric(input.replications, margin.id);
  if (!margin_points.empty()) {
    const sim::Summary& summary = summary_of(paired_difference_of(input), margin.key);
    body += page.figure(
        "Contribution margin: control tower - status quo",
        "Each bar is one replication's difference in contribution margin (red where the control "
        "tower did worse); the dashed line is the mean, " +
            format_difference(summary.mean, margin.kind) + " (95 % interval " +
            interval_text(summary, margin.kind, true) + ").",
        paired_difference_chart(margin, margin_points));
  }
  std::vector<std::pair<MetricDefinition, std::vector<PairedPoint>>> strips;
  for (const MetricId id : kPairedSpine) {
    std::vector<PairedPoint> points = paired_metric(input.replications, id);
    if (!points.empty()) strips.emplace_back(retail::metric_definition(id), std::move(points));
  }
  if (!strips.empty()) {
    body += page.figure(
        "Execution spine: control tower - status quo",
        "One tick per replication; the box holds the middle half of the differences, with their "
        "median, and the whiskers reach the smallest and the largest; the red dashed line is no "
        "difference. Rates differ in percentage points (shown with a % sign).",
        paired_strips_chart(strips));
  }
  page.add_section("paired", "Paired differences across replications", body);
}

// ---- the control tower's decisions ----

std::optional<double> days_of(double hours) {
  if (!std::isfinite(hours)) return std::nullopt;
  return hours / 24;
}

void add_decisions(ReportPage& page, const ReportInput& input) {
  const std::vector<RuleRecord>& rules = rules_of(input);
  const std::vector<std::string>& arms = input.arms;
  if (rules.empty()) return;
  std::string body =
      "<p>For each rule: above, the metric it watches, computed per day over the rule's scope "
      "and window (median and 90 % band per arm), its threshold (red dashed) and the value at "
      "each firing (diamonds); below, each firing from when it fired to the decision (thin) and "
      "to the actions taking effect (thick). Hover for the replication, owner, action and delay."
      "</p>\n";
  const double horizon = input.summary.scenario.horizon_days;
  // What each arm's rules did, from the run summary.
  std::string table =
      "<table>\n" + header_row({"Arm", "Rule", "Owner", "Fired per replication",
                                "Mean hours to decision", "Mean hours to execution"},
                               {false, false, false, true, true, true});
  for (const ArmSummary& arm : input.summary.arms) {
    const std::string display = arm_display(arm_key(arm.arm));
    for (const RuleActivity& activity : arm.decisions) {
      table += row({escape_html(display), escape_html(activity.rule), escape_html(activity.owner),
                    escape_html(format_value(activity.fired_per_replication, MetricKind::per_100)),
                    escape_html(hours_text(activity.mean_hours_to_decision)),
                    escape_html(hours_text(activity.mean_hours_to_execution))},
                   {false, false, false, true, true, true});
    }
  }
  table += "</table>\n";
  body += table;

  for (std::size_t r = 0; r < rules.size(); ++r) {
    const RuleRecord& rule = rules[r];
    const std::string& name = rule.name;
    // Null for a metric this version does not know (a summary written by another version): its
    // rule gets no timeline.
    const std::optional<MetricId> watched = retail::find_metric(rule.metric);
    const MetricDefinition* metric = watched ? &retail::metric_definition(*watched) : nullptr;
    std::vector<BandPoint> band;
    // Plain indexes (npos: none) rather than optionals, which GCC 12 wrongly finds
    // maybe-uninitialized here.
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    const std::size_t slice = r < input.rule_slices.size() && input.rule_slices[r].has_value()
                                  ? input.rule_slices[r].value()
                                  : kNone;
    const std::size_t index = metric != nullptr && retail::is_flow_metric(metric->id)
                                  ? retail::metric_index(metric->id)
                                  : kNone;
    if (slice < input.daily.size() && index != kNone) {
      const std::uint32_t window_days = std::max<std::uint32_t>(rule.window_days, 1);
      for (const std::string& arm : arms) {
        const auto runs = input.daily[slice].runs.find(arm);
        if (runs == input.daily[slice].runs.end()) continue;
        const FlowSeries series = flow_series(runs->second, window_days);
        std::vector<BandPoint> arm_band = daily_band(arm, metric_series(series, index));
        band.insert(band.end(), arm_band.begin(), arm_band.end());
      }
      if (!any_defined(band)) band.clear();
    }
    std::vector<FiringMark> firings;
    std::map<std::string, std::size_t> per_arm;
    for (const DecisionRow& decision : input.decisions) {
      if (decision.rule != name) continue;
      firings.push_back({decision.arm, decision.replication, decision.fired_at_hours / 24,
                         days_of(decision.decided_at_hours), days_of(decision.executed_at_hours),
                         decision.value_at_fire, decision.value_after, decision.owner,
                         decision.actions});
      ++per_arm[decision.arm];
    }
    std::string fired;
    for (const std::string& arm : arms) {
      fired += (fired.empty() ? "" : "; ") + arm_display(arm) + ": " +
               std::to_string(per_arm[arm]) + (per_arm[arm] == 1 ? " firing" : " firings");
    }
    std::string caption = "Owner " + rule.owner + "; scope " + rule.scope_text +
                          "; fired in all replications: " + fired + ".";
    if (band.empty()) {
      caption += slice != kNone
                     ? " The metric is not defined over this scope on any day."
                     : " The rule's scope (a zone or a node) is finer than the daily series, "
                       "so only the values at firing are shown.";
    }
    body += "<h3>" + escape_html(name) + "</h3>\n<p>Fires when " + describe_rule_trigger(rule) +
            "; then " + action_list(rule, "; ") + ".</p>\n";
    if (metric == nullptr) continue;
    body += page.figure("Timeline: " + name, caption,
                        rule_timeline_chart(*metric, rule.threshold, band, firings, horizon, arms));
  }
  page.add_section("decisions", "Control-tower decisions", body);
}

// ---- margin leakage ----

void add_leakage(ReportPage& page, const ReportInput& input) {
  std::vector<LeakageBar> bars;
  std::vector<std::string> order;
  for (const MetricId id : retail::leakage_components())
    order.emplace_back(retail::metric_definition(id).label);
  const MetricDefinition& leakage = retail::metric_definition(MetricId::margin_leakage);
  std::string totals;
  for (const ArmSummary& arm_summary : input.summary.arms) {
    const std::string arm(arm_key(arm_summary.arm));
    const std::vector<MetricSummary>& metrics = arm_summary.metrics;
    for (const MetricId id : retail::leakage_components()) {
      const MetricDefinition& component = retail::metric_definition(id);
      const double mean = summary_of(metrics, component.key).mean;
      if (std::isfinite(mean)) bars.push_back({std::string(component.label), arm, mean});
    }
    totals += (totals.empty() ? "" : ", ") + arm_display(arm) + " " +
              format_value(summary_of(metrics, leakage.key).mean, leakage.kind);
  }
  if (bars.empty()) return;
  std::string body =
      "<p>What execution failures cost beyond the sale itself, by component (means per "
      "replication). Each component already sits in a revenue or cost line, so leakage explains "
      "the contribution margin rather than adding to it.</p>\n";
  body += page.figure("Margin leakage by component",
                      "Total margin leakage per replication: " + totals + ".",
                      leakage_chart(bars, order, input.arms));
  page.add_section("leakage", "Margin leakage", body);
}

void set_subtitle(ReportPage& page, const ReportInput& input) {
  const ScenarioRecord& scenario = input.summary.scenario;
  std::string subtitle = "<code>" + escape_html(scenario.file) + "</code> &middot; " +
                         escape_html(plain_number(scenario.horizon_days)) + " days &middot; " +
                         escape_html(plain_number(scenario.replications)) + " replications" +
                         (input.arms.size() > 1 ? " per arm" : "") + " &middot; seed " +
                         escape_html(std::to_string(scenario.seed));
  page.set_subtitle_html(subtitle);
}

}  // namespace

void add_report_sections(ReportPage& page, const ReportInput& input) {
  set_subtitle(page, input);
  add_story(page, input);
  add_parameters(page, input);
  add_comparison(page, input);
  add_spine(page, input);
  add_paired(page, input);
  add_decisions(page, input);
  add_leakage(page, input);
}

}  // namespace omnisim

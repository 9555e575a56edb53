// The sweep report's sections. Axis paths and values come from the command line and the scenario
// name from its file: all of it goes through escape_html here or into a chart's data.
#include "tools/report/sweep_report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

#include "tools/experiment/sweep_ranking.hpp"
#include "tools/report/assets.hpp"
#include "tools/report/charts.hpp"
#include "tools/report/escape.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/metric_format.hpp"
#include "tools/results/output_files.hpp"

namespace omnisim {
namespace {

// `omnisim report` has no --objective: a sweep's report ranks by the sweep's default objective.
constexpr retail::MetricId kObjective = retail::MetricId::contribution_margin;
constexpr const char* kDifference = "difference";
constexpr std::size_t kRankedRows = 20;

// The trade-offs shown beside the objective, when sweep.csv has them.
constexpr std::array kTradeoffs = {retail::MetricId::otif, retail::MetricId::cancellation_rate,
                                   retail::MetricId::margin_leakage};

// The arm the objective is read in: the control tower when the sweep ran it.
std::string ranked_arm(const SweepReportInput& input) {
  const auto tower = std::find(input.arms.begin(), input.arms.end(), "control_tower");
  return tower != input.arms.end() ? *tower : input.arms.back();
}

const std::vector<SweepPointStatistics>& rows_of(const SweepReportInput& input,
                                                 const std::string& arm) {
  return input.table.arms.at(arm);
}

bool has_difference(const SweepReportInput& input) {
  return input.table.arms.count(kDifference) > 0;
}

std::size_t metric_index(const SweepReportInput& input, retail::MetricId metric) {
  const std::string key(retail::metric_key(metric));
  const std::optional<std::size_t> index = input.table.index(key);
  if (!index) {
    throw UsageError((input.directory / "sweep.csv").string() + ": no column '" + key +
                     "_mean' in its header (was it written by this version of omnisim?)");
  }
  return *index;
}

std::string code(const std::string& text) {
  return "<code>" + escape_html(text) + "</code>";
}

std::string interval_text(const sim::Summary& summary, retail::MetricKind kind, bool difference) {
  if (!std::isfinite(summary.ci_low) || !std::isfinite(summary.ci_high)) return "n/a";
  const auto shown = [&](double value) {
    return difference ? format_difference(value, kind) : format_value(value, kind);
  };
  return "[" + shown(summary.ci_low) + ", " + shown(summary.ci_high) + "]";
}

bool is_index(const std::string& segment) {
  return !segment.empty() &&
         std::all_of(segment.begin(), segment.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The last `count` segments of `path` (dotted or a JSON pointer), dot-separated, with the one
// before a leading list index ("rules.0.threshold", never "0.threshold"); the whole path when
// that is all of it.
std::string path_tail(const std::string& path, std::size_t count) {
  const char separator = path.starts_with('/') ? '/' : '.';
  std::vector<std::string> segments;
  std::istringstream in(path);
  for (std::string segment; std::getline(in, segment, separator);) {
    if (!segment.empty()) segments.push_back(segment);
  }
  std::size_t first = segments.size() > count ? segments.size() - count : 0;
  while (first > 0 && is_index(segments[first]))
    --first;
  if (first == 0) return path;
  std::string tail;
  for (std::size_t s = first; s < segments.size(); ++s)
    tail += (tail.empty() ? "" : ".") + segments[s];
  return tail;
}

// Each axis as charts and tables name it: the shortest tail of its path that no other axis
// shares ("timebox_hours"; "rules.0.threshold" beside "rules.2.threshold").
std::vector<std::string> axis_names(const std::vector<GridAxis>& axes) {
  std::vector<std::size_t> segments(axes.size(), 1);
  std::vector<std::string> names;
  for (const GridAxis& axis : axes)
    names.push_back(path_tail(axis.path, 1));
  for (bool widened = true; widened;) {
    widened = false;
    const std::vector<std::string> shared = names;
    for (std::size_t a = 0; a < axes.size(); ++a) {
      if (std::count(shared.begin(), shared.end(), shared[a]) > 1 && names[a] != axes[a].path) {
        names[a] = path_tail(axes[a].path, ++segments[a]);
        widened = true;
      }
    }
  }
  return names;
}

// The values of the axes after the first two at `at`, as a facet label: "name = value, ...".
std::string facet_label(const std::vector<GridAxis>& axes, const std::vector<std::string>& names,
                        const std::vector<std::size_t>& at) {
  std::string label;
  for (std::size_t a = 2; a < axes.size(); ++a)
    label += (label.empty() ? "" : ", ") + names[a] + " = " + axes[a].values[at[a]];
  return label;
}

// The first axis down, the second across, any others as stacked heatmaps; one axis: one row.
HeatmapLayout heatmap_layout(const std::vector<GridAxis>& axes) {
  const std::vector<std::string> names = axis_names(axes);
  HeatmapLayout layout;
  const std::size_t across = axes.size() == 1 ? 0 : 1;
  layout.column_title = names[across];
  layout.columns = axes[across].values;
  if (axes.size() == 1) return layout;
  layout.row_title = names[0];
  layout.rows = axes[0].values;
  if (axes.size() == 2) return layout;
  for (std::size_t a = 2; a < axes.size(); ++a)
    layout.facet_title += (layout.facet_title.empty() ? "" : ", ") + names[a];
  // Points 0, 1, ... run through the other axes' combinations first (the first axis varies
  // slowest), in grid order.
  const std::size_t combinations =
      grid_size(axes) / (axes[0].values.size() * axes[1].values.size());
  for (std::size_t p = 0; p < combinations; ++p)
    layout.facets.push_back(facet_label(axes, names, grid_coordinates(axes, p)));
  return layout;
}

std::vector<HeatmapCell> heatmap_cells(const SweepReportInput& input, const std::string& arm,
                                       std::size_t metric) {
  const std::vector<GridAxis>& axes = input.axes;
  const std::vector<std::string> names = axis_names(axes);
  const std::vector<SweepPointStatistics>& rows = rows_of(input, arm);
  std::vector<HeatmapCell> cells;
  for (std::size_t p = 0; p < rows.size(); ++p) {
    const std::vector<std::size_t> at = grid_coordinates(axes, p);
    const sim::Summary& summary = rows[p].metrics[metric].summary;
    HeatmapCell cell;
    if (axes.size() == 1) {
      cell.column = axes[0].values[at[0]];
    } else {
      cell.row = axes[0].values[at[0]];
      cell.column = axes[1].values[at[1]];
      cell.facet = facet_label(axes, names, at);
    }
    cell.mean = summary.mean;
    cell.ci_low = summary.ci_low;
    cell.ci_high = summary.ci_high;
    cell.n = rows[p].replications;
    cells.push_back(std::move(cell));
  }
  return cells;
}

std::string layout_note(const std::vector<GridAxis>& axes) {
  if (axes.size() == 1) return " One axis: one row of cells, in grid order.";
  if (axes.size() == 2) return "";
  return " With more than two axes, one heatmap per combination of the other axes' values, "
         "stacked and labelled on the left.";
}

std::string replications_text(const SweepReportInput& input) {
  const std::vector<SweepPointStatistics>& rows = rows_of(input, ranked_arm(input));
  const auto [fewest, most] = std::minmax_element(
      rows.begin(), rows.end(), [](const SweepPointStatistics& a, const SweepPointStatistics& b) {
        return a.replications < b.replications;
      });
  const std::string per = input.arms.size() > 1 ? " per point and arm" : " per point";
  const bool automatic = input.definition.value("replications", nlohmann::json()).is_object();
  std::string text = std::to_string(fewest->replications);
  if (most->replications != fewest->replications)
    text += " to " + std::to_string(most->replications);
  return text + " replications" + per + (automatic ? " (--reps auto)" : "");
}

void set_subtitle(ReportPage& page, const SweepReportInput& input) {
  std::string shape;
  for (const GridAxis& axis : input.axes)
    shape += (shape.empty() ? "" : " &times; ") + std::to_string(axis.values.size());
  const std::size_t points = grid_size(input.axes);
  if (input.axes.size() > 1) shape = " (" + shape + ")";
  page.set_subtitle_html(code(input.scenario_file) + " &middot; " + std::to_string(points) +
                         (points == 1 ? " point" : " points") + shape + " &middot; " +
                         escape_html(replications_text(input)) + " &middot; seed " +
                         std::to_string(input.seed));
}

void add_grid(ReportPage& page, const SweepReportInput& input) {
  std::string body =
      "<p>Every combination of the axes' values is a point (the first axis varies slowest): the "
      "scenario with the sweep's <code>--set</code> overrides and then the point's values "
      "applied. Every point ran ";
  std::string arms;
  for (const std::string& arm : input.arms)
    arms += (arms.empty() ? "" : " and ") + escape_html(arm_display(arm));
  body += arms + (input.arms.size() > 1 ? " on the same random numbers" : "") +
          ": replication i drew the same demand, lead times and customers at every point.</p>\n"
          "<table>\n<tr><th scope=\"col\">Axis</th><th scope=\"col\">Path</th><th "
          "scope=\"col\" class=\"num\">Values</th><th scope=\"col\">In grid order</th></tr>\n";
  const std::vector<std::string> names = axis_names(input.axes);
  for (std::size_t a = 0; a < input.axes.size(); ++a) {
    const GridAxis& axis = input.axes[a];
    std::string values;
    for (const std::string& value : axis.values)
      values += (values.empty() ? "" : ", ") + code(value);
    body += "<tr><td>" + escape_html(names[a]) + "</td><td>" + code(axis.path) +
            "</td><td class=\"num\">" + std::to_string(axis.values.size()) + "</td><td>" + values +
            "</td></tr>\n";
  }
  body += "</table>\n";
  const auto overrides = input.definition.find("overrides");
  if (overrides != input.definition.end() && overrides->is_array() && !overrides->empty()) {
    std::string list;
    for (const auto& item : *overrides)
      list += (list.empty() ? "" : " ") + code("--set " + item.get<std::string>());
    body += "<p>Overrides applied to every point first: " + list + "</p>\n";
  }
  page.add_section("grid", "Grid", body);
}

void add_objective(ReportPage& page, const SweepReportInput& input) {
  const retail::MetricDefinition& metric = retail::metric_definition(kObjective);
  const std::size_t index = metric_index(input, kObjective);
  const std::string arm = ranked_arm(input);
  const HeatmapLayout layout = heatmap_layout(input.axes);
  std::string body =
      "<p>The objective is <strong>contribution margin</strong>, the default of "
      "<code>omnisim sweep</code>: <code>omnisim report</code> has no <code>--objective</code>, "
      "so a sweep ranked by another metric in the console is shown here by contribution margin. "
      "Each cell is one grid point; hover it for both axes' values, the mean, its 95 % interval "
      "and the number of replications.</p>\n";
  body += page.figure(
      std::string(metric.label) + " in the " + arm_display(arm) + " arm",
      "Mean per replication at each point; the darker, the better." + layout_note(input.axes),
      heatmap_chart(metric, layout, heatmap_cells(input, arm, index), false));
  if (has_difference(input)) {
    body += page.figure(
        std::string(metric.label) + ": control tower - status quo",
        "The paired difference at each point, replication by replication on common random "
        "numbers, then averaged: blue where the control tower earns more than the status quo, "
        "red where it earns less, white for no difference." +
            layout_note(input.axes),
        heatmap_chart(metric, layout, heatmap_cells(input, kDifference, index), true));
  }
  page.add_section("objective", "Objective over the grid", body);
}

void add_ranking(ReportPage& page, const SweepReportInput& input) {
  const retail::MetricDefinition& metric = retail::metric_definition(kObjective);
  const std::size_t index = metric_index(input, kObjective);
  const std::string arm = ranked_arm(input);
  const std::vector<SweepPointStatistics>& rows = rows_of(input, arm);
  std::vector<std::vector<MetricSummary>> summaries;
  for (const SweepPointStatistics& row : rows)
    summaries.push_back(row.metrics);
  const Objective objective{kObjective,
                            metric.higher_is_better ? Direction::maximize : Direction::minimize};
  const std::vector<RankedPoint> ranking = rank_points(summaries, objective, {});
  const bool difference = has_difference(input);

  std::string body =
      "<p>The points by " + escape_html(metric.label) + " in the " + escape_html(arm_display(arm)) +
      " arm, best first: its mean per replication with the 95 % Student-t "
      "interval" +
      (difference ? ", and the paired difference control tower - status quo with its interval"
                  : "") +
      ".</p>\n<table>\n<tr><th scope=\"col\" class=\"num\">Rank</th>";
  for (const std::string& name : axis_names(input.axes))
    body += "<th scope=\"col\">" + escape_html(name) + "</th>";
  body +=
      "<th scope=\"col\" class=\"num\">Mean</th><th scope=\"col\" class=\"num\">95 % "
      "interval</th><th scope=\"col\" class=\"num\">n</th>";
  if (difference) {
    body +=
        "<th scope=\"col\" class=\"num\">Paired difference</th><th scope=\"col\" "
        "class=\"num\">95 % interval</th>";
  }
  body += "</tr>\n";
  const std::size_t shown = std::min(ranking.size(), kRankedRows);
  for (std::size_t r = 0; r < shown; ++r) {
    const std::size_t point = ranking[r].point;
    const std::vector<std::size_t> at = grid_coordinates(input.axes, point);
    const sim::Summary& summary = rows[point].metrics[index].summary;
    body += "<tr><td class=\"num\">" + std::to_string(r + 1) + "</td>";
    for (std::size_t a = 0; a < input.axes.size(); ++a)
      body += "<td>" + code(input.axes[a].values[at[a]]) + "</td>";
    body += "<td class=\"num\">" + escape_html(format_value(summary.mean, metric.kind)) +
            "</td><td class=\"num\">" + escape_html(interval_text(summary, metric.kind, false)) +
            "</td><td class=\"num\">" + std::to_string(rows[point].replications) + "</td>";
    if (difference) {
      const sim::Summary& paired = rows_of(input, kDifference)[point].metrics[index].summary;
      body += "<td class=\"num\">" + escape_html(format_difference(paired.mean, metric.kind)) +
              "</td><td class=\"num\">" + escape_html(interval_text(paired, metric.kind, true)) +
              "</td>";
    }
    body += "</tr>\n";
  }
  body += "</table>\n";
  if (ranking.size() > shown) {
    body += "<p class=\"note\">&hellip; and " + std::to_string(ranking.size() - shown) +
            " more points (every point is in sweep.csv).</p>\n";
  }
  page.add_section("ranking", "Ranking", body);
}

void add_tradeoffs(ReportPage& page, const SweepReportInput& input) {
  const std::string arm = ranked_arm(input);
  const HeatmapLayout layout = heatmap_layout(input.axes);
  std::string figures;
  for (const retail::MetricId id : kTradeoffs) {
    const std::optional<std::size_t> index = input.table.index(std::string(retail::metric_key(id)));
    if (!index) continue;
    const retail::MetricDefinition& metric = retail::metric_definition(id);
    figures += page.figure(metric.label,
                           std::string(metric.meaning) + " Mean in the " + arm_display(arm) +
                               " arm; the darker, the better.",
                           heatmap_chart(metric, layout, heatmap_cells(input, arm, *index), false));
  }
  if (figures.empty()) return;
  // Stacked heatmaps are too wide for two abreast.
  if (layout.facets.empty()) figures = "<div class=\"grid\">\n" + figures + "</div>\n";
  page.add_section("tradeoffs", "Trade-offs",
                   "<p>What the points do to the execution spine: a point that earns the most "
                   "may do so at the cost of on-time delivery or more cancellations.</p>\n" +
                       figures);
}

std::string footer_html(const SweepReportInput& input) {
  const auto version = input.definition.find("omnisim");
  const std::string written_by = version != input.definition.end() && version->is_string()
                                     ? version->get<std::string>()
                                     : std::string("(unknown version)");
  return "Sweep run by omnisim " + escape_html(written_by) +
         "; this page written from manifest.json and sweep.csv (the same directory).";
}

}  // namespace

void add_sweep_report_sections(ReportPage& page, const SweepReportInput& input) {
  set_subtitle(page, input);
  add_grid(page, input);
  add_objective(page, input);
  add_ranking(page, input);
  add_tradeoffs(page, input);
}

std::size_t write_sweep_report(const std::filesystem::path& directory) {
  const SweepReportInput input = load_sweep_report_input(directory);
  ReportPage page("Sweep: " + input.scenario_name);
  add_sweep_report_sections(page, input);
  const std::string html = page.render(footer_html(input), embedded_scripts());
  write_file_atomically(directory / "report.html", [&](std::ostream& file) { file << html; });
  return page.chart_count();
}

}  // namespace omnisim

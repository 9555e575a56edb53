// The report's Vega-Lite specs, data included. Text from the scenario only ever goes into data
// values (drawn as SVG text, tooltips escaped by vega-tooltip), never into Vega expressions.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/metrics/catalogue.hpp"
#include "tools/report/quantiles.hpp"

namespace omnisim {

// "status quo" / "control tower" for an arm key ("status_quo", "control_tower"); other keys as
// they are.
std::string arm_display(std::string_view arm_key);

// A KPI per day: per arm the median across replications as a line and the 5-95 % band as an area.
nlohmann::json daily_band_chart(const retail::MetricDefinition& metric,
                                const std::vector<BandPoint>& band);

// The paired difference (control tower - status quo) of one metric per replication: bars (a
// histogram beyond 100 replications) and the mean.
nlohmann::json paired_difference_chart(const retail::MetricDefinition& metric,
                                       const std::vector<PairedPoint>& points);

// Several metrics' paired differences, one strip each (every replication a tick, a box from min
// to max, 0 marked), each on its own scale.
nlohmann::json paired_strips_chart(
    const std::vector<std::pair<retail::MetricDefinition, std::vector<PairedPoint>>>& metrics);

// One firing of a rule as the timeline shows it, times in days since the start.
struct FiringMark {
  std::string arm;  // key
  std::uint64_t replication = 0;
  double fired_day = 0;
  std::optional<double> decided_day;   // nullopt: not decided before the horizon
  std::optional<double> executed_day;  // nullopt: not carried out before the horizon
  double value_at_fire = 0;            // NaN when unknown
  double value_after = 0;              // NaN when unknown
  std::string owner;
  std::string actions;
};

// What a rule watched and how it fired: above, the rule's metric over its window per arm (median
// and band, `band` empty when the scope is finer than the daily series), its threshold and each
// firing's value; below, per arm, each firing from fired to decided (thin) to executed (thick).
nlohmann::json rule_timeline_chart(const retail::MetricDefinition& metric, double threshold,
                                   const std::vector<BandPoint>& band,
                                   const std::vector<FiringMark>& firings, double horizon_days,
                                   const std::vector<std::string>& arms);

// Mean margin leakage per component and arm, as grouped bars.
struct LeakageBar {
  std::string component;  // label
  std::string arm;        // key
  double amount = 0;      // currency units
};
nlohmann::json leakage_chart(const std::vector<LeakageBar>& bars,
                             const std::vector<std::string>& component_order,
                             const std::vector<std::string>& arms);

// One grid point of a sweep in a heatmap: its values on the axis drawn as rows and on the one
// drawn as columns (as the grid spells them), and the statistic shown.
struct HeatmapCell {
  std::string row;  // "" when the layout has no rows
  std::string column;
  std::string facet;  // the other axes' values; "" when the layout has no facets
  double mean = 0;    // NaN: undefined, left blank
  double ci_low = 0;
  double ci_high = 0;
  std::uint64_t n = 0;
};

struct HeatmapLayout {
  std::string row_title;          // the first axis's name
  std::vector<std::string> rows;  // its values in grid order; empty: a single row
  std::string column_title;
  std::vector<std::string> columns;
  std::string facet_title;
  std::vector<std::string> facets;  // in grid order; empty: one heatmap
};

// A heatmap of rect marks, each cell labelled with its mean in the metric's chart format (when
// the columns are few enough to fit it); tooltips give the axes' values, the mean, its 95 %
// interval and n. Values colour a sequential scale whose dark end is better; with `difference`
// (control tower - status quo) a diverging scale centred at 0, blue for an improvement and red
// for a deterioration. With facets, one heatmap per facet value, stacked.
nlohmann::json heatmap_chart(const retail::MetricDefinition& metric, const HeatmapLayout& layout,
                             const std::vector<HeatmapCell>& cells, bool difference);

}  // namespace omnisim

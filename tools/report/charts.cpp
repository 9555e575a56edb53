// Vega-Lite specs as nlohmann::json. NaN becomes null, which Vega-Lite treats as missing (a line
// breaks there rather than dropping to zero).
#include "tools/report/charts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "tools/results/metric_format.hpp"

namespace omnisim {
namespace {

using json = nlohmann::json;

constexpr std::string_view kStatusQuoColor = "#d9822b";
constexpr std::string_view kControlTowerColor = "#1f6fb2";
constexpr std::string_view kThresholdColor = "#a12a1b";
constexpr std::string_view kInk = "#1d2330";
constexpr int kWideWidth = 900;

json number(double value) {
  return std::isfinite(value) ? json(value) : json(nullptr);
}

// The arms' colours, in the arms' order, with the same labels as the data.
json arm_color(const std::vector<std::string>& arms) {
  json domain = json::array();
  json range = json::array();
  for (const std::string& arm : arms) {
    domain.push_back(arm_display(arm));
    range.push_back(arm == "control_tower" ? kControlTowerColor : kStatusQuoColor);
  }
  // Every layer and view of a chart says the same, so Vega-Lite merges them into one legend.
  return {{"field", "arm"},
          {"type", "nominal"},
          {"scale", {{"domain", domain}, {"range", range}}},
          {"title", nullptr},
          {"legend", {{"orient", "top"}, {"direction", "horizontal"}, {"symbolOpacity", 1}}}};
}

std::vector<std::string> arms_of(const std::vector<BandPoint>& band) {
  std::vector<std::string> arms;
  for (const BandPoint& point : band) {
    if (std::find(arms.begin(), arms.end(), point.arm) == arms.end()) arms.push_back(point.arm);
  }
  return arms;
}

json band_values(const std::vector<BandPoint>& band, double x_offset) {
  json values = json::array();
  for (const BandPoint& point : band) {
    values.push_back({{"arm", arm_display(point.arm)},
                      {"t", point.day + x_offset},
                      {"low", number(point.low)},
                      {"median", number(point.median)},
                      {"high", number(point.high)},
                      {"n", point.n}});
  }
  return values;
}

// Area (band), line (median) and invisible points carrying the tooltip, over x field "t".
json band_layers(const retail::MetricDefinition& metric, const json& x,
                 const std::vector<std::string>& arms) {
  const std::string format(chart_format(metric.kind));
  const json y_axis = {{"format", format}};
  json tooltip = json::array({
      {{"field", "arm"}, {"type", "nominal"}},
      {{"field", "t"}, {"type", "quantitative"}, {"title", x["title"]}, {"format", ".4~f"}},
      {{"field", "median"}, {"type", "quantitative"}, {"format", format}},
      {{"field", "low"}, {"type", "quantitative"}, {"title", "5 %"}, {"format", format}},
      {{"field", "high"}, {"type", "quantitative"}, {"title", "95 %"}, {"format", format}},
      {{"field", "n"}, {"type", "quantitative"}, {"title", "replications"}},
  });
  return json::array({
      {{"mark", {{"type", "area"}, {"opacity", 0.18}}},
       {"encoding",
        {{"x", x},
         {"y",
          {{"field", "low"},
           {"type", "quantitative"},
           {"title", std::string(metric.label)},
           {"scale", {{"zero", false}}},
           {"axis", y_axis}}},
         {"y2", {{"field", "high"}}},
         {"color", arm_color(arms)}}}},
      {{"mark", {{"type", "line"}, {"strokeWidth", 2}}},
       {"encoding",
        {{"x", x},
         {"y", {{"field", "median"}, {"type", "quantitative"}}},
         {"color", arm_color(arms)}}}},
      {{"mark", {{"type", "point"}, {"opacity", 0}, {"size", 40}}},
       {"encoding",
        {{"x", x},
         {"y", {{"field", "median"}, {"type", "quantitative"}}},
         {"color", arm_color(arms)},
         {"tooltip", tooltip}}}},
  });
}

}  // namespace

std::string arm_display(std::string_view arm_key) {
  if (arm_key == "status_quo") return "status quo";
  if (arm_key == "control_tower") return "control tower";
  return std::string(arm_key);
}

json daily_band_chart(const retail::MetricDefinition& metric, const std::vector<BandPoint>& band) {
  const json x = {{"field", "t"},
                  {"type", "quantitative"},
                  {"title", "day of the run"},
                  {"scale", {{"nice", false}}},
                  {"axis", {{"tickMinStep", 1}}}};
  // As wide as its place in the page's grid.
  return {{"width", "container"},
          {"height", 200},
          {"data", {{"values", band_values(band, 0)}}},
          {"layer", band_layers(metric, x, arms_of(band))}};
}

json paired_difference_chart(const retail::MetricDefinition& metric,
                             const std::vector<PairedPoint>& points) {
  const std::string format(chart_difference_format(metric.kind));
  json values = json::array();
  for (const PairedPoint& point : points)
    values.push_back(
        {{"replication", point.replication}, {"difference", number(point.difference)}});
  const std::string title = "control tower - status quo";
  json distribution;
  if (points.size() <= 100) {
    distribution = {
        {"mark", {{"type", "bar"}}},
        {"encoding",
         {{"x",
           {{"field", "replication"},
            {"type", "ordinal"},
            {"title", "replication"},
            {"axis", {{"labelAngle", 0}, {"labelOverlap", true}}}}},
          {"y",
           {{"field", "difference"},
            {"type", "quantitative"},
            {"title", title},
            {"axis", {{"format", format}}}}},
          {"color",
           {{"condition", {{"test", "datum.difference < 0"}, {"value", kThresholdColor}}},
            {"value", kControlTowerColor}}},
          {"tooltip",
           json::array(
               {{{"field", "replication"}, {"type", "ordinal"}},
                {{"field", "difference"}, {"type", "quantitative"}, {"format", format}}})}}}};
  } else {
    distribution = {
        {"mark", {{"type", "bar"}, {"color", kControlTowerColor}}},
        {"encoding",
         {{"x",
           {{"field", "difference"},
            {"type", "quantitative"},
            {"bin", {{"maxbins", 30}}},
            {"title", title},
            {"axis", {{"format", format}}}}},
          {"y", {{"aggregate", "count"}, {"type", "quantitative"}, {"title", "replications"}}}}}};
  }
  const bool by_replication = points.size() <= 100;
  json mean = {{"mark", {{"type", "rule"}, {"color", kInk}, {"strokeDash", {6, 4}}, {"size", 2}}},
               {"encoding", json::object()}};
  mean["encoding"][by_replication ? "y" : "x"] = {
      {"aggregate", "mean"}, {"field", "difference"}, {"type", "quantitative"}};
  mean["encoding"]["tooltip"] = json::array({{{"aggregate", "mean"},
                                              {"field", "difference"},
                                              {"type", "quantitative"},
                                              {"title", "mean difference"},
                                              {"format", format}}});
  json zero = {{"mark", {{"type", "rule"}, {"color", "#888888"}}}, {"encoding", json::object()}};
  zero["encoding"][by_replication ? "y" : "x"] = {{"datum", 0}};
  return {{"width", kWideWidth},
          {"height", 220},
          {"data", {{"values", values}}},
          {"layer", json::array({distribution, zero, mean})}};
}

json paired_strips_chart(
    const std::vector<std::pair<retail::MetricDefinition, std::vector<PairedPoint>>>& metrics) {
  json rows = json::array();
  for (const auto& [metric, points] : metrics) {
    const std::string format(chart_difference_format(metric.kind));
    json values = json::array();
    for (const PairedPoint& point : points) {
      values.push_back(
          {{"replication", point.replication}, {"difference", number(point.difference)}});
    }
    const json x = {{"field", "difference"},
                    {"type", "quantitative"},
                    {"title", nullptr},
                    {"axis", {{"format", format}, {"tickCount", 6}}}};
    rows.push_back(
        {{"title", {{"text", std::string(metric.label)}, {"anchor", "start"}, {"fontSize", 12}}},
         {"width", kWideWidth - 60},
         {"height", 34},
         {"data", {{"values", values}}},
         {"layer",
          json::array(
              {{{"mark",
                 {{"type", "boxplot"},
                  {"extent", "min-max"},
                  {"size", 22},
                  {"opacity", 0.3},
                  {"color", kControlTowerColor},
                  {"median", {{"color", kInk}}}}},
                {"encoding", {{"x", x}}}},
               {{"mark", {{"type", "tick"}, {"thickness", 2}, {"size", 26}, {"color", kInk}}},
                {"encoding",
                 {{"x", {{"field", "difference"}, {"type", "quantitative"}}},
                  {"tooltip", json::array({{{"field", "replication"}, {"type", "ordinal"}},
                                           {{"field", "difference"},
                                            {"type", "quantitative"},
                                            {"format", format}}})}}}},
               {{"mark", {{"type", "rule"}, {"color", kThresholdColor}, {"strokeDash", {4, 3}}}},
                {"encoding", {{"x", {{"datum", 0}}}}}}})}});
  }
  return {{"vconcat", rows}, {"spacing", 14}};
}

json rule_timeline_chart(const retail::MetricDefinition& metric, double threshold,
                         const std::vector<BandPoint>& band, const std::vector<FiringMark>& firings,
                         double horizon_days, const std::vector<std::string>& arms) {
  const std::string format(chart_format(metric.kind));
  const json x_scale = {{"domain", {0, horizon_days}}, {"nice", false}};
  const json x = {{"field", "t"},
                  {"type", "quantitative"},
                  {"title", "days since the start"},
                  {"scale", x_scale}};

  json firing_values = json::array();
  for (const FiringMark& firing : firings) {
    const auto hours_between = [](double from, const std::optional<double>& to) {
      return to ? number(24 * (*to - from)) : json(nullptr);
    };
    firing_values.push_back(
        {{"arm", arm_display(firing.arm)},
         {"replication", firing.replication},
         {"t", number(firing.fired_day)},
         // Not reached before the horizon: drawn up to the end of the run (marks are clipped
         // there).
         {"decided", firing.decided_day ? number(*firing.decided_day) : number(horizon_days)},
         {"executed", firing.executed_day
                          ? number(*firing.executed_day)
                          : (firing.decided_day ? number(horizon_days) : json(nullptr))},
         {"hours_to_decision", hours_between(firing.fired_day, firing.decided_day)},
         {"hours_to_execution", hours_between(firing.fired_day, firing.executed_day)},
         {"value_at_fire", number(firing.value_at_fire)},
         {"value_after", number(firing.value_after)},
         {"owner", firing.owner},
         {"actions", firing.actions}});
  }
  const json tooltip = json::array({
      {{"field", "arm"}, {"type", "nominal"}},
      {{"field", "replication"}, {"type", "ordinal"}},
      {{"field", "t"}, {"type", "quantitative"}, {"title", "fired (day)"}, {"format", ".2f"}},
      {{"field", "value_at_fire"},
       {"type", "quantitative"},
       {"title", "value when fired"},
       {"format", format}},
      {{"field", "owner"}, {"type", "nominal"}},
      {{"field", "hours_to_decision"},
       {"type", "quantitative"},
       {"title", "hours to decision"},
       {"format", ".1f"}},
      {{"field", "hours_to_execution"},
       {"type", "quantitative"},
       {"title", "hours to execution"},
       {"format", ".1f"}},
      {{"field", "actions"}, {"type", "nominal"}},
      {{"field", "value_after"},
       {"type", "quantitative"},
       {"title", "value after the actions"},
       {"format", format}},
  });

  json watched = json::array();
  if (!band.empty()) {
    // A window ending with day d is known once day d is over: at d + 1 days since the start.
    json layers = band_layers(metric, x, arms);
    for (json& layer : layers)
      layer["data"] = {{"values", band_values(band, 1)}};
    for (json& layer : layers)
      watched.push_back(std::move(layer));
  }
  watched.push_back(
      {{"data", {{"values", json::array({{{"threshold", number(threshold)}}})}}},
       {"mark",
        {{"type", "rule"}, {"color", kThresholdColor}, {"strokeDash", {6, 4}}, {"size", 2}}},
       {"encoding",
        {{"y",
          {{"field", "threshold"},
           {"type", "quantitative"},
           {"title", std::string(metric.label)},
           {"scale", {{"zero", false}}},
           {"axis", {{"format", format}}}}},
         {"tooltip",
          json::array(
              {{{"field", "threshold"}, {"type", "quantitative"}, {"format", format}}})}}}});
  // Without a value to place, the layer would leave its y scale with an empty extent.
  const bool any_value = std::any_of(firings.begin(), firings.end(), [](const FiringMark& f) {
    return std::isfinite(f.value_at_fire) && std::isfinite(f.fired_day);
  });
  if (any_value) {
    watched.push_back(
        {{"data", {{"values", firing_values}}},
         {"mark",
          {{"type", "point"}, {"filled", true}, {"size", 55}, {"opacity", 0.8}, {"clip", true}}},
         {"encoding",
          {{"x", x},
           {"y", {{"field", "value_at_fire"}, {"type", "quantitative"}}},
           {"color", arm_color(arms)},
           {"shape", {{"value", "diamond"}}},
           {"tooltip", tooltip}}}});
  }

  json arm_domain = json::array();
  for (const std::string& arm : arms)
    arm_domain.push_back(arm_display(arm));
  const json y_arm = {{"field", "arm"},
                      {"type", "nominal"},
                      {"title", nullptr},
                      {"scale", {{"domain", arm_domain}}}};
  json timeline = {
      {"width", kWideWidth - 120},
      {"height", {{"step", 26}}},
      {"data", {{"values", firing_values}}},
      {"layer",
       json::array({
           {{"mark", {{"type", "rule"}, {"strokeWidth", 1.5}, {"opacity", 0.5}, {"clip", true}}},
            {"encoding",
             {{"x", x}, {"x2", {{"field", "decided"}}}, {"y", y_arm}, {"color", arm_color(arms)}}}},
           {{"mark", {{"type", "rule"}, {"strokeWidth", 6}, {"opacity", 0.5}, {"clip", true}}},
            {"encoding",
             {{"x", {{"field", "decided"}, {"type", "quantitative"}, {"scale", x_scale}}},
              {"x2", {{"field", "executed"}}},
              {"y", y_arm},
              {"color", arm_color(arms)}}}},
           {{"mark", {{"type", "point"}, {"filled", true}, {"size", 45}, {"clip", true}}},
            {"encoding",
             {{"x", x}, {"y", y_arm}, {"color", arm_color(arms)}, {"tooltip", tooltip}}}},
       })}};
  return {
      {"vconcat",
       json::array({{{"width", kWideWidth - 120}, {"height", 170}, {"layer", watched}}, timeline})},
      {"resolve", {{"scale", {{"x", "shared"}}}}},
      {"spacing", 8}};
}

json leakage_chart(const std::vector<LeakageBar>& bars,
                   const std::vector<std::string>& component_order,
                   const std::vector<std::string>& arms) {
  json values = json::array();
  for (const LeakageBar& bar : bars) {
    values.push_back({{"component", bar.component},
                      {"arm", arm_display(bar.arm)},
                      {"amount", number(bar.amount)}});
  }
  json arm_order = json::array();
  for (const std::string& arm : arms)
    arm_order.push_back(arm_display(arm));
  return {
      {"width", kWideWidth - 200},
      {"height", {{"step", 16}}},
      {"data", {{"values", values}}},
      {"mark", {{"type", "bar"}}},
      {"encoding",
       {{"y",
         {{"field", "component"},
          {"type", "nominal"},
          {"sort", component_order},
          {"title", nullptr}}},
        {"yOffset", {{"field", "arm"}, {"sort", arm_order}}},
        {"x",
         {{"field", "amount"},
          {"type", "quantitative"},
          {"title", "mean per replication"},
          {"axis", {{"format", "$,.0f"}}}}},
        {"color", arm_color(arms)},
        {"tooltip",
         json::array({{{"field", "component"}, {"type", "nominal"}},
                      {{"field", "arm"}, {"type", "nominal"}},
                      {{"field", "amount"}, {"type", "quantitative"}, {"format", "$,.0f"}}})}}}};
}

json heatmap_chart(const retail::MetricDefinition& metric, const HeatmapLayout& layout,
                   const std::vector<HeatmapCell>& cells, bool difference) {
  const std::string format(difference ? chart_difference_format(metric.kind)
                                      : chart_format(metric.kind));
  double low = std::numeric_limits<double>::infinity();
  double high = -std::numeric_limits<double>::infinity();
  for (const HeatmapCell& cell : cells) {
    if (!std::isfinite(cell.mean)) continue;
    low = std::min(low, cell.mean);
    high = std::max(high, cell.mean);
  }
  const bool any_value = low <= high;
  // Symmetric around 0, so 0 is the scale's neutral middle whatever the signs present.
  const double reach = any_value && std::max(-low, high) > 0 ? std::max(-low, high) : 1;
  // Light text on the darkest cells, decided here rather than in a Vega expression.
  const auto dark = [&](double value) {
    if (!std::isfinite(value) || !any_value) return false;
    if (difference) return std::abs(value) > 0.55 * reach;
    if (high == low) return true;
    const double position = (value - low) / (high - low);
    return metric.higher_is_better ? position > 0.55 : position < 0.45;
  };

  json values = json::array();
  for (const HeatmapCell& cell : cells) {
    json value = {{"column", cell.column},
                  {"mean", number(cell.mean)},
                  {"ci_low", number(cell.ci_low)},
                  {"ci_high", number(cell.ci_high)},
                  {"n", cell.n},
                  {"dark", dark(cell.mean)}};
    if (!layout.rows.empty()) value["row"] = cell.row;
    if (!layout.facets.empty()) value["facet"] = cell.facet;
    values.push_back(std::move(value));
  }

  const std::string value_title = difference ? "control tower - status quo" : "mean";
  json scale = {{"scheme", difference ? "redblue" : "blues"},
                {"reverse", !metric.higher_is_better}};
  if (difference) scale["domain"] = {-reach, reach};
  json tooltip = json::array();
  if (!layout.facets.empty())
    tooltip.push_back({{"field", "facet"}, {"type", "nominal"}, {"title", layout.facet_title}});
  if (!layout.rows.empty())
    tooltip.push_back({{"field", "row"}, {"type", "ordinal"}, {"title", layout.row_title}});
  tooltip.push_back({{"field", "column"}, {"type", "ordinal"}, {"title", layout.column_title}});
  tooltip.push_back(
      {{"field", "mean"}, {"type", "quantitative"}, {"title", value_title}, {"format", format}});
  tooltip.push_back(
      {{"field", "ci_low"}, {"type", "quantitative"}, {"title", "95 % from"}, {"format", format}});
  tooltip.push_back(
      {{"field", "ci_high"}, {"type", "quantitative"}, {"title", "95 % to"}, {"format", format}});
  tooltip.push_back({{"field", "n"}, {"type", "quantitative"}, {"title", "replications (n)"}});

  // Room for "$1,234,567" in a cell; beyond that many columns, tooltips only.
  const bool labelled = layout.columns.size() <= 14;
  json encoding = {{"x",
                    {{"field", "column"},
                     {"type", "ordinal"},
                     {"sort", layout.columns},
                     {"title", layout.column_title},
                     {"axis", {{"labelAngle", 0}, {"labelOverlap", true}}}}}};
  if (!layout.rows.empty()) {
    encoding["y"] = {
        {"field", "row"}, {"type", "ordinal"}, {"sort", layout.rows}, {"title", layout.row_title}};
  }
  json rect_encoding = encoding;
  rect_encoding["color"] = {{"field", "mean"},
                            {"type", "quantitative"},
                            {"title", value_title},
                            {"scale", scale},
                            {"legend", {{"format", format}, {"direction", "vertical"}}}};
  rect_encoding["tooltip"] = tooltip;
  json layers = json::array(
      {{{"mark", {{"type", "rect"}, {"stroke", "#ffffff"}}}, {"encoding", rect_encoding}}});
  if (labelled) {
    json text_encoding = encoding;
    text_encoding["text"] = {{"field", "mean"}, {"type", "quantitative"}, {"format", format}};
    text_encoding["color"] = {{"condition", {{"test", "datum.dark"}, {"value", "#ffffff"}}},
                              {"value", kInk}};
    text_encoding["tooltip"] = tooltip;
    layers.push_back({{"transform", json::array({{{"filter", "isValid(datum.mean)"}}})},
                      {"mark", {{"type", "text"}, {"fontSize", 11}}},
                      {"encoding", text_encoding}});
  }
  const json view = {{"width", {{"step", labelled ? 76 : 24}}},
                     // A step needs a y field; a single row is a fixed height.
                     {"height", layout.rows.empty() ? json(34) : json({{"step", 30}})},
                     {"layer", layers}};
  if (layout.facets.empty()) {
    json chart = view;
    chart["data"] = {{"values", values}};
    return chart;
  }
  return {{"data", {{"values", values}}},
          {"facet",
           {{"row",
             {{"field", "facet"},
              {"type", "ordinal"},
              {"sort", layout.facets},
              {"title", layout.facet_title},
              {"header", {{"labelAngle", 0}, {"labelAlign", "left"}}}}}}},
          {"spec", view}};
}

}  // namespace omnisim

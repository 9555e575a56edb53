// Objectives and constraints name metrics the way replications.csv does; a misspelt name gets
// suggestions rather than a silent empty ranking.
#include "tools/experiment/sweep_ranking.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <span>
#include <stdexcept>

#include "tools/results/errors.hpp"
#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

constexpr std::size_t kMaxSuggestions = 5;
// A word this long that starts another one counts as shared ("otif" and "otiff", "cancel" and
// "cancellation"); shorter ones ("per") would match too much.
constexpr std::size_t kMinPrefixLength = 4;

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::vector<std::string> words(std::string_view name) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : name) {
    if (c == '_' || c == ' ' || c == '-') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

bool related_words(const std::string& a, const std::string& b) {
  const auto& shorter = a.size() < b.size() ? a : b;
  const auto& longer = a.size() < b.size() ? b : a;
  if (shorter == longer) return true;
  return shorter.size() >= kMinPrefixLength && longer.compare(0, shorter.size(), shorter) == 0;
}

// Metric keys sharing the most words with `name` first, then in catalogue order.
std::vector<std::string_view> close_names(std::string_view name) {
  const auto wanted = words(name);
  const std::span<const retail::MetricId> metrics = retail::spine_metric_ids();
  std::vector<std::pair<std::size_t, std::size_t>> shared;  // (words shared, metric index)
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    std::size_t count = 0;
    for (const auto& word : words(retail::metric_key(metrics[m]))) {
      count += static_cast<std::size_t>(
          std::count_if(wanted.begin(), wanted.end(),
                        [&word](const std::string& other) { return related_words(word, other); }));
    }
    if (count > 0) shared.emplace_back(count, m);
  }
  std::stable_sort(shared.begin(), shared.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < shared.size() && i < kMaxSuggestions; ++i) {
    out.push_back(retail::metric_key(metrics[shared[i].second]));
  }
  return out;
}

// The metric named `name`; otherwise a UsageError prefixed by `where`.
retail::MetricId known_metric(std::string_view name, const std::string& where) {
  if (const std::optional<retail::MetricId> metric = retail::find_metric(name)) return *metric;
  std::string message = where + ": unknown metric '" + std::string(name) + "'; ";
  const auto suggestions = close_names(name);
  if (suggestions.empty()) {
    throw UsageError(message + "see replications.csv's header for the names");
  }
  message += "did you mean ";
  for (std::size_t i = 0; i < suggestions.size(); ++i) {
    if (i > 0) message += i + 1 == suggestions.size() ? " or " : ", ";
    message += std::string(suggestions[i]);
  }
  throw UsageError(message + "?");
}

const sim::Summary& metric_summary(const std::vector<MetricSummary>& summaries,
                                   retail::MetricId metric) {
  const std::string_view key = retail::metric_key(metric);
  const auto found = std::find_if(summaries.begin(), summaries.end(),
                                  [key](const MetricSummary& s) { return s.name == key; });
  if (found == summaries.end()) {
    throw std::logic_error("a grid point has no summary of '" + std::string(key) + "'");
  }
  return found->summary;
}

double metric_mean(const std::vector<MetricSummary>& summaries, retail::MetricId metric) {
  return metric_summary(summaries, metric).mean;
}

// Each axis's column heading: the path's last segment, unless two axes share it.
std::vector<std::string> axis_headings(const std::vector<GridAxis>& axes) {
  std::vector<std::string> headings;
  for (const auto& axis : axes) {
    const char separator = axis.path.starts_with('/') ? '/' : '.';
    const auto last = axis.path.rfind(separator);
    headings.push_back(last == std::string::npos ? axis.path : axis.path.substr(last + 1));
  }
  std::vector<std::string> out = headings;
  for (std::size_t i = 0; i < axes.size(); ++i) {
    if (std::count(headings.begin(), headings.end(), headings[i]) > 1) out[i] = axes[i].path;
  }
  return out;
}

std::string joined(const std::vector<std::string>& texts) {
  std::string out;
  for (const auto& text : texts)
    out += (out.empty() ? "" : ", ") + text;
  return out;
}

std::string interval_text(const sim::Summary& summary) {
  if (!summary.has_interval() || !std::isfinite(summary.ci_low) ||
      !std::isfinite(summary.ci_high)) {
    return "n/a";
  }
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "[" + std::string.
  std::string text = "[";
  text.append(format_for_table(summary.ci_low)).append(", ");
  text.append(format_for_table(summary.ci_high)).append("]");
  return text;
}

std::string half_width_text(const sim::Summary& summary) {
  return summary.has_interval() ? format_for_table(summary.half_width()) : "n/a";
}

}  // namespace

Objective parse_objective(std::string_view text) {
  const std::string where = "--objective '" + std::string(text) + "'";
  std::string_view name = trim(text);
  std::optional<Direction> direction;
  if (const auto colon = name.find(':'); colon != std::string_view::npos) {
    const auto suffix = trim(name.substr(colon + 1));
    if (suffix == "max") {
      direction = Direction::maximize;
    } else if (suffix == "min") {
      direction = Direction::minimize;
    } else {
      throw UsageError(where + ": expected NAME, NAME:max or NAME:min, got '" +
                       std::string(suffix) + "' after ':'");
    }
    name = trim(name.substr(0, colon));
  }
  if (name.empty()) throw UsageError(where + ": the metric name is empty");
  const retail::MetricId metric = known_metric(name, where);
  const bool higher_is_better = retail::metric_definition(metric).higher_is_better;
  return {metric, direction.value_or(higher_is_better ? Direction::maximize : Direction::minimize)};
}

Constraint parse_constraint(std::string_view text) {
  const std::string where = "--constraint '" + std::string(text) + "'";
  const auto expected = [&where]() {
    return UsageError(where + ": expected METRIC>=BOUND or METRIC<=BOUND, such as otif>=0.95");
  };
  const auto at = text.find_first_of("<>=");
  if (at == std::string_view::npos) {
    // Most likely the shell took an unquoted ">=0.95" as a redirection and passed only the name.
    throw UsageError(where +
                     ": no comparison; expected METRIC>=BOUND or METRIC<=BOUND, quoted for the "
                     "shell, such as 'otif>=0.95' (unquoted, the shell takes > and < as "
                     "redirections)");
  }
  if (at + 1 >= text.size() || text[at + 1] != '=' || text[at] == '=') {
    throw expected();
  }
  const auto name = trim(text.substr(0, at));
  const auto bound_text = trim(text.substr(at + 2));
  if (name.empty()) throw expected();
  const auto bound = parse_number(bound_text);
  if (!bound) {
    throw UsageError(where + ": the bound '" + std::string(bound_text) +
                     "' is not a number; expected METRIC>=BOUND or METRIC<=BOUND");
  }
  Constraint constraint;
  constraint.metric = known_metric(name, where);
  constraint.comparison = text[at] == '>' ? Comparison::at_least : Comparison::at_most;
  constraint.bound = *bound;
  constraint.text = std::string(retail::metric_key(constraint.metric)) +
                    std::string(text.substr(at, 2)) + std::string(bound_text);
  return constraint;
}

bool satisfies(const Constraint& constraint, double value) {
  // Written so that NaN fails both ways.
  return constraint.comparison == Comparison::at_least ? value >= constraint.bound
                                                       : value <= constraint.bound;
}

std::vector<RankedPoint> rank_points(const std::vector<std::vector<MetricSummary>>& summaries,
                                     const Objective& objective,
                                     const std::vector<Constraint>& constraints) {
  std::vector<RankedPoint> ranking;
  ranking.reserve(summaries.size());
  for (std::size_t p = 0; p < summaries.size(); ++p) {
    RankedPoint ranked;
    ranked.point = p;
    ranked.objective = metric_mean(summaries[p], objective.metric);
    for (const auto& constraint : constraints) {
      if (!satisfies(constraint, metric_mean(summaries[p], constraint.metric))) {
        ranked.violated.push_back(constraint.text);
      }
    }
    ranked.feasible = ranked.violated.empty();
    ranking.push_back(std::move(ranked));
  }
  const bool maximize = objective.direction == Direction::maximize;
  std::sort(ranking.begin(), ranking.end(), [maximize](const RankedPoint& a, const RankedPoint& b) {
    if (a.feasible != b.feasible) return a.feasible;
    const bool a_nan = std::isnan(a.objective);
    const bool b_nan = std::isnan(b.objective);
    if (a_nan != b_nan) return b_nan;
    if (!a_nan && a.objective != b.objective) {
      return maximize ? a.objective > b.objective : a.objective < b.objective;
    }
    return a.point < b.point;
  });
  return ranking;
}

void print_ranking(std::ostream& out, const std::vector<GridAxis>& axes,
                   const std::vector<RankedPoint>& ranking,
                   const std::vector<std::vector<MetricSummary>>& summaries,
                   const Objective& objective, const std::vector<Constraint>& constraints,
                   std::string_view arm_label, std::size_t limit) {
  out << "Points ranked by " << retail::metric_key(objective.metric) << " ("
      << (objective.direction == Direction::maximize ? "higher" : "lower") << " is better) in the "
      << arm_label << " arm";
  if (constraints.empty()) {
    out << ": " << ranking.size() << " points.\n";
  } else {
    std::vector<std::string> texts;
    for (const auto& constraint : constraints)
      texts.push_back(constraint.text);
    const auto feasible = std::count_if(ranking.begin(), ranking.end(),
                                        [](const RankedPoint& r) { return r.feasible; });
    out << ", constraint" << (constraints.size() > 1 ? "s " : " ") << terminal_text(joined(texts))
        << ": " << feasible << " of " << ranking.size() << " points feasible.\n";
  }

  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"rank"};
  for (auto& heading : axis_headings(axes))
    header.push_back(std::move(heading));
  header.insert(header.end(),
                {std::string(retail::metric_key(objective.metric)), "95% CI", "half-width", "n"});
  const bool versus_best = std::any_of(ranking.begin(), ranking.end(), [](const RankedPoint& r) {
    return r.versus_best.has_value();
  });
  if (versus_best) header.emplace_back("vs best (paired)");
  if (!constraints.empty()) header.emplace_back("violates");
  rows.push_back(std::move(header));
  const std::size_t shown = std::min(limit, ranking.size());
  for (std::size_t r = 0; r < shown; ++r) {
    const RankedPoint& ranked = ranking[r];
    const sim::Summary& summary = metric_summary(summaries.at(ranked.point), objective.metric);
    std::vector<std::string> row = {std::to_string(r + 1)};
    const auto coordinates = grid_coordinates(axes, ranked.point);
    for (std::size_t a = 0; a < axes.size(); ++a)
      row.push_back(axes[a].values[coordinates[a]]);
    row.insert(row.end(), {format_for_table(summary.mean), interval_text(summary),
                           half_width_text(summary), std::to_string(summary.n)});
    if (versus_best) {
      row.push_back(r == 0               ? "best"
                    : ranked.versus_best ? format_difference_cell(*ranked.versus_best)
                                         : "n/a");
    }
    if (!constraints.empty()) row.push_back(joined(ranked.violated));
    rows.push_back(std::move(row));
  }
  print_columns(out, rows);
  if (shown < ranking.size()) {
    const std::size_t rest = ranking.size() - shown;
    out << "... and " << rest << " more point" << (rest == 1 ? "" : "s") << '\n';
  }
}

}  // namespace omnisim

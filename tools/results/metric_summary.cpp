// Summaries skip undefined replications rather than letting one NaN poison the mean.
#include "tools/results/metric_summary.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string_view>

#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

std::string format_for_table(double value) {
  if (!std::isfinite(value)) return "n/a";
  if (value == 0.0) value = 0.0;  // no "-0"
  std::array<char, 64> buffer{};
  char* const first = buffer.data();
  char* const last = buffer.data() + buffer.size();
  const double magnitude = std::fabs(value);
  const auto result = magnitude >= 100.0 && magnitude < 1e15
                          ? std::to_chars(first, last, value, std::chars_format::fixed, 2)
                          : std::to_chars(first, last, value, std::chars_format::general, 4);
  return std::string(first, result.ptr);
}

std::vector<MetricSummary> summarize_metrics(
    const std::vector<std::vector<retail::Metric>>& replications) {
  std::vector<MetricSummary> out;
  if (replications.empty()) return out;
  const auto& names = replications.front();
  for (std::size_t m = 0; m < names.size(); ++m) {
    std::vector<double> defined;
    defined.reserve(replications.size());
    for (const auto& metrics : replications) {
      if (metrics.size() != names.size() || metrics[m].id != names[m].id) {
        throw std::logic_error("replications report different metrics at '" +
                               std::string(retail::metric_key(names[m].id)) + "'");
      }
      if (std::isfinite(metrics[m].value)) defined.push_back(metrics[m].value);
    }
    MetricSummary entry{std::string(retail::metric_key(names[m].id)), {}};
    if (defined.empty()) {
      entry.summary = {0, kNaN, kNaN, kNaN, kNaN, kConfidence};
    } else {
      const Eigen::Map<const Eigen::VectorXd> samples(defined.data(),
                                                      static_cast<Eigen::Index>(defined.size()));
      entry.summary = sim::summarize(samples, kConfidence);
    }
    out.push_back(std::move(entry));
  }
  return out;
}

void print_metric_table(std::ostream& out, const std::vector<MetricSummary>& metrics,
                        std::size_t replications) {
  std::size_t name_width = std::string_view("metric").size();
  std::size_t mean_width = std::string_view("mean").size();
  for (const auto& metric : metrics) {
    name_width = std::max(name_width, metric.name.size());
    mean_width = std::max(mean_width, format_for_table(metric.summary.mean).size());
  }
  // Left-aligned in a column `width` wide plus two spaces of gutter.
  const auto cell = [&out](std::string_view text, std::size_t width) {
    out << text << std::string(width - text.size() + 2, ' ');
  };
  cell("metric", name_width);
  cell("mean", mean_width);
  out << "95% CI\n";
  for (const auto& metric : metrics) {
    const sim::Summary& s = metric.summary;
    cell(metric.name, name_width);
    cell(format_for_table(s.mean), mean_width);
    if (s.has_interval() && std::isfinite(s.ci_low) && std::isfinite(s.ci_high)) {
      out << '[' << format_for_table(s.ci_low) << ", " << format_for_table(s.ci_high) << ']';
    } else {
      out << "n/a";
    }
    if (s.n < replications) {
      out << "  (defined in " << std::to_string(s.n) << " of " << std::to_string(replications)
          << " replications)";
    }
    out << '\n';
  }
}

std::string format_difference_cell(const sim::Summary& difference) {
  if (difference.n == 0) return "n/a";
  const auto signed_text = [](double value) {
    const std::string text = format_for_table(value);
    return std::isfinite(value) && value > 0 ? "+" + text : text;
  };
  std::string cell = signed_text(difference.mean);
  if (difference.has_interval() && std::isfinite(difference.ci_low) &&
      std::isfinite(difference.ci_high)) {
    cell.append(" [").append(format_for_table(difference.ci_low)).append(", ");
    cell.append(format_for_table(difference.ci_high)).append("]");
  }
  return cell;
}

void print_columns(std::ostream& out, const std::vector<std::vector<std::string>>& table,
                   std::string_view indent) {
  // Cells hold names from the scenario and the command line: shown escaped, measured as shown.
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : table) {
    std::vector<std::string>& shown = rows.emplace_back();
    for (const std::string& cell : row)
      shown.push_back(terminal_text(cell));
  }
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t c = 0; c < row.size(); ++c)
      widths[c] = std::max(widths[c], row[c].size());
  }
  for (const auto& row : rows) {
    std::string line(indent);
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - row[c].size() + 2, ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  }
}

}  // namespace omnisim

// report.html as one self-contained page: sections of escaped HTML, Vega-Lite charts whose specs
// (data included) travel in one <script type="application/json">, the charting libraries inlined,
// and a script that draws every chart and records on <body> how many rendered and what failed
// (data-charts="rendered/expected", data-errors, data-warnings, data-done), for readers and tests.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "tools/report/assets.hpp"

namespace omnisim {

class ReportPage {
 public:
  // `title`: plain text (escaped here), the <title> and the <h1>.
  explicit ReportPage(std::string title);

  // A line under the title: HTML, already escaped by the caller.
  void set_subtitle_html(std::string html) { subtitle_html_ = std::move(html); }

  // A section with an <h2> `heading` (plain text, escaped here) and `body_html` (HTML, already
  // escaped by the caller, with the figures figure() returned); listed in the contents.
  void add_section(std::string id, std::string heading, std::string body_html);

  // A chart: registers the Vega-Lite `spec` and returns the <figure> to place in a section body,
  // headed by `title` and explained by `caption` (both plain text, escaped here).
  std::string figure(std::string_view title, std::string_view caption, nlohmann::json spec);

  std::size_t chart_count() const { return charts_.size(); }

  // The page; `footer_html` (HTML already escaped by the caller) says where the page came from,
  // and the footer goes on to name the inlined charting libraries.
  std::string render(std::string_view footer_html,
                     const std::vector<EmbeddedScript>& scripts) const;

 private:
  struct Section {
    std::string id;
    std::string heading;
    std::string body_html;
  };
  struct Chart {
    std::string id;
    nlohmann::json spec;
  };
  std::string title_;
  std::string subtitle_html_;
  std::vector<Section> sections_;
  std::vector<Chart> charts_;
};

}  // namespace omnisim

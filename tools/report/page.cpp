// Page assembly. Every piece of text that can come from a scenario passes through escape_html or
// json_for_script on its way in; the fixed markup, style and script below are ours.
#include "tools/report/page.hpp"

#include "tools/report/escape.hpp"

namespace omnisim {
namespace {

constexpr std::string_view kStyle = R"css(
:root { --ink: #1d2330; --muted: #5b6475; --rule: #d9dde5; --accent: #1f6fb2; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial,
  sans-serif; color: var(--ink); background: var(--bg); }
header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 32px; }
h1 { font-size: 28px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 21px; margin: 40px 0 8px; padding-top: 8px; border-top: 2px solid var(--rule); }
h3 { font-size: 16px; margin: 24px 0 6px; }
.subtitle, .note, figcaption { color: var(--muted); }
.story { max-width: 860px; white-space: pre-wrap; overflow-wrap: anywhere; }
nav ol { display: flex; flex-wrap: wrap; gap: 4px 20px; padding: 0; margin: 12px 0 0;
  list-style: none; }
nav a { color: var(--accent); text-decoration: none; }
table { border-collapse: collapse; margin: 8px 0 16px; background: #fff; font-size: 14px; }
th, td { border: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #eef1f5; font-weight: 600; }
code { unicode-bidi: isolate; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.better { color: #17663a; font-weight: 600; }
td.worse { color: #a12a1b; font-weight: 600; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 16px; }
.grid figure { margin: 0; min-width: 0; }
.chart { width: 100%; }
figure { margin: 12px 0; padding: 12px; background: #fff; border: 1px solid var(--rule);
  border-radius: 6px; overflow-x: auto; }
figure h3 { margin: 0 0 4px; }
figcaption { font-size: 13px; margin-top: 6px; }
.chart-error { color: #a12a1b; }
footer { padding-top: 24px; padding-bottom: 40px; color: var(--muted); font-size: 13px; }
@media print { body { background: #fff; } figure { break-inside: avoid; } }
)css";

// Runs before the libraries load, so their errors count too.
constexpr std::string_view kErrorHook = R"js(
window.omnisimErrors = [];
window.omnisimWarnings = [];
window.addEventListener('error', function (event) {
  window.omnisimErrors.push(String(event.message || event));
});
window.addEventListener('unhandledrejection', function (event) {
  window.omnisimErrors.push('unhandled rejection: ' + String(event.reason));
});
)js";

// Draws every chart; data-charts on <body> says how many rendered out of how many, data-errors
// and data-warnings how many errors and Vega warnings occurred, data-done that all finished.
constexpr std::string_view kDrawCharts = R"js(
(function () {
  var body = document.body;
  var errors = window.omnisimErrors;
  var warnings = window.omnisimWarnings;
  var charts = JSON.parse(document.getElementById('omnisim-charts').textContent);
  var rendered = 0;
  function text(args) { return Array.prototype.map.call(args, String).join(' '); }
  var level = 2;
  var logger = {
    level: function (value) { if (value === undefined) return level; level = value; return this; },
    error: function () { errors.push(text(arguments)); return this; },
    warn: function () { warnings.push(text(arguments)); return this; },
    info: function () { return this; },
    debug: function () { return this; }
  };
  function publish(done) {
    body.setAttribute('data-charts', rendered + '/' + charts.length);
    body.setAttribute('data-errors', String(errors.length));
    body.setAttribute('data-warnings', String(warnings.length));
    if (errors.length) body.setAttribute('data-error-messages', errors.join(' | '));
    if (warnings.length) body.setAttribute('data-warning-messages', warnings.join(' | '));
    if (done) body.setAttribute('data-done', 'true');
  }
  publish(false);
  if (typeof vegaEmbed !== 'function') {
    errors.push('the charting library did not load');
    publish(true);
    return;
  }
  Promise.all(charts.map(function (chart) {
    var element = document.getElementById(chart.id);
    var options = {
      mode: 'vega-lite', renderer: 'svg', logger: logger,
      actions: { export: true, source: false, compiled: false, editor: false }
    };
    return vegaEmbed(element, chart.spec, options).then(function () {
      if (!element.querySelector('svg.marks, canvas.marks')) throw new Error('nothing was drawn');
      rendered += 1;
    }).catch(function (error) {
      errors.push(chart.id + ': ' + error);
      var note = document.createElement('p');
      note.className = 'chart-error';
      note.textContent = 'This chart could not be drawn: ' + error;
      element.appendChild(note);
    });
  })).then(function () { publish(true); });
})();
)js";

}  // namespace

ReportPage::ReportPage(std::string title) : title_(std::move(title)) {}

void ReportPage::add_section(std::string id, std::string heading, std::string body_html) {
  sections_.push_back({std::move(id), std::move(heading), std::move(body_html)});
}

std::string ReportPage::figure(std::string_view title, std::string_view caption,
                               nlohmann::json spec) {
  std::string id = "chart-" + std::to_string(charts_.size() + 1);
  std::string html = "<figure><h3>" + escape_html(title) + "</h3><div class=\"chart\" id=\"" + id +
                     "\" role=\"img\" aria-label=\"" + escape_html(title) + "\"></div>";
  if (!caption.empty()) html += "<figcaption>" + escape_html(caption) + "</figcaption>";
  html += "</figure>\n";
  charts_.push_back({std::move(id), std::move(spec)});
  return html;
}

std::string ReportPage::render(std::string_view footer_html,
                               const std::vector<EmbeddedScript>& scripts) const {
  std::string html;
  std::size_t size = 64 * 1024;
  for (const EmbeddedScript& script : scripts)
    size += script.source.size();
  html.reserve(size);
  html +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"omnisim\">\n<title>";
  html += escape_html(title_);
  html += " - omnisim report</title>\n<style>";
  html += kStyle;
  html += "</style>\n<script>";
  html += kErrorHook;
  html += "</script>\n</head>\n<body>\n<header>\n<h1>";
  html += escape_html(title_);
  html += "</h1>\n";
  if (!subtitle_html_.empty()) html += "<p class=\"subtitle\">" + subtitle_html_ + "</p>\n";
  html += "<nav aria-label=\"Contents\"><ol>";
  for (const Section& section : sections_) {
    html += "<li><a href=\"#" + escape_html(section.id) + "\">" + escape_html(section.heading) +
            "</a></li>";
  }
  html += "</ol></nav>\n</header>\n<main>\n";
  for (const Section& section : sections_) {
    html += "<section id=\"" + escape_html(section.id) + "\">\n<h2>" +
            escape_html(section.heading) + "</h2>\n";
    html += section.body_html;
    html += "</section>\n";
  }
  std::string libraries;
  for (const EmbeddedScript& script : scripts)
    libraries += (libraries.empty() ? "" : ", ") + script.name + " " + script.version;
  html += "</main>\n<footer>";
  html += footer_html;
  html += " Charts drawn with " + escape_html(libraries) +
          ", inlined in this file: it opens without network access. Use the &hellip; menu of a "
          "chart to save it as SVG or PNG.";
  html += "</footer>\n";
  for (const EmbeddedScript& script : scripts) {
    html += "<script data-library=\"" + escape_html(script.name) + "\">";
    html += script.source;
    html += "</script>\n";
  }
  nlohmann::json charts = nlohmann::json::array();
  for (const Chart& chart : charts_)
    charts.push_back({{"id", chart.id}, {"spec", chart.spec}});
  html += "<script type=\"application/json\" id=\"omnisim-charts\">";
  html += json_for_script(charts);
  html += "</script>\n<script>";
  html += kDrawCharts;
  html += "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace omnisim

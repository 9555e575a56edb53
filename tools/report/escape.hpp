// Putting text that came from a scenario file (names, descriptions, owners, actions) into
// report.html so that it always renders as text, never as markup or script.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace omnisim {

// Text for an HTML text node or a quoted attribute value: & < > " ' as character references, and
// the bidirectional controls (U+202A-U+202E, U+2066-U+2069) spelled out as \u202E, so that no
// name reorders the text after it ("invoice\u202Egnp.exe" would show as "invoiceexe.png").
std::string escape_html(std::string_view text);

// escape_html(text) in a <bdi> element: for a name inside a sentence or list, so that a name in
// a right-to-left script keeps its own direction without reordering the punctuation around it.
std::string isolated_html(std::string_view text);

// `data` as JSON for a <script type="application/json"> element: every '<', '>' and '&' written
// as \u003c, \u003e and \u0026 (still the same JSON), so no "</script>" or "<!--" in the data can
// end or change the element; invalid UTF-8 becomes U+FFFD. Bidirectional controls in its strings
// (and keys) are spelled out as in escape_html, so chart labels cannot reorder either.
std::string json_for_script(const nlohmann::json& data);

}  // namespace omnisim

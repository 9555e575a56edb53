// Putting text that came from a scenario file (names, descriptions, owners, actions) into
// report.html so that it always renders as text, never as markup or script.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace omnisim {

// Text for an HTML text node or a quoted attribute value: & < > " ' as character references.
std::string escape_html(std::string_view text);

// `data` as JSON for a <script type="application/json"> element: every '<', '>' and '&' written
// as \u003c, \u003e and \u0026 (still the same JSON), so no "</script>" or "<!--" in the data can
// end or change the element; invalid UTF-8 becomes U+FFFD.
std::string json_for_script(const nlohmann::json& data);

}  // namespace omnisim

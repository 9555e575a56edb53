// Escaping by character replacement: the outputs are read by an HTML parser and JSON.parse, and
// both accept the replaced forms everywhere the original could appear.
#include "tools/report/escape.hpp"

#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

// `data` with with_visible_bidi_controls applied to every string and key in it.
nlohmann::json strings_with_visible_bidi_controls(const nlohmann::json& data) {
  if (data.is_string()) return with_visible_bidi_controls(data.get<std::string>());
  if (data.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const nlohmann::json& item : data)
      out.push_back(strings_with_visible_bidi_controls(item));
    return out;
  }
  if (data.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, value] : data.items())
      out[with_visible_bidi_controls(key)] = strings_with_visible_bidi_controls(value);
    return out;
  }
  return data;
}

}  // namespace

std::string escape_html(std::string_view raw) {
  const std::string text = with_visible_bidi_controls(raw);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string isolated_html(std::string_view text) {
  return "<bdi>" + escape_html(text) + "</bdi>";
}

std::string json_for_script(const nlohmann::json& data) {
  // Outside strings JSON has none of these characters, so replacing them is only ever inside a
  // string, where \uXXXX means the same character.
  const std::string json = strings_with_visible_bidi_controls(data).dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace omnisim

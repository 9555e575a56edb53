// A single pass over UTF-8 that copies what displays as itself and spells out the rest.
#include "tools/results/visible_text.hpp"

#include <cstdint>
#include <optional>

namespace omnisim {
namespace {

struct CodePoint {
  char32_t value;
  std::size_t length;  // in bytes
};

// The well-formed UTF-8 sequence at `at` (RFC 3629: no overlong forms, surrogates or values
// past U+10FFFF), or nothing when the byte there does not start one.
std::optional<CodePoint> decode(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  char32_t value = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (lead < 0x80) return CodePoint{lead, 1};
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return std::nullopt;
  }
  if (at + length > text.size()) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(i);
    if (next < (i == 1 ? low : 0x80) || next > (i == 1 ? high : 0xBF)) return std::nullopt;
    value = (value << 6) | (next & 0x3F);
  }
  return CodePoint{value, length};
}

void append_hex(std::string& out, std::uint32_t value, int digits) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
    out.push_back(kDigits[(value >> shift) & 0xF]);
}

void append_escape(std::string& out, char32_t code_point) {
  switch (code_point) {
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  if (code_point < 0x80) {
    out += "\\x";
    append_hex(out, code_point, 2);
  } else {
    out += "\\u";
    append_hex(out, code_point, 4);
  }
}

bool is_control(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

template <class Escaped>
std::string rewrite(std::string_view text, Escaped escaped, bool escape_bad_bytes) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const std::optional<CodePoint> c = decode(text, at);
    if (!c) {
      if (escape_bad_bytes) {
        out += "\\x";
        append_hex(out, static_cast<unsigned char>(text[at]), 2);
      } else {
        out.push_back(text[at]);
      }
      ++at;
      continue;
    }
    if (escaped(c->value))
      append_escape(out, c->value);
    else
      out.append(text, at, c->length);
    at += c->length;
  }
  return out;
}

}  // namespace

bool is_bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string terminal_text(std::string_view text) {
  return rewrite(
      text, [](char32_t c) { return is_control(c) || is_bidi_control(c); }, true);
}

std::string with_visible_bidi_controls(std::string_view text) {
  return rewrite(text, is_bidi_control, false);
}

}  // namespace omnisim

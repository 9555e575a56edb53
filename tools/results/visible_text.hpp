// Text from scenario files and the command line, shown to a person so that it cannot take over
// the display: a name may carry terminal escape sequences (colours, OSC 8 links, a new window
// title, a cleared screen) or bidirectional controls (U+202E shows "gnp.exe" as "exe.png").
#pragma once

#include <string>
#include <string_view>

namespace omnisim {

// The explicit bidirectional embeddings, overrides and isolates, U+202A to U+202E and U+2066 to
// U+2069: each reorders the text after it.
bool is_bidi_control(char32_t code_point);

// `text` for a terminal: every control character (C0 including line breaks and tabs, DEL, C1),
// every bidirectional control and every byte that is not part of well-formed UTF-8 written as a
// visible escape (\n, \t, \r, \x1B, \x7F, \u009B, \u202E, \xFF); the rest as it is. For names,
// paths and messages alike: omnisim's own messages are single lines.
std::string terminal_text(std::string_view text);

// `text` with each bidirectional control written as \uXXXX and everything else as it is: for
// the report, where line breaks in a description are wanted and other controls do nothing.
std::string with_visible_bidi_controls(std::string_view text);

}  // namespace omnisim

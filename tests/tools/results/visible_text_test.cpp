// Names shown on a terminal or in the report cannot take over the display: control characters,
// bidirectional controls and bytes that are not UTF-8 come out as visible escapes.
#include "tools/results/visible_text.hpp"

#include <gtest/gtest.h>

namespace {

using omnisim::terminal_text;
using omnisim::with_visible_bidi_controls;

TEST(TerminalText, LeavesPrintableTextAsItIs) {
  EXPECT_EQ(terminal_text(""), "");
  EXPECT_EQ(terminal_text("store-north-1 café 東京 \\ 'quoted' 🛒"),
            "store-north-1 café 東京 \\ 'quoted' 🛒");
}

TEST(TerminalText, SpellsOutEscapeSequencesAndC0Controls) {
  EXPECT_EQ(terminal_text("\x1b[31mred\x1b[0m"), "\\x1B[31mred\\x1B[0m");
  // OSC 0 (window title) ended by BEL, and OSC 8 (a hyperlink) ended by ESC backslash.
  EXPECT_EQ(terminal_text("\x1b]0;pwned\x07"), "\\x1B]0;pwned\\x07");
  EXPECT_EQ(terminal_text("\x1b]8;;http://x\x1b\\link"), "\\x1B]8;;http://x\\x1B\\link");
  EXPECT_EQ(terminal_text("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(terminal_text(std::string("nul\0byte", 8)), "nul\\x00byte");
  EXPECT_EQ(terminal_text("del\x7f"), "del\\x7F");
}

TEST(TerminalText, SpellsOutC1ControlsAndBidirectionalControls) {
  EXPECT_EQ(terminal_text("\xc2\x9b"
                          "31m"),
            "\\u009B31m");                          // CSI as one C1 character
  EXPECT_EQ(terminal_text("\xc2\x85"), "\\u0085");  // NEL
  EXPECT_EQ(terminal_text("invoice\u202Egnp.exe"), "invoice\\u202Egnp.exe");
  EXPECT_EQ(terminal_text("\u2066x\u2069 \u202A\u202B\u202C\u202D"),
            "\\u2066x\\u2069 \\u202A\\u202B\\u202C\\u202D");
  // Marks that only steer neutral characters, and the characters around the controls, stay.
  EXPECT_EQ(terminal_text("\u200F\u2029\u2065\u206A"), "\u200F\u2029\u2065\u206A");
}

TEST(TerminalText, SpellsOutBytesThatAreNotUtf8) {
  EXPECT_EQ(terminal_text("latin-1 caf\xe9"), "latin-1 caf\\xE9");
  EXPECT_EQ(terminal_text("\xc0\xaf"), "\\xC0\\xAF");           // an overlong '/'
  EXPECT_EQ(terminal_text("\xed\xa0\x80"), "\\xED\\xA0\\x80");  // a surrogate
  EXPECT_EQ(terminal_text("cut \xe2\x80"), "cut \\xE2\\x80");   // a truncated sequence
  EXPECT_EQ(terminal_text("\x80 alone"), "\\x80 alone");
}

TEST(VisibleBidiControls, SpellsOutOnlyTheBidirectionalControls) {
  EXPECT_EQ(with_visible_bidi_controls("report\u202Egnp.exe"), "report\\u202Egnp.exe");
  EXPECT_EQ(with_visible_bidi_controls("line one\nline two\t\x1b"), "line one\nline two\t\x1b");
  EXPECT_EQ(with_visible_bidi_controls("שלום 12, café"), "שלום 12, café");
  EXPECT_EQ(with_visible_bidi_controls("bad \xff byte"), "bad \xff byte");
}

}  // namespace

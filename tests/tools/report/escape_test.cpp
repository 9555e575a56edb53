// Text from a scenario file renders as text in report.html: HTML special characters become
// character references, and JSON embedded in <script> can never close or change the element.
#include "tools/report/escape.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using omnisim::escape_html;
using omnisim::isolated_html;
using omnisim::json_for_script;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(EscapeHtml, ReplacesEveryMarkupCharacter) {
  EXPECT_EQ(escape_html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(escape_html("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(escape_html("Tom & Jerry's"), "Tom &amp; Jerry&#39;s");
}

TEST(EscapeHtml, LeavesOtherTextAsItIs) {
  EXPECT_EQ(escape_html(""), "");
  EXPECT_EQ(escape_html("25 % off, 1.54x demand - café"), "25 % off, 1.54x demand - café");
}

TEST(EscapeHtml, EscapesAmpersandsOnceSoReferencesStayVisible) {
  EXPECT_EQ(escape_html("&lt;"), "&amp;lt;");
}

TEST(EscapeHtml, SpellsOutBidirectionalControlsSoNoNameReordersTheText) {
  EXPECT_EQ(escape_html("invoice\u202Egnp.exe"), "invoice\\u202Egnp.exe");
  EXPECT_EQ(escape_html("\u2067<b>\u2069"), "\\u2067&lt;b&gt;\\u2069");
  // Right-to-left text itself, and line breaks in a description, are text like any other.
  EXPECT_EQ(escape_html("שלום 12\nok"), "שלום 12\nok");
}

TEST(IsolatedHtml, IsEscapedTextInABdiElement) {
  EXPECT_EQ(isolated_html("<i>שלום</i>\u202E"), "<bdi>&lt;i&gt;שלום&lt;/i&gt;\\u202E</bdi>");
}

TEST(JsonForScript, SpellsOutBidirectionalControlsInStringsAndKeys) {
  const nlohmann::json data = {{"rule\u202Egnp.exe", {"owner\u2066x", 1.5}}};
  const nlohmann::json read_back = nlohmann::json::parse(json_for_script(data));
  EXPECT_EQ(read_back, nlohmann::json({{"rule\\u202Egnp.exe", {"owner\\u2066x", 1.5}}}));
}

TEST(JsonForScript, HasNoAngleBracketOrAmpersandAndReadsBackTheSame) {
  const nlohmann::json data = {
      {"name", "</script><script>alert(1)</script>"},
      {"note", "<!-- & -->"},
      {"values", {1.5, nullptr, "a\\<b"}},
  };
  const std::string text = json_for_script(data);
  EXPECT_EQ(text.find('<'), std::string::npos);
  EXPECT_EQ(text.find('>'), std::string::npos);
  EXPECT_EQ(text.find('&'), std::string::npos);
  EXPECT_THAT(text, HasSubstr("\\u003c/script\\u003e"));
  EXPECT_EQ(nlohmann::json::parse(text), data);
}

TEST(JsonForScript, ReplacesInvalidUtf8InsteadOfThrowing) {
  const nlohmann::json data = {{"name", std::string("bad \xff byte")}};
  const std::string text = json_for_script(data);
  EXPECT_THAT(text, HasSubstr("bad "));
  EXPECT_THAT(text, Not(HasSubstr("\xff")));
  EXPECT_TRUE(nlohmann::json::parse(text).is_object());
}

}  // namespace

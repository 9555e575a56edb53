// scenarios/README.md, the format guide, in step with the parser: its field index is the one
// generated here from the parser's formats (models/scenario/format.cpp) and where schema.json
// puts each object, and its prose names no field, kind or value the format does not have. What
// each field means, its unit, range and default are schema.json's descriptions.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/format.hpp"

namespace {

using nlohmann::json;
using retail::scenario::all_object_formats;
using retail::scenario::all_tagged_formats;
using retail::scenario::ObjectFormat;
using retail::scenario::TaggedFormat;

const std::string kReadme = OMNISIM_SOURCE_DIR "/scenarios/README.md";
constexpr std::string_view kIndexStart =
    "<!-- field index: generated from models/scenario/format.cpp and schema.json; "
    "tests/models/scenario/readme_test.cpp prints it when it is out of date -->\n";
constexpr std::string_view kIndexEnd = "<!-- end of field index -->\n";

// The README's names for the tagged objects that many fields take as their value.
const std::map<std::string, std::string> kValueShapes{{"distribution", "DIST"},
                                                      {"policy", "POLICY"}};

std::string read(const std::string& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

json schema() {
  return json::parse(read(OMNISIM_SOURCE_DIR "/scenarios/schema.json"));
}

// The $defs name a property refers to, directly or as its array's items, and whether by array.
std::optional<std::pair<std::string, bool>> referenced(const json& property) {
  const bool array = property.contains("items");
  const json& target = array ? property.at("items") : property;
  if (!target.contains("$ref")) return std::nullopt;
  const std::string ref = target.at("$ref");
  return std::pair{ref.substr(ref.rfind('/') + 1), array};
}

// Where objects appear in a document, as dotted paths: "[]" an array's elements, "*" any field
// of an object whose fields all hold one kind of object (channels, return reasons...).
struct Places {
  std::map<std::string, std::string> of_object;            // the first place the schema reaches it
  std::map<std::string, std::set<std::string>> of_tagged;  // every place, as oneOfs are shared
};

void visit(const json& defs, const std::string& name, const json& object, const std::string& path,
           Places& places);

// The objects an object's fields hold, with `path` the object's own place.
void visit_fields(const json& defs, const json& object, const std::string& path, Places& places) {
  const json& properties = object.at("properties");
  std::set<std::string> kinds;
  for (const auto& [field, property] : properties.items())
    kinds.insert(referenced(property) ? referenced(property)->first : "");
  const bool all_alike = properties.size() > 1 && kinds.size() == 1 && !kinds.contains("");
  for (const auto& [field, property] : properties.items()) {
    const auto ref = referenced(property);
    if (!ref) continue;
    const std::string child =
        (path.empty() ? "" : path + ".") + (all_alike ? "*" : field) + (ref->second ? "[]" : "");
    const json& target = defs.at(ref->first);
    if (!target.contains("oneOf")) {
      visit(defs, ref->first, target, child, places);
      continue;
    }
    places.of_tagged[ref->first].insert(child);
    // A value shape's kinds may hold tagged objects of their own (a forecast-driven POLICY's
    // forecast), placed under the shape's name wherever the shape is used.
    const auto shape = kValueShapes.find(ref->first);
    if (shape == kValueShapes.end()) continue;
    for (const json& variant : target.at("oneOf")) {
      if (const auto kind = referenced(variant))
        visit_fields(defs, defs.at(kind->first), shape->second, places);
    }
  }
}

void visit(const json& defs, const std::string& name, const json& object, const std::string& path,
           Places& places) {
  if (places.of_object.emplace(name, path).second) visit_fields(defs, object, path, places);
}

Places places(const json& root) {
  Places out;
  visit(root.at("$defs"), "scenario", root, "", out);
  return out;
}

std::string code(std::string_view text) {
  std::string out = "`";
  out.append(text).push_back('`');
  return out;
}

// Where a format's objects are, as the index shows it.
std::string place_of(const ObjectFormat& format, const Places& places) {
  if (format.name == "scenario") return "(the document)";
  if (const auto it = places.of_object.find(std::string(format.name)); it != places.of_object.end())
    return code(it->second);
  for (const TaggedFormat* tagged : all_tagged_formats())
    for (std::size_t k = 0; k < tagged->kinds.size(); ++k) {
      if (tagged->formats[k] != &format) continue;
      const std::set<std::string>& at = places.of_tagged.at(std::string(tagged->name));
      const std::string where =
          at.size() == 1 ? code(*at.begin()) : kValueShapes.at(std::string(tagged->name));
      return where + " with " +
             code(json(tagged->tag).dump() + ": " + json(tagged->kinds[k]).dump());
    }
  ADD_FAILURE() << format.name << " is nowhere in schema.json";
  return "?";
}

std::string field_index() {
  const Places at = places(schema());
  // Blank lines around the table, so Markdown takes neither marker for a part of it.
  std::string out = "\n| where | object in schema.json | fields |\n|-------|--------|--------|\n";
  for (const ObjectFormat* format : all_object_formats()) {
    std::string fields;
    for (const std::string_view field : format->fields)
      fields += (fields.empty() ? "" : ", ") + code(field);
    out += "| " + place_of(*format, at) + " | " + code(format->name) + " | " + fields + " |\n";
  }
  return out + "\n";
}

TEST(ScenarioReadme, FieldIndexIsTheParsersFormats) {
  const std::string readme = read(kReadme);
  const std::size_t start = readme.find(kIndexStart);
  const std::size_t end = readme.find(kIndexEnd);
  ASSERT_NE(start, std::string::npos) << "scenarios/README.md has no line " << kIndexStart;
  ASSERT_NE(end, std::string::npos) << "scenarios/README.md has no line " << kIndexEnd;
  const std::string expected = field_index();
  // Not EXPECT_EQ: the block is long, and printed once is enough.
  EXPECT_TRUE(readme.substr(start + kIndexStart.size(), end - start - kIndexStart.size()) ==
              expected)
      << "scenarios/README.md's field index is out of date; between its markers it should read:\n"
      << expected;
}

// Every word the format knows: the fields, the kinds of tagged objects and the values of
// enumerations and constants in schema.json (channels, metrics, comparators...).
std::set<std::string> known_words(const json& schema_part) {
  std::set<std::string> words;
  if (schema_part.is_object()) {
    if (const auto e = schema_part.find("enum"); e != schema_part.end())
      for (const json& value : *e)
        if (value.is_string()) words.insert(value.get<std::string>());
    if (const auto c = schema_part.find("const"); c != schema_part.end() && c->is_string())
      words.insert(c->get<std::string>());
  }
  if (schema_part.is_structured())
    for (const json& child : schema_part) {
      const std::set<std::string> below = known_words(child);
      words.insert(below.begin(), below.end());
    }
  return words;
}

// "lines[].sku" as the index writes it: "lines.sku".
std::string without_brackets(std::string path) {
  for (std::size_t at = path.find("[]"); at != std::string::npos; at = path.find("[]"))
    path.erase(at, 2);
  return path;
}

// A lower-case identifier: [a-z][a-z0-9_]*.
bool is_identifier(std::string_view text) {
  return !text.empty() && text.front() >= 'a' && text.front() <= 'z' &&
         std::ranges::all_of(text, [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

// A bare word, possibly quoted ("\"half_life\"" names half_life); empty when `text` is not one.
std::string bare_word(std::string_view text) {
  if (text.starts_with('"')) text.remove_prefix(1);
  if (text.ends_with('"')) text.remove_suffix(1);
  return is_identifier(text) ? std::string(text) : std::string();
}

// Two or more identifiers or "*" joined by dots ("returns.reasons.*.share").
bool is_dotted_path(std::string_view text) {
  int segments = 0;
  for (std::size_t start = 0;; ++segments) {
    const std::size_t dot = std::min(text.find('.', start), text.size());
    const std::string_view segment = text.substr(start, dot - start);
    if (segment != "*" && !is_identifier(segment)) return false;
    if (dot == text.size()) return segments + 1 >= 2;
    start = dot + 1;
  }
}

// The contents of a line's code spans, `like this`.
std::vector<std::string> code_spans(const std::string& line) {
  std::vector<std::string> spans;
  for (std::size_t open = line.find('`'); open != std::string::npos;) {
    const std::size_t close = line.find('`', open + 1);
    if (close == std::string::npos) break;
    if (close > open + 1) spans.push_back(line.substr(open + 1, close - open - 1));
    open = line.find('`', close + 1);
  }
  return spans;
}

// The dotted paths of every field in a document, as in the index ("returns.reasons.*.share").
std::vector<std::string> field_paths(const Places& at) {
  std::vector<std::string> paths;
  for (const ObjectFormat* format : all_object_formats()) {
    const auto it = at.of_object.find(std::string(format->name));
    const std::string prefix =
        it == at.of_object.end() || it->second.empty() ? "" : it->second + ".";
    for (const std::string_view field : format->fields)
      paths.push_back(without_brackets(prefix + std::string(field)));
  }
  return paths;
}

// `path` is the tail of a field's path, segment by segment ("review.day" of
// "control_tower.review.day"; "*" matches only "*").
bool is_field_path(const std::string& path, const std::vector<std::string>& paths) {
  return std::ranges::any_of(paths, [&](const std::string& full) {
    return full == path || (full.size() > path.size() && full.ends_with(path) &&
                            full[full.size() - path.size() - 1] == '.');
  });
}

// The prose's code spans that name something of the format: a bare lower-case word (a field, a
// kind, a value, possibly quoted) or a dotted path of them; code such as `--set` or
// `{"distribution": ...}` is not checked.
TEST(ScenarioReadme, ProseNamesOnlyWhatTheFormatHas) {
  const json root = schema();
  const Places at = places(root);
  std::set<std::string> words = known_words(root);
  words.insert({"true", "false", "null"});
  for (const ObjectFormat* format : all_object_formats())
    words.insert(format->fields.begin(), format->fields.end());
  const std::vector<std::string> paths = field_paths(at);
  std::istringstream readme(read(kReadme));
  std::string line;
  bool in_block = false;
  for (int number = 1; std::getline(readme, line); ++number) {
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    if (line.compare(indent, 3, "```") == 0 || line + "\n" == kIndexStart ||
        line + "\n" == kIndexEnd)
      in_block = !in_block;
    if (in_block) continue;
    for (const std::string& text : code_spans(line)) {
      if (const std::string word = bare_word(text); !word.empty()) {
        EXPECT_TRUE(words.contains(word)) << "scenarios/README.md:" << number << ": " << code(text)
                                          << " is no field, kind or value of the scenario format";
      } else if (is_dotted_path(text) && !text.ends_with(".json")) {
        EXPECT_TRUE(is_field_path(text, paths))
            << "scenarios/README.md:" << number << ": " << code(text)
            << " is not the path of a field of the scenario format";
      }
    }
  }
}

}  // namespace

// Scenario documents: reading files, resolving extends (JSON merge patches over a base file),
// applying --set overrides, and load_scenario, which ties them to parse_scenario.
#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <set>

#include "models/scenario/fields.hpp"
#include "models/scenario/loader.hpp"

namespace retail {

namespace fs = std::filesystem;
using scenario::Json;
using scenario::Pointer;

namespace {

std::string prefix(std::string_view source) {
  return source.empty() ? std::string() : std::string(source) + ": ";
}

// "line L, column C" of the byte nlohmann stopped at; columns count UTF-8 characters.
std::string position(std::string_view text, std::size_t byte) {
  const std::size_t offset = std::min(byte == 0 ? 0 : byte - 1, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const auto line = 1 + std::ranges::count(before, '\n');
  const auto column = 1 + std::ranges::count_if(before.substr(line_start), [](char c) {
                        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                      });
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// nlohmann's message without its "[json.exception...] " tag and "parse error at ...: " preamble.
std::string reason(const Json::exception& e) {
  const std::string_view what = e.what();
  const std::size_t start = what.find("parse error");
  if (start != std::string_view::npos) {
    const std::size_t colon = what.find(": ", start);
    if (colon != std::string_view::npos) return std::string(what.substr(colon + 2));
  }
  const std::size_t tag_end = what.find("] ");
  return std::string(tag_end == std::string_view::npos ? what : what.substr(tag_end + 2));
}

// A scenario nests about six levels. Far deeper input is refused while it is checked: nlohmann's
// dump, comparison and merge_patch recurse, so depth would cost stack.
constexpr std::size_t kMaxDepth = 64;

std::string too_deep() {
  return "nesting deeper than " + std::to_string(kMaxDepth) +
         " levels (a scenario needs about six)";
}

// A pass over the text that builds nothing and throws a ScenarioError at the first malformed
// JSON (with line and column, number overflow included), repeated key (which JSON parsers
// silently resolve to the last one) or nesting beyond kMaxDepth. It runs before the document is
// built because nlohmann's parser with a callback takes time quadratic in an array's length.
class DocumentCheck final : public nlohmann::json_sax<Json> {
 public:
  DocumentCheck(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  bool null() override { return element_done(); }
  bool boolean(bool) override { return element_done(); }
  bool number_integer(number_integer_t) override { return element_done(); }
  bool number_unsigned(number_unsigned_t) override { return element_done(); }
  bool number_float(number_float_t, const string_t&) override { return element_done(); }
  bool string(string_t&) override { return element_done(); }
  bool binary(binary_t&) override { return element_done(); }
  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& key) override {
    Frame& frame = frames_.back();
    frame.key = key;
    if (!frame.keys.insert(key).second)
      throw ScenarioError(prefix(source_) + scenario::where(frame.path / key) +
                          ": duplicate key (an object may give each field only once)");
    return true;
  }
  bool parse_error(std::size_t byte, const std::string&, const Json::exception& e) override {
    throw ScenarioError(prefix(source_) + position(text_, byte) + ": malformed JSON: " + reason(e));
  }

 private:
  struct Frame {
    Pointer path;
    bool array;
    std::size_t index;
    std::set<std::string> keys;
    std::string key;
  };
  bool open(bool array) {
    if (frames_.size() >= kMaxDepth)
      throw ScenarioError(prefix(source_) + scenario::where(child_path()) + ": " + too_deep());
    frames_.push_back({child_path(), array, 0, {}, {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return element_done();
  }
  Pointer child_path() const {
    if (frames_.empty()) return Pointer();
    const Frame& parent = frames_.back();
    return parent.array ? parent.path / parent.index : parent.path / parent.key;
  }
  bool element_done() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }
  std::string_view text_;
  std::string_view source_;
  std::vector<Frame> frames_;
};

Json read_file(const fs::path& file, const fs::path* extended_by) {
  const std::string context =
      extended_by ? " (extended by " + extended_by->string() + ")" : std::string();
  std::error_code error;
  if (!fs::is_regular_file(file, error))
    throw ScenarioError(file.string() + ": " +
                        (fs::exists(file, error) ? "not a regular file" : "no such file") +
                        context);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ScenarioError(file.string() + ": cannot be opened" + context);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw ScenarioError(file.string() + ": cannot be read" + context);
  return parse_scenario_text(text, file.string());
}

// The path that identifies a file for cycle detection, whatever way it was spelled.
fs::path identity(const fs::path& file) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(file, error);
  return error ? file.lexically_normal() : canonical;
}

Json resolve_extends(const fs::path& file, std::vector<fs::path>& chain) {
  chain.push_back(identity(file));
  Json document = read_file(file, chain.size() > 1 ? &chain[chain.size() - 2] : nullptr);
  if (document.is_object() && document.contains("extends")) {
    const Json& extends = document["extends"];
    const std::string where = file.string() + ": /extends: ";
    if (!extends.is_string() || extends.get<std::string>().empty())
      throw ScenarioError(where + scenario::show(extends) +
                          " is not a file path (expected a path relative to this file, such "
                          "as \"base.json\")");
    const fs::path base = file.parent_path() / extends.get<std::string>();
    if (std::ranges::find(chain, identity(base)) != chain.end()) {
      std::string cycle;
      for (const fs::path& link : chain)
        cycle += link.filename().string() + " extends ";
      throw ScenarioError(where + scenario::show(extends) + " makes a cycle (" + cycle +
                          base.filename().string() + ")");
    }
    Json merged = resolve_extends(base, chain);
    document.erase("extends");
    merged.merge_patch(document);
    document = std::move(merged);
  }
  chain.pop_back();
  return document;
}

[[noreturn]] void fail_override(std::string_view assignment, const std::string& problem) {
  throw ScenarioError("--set " + scenario::show(std::string(assignment)) + ": " + problem);
}

// The path of an override as tokens: a JSON pointer, or dotted segments.
std::vector<std::string> path_tokens(std::string_view assignment, std::string_view path) {
  const auto fail = [&](const std::string& problem) { fail_override(assignment, problem); };
  std::vector<std::string> tokens;
  if (path.front() == '/') {
    Pointer pointer;
    try {
      pointer = Pointer(std::string(path));
    } catch (const Json::exception& e) {
      fail("the path is not a valid JSON pointer (" + std::string(e.what()) + ")");
    }
    for (; !pointer.empty(); pointer.pop_back())
      tokens.insert(tokens.begin(), pointer.back());
    return tokens;
  }
  for (std::size_t start = 0;;) {
    const std::size_t dot = path.find('.', start);
    const std::string_view segment = path.substr(start, dot - start);
    if (segment.empty())
      fail(
          "the dotted path has an empty segment (to name keys containing dots, use a JSON "
          "pointer such as /a.b/c)");
    tokens.emplace_back(segment);
    if (dot == std::string_view::npos) return tokens;
    start = dot + 1;
  }
}

// The elements of `array` whose "name" is a string, with their names.
std::vector<std::pair<std::size_t, std::string>> named_elements(const Json& array) {
  std::vector<std::pair<std::size_t, std::string>> named;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const auto it = array[i].is_object() ? array[i].find("name") : array[i].end();
    if (it != array[i].end() && it->is_string()) named.emplace_back(i, it->get<std::string>());
  }
  return named;
}

// The element of `array` that a path token names: an index, or the value of its "name". In a
// JSON pointer (`by_index`) digits are an index, as RFC 6901 says; in a dotted path digits that
// are both a valid index and another element's name are ambiguous, and refused.
std::size_t element_index(const Json& array, const std::string& token, const Pointer& at,
                          std::string_view assignment, bool by_index) {
  const auto fail = [&](const std::string& problem) { fail_override(assignment, problem); };
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
  const bool digits = error == std::errc() && end == token.data() + token.size();
  const auto named = named_elements(array);
  const auto by_name =
      std::ranges::find_if(named, [&](const auto& e) { return e.second == token; });
  if (digits && (by_index || by_name == named.end())) {
    if (index >= array.size())
      fail(scenario::where(at) + ": no element " + token + " (the array has " +
           std::to_string(array.size()) + " elements)");
    return index;
  }
  if (by_name != named.end()) {
    if (digits && index < array.size() && index != by_name->first)
      fail(scenario::where(at) + ": \"" + token + "\" is ambiguous: element " +
           std::to_string(index) + " by index, or element " + std::to_string(by_name->first) +
           " by its name \"" + token + "\" (a JSON pointer addresses by index only: " +
           scenario::where(at / index) + " or " + scenario::where(at / by_name->first) + ")");
    return by_name->first;
  }
  std::vector<std::string> names;
  for (const auto& [i, element_name] : named)
    names.push_back(element_name);
  fail_override(assignment, scenario::where(at) + ": no element named \"" + token +
                                "\" (names: " + scenario::list_names(names) + ")");
}

}  // namespace

Json parse_scenario_text(std::string_view text, std::string_view source) {
  DocumentCheck check(text, source);
  Json::sax_parse(text, &check);
  return Json::parse(text);
}

void apply_override(Json& document, std::string_view assignment) {
  const auto fail = [&](const std::string& problem) { fail_override(assignment, problem); };
  const std::size_t equals = assignment.find('=');
  if (equals == std::string_view::npos || equals == 0)
    fail("expected path=value, such as network.dcs.0.pickers=6");
  const std::vector<std::string> tokens = path_tokens(assignment, assignment.substr(0, equals));
  // A JSON pointer names array elements by index; a dotted path by index or name.
  const bool by_index = assignment.front() == '/';
  if (tokens.size() > kMaxDepth) fail("the path has " + too_deep());
  const std::string value_text(assignment.substr(equals + 1));
  Json value;
  try {
    value = Json::parse(value_text, [&](int depth, Json::parse_event_t event, const Json&) {
      const bool opens =
          event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start;
      if (opens && static_cast<std::size_t>(depth) >= kMaxDepth)
        fail("the value has " + too_deep());
      return true;
    });
  } catch (const Json::exception&) {
    value = value_text;  // not JSON: a bare word such as a name
  }
  try {
    static_cast<void>(value.dump());
  } catch (const Json::type_error&) {
    fail("the value is not valid UTF-8");
  }

  Json* node = &document;
  Pointer at;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    const bool last = i + 1 == tokens.size();
    if (node->is_object() || node->is_null()) {
      // Deleting what is not there leaves the document as it was (creating no parents for it).
      if (value.is_null() && !(node->is_object() && node->contains(token))) return;
      if (last && value.is_null()) {
        node->erase(token);
        return;
      }
      // Missing intermediate objects are created; validation then judges the result.
      node = &(*node)[token];
      at /= token;
    } else if (node->is_array()) {
      const std::size_t index = element_index(*node, token, at, assignment, by_index);
      node = &(*node)[index];
      at /= index;
    } else {
      fail(scenario::where(at) + ": " + scenario::show(*node) +
           " has no fields (set the whole value instead)");
    }
  }
  *node = std::move(value);
}

LoadedScenario load_scenario(const fs::path& file, const std::vector<std::string>& overrides) {
  std::vector<fs::path> chain;
  Json document = resolve_extends(file, chain);
  for (const std::string& assignment : overrides)
    apply_override(document, assignment);
  try {
    Scenario scenario = parse_scenario(document);
    return {std::move(scenario), std::move(document)};
  } catch (const ScenarioError& e) {
    throw ScenarioError(file.string() + ": " + e.what());
  }
}

}  // namespace retail

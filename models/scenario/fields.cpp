// The scenario field reader: type and range checks, unknown fields, names, and error wording.
#include "models/scenario/fields.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "models/scenario/loader.hpp"

namespace retail::scenario {

namespace {

constexpr std::size_t kShownValueBytes = 60;
constexpr std::size_t kShownPointerBytes = 200;
constexpr std::size_t kListedNames = 5;
constexpr std::size_t kLongestName = 200;

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

std::string json_quoted(std::string_view word) {
  return Json(std::string(word)).dump();
}

// `text` cut to at most `bytes` bytes with "..." when longer, so a huge value or key in the
// input cannot make a huge message.
std::string shortened(std::string text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t cut = bytes - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // not inside a UTF-8 sequence
  return text.substr(0, cut) + "...";
}

}  // namespace

std::string where(const Pointer& path) {
  return path.empty() ? "(root)" : shortened(path.to_string(), kShownPointerBytes);
}

std::string show(const Json& value) {
  // replace: a value that reached us with bad UTF-8 must still be reportable.
  return shortened(value.dump(-1, ' ', false, Json::error_handler_t::replace), kShownValueBytes);
}

std::string show_number(double value) {
  char buffer[64];
  const bool integral = std::trunc(value) == value && std::abs(value) < 1e15;
  const auto end =
      integral ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value)).ptr
               : std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

std::string list_names(std::span<const std::string> names) {
  std::string out;
  for (std::size_t i = 0; i < std::min(names.size(), kListedNames); ++i)
    out += (i ? ", " : "") + names[i];
  if (names.size() > kListedNames) out += ", ... (" + std::to_string(names.size()) + " in all)";
  return out;
}

std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;
  for (const std::string_view candidate : candidates) {
    // The distance is at least the difference in length; skipping those spares a huge key the
    // quadratic comparison.
    if (std::max(word.size(), candidate.size()) - std::min(word.size(), candidate.size()) >=
        best_distance)
      continue;
    const std::size_t d = edit_distance(word, candidate);
    // Short words are within 2 edits of too much to make the hint useful.
    if (d < best_distance && d < word.size() && d < candidate.size()) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

void fail_at(const Pointer& path, std::string_view message) {
  throw ScenarioError(where(path) + ": " + std::string(message));
}

void Node::reject(std::string_view problem) const {
  fail_at(path_, show(*value_) + " " + std::string(problem));
}

Object Node::object(const ObjectFormat& format) const {
  return Object(*this, format);
}

Elements Node::array(std::size_t min_size, std::size_t max_size, std::string_view items) const {
  const std::string limits =
      "an array of " +
      (min_size == max_size ? "exactly " + std::to_string(min_size)
                            : std::to_string(min_size) + " to " + std::to_string(max_size)) +
      " " + std::string(items);
  if (!value_->is_array()) reject("is not an array (expected " + limits + ")");
  if (value_->size() < min_size) reject("has too few elements (expected " + limits + ")");
  if (value_->size() > max_size)
    fail_at(path_, "has " + std::to_string(value_->size()) + " elements: at most " +
                       std::to_string(max_size) + " " + std::string(items) + " are supported");
  return Elements(*this);
}

Object::Object(const Node& node, const ObjectFormat& format) : node_(node), format_(&format) {
  const Json& value = node.json();
  if (!value.is_object())
    node.reject("is not an object (expected an object with fields " +
                list_names(std::vector<std::string>(format.fields.begin(), format.fields.end())) +
                ")");
  for (const auto& [key, member] : value.items()) {
    if (std::ranges::find(format.fields, key) != format.fields.end()) continue;
    std::string message = "unknown field " + show(Json(key));
    if (const auto hint = closest_match(key, format.fields))
      message += " (did you mean " + json_quoted(*hint) + "?)";
    else {
      message += " (fields here:";
      for (std::size_t i = 0; i < format.fields.size(); ++i)
        message += (i ? ", " : " ") + std::string(format.fields[i]);
      message += ")";
    }
    fail_at(node.path() / key, message);
  }
}

void Object::check_declared(std::string_view field) const {
  // A parser bug, not bad input: every field read must be documented in the format.
  if (std::ranges::find(format_->fields, field) == format_->fields.end())
    throw std::logic_error("scenario parser reads undeclared field " + std::string(field) + " of " +
                           std::string(format_->name));
}

std::optional<Node> Object::find(std::string_view field) const {
  check_declared(field);
  const std::string key(field);
  const auto it = node_.json().find(key);
  if (it == node_.json().end()) return std::nullopt;
  return Node(*it, node_.path() / key);
}

Node Object::at(std::string_view field, std::string_view expected) const {
  std::optional<Node> node = find(field);
  if (!node)
    fail_at(node_.path() / std::string(field),
            "missing required field (expected " + std::string(expected) + ")");
  return *node;
}

Object Object::object(std::string_view field, const ObjectFormat& format) const {
  return at(field, "an object").object(format);
}

Object Object::optional_object(std::string_view field, const ObjectFormat& format) const {
  static const Json kEmpty = Json::object();
  const std::optional<Node> node = find(field);
  return (node ? *node : Node(kEmpty, path() / std::string(field))).object(format);
}

double Number::operator()(const Node& node) const {
  const Json& v = node.json();
  // nlohmann never parses NaN or infinity, but overrides and callers may build them.
  if (!v.is_number() || !std::isfinite(v.get<double>()))
    node.reject("is not a number (expected " + expected() + ")");
  const double x = v.get<double>();
  if (x < min || (min_exclusive && x == min) || x > max || (max_exclusive && x == max))
    node.reject("is out of range (expected " + expected() + ")");
  return x;
}

std::string Number::expected() const {
  const std::string low = show_number(min);
  if (max == kLargestNumber && !max_exclusive)
    return "a number " + std::string(min_exclusive ? "> " : ">= ") + low + " and at most " +
           show_number(max);
  if (!min_exclusive && !max_exclusive)
    return "a number between " + low + " and " + show_number(max);
  return "a number " + std::string(min_exclusive ? "> " : ">= ") + low + " and " +
         (max_exclusive ? "< " : "<= ") + show_number(max);
}

double Probability::operator()(const Node& node) const {
  const Json& v = node.json();
  if (!v.is_number() || !(v.get<double>() >= 0 && v.get<double>() <= 1))
    node.reject("is not a probability (expected a number between 0 and 1)");
  return v.get<double>();
}

Cents Money::operator()(const Node& node) const {
  const Json& v = node.json();
  if (!v.is_number() || !std::isfinite(v.get<double>()))
    node.reject("is not an amount of money (expected " + expected() + ")");
  const double amount = v.get<double>();
  if (amount < 0 || (positive && amount == 0) || amount > kLargestNumber)
    node.reject("is out of range (expected " + expected() + ")");
  const auto cents = static_cast<Cents>(std::llround(amount * 100));
  // A positive amount is a divisor somewhere (a list price, a half-saturation spend): it must
  // not round to nothing.
  if (positive && cents == 0) node.reject("rounds to 0 cents (expected " + expected() + ")");
  return cents;
}

std::string Money::expected() const {
  return "an amount of money " + std::string(positive ? "> 0" : ">= 0") + " and at most " +
         show_number(kLargestNumber) + ", in currency units such as 49.99";
}

bool Boolean::operator()(const Node& node) const {
  if (!node.json().is_boolean()) node.reject("is not a boolean (expected true or false)");
  return node.json().get<bool>();
}

std::string Text::operator()(const Node& node) const {
  const Json& v = node.json();
  if (!v.is_string()) node.reject("is not a string (expected " + expected() + ")");
  std::string s = v.get<std::string>();
  if (name && (s.empty() || s.size() > kLongestName))
    node.reject("is not a valid name (expected a non-empty string of at most " +
                std::to_string(kLongestName) + " bytes)");
  return s;
}

std::string integer_expected(long double min, long double max) {
  const auto show_integer = [](long double v) {
    return v < 0 ? std::to_string(static_cast<long long>(v))
                 : std::to_string(static_cast<unsigned long long>(v));
  };
  return "an integer between " + show_integer(min) + " and " + show_integer(max);
}

void reject_integer(const Node& node, long double min, long double max) {
  const Json& v = node.json();
  const bool integral_float = v.is_number_float() && std::trunc(v.get<double>()) == v.get<double>();
  const std::string range = integer_expected(min, max);
  const auto value = integral_float ? static_cast<long double>(v.get<double>()) : 0;
  if (integral_float && !is_exact_integer_float(v) && value >= min && value <= max) {
    node.reject(
        "is not an exact integer: beyond 2^53, a number with a fraction or an exponent "
        "is rounded (expected " +
        range + ", written in digits only)");
  }
  node.reject(std::string(v.is_number_integer() || integral_float ? "is out of range"
                                                                  : "is not an integer") +
              " (expected " + range + ")");
}

bool is_exact_integer_float(const Json& v) {
  constexpr double kLargestExactInteger = 9007199254740992.0;  // 2^53
  if (!v.is_number_float()) return false;
  const double x = v.get<double>();
  return std::trunc(x) == x && std::fabs(x) <= kLargestExactInteger;
}

std::size_t choose(const Node& node, std::span<const std::string_view> options,
                   std::string_view noun) {
  const Json& v = node.json();
  if (v.is_string()) {
    const auto word = v.get<std::string>();
    const auto it = std::ranges::find(options, word);
    if (it != options.end()) return static_cast<std::size_t>(it - options.begin());
  }
  node.reject("is not " + std::string(noun) + " (expected " + choice_expected(options) + ")");
}

std::string choice_expected(std::span<const std::string_view> options) {
  std::string out = "one of";
  for (std::size_t i = 0; i < options.size(); ++i)
    out += (i ? ", " : " ") + json_quoted(options[i]);
  return out;
}

std::string NameTable::add(const Object& object) {
  return add(object.at("name", name.expected()), object.path());
}

std::string NameTable::add(const Node& node, const Pointer& owner) {
  std::string text = name(node);
  if (const auto existing = where_defined(text))
    node.reject("is a duplicate " + noun_ + " name (already the name of " + where(*existing) + ")");
  ids_.emplace(text, static_cast<std::uint32_t>(names_.size()));
  names_.push_back(text);
  paths_.push_back(owner);
  return text;
}

std::uint32_t NameTable::resolve(const Node& reference) const {
  const std::string text = Text{}(reference);
  if (const auto id = find(text)) return *id;
  std::string hint;
  std::vector<std::string_view> candidates(names_.begin(), names_.end());
  if (const auto close = closest_match(text, candidates))
    hint = "did you mean " + json_quoted(*close) + "? ";
  // "an ad program name", "a zone name".
  const bool vowel =
      !noun_.empty() && std::string_view("aeiou").find(noun_[0]) != std::string_view::npos;
  reference.reject("is not " + std::string(vowel ? "an " : "a ") + noun_ + " name (" + hint +
                   plural_ + ": " + list_names(names_) + ")");
}

std::optional<std::uint32_t> NameTable::find(std::string_view name) const {
  const auto it = ids_.find(std::string(name));
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

std::optional<Pointer> NameTable::where_defined(std::string_view name) const {
  const auto id = find(name);
  if (!id) return std::nullopt;
  return paths_[*id];
}

}  // namespace retail::scenario

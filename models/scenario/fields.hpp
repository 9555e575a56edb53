// Reading a scenario document field by field: required and optional fields with defaults, type
// and range checks, unknown-field rejection and name references, each failure a ScenarioError
// naming the JSON pointer, the bad value and what was expected.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "models/scenario/format.hpp"
#include "models/scenario/scenario.hpp"

namespace retail::scenario {

using Json = nlohmann::json;
using Pointer = Json::json_pointer;

// Numbers beyond this are typos or overflow attempts, not retail quantities.
inline constexpr double kLargestNumber = 1e9;

// The pointer as errors show it ("(root)" for the whole document).
std::string where(const Pointer& path);
// The value as errors show it: compact JSON, shortened when long.
std::string show(const Json& value);
// A number as errors show it: integers without a fraction or exponent.
std::string show_number(double value);
// "a, b, c" for the first few of `names`, with a count when there are more.
std::string list_names(std::span<const std::string> names);
// The candidate within edit distance 2 of `word`, if any (for "did you mean" hints).
std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates);

[[noreturn]] void fail_at(const Pointer& path, std::string_view message);

class Object;
class Elements;

// A value in the document and where it is, so every error can say both.
class Node {
 public:
  Node(const Json& value, Pointer path) : value_(&value), path_(std::move(path)) {}
  const Json& json() const { return *value_; }
  const Pointer& path() const { return path_; }

  // Throws "<pointer>: <value> <problem>".
  [[noreturn]] void reject(std::string_view problem) const;
  // An object whose fields must all be in `format`.
  Object object(const ObjectFormat& format) const;
  // The elements of an array of min_size..max_size `items` (a plural noun for messages).
  Elements array(std::size_t min_size, std::size_t max_size, std::string_view items) const;

 private:
  const Json* value_;
  Pointer path_;
};

// An array's elements as Nodes, made one at a time: arrays may hold a million SKUs.
class Elements {
 public:
  class iterator {
   public:
    iterator(const Node& array, std::size_t index) : array_(&array), index_(index) {}
    Node operator*() const { return Node(array_->json()[index_], array_->path() / index_); }
    iterator& operator++() {
      ++index_;
      return *this;
    }
    bool operator==(const iterator& other) const { return index_ == other.index_; }

   private:
    const Node* array_;
    std::size_t index_;
  };
  explicit Elements(Node array) : array_(std::move(array)) {}
  iterator begin() const { return {array_, 0}; }
  iterator end() const { return {array_, array_.json().size()}; }

 private:
  Node array_;
};

class Object {
 public:
  // Rejects non-objects and fields not in `format`.
  Object(const Node& node, const ObjectFormat& format);
  const Pointer& path() const { return node_.path(); }

  std::optional<Node> find(std::string_view field) const;
  // A required field; missing is an error saying what `expected` it should have been.
  Node at(std::string_view field, std::string_view expected = "a value") const;
  // A required object field of the given format.
  Object object(std::string_view field, const ObjectFormat& format) const;
  // An optional object field; absent reads as {} so its own defaults apply.
  Object optional_object(std::string_view field, const ObjectFormat& format) const;

  template <class Read>
  auto get(std::string_view field, const Read& read) const {
    return read(at(field, read.expected()));
  }
  template <class Read, class T>
  auto get(std::string_view field, const Read& read, const T& fallback) const {
    using Result = std::invoke_result_t<const Read&, const Node&>;
    const std::optional<Node> node = find(field);
    return node ? read(*node) : Result(fallback);
  }

 private:
  void check_declared(std::string_view field) const;
  Node node_;
  const ObjectFormat* format_;
};

// Readers: callables turning a Node into a value or rejecting it; expected() describes what they
// accept, for the message when a required field is missing.

struct Number {
  double min = 0;
  double max = kLargestNumber;
  bool min_exclusive = false;
  bool max_exclusive = false;
  double operator()(const Node& node) const;
  std::string expected() const;
};
inline constexpr Number non_negative{};
inline constexpr Number positive{0, kLargestNumber, true};
inline Number at_least(double min) {
  return Number{min};
}
inline Number greater_than(double min) {
  return Number{min, kLargestNumber, true};
}

struct Probability {
  double operator()(const Node& node) const;
  std::string expected() const { return "a probability (a number between 0 and 1)"; }
};
inline constexpr Probability probability{};

// An amount of money in currency units (49.99), returned in cents.
struct Money {
  bool positive = false;
  Cents operator()(const Node& node) const;
  std::string expected() const;
};
inline constexpr Money money{};
inline constexpr Money positive_money{true};

struct Boolean {
  bool operator()(const Node& node) const;
  std::string expected() const { return "true or false"; }
};
inline constexpr Boolean boolean{};

struct Text {
  bool name = false;  // names are non-empty and short
  std::string operator()(const Node& node) const;
  std::string expected() const { return name ? "a name (a non-empty string)" : "a string"; }
};
inline constexpr Text text{};
inline constexpr Text name{true};

// An integer (or a number with no fraction, as JSON Schema's "integer") in min..max. A number
// written with a fraction or an exponent is a double, exact only up to 2^53: beyond, it is
// refused rather than taken as whatever integer it was rounded to.
std::string integer_expected(long double min, long double max);
[[noreturn]] void reject_integer(const Node& node, long double min, long double max);
// `v` is a double that holds an integer exactly (no fraction, at most 2^53 in magnitude).
bool is_exact_integer_float(const Json& v);

template <class Int>
struct Integer {
  Int min = 0;
  Int max = std::numeric_limits<Int>::max();
  Int operator()(const Node& node) const {
    // long double holds every 64-bit integer exactly, so one comparison serves all types.
    using Wide = long double;
    const Json& v = node.json();
    if (v.is_number_integer() || is_exact_integer_float(v)) {
      const Wide w = v.is_number_unsigned()  ? static_cast<Wide>(v.get<std::uint64_t>())
                     : v.is_number_integer() ? static_cast<Wide>(v.get<std::int64_t>())
                                             : static_cast<Wide>(v.get<double>());
      if (w >= static_cast<Wide>(min) && w <= static_cast<Wide>(max)) return static_cast<Int>(w);
    }
    reject_integer(node, static_cast<Wide>(min), static_cast<Wide>(max));
  }
  std::string expected() const {
    return integer_expected(static_cast<long double>(min), static_cast<long double>(max));
  }
};

// One of a fixed set of words, returned as its index (enum values in declaration order).
std::size_t choose(const Node& node, std::span<const std::string_view> options,
                   std::string_view noun);
std::string choice_expected(std::span<const std::string_view> options);

template <class Enum>
struct Choice {
  std::vector<std::string_view> options;  // in the enum's order
  std::string_view noun;                  // "a service", "an oversell policy"
  Enum operator()(const Node& node) const { return static_cast<Enum>(choose(node, options, noun)); }
  std::string expected() const { return choice_expected(options); }
};

// The names of one kind of thing (zones, DCs...): unique, and what references resolve against.
class NameTable {
 public:
  NameTable(std::string noun, std::string plural)
      : noun_(std::move(noun)), plural_(std::move(plural)) {}
  // Reads the "name" field of `object`, rejecting duplicates; its id is the index of addition.
  std::string add(const Object& object);
  // Reads the name at `node`, naming the thing at `owner` (for duplicate messages).
  std::string add(const Node& node, const Pointer& owner);
  // The id of the thing `reference` names, or an error listing valid names.
  std::uint32_t resolve(const Node& reference) const;
  std::optional<std::uint32_t> find(std::string_view name) const;
  // The object that defines `name`, if any.
  std::optional<Pointer> where_defined(std::string_view name) const;
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::string noun_, plural_;
  std::vector<std::string> names_;
  std::vector<Pointer> paths_;
  std::unordered_map<std::string, std::uint32_t> ids_;
};

}  // namespace retail::scenario

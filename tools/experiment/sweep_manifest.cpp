// The sweep manifest: written whole and atomically each time, read back strictly.
#include "tools/experiment/sweep_manifest.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <string>
#include <utility>

#include "tools/results/errors.hpp"
#include "tools/results/output_files.hpp"

namespace omnisim {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kFileName = "manifest.json";
constexpr std::string_view kFormat = "omnisim-sweep-manifest";
constexpr int kVersion = 1;
constexpr std::array<std::pair<SweepStatus, std::string_view>, 3> kStatusNames{{
    {SweepStatus::running, "running"},
    {SweepStatus::interrupted, "interrupted"},
    {SweepStatus::complete, "complete"},
}};
// A value longer than this is cut in messages, so that a changed scenario does not flood them.
constexpr std::size_t kShownValueChars = 80;

std::string_view status_name(SweepStatus status) {
  return std::find_if(kStatusNames.begin(), kStatusNames.end(),
                      [status](const auto& entry) { return entry.first == status; })
      ->second;
}

// Where two definitions first differ; a null value is a key one of them lacks.
struct Difference {
  json::json_pointer pointer;
  const json* there = nullptr;
  const json* now = nullptr;
};

bool holds_containers(const json& array) {
  return std::any_of(array.begin(), array.end(),
                     [](const json& element) { return element.is_structured(); });
}

// Objects are looked into key by key (in sorted order), and so are arrays of objects or arrays
// with as many elements on both sides; anything else (such as a list of grid values) differs as a
// whole, which reads better than its one differing element.
std::optional<Difference> first_difference(const json& there, const json& now,
                                           const json::json_pointer& pointer) {
  if (there == now) return std::nullopt;
  if (there.is_object() && now.is_object()) {
    std::set<std::string> keys;
    for (const auto& [key, value] : there.items())
      keys.insert(key);
    for (const auto& [key, value] : now.items())
      keys.insert(key);
    for (const std::string& key : keys) {
      const auto in_there = there.find(key);
      const auto in_now = now.find(key);
      const json* there_value = in_there == there.end() ? nullptr : &*in_there;
      const json* now_value = in_now == now.end() ? nullptr : &*in_now;
      if (there_value == nullptr || now_value == nullptr)
        return Difference{pointer / key, there_value, now_value};
      if (auto difference = first_difference(*there_value, *now_value, pointer / key))
        return difference;
    }
  }
  if (there.is_array() && now.is_array() && there.size() == now.size() &&
      (holds_containers(there) || holds_containers(now))) {
    for (std::size_t i = 0; i < there.size(); ++i) {
      if (auto difference = first_difference(there[i], now[i], pointer / i)) return difference;
    }
  }
  return Difference{pointer, &there, &now};
}

std::string shown(const json* value) {
  if (value == nullptr) return "absent";
  std::string text = value->dump();
  if (text.size() <= kShownValueChars) return text;
  return text.substr(0, kShownValueChars - 3) + "...";
}

UsageError bad_manifest(const fs::path& file, const std::string& problem) {
  return UsageError(file.string() + ": " + problem);
}

// "FILE: /tasks_done: expected an unsigned integer, got -1", or "..., but it is missing".
UsageError bad_key(const fs::path& file, const std::string& pointer, std::string_view expected,
                   const json* value) {
  return bad_manifest(file,
                      pointer + ": expected " + std::string(expected) +
                          (value == nullptr ? ", but it is missing" : ", got " + shown(value)));
}

const json* find_key(const json& document, const char* key) {
  const auto value = document.find(key);
  return value == document.end() ? nullptr : &*value;
}

std::uint64_t whole_number(const json& document, const char* key, const fs::path& file) {
  const json* value = find_key(document, key);
  if (value == nullptr || !value->is_number_unsigned())
    throw bad_key(file, std::string("/") + key, "an unsigned integer", value);
  return value->get<std::uint64_t>();
}

SweepStatus parse_status(const json& document, const fs::path& file) {
  const json* value = find_key(document, "status");
  if (value != nullptr && value->is_string()) {
    for (const auto& [status, name] : kStatusNames)
      if (value->get<std::string>() == name) return status;
  }
  throw bad_key(file, "/status", "\"running\", \"interrupted\" or \"complete\"", value);
}

}  // namespace

fs::path manifest_file(const fs::path& directory) {
  return directory / kFileName;
}

std::string manifest_text(const Manifest& manifest) {
  // In the order a reader wants them: what the file is, what the study is, how far it got.
  nlohmann::ordered_json document;
  document["format"] = kFormat;
  document["version"] = kVersion;
  document["definition"] = manifest.definition;
  document["status"] = status_name(manifest.status);
  document["tasks_done"] = manifest.tasks_done;
  document["tasks_planned"] = manifest.tasks_planned
                                  ? nlohmann::ordered_json(*manifest.tasks_planned)
                                  : nlohmann::ordered_json(nullptr);
  return document.dump(2) + "\n";
}

void write_manifest(const fs::path& directory, const Manifest& manifest) {
  const std::string text = manifest_text(manifest);
  write_file_atomically(directory / kFileName, [&text](std::ostream& out) { out << text; });
}

Manifest read_manifest(const fs::path& directory) {
  const fs::path file = directory / kFileName;
  std::ifstream in(file);
  if (!in) {
    throw UsageError("'" + directory.string() + "' is not a sweep output directory: no " +
                     std::string(kFileName));
  }
  json document;
  try {
    document = json::parse(in);
  } catch (const json::parse_error& error) {
    throw bad_manifest(file, std::string("not JSON (") + error.what() + ")");
  }
  const auto format = document.is_object() ? document.find("format") : document.end();
  if (!document.is_object() || format == document.end() || *format != kFormat) {
    throw bad_manifest(file, "not an omnisim sweep manifest (it lacks \"format\": \"" +
                                 std::string(kFormat) + "\")");
  }
  if (document.value("version", json()) != kVersion) {
    throw bad_manifest(file, "manifest version " + document.value("version", json()).dump() +
                                 ", but this omnisim reads version " + std::to_string(kVersion));
  }
  const json* definition = find_key(document, "definition");
  if (definition == nullptr || !definition->is_object())
    throw bad_key(file, "/definition", "an object", definition);

  Manifest manifest;
  manifest.definition = *definition;
  manifest.status = parse_status(document, file);
  manifest.tasks_done = whole_number(document, "tasks_done", file);
  const json* planned = find_key(document, "tasks_planned");
  if (planned == nullptr || !planned->is_null())
    manifest.tasks_planned = whole_number(document, "tasks_planned", file);
  return manifest;
}

const json& DefinitionReader::value(std::string_view pointer, json::value_t type,
                                    std::string_view expected) const {
  const json::json_pointer at{std::string(pointer)};
  const json* found = definition_.contains(at) ? &definition_.at(at) : nullptr;
  // Any number that is a whole one >= 0 is unsigned to nlohmann once read from text.
  if (found == nullptr || found->type() != type)
    throw bad_key(file_, "/definition" + std::string(pointer), expected, found);
  return *found;
}

bool DefinitionReader::contains(std::string_view pointer) const {
  return definition_.contains(json::json_pointer(std::string(pointer)));
}

std::string DefinitionReader::text(std::string_view pointer) const {
  return value(pointer, json::value_t::string, "a string").get<std::string>();
}

std::uint64_t DefinitionReader::whole_number(std::string_view pointer, std::uint64_t max) const {
  const std::string expected = max == UINT64_MAX
                                   ? "an unsigned integer"
                                   : "an unsigned integer up to " + std::to_string(max);
  const json& found = value(pointer, json::value_t::number_unsigned, expected);
  if (found.get<std::uint64_t>() > max)
    throw bad_key(file_, "/definition" + std::string(pointer), expected, &found);
  return found.get<std::uint64_t>();
}

std::size_t DefinitionReader::array_size(std::string_view pointer) const {
  return value(pointer, json::value_t::array, "an array").size();
}

std::vector<std::string> DefinitionReader::texts(std::string_view pointer) const {
  std::vector<std::string> out;
  const std::size_t size = array_size(pointer);
  for (std::size_t i = 0; i < size; ++i)
    out.push_back(text(std::string(pointer) + "/" + std::to_string(i)));
  return out;
}

void check_same_definition(const json& recorded, const json& now, std::string_view context) {
  const auto difference = first_difference(recorded, now, json::json_pointer());
  if (!difference) return;
  const std::string where =
      difference->pointer.empty() ? "definition" : difference->pointer.to_string();
  throw UsageError(std::string(context) + " was started with a different " + where + " (" +
                   shown(difference->there) + " there, " + shown(difference->now) +
                   " now); rerun with the original options, or start a new study in another "
                   "directory");
}

}  // namespace omnisim

// scenarios/schema.json documents exactly the fields the parser accepts, each with a description,
// and closes every object (additionalProperties: false).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "models/scenario_format.hpp"

namespace {

using nlohmann::json;
using retail::scenario::all_object_formats;
using retail::scenario::ObjectFormat;

json schema() {
  std::ifstream in(OMNISIM_SOURCE_DIR "/scenarios/schema.json");
  return json::parse(in);
}

// The schema of one object kind: the root for "scenario", else its entry in $defs.
const json& schema_of(const json& root, std::string_view name) {
  return name == "scenario" ? root : root.at("$defs").at(std::string(name));
}

std::set<std::string> property_names(const json& object_schema) {
  std::set<std::string> names;
  for (const auto& [name, property] : object_schema.at("properties").items())
    names.insert(name);
  return names;
}

TEST(ScenarioSchema, DocumentsExactlyTheFieldsTheParserAccepts) {
  const json root = schema();
  for (const ObjectFormat* format : all_object_formats()) {
    SCOPED_TRACE(std::string(format->name));
    const std::set<std::string> parser(format->fields.begin(), format->fields.end());
    EXPECT_EQ(property_names(schema_of(root, format->name)), parser);
  }
}

TEST(ScenarioSchema, EveryObjectInTheSchemaIsOneTheParserReads) {
  std::set<std::string> parsed;
  for (const ObjectFormat* format : all_object_formats())
    parsed.insert(std::string(format->name));
  // Kept in a variable: a range-for over schema().at(...) would outlive the temporary.
  const json root = schema();
  for (const auto& [name, definition] : root.at("$defs").items()) {
    if (!definition.contains("properties")) continue;  // a oneOf of object kinds
    EXPECT_TRUE(parsed.contains(name)) << name;
  }
}

TEST(ScenarioSchema, ObjectsAreClosedAndFieldsDescribed) {
  const json root = schema();
  EXPECT_EQ(root.at("$schema"), "https://json-schema.org/draft/2020-12/schema");
  for (const ObjectFormat* format : all_object_formats()) {
    const json& object = schema_of(root, format->name);
    EXPECT_EQ(object.at("additionalProperties"), false) << format->name;
    for (const auto& [name, property] : object.at("properties").items())
      EXPECT_FALSE(property.value("description", "").empty()) << format->name << "." << name;
  }
}

}  // namespace

// scenarios/schema.json documents exactly the fields the parser accepts, each with a description,
// closes every object (additionalProperties: false), and lists the kinds of each tagged object
// and the metrics a rule may watch as the parser knows them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "models/metrics/kpi.hpp"
#include "models/scenario/format.hpp"

namespace {

using nlohmann::json;
using retail::scenario::all_object_formats;
using retail::scenario::all_tagged_formats;
using retail::scenario::ObjectFormat;
using retail::scenario::TaggedFormat;

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

// A tagged object (a control-tower action, a DIST, a POLICY) is a oneOf of exactly its kinds'
// formats, each naming its kind in the tag as a const, and each also checked field by field
// above; the oneOf's other variants are not objects (a DIST may be a plain number).
TEST(ScenarioSchema, TaggedObjectsAreAOneOfOfTheirKinds) {
  const json root = schema();
  const auto formats = all_object_formats();
  for (const TaggedFormat* tagged : all_tagged_formats()) {
    SCOPED_TRACE(std::string(tagged->name));
    ASSERT_EQ(tagged->kinds.size(), tagged->formats.size());
    std::vector<std::string> expected_refs;
    for (const ObjectFormat* format : tagged->formats)
      expected_refs.push_back("#/$defs/" + std::string(format->name));
    std::vector<std::string> refs;
    for (const json& variant : root.at("$defs").at(std::string(tagged->name)).at("oneOf")) {
      if (variant.contains("$ref"))
        refs.push_back(variant.at("$ref"));
      else
        EXPECT_NE(variant.at("type"), "object") << variant.dump();
    }
    EXPECT_EQ(refs, expected_refs);
    const std::string tag(tagged->tag);
    for (std::size_t k = 0; k < tagged->kinds.size(); ++k) {
      const ObjectFormat* format = tagged->formats[k];
      const json& variant = schema_of(root, format->name);
      EXPECT_EQ(variant.at("properties").at(tag).at("const"), tagged->kinds[k]) << format->name;
      EXPECT_THAT(variant.at("required").get<std::vector<std::string>>(), testing::Contains(tag))
          << format->name;
      EXPECT_NE(std::ranges::find(formats, format), formats.end()) << format->name;
    }
  }
}

// A rule may watch exactly the flow metrics the reports carry.
TEST(ScenarioSchema, RuleMetricsAreTheFlowMetrics) {
  const json root = schema();
  json keys = json::array();
  for (const retail::MetricId metric : retail::flow_metric_ids())
    keys.push_back(retail::metric_key(metric));
  EXPECT_EQ(root.at("$defs").at("rule").at("properties").at("metric").at("enum"), keys);
}

}  // namespace

// The scenario parser's parts, shared by the files that read the sections of a document.
#pragma once

#include <string>

#include "models/config.hpp"
#include "models/scenario_fields.hpp"

namespace retail::scenario {

// Caps on counts: beyond these a document is a mistake or an attack, not a retail chain.
inline constexpr std::size_t kMaxCategories = 10'000;
inline constexpr std::size_t kMaxSkus = 1'000'000;
inline constexpr std::size_t kMaxZones = 10'000;
inline constexpr std::size_t kMaxDcs = 1'000;
inline constexpr std::size_t kMaxStores = 100'000;
inline constexpr std::size_t kMaxCarriers = 1'000;

// DIST: a plain number (fixed) or {"distribution": kind, parameters...}.
struct DistributionReader {
  Distribution operator()(const Node& node) const;
  std::string expected() const;
};
inline constexpr DistributionReader distribution{};

// POLICY: {"policy": "s_S" | "base_stock", levels..., "unit", "review_every_hours"}.
struct PolicyReader {
  ReplenishmentPolicy operator()(const Node& node) const;
  std::string expected() const;
};
inline constexpr PolicyReader policy{};

// The names references resolve against, filled section by section.
struct Names {
  NameTable categories{"category", "categories"};
  NameTable skus{"SKU", "SKUs"};
  NameTable carriers{"carrier", "carriers"};
  NameTable dcs{"DC", "DCs"};
  NameTable zones{"zone", "zones"};
  NameTable stores{"store", "stores"};
};

std::vector<Carrier> read_carriers(const Node& node, Names& names);
// Zones, DCs, stores and lanes; needs carriers and channels already read.
void read_network(const Object& root, Scenario& scenario, Names& names);

}  // namespace retail::scenario

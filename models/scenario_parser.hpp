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
inline constexpr std::size_t kMaxPromotions = 1'000;
inline constexpr std::size_t kMaxAdPrograms = 1'000;
// SKUs selected by all promotions together, and by all ad programs together: each selection is
// held per SKU, so a thousand catalog-wide promotions of a million SKUs would take gigabytes.
inline constexpr std::size_t kMaxSelectedSkus = 10'000'000;

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
  NameTable promotions{"promotion", "promotions"};
  NameTable ad_programs{"ad program", "ad programs"};
};

std::vector<Carrier> read_carriers(const Node& node, Names& names);
// Zones, DCs, stores and lanes; needs carriers and channels already read.
void read_network(const Object& root, Scenario& scenario, Names& names);

// Promotions and advertising (scenario_levers_parser.cpp); need the catalog and horizon read.
std::vector<Promotion> read_promotions(const Node& node, const Scenario& scenario, Names& names);
Advertising read_advertising(const Object& advertising, const Scenario& scenario, Names& names);

}  // namespace retail::scenario

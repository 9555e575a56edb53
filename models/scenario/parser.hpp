// The scenario parser's parts, shared by the files that read the sections of a document.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/scenario/fields.hpp"
#include "models/scenario/scenario.hpp"

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
inline constexpr std::size_t kMaxRules = 1'000;
inline constexpr std::size_t kMaxActionsPerRule = 100;
// SKUs selected by all promotions together, by all ad programs together and by all actions
// together: each selection is held per SKU, so a thousand catalog-wide promotions of a million
// SKUs would take gigabytes.
inline constexpr std::size_t kMaxSelectedSkus = 10'000'000;

// The days of the week, Monday first (the run starts on a Monday at 00:00).
inline constexpr std::array<std::string_view, 7> kWeekdays{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
// A day of the week by name, as its index (0 = Monday).
inline Choice<std::uint32_t> weekday_choice() {
  return {{kWeekdays.begin(), kWeekdays.end()}, "a day of the week"};
}

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

// What grading does with a unit returned for one reason: {"restock", "refurbish", "liquidate",
// "destroy"} probabilities (a missing one is 0), normalised to sum 1.
struct DispositionReader {
  std::array<double, kDispositions> operator()(const Node& node) const;
  std::string expected() const;
};
inline constexpr DispositionReader disposition{};

// Who is on duty at a DC's pick station or in the contact centre: `crew_field` (so many staff
// around the clock) or `shifts` (an array of {staff, start_hour, hours, days}, added up hour by
// hour), not both; with neither, `fallback` if there is one, else an error.
Staffing read_staffing(const Object& f, std::string_view crew_field,
                       std::optional<Staffing> fallback);

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
  NameTable rules{"rule", "rules"};
};

// The SKUs a promotion, ad program or action applies to: those named in "skus" and those of the
// categories named in "categories", each once, in catalog order; at least one.
class SkuSelection {
 public:
  SkuSelection(const Catalog& catalog, const Names& names);
  std::vector<SkuId> operator()(const Object& f) const;

 private:
  const Names* names_;
  std::vector<std::vector<SkuId>> of_category_;
};

// Counts the SKUs selected so far (by promotions, ad programs or actions) against
// kMaxSelectedSkus.
class SelectionBudget {
 public:
  explicit SelectionBudget(std::string_view owners) : owners_(owners) {}
  void add(std::size_t skus, const Pointer& path);

 private:
  std::string_view owners_;
  std::size_t total_ = 0;
};

std::vector<Carrier> read_carriers(const Node& node, Names& names);
// Zones, DCs, stores and lanes; needs carriers and channels already read.
void read_network(const Object& root, Scenario& scenario, Names& names);

// Promotions and advertising (scenario_levers_parser.cpp); need the catalog and horizon read.
std::vector<Promotion> read_promotions(const Node& node, const Scenario& scenario, Names& names);
Advertising read_advertising(const Object& advertising, const Scenario& scenario, Names& names);

// The customer base (customers_parser.cpp): a document with the section has one.
Customers read_customers(const Object& customers);

// The control tower's rules and the status quo's review (scenario_control_parser.cpp); need
// everything actions and scopes name (the network, carriers, promotions, advertising) and the
// KPI section read.
ControlTower read_control_tower(const Object& control_tower, const Scenario& scenario,
                                Names& names);
// The status quo needs the control tower read, as it names its rules.
StatusQuo read_status_quo(const Object& status_quo, const Scenario& scenario, const Names& names);

}  // namespace retail::scenario

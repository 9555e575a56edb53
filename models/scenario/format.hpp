// The kinds of object a scenario file is made of and the fields each may have: the contract the
// parser enforces and scenarios/schema.json documents (a test keeps the two in sync).
#pragma once

#include <span>
#include <string_view>

namespace retail::scenario {

struct ObjectFormat {
  std::string_view name;  // its name in schema.json's $defs; "scenario" is the document root
  std::span<const std::string_view> fields;
};

namespace formats {
extern const ObjectFormat scenario, catalog, sku, network, zone, dc, shift, store, lane,
    node_policies, initial_cover, channels, channel, demand, out_of_stock, promo_mismatch, carrier,
    carrier_services, service_level, availability, orders, returns, return_reasons, return_reason,
    disposition, customer_service, contact_reasons, contact_reason, promotion, promotion_execution,
    channel_execution, preflight_gate, advertising, ad_program, ad_scaling, control_tower,
    weekly_review, rule, rule_scope, status_quo, costs, freight, customers, experience_effects, kpi,
    fixed, uniform, exponential, triangular, lognormal, s_S, base_stock, forecast_order_up_to,
    moving_average, exponential_smoothing;
}  // namespace formats

// An object whose kind is named by a tag field, each kind with its own format: a oneOf of the
// kinds' $defs in schema.json, each with the tag as a const.
struct TaggedFormat {
  std::string_view name;  // the oneOf's name in schema.json's $defs
  std::string_view tag;   // the field that names the kind
  std::span<const std::string_view> kinds;
  std::span<const ObjectFormat* const> formats;  // one per kind, in the order of kinds
};

namespace formats {
// Control-tower actions, tagged by "action", kinds in the order of Action::Kind.
extern const TaggedFormat action;
// DIST objects, tagged by "distribution", kinds in the order of Distribution::Kind (a DIST may
// also be a plain number).
extern const TaggedFormat distribution;
// POLICY objects, tagged by "policy", kinds in the order of ReplenishmentPolicy::Kind.
extern const TaggedFormat policy;
// A forecast_order_up_to policy's forecast, tagged by "method", kinds in the order of
// Forecast::Method.
extern const TaggedFormat forecast;
}  // namespace formats

// Every format above, for tests and tools that check documentation against the parser.
std::span<const ObjectFormat* const> all_object_formats();
std::span<const TaggedFormat* const> all_tagged_formats();

}  // namespace retail::scenario

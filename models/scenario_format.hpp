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
extern const ObjectFormat scenario, catalog, sku, network, zone, dc, store, lane, node_policies,
    initial_cover, channels, channel, demand, out_of_stock, promo_mismatch, carrier,
    carrier_services, service_level, availability, orders, returns, return_reasons, return_reason,
    disposition, customer_service, contact_reasons, contact_reason, promotion, promotion_execution,
    channel_execution, preflight_gate, advertising, ad_program, ad_scaling, kpi, fixed, uniform,
    exponential, triangular, lognormal, s_S, base_stock;
}  // namespace formats

// Every format above, for tests and tools that check documentation against the parser.
std::span<const ObjectFormat* const> all_object_formats();

}  // namespace retail::scenario

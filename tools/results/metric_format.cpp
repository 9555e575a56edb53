// The metric catalogue and locale-independent number formatting (std::to_chars never consults
// the locale, so a report reads the same on every machine).
#include "tools/results/metric_format.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace omnisim {
namespace {

using enum MetricKind;

constexpr std::array kMetrics = {
    MetricInfo{"availability_integrity", "Availability integrity", share, true,
               "Orders shown as available that the node could really fulfil."},
    MetricInfo{"in_stock_rate", "In-stock rate", share, true,
               "Visits that found the SKU available (substitutions excluded)."},
    MetricInfo{"otif", "OTIF", share, true,
               "Orders delivered on time and in full, against the promise made at checkout."},
    MetricInfo{"on_time_rate", "On time", share, true, "Orders delivered by the promised date."},
    MetricInfo{"in_full_rate", "In full", share, true, "Orders delivered complete."},
    MetricInfo{"promo_integrity", "Promo integrity", share, true,
               "Promotion slots (SKU x channel) live with the right price and content, over "
               "the time they were advertised."},
    MetricInfo{"promo_mismatches", "Promo mismatches", count, false,
               "Customers who met an advertised discount that was not there."},
    MetricInfo{"cancellation_rate", "Cancellation rate", share, false,
               "Orders cancelled, over orders placed."},
    MetricInfo{"orders_placed", "Orders placed", count, true, "Orders placed on every channel."},
    MetricInfo{"orders_cancelled", "Orders cancelled", count, false, "Orders cancelled."},
    MetricInfo{"lost_sales_units", "Lost sales (units)", count, false,
               "Customers who walked away from an unavailable SKU or a promotion mismatch."},
    MetricInfo{"lost_sales_value", "Lost sales (value)", money, false,
               "The price of the units lost."},
    MetricInfo{"units_sold", "Units sold", count, true, "Units sold."},
    MetricInfo{"returns_per_order", "Returns per order", ratio, false,
               "Return requests over orders delivered."},
    MetricInfo{"size_fit_returns_per_order", "Size/fit returns per order", ratio, false,
               "Return requests for size or fit, over orders delivered."},
    MetricInfo{"damaged_returns_per_order", "Damaged returns per order", ratio, false,
               "Return requests for damage, over orders delivered."},
    MetricInfo{"liquidation_rate", "Liquidation rate", share, false,
               "Returned units liquidated, over units returned."},
    MetricInfo{"contacts_per_100_orders", "Contacts per 100 orders", per_100, false,
               "Customer-service contacts per 100 orders placed."},
    MetricInfo{"mean_contact_wait_hours", "Contact wait", hours, false,
               "Mean wait for a customer-service agent."},
    MetricInfo{"revenue", "Revenue", money, true, "Sales net of refunds."},
    MetricInfo{"refunds", "Refunds", money, false, "Prices refunded on returns."},
    MetricInfo{"cogs", "COGS", money, false, "Cost of goods sold, net of returned units."},
    MetricInfo{"gross_margin", "Gross margin", money, true, "Revenue - COGS."},
    MetricInfo{"shipping_cost", "Shipping cost", money, false,
               "Parcel costs, expedited service and re-ships included."},
    MetricInfo{"returns_cost", "Returns cost", money, false,
               "Return labels, handling, refurbishing and destruction."},
    MetricInfo{"liquidation_loss", "Liquidation loss", money, false,
               "Returned stock written off: liquidated net of recovery, or destroyed."},
    MetricInfo{"appeasements", "Appeasements", money, false,
               "Credits granted to customers who contacted us."},
    MetricInfo{"chargebacks", "Chargebacks", money, false,
               "Marketplace penalties for late and cancelled orders."},
    MetricInfo{"contact_cost", "Contact cost", money, false, "Cost of handling contacts."},
    MetricInfo{"expedited_shipping", "Expedited shipping", money, false,
               "The part of shipping paid for expedited service."},
    MetricInfo{"reship_cost", "Re-ships", money, false,
               "Shipping replacements for parcels delivered damaged."},
    MetricInfo{"promo_dilution", "Promo dilution", money, false,
               "Discount given beyond the promotion's by misapplied rules."},
    MetricInfo{"margin_leakage", "Margin leakage", money, false,
               "Expedited shipping + appeasements + chargebacks + re-ships + returns cost + "
               "liquidation loss + promo dilution."},
    MetricInfo{"ad_spend", "Ad spend", money, false, "Advertising spend."},
    MetricInfo{"attributed_roas", "Attributed ROAS", number, true,
               "Revenue of the orders ads brought (cancelled or not) per unit of ad spend, as "
               "marketing sees it."},
    MetricInfo{"contribution_margin", "Contribution margin", money, true,
               "Gross margin - shipping - returns, liquidation and contact costs - appeasements "
               "- chargebacks - ad spend."},
    MetricInfo{"mean_pick_wait_hours", "DC pick wait", hours, false,
               "Mean wait of an online order for a free picker at the DC."},
    MetricInfo{"mean_order_cycle_hours", "Order cycle time", hours, false,
               "Mean time from order to delivery."},
    MetricInfo{"average_open_orders", "Open orders", count, false,
               "Orders placed and neither delivered nor cancelled, on average."},
    MetricInfo{"average_inventory_units", "Average inventory (units)", count, false,
               "Units on hand at the end of the day, on average."},
    MetricInfo{"average_inventory_value", "Average inventory (value)", money, false,
               "Stock at cost at the end of the day, on average."},
    MetricInfo{"inventory_turns", "Inventory turns", number, true,
               "Annualised COGS over average inventory at cost."},
};

// Fixed-point text with `decimals` digits and thousands separators in the integer part; beyond
// 1e15 (no KPI gets there) the shortest exponent form.
std::string fixed(double value, int decimals, bool separators) {
  std::array<char, 64> buffer{};
  const double magnitude = std::abs(value);
  const auto result = magnitude < 1e15
                          ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude,
                                          std::chars_format::fixed, decimals)
                          : std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude);
  const std::string_view digits(buffer.data(),
                                static_cast<std::size_t>(result.ptr - buffer.data()));
  std::size_t point = digits.find('.');
  if (point == std::string_view::npos) point = digits.size();
  std::string out;
  out.reserve(digits.size() + digits.size() / 3 + 1);
  // No "-0.0": a value that rounds to zero shows as zero.
  if (value < 0 && digits.find_first_not_of("0.") != std::string_view::npos) out.push_back('-');
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (separators && i > 0 && i < point && (point - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// Means of counts: whole numbers, or one decimal while small.
int count_decimals(double value) {
  return value == std::round(value) || std::abs(value) >= 100 ? 0 : 1;
}

}  // namespace

MetricInfo metric_info(std::string_view key) {
  for (const MetricInfo& info : kMetrics) {
    if (info.key == key) return info;
  }
  return MetricInfo{key, key, number, true, ""};
}

const std::vector<std::string_view>& daily_spine_metrics() {
  static const std::vector<std::string_view> metrics = {
      "availability_integrity",  "in_stock_rate",     "otif",
      "promo_integrity",         "cancellation_rate", "returns_per_order",
      "contacts_per_100_orders", "margin_leakage",    "contribution_margin"};
  return metrics;
}

const std::vector<std::string_view>& paired_spine_metrics() {
  static const std::vector<std::string_view> metrics = {
      "availability_integrity",  "in_stock_rate",     "otif",
      "promo_integrity",         "cancellation_rate", "returns_per_order",
      "contacts_per_100_orders", "lost_sales_units",  "margin_leakage"};
  return metrics;
}

const std::vector<std::string_view>& leakage_components() {
  static const std::vector<std::string_view> components = {
      "expedited_shipping", "appeasements",     "chargebacks",   "reship_cost",
      "returns_cost",       "liquidation_loss", "promo_dilution"};
  return components;
}

std::string format_value(double value, MetricKind kind) {
  if (!std::isfinite(value)) return "n/a";
  switch (kind) {
    case share:
      return fixed(100 * value, 1, false) + " %";
    case ratio:
      return fixed(value, 4, false);
    case per_100:
      return fixed(value, 2, false);
    case count:
      return fixed(value, count_decimals(value), true);
    case money: {
      const std::string digits = fixed(value, 0, true);
      return digits.front() == '-' ? "-$" + digits.substr(1) : "$" + digits;
    }
    case hours: {
      const int decimals = value == std::round(value) ? 0 : std::abs(value) < 10 ? 2 : 1;
      return fixed(value, decimals, true) + " h";
    }
    case number:
      break;
  }
  return fixed(value, std::abs(value) >= 100 ? 1 : 2, true);
}

std::string format_difference(double value, MetricKind kind) {
  if (!std::isfinite(value)) return "n/a";
  std::string text;
  if (kind == share) {
    text = fixed(100 * value, 2, false) + " pts";
  } else {
    text = format_value(value, kind);
  }
  return text.front() == '-' ? text : "+" + text;
}

std::string_view chart_format(MetricKind kind) {
  switch (kind) {
    case share:
      // Trimmed, so 87.5 % reads "87.5%" and a cancellation rate's axis can tell 0.05 % steps.
      return ".2~%";
    case ratio:
      return ".4f";
    case per_100:
      return ".2f";
    case count:
      return ",.0f";
    case money:
      return "$,.0f";
    case hours:
      return ".2f";
    case number:
      break;
  }
  return ",.3~f";
}

std::string_view chart_difference_format(MetricKind kind) {
  switch (kind) {
    case share:
      return ".2~%";
    case ratio:
      return ".4~f";
    case per_100:
      return ".3~f";
    case count:
      return ",.1~f";
    case money:
      return "$,.0f";
    case hours:
      return ".2~f";
    case number:
      break;
  }
  return ",.3~f";
}

}  // namespace omnisim

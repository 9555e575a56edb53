// KPI buffers, tables and the derived execution-spine metrics.
#include "models/metrics/kpi.hpp"

#include <limits>
#include <stdexcept>
#include <utility>

namespace retail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(std::int64_t numerator, std::int64_t denominator) {
  return denominator == 0 ? kNaN
                          : static_cast<double>(numerator) / static_cast<double>(denominator);
}

double currency(std::int64_t cents) {
  return static_cast<double>(cents) / 100.0;
}

using Totals = CounterTotals;

std::int64_t get(const Totals& totals, Counter counter) {
  return totals[static_cast<std::size_t>(counter)];
}

}  // namespace

// The flow metrics every slice reports, in the order the outputs list them.
std::vector<Metric> flow_metrics(const Totals& t) {
  const std::int64_t revenue = get(t, Counter::revenue_cents) - get(t, Counter::refunds_cents);
  const std::int64_t cogs = get(t, Counter::cogs_cents) - get(t, Counter::returned_cogs_cents);
  const std::int64_t shipping = get(t, Counter::shipping_cost_cents);
  const std::int64_t returns_cost = get(t, Counter::returns_cost_cents);
  const std::int64_t liquidation_loss = get(t, Counter::liquidation_loss_cents);
  const std::int64_t appeasements = get(t, Counter::appeasement_cents);
  const std::int64_t chargebacks = get(t, Counter::chargeback_cents);
  const std::int64_t contact_cost = get(t, Counter::contact_cost_cents);
  const std::int64_t expedited = get(t, Counter::expedited_shipping_cents);
  const std::int64_t reships = get(t, Counter::reship_cost_cents);
  const std::int64_t dilution = get(t, Counter::promo_dilution_cents);
  const std::int64_t ad_spend = get(t, Counter::ad_spend_cents);
  const std::int64_t holding = get(t, Counter::holding_cost_cents);
  const std::int64_t purchase_orders = get(t, Counter::purchase_order_cost_cents);
  const std::int64_t store_deliveries = get(t, Counter::store_delivery_cost_cents);
  const std::int64_t transfers = get(t, Counter::transfer_freight_cents);
  const std::int64_t pickers = get(t, Counter::picker_cost_cents);
  const std::int64_t agents = get(t, Counter::agent_cost_cents);
  std::int64_t returns = 0;
  for (std::size_t r = 0; r < kReturnReasons; ++r)
    returns += get(t, returns_counter(static_cast<ReturnReason>(r)));
  std::int64_t contacts = 0;
  for (std::size_t r = 0; r < kContactReasons; ++r)
    contacts += get(t, contacts_counter(static_cast<ContactReason>(r)));
  // Contacts offered to the agents: answered or abandoned (every abandoned contact waited), the
  // base of the contact centre's shares, as call centres count them.
  const std::int64_t abandoned = get(t, Counter::contacts_abandoned);
  const std::int64_t offered = get(t, Counter::contacts_handled) + abandoned;
  const std::int64_t lifetime_value_lost = get(t, Counter::lifetime_value_lost_cents);
  // Margin leakage: what execution failures cost beyond the sale itself. Every component but the
  // last is already in a revenue or cost line (dilution lowers revenue, re-ships and expedited
  // service are shipping), so leakage explains the contribution margin; the customers lost are
  // margin the run's horizon does not see.
  const std::int64_t leakage = expedited + appeasements + chargebacks + reships + returns_cost +
                               liquidation_loss + dilution + lifetime_value_lost;
  const double customer_years = static_cast<double>(get(t, Counter::active_customer_days)) / 365;
  return {
      // Over the orders that reached their node: not those still on the way at the horizon, nor
      // customers who walked away from a promotion mismatch before asking for the unit.
      {MetricId::availability_integrity,
       ratio(get(t, Counter::fulfillable), get(t, Counter::availability_checks))},
      {MetricId::in_stock_rate,
       ratio(get(t, Counter::shown_available) - get(t, Counter::substitutions),
             get(t, Counter::visits))},
      {MetricId::otif, ratio(get(t, Counter::orders_otif), get(t, Counter::orders_delivered))},
      {MetricId::on_time_rate,
       ratio(get(t, Counter::orders_on_time), get(t, Counter::orders_delivered))},
      {MetricId::in_full_rate,
       ratio(get(t, Counter::orders_in_full), get(t, Counter::orders_delivered))},
      {MetricId::promo_integrity,
       ratio(get(t, Counter::promo_correct_seconds), get(t, Counter::promo_slot_seconds))},
      {MetricId::promo_mismatches, static_cast<double>(get(t, Counter::promo_mismatches))},
      {MetricId::cancellation_rate,
       ratio(get(t, Counter::orders_cancelled), get(t, Counter::orders_placed))},
      {MetricId::orders_placed, static_cast<double>(get(t, Counter::orders_placed))},
      {MetricId::orders_cancelled, static_cast<double>(get(t, Counter::orders_cancelled))},
      {MetricId::lost_sales_units, static_cast<double>(get(t, Counter::lost_sales_units))},
      {MetricId::lost_sales_value, currency(get(t, Counter::lost_sales_cents))},
      {MetricId::backorders, static_cast<double>(get(t, Counter::backorders_queued))},
      {MetricId::mean_backorder_age_hours,
       ratio(get(t, Counter::backorder_age_us), get(t, Counter::backorders_filled)) / 3.6e9},
      {MetricId::units_sold, static_cast<double>(get(t, Counter::units_sold))},
      {MetricId::returns_per_order, ratio(returns, get(t, Counter::orders_delivered))},
      {MetricId::size_fit_returns_per_order,
       ratio(get(t, Counter::returns_size_fit), get(t, Counter::orders_delivered))},
      {MetricId::damaged_returns_per_order,
       ratio(get(t, Counter::returns_damaged), get(t, Counter::orders_delivered))},
      {MetricId::liquidation_rate,
       ratio(get(t, Counter::units_liquidated), get(t, Counter::units_returned))},
      {MetricId::contacts_per_100_orders, 100 * ratio(contacts, get(t, Counter::orders_placed))},
      {MetricId::mean_contact_wait_hours,
       ratio(get(t, Counter::contact_wait_us), get(t, Counter::contacts_handled)) / 3.6e9},
      {MetricId::contact_wait_probability,
       ratio(get(t, Counter::contacts_waited) + abandoned, offered)},
      {MetricId::contact_service_level, ratio(get(t, Counter::contacts_within_target), offered)},
      {MetricId::contact_abandonment_rate, ratio(abandoned, offered)},
      {MetricId::agent_utilisation,
       ratio(get(t, Counter::agent_busy_seconds), get(t, Counter::agent_paid_seconds))},
      {MetricId::mean_contact_queue,
       ratio(get(t, Counter::contact_queue_seconds), get(t, Counter::contact_station_seconds))},
      {MetricId::revenue, currency(revenue)},
      {MetricId::refunds, currency(get(t, Counter::refunds_cents))},
      {MetricId::cogs, currency(cogs)},
      {MetricId::gross_margin, currency(revenue - cogs)},
      {MetricId::shipping_cost, currency(shipping)},
      {MetricId::returns_cost, currency(returns_cost)},
      {MetricId::liquidation_loss, currency(liquidation_loss)},
      {MetricId::appeasements, currency(appeasements)},
      {MetricId::chargebacks, currency(chargebacks)},
      {MetricId::contact_cost, currency(contact_cost)},
      {MetricId::holding_cost, currency(holding)},
      {MetricId::purchase_order_cost, currency(purchase_orders)},
      {MetricId::store_delivery_cost, currency(store_deliveries)},
      {MetricId::transfer_freight, currency(transfers)},
      {MetricId::picker_cost, currency(pickers)},
      {MetricId::agent_cost, currency(agents)},
      {MetricId::expedited_shipping, currency(expedited)},
      {MetricId::reship_cost, currency(reships)},
      {MetricId::promo_dilution, currency(dilution)},
      {MetricId::margin_leakage, currency(leakage)},
      {MetricId::ad_spend, currency(ad_spend)},
      {MetricId::attributed_roas, ratio(get(t, Counter::ad_revenue_cents), ad_spend)},
      {MetricId::contribution_margin,
       currency(revenue - cogs - shipping - returns_cost - liquidation_loss - appeasements -
                chargebacks - contact_cost - holding - purchase_orders - store_deliveries -
                transfers - pickers - agents - ad_spend)},
      {MetricId::mean_pick_wait_hours,
       ratio(get(t, Counter::pick_wait_us), get(t, Counter::picks_completed)) / 3.6e9},
      {MetricId::pick_wait_probability,
       ratio(get(t, Counter::picks_waited), get(t, Counter::picks_completed))},
      {MetricId::pick_service_level,
       ratio(get(t, Counter::picks_within_target), get(t, Counter::picks_completed))},
      {MetricId::picker_utilisation,
       ratio(get(t, Counter::picker_busy_seconds), get(t, Counter::picker_paid_seconds))},
      {MetricId::mean_pick_queue,
       ratio(get(t, Counter::pick_queue_seconds), get(t, Counter::pick_station_seconds))},
      {MetricId::mean_order_cycle_hours,
       ratio(get(t, Counter::order_cycle_us), get(t, Counter::orders_delivered)) / 3.6e9},
      {MetricId::order_otif,
       ratio(get(t, Counter::customer_orders_otif), get(t, Counter::customer_orders_closed))},
      {MetricId::order_on_time_rate,
       ratio(get(t, Counter::customer_orders_on_time), get(t, Counter::customer_orders_closed))},
      {MetricId::order_in_full_rate,
       ratio(get(t, Counter::customer_orders_in_full), get(t, Counter::customer_orders_closed))},
      {MetricId::split_shipment_rate,
       ratio(get(t, Counter::split_orders), get(t, Counter::multiline_orders_shipped))},
      {MetricId::customer_orders, static_cast<double>(get(t, Counter::customer_orders))},
      {MetricId::lines_per_order,
       ratio(get(t, Counter::orders_placed), get(t, Counter::customer_orders))},
      {MetricId::parcels_shipped, static_cast<double>(get(t, Counter::parcels_shipped))},
      {MetricId::new_customers, static_cast<double>(get(t, Counter::customers_acquired))},
      {MetricId::ad_acquired_customers,
       static_cast<double>(get(t, Counter::customers_ad_acquired))},
      {MetricId::churned_customers, static_cast<double>(get(t, Counter::customers_churned))},
      {MetricId::won_back_customers, static_cast<double>(get(t, Counter::customers_won_back))},
      {MetricId::churn_rate,
       customer_years > 0 ? static_cast<double>(get(t, Counter::customers_churned)) / customer_years
                          : kNaN},
      {MetricId::repeat_purchase_rate,
       ratio(get(t, Counter::repeat_purchases), get(t, Counter::customer_purchases))},
      {MetricId::nps, 100 * ratio(get(t, Counter::nps_promoters) - get(t, Counter::nps_detractors),
                                  get(t, Counter::nps_responses))},
      {MetricId::revenue_per_customer,
       customer_years > 0 ? currency(revenue) / customer_years : kNaN},
      {MetricId::lifetime_value_lost, currency(lifetime_value_lost)},
  };
}

const std::array<const char*, kCounters>& counter_names() {
  static const std::array<const char*, kCounters> names = {"visits",
                                                           "shown_available",
                                                           "availability_checks",
                                                           "fulfillable",
                                                           "substitutions",
                                                           "deferrals",
                                                           "backorders_accepted",
                                                           "lost_sales_units",
                                                           "lost_sales_cents",
                                                           "orders_placed",
                                                           "orders_delivered",
                                                           "orders_on_time",
                                                           "orders_in_full",
                                                           "orders_otif",
                                                           "orders_cancelled",
                                                           "units_sold",
                                                           "units_damaged",
                                                           "revenue_cents",
                                                           "cogs_cents",
                                                           "shipping_cost_cents",
                                                           "picks_completed",
                                                           "pick_wait_us",
                                                           "picks_waited",
                                                           "picks_within_target",
                                                           "order_cycle_us",
                                                           "backorders_queued",
                                                           "backorders_filled",
                                                           "backorder_age_us",
                                                           "customer_orders",
                                                           "customer_orders_closed",
                                                           "customer_orders_on_time",
                                                           "customer_orders_in_full",
                                                           "customer_orders_otif",
                                                           "multiline_orders_shipped",
                                                           "split_orders",
                                                           "parcels_shipped",
                                                           "returns_size_fit",
                                                           "returns_damaged",
                                                           "returns_not_as_described",
                                                           "returns_changed_mind",
                                                           "refunds_cents",
                                                           "returned_cogs_cents",
                                                           "returns_cost_cents",
                                                           "liquidation_loss_cents",
                                                           "units_returned",
                                                           "units_restocked",
                                                           "units_liquidated",
                                                           "units_destroyed",
                                                           "contacts_late_delivery",
                                                           "contacts_cancellation",
                                                           "contacts_damaged",
                                                           "contacts_return_request",
                                                           "contacts_promo_mismatch",
                                                           "contacts_handled",
                                                           "contact_wait_us",
                                                           "contacts_waited",
                                                           "contacts_within_target",
                                                           "contacts_abandoned",
                                                           "contact_cost_cents",
                                                           "appeasement_cents",
                                                           "chargeback_cents",
                                                           "expedited_shipping_cents",
                                                           "reships",
                                                           "reship_cost_cents",
                                                           "promo_slot_seconds",
                                                           "promo_correct_seconds",
                                                           "promo_mismatches",
                                                           "promo_abandons",
                                                           "promo_dilution_cents",
                                                           "ad_spend_cents",
                                                           "ad_orders",
                                                           "ad_revenue_cents",
                                                           "holding_cost_cents",
                                                           "purchase_order_cost_cents",
                                                           "store_delivery_cost_cents",
                                                           "transfer_freight_cents",
                                                           "picker_cost_cents",
                                                           "agent_cost_cents",
                                                           "picker_paid_seconds",
                                                           "picker_busy_seconds",
                                                           "pick_queue_seconds",
                                                           "pick_station_seconds",
                                                           "agent_paid_seconds",
                                                           "agent_busy_seconds",
                                                           "contact_queue_seconds",
                                                           "contact_station_seconds",
                                                           "customers_acquired",
                                                           "customers_ad_acquired",
                                                           "customers_churned",
                                                           "customers_won_back",
                                                           "active_customer_days",
                                                           "customer_purchases",
                                                           "repeat_purchases",
                                                           "nps_responses",
                                                           "nps_promoters",
                                                           "nps_detractors",
                                                           "lifetime_value_lost_cents"};
  return names;
}

std::vector<CounterDelta> KpiBuffer::take() {
  // Each thread's sums, all zero between calls (every cell summed is emitted or was zero).
  thread_local std::vector<std::int64_t> sums;
  const std::size_t cells = kChannels * categories_ * kCounters;
  if (sums.size() < cells) sums.resize(cells, 0);
  // Reserved before any sum changes, so nothing below throws while the sums are not all zero.
  std::vector<std::uint32_t> first_added;
  first_added.reserve(log_.size());
  for (const Added& added : log_) {
    // A cell at zero is new, or back to zero and listed again (emitted once, below).
    if (sums[added.cell] == 0) first_added.push_back(added.cell);
    sums[added.cell] += added.value;
  }
  log_.clear();
  std::vector<CounterDelta> deltas;
  try {
    deltas.reserve(first_added.size());
  } catch (...) {
    for (const std::uint32_t cell : first_added)
      sums[cell] = 0;
    throw;
  }
  for (const std::uint32_t cell : first_added) {
    if (sums[cell] == 0) continue;  // back to zero, or already emitted
    const std::size_t counter = cell % kCounters;
    const std::size_t slot = cell / kCounters;
    deltas.push_back(CounterDelta{static_cast<Channel>(slot / categories_),
                                  static_cast<CategoryId>(slot % categories_),
                                  static_cast<std::uint8_t>(counter), sums[cell]});
    sums[cell] = 0;
  }
  return deltas;
}

KpiTable::KpiTable(std::uint32_t days, std::size_t categories, std::uint32_t warmup_days,
                   std::uint32_t nodes)
    : days_(days),
      categories_(categories),
      warmup_days_(warmup_days),
      cells_(static_cast<std::size_t>(days) * kChannels * categories, Totals{}),
      stock_(static_cast<std::size_t>(days) * categories),
      open_orders_(days, 0),
      node_days_(nodes > 0 ? NodeDays(days, nodes, categories) : NodeDays()) {
  check_warmup();
}

KpiTable::KpiTable(std::uint32_t days, std::size_t categories, std::uint32_t warmup_days,
                   Cells cells, std::vector<StockLevel> stock,
                   std::vector<std::int64_t> open_orders, NodeDays node_days)
    : days_(days),
      categories_(categories),
      warmup_days_(warmup_days),
      cells_(std::move(cells)),
      stock_(std::move(stock)),
      open_orders_(std::move(open_orders)),
      node_days_(std::move(node_days)) {
  const std::size_t day_categories = static_cast<std::size_t>(days) * categories;
  if (cells_.size() != day_categories * kChannels || stock_.size() != day_categories ||
      open_orders_.size() != days) {
    throw std::invalid_argument("a KPI table of " + std::to_string(days) + " days and " +
                                std::to_string(categories) + " categories cannot hold " +
                                std::to_string(cells_.size()) + " cells, " +
                                std::to_string(stock_.size()) + " stock levels and " +
                                std::to_string(open_orders_.size()) + " daily open orders");
  }
  if (node_days_.kept() && (node_days_.days() != days || node_days_.categories() != categories)) {
    throw std::invalid_argument("node days of " + std::to_string(node_days_.days()) + " days and " +
                                std::to_string(node_days_.categories()) +
                                " categories in a KPI table of " + std::to_string(days) +
                                " days and " + std::to_string(categories));
  }
  check_warmup();
}

void KpiTable::check_warmup() const {
  // A run of days only: a KPI table of none (a run that never started) has no warm-up either.
  if (warmup_days_ > 0 && warmup_days_ >= days_) {
    throw std::invalid_argument("a warm-up of " + std::to_string(warmup_days_) +
                                " days leaves nothing of a " + std::to_string(days_) +
                                "-day run to score");
  }
}

std::size_t KpiTable::index(std::uint32_t day, Channel channel, CategoryId category) const {
  return (static_cast<std::size_t>(day) * kChannels + static_cast<std::size_t>(channel)) *
             categories_ +
         category;
}

void KpiTable::add(std::uint32_t day, const std::vector<CounterDelta>& flows) {
  if (day >= days_) return;
  for (const auto& delta : flows) {
    if (delta.category >= categories_ || delta.counter >= kCounters) {
      throw std::logic_error("KPI report with category " + std::to_string(delta.category) +
                             " or counter " + std::to_string(delta.counter) + " out of range");
    }
    cells_[index(day, delta.channel, delta.category)][delta.counter] += delta.value;
  }
}

void KpiTable::add(const KpiReport& report) {
  add(report.day, report.flows);
  if (report.day >= days_) return;
  open_orders_[report.day] += report.open_orders;
  for (const auto& level : report.stock) {
    auto& slot = stock_[static_cast<std::size_t>(report.day) * categories_ + level.category];
    slot.category = level.category;
    slot.units += level.units;
    slot.cost_cents += level.cost_cents;
  }
}

std::int64_t KpiTable::at(std::uint32_t day, Channel channel, CategoryId category,
                          Counter counter) const {
  return cells_[index(day, channel, category)][static_cast<std::size_t>(counter)];
}

std::int64_t KpiTable::stock_units(std::uint32_t day, CategoryId category) const {
  return stock_[static_cast<std::size_t>(day) * categories_ + category].units;
}

std::int64_t KpiTable::stock_cost_cents(std::uint32_t day, CategoryId category) const {
  return stock_[static_cast<std::size_t>(day) * categories_ + category].cost_cents;
}

std::int64_t KpiTable::total(Counter counter) const {
  std::int64_t sum = 0;
  for (const auto& cell : cells_)
    sum += cell[static_cast<std::size_t>(counter)];
  return sum;
}

std::vector<Metric> spine_metrics(const KpiTable& table) {
  Totals totals{};
  std::int64_t stock_units = 0;
  std::int64_t stock_cost = 0;
  std::int64_t open_orders = 0;
  for (std::uint32_t day = table.warmup_days(); day < table.days(); ++day) {
    for (std::size_t c = 0; c < kChannels; ++c) {
      for (CategoryId category = 0; category < table.categories(); ++category) {
        for (std::size_t k = 0; k < kCounters; ++k)
          totals[k] += table.at(day, static_cast<Channel>(c), category, static_cast<Counter>(k));
      }
    }
    for (CategoryId category = 0; category < table.categories(); ++category) {
      stock_units += table.stock_units(day, category);
      stock_cost += table.stock_cost_cents(day, category);
    }
    open_orders += table.open_orders(day);
  }
  auto metrics = flow_metrics(totals);
  const double days = table.days() - table.warmup_days();
  metrics.push_back({MetricId::average_open_orders, static_cast<double>(open_orders) / days});
  const double average_cost = currency(stock_cost) / days;
  metrics.push_back({MetricId::average_inventory_units, static_cast<double>(stock_units) / days});
  metrics.push_back({MetricId::average_inventory_value, average_cost});
  // Annualised: cost of goods sold over the scored days, per unit of average inventory at cost.
  const double cogs =
      currency(get(totals, Counter::cogs_cents) - get(totals, Counter::returned_cogs_cents));
  metrics.push_back(
      {MetricId::inventory_turns, average_cost == 0 ? kNaN : cogs / average_cost * 365.0 / days});
  metrics.push_back({MetricId::average_active_customers,
                     static_cast<double>(get(totals, Counter::active_customer_days)) / days});
  return metrics;
}

std::vector<Metric> daily_metrics(const KpiTable& table, std::uint32_t day, Channel channel,
                                  CategoryId category) {
  Totals totals{};
  for (std::size_t c = 0; c < kCounters; ++c)
    totals[c] = table.at(day, channel, category, static_cast<Counter>(c));
  return flow_metrics(totals);
}

}  // namespace retail

// The daily KPI report every retail agent sends, and the collection of what was never sent.
#include "models/retail_agent.hpp"

namespace retail {

RetailAgent::RetailAgent(const Network& network)
    : network_(network), kpis_(network.scenario.catalog.categories.size()) {}

void RetailAgent::start_days(Context& ctx) {
  ctx.schedule(sim::kTicksPerDay, DayEnd{});
}

void RetailAgent::end_day(Context& ctx) {
  ctx.send(network_.ids.recorder, network_.report_latency,
           KpiReport{day_, kpis_.take(), stock_levels(), open_orders()});
  ++day_;
  ctx.schedule(sim::kTicksPerDay, DayEnd{});
}

void RetailAgent::collect_unreported(KpiTable& table) const {
  KpiBuffer copy = kpis_;
  table.add(KpiReport{day_, copy.take(), stock_levels(), open_orders()});
}

}  // namespace retail

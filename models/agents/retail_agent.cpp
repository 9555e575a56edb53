// The daily KPI report every retail agent sends, and the collection of what was never sent.
#include "models/agents/retail_agent.hpp"

#include <stdexcept>

namespace retail {

RetailAgent::RetailAgent(const Network& network)
    : network_(network), kpis_(network.scenario.catalog.categories.size()) {}

void RetailAgent::start_days(Context& ctx) {
  ctx.schedule(sim::kTicksPerDay, DayEnd{});
}

void RetailAgent::end_day(Context& ctx) {
  KpiReport report{day_, kpis_.take(), stock_levels(), open_orders()};
  // The control tower sees the same reports, as late as the recorder does.
  if (network_.ids.control_tower)
    ctx.send(*network_.ids.control_tower, network_.report_latency, report);
  ctx.send(network_.ids.recorder, network_.report_latency, std::move(report));
  ++day_;
  ctx.schedule(sim::kTicksPerDay, DayEnd{});
}

void RetailAgent::collect_unreported(KpiTable& table) const {
  KpiBuffer copy = kpis_;
  table.add(KpiReport{day_, copy.take(), stock_levels(), open_orders()});
}

void RetailAgent::misrouted(const Intervention& intervention, const std::string& agent,
                            const Context& ctx) const {
  const Rule& rule = network_.scenario.control_tower.rules[intervention.rule];
  throw std::logic_error(agent + " received action " + std::to_string(intervention.action + 1) +
                         " of rule '" + rule.name + "' at " + sim::format_time(ctx.now()) +
                         ", which it does not carry out");
}

}  // namespace retail

// Accumulating the agents' daily reports.
#include "models/agents/kpi_recorder.hpp"

#include <stdexcept>

namespace retail {

void KpiRecorderAgent::handle(const Event& event, Context& ctx) {
  if (const auto* report = std::get_if<KpiReport>(&event.msg)) {
    table_.add(*report);
  } else if (const auto* node_day = std::get_if<NodeDay>(&event.msg)) {
    table_.add(*node_day);
  } else {
    throw std::logic_error("the KPI recorder received a message that is not a report at " +
                           sim::format_time(ctx.now()));
  }
}

}  // namespace retail

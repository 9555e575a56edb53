// Accumulating the agents' daily reports.
#include "models/agents/kpi_recorder.hpp"

#include <stdexcept>

namespace retail {

void KpiRecorderAgent::handle(const Event& event, Context& ctx) {
  const auto* report = std::get_if<KpiReport>(&event.msg);
  if (report == nullptr) {
    throw std::logic_error("the KPI recorder received a message that is not a report at " +
                           sim::format_time(ctx.now()));
  }
  table_.add(*report);
}

}  // namespace retail

// The KPI recorder: every agent reports its day to it by message; it keeps the run's KpiTable.
#pragma once

#include "models/kpi.hpp"
#include "models/messages.hpp"

namespace retail {

class KpiRecorderAgent final : public sim::Agent<Msg> {
 public:
  KpiRecorderAgent(std::uint32_t days, std::size_t categories) : table_(days, categories) {}

  void handle(const Event& event, Context& ctx) override;

  // The table so far; reports still in flight are not in it.
  KpiTable& table() { return table_; }

 private:
  KpiTable table_;
};

}  // namespace retail

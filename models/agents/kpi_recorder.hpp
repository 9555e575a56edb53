// The KPI recorder: every agent reports its day to it by message (and DCs and stores their node
// days, when kept); it keeps the run's KpiTable.
#pragma once

#include <utility>

#include "models/agents/messages.hpp"
#include "models/metrics/kpi.hpp"

namespace retail {

class KpiRecorderAgent final : public sim::Agent<Msg> {
 public:
  // Starts from `empty`, a table of the run's days, categories and warm-up.
  explicit KpiRecorderAgent(KpiTable empty) : table_(std::move(empty)) {}

  void handle(const Event& event, Context& ctx) override;

  // The table so far; reports still in flight are not in it.
  KpiTable& table() { return table_; }

 private:
  KpiTable table_;
};

}  // namespace retail

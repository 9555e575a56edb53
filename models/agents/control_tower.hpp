// The control tower: it sees KPIs only through the daily reports every agent also sends it (so
// with the report latency), keeps each rule's scoped counters per day, and acts on them.
// In the control-tower arm it evaluates every rule each day: a rule fires once its metric has
// crossed the threshold for the sustained time, the owner decides within the timebox (or at the
// weekly reallocation review), and the actions go as messages to the agents that carry them out,
// each after its own delay; a cooldown follows. In the status-quo arm the same organisation only
// looks at its rules at a periodic review and decides slowly. Either way every firing goes to the
// decision log, with the metric before and after.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "models/agents/retail_agent.hpp"
#include "models/metrics/decision_log.hpp"

namespace retail {

enum class Arm : std::uint8_t { status_quo, control_tower };

class ControlTowerAgent final : public RetailAgent {
 public:
  ControlTowerAgent(const Network& network, Arm arm);

  void start(Context& ctx) override;
  void handle(const Event& event, Context& ctx) override;
  void audit(Audit&) const override {}

  static sim::Time min_send_delay(const Network& network) { return network.routing_latency; }
  static constexpr std::uint32_t kStreams = 1;

  const std::vector<DecisionRecord>& decisions() const { return log_; }

 private:
  struct RuleState {
    std::vector<CounterTotals> days;  // the rule's scoped counters, per reported day
    std::optional<sim::Time> breached_since;
    bool pending = false;       // fired, waiting for its decision
    sim::Time quiet_until = 0;  // cooldown: no firing before
    std::size_t record = 0;     // its latest entry in the log
  };
  // A decision log entry waiting for the first full window after its actions.
  struct AfterMeasure {
    std::size_t record;
    std::uint32_t from_day;
  };

  void on(const KpiReport& report, sim::AgentId from);
  void on_evaluation(Context& ctx);
  void on_weekly_review(Context& ctx);
  void on_periodic_review(Context& ctx);
  void decide(std::uint32_t rule, Context& ctx);

  // Which rules count an agent's reports, by the agent's zone and node.
  bool in_scope(const RuleScope& scope, sim::AgentId agent) const;
  // The rule's metric over days [first_day, end_day), or over the `window` complete days before
  // `today` (NaN when undefined).
  double value(std::uint32_t rule, std::uint32_t first_day, std::uint32_t end_day) const;
  double window_value(std::uint32_t rule, std::uint32_t today, std::uint32_t window) const;
  void fire(std::uint32_t rule, double value, sim::Time decision_delay, Context& ctx);
  std::vector<sim::AgentId> executors(const Action& action) const;

  Arm arm_;
  std::vector<RuleState> rules_;
  std::vector<std::uint32_t> weekly_queue_;
  std::vector<AfterMeasure> after_;
  std::vector<DecisionRecord> log_;
};

}  // namespace retail

// An ad program: a daily budget spent on some SKUs on one online channel. Spend builds adstock
// (today's spend plus a decaying carry-over), and demand for the SKUs rises with it along a
// saturating Hill curve. Marketing judges it by ROAS as it sees it: the value of orders placed by
// the customers the ads brought (cancelled or not) over spend, reported by the order managers a
// day late. The scaling policy raises the budget while that ROAS beats its target, blind to
// inventory; the control tower can cut, pause, resume or pivot it to other SKUs (the same spend
// spread over more SKUs lifts each less).
#pragma once

#include <cstdint>
#include <vector>

#include "models/agents/retail_agent.hpp"

namespace retail {

class AdProgramAgent final : public RetailAgent {
 public:
  AdProgramAgent(const Network& network, std::uint32_t program);

  void start(Context& ctx) override;
  void handle(const Event& event, Context& ctx) override;
  void audit(Audit& audit) const override { audit.ad_spend_cents += spent_cents_; }

  static sim::Time min_send_delay(const Network& network) {
    return std::min(network.routing_latency, network.report_latency);
  }
  static constexpr std::uint32_t kStreams = 1;

 private:
  void on(const AdAttribution& report, Context& ctx);
  void on(const Intervention& intervention, Context& ctx);
  void on(const DayEnd&, Context& ctx);
  template <class Unexpected>
  void on(const Unexpected&, Context&);

  // The adstock as the response curve reads it: spread over the SKUs advertised now, in units of
  // the planned SKU count (a pivot to twice as many SKUs halves what each one gets).
  double adstock_per_planned_sku() const;
  // Sets today's budget, spends it and tells the demand generators the lift it buys.
  void spend_today(Context& ctx);
  // ROAS over the last window of fully reported days, or a negative number when nothing was
  // spent in it.
  double reported_roas() const;

  const AdProgram& config_;
  std::uint32_t index_;
  std::vector<SkuId> skus_;
  double budget_cents_;
  double cap_cents_;  // the scaling policy's cap, lowered by cuts
  bool paused_ = false;
  double adstock_cents_ = 0;
  std::uint32_t today_ = 0;
  std::vector<Cents> spend_by_day_;
  std::vector<Cents> attributed_by_day_;
  Cents spent_cents_ = 0;
};

}  // namespace retail

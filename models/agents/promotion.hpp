// A promotion: a discount on some SKUs, advertised on every channel from its launch to its end
// (demand rises by the price effect of the discount), and carried out by each channel on its own.
// A channel goes live after its own random lag; until then, and wherever a SKU slot went live
// wrong, customers meet a mismatch; where the bundle/coupon rule is misapplied they get too much
// off. An optional preflight gate fixes the wrong slots it catches and holds the launch until the
// channels are live. It reports promotion integrity: slot time live and correct over slot time
// advertised, per channel and category. The control tower may pause it on a channel, fix its
// wrong slots, or freeze it before it launches.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "models/agents/retail_agent.hpp"

namespace retail {

class PromotionAgent final : public RetailAgent {
 public:
  PromotionAgent(const Network& network, std::uint32_t promotion);

  void start(Context& ctx) override;
  void handle(const Event& event, Context& ctx) override;
  void audit(Audit&) const override {}

  static sim::Time min_send_delay(const Network& network) {
    return std::min(network.routing_latency, network.report_latency);
  }
  static constexpr std::uint32_t kStreams = 1;

 private:
  void on(const PromoPhase& phase, Context& ctx);
  void on(const DayEnd&, Context& ctx);
  void on(const Intervention& intervention, Context& ctx);
  template <class Unexpected>
  void on(const Unexpected&, Context&);

  // Draws each channel's lag and each slot's error, and applies the preflight gate.
  void plan(Context& ctx);
  // Adds the slot time since the last accrual to the day's KPIs.
  void accrue(sim::Time now);
  // Tells the agents that price `channel` the state of every slot on it.
  void publish(Channel channel, Context& ctx);
  // Tells the demand generators the lift on the channels the promotion is not paused on.
  void send_lift(double lift, Context& ctx);

  const Promotion& config_;
  std::uint32_t index_;
  double lift_;                       // the price effect of the discount, while advertised
  std::vector<CategoryId> category_;  // of each promoted SKU, in config_.skus order
  // Per channel: the state of each slot once live (correct, wrong or misapplied), and when it
  // goes live.
  std::array<std::vector<PromoSlot>, kChannels> once_live_;
  std::array<sim::Time, kChannels> live_at_{};
  sim::Time launch_ = 0;
  bool active_ = false;
  std::array<bool, kChannels> live_{};
  sim::Time accrued_to_ = 0;
  // The control tower's doing: channels it withdrew the promotion from, and a freeze before the
  // launch.
  std::array<bool, kChannels> paused_{};
  bool frozen_ = false;
};

}  // namespace retail

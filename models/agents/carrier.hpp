// A parcel carrier: collects tendered parcels at each node's daily pickup cut-off (up to its daily
// capacity per node; the rest wait for the next day), carries them with a random transit time,
// and sometimes has an exception (a late scan, or damage). A parcel is the lines of one order
// waiting at one node at the cut-off: they travel, cost and arrive (or are damaged) together.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <span>

#include "models/agents/retail_agent.hpp"

namespace retail {

class CarrierAgent final : public RetailAgent {
 public:
  CarrierAgent(const Network& network, CarrierId carrier);

  void start(Context& ctx) override;
  void handle(const Event& event, Context& ctx) override;
  void audit(Audit& audit) const override;

  static sim::Time min_send_delay(const Network& network);
  static constexpr std::uint32_t kStreams = 2;

 private:
  void on(const Tender& tender, Context& ctx);
  void on(const PickupTick&, Context& ctx);
  void on(const DayEnd&, Context& ctx) { end_day(ctx); }
  template <class Unexpected>
  void on(const Unexpected&, Context&);

  // Carries one parcel: `lines` (all of one order, at least one).
  void carry(std::span<const OrderLine> lines, Context& ctx);
  // Collects at most `capacity` parcels from `waiting`, the lines of an order that has several
  // joining its parcel wherever they wait.
  void collect_parcels(std::deque<OrderLine>& waiting, std::size_t capacity, Context& ctx);

  const Carrier& config_;
  std::map<sim::AgentId, std::deque<OrderLine>> waiting_;  // by node, in pickup order
  std::int64_t waiting_lines_ = 0;
  std::int64_t waiting_multiline_ = 0;  // of which lines of orders of several lines
  std::int64_t parcels_ = 0;
  std::int64_t shipping_cost_cents_ = 0;
  std::int64_t expedited_shipping_cents_ = 0;
  std::int64_t reship_cost_cents_ = 0;
};

}  // namespace retail

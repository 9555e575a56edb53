// A zone's customers: Poisson arrivals per channel whose hourly rate is base demand x zone and
// channel shares x day-of-week and hour-of-day seasonality x price effect. Each hour it draws the
// next hour's arrivals (a count per channel, then a time, SKU and store for each), so hours with
// no demand cost one event per zone, not one per SKU.
#pragma once

#include <array>
#include <boost/random/discrete_distribution.hpp>
#include <cstdint>

#include "models/retail_agent.hpp"

namespace retail {

class DemandAgent final : public RetailAgent {
 public:
  DemandAgent(const Network& network, ZoneId zone);

  void start(Context& ctx) override;
  void handle(const Event& event, Context& ctx) override;
  void audit(Audit&) const override {}

  // Customers are drawn one hour ahead, so they are sent at least this far ahead.
  static sim::Time min_send_delay(const Network&) { return sim::kTicksPerHour; }
  static constexpr std::uint32_t kStreams = 2;

  // Expected arrivals per hour through `channel` in hour `hour` (0 = the first hour of day 0, a
  // Monday).
  double rate_per_hour(Channel channel, std::uint64_t hour) const;

 private:
  void draw_hour(std::uint64_t hour, Context& ctx);

  ZoneId zone_;
  std::array<double, kChannels> base_per_hour_{};
  boost::random::discrete_distribution<std::uint32_t, double> store_choice_;
};

}  // namespace retail

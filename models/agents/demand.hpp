// A zone's customers: Poisson arrivals per channel whose hourly rate is base demand x zone and
// channel shares x day-of-week and hour-of-day seasonality x price effect x the lifts promotions
// and ad programs currently apply. Each hour it draws the next hour's arrivals (a count per
// channel, then a time, SKU and store for each), so hours with no demand cost one event per zone,
// not one per SKU; the first hour's are drawn at start. A channel's demand is in units: with
// baskets of several lines its customers arrive at its units' rate over the mean basket size,
// each with a basket of lines drawn on arrival.
//
// With a customer base (scenario.customers) the generator is also the zone's customers' memory:
// each arrival is a visit of one of them, drawn by visit rate and thinned by satisfaction (an
// ad-brought one is someone new), the base's acquisitions, churn and win-backs are drawn hour by
// hour, and every touch other agents report (CustomerTouch) moves a customer's satisfaction.
#pragma once

#include <algorithm>
#include <array>
#include <boost/random/discrete_distribution.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "models/agents/retail_agent.hpp"
#include "models/mechanics/basket.hpp"
#include "models/mechanics/customer_base.hpp"

namespace retail {

class DemandAgent final : public RetailAgent {
 public:
  DemandAgent(const Network& network, ZoneId zone);

  void start(Context& ctx) override;
  void handle(const Event& event, Context& ctx) override;
  void audit(Audit& audit) const override;

  // Customers are drawn one hour ahead, so they are sent at least this far ahead; a base also
  // reports its days to the recorder.
  static sim::Time min_send_delay(const Network& network) {
    return network.scenario.customers.enabled
               ? std::min<sim::Time>(sim::kTicksPerHour, network.report_latency)
               : sim::kTicksPerHour;
  }
  static constexpr std::uint32_t kStreams = 4;
  // The loader admits at most 1e9 units a day chain-wide at the peak of every lift, which
  // seasonality can concentrate into 7 x 24 times its hourly share: 7e9 an hour. Far beyond that
  // a rate is a bug, and a draw would overflow its count.
  static constexpr double kMostArrivalsPerHour = 1e10;

  // Expected arrivals (customers, each with a basket) per hour through `channel` in hour `hour`
  // (0 = the first hour of day 0, a Monday), with the lifts in force now.
  double rate_per_hour(Channel channel, std::uint64_t hour) const;

 private:
  // The latest lift from one promotion or ad program.
  struct Lift {
    std::uint8_t channels = 0;
    double lift = 1;
    std::vector<char> covers;  // per SKU
  };
  using SkuChoice = boost::random::discrete_distribution<SkuId, double>;

  void on(const DemandLift& lift);
  void on(const CustomerTouch& touch, Context& ctx);
  // The base's acquisitions, churns and win-backs of the hour beginning now, counted.
  void advance_customers(Context& ctx);
  // The customer whose visit a drawn arrival is (kAnonymous without a base), or nullopt when
  // thinning drops the visit.
  std::optional<CustomerId> visitor(const CustomerArrival& arrival, sim::Time at, Context& ctx);
  // Adds to a customer's counter, on their channel and category.
  void count(CustomerId customer, Counter counter, std::int64_t value = 1);
  // A churned customer's expected future margin, discounted (customers.lifetime_*), in cents.
  Cents lifetime_value(CustomerId customer) const;
  // Recomputes a channel's demand on top of the base from the lifts in force.
  void combine(std::size_t channel);
  void draw_hour(std::uint64_t hour, Context& ctx);
  SkuId draw_sku(std::size_t channel, sim::RandomStream& rng) const;
  // Sends the customer's basket to `to` at `at`: its first line, then the lines drawn after it.
  void send_basket(CustomerArrival customer, sim::AgentId to, sim::Time at, Context& ctx);
  // The ad program that brought a customer for `sku`, or kNoAd, in proportion to the lifts.
  std::int32_t draw_ad_program(std::size_t channel, SkuId sku, sim::RandomStream& rng) const;

  ZoneId zone_;
  std::array<double, kChannels> base_per_hour_{};  // customers: units over the mean basket size
  std::array<bool, kChannels> baskets_{};  // whether a channel's orders may have several lines
  CategoryChoice category_choice_;
  boost::random::discrete_distribution<std::uint32_t, double> store_choice_;
  std::vector<Lift> promotion_lifts_;  // per promotion
  std::vector<Lift> ad_lifts_;         // per ad program
  // Per channel: chain-wide units per day the lifts add, which SKUs they add them to, and the
  // combined ad lift of each SKU (empty while no program advertises on the channel).
  std::array<double, kChannels> lifted_daily_{};
  std::array<SkuChoice, kChannels> lifted_choice_;
  std::array<std::vector<double>, kChannels> ad_lift_;

  // The customer base, made at start (its draws need the agent's streams).
  std::optional<CustomerBase> customers_;
  std::array<double, kChannels> initial_customers_{};  // expected, by preferred channel
  // A customer's lifetime value per unit of relative visit rate, by channel, in cents.
  std::array<double, kChannels> lifetime_cents_per_rate_{};
  std::int64_t acquired_ = 0;
  std::int64_t churned_ = 0;
  std::int64_t won_back_ = 0;
  Cents lifetime_value_lost_cents_ = 0;
};

}  // namespace retail

// One zone's identified customers: who they are (a preferred channel and a visit rate), how
// satisfied they are, and whether they still come. The base is compact state, not agents: a
// million customers take about 30 MB, and nothing happens to a customer between touches.
//
// Satisfaction s in [-1, 1] starts at 0, moves by each experience's effect and decays towards 0
// with the configured half-life. It scales the customer's visit rate by exp(a s) and their churn
// hazard by exp(-b s). Both are drawn by thinning, so the base never sweeps its customers:
// visits are proposed at the bound exp(a) of every active customer's rate and each is kept with
// exp(a s) / exp(a); churn is proposed at the bound of the hazard for every active customer, the
// customer drawn uniformly, and kept with their own hazard over the bound. The thinned processes
// are exactly the customers' own (Lewis & Shedler 1979).
#pragma once

#include <array>
#include <boost/random/discrete_distribution.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "models/agents/messages.hpp"
#include "models/mechanics/weighted_pool.hpp"
#include "models/scenario/scenario.hpp"
#include "sim/random.hpp"

namespace retail {

class CustomerBase {
 public:
  // `initial`: the customers expected at the start per preferred channel (that many, rounded,
  // their visit rates drawn from `rng`): the base the channel's demand is calibrated for, so its
  // visits are then scaled by its active customers' rates over that many average ones.
  // `acquisition_per_day` new customers come a day besides those ads bring, their channel drawn
  // by `channel_shares`. A customer belongs to the category of their latest visit; before their
  // first, to one drawn by `category_weights` (the categories' shares of demand).
  CustomerBase(const Customers& config, const std::array<double, kChannels>& initial,
               double acquisition_per_day, const std::array<double, kChannels>& channel_shares,
               const std::vector<double>& category_weights, sim::RandomStream& rng);

  // The factor on a channel's proposed visits, against the demand calibrated for the initial
  // base: the active customers' rates over the initial ones, times the satisfaction bound.
  double proposal_factor(Channel channel) const;
  // A proposed visit on `channel` at `hours`: the customer whose visit it is, drawn by rate, or
  // nullopt when thinning drops it (or the channel has no active customer).
  std::optional<CustomerId> visitor(Channel channel, double hours, sim::RandomStream& rng);
  // Whether a proposal someone new makes (an ad-brought visit) survives the same thinning.
  bool keeps_newcomer(sim::RandomStream& rng) const;

  // A new customer of `channel` (`fragile`: brought by ads, with the higher churn hazard).
  CustomerId acquire(Channel channel, bool fragile, double hours, sim::RandomStream& rng);
  // The customer's visit is for a SKU of `category`.
  void visit_category(CustomerId customer, CategoryId category);
  CategoryId category(CustomerId customer) const { return people_[customer].category; }
  // Active customers by preferred channel and category.
  std::uint32_t active_in(Channel channel, CategoryId category) const {
    return active_cells_[static_cast<std::size_t>(channel) * categories_ + category];
  }
  std::size_t categories() const { return categories_; }

  // What the NPS proxy makes of a customer after an experience.
  enum class Response : std::uint8_t { passive, promoter, detractor };
  // The customer lives through `kind` at `hours`; their response to a survey then.
  Response experience(CustomerId customer, Experience kind, double hours);
  // The customer's satisfaction at `hours` without any new experience.
  double satisfaction(CustomerId customer, double hours) const;

  // What a span of time brought: customers acquired, lost and won back.
  struct Changes {
    std::vector<CustomerId> acquired;
    std::vector<CustomerId> churned;
    std::vector<CustomerId> won_back;
  };
  // Draws the acquisitions, churns and win-backs of the `hours` from `from`, each taken at the
  // span's start (an hour is short beside a customer's lifetime).
  Changes advance(double from, double hours, sim::RandomStream& rng);

  bool active(CustomerId customer) const { return people_[customer].active; }
  Channel channel(CustomerId customer) const { return people_[customer].channel; }
  bool fragile(CustomerId customer) const { return people_[customer].fragile; }
  // A customer's visit rate relative to the average customer at the start (mean 1).
  double relative_rate(CustomerId customer) const { return people_[customer].rate; }
  // Purchases so far (a customer's first is not a repeat); counts up to 65,535.
  std::uint32_t purchases(CustomerId customer) const { return people_[customer].purchases; }
  void record_purchase(CustomerId customer);
  std::size_t size() const { return people_.size(); }
  std::size_t active_count() const { return active_.size(); }
  std::size_t active_count(Channel channel) const;

  // Bytes a customer takes (for the memory estimate).
  static double bytes_per_customer();

 private:
  struct Person {
    float satisfaction = 0;
    float updated_hours = 0;   // when satisfaction was last set
    float rate = 1;            // visit rate relative to the average customer at the start
    std::uint32_t slot = 0;    // position in active_ or winnable_
    std::uint32_t member = 0;  // index in its channel's pool
    std::uint16_t purchases = 0;
    std::uint16_t category = 0;  // the loader admits at most 10,000
    Channel channel = Channel::store;
    bool active = true;
    bool fragile = false;
    bool winnable = false;  // churned, and will come back some day
  };
  double hazard_ratio(const Person& person, double hours) const;
  void leave(std::vector<CustomerId>& list, CustomerId customer);
  void join(std::vector<CustomerId>& list, CustomerId customer);
  void churn(CustomerId customer, sim::RandomStream& rng);
  void win_back(CustomerId customer);
  std::uint32_t& active_cell(const Person& person) {
    return active_cells_[static_cast<std::size_t>(person.channel) * categories_ + person.category];
  }

  Customers config_;
  double acquisition_per_hour_;
  std::array<double, kChannels> channel_cumulative_{};  // shares, summed up to each channel
  double decay_per_hour_;                               // ln 2 / half-life
  double visit_bound_;                                  // exp(visit_sensitivity)
  double hazard_bound_;  // the largest hazard ratio a customer can have
  std::vector<Person> people_;
  std::array<WeightedPool, kChannels> pools_;
  std::array<std::vector<CustomerId>, kChannels> pool_members_;
  std::array<double, kChannels> initial_weight_{};  // the expected initial rates: the counts
  std::array<std::size_t, kChannels> active_by_channel_{};
  std::size_t categories_;
  boost::random::discrete_distribution<std::uint16_t, double> category_choice_;
  std::vector<std::uint32_t> active_cells_;  // [channel x categories + category]
  std::vector<CustomerId> active_;
  std::vector<CustomerId> winnable_;
};

}  // namespace retail

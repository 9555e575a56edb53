#include "models/mechanics/customer_base.hpp"

#include <algorithm>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>
#include <numbers>

namespace retail {

namespace {

// A draw of a visit rate, mean 1: gamma-distributed across customers, as in the NBD model of
// repeat buying (Ehrenberg 1959).
float draw_rate(double shape, sim::RandomStream& rng) {
  return static_cast<float>(boost::random::gamma_distribution<double>(shape, 1 / shape)(rng));
}

std::int64_t poisson(double mean, sim::RandomStream& rng) {
  if (!(mean > 0)) return 0;
  return boost::random::poisson_distribution<std::int64_t, double>(mean)(rng);
}

}  // namespace

CustomerBase::CustomerBase(const Customers& config, const std::array<double, kChannels>& initial,
                           double acquisition_per_day,
                           const std::array<double, kChannels>& channel_shares,
                           const std::vector<double>& category_weights, sim::RandomStream& rng)
    : config_(config),
      acquisition_per_hour_(acquisition_per_day / 24),
      decay_per_hour_(std::numbers::ln2 / (config.satisfaction_half_life_days * 24)),
      visit_bound_(std::exp(config.visit_sensitivity)),
      hazard_bound_(std::exp(config.churn_sensitivity) *
                    std::max(1.0, config.ad_acquired_churn_multiplier)),
      categories_(category_weights.size()),
      category_choice_(category_weights.begin(), category_weights.end()),
      active_cells_(kChannels * categories_, 0) {
  double shares = 0;
  for (std::size_t c = 0; c < kChannels; ++c)
    channel_cumulative_[c] = shares += channel_shares[c];
  for (std::size_t c = 0; c < kChannels; ++c) {
    const auto count = static_cast<std::uint64_t>(std::llround(initial[c]));
    for (std::uint64_t i = 0; i < count; ++i)
      acquire(static_cast<Channel>(c), false, 0, rng);
    initial_weight_[c] = initial[c];
  }
}

double CustomerBase::proposal_factor(Channel channel) const {
  const std::size_t c = static_cast<std::size_t>(channel);
  if (!(initial_weight_[c] > 0)) return 0;
  return pools_[c].total() / initial_weight_[c] * visit_bound_;
}

double CustomerBase::satisfaction(CustomerId customer, double hours) const {
  const Person& person = people_[customer];
  return person.satisfaction * std::exp(-decay_per_hour_ * (hours - person.updated_hours));
}

std::optional<CustomerId> CustomerBase::visitor(Channel channel, double hours,
                                                sim::RandomStream& rng) {
  const std::size_t c = static_cast<std::size_t>(channel);
  if (!(pools_[c].total() > 0)) return std::nullopt;
  const CustomerId customer = pool_members_[c][pools_[c].draw(rng)];
  const double keep = std::exp(config_.visit_sensitivity * satisfaction(customer, hours));
  if (rng.uniform01() * visit_bound_ >= keep) return std::nullopt;
  return customer;
}

bool CustomerBase::keeps_newcomer(sim::RandomStream& rng) const {
  return rng.uniform01() * visit_bound_ < 1;
}

CustomerId CustomerBase::acquire(Channel channel, bool fragile, double hours,
                                 sim::RandomStream& rng) {
  const std::size_t c = static_cast<std::size_t>(channel);
  const auto customer = static_cast<CustomerId>(people_.size());
  Person person;
  person.updated_hours = static_cast<float>(hours);
  person.rate = draw_rate(config_.visit_rate_shape, rng);
  person.channel = channel;
  person.fragile = fragile;
  person.category = category_choice_(rng);
  person.member = pools_[c].append(person.rate);
  people_.push_back(person);
  pool_members_[c].push_back(customer);
  join(active_, customer);
  ++active_by_channel_[c];
  ++active_cell(person);
  return customer;
}

void CustomerBase::visit_category(CustomerId customer, CategoryId category) {
  Person& person = people_[customer];
  if (person.active) --active_cell(person);
  person.category = static_cast<std::uint16_t>(category);
  if (person.active) ++active_cell(person);
}

CustomerBase::Response CustomerBase::experience(CustomerId customer, Experience kind,
                                                double hours) {
  Person& person = people_[customer];
  const double now =
      satisfaction(customer, hours) + config_.effects[static_cast<std::size_t>(kind)];
  person.satisfaction = static_cast<float>(std::clamp(now, -1.0, 1.0));
  person.updated_hours = static_cast<float>(hours);
  if (person.satisfaction >= config_.promoter_min_satisfaction) return Response::promoter;
  if (person.satisfaction <= config_.detractor_max_satisfaction) return Response::detractor;
  return Response::passive;
}

void CustomerBase::record_purchase(CustomerId customer) {
  Person& person = people_[customer];
  if (person.purchases < 0xffff) ++person.purchases;
}

std::size_t CustomerBase::active_count(Channel channel) const {
  return active_by_channel_[static_cast<std::size_t>(channel)];
}

double CustomerBase::hazard_ratio(const Person& person, double hours) const {
  const double s =
      person.satisfaction * std::exp(-decay_per_hour_ * (hours - person.updated_hours));
  return std::exp(-config_.churn_sensitivity * s) *
         (person.fragile ? config_.ad_acquired_churn_multiplier : 1.0);
}

void CustomerBase::join(std::vector<CustomerId>& list, CustomerId customer) {
  people_[customer].slot = static_cast<std::uint32_t>(list.size());
  list.push_back(customer);
}

void CustomerBase::leave(std::vector<CustomerId>& list, CustomerId customer) {
  const std::uint32_t slot = people_[customer].slot;
  list[slot] = list.back();
  people_[list[slot]].slot = slot;
  list.pop_back();
}

void CustomerBase::churn(CustomerId customer, sim::RandomStream& rng) {
  Person& person = people_[customer];
  leave(active_, customer);
  person.active = false;
  --active_by_channel_[static_cast<std::size_t>(person.channel)];
  --active_cell(person);
  pools_[static_cast<std::size_t>(person.channel)].set(person.member, 0);
  person.winnable = rng.uniform01() < config_.win_back_probability;
  if (person.winnable) join(winnable_, customer);
}

void CustomerBase::win_back(CustomerId customer) {
  Person& person = people_[customer];
  leave(winnable_, customer);
  person.winnable = false;
  person.active = true;
  // A customer won back starts afresh: what drove them away is behind them.
  person.satisfaction = 0;
  person.fragile = false;
  ++active_by_channel_[static_cast<std::size_t>(person.channel)];
  ++active_cell(person);
  pools_[static_cast<std::size_t>(person.channel)].set(person.member, person.rate);
  join(active_, customer);
}

CustomerBase::Changes CustomerBase::advance(double from, double hours, sim::RandomStream& rng) {
  Changes changes;
  const double shares = channel_cumulative_.back();
  const std::int64_t arrivals = shares > 0 ? poisson(acquisition_per_hour_ * hours, rng) : 0;
  for (std::int64_t i = 0; i < arrivals; ++i) {
    const double u = rng.uniform01() * shares;
    std::size_t c = 0;
    while (c + 1 < kChannels && channel_cumulative_[c] <= u)
      ++c;
    changes.acquired.push_back(acquire(static_cast<Channel>(c), false, from, rng));
  }
  const double hazard_per_hour = config_.churn_per_year / (365.0 * 24);
  const std::int64_t proposals =
      poisson(static_cast<double>(active_.size()) * hazard_per_hour * hazard_bound_ * hours, rng);
  for (std::int64_t i = 0; i < proposals && !active_.empty(); ++i) {
    const CustomerId customer = active_[std::min(
        active_.size() - 1,
        static_cast<std::size_t>(rng.uniform01() * static_cast<double>(active_.size())))];
    if (rng.uniform01() * hazard_bound_ >= hazard_ratio(people_[customer], from)) continue;
    churn(customer, rng);
    changes.churned.push_back(customer);
  }
  const std::int64_t returns = poisson(
      static_cast<double>(winnable_.size()) * hours / (config_.win_back_mean_days * 24), rng);
  for (std::int64_t i = 0; i < returns && !winnable_.empty(); ++i) {
    const CustomerId customer = winnable_[std::min(
        winnable_.size() - 1,
        static_cast<std::size_t>(rng.uniform01() * static_cast<double>(winnable_.size())))];
    win_back(customer);
    changes.won_back.push_back(customer);
  }
  return changes;
}

double CustomerBase::bytes_per_customer() {
  // The person, the pool's weight and tree node, the pool's member and the active list's slot.
  return sizeof(Person) + 2 * sizeof(double) + 2 * sizeof(CustomerId);
}

}  // namespace retail

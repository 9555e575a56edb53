// Control tower behaviour: scoped counters from reports, daily evaluation with sustained breaches,
// decisions within the timebox or at the weekly review, the status-quo periodic review, and the
// decision log.
#include "models/agents/control_tower.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace retail {

namespace {

std::uint32_t day_of(sim::Time t) {
  return static_cast<std::uint32_t>(t / sim::kTicksPerDay);
}

bool breaches(Rule::Comparator comparator, double value, double threshold) {
  if (std::isnan(value)) return false;
  switch (comparator) {
    case Rule::Comparator::less:
      return value < threshold;
    case Rule::Comparator::less_equal:
      return value <= threshold;
    case Rule::Comparator::greater:
      return value > threshold;
    case Rule::Comparator::greater_equal:
      return value >= threshold;
  }
  return false;
}

}  // namespace

ControlTowerAgent::ControlTowerAgent(const Network& network, Arm arm)
    : RetailAgent(network), arm_(arm), rules_(network.scenario.control_tower.rules.size()) {
  for (const Rule& rule : network.scenario.control_tower.rules) {
    if (!is_flow_metric(rule.metric)) {
      throw std::logic_error("rule '" + rule.name + "' watches " +
                             std::string(metric_key(rule.metric)) +
                             ", which the daily reports cannot give");
    }
  }
}

void ControlTowerAgent::start(Context& ctx) {
  const ControlTower& tower = network().scenario.control_tower;
  ctx.schedule(sim::kTicksPerDay + sim::hours(tower.evaluation_hour), EvaluationTick{});
  if (arm_ == Arm::control_tower) {
    ctx.schedule(sim::days(tower.review_day) + sim::hours(tower.review_hour), WeeklyReview{});
  } else if (!network().scenario.status_quo.rules.empty()) {
    const StatusQuo& status_quo = network().scenario.status_quo;
    ctx.schedule(sim::days(status_quo.first_review_day) + sim::hours(status_quo.review_hour),
                 PeriodicReview{});
  }
}

void ControlTowerAgent::handle(const Event& event, Context& ctx) {
  if (const auto* report = std::get_if<KpiReport>(&event.msg)) {
    on(*report, event.sender());
  } else if (std::holds_alternative<EvaluationTick>(event.msg)) {
    on_evaluation(ctx);
  } else if (std::holds_alternative<WeeklyReview>(event.msg)) {
    on_weekly_review(ctx);
  } else if (std::holds_alternative<PeriodicReview>(event.msg)) {
    on_periodic_review(ctx);
  } else if (const auto* due = std::get_if<DecisionDue>(&event.msg)) {
    decide(due->rule, ctx);
  } else {
    throw std::logic_error("the control tower received an unexpected message at " +
                           sim::format_time(ctx.now()));
  }
}

bool ControlTowerAgent::in_scope(const RuleScope& scope, sim::AgentId agent) const {
  const Directory& ids = network().ids;
  if (scope.node) return agent == network().node_agent(*scope.node);
  if (!scope.zone) return true;
  if (agent == ids.order_manager[*scope.zone]) return true;
  const auto& stores = network().stores_by_zone[*scope.zone];
  return std::any_of(stores.begin(), stores.end(),
                     [&](StoreId store) { return ids.store[store] == agent; });
}

void ControlTowerAgent::on(const KpiReport& report, sim::AgentId from) {
  if (report.day >= network().scenario.horizon_days) return;
  const auto& rules = network().scenario.control_tower.rules;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const RuleScope& scope = rules[r].scope;
    if (!in_scope(scope, from)) continue;
    auto& days = rules_[r].days;
    if (days.size() <= report.day) days.resize(report.day + 1, CounterTotals{});
    for (const CounterDelta& delta : report.flows) {
      if (scope.channel && delta.channel != *scope.channel) continue;
      if (scope.category && delta.category != *scope.category) continue;
      days[report.day][delta.counter] += delta.value;
    }
  }
}

double ControlTowerAgent::value(std::uint32_t rule, std::uint32_t first_day,
                                std::uint32_t end_day) const {
  CounterTotals sum{};
  const auto& days = rules_[rule].days;
  for (std::uint32_t day = first_day; day < std::min<std::size_t>(end_day, days.size()); ++day) {
    for (std::size_t c = 0; c < kCounters; ++c)
      sum[c] += days[day][c];
  }
  const MetricId metric = network().scenario.control_tower.rules[rule].metric;
  return flow_metrics(sum)[metric_index(metric)].value;
}

double ControlTowerAgent::window_value(std::uint32_t rule, std::uint32_t today,
                                       std::uint32_t window) const {
  return value(rule, today > window ? today - window : 0, today);
}

void ControlTowerAgent::on_evaluation(Context& ctx) {
  const std::uint32_t today = day_of(ctx.now());
  const auto& rules = network().scenario.control_tower.rules;
  std::erase_if(after_, [&](const AfterMeasure& measure) {
    const DecisionRecord& record = log_[measure.record];
    const std::uint32_t window = rules[record.rule].window_days;
    if (today < measure.from_day + window) return false;
    log_[measure.record].value_after =
        value(record.rule, measure.from_day, measure.from_day + window);
    return true;
  });
  if (arm_ == Arm::control_tower) {
    for (std::uint32_t r = 0; r < rules.size(); ++r) {
      RuleState& state = rules_[r];
      const double v = window_value(r, today, rules[r].window_days);
      if (state.pending || ctx.now() < state.quiet_until ||
          !breaches(rules[r].comparator, v, rules[r].threshold)) {
        state.breached_since.reset();
        continue;
      }
      if (!state.breached_since) state.breached_since = ctx.now();
      if (ctx.now() - *state.breached_since < sim::hours(rules[r].sustained_for_hours)) continue;
      const double decision_h =
          std::min(rules[r].decision_hours.sample(ctx.rng()), rules[r].timebox_hours);
      fire(r, v, sim::hours(decision_h), ctx);
    }
  }
  ctx.schedule(sim::kTicksPerDay, EvaluationTick{});
}

void ControlTowerAgent::fire(std::uint32_t rule, double value, sim::Time decision_delay,
                             Context& ctx) {
  RuleState& state = rules_[rule];
  state.pending = true;
  state.breached_since.reset();
  state.record = log_.size();
  DecisionRecord record;
  record.rule = rule;
  record.fired_at = ctx.now();
  record.value_at_fire = value;
  log_.push_back(record);
  if (arm_ == Arm::control_tower && network().scenario.control_tower.rules[rule].weekly) {
    weekly_queue_.push_back(rule);
  } else {
    ctx.schedule(decision_delay, DecisionDue{rule});
  }
}

void ControlTowerAgent::decide(std::uint32_t rule, Context& ctx) {
  const Rule& config = network().scenario.control_tower.rules[rule];
  RuleState& state = rules_[rule];
  DecisionRecord& record = log_[state.record];
  record.decided_at = ctx.now();
  sim::Time executed = ctx.now();
  for (std::uint32_t a = 0; a < config.actions.size(); ++a) {
    const Action& action = config.actions[a];
    const sim::Time delay = std::max(network().routing_latency, sim::hours(action.delay_hours));
    for (const sim::AgentId agent : executors(action))
      ctx.send(agent, delay, Intervention{rule, a});
    executed = std::max(executed, ctx.now() + delay);
  }
  // Actions that would land after the horizon never took effect in this run.
  record.executed_at =
      executed < sim::days(network().scenario.horizon_days) ? executed : DecisionRecord::kNotYet;
  state.pending = false;
  state.quiet_until = executed + sim::hours(config.cooldown_hours);
  after_.push_back(
      {state.record, day_of(executed + sim::kTicksPerDay - 1)});  // the first whole day after
}

void ControlTowerAgent::on_weekly_review(Context& ctx) {
  for (const std::uint32_t rule : weekly_queue_)
    decide(rule, ctx);
  weekly_queue_.clear();
  ctx.schedule(7 * sim::kTicksPerDay, WeeklyReview{});
}

void ControlTowerAgent::on_periodic_review(Context& ctx) {
  const StatusQuo& status_quo = network().scenario.status_quo;
  const auto& rules = network().scenario.control_tower.rules;
  for (const std::uint32_t r : status_quo.rules) {
    const RuleState& state = rules_[r];
    if (state.pending || ctx.now() < state.quiet_until) continue;
    const std::uint32_t window =
        status_quo.window_days > 0 ? status_quo.window_days : rules[r].window_days;
    const double v = window_value(r, day_of(ctx.now()), window);
    if (breaches(rules[r].comparator, v, rules[r].threshold))
      fire(r, v, sim::hours(status_quo.decision_hours.sample(ctx.rng())), ctx);
  }
  ctx.schedule(sim::days(status_quo.review_every_days), PeriodicReview{});
}

std::vector<sim::AgentId> ControlTowerAgent::executors(const Action& action) const {
  const Directory& ids = network().ids;
  const auto zones = [&]() -> std::vector<ZoneId> {
    if (!action.all_zones) return {action.zone};
    std::vector<ZoneId> all(network().scenario.zones.size());
    for (ZoneId z = 0; z < all.size(); ++z)
      all[z] = z;
    return all;
  };
  std::vector<sim::AgentId> out;
  switch (action.kind) {
    case Action::Kind::cut_ads:
    case Action::Kind::pause_ads:
    case Action::Kind::resume_ads:
    case Action::Kind::pivot_ads:
      return {ids.ad_program[action.program]};
    case Action::Kind::transfer_inventory:
      return {network().node_agent(action.from)};
    case Action::Kind::widen_promise:
    case Action::Kind::expedite:
      for (const ZoneId zone : zones())
        out.push_back(ids.order_manager[zone]);
      return out;
    case Action::Kind::update_sizing_content:
    case Action::Kind::change_packaging:
      return ids.order_manager;
    case Action::Kind::switch_carrier:
      // Whoever tenders the zone's parcels: its DC and its ship-from-store stores.
      for (const ZoneId zone : zones()) {
        out.push_back(ids.dc[network().scenario.zones[zone].dc]);
        for (const StoreId store : network().stores_by_zone[zone])
          out.push_back(ids.store[store]);
      }
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      return out;
    case Action::Kind::pause_promo:
    case Action::Kind::fix_promo:
      return {ids.promotion[action.promotion]};
    case Action::Kind::freeze_promos:
      return ids.promotion;
    case Action::Kind::tighten_disposition:
      return ids.dc;
    case Action::Kind::add_labour:
      if (action.station == Action::Station::agents) return {ids.customer_service};
      return action.all_dcs ? ids.dc : std::vector<sim::AgentId>{ids.dc[action.dc]};
  }
  return out;
}

}  // namespace retail

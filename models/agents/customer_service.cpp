// Contact-centre behaviour: first come, first served, with waits that raise appeasement and,
// given a patience, contacts that abandon the queue.
#include "models/agents/customer_service.hpp"

#include <algorithm>
#include <stdexcept>

namespace retail {

namespace {

// The chain's channel mix: contacts come from every channel's orders.
ChannelMix chain_mix(const Network& network) {
  ChannelMix mix{};
  for (std::size_t c = 0; c < kChannels; ++c)
    mix[c] = network.channel_share(static_cast<Channel>(c));
  return mix;
}

}  // namespace

CustomerServiceAgent::CustomerServiceAgent(const Network& network)
    : RetailAgent(network), crew_(network.scenario.service.agents), agents_(crew_.on_duty(0)) {
  staff_station(agents_, crew_,
                {Counter::agent_cost_cents, Counter::agent_paid_seconds,
                 Counter::agent_busy_seconds, Counter::contact_queue_seconds,
                 Counter::contact_station_seconds, network.scenario.costs.agent_hour_cents},
                share_costs(CostShares(chain_mix(network), network.scenario.catalog,
                                       network.sku_daily_demand)));
}

void CustomerServiceAgent::handle(const Event& event, Context& ctx) {
  std::visit([&](const auto& message) { on(message, ctx); }, event.msg);
}

template <class Unexpected>
void CustomerServiceAgent::on(const Unexpected&, Context& ctx) {
  throw std::logic_error("customer service received an unexpected message at " +
                         sim::format_time(ctx.now()));
}

void CustomerServiceAgent::on(const Contact& contact, Context& ctx) {
  kpis().add(contact.line.channel, network().scenario.catalog.skus[contact.line.sku].category,
             contacts_counter(contact.reason));
  ++contacts_arrived_;
  const auto arrival = agents_.arrive(contact, ctx.now());
  if (arrival.started) {
    begin(*arrival.started, ctx);
  } else if (const auto& patience = network().scenario.service.patience_minutes) {
    ctx.schedule(sim::minutes(patience->sample(ctx.rng())), PatienceEnds{arrival.ticket});
  }
}

void CustomerServiceAgent::begin(const FifoStation<Contact>::Job& job, Context& ctx) {
  const CustomerService& service = network().scenario.service;
  const ContactReasonConfig& reason = service.reasons[static_cast<std::size_t>(job.item.reason)];
  const OrderLine& line = job.item.line;
  const CategoryId category = network().scenario.catalog.skus[line.sku].category;
  const sim::Time wait = ctx.now() - job.arrived;
  ++contacts_handled_;
  contact_cost_cents_ += service.cost_per_contact_cents;
  kpis().add(line.channel, category, Counter::contacts_handled);
  kpis().add(line.channel, category, Counter::contact_wait_us, wait);
  kpis().add(line.channel, category, Counter::contacts_waited, wait > 0);
  kpis().add(line.channel, category, Counter::contacts_within_target,
             wait <= sim::seconds(service.answer_target_seconds));
  kpis().add(line.channel, category, Counter::contact_cost_cents, service.cost_per_contact_cents);
  if (wait > sim::seconds(service.answer_target_seconds))
    touch(line, Experience::contact_wait, ctx);
  auto& rng = ctx.rng();
  const double appeasement_rate = std::min(
      1.0, reason.appeasement_rate + service.wait_appeasement_per_hour * sim::to_hours(wait));
  if (rng.uniform01() < appeasement_rate) {
    appeasement_cents_ += reason.appeasement_cents;
    kpis().add(line.channel, category, Counter::appeasement_cents, reason.appeasement_cents);
    touch(line, Experience::appeasement, ctx);
  }
  ctx.schedule(sim::minutes(service.handle_minutes.sample(rng)), ContactHandled{});
}

void CustomerServiceAgent::on(const ContactHandled&, Context& ctx) {
  if (const auto next = agents_.finish(ctx.now())) begin(*next, ctx);
}

void CustomerServiceAgent::on(const RosterChange&, Context& ctx) {
  follow_roster(crew_, ctx);
  restaff(ctx);
}

void CustomerServiceAgent::on(const FlexibleHoursEnd& end, Context& ctx) {
  crew_.release(end.staff, ctx.now());
  restaff(ctx);
}

void CustomerServiceAgent::on(const Intervention& intervention, Context& ctx) {
  const Action& action = action_of(intervention);
  if (action.kind != Action::Kind::add_labour) misrouted(intervention, "customer service", ctx);
  crew_.call_in(action.staff, ctx.now());
  restaff(ctx);
  ctx.schedule(sim::hours(action.hours), FlexibleHoursEnd{action.staff});
}

void CustomerServiceAgent::restaff(Context& ctx) {
  for (const auto& job : agents_.set_servers(crew_.on_duty(ctx.now()), ctx.now()))
    begin(job, ctx);
}

void CustomerServiceAgent::on(const PatienceEnds& end, Context& ctx) {
  // Nothing to do if an agent took the contact in time.
  const auto job = agents_.withdraw(end.ticket, ctx.now());
  if (!job) return;
  ++contacts_abandoned_;
  touch(job->item.line, Experience::contact_wait, ctx);
  kpis().add(job->item.line.channel, network().scenario.catalog.skus[job->item.line.sku].category,
             Counter::contacts_abandoned);
}

void CustomerServiceAgent::audit(Audit& audit) const {
  audit.contacts_arrived += contacts_arrived_;
  audit.contacts_handled += contacts_handled_;
  audit.contacts_abandoned += contacts_abandoned_;
  audit.contacts_waiting += agents_.waiting();
  audit.contact_cost_cents += contact_cost_cents_;
  audit.appeasement_cents += appeasement_cents_;
  audit_costs(audit);
}

}  // namespace retail

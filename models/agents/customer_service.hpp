// The contact centre: customers contact it about late, cancelled, damaged and returned orders;
// contacts wait for a free agent on duty (agents work a roster, and the control tower may call
// more in), each costs money, and some end with a credit (appeasement), more often the longer the
// customer waited. A customer whose patience runs out while waiting hangs up (abandons): no cost,
// no credit.
#pragma once

#include <cstdint>

#include "models/agents/retail_agent.hpp"
#include "models/mechanics/fifo_station.hpp"

namespace retail {

class CustomerServiceAgent final : public RetailAgent {
 public:
  explicit CustomerServiceAgent(const Network& network);

  void start(Context& ctx) override {
    start_days(ctx);
    follow_roster(crew_, ctx);
  }
  void handle(const Event& event, Context& ctx) override;
  void audit(Audit& audit) const override;

  static sim::Time min_send_delay(const Network& network) { return network.report_latency; }
  static constexpr std::uint32_t kStreams = 1;

 private:
  void on(const Contact& contact, Context& ctx);
  void on(const ContactHandled&, Context& ctx);
  void on(const PatienceEnds& end, Context& ctx);
  void on(const DayEnd&, Context& ctx) { end_day(ctx); }
  void on(const RosterChange&, Context& ctx);
  void on(const FlexibleHoursEnd& end, Context& ctx);
  void on(const Intervention& intervention, Context& ctx);
  template <class Unexpected>
  void on(const Unexpected&, Context&);

  // An agent takes the contact: its cost, the customer's wait and a possible credit.
  void begin(const FifoStation<Contact>::Job& job, Context& ctx);
  // The agents on duty changed: those coming on duty answer waiting contacts.
  void restaff(Context& ctx);

  Crew crew_;
  FifoStation<Contact> agents_;
  std::int64_t contacts_arrived_ = 0;
  std::int64_t contacts_handled_ = 0;
  std::int64_t contacts_abandoned_ = 0;
  std::int64_t contact_cost_cents_ = 0;
  std::int64_t appeasement_cents_ = 0;
};

}  // namespace retail

// PHOLD, the standard parallel-DES yardstick: N logical processes; each event is forwarded to a
// uniformly chosen other LP with probability `remote`, else to itself, arriving after
// lookahead + Exp(mean). Used by the benchmarks, omnisim-phold and the engine tests.
#pragma once

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/agent.hpp"
#include "sim/context.hpp"
#include "sim/random.hpp"
#include "sim/world.hpp"

namespace phold {

struct Config {
  std::uint32_t lps = 1024;
  double remote = 0.25;    // probability an event goes to another LP
  double lookahead = 1.0;  // in time units
  double mean = 1.0;       // mean of the exponential part of the delay, in time units
  std::uint32_t events_per_lp = 1;
  sim::Time time_unit = sim::kTicksPerSecond;

  // A duration in PHOLD time units, in kernel ticks.
  sim::Time ticks(double units) const {
    return static_cast<sim::Time>(units * static_cast<double>(time_unit));
  }
};

// PHOLD events carry nothing: who and when is all there is.
struct Msg {};

class LogicalProcess final : public sim::Agent<Msg> {
 public:
  explicit LogicalProcess(const Config& config)
      : lps_(config.lps),
        remote_(config.remote),
        lookahead_(config.ticks(config.lookahead)),
        events_per_lp_(config.events_per_lp),
        time_unit_(static_cast<double>(config.time_unit)),
        delay_(1.0 / config.mean) {}

  void start(sim::Context<Msg>& ctx) override {
    for (std::uint32_t i = 0; i < events_per_lp_; ++i)
      ctx.send(ctx.self(), next_delay(ctx), Msg{});
  }

  void handle(const sim::Event<Msg>& event, sim::Context<Msg>& ctx) override {
    ++received_;
    digest_ = sim::mix64(digest_ ^ static_cast<std::uint64_t>(event.time)) + event.tie_break;
    sim::AgentId to = ctx.self();
    if (lps_ > 1 && ctx.rng().uniform01() < remote_) {
      to = boost::random::uniform_int_distribution<sim::AgentId>(0, lps_ - 2)(ctx.rng());
      if (to >= ctx.self()) ++to;
    }
    ctx.send(to, next_delay(ctx), Msg{});
  }

  std::uint64_t received() const { return received_; }
  // A hash of every (time, sender, sequence) this LP handled, in order.
  std::uint64_t digest() const { return digest_; }

 private:
  sim::Time next_delay(sim::Context<Msg>& ctx) {
    const double units = delay_(ctx.rng());
    return lookahead_ + static_cast<sim::Time>(units * time_unit_ + 0.5);
  }

  std::uint32_t lps_;
  double remote_;
  sim::Time lookahead_;
  std::uint32_t events_per_lp_;
  double time_unit_;
  boost::random::exponential_distribution<double> delay_;
  std::uint64_t received_ = 0;
  std::uint64_t digest_ = 0;
};

// Adds config.lps LPs, named "lp-<i>", to `world`; returns them in id order.
inline std::vector<LogicalProcess*> build(sim::World<Msg>& world, const Config& config) {
  std::vector<LogicalProcess*> lps;
  lps.reserve(config.lps);
  const sim::Time lookahead = config.ticks(config.lookahead);
  for (std::uint32_t i = 0; i < config.lps; ++i) {
    lps.push_back(&world.add<LogicalProcess>(
        sim::AgentSpec{sim::numbered_name("lp-", i), lookahead, 1}, config));
  }
  return lps;
}

// One hash of every LP's digest and count: equal iff (with overwhelming probability) every LP
// handled the same events in the same order.
inline std::uint64_t world_digest(const std::vector<LogicalProcess*>& lps) {
  std::uint64_t h = 0;
  for (const LogicalProcess* lp : lps)
    h = sim::mix64(h ^ lp->digest()) + lp->received();
  return h;
}

}  // namespace phold

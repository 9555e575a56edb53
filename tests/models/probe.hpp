// A stand-in for the agents around the one under test: records what reaches it, and sends the
// messages it is scripted to send.
#pragma once

#include <utility>
#include <vector>

#include "models/agents/messages.hpp"

namespace retail {

class Probe final : public sim::Agent<Msg> {
 public:
  struct Scripted {
    sim::Time at;
    sim::AgentId to;
    Msg message;
  };
  explicit Probe(std::vector<Scripted> script = {}) : script_(std::move(script)) {}
  void start(Context& ctx) override {
    for (const auto& item : script_)
      ctx.send(item.to, item.at, Msg(item.message));
  }
  void handle(const Event& event, Context& ctx) override {
    received.emplace_back(ctx.now(), event.msg);
  }
  std::vector<std::pair<sim::Time, Msg>> received;

 private:
  std::vector<Scripted> script_;
};

}  // namespace retail

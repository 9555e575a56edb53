// Building the agents of one replication, running them to the horizon and auditing the result.
#include "models/world/simulation.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "models/agents/ad_program.hpp"
#include "models/agents/carrier.hpp"
#include "models/agents/customer_service.hpp"
#include "models/agents/dc.hpp"
#include "models/agents/demand.hpp"
#include "models/agents/kpi_recorder.hpp"
#include "models/agents/order_manager.hpp"
#include "models/agents/promotion.hpp"
#include "models/agents/store.hpp"
#include "models/world/network.hpp"
#include "models/world/workload.hpp"
#include "sim/parallel_engine.hpp"
#include "sim/sequential_engine.hpp"

namespace retail {

namespace {

// The world of one replication: its agents in the Directory's id order.
class RetailWorld {
 public:
  RetailWorld(const Network& network, std::uint64_t replication, Arm arm)
      : network_(network), world_(network.scenario.seed, replication) {
    const Scenario& s = network.scenario;
    for (ZoneId zone = 0; zone < s.zones.size(); ++zone) {
      add<DemandAgent>(zone_name("demand/", zone), zone);
      add<OrderManagerAgent>(zone_name("orders/", zone), zone);
      for (const StoreId store : network.stores_by_zone[zone])
        add<StoreAgent>("store/" + s.stores[store].name, store);
    }
    for (DcId dc = 0; dc < s.dcs.size(); ++dc)
      add<DcAgent>("dc/" + s.dcs[dc].name, dc);
    for (CarrierId carrier = 0; carrier < s.carriers.size(); ++carrier)
      add<CarrierAgent>("carrier/" + s.carriers[carrier].name, carrier);
    for (std::uint32_t promotion = 0; promotion < s.promotions.size(); ++promotion)
      add<PromotionAgent>("promotion/" + s.promotions[promotion].name, promotion);
    for (std::uint32_t program = 0; program < s.advertising.programs.size(); ++program)
      add<AdProgramAgent>("ads/" + s.advertising.programs[program].name, program);
    agents_.push_back(&world_.add<CustomerServiceAgent>(
        {"customer-service", CustomerServiceAgent::min_send_delay(network),
         CustomerServiceAgent::kStreams},
        network));
    if (network.ids.control_tower) {
      tower_ = &world_.add<ControlTowerAgent>(
          {"control-tower", ControlTowerAgent::min_send_delay(network),
           ControlTowerAgent::kStreams},
          network, arm);
      agents_.push_back(tower_);
    }
    recorder_ = &world_.add<KpiRecorderAgent>(
        {"kpi-recorder", sim::kNever, 1},
        KpiTable(s.horizon_days, s.catalog.categories.size(), s.kpi.warmup_days,
                 s.kpi.node_days ? static_cast<std::uint32_t>(network.node_count()) : 0));
    if (world_.size() != network.ids.agents)
      throw std::logic_error("the world's agents do not match the network's directory");
  }

  // Runs to the horizon, collects every KPI report (sent or not) and checks the invariants.
  template <class Engine>
  ReplicationResult run(Engine& engine) {
    const sim::RunStats stats = engine.run_until(sim::days(network_.scenario.horizon_days));
    KpiTable& table = recorder_->table();
    Audit audit;
    for (const RetailAgent* agent : agents_) {
      agent->collect_unreported(table);
      agent->audit(audit);
    }
    engine.for_each_pending([&](const Event& event) {
      if (event.target == network_.ids.recorder) {
        if (const auto* report = std::get_if<KpiReport>(&event.msg)) table.add(*report);
        if (const auto* node_day = std::get_if<NodeDay>(&event.msg)) table.add(*node_day);
      }
      audit_in_flight(event.msg, audit);
    });
    check_invariants(audit, table, world_.replication());
    std::vector<DecisionRecord> decisions;
    if (tower_) decisions = tower_->decisions();
    return ReplicationResult{std::move(table), audit, stats, std::move(decisions)};
  }

  sim::World<Msg>& world() { return world_; }

 private:
  std::string zone_name(const char* prefix, ZoneId zone) const {
    return prefix + network_.scenario.zones[zone].name;
  }

  template <class A, class Id>
  void add(std::string name, Id index) {
    agents_.push_back(&world_.add<A>({std::move(name), A::min_send_delay(network_), A::kStreams},
                                     network_, index));
  }

  const Network& network_;
  sim::World<Msg> world_;
  std::vector<RetailAgent*> agents_;
  KpiRecorderAgent* recorder_ = nullptr;
  ControlTowerAgent* tower_ = nullptr;
};

}  // namespace

ReplicationResult run_replication(const Scenario& scenario, std::uint64_t replication,
                                  unsigned threads, Arm arm) {
  const Network network(scenario);
  RetailWorld world(network, replication, arm);
  if (threads <= 1) {
    sim::SequentialEngine<Msg> engine(world.world());
    return world.run(engine);
  }
  // Eight partitions a thread: how much work a partition has varies from one 5-minute window to
  // the next, and the threads even it out by taking partitions as they come free. On the large
  // planned chain of bench/retail_bench.cpp at 2 threads: 16.0-16.4 s with one partition a
  // thread, 15.3-15.6 s with four, 13.8-14.5 s with eight, 13.9 s with sixteen.
  constexpr unsigned kPartitionsPerThread = 8;
  sim::ParallelOptions options{threads, {}};
  options.partition_of = sim::weighted_block_partition(
      expected_daily_events(network),
      static_cast<std::uint32_t>(
          std::min<std::size_t>(std::size_t{threads} * kPartitionsPerThread, network.ids.agents)));
  sim::ParallelEngine<Msg> engine(world.world(), std::move(options));
  return world.run(engine);
}

}  // namespace retail

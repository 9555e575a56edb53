// A service station: identical servers serving jobs first come, first served; jobs wait when
// every server is busy, and a waiting job may be withdrawn (a caller who hangs up). The number of
// servers on duty may change (shifts): a server going off duty finishes the job in hand first.
// The station integrates over time the servers on duty (paid), busy and the jobs waiting. DC
// pickers and contact-centre agents are both one.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/mechanics/step_integral.hpp"

#include "sim/time.hpp"

namespace retail {

template <class Item>
class FifoStation {
 public:
  struct Job {
    Item item;
    sim::Time arrived = 0;
  };
  // A queued job's number, in arrival order, by which it can be withdrawn.
  using Ticket = std::uint64_t;
  struct Arrival {
    std::optional<Job> started;  // the job, if a server took it at once
    Ticket ticket = 0;           // otherwise its place in the queue
  };

  explicit FifoStation(std::uint32_t servers) : servers_(servers) { measure(0); }

  // A job arrives: a free server starts it at once, or it queues under a ticket.
  Arrival arrive(const Item& item, sim::Time now) {
    if (busy_ < servers_) {
      ++busy_;
      measure(now);
      return {Job{item, now}, 0};
    }
    queue_.push_back(Job{item, now});
    measure(now);
    return {std::nullopt, front_ticket_ + queue_.size() - 1};
  }

  // A server finishes: the queued job it starts next, if any (none when it goes off duty).
  std::optional<Job> finish(sim::Time now) {
    if (busy_ == 0) throw std::logic_error("a job finished while no server was busy");
    if (busy_ > servers_ || waiting() == 0) {
      --busy_;
      measure(now);
      return std::nullopt;
    }
    Job next = take_front();
    measure(now);
    return next;
  }

  // From `now` on, `servers` are on duty: the queued jobs the servers coming on duty start.
  std::vector<Job> set_servers(std::uint32_t servers, sim::Time now) {
    servers_ = servers;
    std::vector<Job> started;
    while (busy_ < servers_ && waiting() > 0) {
      ++busy_;
      started.push_back(take_front());
    }
    measure(now);
    return started;
  }

  // The queued job with `ticket` leaves the queue: the job, or nullopt if it is no longer
  // waiting (a server took it, or it was withdrawn already).
  std::optional<Job> withdraw(Ticket ticket, sim::Time now) {
    if (ticket < front_ticket_) return std::nullopt;
    if (ticket - front_ticket_ >= queue_.size())
      throw std::logic_error("no job was queued with ticket " + std::to_string(ticket));
    Job& job = queue_[ticket - front_ticket_];
    if (job.arrived == kWithdrawn) return std::nullopt;
    const Job left = job;
    job.arrived = kWithdrawn;
    ++withdrawn_;
    drop_withdrawn_front();
    measure(now);
    return left;
  }

  // Jobs waiting for a server.
  std::int64_t waiting() const { return static_cast<std::int64_t>(queue_.size()) - withdrawn_; }
  // Jobs waiting or in service.
  std::int64_t in_system() const { return waiting() + busy_; }
  std::uint32_t servers() const { return servers_; }

  // Server-ticks on duty (paid: a server finishing a job after going off duty is still working),
  // busy, and job-ticks waiting, from the start until `now`.
  double on_duty_ticks(sim::Time now) const { return on_duty_.total(now); }
  double busy_ticks(sim::Time now) const { return busy_time_.total(now); }
  double waiting_ticks(sim::Time now) const { return waiting_time_.total(now); }

 private:
  // A withdrawn job stays in the queue, marked, until it reaches the front: withdrawing is O(1)
  // and tickets stay positions. The mark is an arrival time no job has rather than a flag, which
  // would widen every queued job (a DC's pick queue can hold millions).
  static constexpr sim::Time kWithdrawn = sim::kNever;

  // The waiting job at the front leaves the queue for a server.
  Job take_front() {
    Job next = queue_.front();
    pop_front();
    drop_withdrawn_front();
    return next;
  }
  void measure(sim::Time now) {
    on_duty_.set(static_cast<double>(std::max(servers_, busy_)), now);
    busy_time_.set(static_cast<double>(busy_), now);
    waiting_time_.set(static_cast<double>(waiting()), now);
  }
  void pop_front() {
    queue_.pop_front();
    ++front_ticket_;
  }
  // Keeps the front a waiting job, so that finish() starts it.
  void drop_withdrawn_front() {
    while (!queue_.empty() && queue_.front().arrived == kWithdrawn) {
      pop_front();
      --withdrawn_;
    }
  }

  std::uint32_t servers_;
  std::uint32_t busy_ = 0;
  std::deque<Job> queue_;
  Ticket front_ticket_ = 0;     // the ticket of queue_.front()
  std::int64_t withdrawn_ = 0;  // withdrawn jobs still in queue_
  StepIntegral on_duty_, busy_time_, waiting_time_;
};

}  // namespace retail

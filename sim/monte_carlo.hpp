// The Monte Carlo runner: R replications in parallel on oneTBB, each reproducible from
// (master seed, replication index) alone, results in replication order whatever the scheduling.
#pragma once

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/errors.hpp"
#include "sim/threads.hpp"

namespace sim {

// Everything a replication may depend on: pass both into the World it builds.
struct Replication {
  std::uint64_t master_seed;
  std::uint64_t index;
};

struct MonteCarloOptions {
  std::size_t replications = 1;
  std::uint64_t master_seed = 1;
  unsigned threads = 0;  // 0: every hardware thread
};

namespace detail {
// Stacks per-replication vectors into a matrix, one row per replication.
Eigen::MatrixXd stack_rows(const std::vector<Eigen::VectorXd>& rows);
}  // namespace detail

// Runs `replicate(Replication) -> Eigen::VectorXd` (one value per metric) for every replication
// index; row i of the result comes from replication i.
template <class Replicate>
Eigen::MatrixXd run_replications(const MonteCarloOptions& options, Replicate&& replicate) {
  std::vector<Eigen::VectorXd> rows(options.replications);
  tbb::task_arena arena(static_cast<int>(resolve_threads(options.threads)));
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, options.replications, [&](std::size_t i) {
      rows[i] = replicate(Replication{options.master_seed, i});
    });
  });
  return detail::stack_rows(rows);
}

// Two arms of a study, row i of each from replication i.
struct PairedRuns {
  Eigen::MatrixXd baseline;
  Eigen::MatrixXd treatment;
};

// Runs both arms of every replication with the same Replication, so that streams keyed by it
// give the arms common random numbers and their paired difference has low variance.
template <class Baseline, class Treatment>
PairedRuns run_paired(const MonteCarloOptions& options, Baseline&& baseline,
                      Treatment&& treatment) {
  std::vector<Eigen::VectorXd> base_rows(options.replications);
  std::vector<Eigen::VectorXd> treat_rows(options.replications);
  tbb::task_arena arena(static_cast<int>(resolve_threads(options.threads)));
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, options.replications, [&](std::size_t i) {
      const Replication rep{options.master_seed, i};
      base_rows[i] = baseline(rep);
      treat_rows[i] = treatment(rep);
    });
  });
  return {detail::stack_rows(base_rows), detail::stack_rows(treat_rows)};
}

}  // namespace sim

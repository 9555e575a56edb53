// omnisim-phold: runs PHOLD once and prints committed events, wall time and event rate, so the
// kernel can be timed against other engines run with the same parameters.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>

#include "phold.hpp"
#include "sim/parallel_engine.hpp"
#include "sim/sequential_engine.hpp"

namespace {

struct Options {
  phold::Config model;
  double end = 1000.0;
  std::string engine = "parallel";
  unsigned threads = 0;
  std::uint64_t seed = 1;
};

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  CLI::App app{"PHOLD on the omnisim kernel: prints committed events, wall time and event rate."};
  app.footer(
      "Example:\n  omnisim-phold --lps 1024 --remote 0.25 --lookahead 1 --mean 1 --end 1000 "
      "--threads 2 --engine parallel");
  app.add_option("--lps", opt.model.lps, "Number of logical processes")
      ->capture_default_str()
      ->check(CLI::Range(1u, 16'000'000u));
  app.add_option("--remote", opt.model.remote, "Probability an event goes to another LP")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--lookahead", opt.model.lookahead, "Minimum delay of every event (time units)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--mean", opt.model.mean, "Mean of the exponential part of the delay")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--events-per-lp", opt.model.events_per_lp, "Initial events per LP")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1'000'000u));
  app.add_option("--end", opt.end, "Simulated time at which the run stops (time units)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--engine", opt.engine, "sequential or parallel")
      ->capture_default_str()
      ->check(CLI::IsMember({"sequential", "parallel"}));
  app.add_option("--threads", opt.threads, "Threads for the parallel engine (0: all cores)")
      ->capture_default_str();
  app.add_option("--seed", opt.seed, "Master seed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  try {
    const auto setup_start = std::chrono::steady_clock::now();
    sim::World<phold::Msg> world(opt.seed, 0);
    const auto lps = phold::build(world, opt.model);
    const sim::Time end = opt.model.ticks(opt.end);

    sim::RunStats stats;
    double seconds = 0.0;
    auto timed_run = [&](auto& engine) {
      const auto start = std::chrono::steady_clock::now();
      stats = engine.run_until(end);
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    unsigned threads = 1;
    if (opt.engine == "sequential") {
      sim::SequentialEngine<phold::Msg> engine(world);
      timed_run(engine);
    } else {
      threads = sim::resolve_threads(opt.threads);
      sim::ParallelEngine<phold::Msg> engine(world, {threads, {}});
      timed_run(engine);
    }
    const double setup =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - setup_start).count() -
        seconds;

    std::printf("engine           %s (%u thread%s)\n", opt.engine.c_str(), threads,
                threads == 1 ? "" : "s");
    std::printf("lps              %u\n", opt.model.lps);
    std::printf("committed events %llu\n", static_cast<unsigned long long>(stats.committed_events));
    std::printf("windows          %llu\n", static_cast<unsigned long long>(stats.windows));
    std::printf("pending events   %llu\n", static_cast<unsigned long long>(stats.pending_events));
    std::printf("setup time       %.3f s\n", setup);
    std::printf("wall time        %.3f s\n", seconds);
    std::printf("event rate       %.3f M events/s\n",
                static_cast<double>(stats.committed_events) / seconds / 1e6);
    std::printf("digest           %016llx\n",
                static_cast<unsigned long long>(phold::world_digest(lps)));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "omnisim-phold: error: %s\n", e.what());
    return 1;
  }
  return 0;
}

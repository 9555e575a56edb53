// omnisim sweep: plan every point, then in rounds (one with --reps N; several with --reps auto)
// run the missing tasks of all points together across the processes and threads, rank 0
// journalling each result as it arrives.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <memory>
#include <string>

#include "models/scenario/loader.hpp"
#include "models/world/simulation.hpp"
#include "sim/task_farm.hpp"
#include "sim/threads.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/interrupt.hpp"
#include "tools/cli/memory_limit.hpp"
#include "tools/cli/progress_bar.hpp"
#include "tools/experiment/executor.hpp"
#include "tools/experiment/sweep_manifest.hpp"
#include "tools/experiment/sweep_results.hpp"
#include "tools/experiment/sweep_schedule.hpp"
#include "tools/experiment/sweep_state.hpp"
#include "tools/experiment/sweep_study.hpp"
#include "tools/report/sweep_report.hpp"
#include "tools/results/errors.hpp"
#include "tools/results/output_files.hpp"
#include "tools/results/visible_text.hpp"

namespace omnisim {
namespace {

// Planning shows its progress only once it has taken this long: most grids plan in less.
constexpr auto kQuietPlanning = std::chrono::seconds(1);

// The progress of loading every point's scenario, on rank 0, once it takes long enough to matter.
class PlanningProgress {
 public:
  explicit PlanningProgress(const SweepOptions& options)
      : out_(sim::process_rank() == 0 ? options.progress : nullptr),
        style_(options.progress_style) {}

  void point_loaded(std::size_t loaded, std::size_t points) {
    if (bar_) {
      bar_->advance();
    } else if (out_ != nullptr && std::chrono::steady_clock::now() - start_ >= kQuietPlanning) {
      bar_ = std::make_unique<ProgressBar>(out_, points, style_, loaded, "grid points planned");
    }
  }
  void finish() {
    if (bar_) bar_->finish();
  }

 private:
  std::ostream* out_;
  ProgressStyle style_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::unique_ptr<ProgressBar> bar_;
};

std::string signal_name(int signal) {
  return signal == SIGTERM ? "SIGTERM" : "SIGINT";
}

// How a failure names a grid point: by its values, for the grid is what the user wrote.
std::string name_point(const SweepPlan& plan, std::uint64_t point) {
  return "grid point " + std::to_string(point) + " (" + describe_point(plan, point) + ") of '" +
         plan.points.front().name + "'";
}

void print_heading(std::ostream& out, const SweepPlan& plan,
                   const std::vector<std::uint64_t>& counts, std::size_t carried_over,
                   double seconds, unsigned threads) {
  const retail::Scenario& scenario = plan.points.front();
  const auto [fewest, most] = std::minmax_element(counts.begin(), counts.end());
  std::uint64_t tasks = 0;
  for (const std::uint64_t count : counts)
    tasks += count * plan.arms.size();
  out << "Sweep of '" << terminal_text(scenario.name) << "' over " << plan.points.size()
      << " grid points: ";
  if (*fewest == *most) {
    out << *most << " replications";
  } else {
    out << *fewest << " to " << *most << " replications (--reps auto, objective interval width "
        << format_for_table(plan.auto_replications->ci_width) << ")";
  }
  const auto [shortest, longest] = std::minmax_element(
      plan.points.begin(), plan.points.end(),
      [](const auto& a, const auto& b) { return a.horizon_days < b.horizon_days; });
  out << " of ";
  if (shortest->horizon_days != longest->horizon_days) out << shortest->horizon_days << " to ";
  out << longest->horizon_days << " days per point" << (plan.arms.size() == 2 ? " in each arm" : "")
      << ", seed " << scenario.seed << "; " << tasks << " replications in all";
  if (carried_over > 0) out << " (" << carried_over << " from before --resume)";
  out << ", " << format_for_table(seconds) << " s on " << threads
      << (threads == 1 ? " thread" : " threads");
  if (sim::process_count() > 1) out << " in each of " << sim::process_count() << " processes";
  out << ".\n\n";
}

}  // namespace

void sweep_command(const SweepOptions& options, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const unsigned threads = sim::resolve_threads(options.threads);
  // Every rank plans (and so checks) the study; only rank 0 owns its directory. Each step fails
  // on all ranks alike, so none waits for the others in a collective.
  SweepPlan plan;
  sim::on_every_rank(
      [&] {
        // An empty --out cannot even name where the study's scenario is recorded from.
        if (options.out.empty()) check_output_directory(options.out, options.force);
        PlanningProgress planning(options);
        plan = plan_sweep(options.request, [&planning](std::size_t loaded, std::size_t points) {
          planning.point_loaded(loaded, points);
        });
        planning.finish();
        plan.definition["scenario"] = recorded_scenario(plan.file, options.out);
        for (const retail::Scenario& point : plan.points) {
          check_memory(point, threads, options.memory_limit_bytes,
                       static_cast<unsigned>(plan.arms.size()));
        }
      },
      error_kinds());
  // The estimate was checked while planning; this holds the sweep to the limit for real.
  const std::unique_ptr<MemoryWatchdog> watchdog = watch_memory(options.memory_limit_bytes);
  const bool root = sim::process_rank() == 0;
  SweepSchedule schedule(plan);
  std::unique_ptr<SweepState> state;
  std::unique_ptr<ProgressBar> progress;
  sim::on_root(
      [&] {
        state = std::make_unique<SweepState>(plan, options.out, options.resume, options.force);
        progress = std::make_unique<ProgressBar>(options.progress, schedule.planned_tasks(),
                                                 options.progress_style, state->done_count());
      },
      error_kinds());
  InterruptGuard interrupt;

  const Study study{
      plan.points, plan.arms, [&plan](std::uint64_t point) { return name_point(plan, point); }, {}};
  const CollectResult collect = [&](std::uint64_t, const sim::TaskAt& at,
                                    retail::ReplicationResult result) {
    state->collect(task_record(plan, at, result));
    progress->advance();
  };

  std::uint64_t progress_total = schedule.planned_tasks();
  bool interrupted = false;
  while (!interrupted) {
    std::vector<std::uint64_t> tasks;
    sim::on_root(
        [&] {
          // With --reps auto, rounds an earlier attempt finished are decided again from its
          // records.
          tasks = schedule.missing([&state](std::uint64_t task) { return state->done(task); });
          while (tasks.empty() && schedule.extend(state->records())) {
            tasks = schedule.missing([&state](std::uint64_t task) { return state->done(task); });
          }
          state->set_planned(plan.auto_replications ? std::nullopt
                                                    : std::optional(schedule.planned_tasks()));
          progress->add_to_total(schedule.planned_tasks() - progress_total);
          progress_total = schedule.planned_tasks();
          state->save(SweepStatus::running);
        },
        error_kinds());
    sim::RoundOutcome round;
    try {
      round = run_study_tasks(study, tasks, threads, collect, &interrupt.flag());
    } catch (const retail::ScenarioError&) {
      if (root) state->save(SweepStatus::interrupted);
      throw;
    } catch (const ReplicationFailure& failure) {
      if (root) state->save(SweepStatus::interrupted);
      throw ReplicationFailure(std::string(failure.what()) +
                               " (the replications finished before it are saved: --resume "
                               "retries the rest)");
    }
    if (round.tasks == 0) break;
    interrupted = round.stopped;
  }
  if (progress) progress->finish();

  if (interrupted) {
    if (!root) throw Interrupted("", SIGINT);
    state->save(SweepStatus::interrupted);
    const int signal = interrupt.signal() == 0 ? SIGTERM : interrupt.signal();
    throw Interrupted("stopped by " + signal_name(signal) + ": " +
                          std::to_string(state->done_count()) + " replications are saved in '" +
                          options.out.string() +
                          "'. To finish the study, run the same command again with --resume.",
                      signal);
  }
  sim::on_root(
      [&] {
        write_study(options.out, plan, state->records());
        const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
        print_heading(out, plan, schedule.counts(), state->carried_over(), wall.count(), threads);
        if (plan.shard) {
          out << "Shard " << plan.shard->index << "/" << plan.shard->count
              << " done: " << state->done_count() << " replications in "
              << terminal_text(options.out.string())
              << ". When every shard is done: omnisim merge SHARD_DIR... --out DIR\n";
          return;
        }
        print_study(out, plan, state->records(), options.top);
        if (options.report) write_sweep_report(options.out);
        out << "\nWrote manifest.json, sweep.csv, replications.csv"
            << (options.report ? ", report.html" : "") << " to "
            << terminal_text(options.out.string()) << "\n";
      },
      error_kinds());
}

}  // namespace omnisim
